package io.switchboard.application;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Health of each account: a Resilience4j circuit breaker on the router's clock, and the Retry-After a vendor gave
 * (kept in {@link RetryAfterMarks}, which a fleet may share).
 * Failures that say nothing about the account (invalid request, destination not supported, rate limited, not found)
 * count as answered calls; unavailable and unknown outcomes count as failures; authentication and funds failures
 * open the breaker at once.
 */
final class AccountHealth implements HealthView {

    private final CircuitBreakerConfig config;
    private final Duration waitInOpen;
    private final Clock clock;
    private final RoutingMetrics metrics;
    private final ConcurrentMap<AccountId, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final ConcurrentMap<AccountId, Instant> openedAt = new ConcurrentHashMap<>();
    private final RetryAfterMarks retryAfter;
    /** Accounts whose breaker was opened by a failure that time does not mend (credentials, funds). */
    private final Set<AccountId> openedForGood = ConcurrentHashMap.newKeySet();

    /** How often a request waiting on a half-open breaker looks again whether its probe closed it. */
    static final Duration HALF_OPEN_RECHECK = Duration.ofMillis(200);

    AccountHealth(BreakerSettings settings, Clock clock, RoutingMetrics metrics, RetryAfterMarks retryAfter) {
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.metrics = metrics;
        this.waitInOpen = settings.waitInOpenState();
        this.config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slowCallRateThreshold(settings.slowCallRateThreshold())
                .slowCallDurationThreshold(settings.slowCallDuration())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                // The synchronized window: Resilience4j 2.3.0's lock-free one threw NullPointerException from
                // LockFreeFixedSizeSlidingWindowMetrics.record under heavy contention (three instances of 256 sending
                // threads on two cores, FleetScaleBenchmark), which killed the sending thread. A lock held for one
                // counter update costs far less than the vendor call around it.
                .slidingWindowSynchronizationStrategy(
                        CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.SYNCHRONIZED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
    }

    CircuitBreaker breaker(AccountId account) {
        return breakers.computeIfAbsent(account, a -> {
            CircuitBreaker breaker = CircuitBreaker.of(a.toString(), config);
            breaker.getEventPublisher().onStateTransition(event -> {
                CircuitBreaker.State to = event.getStateTransition().getToState();
                if (to == CircuitBreaker.State.OPEN) {
                    openedAt.put(a, clock.instant());
                } else {
                    openedForGood.remove(a);
                }
                metrics.breakerTransition(a, event.getStateTransition().getFromState().name(), to.name());
            });
            return breaker;
        });
    }

    CircuitBreaker.State state(AccountId account) {
        return breaker(account).getState();
    }

    @Override
    public boolean circuitOpen(AccountId account, Instant now) {
        CircuitBreaker breaker = breakers.get(account);
        if (breaker == null) {
            return false;
        }
        return switch (breaker.getState()) {
            case FORCED_OPEN -> true;
            case OPEN -> {
                Instant opened = openedAt.get(account);
                yield opened == null || !now.isAfter(opened.plus(waitInOpen));
            }
            default -> false;
        };
    }

    /** Takes a call permit; false when the breaker refuses (open, or half-open with its probes taken). */
    boolean tryAcquire(AccountId account) {
        return breaker(account).tryAcquirePermission();
    }

    /** Gives back a permit taken for a call that was not made. */
    void release(AccountId account) {
        breaker(account).releasePermission();
    }

    void succeeded(AccountId account, Duration latency) {
        try {
            breaker(account).onSuccess(latency.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // The breaker's bookkeeping must never cost a delivery its answer.
            bookkeepingFailed(e);
        }
    }

    void failed(AccountId account, Failure failure, Duration latency) {
        try {
            record(account, failure, latency);
        } catch (RuntimeException e) {
            bookkeepingFailed(e);
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountHealth.class);
    private final java.util.concurrent.atomic.AtomicBoolean bookkeepingWarned =
            new java.util.concurrent.atomic.AtomicBoolean();

    private void bookkeepingFailed(RuntimeException e) {
        if (bookkeepingWarned.compareAndSet(false, true)) {
            LOG.warn("a circuit breaker could not record an outcome ({}); the delivery is unaffected",
                    e.getClass().getSimpleName());
        }
    }

    private void record(AccountId account, Failure failure, Duration latency) {
        CircuitBreaker breaker = breaker(account);
        FailureKind kind = failure.kind();
        if (kind == FailureKind.UNAVAILABLE || kind == FailureKind.OUTCOME_UNKNOWN || kind.marksAccountUnhealthy()) {
            breaker.onError(latency.toNanos(), TimeUnit.NANOSECONDS, new RecordedFailure(kind));
        } else {
            breaker.onSuccess(latency.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (kind.marksAccountUnhealthy()) {
            openedForGood.add(account);
            if (breaker.getState() != CircuitBreaker.State.OPEN
                    && breaker.getState() != CircuitBreaker.State.FORCED_OPEN) {
                breaker.transitionToOpenState();
            }
        }
    }

    /**
     * What the breaker records of a failed call: its kind, without the stack trace that a SwitchboardException fills
     * on every failover and that nobody reads here.
     */
    static final class RecordedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecordedFailure(FailureKind kind) {
            super(kind.name(), null, false, false);
        }
    }

    /**
     * When the account may take a call again, for a request that would wait for it: now when its breaker is closed;
     * the end of the cooldown when open; a short recheck when half-open (its probe decides); null when it is out for
     * good (forced open, or opened by refused credentials or missing funds, which waiting does not mend).
     */
    Instant comeback(AccountId account, Instant now) {
        CircuitBreaker breaker = breakers.get(account);
        if (breaker == null) {
            return now;
        }
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> now;
            case HALF_OPEN -> openedForGood.contains(account) ? null : now.plus(HALF_OPEN_RECHECK);
            case OPEN -> {
                if (openedForGood.contains(account)) {
                    yield null;
                }
                Instant opened = openedAt.get(account);
                // The cooldown is over once the clock is past its end (see circuitOpen): a millisecond past it.
                yield opened == null ? now : opened.plus(waitInOpen).plusMillis(1);
            }
            case FORCED_OPEN -> null;
        };
    }

    /** Remembers that the vendor asked this account to be left alone until {@code until}. */
    void retryAfter(AccountId account, Instant until) {
        retryAfter.mark(account, until);
    }

    /** Until when the vendor asked us to wait, or null when it did not or that time has passed. */
    Instant waitUntil(AccountId account) {
        return retryAfter.until(account).orElse(null);
    }
}
