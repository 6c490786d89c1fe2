package io.switchboard.application.lifecycle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.application.Delivery;
import io.switchboard.application.DeliveryHooks;
import io.switchboard.application.Router;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A message's life after routing: one {@link DeliveryRecord} per message, status callbacks applied to it (forward
 * only, replays once), early callbacks kept, opt-outs honoured on every account, and re-sends when the policy allows.
 * It is the router's {@link DeliveryHooks}. Thread-safe.
 */
public final class Lifecycle implements DeliveryHooks {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /** Inbound words that opt a number out of every account's messages. */
    static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    /** Inbound words that opt it back in. */
    static final Set<String> OPT_IN_WORDS = Set.of("START", "UNSTOP");

    /** What applying one event did. */
    public enum Result {
        /** A status moved forward. */
        APPLIED,
        /** The send already had this status. */
        DUPLICATE,
        /** Older news than what the record has (a late "sent" after "delivered"). */
        STALE,
        /** This event id was applied before. */
        REPLAY,
        /** No record names it yet: kept until the send's answer comes, then applied. */
        PARKED,
        /** The number opted out of, or back into, every account's messages. */
        OPT_OUT,
        OPT_IN,
        /** Passed to subscribers only (a call status, an inbound message that is no keyword). */
        NOTED
    }

    private final DeliveryRecords records;
    private final SuppressionList suppressions;
    private final Clock clock;
    private final ResendPolicy resend;
    private final Executor resendExecutor;
    private final LifecycleMetrics metrics;
    private final AtomicReference<Router> router = new AtomicReference<>();
    private final List<Consumer<DeliveryRecord>> recordListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<VendorEvent>> eventListeners = new CopyOnWriteArrayList<>();
    /** Events that came before anything named their send, by account and vendor id. */
    private final Cache<String, List<VendorEvent>> parked;

