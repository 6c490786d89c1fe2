package io.switchboard.application;

import io.switchboard.domain.Checks;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.SwitchboardException;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Routing settings of one account.
 *
 * @param rateLimit the client-side request budget; absent means the connector's declared limit (Plivo publishes
 *     100 requests per 60 s), and no limit when it declares none
 * @param maxSegments the most SMS segments the vendor accepts in one message on this account, when it has a limit
 */
public record AccountSettings(Optional<RateLimit> rateLimit, OptionalInt maxSegments) {

    public static final AccountSettings DEFAULTS = new AccountSettings(Optional.empty(), OptionalInt.empty());

    public AccountSettings {
        rateLimit = rateLimit == null ? Optional.empty() : rateLimit;
        maxSegments = maxSegments == null ? OptionalInt.empty() : maxSegments;
        if (maxSegments.isPresent() && maxSegments.getAsInt() <= 0) {
            throw SwitchboardException.invalid("maxSegments", "must be positive, got " + maxSegments.getAsInt());
        }
    }

    public static AccountSettings ofDefaults() {
        return DEFAULTS;
    }

    public AccountSettings withRateLimit(RateLimit limit) {
        return new AccountSettings(Optional.of(Checks.required(limit, "rateLimit")), maxSegments);
    }

    public AccountSettings withMaxSegments(int segments) {
        return new AccountSettings(rateLimit, OptionalInt.of(Checks.positive(segments, "maxSegments")));
    }
}
