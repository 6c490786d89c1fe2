package io.switchboard.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ErrorTextTest {

    @Test
    void quotesAPlainValueAsItIs() {
        assertThat(ErrorText.quote("4155552671")).isEqualTo("'4155552671'");
        assertThat(ErrorText.quote("Привет 😀")).isEqualTo("'Привет 😀'");
        assertThat(ErrorText.quote((String) null)).isEqualTo("null");
    }

    @Test
    void escapesTerminalEscapesAndLineBreaks() {
        assertThat(ErrorText.quote("\u001b[31mred\u001b[0m")).isEqualTo("'\\e[31mred\\e[0m'");
        assertThat(ErrorText.quote("a\nb\r\nc\td")).isEqualTo("'a\\nb\\r\\nc\\td'");
        assertThat(ErrorText.quote("bell\u0007 del\u007f csi\u009b nul\u0000"))
                .isEqualTo("'bell\\u0007 del\\u007F csi\\u009B nul\\u0000'");
        assertThat(ErrorText.quote("ls\u2028ps\u2029 rlo\u202e")).isEqualTo("'ls\\u2028ps\\u2029 rlo\\u202E'");
    }

    @Test
    void escapesLoneSurrogatesButKeepsPairs() {
        assertThat(ErrorText.quote("\uD800x\uDC00")).isEqualTo("'\\uD800x\\uDC00'");
        assertThat(ErrorText.quote("\uD83D\uDE00")).isEqualTo("'\uD83D\uDE00'");
    }

    @Test
    void cutsALongValueAndSaysHowLongItWas() {
        String quoted = ErrorText.quote("7".repeat(10_000));

        assertThat(quoted).isEqualTo("'" + "7".repeat(ErrorText.MAX_SHOWN) + "'...(10000 chars)");
        assertThat(ErrorText.quote("x".repeat(64))).isEqualTo("'" + "x".repeat(64) + "'");
    }

    @Test
    void neverCutsASurrogatePairInTwo() {
        String value = "a".repeat(63) + "\uD83D\uDE00" + "b".repeat(10);

        assertThat(ErrorText.quote(value)).isEqualTo("'" + "a".repeat(63) + "'...(75 chars)");
    }

    @Test
    void oneLineEscapesWithoutCutting() {
        String long1 = "y".repeat(500);

        assertThat(ErrorText.oneLine("first\nsecond " + long1)).isEqualTo("first\\nsecond " + long1);
    }

    @Test
    void domainErrorsQuoteTheValueOnOneLine() {
        SwitchboardException number = catchThrowableOfType(
                () -> PhoneNumber.parse("+1\u001b[31m\n", "to"), SwitchboardException.class);
        SwitchboardException account = catchThrowableOfType(
                () -> AccountId.parse("twilio:" + "w".repeat(10_000)), SwitchboardException.class);
        SwitchboardException sender = catchThrowableOfType(() -> SenderId.of("AB\nCD"), SwitchboardException.class);
        SwitchboardException vendor = catchThrowableOfType(() -> Vendor.of("x\u0007y"), SwitchboardException.class);

        assertThat(number.getMessage()).contains("'+1\\e[31m\\n'").doesNotContain("\n", "\u001b");
        assertThat(account.getMessage()).contains("...(10000 chars)").hasSizeLessThan(300);
        assertThat(sender.getMessage()).contains("'\\n' at 2 in 'AB\\nCD'").doesNotContain("\n");
        assertThat(vendor.getMessage()).contains("'x\\u0007y'");
    }

    @Test
    void requoteEscapesAndCutsTheValuesARawMessageQuotes() {
        String raw = "Unmatched arguments: '" + "9".repeat(100) + "', 'a\u001b[2Jb' and a lone ' quote\n";

        assertThat(ErrorText.requote(raw)).isEqualTo("Unmatched arguments: '" + "9".repeat(64)
                + "'...(100 chars), 'a\\e[2Jb' and a lone ' quote\\n");
        assertThat(ErrorText.requote(ErrorText.quote("x".repeat(100)))).as("idempotent")
                .isEqualTo(ErrorText.quote("x".repeat(100)));
    }
}
