package io.switchboard.application.lifecycle;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.time.Duration;

/**
 * When a message that ended undelivered is sent again through another account. Off by default: a re-send may be
 * billed twice (the first vendor may charge for the failed attempt), so it is the user's choice.
 *
 * <p>A final UNDELIVERED or FAILED whose vendor error says the route, the carrier or the sender failed
 * ({@link io.switchboard.domain.callback.ErrorClass#ROUTE}) is re-sent through a fresh plan that leaves out every
 * account the message went through, if it is still within {@code window} of the first routing and fewer than
 * {@code maxResends} re-sends were started. Errors no provider can fix (invalid or landline number, unknown
 * subscriber, opted out) and unclassified errors never re-send.
 */
public record ResendPolicy(boolean enabled, Duration window, int maxResends) {

    public static final ResendPolicy OFF = new ResendPolicy(false, Duration.ofHours(1), 1);

    public ResendPolicy {
        Checks.required(window, "resend.window");
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(3)) > 0) {
            throw SwitchboardException.invalid("resend.window", "must be more than 0 and at most 3 days, got "
                    + window);
        }
        if (maxResends < 1 || maxResends > 5) {
            throw SwitchboardException.invalid("resend.maxResends", "must be 1 to 5, got " + maxResends);
        }
    }

    /** Re-sends within {@code window}, at most {@code maxResends} times. */
    public static ResendPolicy within(Duration window, int maxResends) {
        return new ResendPolicy(true, window, maxResends);
    }
}
