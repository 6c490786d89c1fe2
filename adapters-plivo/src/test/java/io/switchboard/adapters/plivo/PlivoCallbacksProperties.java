package io.switchboard.adapters.plivo;

import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.WebhookRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing a caller sends makes {@link PlivoCallbacks#receive} throw, signed or not. */
class PlivoCallbacksProperties {

    private static final List<String> FIELDS = List.of("MessageUUID", "Status", "ErrorCode", "From", "To", "Text",
            "Body", "TotalAmount", "MessageTime", "DeliveryReportTime", "Sequence", "CallUUID", "CallStatus",
            "HangupCauseCode", "HangupCauseName", "Duration", "TotalCost", "EndTime");

    private final PlivoCallbacks port = PlivoCallbacksTest.port();

    @Property(tries = 500)
    void arbitraryRequestsNeverThrow(@ForAll("methods") String method, @ForAll("urls") String url,
            @ForAll("headers") Map<String, List<String>> headers, @ForAll byte[] body) {
        CallbackResult result = port.receive(WebhookRequest.of(method, url, headers, body));
        assertThat(result).isNotNull();
        if (result instanceof CallbackResult.Refused refused) {
            assertThat(refused.detail()).doesNotContain(PlivoCallbacksTest.TOKEN).doesNotContain("\n");
        }
    }

    @Property(tries = 500)
    void signedArbitraryFormsNeverThrow(@ForAll("forms") Map<String, String> params) {
        CallbackResult result = port.receive(PlivoCallbacksTest.signedPost(PlivoCallbacksTest.encode(params)));
        assertThat(result).isNotNull();
        if (result instanceof CallbackResult.Refused refused) {
            assertThat(refused.reason()).isEqualTo(CallbackResult.Refusal.MALFORMED);
            assertThat(refused.detail()).as("refused by a check, not by the last-resort catch")
                    .isNotEqualTo(PlivoCallbacks.UNREADABLE).doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("POST", "GET", "PUT"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.of(PlivoCallbacksTest.URL, "http://[::1", "https://h.example:99999/x",
                        "https://h.example/%zz?a=%", "relative/path?x=1"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(60).filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<Map<String, List<String>>> headers() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(PlivoSignature.V3_HEADER,
                PlivoSignature.V3_NONCE_HEADER, PlivoSignature.V2_HEADER, PlivoSignature.V2_NONCE_HEADER),
                Arbitraries.strings().ofMaxLength(10));
        Arbitrary<List<String>> values = Arbitraries.strings().ofMaxLength(60).list().ofMaxSize(2);
        return Arbitraries.maps(names, values).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Map<String, String>> forms() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("delivered", "received", "completed", "busy", "50", "000", "-0.5", "1e999999",
                        "99999999999999999999", "2026-02-28 11:58:17", "2026-02-30 25:00:00", ""));
        return Arbitraries.maps(Arbitraries.of(FIELDS), values).ofMaxSize(8).map(LinkedHashMap::new);
    }
}
