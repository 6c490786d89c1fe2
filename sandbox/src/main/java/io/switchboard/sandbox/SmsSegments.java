package io.switchboard.sandbox;

import java.util.Objects;

/**
 * Counts the SMS segments a vendor bills for a text, written apart from the domain's counter on purpose (the
 * sandbox is an independent oracle). GSM-7 when every character is in the GSM 03.38 basic table or its extension
 * (extension characters take two septets): 160 septets in one segment, 153 per segment beyond. Otherwise UCS-2,
 * counted in UTF-16 code units: 70 in one segment, 67 per segment beyond. An empty text is one segment.
 */
public final class SmsSegments {
  private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

  private SmsSegments() {}

  /** The alphabet a text is sent in. */
  public enum Encoding {
    GSM7(160, 153),
    UCS2(70, 67);

    private final int single;
    private final int perPart;

    Encoding(int single, int perPart) {
      this.single = single;
      this.perPart = perPart;
    }

    /** Units (septets or UTF-16 code units) that fit in a message of one segment. */
    public int single() {
      return single;
    }

    /** Units per segment of a concatenated message (the rest of 140 bytes carries the concatenation header). */
    public int perPart() {
      return perPart;
    }
  }

  /** The encoding, the units it takes (septets or UTF-16 code units) and the segments billed. */
  public record Count(Encoding encoding, int units, int segments) {}

  public static Count count(String text) {
    Objects.requireNonNull(text, "text");
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) >= 0) {
        septets += 1;
      } else if (GSM_EXTENSION.indexOf(c) >= 0) {
        septets += 2;
      } else {
        return count(Encoding.UCS2, text.length());
      }
    }
    return count(Encoding.GSM7, septets);
  }

  /** Shorthand for {@code count(text).segments()}. */
  public static int segments(String text) {
    return count(text).segments();
  }

  private static Count count(Encoding encoding, int units) {
    int segments = units <= encoding.single ? 1 : (units + encoding.perPart - 1) / encoding.perPart;
    return new Count(encoding, units, segments);
  }
}
