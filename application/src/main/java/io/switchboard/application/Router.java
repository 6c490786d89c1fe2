package io.switchboard.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.ProviderConnector;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Routes messages and calls over the configured accounts: plans (cheapest healthy account first, by policy), then
 * sends attempt by attempt with failover, and answers with a {@link Delivery}. Thread-safe.
 */
public final class Router {

    private final RoutePlanner planner;
    private final Dispatcher dispatcher;
    private final AccountHealth health;
    private final DeliveryLedger ledger;
    private final RoutingPolicy defaultPolicy;
    private final Clock clock;
    private final RandomGenerator random;
    private final RoutingMetrics metrics;
    private final Sleeper sleeper;
    private final PriceBook prices;
    private final SharedStores stores;

    private Router(Builder b) {
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.prices = b.prices;
        this.metrics = new RoutingMetrics(b.registry);
        this.health = new AccountHealth(b.breakers, clock, metrics,
                b.retryAfterMarks != null ? b.retryAfterMarks : new InMemoryRetryAfterMarks(clock));
        Map<AccountId, AccountProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<ProviderConnector, AccountSettings> e : b.accounts.entrySet()) {
            AccountProfile profile = AccountProfile.of(e.getKey(), e.getValue());
            if (profiles.putIfAbsent(profile.id(), profile) != null) {
                throw SwitchboardException.invalid("accounts", "lists " + profile.id() + " twice");
            }
            health.breaker(profile.id());
        }
        this.planner = new RoutePlanner(new ArrayList<>(profiles.values()), b.prices, b.pools);
        this.dispatcher = new Dispatcher(Map.copyOf(profiles), health, b.budgets != null ? b.budgets
                : new InMemoryRateLimitBudgets(clock), clock, b.sleeper, metrics, b.callbackUrls);
        this.ledger = b.ledger != null ? b.ledger : new InMemoryDeliveryLedger(InMemoryDeliveryLedger.DEFAULT_RETENTION,
                clock);
        this.stores = new SharedStores(ledger, b.hooks);
        this.defaultPolicy = b.policy;
        this.random = b.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The plan for a message under the router's default policy. */
    public RoutePlan plan(MessageRequest request) {
        return plan(request, defaultPolicy);
    }

    /** The plan for a message: ordered candidates and the reason each other account is left out. No I/O. */
    public RoutePlan plan(MessageRequest request, RoutingPolicy policy) {
        Checks.required(request, "request");
        Checks.required(policy, "policy");
        return planner.plan(Routable.Text.of(request), policy, health, clock.instant(), random(), false);
    }

    /** The plan for a call, quoted for the policy's {@link RoutingPolicy#callMinutes()}. No I/O. */
    public RoutePlan plan(CallRequest request, RoutingPolicy policy) {
        Checks.required(request, "request");
        Checks.required(policy, "policy");
        return planner.plan(new Routable.Voice(request, request.to(), policy.callMinutes()), policy, health,
                clock.instant(), random(), false);
    }

    public Delivery send(MessageRequest request) {
        return send(request, defaultPolicy);
    }

    /** Sends a message through the first account of its plan that accepts it. */
    public Delivery send(MessageRequest request, RoutingPolicy policy) {
        Checks.required(request, "request");
        Checks.required(policy, "policy");
        return route(Routable.Text.of(request), policy);
    }

    public Delivery place(CallRequest request) {
        return place(request, defaultPolicy);
    }

    /** Places a call through the first account of its plan that accepts it. */
    public Delivery place(CallRequest request, RoutingPolicy policy) {
        Checks.required(request, "request");
        Checks.required(policy, "policy");
        return route(new Routable.Voice(request, request.to(), policy.callMinutes()), policy);
    }

    /** Cost queries under the router's default policy (its currency and converter). */
    public CostQueries costs() {
        return costs(defaultPolicy);
    }

    public CostQueries costs(RoutingPolicy policy) {
        return new CostQueries(planner, Checks.required(policy, "policy"));
    }

