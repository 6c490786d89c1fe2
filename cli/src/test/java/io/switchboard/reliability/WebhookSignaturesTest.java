package io.switchboard.reliability;

import io.switchboard.adapters.plivo.PlivoSignature;
import io.switchboard.adapters.telnyx.TelnyxWebhookVerifier;
import io.switchboard.adapters.twilio.TwilioWebhookSignature;
import org.junit.jupiter.api.Test;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three vendors' webhook checks refuse what is not the vendor's: a wrong signature, a modified body, a missing
 * header, a stale timestamp (Telnyx), and a signature off by its first or its last byte. Twilio and Plivo compare
 * with {@code MessageDigest.isEqual}, in constant time (read in their code; no timing is measured here); Telnyx's is a
 * public-key verification, which compares no secret.
 */
class WebhookSignaturesTest {

    private static final String TWILIO_TOKEN = "webhook-twilio-token-5151";
    private static final String PLIVO_TOKEN = "webhook-plivo-token-6262";
    private static final String URL = "https://hooks.example.com/status?account=7";

    /** The signature with its first or last decoded byte flipped, re-encoded. */
    private static List<String> offByOneByte(String base64) {
        byte[] first = Base64.getDecoder().decode(base64);
        byte[] last = first.clone();
        first[0] ^= 0x01;
        last[last.length - 1] ^= 0x01;
        return List.of(Base64.getEncoder().encodeToString(first), Base64.getEncoder().encodeToString(last));
    }

    @Test
    void twilioRefusesEverythingButItsOwnSignature() {
        TwilioWebhookSignature twilio = TwilioWebhookSignature.withAuthToken(TWILIO_TOKEN);
        Map<String, List<String>> params = Map.of("MessageSid", List.of("SM1"), "MessageStatus", List.of("delivered"));
        String signature = twilio.sign(URL, params);

        assertThat(twilio.isValid(URL, params, signature)).as("its own").isTrue();
        assertThat(twilio.isValid(URL, params, TwilioWebhookSignature.withAuthToken("another").sign(URL, params)))
                .as("another token's").isFalse();
        assertThat(twilio.isValid(URL, Map.of("MessageSid", List.of("SM1"), "MessageStatus", List.of("failed")),
                signature)).as("a modified body").isFalse();
        assertThat(twilio.isValid(URL + "&x=1", params, signature)).as("a modified URL").isFalse();
        assertThat(twilio.isValid(URL, params, null)).as("no header").isFalse();
        assertThat(twilio.isValid(URL, params, "")).as("an empty header").isFalse();
        offByOneByte(signature).forEach(s -> assertThat(twilio.isValid(URL, params, s)).as("off by a byte").isFalse());

        String body = "{\"status\":\"delivered\"}";
        String jsonUrl = URL + "&bodySHA256=" + TwilioWebhookSignature.bodySha256(body);
        String jsonSignature = twilio.sign(jsonUrl, Map.of());
        assertThat(twilio.isValidJson(jsonUrl, body, jsonSignature)).isTrue();
        assertThat(twilio.isValidJson(jsonUrl, "{\"status\":\"failed\"}", jsonSignature)).as("a modified JSON body")
                .isFalse();
        assertThat(twilio.isValidJson(jsonUrl, body, null)).isFalse();
    }

