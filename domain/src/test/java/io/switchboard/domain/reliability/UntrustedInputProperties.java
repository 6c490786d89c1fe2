package io.switchboard.domain.reliability;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.message.SmsText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Whatever text a caller, a configuration file or a vendor hands the domain's parsers, the only exception that may
 * come out is a {@link SwitchboardException} of kind INVALID_REQUEST naming the field: never a NullPointerException,
 * a NumberFormatException, an exception of libphonenumber, an index out of bounds.
 */
class UntrustedInputProperties {

    /** Anything: digits, plus signs, separators, letters of several scripts, controls, surrogates, long runs. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("+0123456789 ()-./#*xX").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
                Arbitraries.of("+", "++1", "+0", "+999", "+1", "+44 7700 900123", "tel:+14155552671", "00447700900123",
                        "whatsapp:+14155552671", "\uD83D\uDE00", "\uD800", "\uDC00", "٠١٢٣٤٥٦٧٨٩", "１２３", "ext. 5",
                        "+1 (415) 555-2671 ext 99", "", " ", "\t", "null", "NaN", "-1", "1e9"),
                Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(2000).map(s -> "+" + s));
        return pieces.list().ofMaxSize(4).map(list -> String.join("", list)).injectNull(0.02);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.oneOf(Arbitraries.of("US", "GB", "DE", "ZZ", "001", "", "us", "U", "USA", "\u0000"),
                Arbitraries.strings().all().ofMaxLength(4)).injectNull(0.05);
    }

    private static void onlyTypedFailures(Executable parse) {
        Throwable thrown = catchThrowable(parse::execute);
        if (thrown != null) {
            assertThat(thrown).as("only a SwitchboardException may come out").isExactlyInstanceOf(
                    SwitchboardException.class);
            SwitchboardException e = (SwitchboardException) thrown;
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(e.getMessage()).isNotBlank();
            assertOneLine(e.getMessage());
        }
    }

    /** One line a terminal prints as is: no line break, no control character, no escape, a bounded length. */
    static void assertOneLine(String message) {
        assertThat(message.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029))
                .as("control characters in %s", message).isEmpty();
        assertThat(message.length()).as("a message quotes at most %s characters of a value", ErrorText.MAX_SHOWN)
                .isLessThan(1_000);
    }

    /** Amounts as decks, configuration files and vendors write them, and as they should never be written. */
    @Provide
    Arbitrary<String> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.-+").ofMaxLength(30),
                Arbitraries.bigDecimals().map(java.math.BigDecimal::toPlainString),
                Arbitraries.bigDecimals().map(java.math.BigDecimal::toString),
                Arbitraries.integers().map(n -> "1e" + n),
                Arbitraries.of("1e400", "1e999999999", "1E-999999999", "-0", "+0.5", ".5", "5.", "0x10", "1_000",
                        "1,5", "١٢٫٥", "٠.٠١", "１.５", "\u0661", "Infinity", "NaN", "0.0075\n", "\u001b[31m1"),
                Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(40)
                        .map(s -> s.substring(0, s.length() / 2) + "." + s.substring(s.length() / 2)),
                hostile()).injectNull(0.02);
    }

    @Property(tries = 2000)
    void amountsArePlainBoundedDecimalsOrOneLineErrors(@ForAll("amounts") String text) {
        onlyTypedFailures(() -> {
            java.math.BigDecimal amount = Money.parseAmount(text, "rate");
            assertThat(amount.precision() - amount.scale()).isLessThanOrEqualTo(Money.MAX_INTEGER_DIGITS);
            assertThat(amount.scale()).isBetween(0, Money.MAX_FRACTION_DIGITS);
            Money money = new Money(amount, java.util.Currency.getInstance("USD"));
            assertThat(money.toString()).hasSizeLessThan(40);
            assertThat(Money.of(money.plainAmount(), "USD")).as("prints and parses back").isEqualTo(money);
        });
    }

    @Property(tries = 2000)
    void quotedValuesAreOneBoundedLine(@ForAll("texts") String text) {
        String quoted = ErrorText.quote(text);
        assertOneLine(quoted);
        assertThat(quoted.length()).isLessThanOrEqualTo(2 + ErrorText.MAX_SHOWN * 6 + "...(2147483647 chars)".length());
        if (text != null && text.length() <= ErrorText.MAX_SHOWN && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            assertThat(quoted).as("printable ASCII is shown as is").isEqualTo("'" + text + "'");
        }
    }

    @Property(tries = 2000)
    void strictPhoneNumbersFailTyped(@ForAll("hostile") String text) {
        onlyTypedFailures(() -> {
            PhoneNumber number = PhoneNumber.parse(text);
            assertThat(number.e164()).startsWith("+").hasSizeLessThanOrEqualTo(16);
            assertThat(PhoneNumber.parse(number.e164())).as("what parses prints and parses back").isEqualTo(number);
            number.regionCode();
        });
    }

    @Property(tries = 2000)
    void lenientPhoneNumbersFailTyped(@ForAll("hostile") String text, @ForAll("regions") String region) {
        onlyTypedFailures(() -> {
            PhoneNumber number = PhoneNumber.parseLenient(text, region);
            assertThat(PhoneNumber.parse(number.e164())).isEqualTo(number);
        });
    }

    @Property(tries = 1000)
    void senderIdsFailTyped(@ForAll("hostile") String text) {
        onlyTypedFailures(() -> {
            SenderId id = SenderId.of(text);
            assertThat(id.value().length()).isBetween(1, SenderId.MAX_LENGTH);
        });
    }

    @Property(tries = 500)
    void poolsAccountsAndMoneyFailTyped(@ForAll("hostile") String text) {
        onlyTypedFailures(() -> new SenderPool(text));
        onlyTypedFailures(() -> AccountId.parse(text));
        onlyTypedFailures(() -> Money.of(text, "USD"));
        onlyTypedFailures(() -> Money.of("1.00", text));
    }

    /** Any string at all, including lone surrogates and very long ones, has an encoding and consistent parts. */
    @Property(tries = 1000)
    void smsTextNeverFailsOnContentAndItsPartsAddUp(@ForAll("texts") String text) {
        onlyTypedFailures(() -> {
            SmsText sms = SmsText.of(text);
            assertThat(sms.segmentCount()).isPositive().isEqualTo(sms.parts().size());
            assertThat(String.join("", sms.parts())).isEqualTo(text);
            int single = sms.encoding() == SmsEncoding.GSM7 ? SmsText.GSM7_SINGLE : SmsText.UCS2_SINGLE;
            assertThat(sms.segmentCount() == 1).isEqualTo(sms.units() <= single);
        });
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(500),
                Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMaxLength(20),
                Arbitraries.strings().withChars("{}[]~\\^|€\f").ofMinLength(150).ofMaxLength(170),
                Arbitraries.strings().ascii().ofMinLength(2_000).ofMaxLength(8_000)).injectNull(0.01);
    }
}
