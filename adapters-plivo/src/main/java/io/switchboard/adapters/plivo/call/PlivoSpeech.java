package io.switchboard.adapters.plivo.call;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.util.Optional;

/**
 * Text Plivo speaks, with its voice ({@code MAN} or {@code WOMAN}; Plivo's default WOMAN) and language
 * ({@code en-US} by default).
 */
public record PlivoSpeech(String text, Optional<String> voice, Optional<String> language) {

    public PlivoSpeech {
        text = PlivoChecks.text(text, "text");
        voice = PlivoChecks.voice(voice);
        language = PlivoChecks.language(language);
    }

    public static PlivoSpeech of(String text) {
        return new PlivoSpeech(text, Optional.empty(), Optional.empty());
    }

    public PlivoSpeech withVoice(String value) {
        return new PlivoSpeech(text, Optional.ofNullable(value), language);
    }

    public PlivoSpeech withLanguage(String value) {
        return new PlivoSpeech(text, voice, Optional.ofNullable(value));
    }
}
