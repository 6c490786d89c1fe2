package io.switchboard.adapters.plivo;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V2 against Plivo's public vector; V3 against vectors derived by hand. Each V3 vector's string to sign was written
 * out from the algorithm in WIRE.md and Plivo's SDKs (not produced by this code), then signed twice, independently:
 * with python3 ({@code base64.b64encode(hmac.new(token, s, hashlib.sha256).digest())}) and with
 * {@code printf '%s' s | openssl dgst -sha256 -hmac V3TestAuthToken -binary | base64}; both gave the values below.
 */
class PlivoSignatureTest {

    private static final String TOKEN = "V3TestAuthToken";

    @Test
    void v2MatchesPlivosPublicVector() {
        assertThat(PlivoSignature.signV2("my_auth_token", "https://answer.url", "12345"))
                .isEqualTo("ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=");
        assertThat(PlivoSignature.isValidV2("my_auth_token", "https://answer.url", "12345",
                "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=")).isTrue();
        assertThat(PlivoSignature.isValidV2("my_auth_token", "https://answer.url?ignored=query", "12345",
                "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=")).as("V2 signs the URL without its query").isTrue();
        assertThat(PlivoSignature.isValidV2("other_token", "https://answer.url", "12345",
                "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=")).isFalse();
    }

    @Test
    void v3PostWithBodyAndNoQuerySignsSortedNamesAndValuesAfterAQuestionMark() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("To", "14155550100");
        body.put("From", "447700900123");
        body.put("Status", "delivered");
        body.put("MessageUUID", "a1b2");
        String url = "https://example.com/plivo/status/";

        assertThat(PlivoSignature.v3Base("POST", url, body))
                .isEqualTo("https://example.com/plivo/status/?From447700900123MessageUUIDa1b2StatusdeliveredTo14155550100");
        assertThat(PlivoSignature.signV3(TOKEN, "POST", url, body, "87654321"))
                .isEqualTo("Bj7V+L5f3mLq1e4GJhem+xtcV5H5KVR1S95w02kv4/g=");
    }

    @Test
    void v3PostWithQueryAndBodyJoinsThemWithADot() {
        Map<String, String> body = Map.of("Digits", "42", "CallUUID", "c-1");
        assertThat(PlivoSignature.signV3(TOKEN, "post", "https://example.com/answer?b=2&a=1", body, "nonce-2"))
                .isEqualTo("5jLlaacHDzhdzN7+tQCjz3C4UXUfYYwtcikjA/ImN30=");
    }

    @Test
    void v3GetMergesQueryAndParamsIntoOneSortedQuery() {
        assertThat(PlivoSignature.signV3(TOKEN, "GET", "https://example.com/answer?z=last&a=first", Map.of("m", "mid"),
                "nonce-3")).isEqualTo("9/uXQTqLasF2ILUcU8IAcj47UwPRz2H6Sf/z8LJPFvA=");
    }

    @Test
    void v3WithNothingToSignButTheUrlHasNoQuestionMark() {
        assertThat(PlivoSignature.signV3(TOKEN, "POST", "https://example.com/hangup", Map.of(), "nonce-4"))
                .isEqualTo("1Q+0JodlgbeJyX/Hvzjlmz33nhVYRnyttw4M+W5x0PA=");
    }

    @Test
    void v3DecodesQueryValuesAndKeepsAnExplicitPort() {
        assertThat(PlivoSignature.signV3(TOKEN, "POST", "https://example.com/cb?x=1&name=J%C3%B6rg", null, "nonce-5"))
                .isEqualTo("rtinjINEr/QwdJm5I/x9wxUr8nILB3u3rlY8DzWlIGM=");
        assertThat(PlivoSignature.signV3(TOKEN, "POST", "http://127.0.0.1:8080/sms/", Map.of("From", "abc"), "n6"))
                .isEqualTo("KDmxJ0b07O7YJhGFC/xNTE7xDzo3eAkW1m6Lz0E9AO4=");
    }

    @Test
    void v3AcceptsAnyOfSeveralCommaSeparatedSignatures() {
        String header = "bm90LXRoaXMtb25l=, 1Q+0JodlgbeJyX/Hvzjlmz33nhVYRnyttw4M+W5x0PA=";
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", "https://example.com/hangup", Map.of(), "nonce-4", header))
                .isTrue();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", "https://example.com/hangup", Map.of(), "nonce-X", header))
                .as("another nonce").isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", "https://example.com/hangup", Map.of("Extra", "1"), "nonce-4",
                header)).as("a tampered body").isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", "https://example.com/hangup", Map.of(), "nonce-4", ""))
                .isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", "https://example.com/hangup", Map.of(), "nonce-4", null))
                .isFalse();
    }

    @Test
    void badInputIsAnInvalidRequestNamingTheField() {
        assertThatThrownBy(() -> PlivoSignature.signV3(TOKEN, "PUT", "https://example.com/", Map.of(), "n"))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
                    assertThat(e.failure().field()).contains("method");
                });
        assertThatThrownBy(() -> PlivoSignature.signV3(TOKEN, "POST", "/relative", Map.of(), "n"))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.failure().field()).contains("url"));
        assertThatThrownBy(() -> PlivoSignature.signV2(" ", "https://example.com/", "n"))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.failure().field()).contains("authToken"));
    }
}
