package io.switchboard.adapters.plivo.call;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.Optional;

/**
 * A live call transfer, with Plivo's rules (https://www.plivo.com/docs/voice/api/call/transfer-a-call): {@code legs}
 * aleg (Plivo's default), bleg or both; the A leg's URL is required when it is transferred (aleg, both), the B leg's
 * when it is (bleg, both), and a URL for a leg that is not transferred is refused. Methods are GET or POST (Plivo's
 * default).
 */
public record PlivoTransfer(
        PlivoLegs legs,
        Optional<URI> alegUrl,
        Optional<String> alegMethod,
        Optional<URI> blegUrl,
        Optional<String> blegMethod) {

    public PlivoTransfer {
        Checks.required(legs, "legs");
        alegUrl = PlivoChecks.url(alegUrl, "aleg_url");
        alegMethod = PlivoChecks.method(alegMethod, "aleg_method");
        blegUrl = PlivoChecks.url(blegUrl, "bleg_url");
        blegMethod = PlivoChecks.method(blegMethod, "bleg_method");
        boolean a = legs != PlivoLegs.BLEG;
        boolean b = legs != PlivoLegs.ALEG;
        if (a && alegUrl.isEmpty()) {
            throw SwitchboardException.invalid("aleg_url", "is required when legs is " + legs.wire());
        }
        if (b && blegUrl.isEmpty()) {
            throw SwitchboardException.invalid("bleg_url", "is required when legs is " + legs.wire());
        }
        if (!a && (alegUrl.isPresent() || alegMethod.isPresent())) {
            throw SwitchboardException.invalid("aleg_url", "applies only when legs is aleg or both, got legs bleg");
        }
        if (!b && (blegUrl.isPresent() || blegMethod.isPresent())) {
            throw SwitchboardException.invalid("bleg_url", "applies only when legs is bleg or both, got legs aleg");
        }
    }

    /** The call itself fetches new XML from {@code url}. */
    public static PlivoTransfer aleg(URI url, String method) {
        return new PlivoTransfer(PlivoLegs.ALEG, Optional.ofNullable(url), Optional.ofNullable(method),
                Optional.empty(), Optional.empty());
    }

    /** Only the bridged party fetches new XML from {@code url}. */
    public static PlivoTransfer bleg(URI url, String method) {
        return new PlivoTransfer(PlivoLegs.BLEG, Optional.empty(), Optional.empty(), Optional.ofNullable(url),
                Optional.ofNullable(method));
    }

    /** Both legs move, each to its own URL. */
    public static PlivoTransfer both(URI alegUrl, String alegMethod, URI blegUrl, String blegMethod) {
        return new PlivoTransfer(PlivoLegs.BOTH, Optional.ofNullable(alegUrl), Optional.ofNullable(alegMethod),
                Optional.ofNullable(blegUrl), Optional.ofNullable(blegMethod));
    }
}
