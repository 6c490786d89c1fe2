package io.switchboard.adapters.telnyx;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Whatever arrives in the two headers and the body, the verifier answers; only what the key signed, fresh, passes. */
class TelnyxWebhookVerifierProperties {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final KeyPair PAIR = generate();
    private static final TelnyxWebhookVerifier VERIFIER = TelnyxWebhookVerifier.forPublicKey(rawPublicKey(PAIR))
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Property(tries = 2000)
    void anyInputIsAnAnswerNeverAnException(@ForAll("headers") String signature, @ForAll("timestamps") String timestamp,
            @ForAll("bodies") byte[] body) {
        boolean valid = VERIFIER.isValid(signature, timestamp, body);
        VERIFIER.isValid(signature, timestamp, body == null ? null : new String(body, StandardCharsets.UTF_8));
        Throwable thrown = catchThrowable(() -> VERIFIER.verify(signature, timestamp, body));
        if (valid) {
            assertThat(thrown).as("verify agrees with isValid").isNull();
            return;
        }
        assertThat(thrown).isInstanceOf(SwitchboardException.class);
        assertThat(((SwitchboardException) thrown).kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(thrown.getMessage()).doesNotContain("\n");
    }

    @Property(tries = 300)
    void aFreshSignatureOfTheKeyPassesAndAnyChangeToItFails(@ForAll("bodies") byte[] body,
            @ForAll("skews") long skew, @ForAll("flips") int flip) {
        if (body == null) {
            return;
        }
        String timestamp = Long.toString(NOW.getEpochSecond() + skew);
        byte[] signature = sign(timestamp, body);
        boolean fresh = Math.abs(skew) <= 300;
        assertThat(VERIFIER.isValid(Base64.getEncoder().encodeToString(signature), timestamp, body)).isEqualTo(fresh);

        byte[] flipped = signature.clone();
        flipped[Math.floorMod(flip, 64)] ^= (byte) (1 << Math.floorMod(flip >> 8, 8));
        assertThat(VERIFIER.isValid(Base64.getEncoder().encodeToString(flipped), timestamp, body)).isFalse();
        if (body.length > 0) {
            byte[] changed = body.clone();
            changed[Math.floorMod(flip, body.length)] ^= 1;
            assertThat(VERIFIER.isValid(Base64.getEncoder().encodeToString(signature), timestamp, changed)).isFalse();
        }
        String other = Long.toString(NOW.getEpochSecond() + skew + 1);
        assertThat(VERIFIER.isValid(Base64.getEncoder().encodeToString(signature), other, body)).isFalse();
    }

    @Provide
    Arbitrary<String> headers() {
        byte[] good = sign(Long.toString(NOW.getEpochSecond()), new byte[0]);
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_, ")
                        .ofMaxLength(120),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(100).map(Base64.getEncoder()::encodeToString),
                Arbitraries.bytes().array(byte[].class).ofSize(64).map(Base64.getEncoder()::encodeToString),
                Arbitraries.just(Base64.getEncoder().encodeToString(good)),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> timestamps() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.longs().between(NOW.getEpochSecond() - 400, NOW.getEpochSecond() + 400)
                        .map(l -> Long.toString(l)),
                Arbitraries.strings().numeric().ofMinLength(18).ofMaxLength(25),
                Arbitraries.of(Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE), "", " ", "-0", "+1"),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(1500),
                Arbitraries.strings().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Long> skews() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-600, 600), Arbitraries.of(-301L, -300L, 300L, 301L));
    }

    @Provide
    Arbitrary<Integer> flips() {
        return Arbitraries.integers();
    }

    private static byte[] sign(String timestamp, byte[] body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(PAIR.getPrivate());
            signature.update((timestamp + "|").getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rawPublicKey(KeyPair pair) {
        byte[] der = pair.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
    }
}
