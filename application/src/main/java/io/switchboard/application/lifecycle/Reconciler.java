package io.switchboard.application.lifecycle;

import io.switchboard.application.Delivery;
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
 * that number in the time window, so that "unknown" becomes sent or not sent when the vendor can tell. Each run
 * reads at most {@code maxPerRun} records (the bound on vendor calls per run); the facade runs it on a schedule.
 */
public final class Reconciler {

    /** How far around the routing time a read-back of an unknown send looks. */
    static final Duration WINDOW_SLACK = Duration.ofMinutes(2);

    private final Lifecycle lifecycle;
    private final Map<AccountId, ProviderConnector> accounts = new LinkedHashMap<>();
    private final Duration after;
    private final int maxPerRun;

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

    /** What one run did. */
    public record Summary(int readBack, int resolvedSent, int resolvedNotSent, int failed) {
    }

    /** One pass over the records due for a read-back. */
    public Summary run() {
        Instant now = lifecycle.clock().instant();
        Instant due = now.minus(after);
        int read = 0;
        int sent = 0;
        int notSent = 0;
        int failed = 0;
        List<DeliveryRecord> waiting = lifecycle.records().list(RecordQuery.all(RecordQuery.MAX_LIMIT)
                .finalStatus(false).createdBefore(due)).stream()
                .filter(r -> r.readBacks() == 0 && (r.outcome() == DeliveryRecord.Outcome.SENT
                        || r.outcome() == DeliveryRecord.Outcome.OUTCOME_UNKNOWN))
                .limit(maxPerRun)
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
                } else if (findUnknown(record, current.account(), port, now)) {
                    sent++;
                } else {
                    notSent++;
                }
            } catch (SwitchboardException e) {
                lifecycle.metrics().readBack(current.account(), "failed");
                failed++;
            }
        }
        return new Summary(read, sent, notSent, failed);
    }

    /** True when the vendor has the message (now on the record), false when it has none (the record is not sent). */
    private boolean findUnknown(DeliveryRecord record, AccountId account, MessagingPort port, Instant now) {
        String to = record.request().to().e164();
        MessageQuery query = MessageQuery.all().withTo(to);
        query = new MessageQuery(query.to(), query.from(), Optional.of(record.createdAt().minus(WINDOW_SLACK)),
                Optional.of(record.createdAt().plus(after).plus(WINDOW_SLACK)), Optional.of(Direction.OUTBOUND),
                Optional.empty());
        List<Message> found = port.list(query, PageRequest.first(50)).items().stream()
                .filter(m -> m.to().equals(to) && (m.text().isEmpty() || m.text().equals(record.request().text())))
                .filter(m -> lifecycle.records().keyOf(account, m.id()).isEmpty())
                .toList();
        Optional<String> reference = record.clientReference();
        if (found.size() == 1) {
            Message message = found.get(0);
            lifecycle.apply(event(record, account, message, now), StatusChange.Source.READ_BACK);
            lifecycle.metrics().readBack(account, "found");
            reference.ifPresent(ref -> lifecycle.router().ifPresent(router -> router.resolveUnknown(ref,
                    new Delivery.Sent(account, message.id(), record.request().from(), Optional.empty(),
                            Optional.of(message), Optional.empty(), List.of(), reference))));
            return true;
        }
        if (found.isEmpty()) {
            String why = "read back: " + account + " has no message to " + to + " around " + record.createdAt();
            lifecycle.records().update(record.key(), r -> r.notAccepted(why, now));
            lifecycle.metrics().readBack(account, "absent");
            reference.ifPresent(ref -> lifecycle.router().ifPresent(router -> router.resolveUnknown(ref,
                    new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE, why).withAccount(account), List.of(),
                            reference))));
            return false;
        }
        // Several candidates: the vendor cannot tell which one it is; the outcome stays unknown.
        lifecycle.metrics().readBack(account, "ambiguous");
        throw SwitchboardException.invalid("readBack", found.size() + " messages match");
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
