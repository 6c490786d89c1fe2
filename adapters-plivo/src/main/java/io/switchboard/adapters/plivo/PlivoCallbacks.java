package io.switchboard.adapters.plivo;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.Money;
import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.CallbackResult.Refusal;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.callback.WebhookRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.port.CallbacksPort;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Reads one Plivo account's webhooks: message status callbacks (the send request's {@code url}), inbound messages
 * (the application's {@code message_url}) and call callbacks ({@code hangup_url}, {@code ring_url}). The
 * {@code X-Plivo-Signature-V3} and its nonce are checked with the account's auth token, over the request's method, URL
 * and form parameters, before anything is read; the legacy V2 headers count only when no V3 header came. Field names
 * follow Plivo's "Message Status Callbacks", "Handling incoming messages" and "Hangup causes" / Make Call references.
 * {@link #toString()} never shows the token.
 */
final class PlivoCallbacks implements CallbacksPort {

    /** The detail of a refusal by the last-resort guard, which no check below should leave to it. */
    static final String UNREADABLE = "the callback could not be read";

    private static final Pattern SAFE_NONCE = Pattern.compile("[A-Za-z0-9._:/+=-]{1,200}");

    private final AccountId account;
    private final String authToken;
    private final Clock clock;

    PlivoCallbacks(PlivoConfig config, Clock clock) {
        this.account = config.account();
        this.authToken = config.authToken();
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
        String method = request.method();
        if (!method.equals("POST") && !method.equals("GET")) {
            return refused(Refusal.BAD_REQUEST, "Plivo calls back with POST or GET, not " + ErrorText.quote(method));
        }
        Map<String, String> form;
        Map<String, String> query;
        try {
            form = method.equals("POST") ? decodeForm(request.bodyText()) : Map.of();
            query = method.equals("GET") ? decodeForm(queryOf(request.url())) : Map.of();
        } catch (IllegalArgumentException e) {
            return refused(Refusal.MALFORMED, ErrorText.oneLine(e.getMessage()));
        }
        Optional<String> v3 = request.header(PlivoSignature.V3_HEADER).filter(s -> !s.isBlank());
        Optional<String> v2 = request.header(PlivoSignature.V2_HEADER).filter(s -> !s.isBlank());
        String url = request.url();
        Optional<String> nonce;
        boolean authentic;
        if (v3.isPresent()) {
            nonce = request.header(PlivoSignature.V3_NONCE_HEADER).filter(s -> !s.isBlank());
            if (nonce.isEmpty()) {
                return refused(Refusal.SIGNATURE, "no " + PlivoSignature.V3_NONCE_HEADER + " header");
            }
            authentic = verified(() -> PlivoSignature.isValidV3(authToken, method, url, form, nonce.get(),
                    v3.get()));
        } else if (v2.isPresent()) {
            nonce = request.header(PlivoSignature.V2_NONCE_HEADER).filter(s -> !s.isBlank());
            if (nonce.isEmpty()) {
                return refused(Refusal.SIGNATURE, "no " + PlivoSignature.V2_NONCE_HEADER + " header");
            }
            authentic = verified(() -> PlivoSignature.isValidV2(authToken, url, nonce.get(), v2.get()));
        } else {
            return refused(Refusal.SIGNATURE, "no " + PlivoSignature.V3_HEADER + " header");
        }
        if (!authentic) {
            return refused(Refusal.SIGNATURE, "the Plivo signature does not verify for this account, URL and "
                    + "parameters");
        }
        String eventId = nonce.map(String::trim).filter(n -> SAFE_NONCE.matcher(n).matches())
                .orElseGet(() -> digest(request));
        return interpret(new Fields(method.equals("POST") ? form : query), eventId);
    }

    private CallbackResult interpret(Fields f, String eventId) {
        if (f.has("CallStatus")) {
            return call(f, eventId);
        }
        if (f.has("Status") || f.has("MessageUUID")) {
            return message(f, eventId);
        }
        // Recording, conference, DTMF and other callbacks: authentic, and nothing this version applies.
        return new CallbackResult.Accepted(List.of());
    }

    private CallbackResult message(Fields f, String eventId) {
        Optional<String> vendorId = f.get("MessageUUID");
        if (vendorId.isEmpty()) {
            return refused(Refusal.MALFORMED, "a message callback without MessageUUID");
        }
        Optional<String> word = f.get("Status");
        Optional<String> text = f.get("Text").or(() -> f.get("Body"));
        // Plivo's inbound message webhook has no Status; its status callbacks always do.
        boolean inbound = word.isEmpty() || word.get().trim().equalsIgnoreCase("received");
        Optional<Instant> at;
        Optional<Money> price;
        try {
            at = latest(f, "MessageTime", "QueuedTime", "SentTime", "DeliveryReportTime");
            price = money(f, "TotalAmount");
        } catch (IllegalArgumentException e) {
            return refused(Refusal.MALFORMED, e.getMessage());
        }
        VendorEvent.Builder event = VendorEvent.builder(inbound ? EventKind.INBOUND_MESSAGE : EventKind.MESSAGE_STATUS,
                        account)
                .eventId(eventId)
                .vendorId(vendorId.get())
                .messageStatus(inbound ? MessageStatus.RECEIVED : PlivoMapper.messageStatus(word.orElse("")),
                        word.orElse(""))
                .occurredAt(at.orElseGet(clock::instant))
                .from(PlivoMapper.e164(f.get("From").orElse("")))
                .to(PlivoMapper.e164(f.get("To").orElse("")))
                .price(price.orElse(null));
        if (inbound) {
            event.text(text.orElse(""));
        }
        Optional<String> sequence = f.get("Sequence");
        if (sequence.isPresent()) {
            Optional<Long> n = wholeNumber(sequence.get());
            if (n.isEmpty()) {
                return refused(Refusal.MALFORMED, "Sequence " + ErrorText.quote(sequence.get())
                        + " is not a whole number");
            }
            event.sequence(n.get());
        }
        // Plivo writes 000 for a delivery without error.
        f.get("ErrorCode").map(String::trim).filter(c -> !c.matches("0+")).ifPresent(code -> {
            Optional<PlivoDeliveryErrors.Entry> entry = PlivoDeliveryErrors.of(code);
            event.error(code, entry.map(PlivoDeliveryErrors.Entry::meaning).orElse(null),
                    entry.map(PlivoDeliveryErrors.Entry::errorClass).orElse(ErrorClass.UNCLASSIFIED));
        });
        return new CallbackResult.Accepted(List.of(event.build()));
    }

    private CallbackResult call(Fields f, String eventId) {
        Optional<String> vendorId = f.get("CallUUID");
        if (vendorId.isEmpty()) {
            return refused(Refusal.MALFORMED, "a call callback without CallUUID");
        }
        String word = f.get("CallStatus").orElse("");
        CallStatus status = PlivoMapper.callStatus(word);
        Optional<Instant> at;
        Optional<Money> price;
        try {
            at = latest(f, "StartTime", "AnswerTime", "EndTime");
            price = money(f, "TotalCost");
        } catch (IllegalArgumentException e) {
            return refused(Refusal.MALFORMED, e.getMessage());
        }
        for (String seconds : List.of("Duration", "BillDuration")) {
            Optional<String> value = f.get(seconds);
            if (value.isPresent() && wholeNumber(value.get()).isEmpty()) {
                return refused(Refusal.MALFORMED, seconds + " " + ErrorText.quote(value.get())
                        + " is not a whole number of seconds");
            }
        }
        VendorEvent.Builder event = VendorEvent.builder(EventKind.CALL_STATUS, account)
                .eventId(eventId)
                .vendorId(vendorId.get())
                .callStatus(status, word)
                .occurredAt(at.orElseGet(clock::instant))
                .from(PlivoMapper.e164(f.get("From").orElse("")))
                .to(PlivoMapper.e164(f.get("To").orElse("")))
                .price(price.orElse(null));
        if (status.isTerminal() && status != CallStatus.COMPLETED) {
            // Why the call did not complete, in Plivo's hangup cause list (4000 is a normal hangup, not an error).
            Optional<String> code = f.get("HangupCauseCode");
            Optional<String> cause = f.get("HangupCauseName").or(() -> f.get("HangupCause"));
            if (code.isPresent() || cause.isPresent()) {
                event.error(code.orElse(cause.orElse("")), cause.orElse(null), ErrorClass.UNCLASSIFIED);
            }
        }
        return new CallbackResult.Accepted(List.of(event.build()));
    }

    /**
     * The latest of the named times that are present: a status callback carries the times of every earlier stage,
     * so the latest one dates the change it reports.
     *
     * @throws IllegalArgumentException naming a time that is present but not a Plivo date
     */
    private static Optional<Instant> latest(Fields f, String... names) {
        Instant latest = null;
        for (String name : names) {
            Optional<String> value = f.get(name);
            if (value.isEmpty()) {
                continue;
            }
            Instant at = PlivoMapper.time(value.get()).orElseThrow(() -> new IllegalArgumentException(name + " "
                    + ErrorText.quote(value.get()) + " is not a date"));
            latest = latest == null || at.isAfter(latest) ? at : latest;
        }
        return Optional.ofNullable(latest);
    }

    /**
     * A charge as a positive amount in Plivo's billing currency.
     *
     * @throws IllegalArgumentException naming a field that is present but not a plain decimal amount
     */
    private static Optional<Money> money(Fields f, String name) {
        Optional<String> value = f.get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(Money.parseAmount(value.get(), name).abs(), PlivoMapper.CURRENCY));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " " + ErrorText.quote(value.get())
                    + " is not a plain decimal amount");
        }
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

    /** The verifier's answer; any failure inside it counts as a signature that does not verify. */
    private static boolean verified(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
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
     * An {@code application/x-www-form-urlencoded} text as names to values, in order. Plivo sends each parameter
     * once; a repeated one could not be verified the way Plivo signs, so it is refused.
     *
     * @throws IllegalArgumentException for a malformed percent escape or a repeated name
     */
    static Map<String, String> decodeForm(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the body or the URL's query is not form-encoded");
            }
            if (params.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("the parameter " + ErrorText.quote(name) + " appears twice");
            }
        }
        return params;
    }

    /** The form's fields; a blank value counts as absent. */
    private record Fields(Map<String, String> values) {
        Optional<String> get(String name) {
            String value = values.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }

        boolean has(String name) {
            return get(name).isPresent();
        }
    }

    @Override
    public String toString() {
        return "PlivoCallbacks[" + account + ", authToken=****]";
    }
}