    /**
     * Sends a message again for its delivery record {@code key}, leaving out the accounts in {@code exclude} (those
     * it went through already), without the idempotency ledger: the record is what ties the sends together. The
     * recipient's opt-out is checked again. Used by re-send policies of the message lifecycle.
     */
    public Delivery resend(String key, MessageRequest request, java.util.Set<AccountId> exclude) {
        Checks.notBlank(key, "key");
        Checks.required(request, "request");
        Checks.required(exclude, "exclude");
        Routable.Text job = Routable.Text.of(request);
        String country = job.to().regionCode();
        Delivery delivery;
        Optional<Failure> refusal = stores.refusal(request);
        if (refusal.isPresent()) {
            delivery = new Delivery.NotSent(refusal.get(), List.of(), request.clientReference());
        } else {
            RoutingPolicy.Builder policy = defaultPolicy.toBuilder();
            if (!exclude.isEmpty()) {
                policy.deny(country, exclude.toArray(AccountId[]::new));
            }
            RoutingPolicy bounded = awaitPrices(job, policy.build());
            delivery = bounded == null
                    ? new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE, "the routing deadline passed while"
                            + " the prices of " + country + " loaded"), List.of(), request.clientReference())
                    : planAndSend(job, bounded, request.clientReference(), key);
        }
        stores.routed(key, delivery);
        metrics.delivery(country, "resend_" + outcome(delivery));
        return delivery;
    }

    private Delivery route(Routable job, RoutingPolicy policy) {
        String country = job.to().regionCode();
        Optional<String> reference = job.clientReference();
        MessageRequest message = job instanceof Routable.Text text ? text.request() : null;
        if (message != null) {
            Optional<Failure> refusal = stores.refusal(message);
            if (refusal.isPresent()) {
                metrics.delivery(country, "not_sent");
                return new Delivery.NotSent(refusal.get(), List.of(), reference);
            }
        }
        // The record is opened before the reference is claimed: a claim whose instance stops is then never without
        // the record read-back needs to find out where its message went.
        String key = message != null ? stores.opened(message) : null;
        if (reference.isPresent()) {
            SharedStores.Claimed claimed = stores.claim(reference.get());
            if (claimed.unreachable() != null) {
                // At most once needs the claim: without the ledger nothing is sent, with its own reason.
                metrics.delivery(country, "not_sent");
                Delivery notSent = new Delivery.NotSent(claimed.unreachable(), List.of(), reference);
                if (key != null) {
                    stores.routed(key, notSent);
                }
                return notSent;
            }
            DeliveryLedger.Claim claim = claimed.claim();
            if (claim instanceof DeliveryLedger.Claim.Done done) {
                metrics.delivery(country, "duplicate");
                return done.earlier();
            }
            if (claim instanceof DeliveryLedger.Claim.InFlight) {
                metrics.delivery(country, "duplicate");
                return new Delivery.NotSent(Failure.invalid("clientReference",
                        "is being routed by another request right now; nothing was sent"), List.of(), reference);
            }
        }
        Delivery delivery = null;
        try {
            RoutingPolicy bounded = awaitPrices(job, policy);
            delivery = bounded == null
                    ? new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE, "the routing deadline of "
                            + policy.deadline() + " passed while the prices of " + country + " loaded"), List.of(),
                            reference)
                    : planAndSend(job, bounded, reference, key);
        } finally {
            Delivery outcome = delivery != null ? delivery
                    : new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE, "routing failed"), List.of(),
                            reference);
            if (key != null) {
                stores.routed(key, outcome);
            }
            if (reference.isPresent()) {
                stores.complete(reference.get(), outcome);
            }
        }
        metrics.delivery(country, outcome(delivery));
        return delivery;
    }

    /**
     * Plans and sends. When the request ends not sent only because the accounts that could take it are out for a
     * while (breaker open, client budget spent, a Retry-After, a vendor refusing connections or answering
     * unavailable), it waits for the earliest of them to come back and plans again, within its deadline: a short
     * outage slows a batch down instead of failing it. Each pass is one failover chain of at most
     * {@link RoutingPolicy#maxAttempts()} calls; the delivery lists the attempts of every pass.
     */
    private Delivery planAndSend(Routable job, RoutingPolicy policy, Optional<String> reference, String key) {
        Instant deadline = clock.instant().plus(policy.deadline());
        RoutingPolicy pass = policy;
        List<Attempt> earlier = new ArrayList<>();
        while (true) {
            RoutePlan plan = planner.plan(job, pass, health, clock.instant(), random(), false);
            Delivery delivery = plan.isEmpty()
                    ? new Delivery.NotSent(plan.noRouteFailure(), List.of(), reference)
                    : dispatcher.execute(job, plan, pass, key);
            Instant now = clock.instant();
            Instant comeback = comeback(plan, delivery, now);
            if (comeback == null || !comeback.isBefore(deadline.minus(MIN_PASS))) {
                return withEarlier(earlier, delivery);
            }
            // At least a little: a cooldown that ends right now is over only once the clock has moved past it.
            sleeper.sleep(comeback.isAfter(now) ? Duration.between(now, comeback) : MIN_WAIT);
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(MIN_PASS) < 0) {
                return withEarlier(earlier, delivery);
            }
            earlier.addAll(delivery.attempts());
            metrics.waitedForComeback(job.to().regionCode());
            pass = policy.toBuilder().deadline(left).build();
        }
    }

    /** The shortest wait between two passes. */
    static final Duration MIN_WAIT = Duration.ofMillis(10);

    /** The least time worth another pass: less than this before the deadline, the request ends as it stands. */
    static final Duration MIN_PASS = Duration.ofMillis(50);

    /** How long a request waits before trying again an account that refused it for a while with no better hint. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /**
     * When the earliest account that left this request not sent for a while may take it: null when the request
     * was sent or may have been, is itself refused (invalid, unsupported), ran out of time, or no account is out
     * only for a while.
     */
    private Instant comeback(RoutePlan plan, Delivery delivery, Instant now) {
        if (!(delivery instanceof Delivery.NotSent notSent)) {
            return null;
        }
        Failure last = notSent.failure();
        if (!delivery.attempts().isEmpty() && !last.kind().failsOver(DeliveryGuarantee.AT_MOST_ONCE)) {
            return null; // the request itself was refused: waiting does not change it
        }
        Instant earliest = null;
        for (Exclusion exclusion : plan.exclusions()) {
            if (exclusion.reason() == ExclusionReason.CIRCUIT_OPEN) {
                earliest = earliest(earliest, health.comeback(exclusion.account(), now));
            }
        }
        for (Attempt attempt : delivery.attempts()) {
            if (attempt.outcome() == AttemptOutcome.SKIPPED_DEADLINE) {
                return null;
            }
            Instant back = switch (attempt.outcome()) {
                case SKIPPED_CIRCUIT_OPEN -> health.comeback(attempt.account(), now);
                case SKIPPED_RATE_LIMITED, SKIPPED_RETRY_AFTER -> now.plus(attempt.failure()
                        .flatMap(Failure::retryAfter).orElse(RETRY_PAUSE));
                case FAILED -> afterFailure(attempt, now);
                default -> null;
            };
            earliest = earliest(earliest, back);
        }
        return earliest;
    }

    /** A failed call's account is back after its Retry-After, its breaker's cooldown, or a pause; never if lasting. */
    private Instant afterFailure(Attempt attempt, Instant now) {
        Failure failure = attempt.failure().orElse(null);
        if (failure == null
                || (failure.kind() != FailureKind.UNAVAILABLE && failure.kind() != FailureKind.RATE_LIMITED)) {
            return null;
        }
        if (failure.retryAfter().isPresent()) {
            return now.plus(failure.retryAfter().get());
        }
        Instant breaker = health.comeback(attempt.account(), now);
        if (breaker == null) {
            return null;
        }
        return breaker.isAfter(now) ? breaker : now.plus(RETRY_PAUSE);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** {@code delivery} with the attempts of the passes before it in front of its own. */
    private static Delivery withEarlier(List<Attempt> earlier, Delivery delivery) {
        if (earlier.isEmpty()) {
            return delivery;
        }
        List<Attempt> all = new ArrayList<>(earlier);
        all.addAll(delivery.attempts());
        if (delivery instanceof Delivery.Sent sent) {
            return new Delivery.Sent(sent.account(), sent.vendorId(), sent.from(), sent.quote(), sent.message(),
                    sent.call(), all, sent.clientReference());
        }
        if (delivery instanceof Delivery.OutcomeUnknown unknown) {
            return new Delivery.OutcomeUnknown(unknown.account(), unknown.failure(), all, unknown.clientReference());
        }
        Delivery.NotSent notSent = (Delivery.NotSent) delivery;
        return new Delivery.NotSent(notSent.failure(), all, notSent.clientReference());
    }

    /**
     * Waits for the first load of the destination's vendor prices (within the deadline), and answers the policy with
     * what is left of its deadline, or null when nothing is left.
     */
    private RoutingPolicy awaitPrices(Routable job, RoutingPolicy policy) {
        Instant started = clock.instant();
        if (!planner.awaitPrices(job, policy.deadline())) {
            return policy;
        }
        Duration left = policy.deadline().minus(Duration.between(started, clock.instant()));
        if (left.isNegative() || left.isZero()) {
            return null;
        }
        return left.equals(policy.deadline()) ? policy : policy.toBuilder().deadline(left).build();
    }

    private RandomGenerator random() {
        return random != null ? random : ThreadLocalRandom.current();
    }

    private static String outcome(Delivery delivery) {
        if (delivery instanceof Delivery.Sent) {
            return "sent";
        }
        return delivery instanceof Delivery.OutcomeUnknown ? "outcome_unknown" : "not_sent";
    }

    /**
     * Records what reading back a request whose outcome was unknown found, so that a retry with its client reference
     * gets the truth: sent (nothing is sent again) or not sent (the reference is free to send).
     */
    public void resolveUnknown(String reference, Delivery delivery) {
        ledger.resolve(Checks.notBlank(reference, "clientReference"), Checks.required(delivery, "delivery"));
    }

    /** References whose claim's lease ran out without an outcome (their instance stopped); see the ledger. */
    public List<String> abandonedReferences(int limit) {
        return ledger.abandoned(limit);
    }

    /** The current failures of the vendors' pricing APIs, by account, product and country; see {@link PriceBook}. */
    public List<PricingFailure> pricingFailures() {
        return prices.failures();
    }

    /** Test and operations view of an account's breaker state (CLOSED, OPEN, HALF_OPEN, ...). */
    public String breakerState(AccountId account) {
        return health.state(Checks.required(account, "account")).name();
    }

    /** Collects accounts and collaborators; only accounts are required. */
    public static final class Builder {
        private final Map<ProviderConnector, AccountSettings> accounts = new LinkedHashMap<>();
        private PriceBook prices = PriceBook.empty();
        private SenderPools pools = SenderPools.none();
        private RoutingPolicy policy = RoutingPolicy.ofDefaults();
        private BreakerSettings breakers = BreakerSettings.ofDefaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DeliveryLedger ledger;
        private RateLimitBudgets budgets;
        private RetryAfterMarks retryAfterMarks;
        private MeterRegistry registry = new SimpleMeterRegistry();
        private RandomGenerator random;
        private DeliveryHooks hooks;
        private CallbackUrls callbackUrls;

        private Builder() {
        }

        /** What follows a message after routing (its delivery record, opt-outs); none by default. */
        public Builder hooks(DeliveryHooks value) {
            hooks = Checks.required(value, "hooks");
            return this;
        }

        /** The status callback URLs each send carries (unless its request has its own); none by default. */
        public Builder callbackUrls(CallbackUrls value) {
            callbackUrls = Checks.required(value, "callbackUrls");
            return this;
        }

        public Builder account(ProviderConnector connector) {
            return account(connector, AccountSettings.ofDefaults());
        }

        public Builder account(ProviderConnector connector, AccountSettings settings) {
            accounts.put(Checks.required(connector, "connector"), Checks.required(settings, "settings"));
            return this;
        }

        public Builder prices(PriceBook value) {
            prices = Checks.required(value, "prices");
            return this;
        }

        public Builder senders(SenderPools value) {
            pools = Checks.required(value, "senders");
            return this;
        }

        /** The policy of {@link #send(MessageRequest)} and friends. */
        public Builder policy(RoutingPolicy value) {
            policy = Checks.required(value, "policy");
            return this;
        }

        public Builder breakers(BreakerSettings value) {
            breakers = Checks.required(value, "breakers");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Checks.required(value, "clock");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = Checks.required(value, "sleeper");
            return this;
        }

        public Builder ledger(DeliveryLedger value) {
            ledger = Checks.required(value, "ledger");
            return this;
        }

        public Builder budgets(RateLimitBudgets value) {
            budgets = Checks.required(value, "budgets");
            return this;
        }

        /**
         * Where the vendors' Retry-After is kept (in memory on the router's clock by default); a shared store keeps
         * every instance of a fleet away from an account one of them was told to leave alone.
         */
        public Builder retryAfterMarks(RetryAfterMarks value) {
            retryAfterMarks = Checks.required(value, "retryAfterMarks");
            return this;
        }

        public Builder meterRegistry(MeterRegistry value) {
            registry = Checks.required(value, "meterRegistry");
            return this;
        }

        /**
         * The random source of {@link RoutingPolicy.Strategy#WEIGHTED} (ThreadLocalRandom by default); a source given
         * here is shared by all callers, so it must be thread-safe when the router is.
         */
        public Builder random(RandomGenerator value) {
            random = Checks.required(value, "random");
            return this;
        }

        public Router build() {
            return new Router(this);
        }
    }
}
