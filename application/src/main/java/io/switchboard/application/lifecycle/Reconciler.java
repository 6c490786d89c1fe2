package io.switchboard.application.lifecycle;

import io.switchboard.application.Delivery;
import io.switchboard.application.Router;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.ProviderConnector;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back from the vendor what no callback told: a message with no final status {@code after} its routing is
 * fetched once by its vendor id, and a send whose outcome was unknown is looked for among the account's messages to
 * that number in the time window, so that "unknown" becomes sent or not sent when the vendor can tell.
 *
 * <p>First, each run recovers the client references the ledger lists as abandoned (their instance stopped while
 * routing them, and their claim's lease ran out): a reference whose delivery record says it was sent or not sent is
 * resolved to that; one whose record was still routing is looked for among the messages of every account to its
 * number, with its text, in the time window: one found makes it sent on that account, none on any account frees the
 * reference (nothing was accepted, so sending it again sends it once), several leave it unknown. A reference without a
 * delivery record stays unknown: nothing tells where it went. This object does not read again a reference it could not
 * decide.
 *
 * <p>Each run reads at most {@code maxPerRun} records, abandoned references first (the bound on vendor reads per run
 * is that times the accounts); the facade runs it on a schedule.
 */
public final class Reconciler {

    /** How far around the routing time a read-back of an unknown send looks. */
    static final Duration WINDOW_SLACK = Duration.ofMinutes(2);

    private final Lifecycle lifecycle;
    private final Map<AccountId, ProviderConnector> accounts = new LinkedHashMap<>();
    private final Duration after;
    private final int maxPerRun;
    /** Abandoned references that read-back could not decide (no record, or several matching messages). */
    private final java.util.Set<String> undecided = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final int MAX_UNDECIDED = 10_000;

    public Reconciler(Lifecycle lifecycle, List<? extends ProviderConnector> connectors, Duration after,
            int maxPerRun) {
        this.lifecycle = Checks.required(lifecycle, "lifecycle");
        Checks.required(connectors, "connectors").forEach(c -> accounts.put(c.account(), c));
        Checks.required(after, "reconcile.after");
        if (after.isNegative() || after.isZero()) {
            throw SwitchboardException.invalid("reconcile.after", "must be positive, got " + after);
        }
        if (maxPerRun < 1 || maxPerRun > 10_000) {
            throw SwitchboardException.invalid("reconcile.maxPerRun", "must be 1 to 10000, got " + maxPerRun);
        }
        this.after = after;
        this.maxPerRun = maxPerRun;
    }

    /**
     * What one run did: statuses read back, unknown sends and abandoned references found sent or not sent, and reads
     * that failed or could not tell.
     */
    public record Summary(int readBack, int resolvedSent, int resolvedNotSent, int failed) {
    }

    /** One pass over the abandoned references, then over the records due for a read-back. */
    public Summary run() {
        Instant now = lifecycle.clock().instant();
        Instant due = now.minus(after);
        Recovered abandoned = recoverAbandoned(now);
        int read = 0;
        int sent = abandoned.sent();
        int notSent = abandoned.notSent();
        int failed = abandoned.undecided();
        List<DeliveryRecord> waiting = lifecycle.records().list(RecordQuery.all(RecordQuery.MAX_LIMIT)
                .finalStatus(false).createdBefore(due)).stream()
                .filter(r -> r.readBacks() == 0 && (r.outcome() == DeliveryRecord.Outcome.SENT
                        || r.outcome() == DeliveryRecord.Outcome.OUTCOME_UNKNOWN))
                .limit(Math.max(0, maxPerRun - abandoned.looked()))
                .toList();
        for (DeliveryRecord record : waiting) {
            lifecycle.records().update(record.key(), r -> r.readBack(now));
            SendRecord current = record.current().orElse(null);
            MessagingPort port = current == null ? null
                    : Optional.ofNullable(accounts.get(current.account())).flatMap(ProviderConnector::messaging)
                            .orElse(null);
            if (port == null) {
                failed++;
                continue;
            }
            try {
                if (current.vendorId().isPresent()) {
                    Message message = port.get(current.vendorId().get());
                    lifecycle.apply(event(record, current.account(), message, now), StatusChange.Source.READ_BACK);
                    lifecycle.metrics().readBack(current.account(), "status");
                    read++;
                } else {
                    List<Map.Entry<AccountId, Message>> found = matching(record, current.account(), port).stream()
                            .map(m -> Map.entry(current.account(), m)).toList();
                    switch (settle(record, found, "read back: " + current.account() + " has no message to "
                            + record.request().to().e164() + " around " + record.createdAt(), now)) {
                        case SENT -> sent++;
                        case NOT_SENT -> notSent++;
                        default -> throw SwitchboardException.invalid("readBack", found.size() + " messages match");
                    }
                }
            } catch (SwitchboardException e) {
                lifecycle.metrics().readBack(current.account(), "failed");
                failed++;
            }
        }
        return new Summary(read, sent, notSent, failed);
    }

    /** What the pass over abandoned references did, and how many it looked at. */
    private record Recovered(int sent, int notSent, int undecided, int looked) {
    }

    /** Resolves the ledger's abandoned references, but those this object found undecided before. */
    private Recovered recoverAbandoned(Instant now) {
        Router router = lifecycle.router().orElse(null);
        if (router == null) {
            return new Recovered(0, 0, 0, 0);
        }
        List<String> references;
        try {
            references = router.abandonedReferences(maxPerRun + undecided.size()).stream()
                    .filter(r -> !undecided.contains(r)).limit(maxPerRun).toList();
        } catch (SwitchboardException e) {
            return new Recovered(0, 0, 1, 0); // the ledger is away: the next run asks again
        }
        int sent = 0;
        int notSent = 0;
        int open = 0;
        for (String reference : references) {
            DeliveryRecord.Outcome outcome;
            try {
                outcome = recover(router, reference, now);
            } catch (SwitchboardException e) {
                outcome = null; // a store or a vendor did not answer: the next run tries again
            }
            if (outcome == DeliveryRecord.Outcome.SENT) {
                sent++;
            } else if (outcome == DeliveryRecord.Outcome.NOT_SENT) {
                notSent++;
            } else {
                open++;
                if (outcome != null && undecided.size() < MAX_UNDECIDED) {
                    undecided.add(reference); // nothing will tell more later: not read again by this object
                }
            }
        }
        return new Recovered(sent, notSent, open, references.size());
    }

    /** What the abandoned {@code reference} came to; OUTCOME_UNKNOWN when nothing tells yet. */
    private DeliveryRecord.Outcome recover(Router router, String reference, Instant now) {
        DeliveryRecord record = lifecycle.records().get(reference).orElse(null);
        if (record == null || record.clientReference().filter(reference::equals).isEmpty()) {
            return DeliveryRecord.Outcome.OUTCOME_UNKNOWN; // no record of where it went
        }
        Optional<String> ref = Optional.of(reference);
        switch (record.outcome()) {
            case SENT -> {
                // The instance recorded the send, then stopped before the ledger had it.
                SendRecord current = record.current().filter(c -> c.accepted() && c.vendorId().isPresent())
                        .orElse(null);
                if (current == null) {
                    return DeliveryRecord.Outcome.OUTCOME_UNKNOWN;
                }
                router.resolveUnknown(reference, new Delivery.Sent(current.account(), current.vendorId().get(),
                        record.request().from(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), ref));
                return DeliveryRecord.Outcome.SENT;
            }
            case NOT_SENT -> {
                router.resolveUnknown(reference, new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE,
                        record.failure().orElse("not sent")), List.of(), ref));
                return DeliveryRecord.Outcome.NOT_SENT;
            }
            case OUTCOME_UNKNOWN -> {
                return DeliveryRecord.Outcome.OUTCOME_UNKNOWN; // the read-back of unknown sends below
            }
            default -> {
                return recoverRouting(router, record, now);
            }
        }
    }

    /** An abandoned reference whose record was still routing: looked for on every account. */
    private DeliveryRecord.Outcome recoverRouting(Router router, DeliveryRecord record, Instant now) {
        String reference = record.key();
        List<Map.Entry<AccountId, Message>> found = new java.util.ArrayList<>();
        for (Map.Entry<AccountId, ProviderConnector> account : accounts.entrySet()) {
            MessagingPort port = account.getValue().messaging().orElse(null);
            if (port != null) {
                // An account that cannot be read fails the whole search: absent must mean absent everywhere.
                matching(record, account.getKey(), port).forEach(m -> found.add(Map.entry(account.getKey(), m)));
            }
        }
        DeliveryRecord.Outcome outcome = settle(record, found, "read back: no account has a message to "
                + record.request().to().e164() + " around " + record.createdAt()
                + " (the instance routing it stopped before sending)", now);
        if (outcome == DeliveryRecord.Outcome.OUTCOME_UNKNOWN) {
            lifecycle.records().update(reference, r -> r.readBack(now));
        }
        return outcome;
    }

    /**
     * The account's messages to the record's number, with its text, around its creation, that no record already
     * names.
     */
    private List<Message> matching(DeliveryRecord record, AccountId account, MessagingPort port) {
        String to = record.request().to().e164();
        MessageQuery query = MessageQuery.all().withTo(to);
        query = new MessageQuery(query.to(), query.from(), Optional.of(record.createdAt().minus(WINDOW_SLACK)),
                Optional.of(record.createdAt().plus(after).plus(WINDOW_SLACK)), Optional.of(Direction.OUTBOUND),
                Optional.empty());
        return port.list(query, PageRequest.first(50)).items().stream()
                .filter(m -> m.to().equals(to) && (m.text().isEmpty() || m.text().equals(record.request().text())))
                .filter(m -> lifecycle.records().keyOf(account, m.id()).isEmpty())
                .toList();
    }

    /**
     * Settles a record whose send nobody knows the outcome of, from the messages read-back {@code found} (each with its
     * account): one makes it sent there (a record still routing first gets that send), and the ledger answers its
     * client reference with it; none makes it not sent for {@code absent} and frees the reference; several leave it
     * unknown.
     */
    private DeliveryRecord.Outcome settle(DeliveryRecord record, List<Map.Entry<AccountId, Message>> found,
            String absent, Instant now) {
        Optional<String> reference = record.clientReference();
        Optional<Router> router = lifecycle.router();
        if (found.size() == 1) {
            AccountId account = found.get(0).getKey();
            Message message = found.get(0).getValue();
            if (record.outcome() == DeliveryRecord.Outcome.ROUTING) {
                Delivery.Sent routed = new Delivery.Sent(account, message.id(), record.request().from(),
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), reference);
                lifecycle.records().update(record.key(), r -> r.routed(routed, now));
            }
            lifecycle.apply(event(record, account, message, now), StatusChange.Source.READ_BACK);
            lifecycle.metrics().readBack(account, "found");
            reference.ifPresent(ref -> router.ifPresent(r -> r.resolveUnknown(ref, new Delivery.Sent(account,
                    message.id(), record.request().from(), Optional.empty(), Optional.of(message), Optional.empty(),
                    List.of(), reference))));
            return DeliveryRecord.Outcome.SENT;
        }
        if (found.isEmpty()) {
            lifecycle.records().update(record.key(), r -> r.notAccepted(absent, now));
            record.current().ifPresent(c -> lifecycle.metrics().readBack(c.account(), "absent"));
            reference.ifPresent(ref -> router.ifPresent(r -> r.resolveUnknown(ref, new Delivery.NotSent(
                    record.current().map(c -> Failure.of(FailureKind.UNAVAILABLE, absent).withAccount(c.account()))
                            .orElse(Failure.of(FailureKind.UNAVAILABLE, absent)), List.of(), reference))));
            return DeliveryRecord.Outcome.NOT_SENT;
        }
        // Several candidates: the vendors cannot tell which one it is; the outcome stays unknown.
        found.forEach(f -> lifecycle.metrics().readBack(f.getKey(), "ambiguous"));
        return DeliveryRecord.Outcome.OUTCOME_UNKNOWN;
    }

    private static VendorEvent event(DeliveryRecord record, AccountId account, Message message, Instant now) {
        MessageStatus status = message.status() == MessageStatus.UNKNOWN ? MessageStatus.QUEUED : message.status();
        return VendorEvent.builder(EventKind.MESSAGE_STATUS, account)
                .eventId("read-back:" + record.key() + ":" + record.readBacks())
                .vendorId(message.id())
                .reference(record.key())
                .messageStatus(status, message.rawStatus())
                .error(message.errorCode().orElse(null), message.errorMessage().orElse(null), null)
                .price(message.price().orElse(null))
                .occurredAt(now)
                .from(message.from())
                .to(message.to())
                .build();
    }
}
