package io.switchboard.adapters.twilio;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.CallbackResult.Refusal;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.callback.WebhookRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.port.CallbacksPort;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one Twilio account's webhooks: message status callbacks, inbound messages and call status callbacks. The
 * {@code X-Twilio-Signature} is checked with the account's auth token before anything is read: over the full URL and
 * the form parameters of a POST, or over the URL alone for a GET (whose parameters are in its query). Field names
 * follow Twilio's "Track the Message Status of Outbound Messages", "Receive an inbound message" (messaging webhooks)
 * and "Call resource: StatusCallback" references. {@link #toString()} never shows the token.
 */
final class TwilioCallbacks implements CallbacksPort {

    /** Twilio's id of one webhook delivery, the same on each retry of it. */
    static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";

    /** The detail of a refusal by the last-resort guard, which no check below should leave to it. */
    static final String UNREADABLE = "the callback could not be read";

    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._:/+=-]{1,200}");

    private final AccountId account;
    private final String accountSid;
    private final Optional<String> authToken;
    private final Clock clock;

    TwilioCallbacks(TwilioConfig config, Clock clock) {
        this.account = config.account();
        this.accountSid = config.accountSid();
        this.authToken = config.webhookAuthToken();
        this.clock = clock;
    }

    @Override
    public CallbackResult receive(WebhookRequest request) {
        if (request == null) {
            return refused(Refusal.BAD_REQUEST, "no request");
        }
        try {
            return read(request);
        } catch (RuntimeException e) {
            // receive never throws: whatever slipped past the checks below is a callback this version cannot read.
            return refused(Refusal.MALFORMED, UNREADABLE);
        }
    }

    private CallbackResult read(WebhookRequest request) {
        if (authToken.isEmpty()) {
            return refused(Refusal.UNKNOWN_ACCOUNT, "account " + account + " authenticates with an API key: an auth"
                    + " token (webhookAuthToken) is needed to verify its callbacks");
        }
        String method = request.method();
        if (!method.equals("POST") && !method.equals("GET")) {
            return refused(Refusal.BAD_REQUEST, "Twilio calls back with POST or GET, not " + ErrorText.quote(method));
        }
        Optional<String> signature = request.header(TwilioWebhookSignature.HEADER).filter(s -> !s.isBlank());
        if (signature.isEmpty()) {
            return refused(Refusal.SIGNATURE, "no " + TwilioWebhookSignature.HEADER + " header");
        }
        String url = request.url();
        Map<String, List<String>> query;
        Map<String, List<String>> form;
        try {
            query = decodeForm(queryOf(url));
            form = method.equals("POST") ? decodeForm(request.bodyText()) : Map.of();
        } catch (IllegalArgumentException e) {
            return refused(Refusal.MALFORMED, (method.equals("POST") ? "the body or the URL's query" : "the URL's "
                    + "query") + " is not form-encoded");
        }
        if (method.equals("POST") && query.containsKey(TwilioWebhookSignature.BODY_SHA256)) {
            // A JSON webhook: Twilio signs the URL alone and puts the body's hash in it. No status callback this
            // version reads is sent this way, so an authentic one is answered and left unread.
            return verified(() -> signer().isValidJson(url, request.bodyText(), signature.get()))
                    ? new CallbackResult.Accepted(List.of()) : badSignature();
        }
        if (!verified(() -> signer().isValid(url, form, signature.get()))) {
            return badSignature();
        }
        Map<String, List<String>> fields = method.equals("POST") ? form : query;
        return interpret(new Fields(fields), eventId(request));
    }

    private CallbackResult interpret(Fields f, String eventId) {
        Optional<String> sid = f.get("AccountSid");
        if (sid.isPresent() && !sid.get().equals(accountSid)) {
            return refused(Refusal.UNKNOWN_ACCOUNT, "the callback is for account " + ErrorText.quote(sid.get())
                    + ", not " + accountSid);
        }
        if (f.has("CallStatus")) {
            return call(f, eventId);
        }
        Optional<String> messageStatus = f.get("MessageStatus");
        Optional<String> word = messageStatus.or(() -> f.get("SmsStatus"));
        if (word.isPresent() || f.has("Body")) {
            return message(f, eventId, messageStatus.isEmpty() && f.has("Body"), word.orElse(""));
        }
        // Recording, transcription, conference and other callbacks: authentic, and nothing this version applies.
        return new CallbackResult.Accepted(List.of());
    }

    private CallbackResult message(Fields f, String eventId, boolean inboundShape, String word) {
        Optional<String> vendorId = f.get("MessageSid").or(() -> f.get("SmsSid"));
        if (vendorId.isEmpty()) {
            return refused(Refusal.MALFORMED, "a message callback without MessageSid");
        }
        boolean inbound = inboundShape || word.trim().equalsIgnoreCase("received");
        VendorEvent.Builder event = VendorEvent.builder(inbound ? EventKind.INBOUND_MESSAGE : EventKind.MESSAGE_STATUS,
                        account)
                .eventId(eventId)
                .vendorId(vendorId.get())
                .messageStatus(inbound ? MessageStatus.RECEIVED : TwilioStatuses.message(word), word)
                .occurredAt(clock.instant())
                .from(f.get("From").orElse(""))
                .to(f.get("To").orElse(""));
        if (inbound) {
            event.text(f.get("Body").orElse(""));
        }
        Optional<String> code = f.get("ErrorCode").map(String::trim).filter(c -> !c.matches("0+"));
        code.ifPresent(c -> {
            Optional<TwilioDeliveryErrors.Entry> entry = TwilioDeliveryErrors.of(c);
            event.error(c, entry.map(TwilioDeliveryErrors.Entry::meaning).orElse(null),
                    entry.map(TwilioDeliveryErrors.Entry::errorClass).orElse(ErrorClass.UNCLASSIFIED));
        });
        return new CallbackResult.Accepted(List.of(event.build()));
    }

    private CallbackResult call(Fields f, String eventId) {
        Optional<String> vendorId = f.get("CallSid");
        if (vendorId.isEmpty()) {
            return refused(Refusal.MALFORMED, "a call callback without CallSid");
        }
        String word = f.get("CallStatus").orElse("");
        Optional<String> timestamp = f.get("Timestamp");
        Instant at = timestamp.flatMap(TwilioValues::instant).orElse(null);
        if (timestamp.isPresent() && at == null) {
            return refused(Refusal.MALFORMED, "Timestamp " + ErrorText.quote(timestamp.get()) + " is not a date");
        }
        VendorEvent.Builder event = VendorEvent.builder(EventKind.CALL_STATUS, account)
                .eventId(eventId)
                .vendorId(vendorId.get())
                .callStatus(TwilioStatuses.call(word), word)
                .occurredAt(at != null ? at : clock.instant())
                .from(f.get("From").orElse(""))
                .to(f.get("To").orElse(""));
        Optional<String> sequence = f.get("SequenceNumber");
        if (sequence.isPresent()) {
            Optional<Long> n = wholeNumber(sequence.get());
            if (n.isEmpty()) {
                return refused(Refusal.MALFORMED, "SequenceNumber " + ErrorText.quote(sequence.get())
                        + " is not a whole number");
            }
            event.sequence(n.get());
        }
        Optional<String> duration = f.get("CallDuration");
        if (duration.isPresent() && wholeNumber(duration.get()).isEmpty()) {
            return refused(Refusal.MALFORMED, "CallDuration " + ErrorText.quote(duration.get())
                    + " is not a whole number of seconds");
        }
        return new CallbackResult.Accepted(List.of(event.build()));
    }

    /** Twilio's idempotency token when it sent a usable one, else a digest of what was verified. */
    private static String eventId(WebhookRequest request) {
        Optional<String> token = request.header(IDEMPOTENCY_HEADER).map(String::trim)
                .filter(t -> SAFE_TOKEN.matcher(t).matches());
        return token.orElseGet(() -> digest(request));
    }

    /** The hex SHA-256 of the method, URL and body: the same delivery sent again has the same id. */
    static String digest(WebhookRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.method() + " " + request.url() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(request.body());
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private TwilioWebhookSignature signer() {
        return TwilioWebhookSignature.withAuthToken(authToken.orElseThrow());
    }

    /** The verifier's answer; any failure inside it counts as a signature that does not verify. */
    private static boolean verified(java.util.function.BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static CallbackResult badSignature() {
        return refused(Refusal.SIGNATURE, TwilioWebhookSignature.HEADER + " does not verify for this account, URL "
                + "and parameters");
    }

    private static CallbackResult refused(Refusal reason, String detail) {
        return new CallbackResult.Refused(reason, detail);
    }

    static Optional<Long> wholeNumber(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(t));
    }

    private static String queryOf(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return "";
        }
        int hash = url.indexOf('#', q);
        return hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    }

    /**
     * An {@code application/x-www-form-urlencoded} text as names to values, in order.
     *
     * @throws IllegalArgumentException for a malformed percent escape
     */
    static Map<String, List<String>> decodeForm(String text) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The first value of each field; a blank value counts as absent. */
    private record Fields(Map<String, List<String>> values) {
        Optional<String> get(String name) {
            List<String> list = values.get(name);
            return list == null || list.isEmpty() || list.get(0).isBlank() ? Optional.empty()
                    : Optional.of(list.get(0));
        }

        boolean has(String name) {
            return get(name).isPresent();
        }
    }

    @Override
    public String toString() {
        return "TwilioCallbacks[" + account + ", " + accountSid + ", authToken=" + (authToken.isPresent() ? "****"
                : "none") + "]";
    }
}
