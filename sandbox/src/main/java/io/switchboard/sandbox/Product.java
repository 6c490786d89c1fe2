package io.switchboard.sandbox;

import java.util.Locale;

/** What a rate prices and what a number can do: text messages, multimedia messages, voice calls. */
public enum Product {
  SMS, MMS, VOICE;

  /** Parses {@code sms}, {@code mms} or {@code voice}, any case. */
  public static Product parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'product' must be one of sms, mms, voice, got '" + text + "'", e);
    }
  }
}
