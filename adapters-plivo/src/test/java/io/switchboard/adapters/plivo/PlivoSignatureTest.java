package io.switchboard.adapters.plivo;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import com.plivo.api.util.Utils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V2 against Plivo's public vector; V3 against vectors derived by hand (the documented form) and against what
 * plivo-java 5.46.3 computes (the form {@code signV3} produces; both are accepted, see PlivoSignature#isValidV3). Each V3 vector's string to sign was written
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
    void v3WithNothingToSignIsTheUrlAloneInTheDocsAndEndsInAQuestionMarkInTheSdk() throws Exception {
        String url = "https://example.com/hangup";
        assertThat(PlivoSignature.documentedV3Base("POST", url, Map.of())).isEqualTo(url);
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", url, Map.of(), "nonce-4",
                "1Q+0JodlgbeJyX/Hvzjlmz33nhVYRnyttw4M+W5x0PA=")).isTrue();
        assertThat(PlivoSignature.v3Base("POST", url, Map.of())).isEqualTo(url + "?");
        assertThat(PlivoSignature.signV3(TOKEN, "POST", url, Map.of(), "nonce-4"))
                .isEqualTo(Utils.computeSignatureV3(url, "nonce-4", TOKEN, "POST", Map.of()));
    }

    @Test
    void v3DecodesQueryValuesAndAcceptsTheUrlWithItsPortOrWithoutIt() throws Exception {
        String query = "https://example.com/cb?x=1&name=J%C3%B6rg";
        assertThat(PlivoSignature.documentedV3Base("POST", query, null)).isEqualTo("https://example.com/cb?name=Jörg&x=1");
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", query, null, "nonce-5",
                "rtinjINEr/QwdJm5I/x9wxUr8nILB3u3rlY8DzWlIGM=")).isTrue();
        assertThat(PlivoSignature.v3Base("POST", query, null)).as("the SDK ends a query with no body in '.'")
                .isEqualTo("https://example.com/cb?name=Jörg&x=1.");
        assertThat(PlivoSignature.signV3(TOKEN, "POST", query, null, "nonce-5"))
                .isEqualTo(Utils.computeSignatureV3(query, "nonce-5", TOKEN, "POST", Map.of()));

        String port = "http://127.0.0.1:8080/sms/";
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", port, Map.of("From", "abc"), "n6",
                "KDmxJ0b07O7YJhGFC/xNTE7xDzo3eAkW1m6Lz0E9AO4=")).as("documented, with the port").isTrue();
        assertThat(PlivoSignature.v3Base("POST", port, Map.of("From", "abc"))).as("the SDK drops the port")
                .isEqualTo("http://127.0.0.1/sms/?Fromabc");
        String sdk = Utils.computeSignatureV3(port, "n6", TOKEN, "POST", Map.of("From", "abc"));
        assertThat(PlivoSignature.signV3(TOKEN, "POST", port, Map.of("From", "abc"), "n6")).isEqualTo(sdk);
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", port, Map.of("From", "abc"), "n6", sdk)).isTrue();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", "http://127.0.0.1:9090/sms/", Map.of("From", "abc"), "n6",
                "KDmxJ0b07O7YJhGFC/xNTE7xDzo3eAkW1m6Lz0E9AO4=")).as("another port, documented form").isFalse();
    }

    @Test
    void v3AnswersFalseForAnythingAnAttackerCanSend() {
        String url = "https://example.com/hangup";
        String good = PlivoSignature.signV3(TOKEN, "POST", url, Map.of(), "nonce-4");
        Map<String, String> nullName = new java.util.HashMap<>();
        nullName.put(null, "x");
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", "https://example.com/%zz?a=%zz&%=1", Map.of(), "n", good))
                .as("%zz").isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", "https://example.com/%", Map.of(), "n", good)).isFalse();
        for (String badUrl : new String[] {"/relative", "", " ", "example.com/x", "ftp://example.com/", "https://",
                "https://:443/x", "javascript:alert(1)"}) {
            assertThat(PlivoSignature.isValidV3(TOKEN, "POST", badUrl, Map.of(), "nonce-4", good)).as(badUrl)
                    .isFalse();
        }
        for (String method : new String[] {"PUT", "", " ", "GETX", "G\u0000ET", "DELETE"}) {
            assertThat(PlivoSignature.isValidV3(TOKEN, method, url, Map.of(), "nonce-4", good)).as(method).isFalse();
        }
        assertThat(PlivoSignature.isValidV3(null, "POST", url, Map.of(), "nonce-4", good)).isFalse();
        assertThat(PlivoSignature.isValidV3(" ", "POST", url, Map.of(), "nonce-4", good)).isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, null, url, Map.of(), "nonce-4", good)).isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", null, Map.of(), "nonce-4", good)).isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", url, nullName, "nonce-4", good)).isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", url, Map.of(), "nonce-4", ",".repeat(100_000))).isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", url, Map.of(), "nonce-4", ",".repeat(100_000) + good))
                .as("any one of many counts").isTrue();
        assertThat(PlivoSignature.isValidV2(TOKEN, "https://example.com/%zz", "n", "x")).isFalse();
        assertThat(PlivoSignature.isValidV2(TOKEN, "/relative", "n", "x")).isFalse();
        assertThat(PlivoSignature.isValidV2(null, "https://answer.url", "n", "x")).isFalse();
    }

    @Test
    void v3PostWithAQueryValueHoldingAnEscapedAmpersandIsAcceptedInBothReadings() throws Exception {
        // The SDK decodes the whole URL before splitting the query, so a=x%26c%3D2 reads as a=x and c=2; the docs
        // decode each value after splitting, a = "x&c=2". The sorted texts differ; both are accepted.
        String url = "https://example.com/cb?b=1&a=x%26c%3D2";
        Map<String, String> body = Map.of("Status", "delivered");
        assertThat(PlivoSignature.documentedV3Base("POST", url, body))
                .isEqualTo("https://example.com/cb?a=x&c=2&b=1.Statusdelivered");
        assertThat(PlivoSignature.v3Base("POST", url, body))
                .isEqualTo("https://example.com/cb?a=x&b=1&c=2.Statusdelivered");
        String sdk = Utils.computeSignatureV3(url, "n", TOKEN, "POST", body);
        assertThat(PlivoSignature.signV3(TOKEN, "POST", url, body, "n")).isEqualTo(sdk);
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", url, body, "n", sdk)).isTrue();
        String documented = Base64.getEncoder().encodeToString(hmacSha256(
                "https://example.com/cb?a=x&c=2&b=1.Statusdelivered.n"));
        assertThat(PlivoSignature.isValidV3(TOKEN, "POST", url, body, "n", documented)).isTrue();
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

    private static byte[] hmacSha256(String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
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
