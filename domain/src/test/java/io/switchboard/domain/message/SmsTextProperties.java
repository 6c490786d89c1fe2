package io.switchboard.domain.message;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextProperties {

    /** Texts mixing GSM basic, GSM extension, BMP non-GSM and astral characters, weighted toward the boundaries. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> gsm = Arbitraries.strings().withChars("abcXYZ019 @£$!?\nÄöñ").ofLength(1);
        Arbitrary<String> extension = Arbitraries.of("{", "}", "€", "[", "]", "~", "\\", "^", "|", "\f");
        Arbitrary<String> bmp = Arbitraries.of("Ж", "中", "ç", "ő", "’");
        Arbitrary<String> astral = Arbitraries.of("\uD83D\uDE00", "\uD83C\uDF89", "\uD834\uDD1E");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, gsm), net.jqwik.api.Tuple.of(3, extension),
                net.jqwik.api.Tuple.of(2, bmp), net.jqwik.api.Tuple.of(1, astral));
        return piece.list().ofMaxSize(400).map(list -> String.join("", list));
    }

    @Property(tries = 500)
    void rejoiningThePartsGivesTheTextBack(@ForAll("texts") String text) {
        assertThat(String.join("", SmsText.of(text).parts())).isEqualTo(text);
    }

    @Property(tries = 500)
    void segmentCountIsMonotonicInLength(@ForAll("texts") String text, @ForAll("texts") String more) {
        assertThat(SmsText.of(text + more).segmentCount()).isGreaterThanOrEqualTo(SmsText.of(text).segmentCount());
    }

    @Property(tries = 500)
    void partsRespectTheirCapacityAndNeverSplitAPair(@ForAll("texts") String text) {
        SmsText sms = SmsText.of(text);
        assertThat(sms.parts()).hasSize(sms.segmentCount());
        if (sms.segmentCount() == 1) {
            return;
        }
        int capacity = sms.encoding() == SmsEncoding.GSM7 ? SmsText.GSM7_PART : SmsText.UCS2_PART;
        for (String part : sms.parts()) {
            assertThat(part).isNotEmpty();
            assertThat(Character.isLowSurrogate(part.charAt(0))).as("part starts inside a surrogate pair").isFalse();
            int units = sms.encoding() == SmsEncoding.GSM7 ? SmsText.of(part).units() : part.length();
            assertThat(units).isLessThanOrEqualTo(capacity);
        }
    }

    @Property(tries = 300)
    void encodingIsUcs2ExactlyWhenSomeCharacterForcedIt(@ForAll("texts") String text) {
        SmsText sms = SmsText.of(text);
        assertThat(sms.encoding() == SmsEncoding.UCS2).isEqualTo(!sms.ucs2Forcers().isEmpty());
        if (sms.encoding() == SmsEncoding.UCS2) {
            assertThat(sms.units()).isEqualTo(text.length());
        }
    }
}
