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

    /** Counter: messages whose current send reached a final status; tags vendor, account, country, status. */
    public static final String DELIVERY_FINAL = "switchboard.delivery.final";
    /** Timer: from routing to the delivered status; tags vendor, account, country. */
    public static final String TIME_TO_DELIVERED = "switchboard.delivery.time_to_delivered";
    /** Counter: re-sends after an undelivered status; tags country, outcome (sent, not_sent, outcome_unknown). */
    public static final String RESENDS = "switchboard.delivery.resends";
    /** Counter: sends refused because the recipient opted out; tag country. */
    public static final String SUPPRESSED = "switchboard.delivery.suppressed";
    /** Counter: numbers opted out or in; tags vendor, account, action (opt_out, opt_in). */
    public static final String OPT_OUTS = "switchboard.delivery.opt_outs";
    /** Counter: verified callback events; tags vendor, kind, result (applied, duplicate, stale, parked, noted). */
    public static final String CALLBACK_EVENTS = "switchboard.callbacks.events";
    /** Counter: callbacks refused before anything was applied; tags vendor, reason. */
    public static final String CALLBACKS_REFUSED = "switchboard.callbacks.refused";
    /** Counter: messages read back from their vendor; tags vendor, account, result. */
    public static final String READ_BACKS = "switchboard.delivery.read_backs";

    public static final String TAG_STATUS = "status";
    public static final String TAG_KIND = "kind";
    public static final String TAG_RESULT = "result";
    public static final String TAG_REASON = "reason";
    public static final String TAG_ACTION = "action";

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
