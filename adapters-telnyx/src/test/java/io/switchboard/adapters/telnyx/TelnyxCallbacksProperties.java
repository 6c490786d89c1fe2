package io.switchboard.adapters.telnyx;

import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.WebhookRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing a caller sends makes {@link TelnyxCallbacks#receive} throw, signed or not. */
class TelnyxCallbacksProperties {

    private final TelnyxCallbacks port = TelnyxCallbacksTest.port();

    @Property(tries = 300)
    void arbitraryRequestsNeverThrow(@ForAll("methods") String method, @ForAll("urls") String url,
            @ForAll("headers") Map<String, List<String>> headers, @ForAll byte[] body) {
        CallbackResult result = port.receive(WebhookRequest.of(method, url, headers, body));
        assertThat(result).isNotNull();
        if (result instanceof CallbackResult.Refused refused) {
            assertThat(refused.detail()).doesNotContain("\n");
        }
    }

    @Property(tries = 300)
    void signedArbitraryJsonNeverThrows(@ForAll("bodies") String body) {
        CallbackResult result = port.receive(TelnyxCallbacksTest.signed(body));
        assertThat(result).isNotNull();
        if (result instanceof CallbackResult.Refused refused) {
            assertThat(refused.reason()).isEqualTo(CallbackResult.Refusal.MALFORMED);
            assertThat(refused.detail()).as("refused by a check, not by the last-resort catch")
                    .isNotEqualTo(TelnyxCallbacks.UNREADABLE).doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("POST", "GET"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.just(TelnyxCallbacksTest.URL),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(60).filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<Map<String, List<String>>> headers() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(TelnyxWebhookVerifier.SIGNATURE_HEADER,
                TelnyxWebhookVerifier.TIMESTAMP_HEADER), Arbitraries.strings().ofMaxLength(10));
        Arbitrary<List<String>> values = Arbitraries.oneOf(
                Arbitraries.of("1772280000", "-1", "99999999999999999999", "9223372036854775807",
                        "-9223372036854775808", "AAAA", "A".repeat(88)).list().ofMinSize(1).ofMaxSize(1),
                Arbitraries.strings().ofMaxLength(100).list().ofMaxSize(2));
        return Arbitraries.maps(names, values).ofMaxSize(3);
    }

    /** Fixtures with one value swapped for an odd one, cut short, or arbitrary text. */
    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> fixture = Arbitraries.of("message-sent.json", "message-finalized-failed.json",
                "message-received-stop.json", "call-hangup.json").map(TelnyxCallbacksTest::fixture);
        Arbitrary<String> odd = Arbitraries.of("null", "1e999999", "-1", "[]", "{}", "\"\"", "true",
                "{\"phone_number\": []}", "[{\"status\": 1}]", "99999999999999999999999", "[null]");
        Arbitrary<String> key = Arbitraries.of("\"id\"", "\"event_type\"", "\"occurred_at\"", "\"payload\"",
                "\"to\"", "\"from\"", "\"cost\"", "\"amount\"", "\"errors\"", "\"code\"", "\"status\"",
                "\"call_control_id\"", "\"hangup_cause\"", "\"currency\"", "\"text\"");
        Arbitrary<String> swapped = Combinators.combine(fixture, key, odd).as((json, k, v) -> {
            int at = json.indexOf(k + ":");
            if (at < 0) {
                return json;
            }
            int start = at + k.length() + 1;
            int end = start;
            int depth = 0;
            boolean inString = false;
            for (; end < json.length(); end++) {
                char c = json.charAt(end);
                if (c == '"' && json.charAt(end - 1) != '\\') {
                    inString = !inString;
                } else if (!inString && (c == '{' || c == '[')) {
                    depth++;
                } else if (!inString && (c == '}' || c == ']')) {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (!inString && c == ',' && depth == 0) {
                    break;
                }
            }
            return json.substring(0, start) + " " + v + json.substring(end);
        });
        Arbitrary<String> cut = fixture.flatMap(json -> Arbitraries.integers().between(0, json.length())
                .map(n -> json.substring(0, n)));
        return Arbitraries.oneOf(swapped, cut, Arbitraries.strings().ofMaxLength(200));
    }
}
