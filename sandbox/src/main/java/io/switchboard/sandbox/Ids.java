package io.switchboard.sandbox;

import java.util.Random;

/**
 * Vendor-looking resource ids from one pseudo-random generator started from a given value, so a test that fixes that
 * value gets the same ids on every run. Thread-safe; with several threads the order in which ids are handed out
 * decides who gets which.
 */
public final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Random random;

  public Ids(long start) {
    this.random = new Random(start);
  }

  /** {@code prefix} followed by 32 lower-case hex digits, as Twilio's {@code SM…}, {@code CA…}, {@code PN…}. */
  public String prefixedHex(String prefix) {
    return prefix + hex(32);
  }

  /** {@code n} lower-case hex digits. */
  public synchronized String hex(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(HEX[random.nextInt(16)]);
    }
    return sb.toString();
  }

  /** {@code n} decimal digits, the first not zero (Telnyx's numeric ids). */
  public synchronized String digits(int n) {
    StringBuilder sb = new StringBuilder(n).append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < n; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  /** A random (version 4, variant 1) UUID in its canonical lower-case form. */
  public String uuid() {
    String h = hex(32);
    char variant = HEX[8 + Character.digit(h.charAt(16), 16) % 4];
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
        + h.substring(17, 20) + "-" + h.substring(20);
  }
}
