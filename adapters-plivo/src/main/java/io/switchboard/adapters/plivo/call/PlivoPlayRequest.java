package io.switchboard.adapters.plivo.call;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Audio played into a live call: one or more mp3 / wav URLs (sent comma-separated), the longest it may play in
 * seconds, the legs that hear it, whether it loops, and whether it is mixed with the call's audio.
 */
public record PlivoPlayRequest(
        List<URI> urls,
        Optional<Integer> length,
        Optional<PlivoLegs> legs,
        Optional<Boolean> loop,
        Optional<Boolean> mix) {

    public PlivoPlayRequest {
        urls = List.copyOf(new LinkedHashSet<>(Checks.listOf(urls, "urls")));
        if (urls.isEmpty()) {
            throw SwitchboardException.invalid("urls", "must hold at least one audio URL");
        }
        urls.forEach(u -> PlivoChecks.url(u, "urls"));
        length = PlivoChecks.atLeast(length, 1, "length");
        legs = PlivoChecks.orEmpty(legs);
        loop = PlivoChecks.orEmpty(loop);
        mix = PlivoChecks.orEmpty(mix);
    }

    /** Plays {@code urls} once, on the A leg, mixed as Plivo does by default. */
    public static PlivoPlayRequest of(URI... urls) {
        return new PlivoPlayRequest(List.of(urls), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public PlivoPlayRequest withLength(int seconds) {
        return new PlivoPlayRequest(urls, Optional.of(seconds), legs, loop, mix);
    }

    public PlivoPlayRequest withLegs(PlivoLegs value) {
        return new PlivoPlayRequest(urls, length, Optional.ofNullable(value), loop, mix);
    }

    public PlivoPlayRequest withLoop(boolean value) {
        return new PlivoPlayRequest(urls, length, legs, Optional.of(value), mix);
    }

    public PlivoPlayRequest withMix(boolean value) {
        return new PlivoPlayRequest(urls, length, legs, loop, Optional.of(value));
    }
}
