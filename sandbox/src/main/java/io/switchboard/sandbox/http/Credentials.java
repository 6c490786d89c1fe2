package io.switchboard.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request presented in its Authorization header: HTTP Basic user and password, or a Bearer token. Parsing
 * never fails loudly (the vendor emulator decides the error body), comparisons take constant time, and
 * {@link #toString()} never shows the secret.
 */
public record Credentials(String user, String secret) {

  /** HTTP Basic {@code user:password} from the Authorization header; empty if absent or malformed. */
  public static Optional<Credentials> basic(Request request) {
    String value = scheme(request.header("Authorization"), "basic");
    if (value == null) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** A Bearer token from the Authorization header (user is empty); empty if absent or blank. */
  public static Optional<Credentials> bearer(Request request) {
    String value = scheme(request.header("Authorization"), "bearer");
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new Credentials("", value));
  }

  /** True if both user and secret equal the expected ones; takes the same time wherever they differ. */
  public boolean matches(String expectedUser, String expectedSecret) {
    boolean userOk = constantTimeEquals(user, expectedUser);
    boolean secretOk = constantTimeEquals(secret, expectedSecret);
    return userOk & secretOk;
  }

  /** Compares SHA-256 digests with {@link MessageDigest#isEqual}, so neither content nor length leaks by timing. */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(a), sha256(b));
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + ", secret=***]";
  }

  private static String scheme(String header, String expected) {
    if (header == null) {
      return null;
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals(expected)) {
      return null;
    }
    return trimmed.substring(space + 1).trim();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
