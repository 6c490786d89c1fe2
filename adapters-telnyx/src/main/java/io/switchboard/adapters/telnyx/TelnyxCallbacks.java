package io.switchboard.adapters.telnyx;

import com.squareup.moshi.JsonAdapter;
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

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Reads one Telnyx account's webhooks: {@code message.sent} and {@code message.finalized} (one event per recipient),
 * {@code message.received}, and Call Control's {@code call.initiated}, {@code call.answered} and {@code call.hangup}.
 * The Ed25519 {@code telnyx-signature-ed25519} over {@code telnyx-timestamp|body} is checked with the account's
 * webhook public key before the body is parsed; an authentic delivery whose timestamp is more than
 * {@link TelnyxWebhookVerifier#DEFAULT_TOLERANCE} from the connector's clock is refused as STALE. Field names follow
 * the Telnyx API reference's webhook payloads (callbacks: message.sent / message.finalized / message.received,
 * call.initiated / call.answered / call.hangup).
 */
final class TelnyxCallbacks implements CallbacksPort {

    /** The detail of a refusal by the last-resort guard, which no check below should leave to it. */
    static final String UNREADABLE = "the callback could not be read";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:/+=-]{1,200}");
    private static final Duration ANY_AGE = Duration.ofSeconds(Long.MAX_VALUE);
    private static final JsonAdapter<TelnyxWebhookDto.Envelope> ENVELOPE =
            TelnyxJson.MOSHI.adapter(TelnyxWebhookDto.Envelope.class);

    private final AccountId account;
    private final Clock clock;
    private final Optional<TelnyxWebhookVerifier> verifier;

    TelnyxCallbacks(TelnyxConfig config, Clock clock) {
        this.account = config.account();
        this.clock = clock;
        Optional<TelnyxWebhookVerifier> built;
        try {
            built = config.webhookPublicKey().map(key -> TelnyxWebhookVerifier.forPublicKey(key).withClock(clock));
        } catch (RuntimeException e) {
            built = Optional.empty(); // the configuration checked the key; this cannot be, and then nothing verifies
        }
        this.verifier = built;
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
        if (verifier.isEmpty()) {
            return refused(Refusal.UNKNOWN_ACCOUNT, "no webhook public key configured for account " + account);
        }
        if (!request.method().equals("POST")) {
            return refused(Refusal.BAD_REQUEST, "Telnyx calls back with POST, not " + ErrorText.quote(request.method()));
        }
        Optional<String> signature = request.header(TelnyxWebhookVerifier.SIGNATURE_HEADER).filter(s -> !s.isBlank());
        if (signature.isEmpty()) {
            return refused(Refusal.SIGNATURE, "no " + TelnyxWebhookVerifier.SIGNATURE_HEADER + " header");
        }
        Optional<String> timestamp = request.header(TelnyxWebhookVerifier.TIMESTAMP_HEADER).filter(s -> !s.isBlank());
        if (timestamp.isEmpty()) {
            return refused(Refusal.SIGNATURE, "no " + TelnyxWebhookVerifier.TIMESTAMP_HEADER + " header");
        }
        byte[] body = request.body();
        TelnyxWebhookVerifier check = verifier.get();
        // Authentic first, whatever its age, so that a forged delivery is never reported as merely stale.
        if (!verified(() -> check.withTolerance(ANY_AGE).isValid(signature.get(), timestamp.get(), body))) {
            return refused(Refusal.SIGNATURE, TelnyxWebhookVerifier.SIGNATURE_HEADER + " does not verify for this "
                    + "account's public key, timestamp and body");
        }
        if (!verified(() -> check.isValid(signature.get(), timestamp.get(), body))) {
            return refused(Refusal.STALE, TelnyxWebhookVerifier.TIMESTAMP_HEADER + " is more than "
                    + TelnyxWebhookVerifier.DEFAULT_TOLERANCE.toSeconds() + " s away from now");
        }
        TelnyxWebhookDto.Envelope envelope;
        try {
            envelope = ENVELOPE.fromJson(request.bodyText());
        } catch (IOException | RuntimeException e) {
            return refused(Refusal.MALFORMED, "the body is not a Telnyx webhook in JSON");
        }
        if (envelope == null || envelope.data() == null || envelope.data().eventType() == null) {
            return refused(Refusal.MALFORMED, "no data.event_type");
        }
        return interpret(envelope.data(), request);
    }

    private CallbackResult interpret(TelnyxWebhookDto.Data data, WebhookRequest request) {
        String type = data.eventType().trim();
        boolean message = type.equals("message.sent") || type.equals("message.finalized");
        boolean inbound = type.equals("message.received");
        boolean call = type.equals("call.initiated") || type.equals("call.answered") || type.equals("call.hangup");
        if (!message && !inbound && !call) {
            // An event this version does not use: authentic, answered 200 so that Telnyx does not retry it.
            return new CallbackResult.Accepted(List.of());
        }
        TelnyxWebhookDto.Payload payload = data.payload();
        if (payload == null) {
            return refused(Refusal.MALFORMED, "a " + type + " event without data.payload");
        }
        String eventId = Optional.ofNullable(data.id()).map(String::trim).filter(id -> SAFE_ID.matcher(id).matches())
                .orElseGet(() -> digest(request));
        Instant at;
        if (data.occurredAt() == null || data.occurredAt().isBlank()) {
            at = clock.instant();
        } else {
            Optional<Instant> parsed = TelnyxMapper.instant(data.occurredAt());
            if (parsed.isEmpty()) {
                return refused(Refusal.MALFORMED, "data.occurred_at " + ErrorText.quote(data.occurredAt())
                        + " is not a date");
            }
            at = parsed.get();
        }
        return call ? call(type, payload, eventId, at) : message(inbound, payload, eventId, at);
    }

    private CallbackResult message(boolean inbound, TelnyxWebhookDto.Payload p, String eventId, Instant at) {
        if (p.id() == null || p.id().isBlank()) {
            return refused(Refusal.MALFORMED, "a message event without payload.id");
        }
        List<Recipient> recipients = new ArrayList<>();
        if (p.to() instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    return refused(Refusal.MALFORMED, "payload.to holds something other than recipients");
                }
                recipients.add(new Recipient(text(map.get("phone_number")), text(map.get("status"))));
            }
        } else if (p.to() != null) {
            return refused(Refusal.MALFORMED, "payload.to is not a list of recipients");
        }
        Optional<Money> price;
        try {
            price = price(p.cost());
        } catch (IllegalArgumentException e) {
            return refused(Refusal.MALFORMED, e.getMessage());
        }
        String from = TelnyxMapper.party(p.from());
        if (inbound) {
            Recipient first = recipients.isEmpty() ? new Recipient("", "") : recipients.get(0);
            VendorEvent event = VendorEvent.builder(EventKind.INBOUND_MESSAGE, account).eventId(eventId)
                    .vendorId(p.id()).messageStatus(MessageStatus.RECEIVED, first.status()).occurredAt(at)
                    .from(from).to(first.phoneNumber()).text(p.text() == null ? "" : p.text())
                    .price(price.orElse(null)).build();
            return new CallbackResult.Accepted(List.of(event));
        }
        if (recipients.isEmpty()) {
            return refused(Refusal.MALFORMED, "a message status event without payload.to");
        }
        Optional<TelnyxWebhookDto.Error> error = p.errors() == null ? Optional.empty()
                : p.errors().stream().filter(e -> e != null && e.code() != null && !e.code().isBlank()).findFirst();
        List<VendorEvent> events = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            if (r.status().isBlank()) {
                return refused(Refusal.MALFORMED, "payload.to[" + i + "] has no status");
            }
            // One event per recipient of a group message; they share the delivery's id, so each gets its index.
            VendorEvent.Builder event = VendorEvent.builder(EventKind.MESSAGE_STATUS, account)
                    .eventId(recipients.size() == 1 ? eventId : eventId + "#" + i)
                    .vendorId(p.id()).messageStatus(TelnyxStatuses.message(r.status()), r.status()).occurredAt(at)
                    .from(from).to(r.phoneNumber()).price(price.orElse(null));
            error.ifPresent(e -> {
                String code = e.code().trim();
                Optional<TelnyxDeliveryErrors.Entry> entry = TelnyxDeliveryErrors.of(code);
                String meaning = entry.map(TelnyxDeliveryErrors.Entry::meaning)
                        .orElse(e.title() != null ? e.title() : e.detail());
                event.error(code, meaning,
                        entry.map(TelnyxDeliveryErrors.Entry::errorClass).orElse(ErrorClass.UNCLASSIFIED));
            });
            events.add(event.build());
        }
        return new CallbackResult.Accepted(events);
    }

    private CallbackResult call(String type, TelnyxWebhookDto.Payload p, String eventId, Instant at) {
        if (p.callControlId() == null || p.callControlId().isBlank()) {
            return refused(Refusal.MALFORMED, "a " + type + " event without payload.call_control_id");
        }
        if ((p.from() != null && !(p.from() instanceof String)) || (p.to() != null && !(p.to() instanceof String))) {
            return refused(Refusal.MALFORMED, "a call event's payload.from and payload.to must be numbers");
        }
        CallStatus status;
        String raw;
        switch (type) {
            case "call.initiated" -> {
                status = TelnyxStatuses.call("initiated");
                raw = "initiated";
            }
            case "call.answered" -> {
                status = TelnyxStatuses.call("answered");
                raw = "answered";
            }
            default -> {
                status = TelnyxStatuses.hangup(p.hangupCause());
                raw = p.hangupCause() == null || p.hangupCause().isBlank() ? "hangup" : p.hangupCause();
            }
        }
        VendorEvent.Builder event = VendorEvent.builder(EventKind.CALL_STATUS, account).eventId(eventId)
                .vendorId(p.callControlId()).callStatus(status, raw).occurredAt(at)
                .from(text(p.from())).to(text(p.to()));
        if (status.isTerminal() && status != CallStatus.COMPLETED && p.hangupCause() != null) {
            boolean sip = p.sipHangupCause() != null && !p.sipHangupCause().isBlank();
            event.error(sip ? p.sipHangupCause() : p.hangupCause(), p.hangupCause(), ErrorClass.UNCLASSIFIED);
        }
        return new CallbackResult.Accepted(List.of(event.build()));
    }

    /**
     * What Telnyx charged, as a positive amount; empty when the event carries no cost yet.
     *
     * @throws IllegalArgumentException when a cost is present but not a plain decimal in a known currency
     */
    private static Optional<Money> price(TelnyxWebhookDto.Cost cost) {
        if (cost == null || cost.amount() == null || cost.amount().isBlank() || cost.currency() == null
                || cost.currency().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(Money.parseAmount(cost.amount(), "cost.amount").abs(), cost.currency()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("payload.cost " + ErrorText.quote(cost.amount()) + " "
                    + ErrorText.quote(cost.currency()) + " is not a plain decimal amount in a known currency");
        }
    }

    /** The hex SHA-256 of the method, URL and body: the same delivery sent again has the same id. */
    static String digest(WebhookRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.method() + " " + request.url() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    private static CallbackResult refused(Refusal reason, String detail) {
        return new CallbackResult.Refused(reason, detail);
    }

    private record Recipient(String phoneNumber, String status) {
    }

    @Override
    public String toString() {
        return "TelnyxCallbacks[" + account + ", webhookPublicKey=" + (verifier.isPresent() ? "set" : "none") + "]";
    }
}
