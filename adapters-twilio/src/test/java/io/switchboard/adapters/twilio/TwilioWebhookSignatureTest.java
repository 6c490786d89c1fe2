package io.switchboard.adapters.twilio;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioWebhookSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "Digits", List.of("1234"),
            "CallSid", List.of("CA1234567890ABCDE"),
            "To", List.of("+18005551212"),
            "Caller", List.of("+14158675309"),
            "From", List.of("+14158675309"));
    private static final String EXPECTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioWebhookSignature signature = TwilioWebhookSignature.withAuthToken("12345");

    @Test
    void matchesTwiliosPublicTestVector() {
        assertThat(signature.sign(URL, PARAMS)).isEqualTo(EXPECTED);
        assertThat(signature.isValid(URL, PARAMS, EXPECTED)).isTrue();
    }

    @Test
    void acceptsTheUrlWithOrWithoutItsDefaultPort() {
        assertThat(signature.isValid("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, EXPECTED)).isTrue();
        String signedWithPort = signature.sign("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS);
        assertThat(signature.isValid(URL, PARAMS, signedWithPort)).isTrue();
        assertThat(signature.isValid("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, signedWithPort))
                .isTrue();
    }

    @Test
    void acceptsAnotherPortSignedWithOrWithoutIt() {
        // Twilio's docs say it drops the port of an HTTPS URL before signing; webhooks to other ports have been seen
        // signed with it. twilio-java's RequestValidator accepts both: so do we.
        String at8443 = "https://mycompany.com:8443/myapp.php?foo=1&bar=2";
        assertThat(signature.isValid(at8443, PARAMS, EXPECTED)).isTrue();
        assertThat(signature.isValid(at8443, PARAMS, signature.sign(at8443, PARAMS))).isTrue();
        assertThat(signature.isValid(URL, PARAMS, signature.sign(at8443, PARAMS)))
                .as("a port is never guessed: signed at 8443, received without a port").isFalse();
        assertThat(signature.isValid("https://mycompany.com:9443/myapp.php?foo=1&bar=2", PARAMS,
                signature.sign(at8443, PARAMS))).as("another port").isFalse();
    }

    @Test
    void acceptsTheUrlWithoutTheUserInfoTwilioDropsBeforeSigning() {
        assertThat(signature.isValid("https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", PARAMS, EXPECTED))
                .isTrue();
        assertThat(signature.isValid("https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, EXPECTED))
                .isTrue();
    }

    @Test
    void keepsThePathAndQueryByteForByteInEveryVariant() {
        assertThat(TwilioWebhookSignature.urlVariants("https://my_host.example.com/a%2Fb%20c?x=%26&y=%zz"))
                .containsExactly("https://my_host.example.com/a%2Fb%20c?x=%26&y=%zz",
                        "https://my_host.example.com:443/a%2Fb%20c?x=%26&y=%zz");
        assertThat(TwilioWebhookSignature.urlVariants("http://[::1]:8080/x"))
                .containsExactly("http://[::1]:8080/x", "http://[::1]/x");
        assertThat(TwilioWebhookSignature.urlVariants("http://[::1]/x"))
                .containsExactly("http://[::1]/x", "http://[::1]:80/x");
        assertThat(TwilioWebhookSignature.urlVariants("/relative")).containsExactly("/relative");
    }

    @Test
    void signsANullValueAsAnEmptyOneAsTwilioJavaDoes() {
        Map<String, List<String>> nullValue = new java.util.HashMap<>();
        nullValue.put("ErrorCode", null);
        String expected = signature.sign("https://example.com/hookErrorCode", Map.of());
        assertThat(signature.sign("https://example.com/hook", nullValue)).isEqualTo(expected);
        assertThat(signature.sign("https://example.com/hook", Map.of("ErrorCode", java.util.Collections
                .singletonList(null)))).isEqualTo(expected);
        assertThat(signature.sign("https://example.com/hook", Map.of("ErrorCode", List.of("")))).isEqualTo(expected);
    }

    @Test
    void refusesWhatNoFormParserMakesInsteadOfThrowing() {
        Map<String, List<String>> nullName = new java.util.HashMap<>(PARAMS);
        nullName.put(null, List.of("x"));
        assertThat(signature.isValid(URL, nullName, EXPECTED)).isFalse();
        assertThat(signature.isValidJson("https://example.com/hook?bodySHA256=%zz", "{}",
                signature.sign("https://example.com/hook?bodySHA256=%zz", Map.of()))).isFalse();
        assertThat(signature.isValidJson("https://example.com/hook?bodySHA256=%", "{}", "x")).isFalse();
        assertThat(signature.isValid("", Map.of(), "x")).isFalse();
    }

    @Test
    void rejectsATamperedParameterUrlTokenOrSignature() {
        Map<String, List<String>> tampered = new java.util.HashMap<>(PARAMS);
        tampered.put("Digits", List.of("1235"));
        assertThat(signature.isValid(URL, tampered, EXPECTED)).isFalse();
        assertThat(signature.isValid(URL + "&baz=3", PARAMS, EXPECTED)).isFalse();
        assertThat(TwilioWebhookSignature.withAuthToken("54321").isValid(URL, PARAMS, EXPECTED)).isFalse();
        assertThat(signature.isValid(URL, PARAMS, "")).isFalse();
        assertThat(signature.isValid(URL, PARAMS, null)).isFalse();
    }

    @Test
    void signsRepeatedParametersAsNameValuePairsInSortedOrder() {
        String once = signature.sign("https://example.com/hook", Map.of("MediaUrl", List.of("b", "a")));
        String sorted = signature.sign("https://example.com/hookMediaUrlaMediaUrlb", Map.of());
        assertThat(once).isEqualTo(sorted);
    }

    @Test
    void checksAJsonBodyByItsSha256InTheSignedUrl() {
        String body = "{\"ProfileSid\":\"BU1\",\"Status\":\"approved\"}";
        String url = "https://example.com/hook?bodySHA256=" + TwilioWebhookSignature.bodySha256(body);
        String header = signature.sign(url, Map.of());

        assertThat(signature.isValidJson(url, body, header)).isTrue();
        assertThat(signature.isValidJson(url, body.replace("approved", "rejected"), header)).isFalse();
        assertThat(signature.isValidJson("https://example.com/hook", body, signature.sign("https://example.com/hook",
                Map.of()))).as("no bodySHA256 in the URL").isFalse();
    }

    @Test
    void neverShowsTheToken() {
        assertThat(signature.toString()).doesNotContain("12345");
    }
}
