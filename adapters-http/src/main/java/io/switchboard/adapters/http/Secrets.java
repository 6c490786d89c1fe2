package io.switchboard.adapters.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The forms an account's credentials take on the wire, and their removal from text that came back from it. A vendor,
 * a proxy or a load balancer that echoes the request in an error body echoes the {@code Authorization} header: the
 * header value, its token, the Base64 of {@code id:secret} with or without padding or in its URL-safe alphabet, the
 * decoded pair, the secret alone, and each of those percent-encoded or with JSON's escaped slash.
 */
final class Secrets {

    static final String MASK = "****";

    /** Shorter values are too likely to occur by chance in an error text to be worth masking, and too weak to hide. */
    private static final int SHORTEST = 4;

    private final List<String> forms;

    private Secrets(List<String> forms) {
        this.forms = forms;
    }

    static Secrets none() {
        return new Secrets(List.of());
    }

    /** The forms of each {@code Authorization} header value ({@code Basic <base64>}, {@code Bearer <key>}). */
    static Secrets ofAuthorizations(List<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : values) {
            forms.add(value);
            int space = value.indexOf(' ');
            String scheme = space < 0 ? "" : value.substring(0, space).toLowerCase(Locale.ROOT);
            String token = space < 0 ? value : value.substring(space + 1).trim();
            addWithVariants(forms, token);
            if (scheme.equals("basic")) {
                String pair = decode(token);
                if (pair != null) {
                    addWithVariants(forms, pair);
                    int colon = pair.indexOf(':');
                    if (colon >= 0) {
                        addWithVariants(forms, pair.substring(colon + 1));
                    }
                    String unpadded = token.replaceAll("=+$", "");
                    addWithVariants(forms, unpadded);
                    addWithVariants(forms, unpadded.replace('+', '-').replace('/', '_'));
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (String form : forms) {
            if (form.length() >= SHORTEST) {
                kept.add(form);
            }
        }
        // The longest first, so that a form is masked whole before a part of it is.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(kept));
    }

    /** {@code text} with every form masked; null stays null. */
    String redact(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String form : forms) {
            if (redacted.contains(form)) {
                redacted = redacted.replace(form, MASK);
            }
        }
        return redacted;
    }

    private static void addWithVariants(Set<String> forms, String value) {
        forms.add(value);
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(value.replace("/", "\\/"));
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
