package io.switchboard.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;

import java.time.Duration;
import java.util.Locale;

import static io.switchboard.application.MetricNames.*;

/** Records the router's meters; names and tags come from {@link MetricNames}. */
final class RoutingMetrics {

    private final MeterRegistry registry;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempt(Attempt attempt, String country) {
        AccountId account = attempt.account();
        String outcome = lower(attempt.outcome().name());
        Counter.builder(ATTEMPTS)
                .tag(TAG_VENDOR, account.vendor().name())
                .tag(TAG_ACCOUNT, account.toString())
                .tag(TAG_COUNTRY, country)
                .tag(TAG_OUTCOME, outcome)
                .tag(TAG_FAILURE, attempt.failure().map(f -> lower(f.kind().name())).orElse(NO_FAILURE))
                .register(registry).increment();
        if (attempt.calledVendor()) {
            Timer.builder(ATTEMPT_LATENCY)
                    .tag(TAG_VENDOR, account.vendor().name())
                    .tag(TAG_ACCOUNT, account.toString())
                    .tag(TAG_OUTCOME, outcome)
                    .register(registry).record(attempt.latency());
        }
    }

    void failover(AccountId from, String country, String failure) {
        Counter.builder(FAILOVERS)
                .tag(TAG_VENDOR, from.vendor().name())
                .tag(TAG_ACCOUNT, from.toString())
                .tag(TAG_COUNTRY, country)
                .tag(TAG_FAILURE, lower(failure))
                .register(registry).increment();
    }

    void rateLimitDenied(AccountId account) {
        Counter.builder(RATE_LIMIT_DENIALS)
                .tag(TAG_VENDOR, account.vendor().name())
                .tag(TAG_ACCOUNT, account.toString())
                .register(registry).increment();
    }

    void breakerTransition(AccountId account, String from, String to) {
        Counter.builder(BREAKER_TRANSITIONS)
                .tag(TAG_VENDOR, account.vendor().name())
                .tag(TAG_ACCOUNT, account.toString())
                .tag(TAG_FROM_STATE, lower(from))
                .tag(TAG_TO_STATE, lower(to))
                .register(registry).increment();
    }

    void delivery(String country, String outcome) {
        Counter.builder(DELIVERIES)
                .tag(TAG_COUNTRY, country)
                .tag(TAG_OUTCOME, outcome)
                .register(registry).increment();
    }

    void spend(AccountId account, String country, Money amount) {
        Counter.builder(SPEND)
                .tag(TAG_VENDOR, account.vendor().name())
                .tag(TAG_ACCOUNT, account.toString())
                .tag(TAG_COUNTRY, country)
                .tag(TAG_CURRENCY, amount.currency().getCurrencyCode())
                .register(registry).increment(amount.amount().doubleValue());
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
