package io.switchboard.adapters.plivo;

import com.plivo.api.util.Utils;
import io.switchboard.domain.SwitchboardException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Our V3 and V2 checks against plivo-java 5.46.3 ({@code Utils.computeSignatureV3} / {@code validateSignatureV3},
 * {@code computeSignature}) on generated webhooks: what the SDK signs we accept, what we sign is what it signs and it
 * accepts. Requests the SDK itself cannot sign (it throws on a repeated query key, a GET with neither query nor
 * params, a malformed escape) are left out of the comparison; the never-throws property covers them.
 */
class PlivoSignatureProperties {

    private static final String TOKEN = "MzQ1ZTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVm";

    record Request(String method, String url, Map<String, String> params, String nonce) {
    }

    @Property(tries = 600)
    void whatTheSdkSignsWeAccept(@ForAll("requests") Request r) {
        String sdk = sdkSign(r);
        assertThat(PlivoSignature.isValidV3(TOKEN, r.method(), r.url(), r.params(), r.nonce(), sdk)).isTrue();
        assertThat(PlivoSignature.isValidV3(TOKEN, r.method(), r.url(), r.params(), r.nonce(), "bm90LWl0, " + sdk
                + ",")).as("among others").isTrue();
    }

    @Property(tries = 600)
    void whatWeSignIsWhatTheSdkSignsAndItAccepts(@ForAll("requests") Request r) throws Exception {
        String sdk = sdkSign(r);
        String ours = PlivoSignature.signV3(TOKEN, r.method(), r.url(), r.params(), r.nonce());
        assertThat(ours).isEqualTo(sdk);
        assertThat(Utils.validateSignatureV3(r.url(), r.nonce(), "x," + ours, TOKEN, r.method(), r.params())).isTrue();
    }

    @Property(tries = 300)
    void aChangedBodyNonceOrTokenIsRefused(@ForAll("requests") Request r, @ForAll("values") String extra) {
        String sdk = sdkSign(r);
        Map<String, String> changed = new HashMap<>(r.params());
        changed.merge("Status", extra, (a, b) -> a + "!");
        assertThat(PlivoSignature.isValidV3(TOKEN, r.method(), r.url(), changed, r.nonce(), sdk)).isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN, r.method(), r.url(), r.params(), r.nonce() + "1", sdk)).isFalse();
        assertThat(PlivoSignature.isValidV3(TOKEN + "x", r.method(), r.url(), r.params(), r.nonce(), sdk)).isFalse();
    }

    @Property(tries = 300)
    void v2AgreesWithTheSdk(@ForAll("requests") Request r) throws Exception {
        Assume.that(!r.url().contains("%"));
        String sdk = Utils.computeSignature(r.url(), r.nonce(), TOKEN);
        assertThat(PlivoSignature.signV2(TOKEN, r.url(), r.nonce())).isEqualTo(sdk);
        assertThat(PlivoSignature.isValidV2(TOKEN, r.url(), r.nonce(), sdk)).isTrue();
    }

    @Property(tries = 2000)
    void anyInputIsAnAnswerNeverAnException(@ForAll("junk") String token, @ForAll("junk") String method,
            @ForAll("junk") String url, @ForAll("junkParams") Map<String, String> params, @ForAll("junk") String nonce,
            @ForAll("junk") String header) {
        PlivoSignature.isValidV3(token, method, url, params, nonce, header);
        PlivoSignature.isValidV3(TOKEN, "POST", url, params, "n", header);
        PlivoSignature.isValidV2(token, url, nonce, header);
        Throwable signing = catchThrowable(() -> PlivoSignature.signV3(token, method, url, params, nonce));
        assertThat(signing).as("signing refuses bad input only as INVALID_REQUEST")
                .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(SwitchboardException.class));
    }

    // --- generators ---

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> scheme = Arbitraries.of("http", "https");
        Arbitrary<String> host = Arbitraries.of("example.com", "cb.my-app.io", "my_host.example.net", "10.0.0.7");
        Arbitrary<String> port = Arbitraries.of("", "", ":80", ":443", ":8080", ":5000");
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("-._~").ofMaxLength(8),
                values().map(PlivoSignatureProperties::encode)).list().ofMaxSize(3).map(s -> "/" + String.join("/", s));
        Arbitrary<String> query = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
                values().map(PlivoSignatureProperties::encode)).ofMinSize(1).ofMaxSize(3)
                .map(m -> String.join("&", m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
                .injectNull(0.4);
        Arbitrary<String> url = Combinators.combine(scheme, host, port, path, query)
                .as((s, h, p, pa, q) -> s + "://" + h + p + pa + (q == null ? "" : "?" + q));
        Arbitrary<Map<String, String>> params = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of("From", "To",
                "Status", "MessageUUID", "TotalRate", "Units", "ErrorCode", "MessageTime", "PowerpackUUID"),
                Arbitraries.strings().withChars("aZ_09-é &=").ofMinLength(1).ofMaxLength(6)), values()).ofMaxSize(11);
        Arbitrary<String> nonce = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(Arbitraries.of("GET", "POST", "POST"), url, params, nonce).as(Request::new);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("&=%+ ?#/.$aZ09éü€").ofMaxLength(8),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12),
                Arbitraries.of("", "delivered", "+14155550100", "0.00500", "a=b&c=d", "100%", "Jörg", "1 + 1"));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("htps:/@[]?#&=%zZ09+ ,.").ofMaxLength(40),
                Arbitraries.of("GET", "POST", "get", "PUT", "", " ", "https://example.com/%zz", "https://e.com/a?%",
                        "https://e.com/a?=&=&a", "https://", "http://[::1]:80/x?a=%E0%A4%A", "/relative", TOKEN),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Map<String, String>> junkParams() {
        Arbitrary<Map<String, String>> maps = Arbitraries.maps(Arbitraries.strings().ofMaxLength(6),
                Arbitraries.strings().ofMaxLength(6).injectNull(0.1)).ofMaxSize(5);
        return Arbitraries.oneOf(maps, maps.map(m -> {
            Map<String, String> withNull = new HashMap<>(m);
            withNull.put(null, "v");
            return withNull;
        }), Arbitraries.just(null));
    }

    // --- helpers ---

    /** The SDK's signature; the request is left out when the SDK cannot sign it. */
    private static String sdkSign(Request r) {
        try {
            return Utils.computeSignatureV3(r.url(), r.nonce(), TOKEN, r.method(), r.params());
        } catch (Exception e) {
            Assume.that(false);
            throw new AssertionError("unreachable");
        }
    }

    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
