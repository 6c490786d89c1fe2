package io.switchboard.adapters.plivo;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plivo's callbacks, signed here with the account's auth token. The fixtures under {@code plivo/callbacks/} carry the
 * parameters of Plivo's published references, with example ids and times: {@code message-*.form} the
 * "Message Status Callbacks" attributes (plivo.com/docs/messaging/api/message/message-status-callbacks),
 * {@code inbound-stop.form} the "Handling incoming messages" attributes
 * (plivo.com/docs/messaging/api/message/handling-incoming), {@code hangup-completed.form} the hangup_url parameters of
 * the Make Call API and the hangup cause list (plivo.com/docs/voice/troubleshooting/hangup-causes).
 */
class PlivoCallbacksTest {

    static final String TOKEN = "ZGI2YjQ4MTYtOGU5Ny00YWRmLTk0";
    static final String URL = "https://hooks.example.com/plivo/work?ref=d-42";
    static final String NONCE = "05429567804466091622";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final AccountId ACCOUNT = AccountId.of(Vendor.PLIVO, "work");

    static PlivoCallbacks port() {
        PlivoConfig config = PlivoConfig.builder().accountName("work").authId("MAXXXXXXXXXXXXXXXXXX").authToken(TOKEN)
                .build();
        return new PlivoCallbacks(config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private final PlivoCallbacks port = port();

    static String fixture(String name) {
        try (InputStream in = PlivoCallbacksTest.class.getResourceAsStream("/plivo/callbacks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebhookRequest request(String method, String url, String form, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return WebhookRequest.of(method, url, h, form.getBytes(StandardCharsets.UTF_8));
    }

    static WebhookRequest signedPost(String form) {
        return signedPost(URL, form, NONCE);
    }

    static WebhookRequest signedPost(String url, String form, String nonce) {
        String signature = PlivoSignature.signV3(TOKEN, "POST", url, PlivoCallbacks.decodeForm(form), nonce);
        return request("POST", url, form, Map.of(PlivoSignature.V3_HEADER, signature,
                PlivoSignature.V3_NONCE_HEADER, nonce));
    }

    static String with(String form, String name, String value) {
        Map<String, String> params = PlivoCallbacks.decodeForm(form);
        params.put(name, value);
        return encode(params);
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static VendorEvent single(CallbackResult result) {
        assertThat(result).as("an authentic callback is accepted").isInstanceOf(CallbackResult.Accepted.class);
        List<VendorEvent> events = ((CallbackResult.Accepted) result).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static void assertRefused(CallbackResult result, Refusal reason) {
        assertThat(result).as("refused, nothing parsed").isInstanceOf(CallbackResult.Refused.class);
        assertThat(((CallbackResult.Refused) result).reason()).isEqualTo(reason);
        assertThat(((CallbackResult.Refused) result).detail()).doesNotContain(TOKEN).doesNotContain("\n");
    }

    @Test
    void deliveredStatusCallbackBecomesOneDeliveredEvent() {
        VendorEvent event = single(port.receive(signedPost(fixture("message-delivered.form"))));

        assertThat(event.kind()).isEqualTo(EventKind.MESSAGE_STATUS);
        assertThat(event.account()).isEqualTo(ACCOUNT);
        assertThat(event.vendorId()).isEqualTo("2b7a5e0c-3c52-11ee-a8d4-0242ac110004");
        assertThat(event.messageStatus()).contains(MessageStatus.DELIVERED);
        assertThat(event.rawStatus()).isEqualTo("delivered");
        assertThat(event.eventId()).as("Plivo's V3 nonce").isEqualTo(NONCE);
        assertThat(event.from()).isEqualTo("+14155550100");
        assertThat(event.to()).isEqualTo("+447700900123");
        assertThat(event.price()).contains(Money.of("0.00650", "USD"));
        assertThat(event.sequence()).isEqualTo(OptionalLong.of(3));
        assertThat(event.occurredAt()).as("the latest stage's time, the delivery report's")
                .isEqualTo(Instant.parse("2026-02-28T11:59:56.318440Z"));
        assertThat(event.errorCode()).as("000 is Plivo's no-error code").isEmpty();
        assertThat(event.reference()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "sent,SENT", "delivered,DELIVERED", "undelivered,UNDELIVERED", "failed,FAILED",
            "rejected,REJECTED", "read,DELIVERED", "something_new,UNKNOWN"})
    void eachMessageStatusWordMaps(String word, MessageStatus expected) {
        VendorEvent event = single(port.receive(signedPost(with(fixture("message-delivered.form"), "Status", word))));
        assertThat(event.messageStatus()).contains(expected);
        assertThat(event.rawStatus()).isEqualTo(word);
    }

    @Test
    void undeliveredCarriesTheCodeItsMeaningAndItsClass() {
        VendorEvent event = single(port.receive(signedPost(fixture("message-undelivered.form"))));

        assertThat(event.messageStatus()).contains(MessageStatus.UNDELIVERED);
        assertThat(event.errorCode()).contains("50");
        assertThat(event.errorMeaning()).contains("Invalid destination number");
        assertThat(event.errorClass()).isEqualTo(ErrorClass.DESTINATION);
    }

    @ParameterizedTest
    @CsvSource({"30,ROUTE", "40,ROUTE", "90,ROUTE", "900,ROUTE", "70,DESTINATION", "200,OPTED_OUT",
            "1000,UNCLASSIFIED", "451,UNCLASSIFIED"})
    void errorCodesAreClassifiedByTheTable(String code, ErrorClass expected) {
        VendorEvent event = single(port.receive(signedPost(with(fixture("message-undelivered.form"), "ErrorCode",
                code))));
        assertThat(event.errorClass()).isEqualTo(expected);
    }

    @Test
    void inboundStopIsAnInboundMessageWithItsText() {
        VendorEvent event = single(port.receive(signedPost(fixture("inbound-stop.form"))));

        assertThat(event.kind()).isEqualTo(EventKind.INBOUND_MESSAGE);
        assertThat(event.messageStatus()).contains(MessageStatus.RECEIVED);
        assertThat(event.text()).isEqualTo("STOP");
        assertThat(event.from()).isEqualTo("+447700900123");
        assertThat(event.occurredAt()).as("no time given: the connector's clock").isEqualTo(NOW);
    }

    @Test
    void hangupCallbackIsACallStatusWithItsCostAndEndTime() {
        VendorEvent event = single(port.receive(signedPost(fixture("hangup-completed.form"))));

        assertThat(event.kind()).isEqualTo(EventKind.CALL_STATUS);
        assertThat(event.callStatus()).contains(CallStatus.COMPLETED);
        assertThat(event.vendorId()).isEqualTo("5a3c1e7b-3c54-11ee-8c1d-0242ac110002");
        assertThat(event.price()).contains(Money.of("0.00850", "USD"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-02-28T11:58:17Z"));
        assertThat(event.errorCode()).as("a normal hangup is no error").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"ringing,RINGING", "in-progress,IN_PROGRESS", "completed,COMPLETED", "busy,BUSY",
            "no-answer,NO_ANSWER", "timeout,NO_ANSWER", "failed,FAILED", "cancel,CANCELED"})
    void eachCallStatusWordMaps(String word, CallStatus expected) {
        VendorEvent event = single(port.receive(signedPost(with(fixture("hangup-completed.form"), "CallStatus",
                word))));
        assertThat(event.callStatus()).contains(expected);
    }

    @Test
    void aCallThatDidNotCompleteCarriesItsHangupCause() {
        String form = with(with(with(fixture("hangup-completed.form"), "CallStatus", "busy"), "HangupCauseCode",
                "3010"), "HangupCauseName", "Busy Line");
        VendorEvent event = single(port.receive(signedPost(form)));
        assertThat(event.errorCode()).contains("3010");
        assertThat(event.errorMeaning()).contains("Busy Line");
    }

    @Test
    void getCallbackIsVerifiedWithItsQueryAndReadFromIt() {
        String url = "https://hooks.example.com/plivo/work?" + fixture("message-delivered.form");
        String signature = PlivoSignature.signV3(TOKEN, "GET", url, Map.of(), NONCE);
        WebhookRequest get = request("GET", url, "", Map.of(PlivoSignature.V3_HEADER, signature,
                PlivoSignature.V3_NONCE_HEADER, NONCE));
        assertThat(single(port.receive(get)).messageStatus()).contains(MessageStatus.DELIVERED);
    }

    @Test
    void v2HeadersCountOnlyWithoutV3() {
        String form = fixture("message-delivered.form");
        String v2 = PlivoSignature.signV2(TOKEN, URL, NONCE);
        WebhookRequest legacy = request("POST", URL, form, Map.of(PlivoSignature.V2_HEADER, v2,
                PlivoSignature.V2_NONCE_HEADER, NONCE));
        assertThat(single(port.receive(legacy)).messageStatus()).contains(MessageStatus.DELIVERED);

        WebhookRequest badV3GoodV2 = request("POST", URL, form, Map.of(PlivoSignature.V2_HEADER, v2,
                PlivoSignature.V2_NONCE_HEADER, NONCE, PlivoSignature.V3_HEADER, "Zm9yZ2Vk",
                PlivoSignature.V3_NONCE_HEADER, NONCE));
        assertRefused(port.receive(badV3GoodV2), Refusal.SIGNATURE);
    }

    @Test
    void forgedSignatureIsRefused() {
        String form = fixture("message-delivered.form");
        String forged = PlivoSignature.signV3("another-token", "POST", URL, PlivoCallbacks.decodeForm(form), NONCE);
        assertRefused(port.receive(request("POST", URL, form, Map.of(PlivoSignature.V3_HEADER, forged,
                PlivoSignature.V3_NONCE_HEADER, NONCE))), Refusal.SIGNATURE);
    }

    @Test
    void signatureForAnotherUrlIsRefused() {
        String form = fixture("message-delivered.form");
        String other = PlivoSignature.signV3(TOKEN, "POST", "https://hooks.example.com/plivo/work?ref=d-43",
                PlivoCallbacks.decodeForm(form), NONCE);
        assertRefused(port.receive(request("POST", URL, form, Map.of(PlivoSignature.V3_HEADER, other,
                PlivoSignature.V3_NONCE_HEADER, NONCE))), Refusal.SIGNATURE);
    }

    @Test
    void tamperedBodyOrNonceIsRefused() {
        String form = fixture("message-undelivered.form");
        String signature = PlivoSignature.signV3(TOKEN, "POST", URL, PlivoCallbacks.decodeForm(form), NONCE);
        assertRefused(port.receive(request("POST", URL, with(form, "Status", "delivered"), Map.of(
                PlivoSignature.V3_HEADER, signature, PlivoSignature.V3_NONCE_HEADER, NONCE))), Refusal.SIGNATURE);
        assertRefused(port.receive(request("POST", URL, form, Map.of(PlivoSignature.V3_HEADER, signature,
                PlivoSignature.V3_NONCE_HEADER, NONCE + "1"))), Refusal.SIGNATURE);
    }

    @Test
    void missingHeadersAreRefused() {
        String form = fixture("message-delivered.form");
        assertRefused(port.receive(request("POST", URL, form, Map.of())), Refusal.SIGNATURE);
        String signature = PlivoSignature.signV3(TOKEN, "POST", URL, PlivoCallbacks.decodeForm(form), NONCE);
        assertRefused(port.receive(request("POST", URL, form, Map.of(PlivoSignature.V3_HEADER, signature))),
                Refusal.SIGNATURE);
    }

    @Test
    void malformedBodiesAreRefused() {
        assertRefused(port.receive(request("POST", URL, "Status=%zz", Map.of(PlivoSignature.V3_HEADER, "x",
                PlivoSignature.V3_NONCE_HEADER, NONCE))), Refusal.MALFORMED);
        assertRefused(port.receive(request("POST", URL, "Status=sent&Status=delivered", Map.of(
                PlivoSignature.V3_HEADER, "x", PlivoSignature.V3_NONCE_HEADER, NONCE))), Refusal.MALFORMED);
        assertRefused(port.receive(signedPost("Status=delivered")), Refusal.MALFORMED);
        assertRefused(port.receive(signedPost(with(fixture("message-delivered.form"), "TotalAmount", "1e999999999"))),
                Refusal.MALFORMED);
        assertRefused(port.receive(signedPost(with(fixture("message-delivered.form"), "MessageTime", "soon"))),
                Refusal.MALFORMED);
        assertRefused(port.receive(signedPost(with(fixture("hangup-completed.form"), "Duration",
                "123456789012345678901234567890"))), Refusal.MALFORMED);
    }

    @Test
    void aNegativeChargeIsReportedAsAPositivePrice() {
        VendorEvent event = single(port.receive(signedPost(with(fixture("message-delivered.form"), "TotalAmount",
                "-0.00650"))));
        assertThat(event.price()).contains(Money.of("0.00650", "USD"));
    }

    @Test
    void withoutAUsableNonceTheSameDeliveryHasTheSameDigestId() {
        String form = fixture("message-delivered.form");
        String longNonce = "n".repeat(300);
        String first = single(port.receive(signedPost(URL, form, longNonce))).eventId();
        String again = single(port.receive(signedPost(URL, form, longNonce))).eventId();
        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(again);
    }

    @Test
    void authenticCallbackOfAnUnusedTypeIsAcceptedWithNoEvents() {
        String recording = "CallUUID=5a3c1e7b-3c54-11ee-8c1d-0242ac110002&RecordUrl=https%3A%2F%2Fmedia.example%2Fr.mp3"
                + "&RecordingID=0d4e2a3b-3c55-11ee-8c1d-0242ac110002&RecordingDuration=12";
        assertThat(port.receive(signedPost(recording))).isEqualTo(new CallbackResult.Accepted(List.of()));
    }

    @Test
    void methodsOtherThanPostAndGetAreBadRequests() {
        assertRefused(port.receive(request("DELETE", URL, "", Map.of())), Refusal.BAD_REQUEST);
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertThat(port.toString()).doesNotContain(TOKEN).contains("****");
    }

    @Test
    void connectorOffersItsCallbacks() {
        PlivoConfig config = PlivoConfig.builder().accountName("work").authId("MAXXXXXXXXXXXXXXXXXX").authToken(TOKEN)
                .build();
        try (PlivoConnector connector = PlivoConnector.create(config, new OkHttpClient(),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(single(connector.callbacks().orElseThrow().receive(signedPost(fixture("inbound-stop.form"))))
                    .occurredAt()).isEqualTo(NOW);
        }
    }
}
