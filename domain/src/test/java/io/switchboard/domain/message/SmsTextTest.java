package io.switchboard.domain.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Hand-checked boundary cases; the counts in each row were worked out by hand from the 160/153 and 70/67 rules. */
class SmsTextTest {

    private static final String CYRILLIC = "Ж";
    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, outside the BMP: two UTF-16 code units

    static Stream<Arguments> boundaries() {
        return Stream.of(
                // text, encoding, units, segments
                arguments("empty", "", SmsEncoding.GSM7, 0, 1),
                arguments("160 GSM fits one", "a".repeat(160), SmsEncoding.GSM7, 160, 1),
                arguments("161 GSM needs two", "a".repeat(161), SmsEncoding.GSM7, 161, 2),
                arguments("153x2 GSM fills two", "a".repeat(306), SmsEncoding.GSM7, 306, 2),
                arguments("153x2+1 GSM needs three", "a".repeat(307), SmsEncoding.GSM7, 307, 3),
                arguments("80 extension chars are 160 septets", "{".repeat(80), SmsEncoding.GSM7, 160, 1),
                arguments("159 + euro is 161 septets", "a".repeat(159) + "€", SmsEncoding.GSM7, 161, 2),
                arguments("every extension char counts two", "\f^{}\\[~]|€", SmsEncoding.GSM7, 20, 1),
                arguments("GSM basic accents stay GSM", "èéùìòÇØøÅåÄÖÑÜäöñüàß", SmsEncoding.GSM7, 20, 1),
                arguments("70 UCS-2 fits one", CYRILLIC.repeat(70), SmsEncoding.UCS2, 70, 1),
                arguments("71 UCS-2 needs two", CYRILLIC.repeat(71), SmsEncoding.UCS2, 71, 2),
                arguments("67x2 UCS-2 fills two", CYRILLIC.repeat(134), SmsEncoding.UCS2, 134, 2),
                arguments("67x2+1 UCS-2 needs three", CYRILLIC.repeat(135), SmsEncoding.UCS2, 135, 3),
                arguments("one emoji is two units", EMOJI, SmsEncoding.UCS2, 2, 1),
                arguments("35 emoji are 70 units", EMOJI.repeat(35), SmsEncoding.UCS2, 70, 1),
                arguments("36 emoji: 33 per part", EMOJI.repeat(36), SmsEncoding.UCS2, 72, 2),
                arguments("one UCS-2 char turns GSM text into UCS-2", "a".repeat(69) + CYRILLIC, SmsEncoding.UCS2, 70, 1),
                arguments("extension chars cost one unit in UCS-2", "{".repeat(70) + CYRILLIC, SmsEncoding.UCS2, 71, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void countsUnitsAndSegments(String name, String text, SmsEncoding encoding, int units, int segments) {
        SmsText sms = SmsText.of(text);

        assertThat(sms.encoding()).isEqualTo(encoding);
        assertThat(sms.units()).isEqualTo(units);
        assertThat(sms.segmentCount()).isEqualTo(segments);
        assertThat(sms.parts()).hasSize(segments);
        assertThat(String.join("", sms.parts())).isEqualTo(text);
    }

    @Test
    void anExtensionCharacterAtAPartBoundaryMovesWholeToTheNextPart() {
        // 152 septets, then '{' (ESC + '{'): 154 would overflow the 153-septet part, so the pair starts part two.
        String text = "a".repeat(152) + "{" + "b".repeat(10);
        SmsText sms = SmsText.of(text);

        assertThat(sms.units()).isEqualTo(164);
        assertThat(sms.parts()).containsExactly("a".repeat(152), "{" + "b".repeat(10));
    }

    @Test
    void anExtensionCharacterThatExactlyFillsAPartStaysInIt() {
        String text = "a".repeat(151) + "{" + "b".repeat(10);

        assertThat(SmsText.of(text).parts()).containsExactly("a".repeat(151) + "{", "b".repeat(10));
    }

    @Test
    void anEmojiAtAPartBoundaryIsNeverSplit() {
        // 66 units, then a surrogate pair: 68 would overflow the 67-unit part, so the emoji starts part two.
        String text = CYRILLIC.repeat(66) + EMOJI + CYRILLIC.repeat(5);
        SmsText sms = SmsText.of(text);

        assertThat(sms.units()).isEqualTo(73);
        assertThat(sms.parts()).containsExactly(CYRILLIC.repeat(66), EMOJI + CYRILLIC.repeat(5));
    }

    @Test
    void reportsTheCharactersThatForcedUcs2OnceEachInOrder() {
        SmsText sms = SmsText.of("Hi Ж, see 😀 and Ж again {ok}");

        assertThat(sms.ucs2Forcers()).containsExactly("Ж", EMOJI);
        assertThat(SmsText.of("plain {GSM} text €5").ucs2Forcers()).isEmpty();
    }

    @Test
    void describesItselfWithoutTheText() {
        assertThat(SmsText.of("secret code 1234")).hasToString("SmsText[GSM-7, 16 units, 1 segment(s)]");
    }
}
