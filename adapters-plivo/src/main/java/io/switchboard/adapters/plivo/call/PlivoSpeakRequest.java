package io.switchboard.adapters.plivo.call;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;

import java.util.Optional;

/** Text spoken into a live call: the speech, the legs that hear it, whether it loops and is mixed with the call. */
public record PlivoSpeakRequest(PlivoSpeech speech, Optional<PlivoLegs> legs, Optional<Boolean> loop,
        Optional<Boolean> mix) {

    public PlivoSpeakRequest {
        Checks.required(speech, "text");
        legs = PlivoChecks.orEmpty(legs);
        loop = PlivoChecks.orEmpty(loop);
        mix = PlivoChecks.orEmpty(mix);
    }

    public static PlivoSpeakRequest of(PlivoSpeech speech) {
        return new PlivoSpeakRequest(speech, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public PlivoSpeakRequest withLegs(PlivoLegs value) {
        return new PlivoSpeakRequest(speech, Optional.ofNullable(value), loop, mix);
    }

    public PlivoSpeakRequest withLoop(boolean value) {
        return new PlivoSpeakRequest(speech, legs, Optional.of(value), mix);
    }

    public PlivoSpeakRequest withMix(boolean value) {
        return new PlivoSpeakRequest(speech, legs, loop, Optional.of(value));
    }
}