    private Lifecycle(Builder b) {
        this.records = b.records;
        this.suppressions = b.suppressions;
        this.clock = b.clock;
        this.resend = b.resend;
        this.resendExecutor = b.resendExecutor;
        this.metrics = new LifecycleMetrics(b.registry);
        this.parked = Caffeine.newBuilder()
                .expireAfterWrite(b.parkFor)
                .maximumSize(100_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The router that re-sends; set once, by the wiring, after the router is built with this as its hooks. */
    public void bind(Router value) {
        Checks.required(value, "router");
        if (!router.compareAndSet(null, value) && router.get() != value) {
            throw SwitchboardException.invalid("router", "is already bound to another router");
        }
    }

    public DeliveryRecords records() {
        return records;
    }

    public SuppressionList suppressions() {
        return suppressions;
    }

    /** Calls {@code listener} with every record after each change; closing the answer unsubscribes. */
    public AutoCloseable subscribe(Consumer<DeliveryRecord> listener) {
        Checks.required(listener, "listener");
        recordListeners.add(listener);
        return () -> recordListeners.remove(listener);
    }

    /** Calls {@code listener} with every verified event that is not a replay (call status and inbound included). */
    public AutoCloseable subscribeEvents(Consumer<VendorEvent> listener) {
        Checks.required(listener, "listener");
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    @Override
    public Optional<Failure> refusal(MessageRequest request) {
        Optional<SuppressionList.Entry> entry = suppressions.find(request.to());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        metrics.suppressed(request.to().regionCode());
        SuppressionList.Entry e = entry.get();
        return Optional.of(Failure.of(FailureKind.OPTED_OUT, request.to().e164() + " opted out (" + e.reason()
                + " through " + e.account() + " at " + e.since() + "); nothing was sent to any account"));
    }

    @Override
    public String opened(MessageRequest request) {
        Instant now = clock.instant();
        String key = request.clientReference().orElseGet(() -> "sb-" + UUID.randomUUID());
        DeliveryRecord fresh = DeliveryRecord.open(key, request, now);
        if (!records.insert(fresh)) {
            // The same reference again after a routing that sent nothing: the record goes on.
            records.update(key, r -> r.routing(now));
        }
        return key;
    }

    @Override
    public void routed(String key, Delivery delivery) {
        Instant now = clock.instant();
        Optional<DeliveryRecord> updated = records.update(key, r -> r.routed(delivery, now));
        if (delivery instanceof Delivery.NotSent notSent && notSent.failure().kind() == FailureKind.OPTED_OUT
                && !notSent.attempts().isEmpty()) {
            // The vendor itself said the recipient opted out (Twilio 21610 and its peers).
            notSent.failure().account().ifPresent(account -> optOut(updated.map(r -> r.request().to())
                    .orElse(null), account, "vendor refused the send: recipient opted out"
                    + notSent.failure().vendorCode().map(c -> " (" + c + ")").orElse("")));
        }
        updated.ifPresent(this::publish);
        if (delivery instanceof Delivery.Sent sent) {
            List<VendorEvent> early = parked.asMap().remove(parkKey(sent.account(), sent.vendorId()));
            if (early != null) {
                // Seen once already (when parked): applied now, not refused as a replay.
                early.forEach(e -> metrics.event(e, messageStatus(e.withReference(key), StatusChange.Source.CALLBACK)
                        .name().toLowerCase(Locale.ROOT)));
            }
        }
    }

    /** Applies one verified event. */
    public Result apply(VendorEvent event) {
        return apply(event, StatusChange.Source.CALLBACK);
    }

    /** Applies one event from {@code source} (a callback, or a read-back of the vendor's record). */
    Result apply(VendorEvent event, StatusChange.Source source) {
        Checks.required(event, "event");
        if (!records.firstSight(event.account() + "|" + event.eventId())) {
            metrics.event(event, "replay");
            return Result.REPLAY;
        }
        eventListeners.forEach(l -> notify(l, event));
        Result result = switch (event.kind()) {
            case INBOUND_MESSAGE -> inbound(event);
            case CALL_STATUS -> Result.NOTED;
            case MESSAGE_STATUS -> messageStatus(event, source);
        };
        metrics.event(event, result.name().toLowerCase(Locale.ROOT));
        return result;
    }

    private Result messageStatus(VendorEvent event, StatusChange.Source source) {
        Optional<String> key = event.reference().filter(k -> records.get(k).isPresent())
                .or(() -> records.keyOf(event.account(), event.vendorId()));
        if (key.isEmpty()) {
            parked.asMap().compute(parkKey(event.account(), event.vendorId()), (k, list) -> {
                List<VendorEvent> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
                if (next.size() < 16) {
                    next.add(event);
                }
                return next;
            });
            return Result.PARKED;
        }
        AtomicReference<DeliveryRecord.Change> change = new AtomicReference<>();
        Optional<DeliveryRecord> updated = records.update(key.get(), r -> {
            DeliveryRecord.Change c = r.apply(event, source, clock.instant());
            change.set(c);
            return c.record();
        });
        if (updated.isEmpty() || change.get() == null) {
            return Result.PARKED;
        }
        return switch (change.get().effect()) {
            case DUPLICATE -> Result.DUPLICATE;
            case STALE -> Result.STALE;
            case APPLIED -> {
                afterApplied(updated.get(), event);
                yield Result.APPLIED;
            }
        };
    }

    /** Metrics, opt-outs and re-sends after a status moved forward; then subscribers. */
    void afterApplied(DeliveryRecord record, VendorEvent event) {
        if (event.isFinal()) {
            MessageStatus status = event.messageStatus().orElseThrow();
            metrics.finalStatus(event.account(), record.country(), status,
                    Duration.between(record.createdAt(), event.occurredAt()));
            if (event.errorClass() == ErrorClass.OPTED_OUT) {
                optOut(record.request().to(), event.account(), "vendor error " + event.errorCode().orElse("?")
                        + ": recipient opted out");
            }
            maybeResend(record, event);
        }
        publish(record);
    }

    private void maybeResend(DeliveryRecord record, VendorEvent event) {
        MessageStatus status = event.messageStatus().orElseThrow();
        if (!resend.enabled() || event.errorClass() != ErrorClass.ROUTE
                || (status != MessageStatus.UNDELIVERED && status != MessageStatus.FAILED)) {
            return;
        }
        Instant now = clock.instant();
        int before = record.resends();
        Optional<DeliveryRecord> claimed = records.update(record.key(), r -> eligible(r, event, now)
                && r.resends() == before ? r.resending(now) : r);
        if (claimed.isEmpty() || claimed.get().resends() != before + 1) {
            return;
        }
        Router target = router.get();
        if (target == null) {
            LOG.warn("re-send of a delivery record skipped: no router bound to the lifecycle");
            return;
        }
        DeliveryRecord r = claimed.get();
        resendExecutor.execute(() -> {
            try {
                Delivery delivery = target.resend(r.key(), r.request(), r.accountsTried());
                metrics.resend(r.country(), delivery);
            } catch (RuntimeException e) {
                LOG.warn("re-send failed unexpectedly: {}", e.getClass().getSimpleName());
            }
        });
    }

    private boolean eligible(DeliveryRecord r, VendorEvent event, Instant now) {
        Optional<SendRecord> current = r.current();
        return current.isPresent() && current.get().is(event.account(), event.vendorId())
                && r.resends() < resend.maxResends()
                && !now.isAfter(r.createdAt().plus(resend.window()));
    }

    private Result inbound(VendorEvent event) {
        String word = event.text().strip().toUpperCase(Locale.ROOT);
        boolean out = OPT_OUT_WORDS.contains(word);
        boolean in = OPT_IN_WORDS.contains(word);
        if (!out && !in) {
            return Result.NOTED;
        }
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(event.from(), "from");
        } catch (SwitchboardException e) {
            return Result.NOTED; // not a number (a short code, a sender ID): nothing to suppress
        }
        if (out) {
            optOut(number, event.account(), "inbound " + word);
            return Result.OPT_OUT;
        }
        if (suppressions.remove(number)) {
            metrics.optOut(event.account(), "opt_in");
        }
        return Result.OPT_IN;
    }

    private void optOut(PhoneNumber number, AccountId account, String reason) {
        if (number == null) {
            return;
        }
        suppressions.add(new SuppressionList.Entry(number, account, reason, clock.instant()));
        metrics.optOut(account, "opt_out");
    }

    private void publish(DeliveryRecord record) {
        for (Consumer<DeliveryRecord> listener : recordListeners) {
            notify(listener, record);
        }
    }

    private static <T> void notify(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            LOG.warn("a lifecycle subscriber threw {}; others still notified", e.getClass().getSimpleName());
        }
    }

    /** The router bound to this lifecycle, when one is. */
    Optional<Router> router() {
        return Optional.ofNullable(router.get());
    }

    Clock clock() {
        return clock;
    }

    LifecycleMetrics metrics() {
        return metrics;
    }

    private static String parkKey(AccountId account, String vendorId) {
        return account + "|" + vendorId;
    }

    /** Collects the stores and policies; all have in-memory or off defaults. */
    public static final class Builder {
        private DeliveryRecords records;
        private SuppressionList suppressions;
        private Clock clock = Clock.systemUTC();
        private ResendPolicy resend = ResendPolicy.OFF;
        private Executor resendExecutor = Runnable::run;
        private MeterRegistry registry = new SimpleMeterRegistry();
        private Duration parkFor = Duration.ofMinutes(10);

        private Builder() {
        }

        public Builder records(DeliveryRecords value) {
            records = Checks.required(value, "records");
            return this;
        }

        public Builder suppressions(SuppressionList value) {
            suppressions = Checks.required(value, "suppressions");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Checks.required(value, "clock");
            return this;
        }

        public Builder resend(ResendPolicy value) {
            resend = Checks.required(value, "resend");
            return this;
        }

        /** Where re-sends run (the caller's thread by default; the facade gives its executor). */
        public Builder resendExecutor(Executor value) {
            resendExecutor = Checks.required(value, "resendExecutor");
            return this;
        }

        public Builder meterRegistry(MeterRegistry value) {
            registry = Checks.required(value, "meterRegistry");
            return this;
        }

        public Lifecycle build() {
            if (records == null) {
                records = new InMemoryDeliveryRecords(InMemoryDeliveryRecords.DEFAULT_RETENTION,
                        InMemoryDeliveryRecords.DEFAULT_MAX_RECORDS, clock);
            }
            if (suppressions == null) {
                suppressions = new InMemorySuppressionList();
            }
            return new Lifecycle(this);
        }
    }
}
