package io.switchboard.application;

/** Every metric name and tag key the router records, in one place. */
public final class MetricNames {

    /** Counter: one per attempt, skips included; tags vendor, account, country, outcome, failure. */
    public static final String ATTEMPTS = "switchboard.routing.attempts";
    /** Timer: latency of attempts that called a vendor; tags vendor, account, outcome. */
    public static final String ATTEMPT_LATENCY = "switchboard.routing.attempt.latency";
    /** Counter: one per routed request; tags country, outcome (sent, not_sent, outcome_unknown, duplicate). */
    public static final String DELIVERIES = "switchboard.routing.deliveries";
    /** Counter: moves to the next candidate after a failed attempt; tags vendor, account (the one left), country, failure. */
    public static final String FAILOVERS = "switchboard.routing.failovers";
    /**
     * Counter: requests that waited for an account out for a while (breaker open, budget spent, Retry-After, refused)
     * to come back, then planned again; tag country.
     */
    public static final String WAITS = "switchboard.routing.waits";

    /** Counter: client-side rate-limit denials; tags vendor, account. */
    public static final String RATE_LIMIT_DENIALS = "switchboard.routing.rate_limit.denials";
    /** Counter: circuit-breaker state transitions; tags vendor, account, from, to. */
    public static final String BREAKER_TRANSITIONS = "switchboard.routing.breaker.transitions";
    /** Counter: quoted spend of accepted requests, in major units of the currency; tags vendor, account, country, currency. */
    public static final String SPEND = "switchboard.routing.spend";

    public static final String TAG_VENDOR = "vendor";
    public static final String TAG_ACCOUNT = "account";
    public static final String TAG_COUNTRY = "country";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_FAILURE = "failure";
    public static final String TAG_CURRENCY = "currency";
    public static final String TAG_FROM_STATE = "from";
    public static final String TAG_TO_STATE = "to";

    /** The failure tag of an attempt that did not fail. */
    public static final String NO_FAILURE = "none";

    private MetricNames() {
    }
}
