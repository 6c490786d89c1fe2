package io.switchboard.adapters.telnyx;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.CallbackResult.Refusal;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.callback.WebhookRequest;
import io.switchboard.domain.message.MessageStatus;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Telnyx's webhooks, signed here with an Ed25519 key pair made by the JDK. The fixtures under
 * {@code telnyx/callbacks/} follow the example payloads of the Telnyx API reference's callbacks
 * (developers.telnyx.com/api-reference/callbacks: message.sent / message.finalized / message.received under
 * Messaging, call.initiated / call.answered / call.hangup under Call Control), with their ids and times replaced;
 * {@code message-finalized-failed.json} carries error 40001 as the Messaging Error Code Reference words it.
 */
class TelnyxCallbacksTest {

    static final Instant NOW = Instant.parse("2026-02-28T12:00:00Z");
    static final String URL = "https://hooks.example.com/telnyx/work?ref=d-42";
    static final KeyPair KEYS = generate();
    static final String PUBLIC_KEY = rawPublicKey(KEYS);
    static final AccountId ACCOUNT = AccountId.of(Vendor.TELNYX, "work");

    static TelnyxConfig config() {
        return TelnyxConfig.builder().accountName("work").apiKey("KEY0123456789ABCDEF").webhookPublicKey(PUBLIC_KEY)
                .build();
    }

