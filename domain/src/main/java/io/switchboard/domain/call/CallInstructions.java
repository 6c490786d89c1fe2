package io.switchboard.domain.call;

import io.switchboard.domain.Checks;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;

/** What a call does once answered: fetched from a URL, or given inline as markup (TwiML, Plivo XML). Exactly one. */
public sealed interface CallInstructions {

    /** Instructions fetched from {@code url} with {@code method} (GET or POST) when the call is answered. */
    record Url(URI url, String method) implements CallInstructions {
        public Url {
            Checks.required(url, "url");
            String scheme = url.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || url.getHost() == null) {
                throw SwitchboardException.invalid("url", "must be an absolute http(s) URL, got "
                        + ErrorText.quote(String.valueOf(url)));
            }
            method = method == null ? "POST" : method.trim().toUpperCase(java.util.Locale.ROOT);
            if (!method.equals("GET") && !method.equals("POST")) {
                throw SwitchboardException.invalid("method", "must be GET or POST, got " + ErrorText.quote(method));
            }
        }
    }

    /** Inline markup executed when the call is answered. */
    record Markup(String markup) implements CallInstructions {
        public Markup {
            Checks.notBlank(markup, "markup");
        }
    }

    static CallInstructions url(String url) {
        Checks.notBlank(url, "url");
        try {
            return new Url(URI.create(url.trim()), "POST");
        } catch (IllegalArgumentException e) {
            throw SwitchboardException.invalid("url", "is not a URL, got " + ErrorText.quote(url));
        }
    }

    static CallInstructions markup(String markup) {
        return new Markup(markup);
    }
}
