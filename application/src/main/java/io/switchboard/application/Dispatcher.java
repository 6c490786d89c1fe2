package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.TimeBudget;
import io.switchboard.domain.pricing.Quote;
import io.switchboard.domain.RateLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes a plan attempt by attempt. The verdict after a failure is the failure kind's own
 * ({@link FailureKind#failsOver}); the chain is bounded by the policy's attempts and deadline, waits included.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<AccountId, AccountProfile> profiles;
    private final AccountHealth health;
    private final RateLimitBudgets budgets;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RoutingMetrics metrics;
    private final CallbackUrls callbackUrls;

    Dispatcher(Map<AccountId, AccountProfile> profiles, AccountHealth health, RateLimitBudgets budgets, Clock clock,
            Sleeper sleeper, RoutingMetrics metrics, CallbackUrls callbackUrls) {
        this.callbackUrls = callbackUrls;
        this.profiles = profiles;
        this.health = health;
        this.budgets = budgets;
        this.clock = clock;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    /** The state of one execution. */
    private final class Run {
        final Routable job;
        final String key;
        final RoutingPolicy policy;
        final String country;
        final Instant deadline;
        final List<Attempt> attempts = new ArrayList<>();
        int calls;
        Failure lastFailure;
        AccountId unknownAt;
        Failure unknownFailure;

        Run(Routable job, RoutePlan plan, RoutingPolicy policy, String key) {
            this.job = job;
            this.key = key;
            this.policy = policy;
            this.country = plan.destination().regionCode();
            this.deadline = clock.instant().plus(policy.deadline());
        }

        void record(Attempt attempt) {
            attempts.add(attempt);
            metrics.attempt(attempt, country);
        }

        void skip(AccountId account, AttemptOutcome outcome, Failure failure) {
            record(new Attempt(account, outcome, Optional.empty(), Optional.of(failure), Duration.ZERO));
            lastFailure = failure;
        }

        /** Waits when it ends before the deadline; false when it would not. */
        boolean waitFor(Duration wait) {
            if (clock.instant().plus(wait).isAfter(deadline)) {
                return false;
            }
            sleeper.sleep(wait);
            return true;
        }
    }

    Delivery execute(Routable job, RoutePlan plan, RoutingPolicy policy) {
        return execute(job, plan, policy, null);
    }

    /** As {@link #execute(Routable, RoutePlan, RoutingPolicy)}, each send carrying the callback URL of record {@code key}. */
    Delivery execute(Routable job, RoutePlan plan, RoutingPolicy policy, String key) {
        Run run = new Run(job, plan, policy, key);
        List<Candidate> candidates = plan.candidates();
        boolean waitedForRetryAfter = false;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            AccountId id = candidate.account();
            boolean last = i == candidates.size() - 1;
            if (run.calls >= policy.maxAttempts()) {
                break;
            }
            if (!clock.instant().isBefore(run.deadline)) {
                run.skip(id, AttemptOutcome.SKIPPED_DEADLINE, Failure.of(FailureKind.UNAVAILABLE,
                        "the routing deadline of " + policy.deadline() + " passed").withAccount(id));
                break;
            }
            Instant until = health.waitUntil(id);
            if (until != null && until.isAfter(clock.instant())
                    && !(last && run.waitFor(Duration.between(clock.instant(), until)))) {
                run.skip(id, AttemptOutcome.SKIPPED_RETRY_AFTER, Failure.of(FailureKind.RATE_LIMITED,
                        "the vendor asked to wait until " + until).withAccount(id)
                        .withRetryAfter(Duration.between(clock.instant(), until)));
                continue;
            }
            if (!health.tryAcquire(id)) {
                run.skip(id, AttemptOutcome.SKIPPED_CIRCUIT_OPEN, Failure.of(FailureKind.UNAVAILABLE,
                        "circuit breaker open").withAccount(id));
                continue;
            }
            AccountProfile profile = profiles.get(id);
            if (!permitted(run, profile, last)) {
                health.release(id);
                continue;
            }
            Delivery done = call(run, profile, candidate);
            if (done != null) {
                return done;
            }
            Failure failure = run.lastFailure;
            boolean retryHere = last && !waitedForRetryAfter && failure.kind() == FailureKind.RATE_LIMITED
                    && failure.retryAfter().isPresent() && run.calls < policy.maxAttempts()
                    && run.waitFor(failure.retryAfter().get());
            if (retryHere) {
                waitedForRetryAfter = true;
                i--;
            } else if (!last) {
                metrics.failover(id, run.country, failure.kind().name());
            }
        }
        if (run.unknownAt != null) {
            return new Delivery.OutcomeUnknown(run.unknownAt, run.unknownFailure, run.attempts, job.clientReference());
        }
        Failure reason = run.lastFailure != null ? run.lastFailure
                : Failure.of(FailureKind.UNAVAILABLE, "no attempt was made within " + policy.maxAttempts()
                        + " attempt(s)");
        return new Delivery.NotSent(reason, run.attempts, job.clientReference());
    }

    /** Takes a permit of the account's client-side budget; waits for one only when it is the last candidate. */
    private boolean permitted(Run run, AccountProfile profile, boolean last) {
        if (profile.rateLimit().isEmpty()) {
            return true;
        }
        AccountId id = profile.id();
        RateLimit limit = profile.rateLimit().get();
        RateLimitBudgets.Permit permit = budgets.tryAcquire(id, limit);
        if (!permit.granted() && last && run.waitFor(permit.retryIn())) {
            permit = budgets.tryAcquire(id, limit);
        }
        if (permit.granted()) {
            return true;
        }
        metrics.rateLimitDenied(id);
        run.skip(id, AttemptOutcome.SKIPPED_RATE_LIMITED, Failure.of(FailureKind.RATE_LIMITED,
                "client-side budget of " + limit.permits() + " per " + limit.period() + " spent; next permit in "
                        + permit.retryIn()).withAccount(id).withRetryAfter(permit.retryIn()));
        return false;
    }

    /** One vendor call; the delivery when the chain ends here, else null with the failure in {@code run}. */
    private Delivery call(Run run, AccountProfile profile, Candidate candidate) {
        AccountId id = profile.id();
        Sender from = candidate.from().orElseThrow();
        Instant start = clock.instant();
        String vendorId;
        Message message = null;
        Call placed = null;
        Failure failure = null;
        run.calls++;
        try {
            // The adapter cuts its timeouts to what is left of the deadline: a dripping answer cannot outlive it.
            Duration left = Duration.between(start, run.deadline);
            if (run.job instanceof Routable.Text text) {
                MessageRequest request = text.request().withFrom(from);
                if (callbackUrls != null && run.key != null && request.statusCallback().isEmpty()) {
                    request = request.withStatusCallback(callbackUrls.of(id, run.key));
                }
                MessageRequest toSend = request;
                message = TimeBudget.within(left, () -> profile.messaging().orElseThrow().send(toSend));
                vendorId = message.id();
            } else {
                placed = TimeBudget.within(left,
                        () -> profile.voice().orElseThrow().place(((Routable.Voice) run.job).request().withFrom(from)));
                vendorId = placed.id();
            }
        } catch (SwitchboardException e) {
            failure = e.failure().account().isPresent() ? e.failure() : e.failure().withAccount(id);
            vendorId = null;
        } catch (RuntimeException e) {
            // Not one of ours: the adapter broke somewhere, maybe after the vendor accepted. Never a crash, never a guess.
            LOG.warn("unexpected {} from {} while sending; outcome unknown", e.getClass().getName(), id);
            failure = Failure.of(FailureKind.OUTCOME_UNKNOWN, "unexpected " + e.getClass().getSimpleName()
                    + " from the adapter; the vendor may have accepted").withAccount(id);
            vendorId = null;
        }
        Duration latency = RoutingMetrics.nonNegative(Duration.between(start, clock.instant()));
        if (failure == null) {
            health.succeeded(id, latency);
            run.record(new Attempt(id, AttemptOutcome.ACCEPTED, Optional.of(from), Optional.empty(), latency));
            Optional<Quote> quote = candidate.quote();
            quote.ifPresent(q -> metrics.spend(id, run.country, q.total()));
            return new Delivery.Sent(id, vendorId, from, quote, Optional.ofNullable(message),
                    Optional.ofNullable(placed), run.attempts, run.job.clientReference());
        }
        health.failed(id, failure, latency);
        FailureKind kind = failure.kind();
        run.record(new Attempt(id, kind == FailureKind.OUTCOME_UNKNOWN ? AttemptOutcome.OUTCOME_UNKNOWN
                : AttemptOutcome.FAILED, Optional.of(from), Optional.of(failure), latency));
        run.lastFailure = failure;
        if (kind == FailureKind.RATE_LIMITED && failure.retryAfter().isPresent()) {
            health.retryAfter(id, clock.instant().plus(failure.retryAfter().get()));
        }
        if (!kind.failsOver(run.policy.guarantee())) {
            return kind == FailureKind.OUTCOME_UNKNOWN
                    ? new Delivery.OutcomeUnknown(id, failure, run.attempts, run.job.clientReference())
                    : new Delivery.NotSent(failure, run.attempts, run.job.clientReference());
        }
        if (kind == FailureKind.OUTCOME_UNKNOWN && run.unknownAt == null) {
            run.unknownAt = id;
            run.unknownFailure = failure;
        }
        return null;
    }
}
