package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.SmsSegments.Count;
import io.switchboard.sandbox.SmsSegments.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The segment formulas, checked on generated texts of up to 700 characters. */
class SmsSegmentsProperties {

  @Property
  void gsmSegmentsFollowTheFormula(@ForAll("gsmTexts") String text) {
    int n = text.length();
    int expected = n <= 160 ? 1 : (n + 152) / 153;

    assertThat(SmsSegments.count(text)).isEqualTo(new Count(Encoding.GSM7, n, expected));
  }

  @Property
  void anyUcs2TextFollowsTheFormula(@ForAll("gsmTexts") String text, @ForAll("cyrillic") char c) {
    String mixed = text + c;
    int n = mixed.length();
    int expected = n <= 70 ? 1 : (n + 66) / 67;

    assertThat(SmsSegments.count(mixed)).isEqualTo(new Count(Encoding.UCS2, n, expected));
  }

  @Provide
  Arbitrary<String> gsmTexts() {
    return Arbitraries.strings().withChars(SmsSegmentsTest.GSM_SAMPLE.toCharArray()).ofMaxLength(700);
  }

  @Provide
  Arbitrary<Character> cyrillic() {
    return Arbitraries.chars().range('\u0410', '\u044F');
  }
}