    static TelnyxCallbacks port() {
        return new TelnyxCallbacks(config(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private final TelnyxCallbacks port = port();

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Base64 of the raw 32-byte key, as the Telnyx portal shows it: the tail of the X.509 encoding. */
    static String rawPublicKey(KeyPair pair) {
        byte[] der = pair.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
    }

    static String sign(KeyPair keys, String timestamp, byte[] body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update((timestamp + "|").getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fixture(String name) {
        try (InputStream in = TelnyxCallbacksTest.class.getResourceAsStream("/telnyx/callbacks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebhookRequest request(String body, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return WebhookRequest.of("POST", URL, h, body.getBytes(StandardCharsets.UTF_8));
    }

    static WebhookRequest signed(String body, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        return request(body, Map.of(TelnyxWebhookVerifier.SIGNATURE_HEADER,
                sign(KEYS, timestamp, body.getBytes(StandardCharsets.UTF_8)),
                TelnyxWebhookVerifier.TIMESTAMP_HEADER, timestamp));
    }

    static WebhookRequest signed(String body) {
        return signed(body, NOW.minusSeconds(2));
    }

    static List<VendorEvent> events(CallbackResult result) {
        assertThat(result).as("an authentic callback is accepted").isInstanceOf(CallbackResult.Accepted.class);
        return ((CallbackResult.Accepted) result).events();
    }

    static VendorEvent single(CallbackResult result) {
        List<VendorEvent> events = events(result);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static void assertRefused(CallbackResult result, Refusal reason) {
        assertThat(result).as("refused, nothing parsed").isInstanceOf(CallbackResult.Refused.class);
        assertThat(((CallbackResult.Refused) result).reason()).isEqualTo(reason);
        assertThat(((CallbackResult.Refused) result).detail()).doesNotContain("\n");
    }

    @Test
    void messageSentIsASentStatusEvent() {
        VendorEvent event = single(port.receive(signed(fixture("message-sent.json"))));

        assertThat(event.kind()).isEqualTo(EventKind.MESSAGE_STATUS);
        assertThat(event.account()).isEqualTo(ACCOUNT);
        assertThat(event.eventId()).isEqualTo("7ee4241c-f127-47e5-9c34-3aac291f8058");
        assertThat(event.vendorId()).isEqualTo("40385f64-5717-4562-b3fc-2c963f66afa6");
        assertThat(event.messageStatus()).contains(MessageStatus.SENT);
        assertThat(event.rawStatus()).isEqualTo("sent");
        assertThat(event.from()).isEqualTo("+12025550121");
        assertThat(event.to()).isEqualTo("+14155550142");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-02-28T11:59:51.021Z"));
        assertThat(event.price()).as("no cost before the message is final").isEmpty();
        assertThat(event.reference()).isEmpty();
    }

    @Test
    void messageFinalizedDeliveredCarriesItsCost() {
        VendorEvent event = single(port.receive(signed(fixture("message-finalized-delivered.json"))));

        assertThat(event.messageStatus()).contains(MessageStatus.DELIVERED);
        assertThat(event.price()).contains(Money.of("0.0051", "USD"));
        assertThat(event.errorCode()).isEmpty();
        assertThat(event.isFinal()).isTrue();
    }

    @Test
    void deliveryFailedCarriesTheCodeItsMeaningAndItsClass() {
        VendorEvent event = single(port.receive(signed(fixture("message-finalized-failed.json"))));

        assertThat(event.messageStatus()).contains(MessageStatus.UNDELIVERED);
        assertThat(event.rawStatus()).isEqualTo("delivery_failed");
        assertThat(event.errorCode()).contains("40001");
        assertThat(event.errorMeaning()).hasValueSatisfying(m -> assertThat(m).startsWith("Not routable"));
        assertThat(event.errorClass()).isEqualTo(ErrorClass.DESTINATION);
    }

    @ParameterizedTest
    @CsvSource({"40002,ROUTE", "40003,ROUTE", "40013,ROUTE", "40012,DESTINATION", "40300,OPTED_OUT",
            "40008,UNCLASSIFIED", "40010,UNCLASSIFIED", "49999,UNCLASSIFIED"})
    void errorCodesAreClassifiedByTheTable(String code, ErrorClass expected) {
        String body = fixture("message-finalized-failed.json").replace("\"40001\"", "\"" + code + "\"");
        VendorEvent event = single(port.receive(signed(body)));
        assertThat(event.errorCode()).contains(code);
        assertThat(event.errorClass()).isEqualTo(expected);
        assertThat(event.errorMeaning()).as("the table's meaning, else the payload's title").isPresent();
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "sending,SENDING", "sent,SENT", "delivered,DELIVERED",
            "delivery_failed,UNDELIVERED", "sending_failed,FAILED", "delivery_unconfirmed,SENT", "expired,EXPIRED",
            "brand_new,UNKNOWN"})
    void eachRecipientStatusMaps(String word, MessageStatus expected) {
        String body = fixture("message-finalized-delivered.json").replace("\"status\": \"delivered\"",
                "\"status\": \"" + word + "\"");
        assertThat(single(port.receive(signed(body))).messageStatus()).contains(expected);
    }

    @Test
    void aGroupMessageGivesOneEventPerRecipient() {
        String body = fixture("message-finalized-delivered.json").replace(
                "\"to\": [{\"carrier\": \"T-Mobile USA\", \"line_type\": \"Wireless\", \"phone_number\": \"+14155550142\", \"status\": \"delivered\"}]",
                "\"to\": [{\"phone_number\": \"+14155550142\", \"status\": \"delivered\"},"
                        + " {\"phone_number\": \"+14155550143\", \"status\": \"delivery_failed\"}]");
        List<VendorEvent> events = events(port.receive(signed(body)));

        assertThat(events).extracting(VendorEvent::to).containsExactly("+14155550142", "+14155550143");
        assertThat(events).extracting(e -> e.messageStatus().orElseThrow())
                .containsExactly(MessageStatus.DELIVERED, MessageStatus.UNDELIVERED);
        assertThat(events).extracting(VendorEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void inboundStopIsAnInboundMessageWithItsText() {
        VendorEvent event = single(port.receive(signed(fixture("message-received-stop.json"))));

        assertThat(event.kind()).isEqualTo(EventKind.INBOUND_MESSAGE);
        assertThat(event.messageStatus()).contains(MessageStatus.RECEIVED);
        assertThat(event.text()).isEqualTo("STOP");
        assertThat(event.from()).isEqualTo("+14155550142");
        assertThat(event.to()).isEqualTo("+12025550121");
        assertThat(event.eventId()).isEqualTo("b301ed3f-1490-491f-995f-6e64e69674d4");
    }

    @Test
    void callEventsMapInitiatedAnsweredAndHangup() {
        VendorEvent initiated = single(port.receive(signed(fixture("call-initiated.json"))));
        VendorEvent answered = single(port.receive(signed(fixture("call-answered.json"))));
        VendorEvent hangup = single(port.receive(signed(fixture("call-hangup.json"))));

        assertThat(initiated.kind()).isEqualTo(EventKind.CALL_STATUS);
        assertThat(initiated.callStatus()).contains(CallStatus.QUEUED);
        assertThat(answered.callStatus()).contains(CallStatus.IN_PROGRESS);
        assertThat(hangup.callStatus()).contains(CallStatus.BUSY);
        assertThat(hangup.rawStatus()).isEqualTo("call_rejected");
        assertThat(hangup.errorCode()).contains("603");
        assertThat(hangup.errorMeaning()).contains("call_rejected");
        assertThat(hangup.vendorId()).isEqualTo("v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg");
        assertThat(hangup.occurredAt()).isEqualTo(Instant.parse("2026-02-28T11:58:17.521992Z"));
        assertThat(hangup.from()).isEqualTo("+12025550121");
    }

    @ParameterizedTest
    @CsvSource({"normal_clearing,COMPLETED", "time_limit,COMPLETED", "user_busy,BUSY", "timeout,NO_ANSWER",
            "originator_cancel,CANCELED", "not_found,FAILED", "unspecified,FAILED"})
    void hangupCausesMap(String cause, CallStatus expected) {
        String body = fixture("call-hangup.json").replace("\"call_rejected\"", "\"" + cause + "\"");
        VendorEvent event = single(port.receive(signed(body)));
        assertThat(event.callStatus()).contains(expected);
        assertThat(event.errorCode().isPresent()).isEqualTo(expected != CallStatus.COMPLETED);
    }

    @Test
    void authenticEventOfAnUnusedTypeIsAcceptedWithNoEvents() {
        String body = fixture("call-answered.json").replace("\"call.answered\"", "\"call.bridged\"");
        CallbackResult result = port.receive(signed(body));
        assertThat(result).isEqualTo(new CallbackResult.Accepted(List.of()));
    }

    @Test
    void forgedSignatureIsRefused() {
        String body = fixture("message-finalized-delivered.json");
        String timestamp = Long.toString(NOW.getEpochSecond());
        String forged = sign(generate(), timestamp, body.getBytes(StandardCharsets.UTF_8));
        assertRefused(port.receive(request(body, Map.of(TelnyxWebhookVerifier.SIGNATURE_HEADER, forged,
                TelnyxWebhookVerifier.TIMESTAMP_HEADER, timestamp))), Refusal.SIGNATURE);
    }

    @Test
    void tamperedBodyOrTimestampIsRefused() {
        String body = fixture("message-finalized-failed.json");
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = sign(KEYS, timestamp, body.getBytes(StandardCharsets.UTF_8));
        String tampered = body.replace("delivery_failed", "delivered");
        assertRefused(port.receive(request(tampered, Map.of(TelnyxWebhookVerifier.SIGNATURE_HEADER, signature,
                TelnyxWebhookVerifier.TIMESTAMP_HEADER, timestamp))), Refusal.SIGNATURE);
        assertRefused(port.receive(request(body, Map.of(TelnyxWebhookVerifier.SIGNATURE_HEADER, signature,
                TelnyxWebhookVerifier.TIMESTAMP_HEADER, Long.toString(NOW.getEpochSecond() - 1)))), Refusal.SIGNATURE);
    }

    @Test
    void missingHeadersAreRefused() {
        String body = fixture("message-sent.json");
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = sign(KEYS, timestamp, body.getBytes(StandardCharsets.UTF_8));
        assertRefused(port.receive(request(body, Map.of())), Refusal.SIGNATURE);
        assertRefused(port.receive(request(body, Map.of(TelnyxWebhookVerifier.SIGNATURE_HEADER, signature))),
                Refusal.SIGNATURE);
        assertRefused(port.receive(request(body, Map.of(TelnyxWebhookVerifier.TIMESTAMP_HEADER, timestamp))),
                Refusal.SIGNATURE);
    }

    @Test
    void anAuthenticButStaleDeliveryIsRefusedAsStale() {
        String body = fixture("message-finalized-delivered.json");
        assertRefused(port.receive(signed(body, NOW.minusSeconds(301))), Refusal.STALE);
        assertRefused(port.receive(signed(body, NOW.plusSeconds(301))), Refusal.STALE);
        assertThat(port.receive(signed(body, NOW.minusSeconds(300)))).isInstanceOf(CallbackResult.Accepted.class);
    }

    @Test
    void aForgedStaleDeliveryIsASignatureRefusalNotStale() {
        String body = fixture("message-finalized-delivered.json");
        String timestamp = Long.toString(NOW.minusSeconds(3600).getEpochSecond());
        String forged = sign(generate(), timestamp, body.getBytes(StandardCharsets.UTF_8));
        assertRefused(port.receive(request(body, Map.of(TelnyxWebhookVerifier.SIGNATURE_HEADER, forged,
                TelnyxWebhookVerifier.TIMESTAMP_HEADER, timestamp))), Refusal.SIGNATURE);
    }

    @Test
    void malformedSignedBodiesAreRefused() {
        assertRefused(port.receive(signed("{\"data\": ")), Refusal.MALFORMED);
        assertRefused(port.receive(signed("[1, 2]")), Refusal.MALFORMED);
        assertRefused(port.receive(signed("")), Refusal.MALFORMED);
        assertRefused(port.receive(signed("{\"data\": {\"id\": \"x\"}}")), Refusal.MALFORMED);
        assertRefused(port.receive(signed(fixture("message-sent.json").replace(
                "\"id\": \"40385f64-5717-4562-b3fc-2c963f66afa6\",", ""))), Refusal.MALFORMED);
        assertRefused(port.receive(signed(fixture("message-finalized-delivered.json").replace("\"0.0051\"",
                "1e999999999"))), Refusal.MALFORMED);
        assertRefused(port.receive(signed(fixture("message-finalized-delivered.json").replace("\"USD\"",
                "\"XYZW\""))), Refusal.MALFORMED);
        assertRefused(port.receive(signed(fixture("call-hangup.json").replace("\"+14155550142\"",
                "{\"phone_number\": 1}"))), Refusal.MALFORMED);
        assertRefused(port.receive(signed(fixture("message-sent.json").replace("\"2026-02-28T11:59:51.021+00:00\",\n"
                + "    \"payload\"", "\"someday\",\n    \"payload\""))), Refusal.MALFORMED);
        assertRefused(port.receive(signed("[".repeat(5000) + "]".repeat(5000))), Refusal.MALFORMED);
    }

    @Test
    void aNegativeCostIsReportedAsAPositivePrice() {
        String body = fixture("message-finalized-delivered.json").replace("\"0.0051\"", "\"-0.0051\"");
        assertThat(single(port.receive(signed(body))).price()).contains(Money.of("0.0051", "USD"));
    }

    @Test
    void withoutAnIdTheSameDeliveryHasTheSameDigestId() {
        String body = fixture("message-sent.json").replace("\"id\": \"7ee4241c-f127-47e5-9c34-3aac291f8058\",", "");
        String first = single(port.receive(signed(body))).eventId();
        String again = single(port.receive(signed(body))).eventId();
        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(again);
    }

    @Test
    void onlyPostIsAccepted() {
        WebhookRequest get = WebhookRequest.of("GET", URL, Map.of(), new byte[0]);
        assertRefused(port.receive(get), Refusal.BAD_REQUEST);
    }

    @Test
    void withoutAPublicKeyTheAccountCannotVerifyCallbacks() {
        TelnyxConfig noKey = TelnyxConfig.builder().accountName("work").apiKey("KEY0123456789ABCDEF").build();
        CallbackResult result = new TelnyxCallbacks(noKey, Clock.fixed(NOW, ZoneOffset.UTC))
                .receive(signed(fixture("message-sent.json")));
        assertRefused(result, Refusal.UNKNOWN_ACCOUNT);
        assertThat(((CallbackResult.Refused) result).detail()).contains("no webhook public key configured");
        assertThat(noKey.webhookPublicKey()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"not base64!", "AAAA", "c2hvcnQ="})
    void aWrongPublicKeyIsACleanConfigurationError(String key) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> TelnyxConfig.builder()
                .accountName("work").apiKey("KEY0123456789ABCDEF").webhookPublicKey(key).build());
        assertThat(e).as("a typed error naming the field").isNotNull();
        assertThat(e.getMessage()).contains("webhookPublicKey").doesNotContain("KEY0123456789ABCDEF");
    }

    @Test
    void thePublicKeyTravelsWithTheConfiguration() {
        TelnyxConfig config = config();
        assertThat(config.webhookPublicKey()).contains(PUBLIC_KEY);
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.toString()).contains(PUBLIC_KEY).doesNotContain("KEY0123456789ABCDEF");
    }

    @Test
    void toStringNeverShowsASecret() {
        assertThat(port.toString()).contains("telnyx:work").doesNotContain("KEY0123456789ABCDEF");
    }

    @Test
    void connectorOffersItsCallbacksOnItsClock() {
        try (TelnyxConnector connector = TelnyxConnector.create(config(), new OkHttpClient(),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(single(connector.callbacks().orElseThrow().receive(signed(fixture("message-sent.json"))))
                    .vendorId()).isEqualTo("40385f64-5717-4562-b3fc-2c963f66afa6");
            assertRefused(connector.callbacks().orElseThrow().receive(signed(fixture("message-sent.json"),
                    NOW.minusSeconds(1000))), Refusal.STALE);
        }
    }
}