    @Test
    void plivoRefusesEverythingButItsOwnSignature() {
        Map<String, String> params = Map.of("MessageUUID", "db3ce55a", "Status", "delivered");
        String nonce = "05429567804466091622";
        String signature = PlivoSignature.signV3(PLIVO_TOKEN, "POST", URL, params, nonce);

        assertThat(PlivoSignature.isValidV3(PLIVO_TOKEN, "POST", URL, params, nonce, signature)).isTrue();
        assertThat(PlivoSignature.isValidV3(PLIVO_TOKEN, "POST", URL, params, nonce, "bogus," + signature))
                .as("any of several signatures").isTrue();
        assertThat(PlivoSignature.isValidV3(PLIVO_TOKEN, "POST", URL, params, nonce,
                PlivoSignature.signV3("another", "POST", URL, params, nonce))).as("another token's").isFalse();
        assertThat(PlivoSignature.isValidV3(PLIVO_TOKEN, "POST", URL, Map.of("MessageUUID", "db3ce55a", "Status",
                "failed"), nonce, signature)).as("a modified body").isFalse();
        assertThat(PlivoSignature.isValidV3(PLIVO_TOKEN, "POST", URL, params, "1", signature)).as("another nonce")
                .isFalse();
        assertThat(PlivoSignature.isValidV3(PLIVO_TOKEN, "POST", URL, params, nonce, null)).as("no header").isFalse();
        assertThat(PlivoSignature.isValidV3(PLIVO_TOKEN, "POST", URL, params, null, signature)).as("no nonce header")
                .isFalse();
        offByOneByte(signature).forEach(s -> assertThat(PlivoSignature.isValidV3(PLIVO_TOKEN, "POST", URL, params,
                nonce, s)).as("off by a byte").isFalse());

        String v2 = PlivoSignature.signV2(PLIVO_TOKEN, URL, nonce);
        assertThat(PlivoSignature.isValidV2(PLIVO_TOKEN, URL, nonce, v2)).isTrue();
        assertThat(PlivoSignature.isValidV2(PLIVO_TOKEN, URL, nonce, null)).isFalse();
        offByOneByte(v2).forEach(s -> assertThat(PlivoSignature.isValidV2(PLIVO_TOKEN, URL, nonce, s)).isFalse());
    }

    @Test
    void telnyxRefusesEverythingButAFreshSignatureOfItsKey() throws GeneralSecurityException {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] der = keys.getPublic().getEncoded();
        TelnyxWebhookVerifier telnyx = TelnyxWebhookVerifier.forPublicKey(Base64.getEncoder().encodeToString(
                Arrays.copyOfRange(der, der.length - 32, der.length))).withClock(Clock.fixed(now, ZoneOffset.UTC));
        String body = "{\"data\":{\"event_type\":\"message.finalized\","
                + "\"payload\":{\"to\":[{\"status\":\"delivered\"}]}}}";
        String timestamp = Long.toString(now.minusSeconds(5).getEpochSecond());
        String signature = sign(keys, timestamp, body);

        assertThat(telnyx.isValid(signature, timestamp, body)).isTrue();
        assertThat(telnyx.isValid(sign(other, timestamp, body), timestamp, body)).as("another key's").isFalse();
        assertThat(telnyx.isValid(signature, timestamp, body.replace("delivered", "failed"))).as("a modified body")
                .isFalse();
        assertThat(telnyx.isValid(signature, Long.toString(now.minusSeconds(4).getEpochSecond()), body))
                .as("another timestamp").isFalse();
        String stale = Long.toString(now.minusSeconds(301).getEpochSecond());
        assertThat(telnyx.isValid(sign(keys, stale, body), stale, body)).as("signed, but stale").isFalse();
        String future = Long.toString(now.plusSeconds(301).getEpochSecond());
        assertThat(telnyx.isValid(sign(keys, future, body), future, body)).as("signed, but from the future").isFalse();
        assertThat(telnyx.isValid(null, timestamp, body)).as("no signature header").isFalse();
        assertThat(telnyx.isValid(signature, null, body)).as("no timestamp header").isFalse();
        assertThat(telnyx.isValid(signature, timestamp, (String) null)).as("no body").isFalse();
        offByOneByte(signature).forEach(s -> assertThat(telnyx.isValid(s, timestamp, body)).as("off by a byte")
                .isFalse());
    }

    private static String sign(KeyPair keys, String timestamp, String body) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(keys.getPrivate());
        signature.update((timestamp + "|" + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }
}
