package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks that a webhook came from Telnyx: an Ed25519 signature ({@value #SIGNATURE_HEADER}, Base64) over the UTF-8
 * bytes of {@code timestamp + "|" + raw body}, made with the key whose public half (32 bytes, Base64) the account's
 * portal shows, and a {@value #TIMESTAMP_HEADER} (Unix seconds) within the tolerance of now, so an old delivery
 * cannot be replayed. Uses the JDK's Ed25519; immutable and thread-safe.
 */
public final class TelnyxWebhookVerifier {

    public static final String SIGNATURE_HEADER = "telnyx-signature-ed25519";
    public static final String TIMESTAMP_HEADER = "telnyx-timestamp";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), followed by the raw 32 bytes. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    private final PublicKey key;
    private final Clock clock;
    private final Duration tolerance;

    private TelnyxWebhookVerifier(PublicKey key, Clock clock, Duration tolerance) {
        this.key = key;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** A verifier for the account's Base64 public key, with the system clock and a 300 s tolerance. */
    public static TelnyxWebhookVerifier forPublicKey(String base64PublicKey) {
        Checks.notBlank(base64PublicKey, "publicKey");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64PublicKey.trim());
        } catch (IllegalArgumentException e) {
            throw SwitchboardException.invalid("publicKey", "must be Base64");
        }
        if (raw.length != KEY_BYTES) {
            throw SwitchboardException.invalid("publicKey", "must be " + KEY_BYTES + " bytes, got " + raw.length);
        }
        byte[] der = new byte[X509_PREFIX.length + KEY_BYTES];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, KEY_BYTES);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return new TelnyxWebhookVerifier(key, Clock.systemUTC(), DEFAULT_TOLERANCE);
        } catch (GeneralSecurityException e) {
            throw SwitchboardException.invalid("publicKey", "is not an Ed25519 public key");
        }
    }

    /** The same verifier reading "now" from {@code clock}. */
    public TelnyxWebhookVerifier withClock(Clock clock) {
        return new TelnyxWebhookVerifier(key, Checks.required(clock, "clock"), tolerance);
    }

    /** The same verifier accepting timestamps at most {@code tolerance} away from now, in either direction. */
    public TelnyxWebhookVerifier withTolerance(Duration tolerance) {
        Checks.required(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw SwitchboardException.invalid("tolerance", "must not be negative, got " + tolerance);
        }
        return new TelnyxWebhookVerifier(key, clock, tolerance);
    }

    /** Whether the delivery is authentic and fresh. */
    public boolean isValid(String signature, String timestamp, byte[] rawBody) {
        try {
            verify(signature, timestamp, rawBody);
            return true;
        } catch (SwitchboardException e) {
            return false;
        }
    }

    /** As {@link #isValid(String, String, byte[])} for a body held as text (its UTF-8 bytes are what was signed). */
    public boolean isValid(String signature, String timestamp, String rawBody) {
        return isValid(signature, timestamp, rawBody == null ? null : rawBody.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Passes for an authentic, fresh delivery; otherwise raises INVALID_REQUEST naming the header at fault (or the
     * body), with the reason. Never raises anything else, whatever the arguments; the message never repeats what was
     * sent, which is the caller's (possibly an attacker's) text.
     */
    public void verify(String signature, String timestamp, byte[] rawBody) {
        Checks.notBlank(signature, SIGNATURE_HEADER);
        Checks.notBlank(timestamp, TIMESTAMP_HEADER);
        Checks.required(rawBody, "body");
        String seconds = timestamp.trim();
        long sent = unixSeconds(seconds);
        if (sent < 0) {
            throw SwitchboardException.invalid(TIMESTAMP_HEADER, "must be Unix seconds (ASCII digits, at most "
                    + Long.MAX_VALUE + ")");
        }
        if (!fresh(sent)) {
            throw SwitchboardException.invalid(TIMESTAMP_HEADER, "is more than the " + tolerance.toSeconds()
                    + " s tolerated away from now");
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw SwitchboardException.invalid(SIGNATURE_HEADER, "must be Base64");
        }
        if (signatureBytes.length != SIGNATURE_BYTES) {
            throw SwitchboardException.invalid(SIGNATURE_HEADER, "must be " + SIGNATURE_BYTES + " bytes, got "
                    + signatureBytes.length);
        }
        if (!ed25519(signatureBytes, (seconds + "|").getBytes(StandardCharsets.US_ASCII), rawBody)) {
            throw SwitchboardException.invalid(SIGNATURE_HEADER, "does not match the timestamp and body for this"
                    + " account's public key");
        }
    }

    /**
     * The seconds, or -1 if {@code s} is not plain decimal digits that fit in a long. Telnyx writes plain digits;
     * {@link Long#parseLong} alone would also take a sign and non-ASCII digits, which could never carry a valid
     * signature but are refused here so that what is checked is what Telnyx writes.
     */
    private static long unixSeconds(String s) {
        if (s.isEmpty() || s.length() > 19) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1; // 19 digits above Long.MAX_VALUE
        }
    }

    /**
     * Whether {@code sentSeconds} is within the tolerance of now, either way. Computed on the seconds and nanos of
     * now, never through {@link Instant#ofEpochSecond} (which throws past year 1,000,000,000) nor {@link Duration#abs}
     * (which overflows at the extremes): now minus the timestamp, if it fits in a long, against +/- tolerance.
     */
    private boolean fresh(long sentSeconds) {
        Instant now = clock.instant();
        long seconds;
        try {
            seconds = Math.subtractExact(now.getEpochSecond(), sentSeconds);
        } catch (ArithmeticException e) {
            return false;
        }
        Duration skew = Duration.ofSeconds(seconds, now.getNano());
        return skew.compareTo(tolerance) <= 0 && skew.compareTo(tolerance.negated()) >= 0;
    }

    private boolean ed25519(byte[] signature, byte[] prefix, byte[] body) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(prefix);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // The JDK reports some malformed signatures (an R that is no curve point, an S past the group order)
            // as SignatureException rather than false: either way, not Telnyx's.
            return false;
        }
    }
}
