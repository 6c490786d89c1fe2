package io.switchboard.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Money;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import static io.switchboard.application.MetricNames.*;

/**
 * Records the router's meters; names and tags come from {@link MetricNames}. The meters of the send path are
 * registered once per tag combination and kept: building tags and looking a meter up in the registry on every send
 * cost more than the routing around it. (A meter removed from the registry by its owner is therefore not
 * re-registered by this router.)
 */
final class RoutingMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<AttemptKey, Counter> attempts = new ConcurrentHashMap<>();
    private final ConcurrentMap<LatencyKey, Timer> latencies = new ConcurrentHashMap<>();
    private final ConcurrentMap<FailoverKey, Counter> failovers = new ConcurrentHashMap<>();
    private final ConcurrentMap<AccountId, Counter> denials = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> waits = new ConcurrentHashMap<>();
    private final ConcurrentMap<DeliveryKey, Counter> deliveries = new ConcurrentHashMap<>();
    private final ConcurrentMap<SpendKey, Counter> spend = new ConcurrentHashMap<>();

    private record AttemptKey(AccountId account, String country, AttemptOutcome outcome, FailureKind failure) {
    }

    private record LatencyKey(AccountId account, AttemptOutcome outcome) {
    }

    private record FailoverKey(AccountId account, String country, String failure) {
    }

    private record DeliveryKey(String country, String outcome) {
    }

    private record SpendKey(AccountId account, String country, java.util.Currency currency) {
    }

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempt(Attempt attempt, String country) {
        AccountId account = attempt.account();
        AttemptKey key = new AttemptKey(account, country, attempt.outcome(),
                attempt.failure().map(f -> f.kind()).orElse(null));
        cached(attempts, key, k -> Counter.builder(ATTEMPTS)
                .tag(TAG_VENDOR, k.account().vendor().name())
                .tag(TAG_ACCOUNT, k.account().toString())
                .tag(TAG_COUNTRY, k.country())
                .tag(TAG_OUTCOME, lower(k.outcome().name()))
                .tag(TAG_FAILURE, k.failure() == null ? NO_FAILURE : lower(k.failure().name()))
                .register(registry)).increment();
        if (attempt.calledVendor()) {
            cached(latencies, new LatencyKey(account, attempt.outcome()), k -> Timer.builder(ATTEMPT_LATENCY)
                    .tag(TAG_VENDOR, k.account().vendor().name())
                    .tag(TAG_ACCOUNT, k.account().toString())
                    .tag(TAG_OUTCOME, lower(k.outcome().name()))
                    .register(registry)).record(attempt.latency());
        }
    }

    void failover(AccountId from, String country, String failure) {
        cached(failovers, new FailoverKey(from, country, failure), k -> Counter.builder(FAILOVERS)
                .tag(TAG_VENDOR, k.account().vendor().name())
                .tag(TAG_ACCOUNT, k.account().toString())
                .tag(TAG_COUNTRY, k.country())
                .tag(TAG_FAILURE, lower(k.failure()))
                .register(registry)).increment();
    }

    void waitedForComeback(String country) {
        cached(waits, country, c -> Counter.builder(WAITS).tag(TAG_COUNTRY, c).register(registry)).increment();
    }

    void rateLimitDenied(AccountId account) {
        cached(denials, account, a -> Counter.builder(RATE_LIMIT_DENIALS)
                .tag(TAG_VENDOR, a.vendor().name())
                .tag(TAG_ACCOUNT, a.toString())
                .register(registry)).increment();
    }

    /** Rare (a breaker changing state): registered on each call rather than kept. */
    void breakerTransition(AccountId account, String from, String to) {
        Counter.builder(BREAKER_TRANSITIONS)
                .tag(TAG_VENDOR, account.vendor().name())
                .tag(TAG_ACCOUNT, account.toString())
                .tag(TAG_FROM_STATE, lower(from))
                .tag(TAG_TO_STATE, lower(to))
                .register(registry).increment();
    }

    void delivery(String country, String outcome) {
        cached(deliveries, new DeliveryKey(country, outcome), k -> Counter.builder(DELIVERIES)
                .tag(TAG_COUNTRY, k.country())
                .tag(TAG_OUTCOME, k.outcome())
                .register(registry)).increment();
    }

    void spend(AccountId account, String country, Money amount) {
        cached(spend, new SpendKey(account, country, amount.currency()), k -> Counter.builder(SPEND)
                .tag(TAG_VENDOR, k.account().vendor().name())
                .tag(TAG_ACCOUNT, k.account().toString())
                .tag(TAG_COUNTRY, k.country())
                .tag(TAG_CURRENCY, k.currency().getCurrencyCode())
                .register(registry)).increment(amount.amount().doubleValue());
    }

    /** The meter of {@code key}, registered on first use; a plain get first, so that the common path never locks. */
    private static <K, M> M cached(ConcurrentMap<K, M> meters, K key, Function<K, M> register) {
        M meter = meters.get(key);
        return meter != null ? meter : meters.computeIfAbsent(key, register);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
