package io.switchboard.adapters.telnyx;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Ed25519 over "timestamp|body", with a key pair generated here and a fixed clock. */
class TelnyxWebhookVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String BODY = "{\"data\":{\"record_type\":\"event\",\"event_type\":\"message.finalized\","
            + "\"id\":\"b301ed3f-1490-491f-995f-6e64e69674d4\",\"payload\":{\"to\":[{\"status\":\"delivered\"}]}},"
            + "\"meta\":{\"attempt\":1,\"delivered_to\":\"https://example.com/webhooks\"}}";

    private final KeyPair pair = generate();
    private final TelnyxWebhookVerifier verifier = TelnyxWebhookVerifier.forPublicKey(rawPublicKey(pair))
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Base64 of the raw 32-byte key, as Telnyx's portal shows it: the tail of the X.509 encoding. */
    private static String rawPublicKey(KeyPair pair) {
        byte[] der = pair.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
    }

    private String sign(KeyPair keys, String timestamp, String body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update((timestamp + "|" + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String seconds(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    @Test
    void acceptsAFreshDeliverySignedWithTheAccountsKey() {
        String timestamp = seconds(NOW.minusSeconds(10));
        String signature = sign(pair, timestamp, BODY);

        assertThat(verifier.isValid(signature, timestamp, BODY)).isTrue();
        assertThat(verifier.isValid(signature, timestamp, BODY.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void refusesATamperedBodyAnotherTimestampOrAnotherKey() {
        String timestamp = seconds(NOW);
        String signature = sign(pair, timestamp, BODY);

        assertThat(verifier.isValid(signature, timestamp, BODY.replace("delivered", "failed"))).isFalse();
        assertThat(verifier.isValid(signature, seconds(NOW.minusSeconds(1)), BODY)).isFalse();
        assertThat(verifier.isValid(sign(generate(), timestamp, BODY), timestamp, BODY)).isFalse();
    }

    @Test
    void refusesTimestampsMoreThan300SecondsAwayEitherWay() {
        for (Instant at : new Instant[] {NOW.minusSeconds(301), NOW.plusSeconds(301)}) {
            String timestamp = seconds(at);
            SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                    () -> verifier.verify(sign(pair, timestamp, BODY), timestamp, BODY.getBytes(StandardCharsets.UTF_8)));
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(e.failure().field()).contains(TelnyxWebhookVerifier.TIMESTAMP_HEADER);
        }
        String edge = seconds(NOW.minusSeconds(300));
        assertThat(verifier.isValid(sign(pair, edge, BODY), edge, BODY)).isTrue();
        assertThat(verifier.withTolerance(Duration.ofSeconds(10)).isValid(sign(pair, edge, BODY), edge, BODY))
                .isFalse();
    }

    @Test
    void namesTheHeaderAtFaultForMalformedInput() {
        String timestamp = seconds(NOW);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(fieldOf(() -> verifier.verify("not base64!", timestamp, body)))
                .isEqualTo(TelnyxWebhookVerifier.SIGNATURE_HEADER);
        assertThat(fieldOf(() -> verifier.verify(Base64.getEncoder().encodeToString(new byte[12]), timestamp, body)))
                .isEqualTo(TelnyxWebhookVerifier.SIGNATURE_HEADER);
        assertThat(fieldOf(() -> verifier.verify(sign(pair, timestamp, BODY), "yesterday", body)))
                .isEqualTo(TelnyxWebhookVerifier.TIMESTAMP_HEADER);
        assertThat(fieldOf(() -> verifier.verify(null, timestamp, body)))
                .isEqualTo(TelnyxWebhookVerifier.SIGNATURE_HEADER);
        assertThat(fieldOf(() -> TelnyxWebhookVerifier.forPublicKey(Base64.getEncoder().encodeToString(new byte[31]))))
                .isEqualTo("publicKey");
        assertThat(fieldOf(() -> TelnyxWebhookVerifier.forPublicKey("%%%"))).isEqualTo("publicKey");
    }

    @Test
    void refusesTimestampsAtTheEdgesOfLongWithoutOverflowing() {
        for (String timestamp : new String[] {Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE), "-1",
                "0", "31556889864403200", "9223372036854775808", "99999999999999999999999", "+" + seconds(NOW),
                "1e9", "0x10", " ", "\u0661\u0662\u0663", seconds(NOW) + ".5", "1772366400\n1"}) {
            String signature = sign(pair, timestamp, BODY);
            assertThat(verifier.isValid(signature, timestamp, BODY)).as("timestamp '%s'", timestamp).isFalse();
            assertThat(fieldOf(() -> verifier.verify(signature, timestamp, BODY.getBytes(StandardCharsets.UTF_8))))
                    .as("timestamp '%s'", timestamp).isEqualTo(TelnyxWebhookVerifier.TIMESTAMP_HEADER);
        }
    }

    @Test
    void aToleranceAsLongAsDurationAllowsDoesNotOverflowEither() {
        TelnyxWebhookVerifier forever = verifier.withTolerance(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
        for (String timestamp : new String[] {"0", Long.toString(Long.MAX_VALUE), seconds(NOW)}) {
            assertThat(forever.isValid(sign(pair, timestamp, BODY), timestamp, BODY)).as(timestamp).isTrue();
        }
        TelnyxWebhookVerifier atTheEnd = forever.withClock(Clock.fixed(Instant.MAX, ZoneOffset.UTC));
        assertThat(atTheEnd.isValid(sign(pair, "0", BODY), "0", BODY)).isTrue();
        TelnyxWebhookVerifier atTheStart = verifier.withClock(Clock.fixed(Instant.MIN, ZoneOffset.UTC));
        String max = Long.toString(Long.MAX_VALUE);
        assertThat(atTheStart.isValid(sign(pair, max, BODY), max, BODY)).as("now minus the timestamp overflows")
                .isFalse();
    }

    @Test
    void theToleranceCountsTheSubSecondPartOfNow() {
        TelnyxWebhookVerifier halfPast = verifier.withClock(Clock.fixed(NOW.plusMillis(500), ZoneOffset.UTC));
        String edge = seconds(NOW.minusSeconds(300));
        assertThat(halfPast.isValid(sign(pair, edge, BODY), edge, BODY)).as("300.5 s ago").isFalse();
        String future = seconds(NOW.plusSeconds(300));
        assertThat(halfPast.isValid(sign(pair, future, BODY), future, BODY)).as("299.5 s ahead").isTrue();
    }

    @Test
    void refusesSignaturesOfTheWrongLengthOrNotBase64() {
        String timestamp = seconds(NOW);
        byte[] good = Base64.getDecoder().decode(sign(pair, timestamp, BODY));
        Base64.Encoder b64 = Base64.getEncoder();
        for (String signature : new String[] {b64.encodeToString(Arrays.copyOf(good, 63)),
                b64.encodeToString(Arrays.copyOf(good, 65)), b64.encodeToString(new byte[0]) + "=",
                b64.encodeToString(good).replace('+', '-').replace('/', '_').replace("=", "") + "!",
                b64.encodeToString(good).substring(1), "\u00e9" + b64.encodeToString(good),
                b64.encodeToString(good) + "," + b64.encodeToString(good)}) {
            assertThat(verifier.isValid(signature, timestamp, BODY)).as(signature).isFalse();
            assertThat(fieldOf(() -> verifier.verify(signature, timestamp, BODY.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(TelnyxWebhookVerifier.SIGNATURE_HEADER);
        }
        byte[] notAPoint = good.clone();
        Arrays.fill(notAPoint, 0, 32, (byte) 0xff);
        byte[] sTooLarge = good.clone();
        sTooLarge[63] = (byte) 0xff;
        for (byte[] bytes : new byte[][] {notAPoint, sTooLarge, new byte[64]}) {
            assertThat(verifier.isValid(b64.encodeToString(bytes), timestamp, BODY)).isFalse();
        }
    }

    @Test
    void neverRepeatsTheSentTextInItsMessage() {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> verifier.verify("c2ln", "12\r\nX-Injected: yes", new byte[0]));
        assertThat(e.getMessage()).doesNotContain("Injected").doesNotContain("\n");
    }

    private static String fieldOf(Runnable call) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, call::run);
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        return e.failure().field().orElseThrow();
    }
}
