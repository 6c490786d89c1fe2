package io.switchboard.domain.message;

import io.switchboard.domain.Checks;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A message to send.
 *
 * @param to the destination
 * @param from a number, a sender ID or a sender pool
 * @param text the body; may be empty only when media is attached
 * @param media media URLs (MMS, WhatsApp)
 * @param channel SMS, MMS or WhatsApp
 * @param statusCallback where the vendor reports status changes
 * @param clientReference the caller's idempotency key: one reference is accepted by at most one provider
 */
public record MessageRequest(
        PhoneNumber to,
        Sender from,
        String text,
        List<URI> media,
        Channel channel,
        Optional<URI> statusCallback,
        Optional<String> clientReference) {

    public static final int MAX_CLIENT_REFERENCE = 128;

    public MessageRequest {
        Checks.required(to, "to");
        Checks.required(from, "from");
        Checks.required(text, "text");
        media = Checks.listOf(media, "media");
        Checks.required(channel, "channel");
        statusCallback = statusCallback == null ? Optional.empty() : statusCallback;
        clientReference = clientReference == null ? Optional.empty() : clientReference;
        if (text.isEmpty() && media.isEmpty()) {
            throw SwitchboardException.invalid("text", "must not be empty when no media is attached");
        }
        if (channel == Channel.SMS && !media.isEmpty()) {
            throw SwitchboardException.invalid("media", "needs channel MMS or WHATSAPP, got SMS with "
                    + media.size() + " media URL(s)");
        }
        for (int i = 0; i < media.size(); i++) {
            requireHttp(media.get(i), "media[" + i + "]");
        }
        statusCallback.ifPresent(uri -> requireHttp(uri, "statusCallback"));
        clientReference.ifPresent(ref -> {
            if (ref.isBlank() || ref.length() > MAX_CLIENT_REFERENCE) {
                throw SwitchboardException.invalid("clientReference",
                        "must be 1 to " + MAX_CLIENT_REFERENCE + " non-blank characters, got " + ref.length());
            }
        });
    }

    /** An SMS with no callback and no client reference. */
    public static MessageRequest sms(PhoneNumber to, Sender from, String text) {
        return new MessageRequest(to, from, text, List.of(), Channel.SMS, Optional.empty(), Optional.empty());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The body's encoding and segment count. */
    public SmsText smsText() {
        return SmsText.of(text);
    }

    public MessageRequest withFrom(Sender sender) {
        return new MessageRequest(to, sender, text, media, channel, statusCallback, clientReference);
    }

    public MessageRequest withClientReference(String reference) {
        return new MessageRequest(to, from, text, media, channel, statusCallback, Optional.ofNullable(reference));
    }

    /** This request with the callback URL the vendor reports status changes to. */
    public MessageRequest withStatusCallback(URI url) {
        return new MessageRequest(to, from, text, media, channel, Optional.ofNullable(url), clientReference);
    }

    static void requireHttp(URI uri, String field) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw SwitchboardException.invalid(field, "must be an absolute http(s) URL, got "
                    + ErrorText.quote(String.valueOf(uri)));
        }
    }

    /** Builds a request; {@code channel} defaults to SMS, or MMS once media is added. */
    public static final class Builder {
        private PhoneNumber to;
        private Sender from;
        private String text = "";
        private final java.util.ArrayList<URI> media = new java.util.ArrayList<>();
        private Channel channel;
        private URI statusCallback;
        private String clientReference;

        private Builder() {
        }

        public Builder to(PhoneNumber to) {
            this.to = to;
            return this;
        }

        public Builder to(String e164) {
            return to(PhoneNumber.parse(e164, "to"));
        }

        public Builder from(Sender from) {
            this.from = from;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder media(URI url) {
            this.media.add(url);
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder statusCallback(URI url) {
            this.statusCallback = url;
            return this;
        }

        public Builder clientReference(String reference) {
            this.clientReference = reference;
            return this;
        }

        public MessageRequest build() {
            Channel resolved = channel != null ? channel : media.isEmpty() ? Channel.SMS : Channel.MMS;
            return new MessageRequest(to, from, text, media, resolved, Optional.ofNullable(statusCallback),
                    Optional.ofNullable(clientReference));
        }
    }
}
