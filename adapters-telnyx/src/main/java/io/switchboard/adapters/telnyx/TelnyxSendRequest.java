package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A Telnyx message with everything Telnyx's POST /messages takes beyond the ports: an MMS subject and the
 * MMS flag beside the fields the domain's {@link io.switchboard.domain.message.MessageRequest} already has.
 *
 * @param from a number on the account (E.164) or an alphanumeric sender ID
 * @param to the destination
 * @param text the body; may be empty only for an MMS with media
 * @param subject the MMS subject
 * @param mediaUrls media to attach (MMS)
 * @param useMms send as MMS ({@code type: "MMS"}) rather than SMS
 * @param webhookUrl where Telnyx posts this message's status events
 */
public record TelnyxSendRequest(String from, PhoneNumber to, String text, Optional<String> subject, List<URI> mediaUrls,
        boolean useMms, Optional<URI> webhookUrl) {

    public TelnyxSendRequest {
        Checks.notBlank(from, "from");
        Checks.required(to, "to");
        Checks.required(text, "text");
        subject = subject == null ? Optional.empty() : subject;
        mediaUrls = Checks.listOf(mediaUrls, "mediaUrls");
        webhookUrl = webhookUrl == null ? Optional.empty() : webhookUrl;
        if (text.isEmpty() && mediaUrls.isEmpty()) {
            throw SwitchboardException.invalid("text", "must not be empty when no media is attached");
        }
        if (!useMms && !mediaUrls.isEmpty()) {
            throw SwitchboardException.invalid("mediaUrls", "need useMms, got " + mediaUrls.size() + " media URL(s)");
        }
        for (int i = 0; i < mediaUrls.size(); i++) {
            requireHttp(mediaUrls.get(i), "mediaUrls[" + i + "]");
        }
        webhookUrl.ifPresent(url -> requireHttp(url, "webhookUrl"));
    }

    /** An SMS: the three parameters Telnyx requires. */
    public static TelnyxSendRequest sms(String from, PhoneNumber to, String text) {
        return new TelnyxSendRequest(from, to, text, Optional.empty(), List.of(), false, Optional.empty());
    }

    /** An MMS with a subject and media. */
    public static TelnyxSendRequest mms(String from, PhoneNumber to, String text, String subject, List<URI> media) {
        return new TelnyxSendRequest(from, to, text, Optional.ofNullable(subject), media, true, Optional.empty());
    }

    public TelnyxSendRequest withWebhookUrl(URI url) {
        return new TelnyxSendRequest(from, to, text, subject, mediaUrls, useMms, Optional.ofNullable(url));
    }

    private static void requireHttp(URI uri, String field) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw SwitchboardException.invalid(field, "must be an absolute http(s) URL, got '" + uri + "'");
        }
    }
}
