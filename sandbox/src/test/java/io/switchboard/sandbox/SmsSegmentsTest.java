package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.SmsSegments.Count;
import io.switchboard.sandbox.SmsSegments.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {
  private static final String GSM_SAMPLE = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà\n\r";

  @Test
  void gsmFitsOneSegmentUpTo160Septets() {
    assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new Count(Encoding.GSM7, 160, 1));
    assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(new Count(Encoding.GSM7, 161, 2));
  }

  @Test
  void gsmConcatenatedSegmentsHold153Septets() {
    assertThat(SmsSegments.segments("a".repeat(306))).isEqualTo(2);
    assertThat(SmsSegments.segments("a".repeat(307))).isEqualTo(3);
    assertThat(SmsSegments.segments("a".repeat(459))).isEqualTo(3);
    assertThat(SmsSegments.segments("a".repeat(460))).isEqualTo(4);
  }

  @Test
  void extensionCharactersCountAsTwoSeptets() {
    assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(new Count(Encoding.GSM7, 160, 1));
    assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(new Count(Encoding.GSM7, 162, 2));
    assertThat(SmsSegments.count("a".repeat(159) + "^")).isEqualTo(new Count(Encoding.GSM7, 161, 2));
    assertThat(SmsSegments.count("{}[]~|\\\f").units()).isEqualTo(16);
  }

  @Test
  void ucs2FitsOneSegmentUpTo70CodeUnits() {
    assertThat(SmsSegments.count("ж".repeat(70))).isEqualTo(new Count(Encoding.UCS2, 70, 1));
    assertThat(SmsSegments.count("ж".repeat(71))).isEqualTo(new Count(Encoding.UCS2, 71, 2));
    assertThat(SmsSegments.segments("ж".repeat(134))).isEqualTo(2);
    assertThat(SmsSegments.segments("ж".repeat(135))).isEqualTo(3);
  }

  @Test
  void oneNonGsmCharacterTurnsTheWholeTextUcs2() {
    Count count = SmsSegments.count("a".repeat(100) + "ç");

    assertThat(count).isEqualTo(new Count(Encoding.UCS2, 101, 2));
    assertThat(SmsSegments.count("`").encoding()).as("backtick is not in GSM 03.38").isEqualTo(Encoding.UCS2);
  }

  @Test
  void charactersOutsideTheBmpCountTwoCodeUnits() {
    assertThat(SmsSegments.count("\uD83D\uDE00".repeat(35))).isEqualTo(new Count(Encoding.UCS2, 70, 1));
    assertThat(SmsSegments.count("\uD83D\uDE00".repeat(36))).isEqualTo(new Count(Encoding.UCS2, 72, 2));
  }

  @Test
  void theWholeBasicTableIsGsm() {
    assertThat(SmsSegments.count(GSM_SAMPLE).encoding()).isEqualTo(Encoding.GSM7);
    assertThat(SmsSegments.count(GSM_SAMPLE).units()).isEqualTo(GSM_SAMPLE.length());
  }

  @Test
  void emptyTextIsOneSegment() {
    assertThat(SmsSegments.count("")).isEqualTo(new Count(Encoding.GSM7, 0, 1));
  }

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
    return Arbitraries.strings().withChars(GSM_SAMPLE.toCharArray()).ofMaxLength(700);
  }

  @Provide
  Arbitrary<Character> cyrillic() {
    return Arbitraries.chars().range('\u0410', '\u044F');
  }
}
