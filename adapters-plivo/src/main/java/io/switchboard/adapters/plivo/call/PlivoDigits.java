package io.switchboard.adapters.plivo.call;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.SwitchboardException;

import java.util.Optional;

/**
 * DTMF digits sent on a live call, with the {@code w} / {@code W} waits, to the A leg (Plivo's default) or the B leg
 * of a Dial.
 */
public record PlivoDigits(String digits, Optional<PlivoLegs> leg) {

    public PlivoDigits {
        digits = PlivoChecks.digits(digits, "digits");
        leg = PlivoChecks.orEmpty(leg);
        if (leg.orElse(PlivoLegs.ALEG) == PlivoLegs.BOTH) {
            throw SwitchboardException.invalid("leg", "must be aleg or bleg, got both");
        }
    }

    public static PlivoDigits of(String digits) {
        return new PlivoDigits(digits, Optional.empty());
    }

    public PlivoDigits onLeg(PlivoLegs value) {
        return new PlivoDigits(digits, Optional.ofNullable(value));
    }
}
