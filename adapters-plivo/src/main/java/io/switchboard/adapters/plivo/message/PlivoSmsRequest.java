package io.switchboard.adapters.plivo.message;

import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One Plivo send to one or more destinations (joined with {@code <} on the wire, one message each), with every
 * parameter of Plivo's send a message (https://www.plivo.com/docs/messaging/api/message): type, status URL and method,
 * and whether Plivo logs the text.
 *
 * @param src a number or an alphanumeric sender ID (not a pool: routing resolves pools first)
 * @param destinations one to {@value #MAX_DESTINATIONS} numbers, duplicates removed as Plivo does
 * @param type {@code sms} (default), {@code mms} or {@code whatsapp}
 * @param statusUrl where Plivo posts delivery status ({@code url})
 * @param statusMethod GET or POST for {@code statusUrl} ({@code method})
 * @param log whether Plivo keeps the text in its logs ({@code log}); Plivo's default is true
 */
public record PlivoSmsRequest(
        Sender src,
        List<PhoneNumber> destinations,
        String text,
        String type,
        List<URI> mediaUrls,
        Optional<URI> statusUrl,
        Optional<String> statusMethod,
        Optional<Boolean> log) {

    public static final int MAX_DESTINATIONS = 1000;
    private static final Set<String> TYPES = Set.of("sms", "mms", "whatsapp");

    public PlivoSmsRequest {
        Checks.required(src, "src");
        if (src instanceof SenderPool pool) {
            throw SwitchboardException.invalid("src", "must be a number or sender ID, got pool '" + pool.name() + "'");
        }
        destinations = List.copyOf(new LinkedHashSet<>(Checks.listOf(destinations, "dst")));
        if (destinations.isEmpty() || destinations.size() > MAX_DESTINATIONS) {
            throw SwitchboardException.invalid("dst", "must hold 1 to " + MAX_DESTINATIONS + " numbers, got "
                    + destinations.size());
        }
        Checks.required(text, "text");
        mediaUrls = Checks.listOf(mediaUrls, "media_urls");
        type = type == null ? "sms" : type.trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw SwitchboardException.invalid("type", "must be sms, mms or whatsapp, got '" + type + "'");
        }
        if (text.isEmpty() && mediaUrls.isEmpty()) {
            throw SwitchboardException.invalid("text", "must not be empty when no media is attached");
        }
        if (type.equals("sms") && !mediaUrls.isEmpty()) {
            throw SwitchboardException.invalid("media_urls", "needs type mms or whatsapp, got sms");
        }
        statusUrl = statusUrl == null ? Optional.empty() : statusUrl;
        statusMethod = statusMethod == null ? Optional.empty()
                : statusMethod.map(m -> m.trim().toUpperCase(Locale.ROOT));
        statusMethod.ifPresent(m -> {
            if (!m.equals("GET") && !m.equals("POST")) {
                throw SwitchboardException.invalid("method", "must be GET or POST, got '" + m + "'");
            }
        });
        log = log == null ? Optional.empty() : log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a send; {@code src}, at least one destination and {@code text} are required. */
    public static final class Builder {
        private Sender src;
        private final List<PhoneNumber> destinations = new ArrayList<>();
        private String text;
        private String type;
        private final List<URI> mediaUrls = new ArrayList<>();
        private URI statusUrl;
        private String statusMethod;
        private Boolean log;

        private Builder() {
        }

        public Builder src(Sender src) {
            this.src = src;
            return this;
        }

        public Builder dst(PhoneNumber destination) {
            this.destinations.add(destination);
            return this;
        }

        /** Destinations as Plivo's {@code dst} takes them: one E.164 number, or several joined with {@code <}. */
        public Builder dst(String joined) {
            Checks.notBlank(joined, "dst");
            for (String part : joined.split("<", -1)) {
                destinations.add(PhoneNumber.parse(part.trim(), "dst"));
            }
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder media(URI url) {
            this.mediaUrls.add(url);
            return this;
        }

        public Builder statusUrl(URI url) {
            this.statusUrl = url;
            return this;
        }

        public Builder statusMethod(String method) {
            this.statusMethod = method;
            return this;
        }

        public Builder log(boolean log) {
            this.log = log;
            return this;
        }

        public PlivoSmsRequest build() {
            return new PlivoSmsRequest(src, destinations, text, type, mediaUrls, Optional.ofNullable(statusUrl),
                    Optional.ofNullable(statusMethod), Optional.ofNullable(log));
        }
    }
}
