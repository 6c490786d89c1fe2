package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.SmsSegments.Count;
import io.switchboard.sandbox.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {
  static final String GSM_SAMPLE = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà\n\r";

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
}
