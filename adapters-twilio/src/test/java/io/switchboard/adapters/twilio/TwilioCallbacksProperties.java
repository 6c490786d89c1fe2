package io.switchboard.adapters.twilio;

import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.WebhookRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing a caller sends makes {@link TwilioCallbacks#receive} throw, signed or not. */
class TwilioCallbacksProperties {

    private static final List<String> FIELDS = List.of("MessageSid", "SmsSid", "MessageStatus", "SmsStatus",
            "ErrorCode", "From", "To", "Body", "AccountSid", "CallSid", "CallStatus", "SequenceNumber", "Timestamp",
            "CallDuration", "RecordingSid");

    private final TwilioCallbacks port = TwilioCallbacksTest.port();

    @Property(tries = 500)
    void arbitraryRequestsNeverThrow(@ForAll("methods") String method, @ForAll("urls") String url,
            @ForAll("headers") Map<String, List<String>> headers, @ForAll byte[] body) {
        CallbackResult result = port.receive(WebhookRequest.of(method, url, headers, body));
        assertThat(result).isNotNull();
        if (result instanceof CallbackResult.Refused refused) {
            assertThat(refused.detail()).doesNotContain(TwilioCallbacksTest.TOKEN).doesNotContain("\n");
        }
    }

    @Property(tries = 500)
    void signedArbitraryFormsNeverThrow(@ForAll("forms") Map<String, List<String>> params) {
        String form = TwilioCallbacksTest.encode(params);
        WebhookRequest request = TwilioCallbacksTest.signedPost(form);
        CallbackResult result = port.receive(request);
        assertThat(result).isNotNull();
        if (result instanceof CallbackResult.Refused refused) {
            assertThat(refused.reason()).isIn(CallbackResult.Refusal.MALFORMED,
                    CallbackResult.Refusal.UNKNOWN_ACCOUNT);
            assertThat(refused.detail()).as("refused by a check, not by the last-resort catch")
                    .isNotEqualTo(TwilioCallbacks.UNREADABLE);
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("POST", "GET", "PUT", "post"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.of(TwilioCallbacksTest.URL, "https://h.example/p?bodySHA256=ab",
                        "http://[::1", "https://h.example:99999/x", "https://h.example/%zz?a=%"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(60).filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<Map<String, List<String>>> headers() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(TwilioWebhookSignature.HEADER,
                TwilioCallbacks.IDEMPOTENCY_HEADER, "Content-Type"), Arbitraries.strings().ofMaxLength(10));
        Arbitrary<List<String>> values = Arbitraries.strings().ofMaxLength(60).list().ofMaxSize(2);
        return Arbitraries.maps(names, values).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Map<String, List<String>>> forms() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("delivered", "received", "completed", "30003", "-1", "1e999999",
                        "99999999999999999999", "Mon, 16 Aug 2010 03:45:01 +0000", TwilioCallbacksTest.ACCOUNT_SID,
                        "SM1f0e8ae6ade43cb3c0ce4525424e404f", ""));
        return Arbitraries.maps(Arbitraries.of(FIELDS), values.list().ofMinSize(1).ofMaxSize(2)).ofMaxSize(8)
                .map(LinkedHashMap::new);
    }
}
