package io.switchboard.application.lifecycle;

import io.switchboard.application.Delivery;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything known about one message after it was routed: the request, each send (the first, and any re-send), the
 * status each reached and the history of how it got there. Immutable: every change is a new record, made by the
 * methods here, so a store only has to swap records atomically.
 *
 * <p>Status only moves forward: queued, sending, sent, then one final status (delivered, undelivered, failed,
 * rejected, expired). A late or repeated event never moves a send back, and nothing overwrites a final status.
 * An event that arrives before the vendor's answer to the send is kept on the send it names.
 *
 * @param key the record's key: the client reference when the request has one, else one made for it
 * @param request the request as the caller made it
 * @param country the destination's region code
 * @param outcome what routing came to, for the latest routing of the request
 * @param sends every send, oldest first: the last is the current one
 * @param history every status change applied, in the order applied
 * @param resends how many re-sends were started
 * @param readBacks how many times the current send was read back from its vendor
 * @param failure why the latest routing sent nothing, when it did not
 */
public record DeliveryRecord(
        String key,
        MessageRequest request,
        String country,
        Instant createdAt,
        Instant updatedAt,
        Outcome outcome,
        List<SendRecord> sends,
        List<StatusChange> history,
        int resends,
        int readBacks,
        Optional<String> failure) {

    /** What routing came to. */
    public enum Outcome {
        /** Being routed now. */
        ROUTING,
        /** Accepted by an account. */
        SENT,
        /** Accepted by none. */
        NOT_SENT,
        /** Possibly accepted: the vendor has not said (read-back may tell). */
        OUTCOME_UNKNOWN
    }

    /** What applying an event did. */
    public enum Effect {
        /** The status moved forward. */
        APPLIED,
        /** The send already had this status. */
        DUPLICATE,
        /** The send had a later or final status: the event is older news. */
        STALE
    }

    /** A record after a change, and what the change did. */
    public record Change(DeliveryRecord record, Effect effect) {
    }

    public DeliveryRecord {
        Checks.notBlank(key, "key");
        Checks.required(request, "request");
        Checks.required(country, "country");
        Checks.required(createdAt, "createdAt");
        Checks.required(updatedAt, "updatedAt");
        Checks.required(outcome, "outcome");
        sends = List.copyOf(sends);
        history = List.copyOf(history);
        failure = failure == null ? Optional.empty() : failure;
    }

    /** A record for a request about to be routed. */
    public static DeliveryRecord open(String key, MessageRequest request, Instant now) {
        return new DeliveryRecord(key, request, request.to().regionCode(), now, now, Outcome.ROUTING, List.of(),
                List.of(), 0, 0, Optional.empty());
    }

    public Optional<String> clientReference() {
        return request.clientReference();
    }

    /** The current send: the last one started. */
    public Optional<SendRecord> current() {
        return sends.isEmpty() ? Optional.empty() : Optional.of(sends.get(sends.size() - 1));
    }

    /** The status of the current send. */
    public Optional<MessageStatus> status() {
        return current().map(SendRecord::status);
    }

    /** Whether the current send has a final status. */
    public boolean isFinal() {
        return current().map(SendRecord::isFinal).orElse(outcome == Outcome.NOT_SENT);
    }

    /** Every account a send of this record went to (or may have), in order. */
    public Set<AccountId> accountsTried() {
        Set<AccountId> accounts = new LinkedHashSet<>();
        sends.forEach(s -> accounts.add(s.account()));
        return accounts;
    }

    /** This record after routing answered {@code delivery}. */
    public DeliveryRecord routed(Delivery delivery, Instant now) {
        Checks.required(delivery, "delivery");
        List<SendRecord> nextSends = new ArrayList<>(sends);
        List<StatusChange> nextHistory = new ArrayList<>(history);
        if (delivery instanceof Delivery.Sent sent) {
            MessageStatus answered = sent.message().map(Message::status).filter(s -> s != MessageStatus.UNKNOWN)
                    .orElse(MessageStatus.QUEUED);
            String raw = sent.message().map(Message::rawStatus).orElse("");
            int at = indexOf(nextSends, sent.account(), sent.vendorId());
            if (at < 0) {
                nextSends.add(new SendRecord(sent.account(), Optional.of(sent.vendorId()), true, answered, raw,
                        Optional.empty(), Optional.empty(), ErrorClass.UNCLASSIFIED, Optional.empty(), now));
                nextHistory.add(new StatusChange(now, sent.account(), Optional.of(sent.vendorId()), answered, raw,
                        Optional.empty(), StatusChange.Source.SEND));
            } else {
                // A callback came before the answer: keep what it said unless the answer is further on.
                SendRecord early = nextSends.get(at);
                boolean forward = rank(answered) > rank(early.status()) && !early.isFinal();
                nextSends.set(at, new SendRecord(early.account(), early.vendorId(), true,
                        forward ? answered : early.status(), forward ? raw : early.rawStatus(), early.errorCode(),
                        early.errorMeaning(), early.errorClass(), early.price(), forward ? now : early.since()));
                if (forward) {
                    nextHistory.add(new StatusChange(now, sent.account(), Optional.of(sent.vendorId()), answered,
                            raw, Optional.empty(), StatusChange.Source.SEND));
                }
            }
            return with(Outcome.SENT, nextSends, nextHistory, Optional.empty(), now);
        }
        if (delivery instanceof Delivery.OutcomeUnknown unknown) {
            if (nextSends.stream().anyMatch(s -> s.account().equals(unknown.account()) && !s.accepted()
                    && s.vendorId().isPresent())) {
                // Its callback already came: the vendor accepted it, whatever the send's answer said.
                return with(Outcome.SENT, nextSends, nextHistory, Optional.empty(), now);
            }
            nextSends.add(new SendRecord(unknown.account(), Optional.empty(), false, MessageStatus.UNKNOWN, "",
                    Optional.empty(), Optional.empty(), ErrorClass.UNCLASSIFIED, Optional.empty(), now));
            Outcome next = anyAccepted() ? outcome : Outcome.OUTCOME_UNKNOWN;
            return with(next, nextSends, nextHistory, Optional.of(unknown.failure().message()), now);
        }
        Delivery.NotSent notSent = (Delivery.NotSent) delivery;
        // A re-send that found no account leaves the record as the first send left it.
        Outcome next = anyAccepted() ? outcome : Outcome.NOT_SENT;
        return with(next, nextSends, nextHistory, Optional.of(notSent.failure().message()), now);
    }

    /** This record with {@code event} applied, and whether it moved anything. */
    public Change apply(VendorEvent event, StatusChange.Source source, Instant now) {
        Checks.required(event, "event");
        MessageStatus status = event.messageStatus().orElseThrow(() -> new IllegalArgumentException(
                "not a message status event: " + event.kind()));
        List<SendRecord> nextSends = new ArrayList<>(sends);
        int at = indexOf(nextSends, event.account(), event.vendorId());
        if (at < 0) {
            at = unknownSendOf(nextSends, event.account());
        }
        SendRecord before;
        if (at < 0) {
            // Before the vendor's answer to the send: keep it on a send of its own, which the answer then joins.
            before = new SendRecord(event.account(), Optional.of(event.vendorId()), false, MessageStatus.UNKNOWN, "",
                    Optional.empty(), Optional.empty(), ErrorClass.UNCLASSIFIED, Optional.empty(), event.occurredAt());
            nextSends.add(before);
            at = nextSends.size() - 1;
        } else {
            before = nextSends.get(at);
        }
        if (status == before.status()) {
            return new Change(this, Effect.DUPLICATE);
        }
        if (before.isFinal() || rank(status) < rank(before.status())) {
            return new Change(this, Effect.STALE);
        }
        nextSends.set(at, new SendRecord(event.account(), Optional.of(event.vendorId()), before.accepted(), status,
                event.rawStatus(), event.errorCode(), event.errorMeaning(), event.errorClass(),
                event.price().isPresent() ? event.price() : before.price(), event.occurredAt()));
        List<StatusChange> nextHistory = new ArrayList<>(history);
        nextHistory.add(new StatusChange(event.occurredAt(), event.account(), Optional.of(event.vendorId()), status,
                event.rawStatus(), event.errorCode(), source));
        Outcome next = outcome == Outcome.OUTCOME_UNKNOWN || outcome == Outcome.NOT_SENT ? Outcome.SENT : outcome;
        return new Change(with(next, nextSends, nextHistory, next == Outcome.SENT ? Optional.empty() : failure, now),
                Effect.APPLIED);
    }

    /** This record routed again (the same client reference after a routing that sent nothing). */
    public DeliveryRecord routing(Instant now) {
        return outcome == Outcome.NOT_SENT ? with(Outcome.ROUTING, sends, history, failure, now) : this;
    }

    /** This record with one more re-send started. */
    public DeliveryRecord resending(Instant now) {
        return new DeliveryRecord(key, request, country, createdAt, now, outcome, sends, history, resends + 1,
                readBacks, failure);
    }

    /** This record after one read-back of its current send. */
    public DeliveryRecord readBack(Instant now) {
        return new DeliveryRecord(key, request, country, createdAt, now, outcome, sends, history, resends,
                readBacks + 1, failure);
    }

    /** This record once read-back found that the vendor has no message for a send whose outcome was unknown. */
    public DeliveryRecord notAccepted(String why, Instant now) {
        List<SendRecord> nextSends = new ArrayList<>(sends);
        nextSends.removeIf(s -> s.vendorId().isEmpty());
        Outcome next = nextSends.stream().anyMatch(SendRecord::accepted) ? Outcome.SENT : Outcome.NOT_SENT;
        return with(next, nextSends, history, Optional.of(why), now);
    }

    private boolean anyAccepted() {
        return sends.stream().anyMatch(s -> s.accepted() || s.vendorId().isPresent());
    }

    private DeliveryRecord with(Outcome next, List<SendRecord> nextSends, List<StatusChange> nextHistory,
            Optional<String> nextFailure, Instant now) {
        return new DeliveryRecord(key, request, country, createdAt, now, next, nextSends, nextHistory, resends,
                readBacks, nextFailure);
    }

    private static int indexOf(List<SendRecord> sends, AccountId account, String vendorId) {
        for (int i = sends.size() - 1; i >= 0; i--) {
            if (sends.get(i).is(account, vendorId)) {
                return i;
            }
        }
        return -1;
    }

    /** The last send on {@code account} whose outcome is unknown (no vendor id yet), or -1. */
    private static int unknownSendOf(List<SendRecord> sends, AccountId account) {
        for (int i = sends.size() - 1; i >= 0; i--) {
            SendRecord s = sends.get(i);
            if (s.account().equals(account) && s.vendorId().isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** The order of statuses: a send only moves to a higher rank. */
    static int rank(MessageStatus status) {
        return switch (status) {
            case UNKNOWN -> 0;
            case QUEUED -> 1;
            case SENDING -> 2;
            case SENT -> 3;
            default -> 4;
        };
    }
}
