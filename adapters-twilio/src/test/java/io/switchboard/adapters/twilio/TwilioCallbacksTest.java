package io.switchboard.adapters.twilio;

import io.switchboard.domain.AccountId;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Twilio's callbacks, signed here with the account's auth token. The fixtures under {@code callbacks/} follow the
 * parameters of Twilio's published examples: {@code message-delivered.form} and {@code message-undelivered.form} the
 * "Track the Message Status of Outbound Messages" guide (twilio.com/docs/messaging/guides/track-outbound-message-status),
 * {@code inbound-stop.form} the incoming-message webhook of "Receive and reply to SMS" / "Messaging webhooks"
 * (twilio.com/docs/usage/webhooks/messaging-webhooks), {@code call-completed.form} the StatusCallback parameters of
 * the Call resource (twilio.com/docs/voice/api/call-resource#statuscallback), with Twilio's example SIDs replaced.
 */
class TwilioCallbacksTest {

    static final String TOKEN = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    static final String ACCOUNT_SID = "AC3b0f2c5c0e3b4ac0b9e0c3f4d3a2b1c0";
    static final String URL = "https://hooks.example.com/twilio/work?ref=d-42";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final AccountId ACCOUNT = AccountId.of(Vendor.TWILIO, "work");

    static TwilioCallbacks port() {
        return new TwilioCallbacks(TwilioConfig.of(ACCOUNT, ACCOUNT_SID, TOKEN), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private final TwilioCallbacks port = port();

    static String fixture(String name) {
        try (InputStream in = TwilioCallbacksTest.class.getResourceAsStream("callbacks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sign(String url, String form) {
        return TwilioWebhookSignature.withAuthToken(TOKEN).sign(url, TwilioCallbacks.decodeForm(form));
    }

    static WebhookRequest post(String url, String form, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return WebhookRequest.of("POST", url, h, form.getBytes(StandardCharsets.UTF_8));
    }

    static WebhookRequest signedPost(String form) {
        return post(URL, form, Map.of(TwilioWebhookSignature.HEADER, sign(URL, form)));
    }

    static String with(String form, String name, String value) {
        Map<String, List<String>> params = TwilioCallbacks.decodeForm(form);
        params.put(name, List.of(value));
        return encode(params);
    }

    static String encode(Map<String, List<String>> params) {
        return params.entrySet().stream().flatMap(e -> e.getValue().stream()
                        .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
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
    void deliveredMessageStatusBecomesOneDeliveredEvent() {
        VendorEvent event = single(port.receive(signedPost(fixture("message-delivered.form"))));

        assertThat(event.kind()).isEqualTo(EventKind.MESSAGE_STATUS);
        assertThat(event.account()).isEqualTo(ACCOUNT);
        assertThat(event.vendorId()).isEqualTo("SM1f0e8ae6ade43cb3c0ce4525424e404f");
        assertThat(event.messageStatus()).contains(MessageStatus.DELIVERED);
        assertThat(event.rawStatus()).isEqualTo("delivered");
        assertThat(event.from()).isEqualTo("+15557122661");
        assertThat(event.to()).isEqualTo("+15017122661");
        assertThat(event.occurredAt()).as("no time in a message callback: the connector's clock").isEqualTo(NOW);
        assertThat(event.errorCode()).isEmpty();
        assertThat(event.errorClass()).isEqualTo(ErrorClass.UNCLASSIFIED);
        assertThat(event.reference()).as("the application fills the reference from the URL").isEmpty();
        assertThat(event.text()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"accepted,QUEUED", "queued,QUEUED", "sending,SENDING", "sent,SENT", "delivered,DELIVERED",
            "read,DELIVERED", "undelivered,UNDELIVERED", "failed,FAILED", "canceled,REJECTED",
            "partially_delivered,UNDELIVERED", "a_new_word,UNKNOWN"})
    void eachMessageStatusWordMaps(String word, MessageStatus expected) {
        String form = with(with(fixture("message-delivered.form"), "MessageStatus", word), "SmsStatus", word);
        VendorEvent event = single(port.receive(signedPost(form)));
        assertThat(event.messageStatus()).contains(expected);
        assertThat(event.rawStatus()).isEqualTo(word);
    }

    @Test
    void undeliveredCarriesTheCodeItsMeaningAndItsClass() {
        VendorEvent event = single(port.receive(signedPost(fixture("message-undelivered.form"))));

        assertThat(event.messageStatus()).contains(MessageStatus.UNDELIVERED);
        assertThat(event.errorCode()).contains("30003");
        assertThat(event.errorMeaning()).contains("Unreachable destination handset");
        assertThat(event.errorClass()).isEqualTo(ErrorClass.DESTINATION);
        assertThat(event.isFinal()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"30007,ROUTE", "30034,ROUTE", "30032,ROUTE", "30410,ROUTE", "30006,DESTINATION",
            "21610,OPTED_OUT", "21211,DESTINATION", "39999,UNCLASSIFIED"})
    void errorCodesAreClassifiedByTheTable(String code, ErrorClass expected) {
        String form = with(fixture("message-undelivered.form"), "ErrorCode", code);
        VendorEvent event = single(port.receive(signedPost(form)));
        assertThat(event.errorCode()).contains(code);
        assertThat(event.errorClass()).isEqualTo(expected);
        assertThat(event.errorMeaning().isPresent()).as("a meaning only for a code the table knows")
                .isEqualTo(!code.equals("39999"));
    }

    @Test
    void errorCodeZeroIsNoError() {
        VendorEvent event = single(port.receive(signedPost(with(fixture("message-delivered.form"), "ErrorCode",
                "0"))));
        assertThat(event.errorCode()).isEmpty();
    }

    @Test
    void inboundStopIsAnInboundMessageWithItsText() {
        VendorEvent event = single(port.receive(signedPost(fixture("inbound-stop.form"))));

        assertThat(event.kind()).isEqualTo(EventKind.INBOUND_MESSAGE);
        assertThat(event.messageStatus()).contains(MessageStatus.RECEIVED);
        assertThat(event.text()).isEqualTo("STOP");
        assertThat(event.from()).isEqualTo("+15017122661");
        assertThat(event.to()).isEqualTo("+15557122661");
        assertThat(event.vendorId()).isEqualTo("SMa3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3");
    }

    @Test
    void inboundWithoutAnyStatusIsReadFromItsBody() {
        Map<String, List<String>> params = TwilioCallbacks.decodeForm(fixture("inbound-stop.form"));
        params.remove("SmsStatus");
        VendorEvent event = single(port.receive(signedPost(encode(params))));
        assertThat(event.kind()).isEqualTo(EventKind.INBOUND_MESSAGE);
        assertThat(event.text()).isEqualTo("STOP");
    }

    @Test
    void callStatusCarriesSequenceAndTwiliosTimestamp() {
        VendorEvent event = single(port.receive(signedPost(fixture("call-completed.form"))));

        assertThat(event.kind()).isEqualTo(EventKind.CALL_STATUS);
        assertThat(event.callStatus()).contains(CallStatus.COMPLETED);
        assertThat(event.vendorId()).isEqualTo("CA5e2d7f1b9a3c4e6d8f0a2b4c6d8e0f1a");
        assertThat(event.sequence()).isEqualTo(OptionalLong.of(3));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2010-08-16T03:45:01Z"));
        assertThat(event.isFinal()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "initiated,QUEUED", "ringing,RINGING", "in-progress,IN_PROGRESS",
            "completed,COMPLETED", "busy,BUSY", "no-answer,NO_ANSWER", "failed,FAILED", "canceled,CANCELED"})
    void eachCallStatusWordMaps(String word, CallStatus expected) {
        VendorEvent event = single(port.receive(signedPost(with(fixture("call-completed.form"), "CallStatus",
                word))));
        assertThat(event.callStatus()).contains(expected);
        assertThat(event.rawStatus()).isEqualTo(word);
    }

    @Test
    void getCallbackIsSignedAsTheUrlAloneAndReadFromTheQuery() {
        String url = "https://hooks.example.com/twilio/work?" + fixture("message-delivered.form");
        String signature = TwilioWebhookSignature.withAuthToken(TOKEN).sign(url, Map.of());
        WebhookRequest get = WebhookRequest.of("GET", url, Map.of(TwilioWebhookSignature.HEADER,
                List.of(signature)), new byte[0]);

        VendorEvent event = single(port.receive(get));
        assertThat(event.messageStatus()).contains(MessageStatus.DELIVERED);
    }

    @Test
    void eventIdIsTwiliosIdempotencyTokenWhenSent() {
        String form = fixture("message-delivered.form");
        WebhookRequest request = post(URL, form, Map.of(TwilioWebhookSignature.HEADER, sign(URL, form),
                TwilioCallbacks.IDEMPOTENCY_HEADER, "4f8a2b1c-9d7e-4c3b-a1f0-6e5d4c3b2a19-1"));
        assertThat(single(port.receive(request)).eventId()).isEqualTo("4f8a2b1c-9d7e-4c3b-a1f0-6e5d4c3b2a19-1");
    }

    @Test
    void withoutATokenTheSameDeliveryHasTheSameDigestId() {
        String first = single(port.receive(signedPost(fixture("message-delivered.form")))).eventId();
        String again = single(port.receive(signedPost(fixture("message-delivered.form")))).eventId();
        String other = single(port.receive(signedPost(fixture("message-undelivered.form")))).eventId();

        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void forgedSignatureIsRefused() {
        String form = fixture("message-delivered.form");
        String forged = TwilioWebhookSignature.withAuthToken("not-the-token").sign(URL, TwilioCallbacks.decodeForm(form));
        assertRefused(port.receive(post(URL, form, Map.of(TwilioWebhookSignature.HEADER, forged))),
                Refusal.SIGNATURE);
    }

    @Test
    void signatureForAnotherUrlIsRefused() {
        String form = fixture("message-delivered.form");
        String otherUrl = "https://hooks.example.com/twilio/work?ref=d-43";
        assertRefused(port.receive(post(URL, form, Map.of(TwilioWebhookSignature.HEADER, sign(otherUrl, form)))),
                Refusal.SIGNATURE);
    }

    @Test
    void tamperedBodyIsRefused() {
        String form = fixture("message-undelivered.form");
        String tampered = with(form, "MessageStatus", "delivered");
        assertRefused(port.receive(post(URL, tampered, Map.of(TwilioWebhookSignature.HEADER, sign(URL, form)))),
                Refusal.SIGNATURE);
    }

    @Test
    void missingSignatureHeaderIsRefused() {
        assertRefused(port.receive(post(URL, fixture("message-delivered.form"), Map.of())), Refusal.SIGNATURE);
        assertRefused(port.receive(post(URL, fixture("message-delivered.form"),
                Map.of(TwilioWebhookSignature.HEADER, " "))), Refusal.SIGNATURE);
    }

    @Test
    void malformedFormEncodingIsRefusedAsMalformed() {
        String form = "MessageSid=SM1&MessageStatus=%E0%A4%A";
        assertRefused(port.receive(post(URL, form, Map.of(TwilioWebhookSignature.HEADER, "c2lnbmF0dXJl"))),
                Refusal.MALFORMED);
    }

    @Test
    void signedCallbacksMissingTheirIdOrWithBadNumbersAreMalformed() {
        assertRefused(port.receive(signedPost("MessageStatus=delivered&AccountSid=" + ACCOUNT_SID)),
                Refusal.MALFORMED);
        assertRefused(port.receive(signedPost("CallStatus=completed")), Refusal.MALFORMED);
        assertRefused(port.receive(signedPost(with(fixture("call-completed.form"), "SequenceNumber",
                "99999999999999999999999999"))), Refusal.MALFORMED);
        assertRefused(port.receive(signedPost(with(fixture("call-completed.form"), "Timestamp", "yesterday"))),
                Refusal.MALFORMED);
    }

    @Test
    void authenticCallbackOfAnUnusedTypeIsAcceptedWithNoEvents() {
        String recording = "AccountSid=" + ACCOUNT_SID + "&CallSid=CA5e2d7f1b9a3c4e6d8f0a2b4c6d8e0f1a"
                + "&RecordingSid=RE0123456789abcdef0123456789abcdef&RecordingStatus=completed&RecordingDuration=4";
        CallbackResult result = port.receive(signedPost(recording));
        assertThat(result).isEqualTo(new CallbackResult.Accepted(List.of()));
        assertThat(result.httpStatus()).isEqualTo(200);
    }

    @Test
    void callbackForAnotherAccountSidIsRefused() {
        String form = with(fixture("message-delivered.form"), "AccountSid", "AC00000000000000000000000000000000");
        assertRefused(port.receive(signedPost(form)), Refusal.UNKNOWN_ACCOUNT);
    }

    @Test
    void methodsOtherThanPostAndGetAreBadRequests() {
        WebhookRequest put = WebhookRequest.of("PUT", URL, Map.of(), new byte[0]);
        assertRefused(port.receive(put), Refusal.BAD_REQUEST);
    }

    @Test
    void apiKeyAccountWithoutAuthTokenCannotVerifyCallbacks() {
        TwilioConfig apiKeyOnly = TwilioConfig.builder().account(ACCOUNT).accountSid(ACCOUNT_SID)
                .apiKey("SK0123456789abcdef0123456789abcdef", "key-secret-value").build();
        TwilioCallbacks keyPort = new TwilioCallbacks(apiKeyOnly, Clock.fixed(NOW, ZoneOffset.UTC));

        CallbackResult result = keyPort.receive(signedPost(fixture("message-delivered.form")));
        assertRefused(result, Refusal.UNKNOWN_ACCOUNT);
        assertThat(((CallbackResult.Refused) result).detail()).contains("auth token").contains("verify");
        assertThat(apiKeyOnly.verifiesWebhooks()).isFalse();
    }

    @Test
    void apiKeyAccountWithItsAuthTokenVerifiesCallbacks() {
        TwilioConfig config = TwilioConfig.builder().account(ACCOUNT).accountSid(ACCOUNT_SID)
                .apiKey("SK0123456789abcdef0123456789abcdef", "key-secret-value").webhookAuthToken(TOKEN).build();
        TwilioCallbacks keyPort = new TwilioCallbacks(config, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(single(keyPort.receive(signedPost(fixture("message-delivered.form")))).messageStatus())
                .contains(MessageStatus.DELIVERED);
        assertThat(config.toString()).doesNotContain(TOKEN).contains("webhookAuthToken=****");
        assertThat(config.toBuilder().build().verifiesWebhooks()).isTrue();
    }

    @Test
    void aSecondDifferentTokenBesideTheAuthTokenIsAConfigurationError() {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> TwilioConfig.builder()
                .account(ACCOUNT).accountSid(ACCOUNT_SID).authToken(TOKEN).webhookAuthToken("another-token").build());
        assertThat(e.getMessage()).contains("webhookAuthToken").doesNotContain("another-token")
                .doesNotContain(TOKEN);
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertThat(port.toString()).doesNotContain(TOKEN).contains("****");
    }

    @Test
    void connectorOffersItsCallbacks() {
        OkHttpClient shared = new OkHttpClient();
        try (TwilioConnector connector = TwilioConnector.create(TwilioConfig.of(ACCOUNT, ACCOUNT_SID, TOKEN), shared,
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(connector.callbacks()).isPresent();
            VendorEvent event = single(connector.callbacks().orElseThrow().receive(
                    signedPost(fixture("message-delivered.form"))));
            assertThat(event.occurredAt()).isEqualTo(NOW);
        }
    }
}
