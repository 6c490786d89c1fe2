package io.switchboard.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void arithmeticIsExact() {
        Money rate = Money.of("0.0075", "USD");

        assertThat(rate.times(3)).isEqualTo(Money.of("0.0225", "USD"));
        assertThat(rate.plus(Money.of("0.0025", "usd"))).isEqualTo(Money.of("0.01", "USD"));
        assertThat(Money.of("0.1", "USD").plus(Money.of("0.2", "USD"))).isEqualTo(Money.of("0.3", "USD"));
    }

    @Test
    void multipliesByWholeUnitsExactly() {
        Money rate = Money.of("0.0050", "USD");

        assertThat(rate.times(1)).isEqualTo(Money.of("0.005", "USD"));
        assertThat(rate.times(2)).isEqualTo(Money.of("0.01", "USD"));
        assertThat(rate.times(1)).isSameAs(rate);
        assertThat(rate.times(3).plainAmount()).isEqualTo("0.015");
        assertThat(rate.times(0)).isEqualTo(Money.zero(java.util.Currency.getInstance("USD")));
    }

    @Test
    void equalityIgnoresTrailingZeros() {
        assertThat(Money.of("0.00750", "USD")).isEqualTo(Money.of("0.0075", "USD"));
        assertThat(Money.of("0.000", "EUR")).isEqualTo(Money.zero(java.util.Currency.getInstance("EUR")))
                .hasSameHashCodeAs(Money.zero(java.util.Currency.getInstance("EUR")));
        assertThat(Money.of("0.00750", "USD")).hasSameHashCodeAs(Money.of("0.0075", "USD")).hasToString("0.0075 USD");
        assertThat(Money.of("12.000", "USD").plainAmount()).isEqualTo("12");
        assertThat(Money.of("0.00750", "USD").plainAmount()).isEqualTo("0.0075");
        assertThat(Money.of("0.0075", "USD")).isNotEqualTo(Money.of("0.0075", "EUR"));
    }

    @Test
    void refusesToAddOrCompareDifferentCurrencies() {
        Money usd = Money.of("1", "USD");
        Money eur = Money.of("1", "EUR");

        assertThatThrownBy(() -> usd.plus(eur)).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("cannot add 1 USD and 1 EUR");
        assertThatThrownBy(() -> usd.compareTo(eur)).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("exchange-rate");
    }

    @Test
    void comparesWithinOneCurrency() {
        assertThat(Money.of("0.05", "USD").isGreaterThan(Money.of("0.049", "USD"))).isTrue();
        assertThat(Money.of("-0.0075", "USD").abs()).isEqualTo(Money.of("0.0075", "USD"));
    }

    @Test
    void rejectsBadInputNamingIt() {
        assertThatThrownBy(() -> Money.of("0,75", "USD")).hasMessageContaining("'amount'").hasMessageContaining("0,75");
        assertThatThrownBy(() -> Money.of("1", "XYZ1")).hasMessageContaining("'currency'").hasMessageContaining("XYZ1");
        assertThatThrownBy(() -> new Money(null, java.util.Currency.getInstance("USD")))
                .isInstanceOf(SwitchboardException.class).hasMessageContaining("'amount' is required");
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "USD").times(null))
                .isInstanceOf(SwitchboardException.class);
    }

    @Test
    void parsesOnlyPlainBoundedDecimals() {
        assertThat(Money.parseAmount(" 0.0075 ", "rate")).isEqualByComparingTo("0.0075");
        assertThat(Money.parseAmount("-12", "rate")).isEqualByComparingTo("-12");
        assertThat(Money.parseAmount("999999999999.999999999999", "rate"))
                .isEqualByComparingTo("999999999999.999999999999");
        for (String bad : new String[] {"1e400", "1e999999999", "1E-5", "\u0661\u0662", "\uFF11", "1,000", "0x10",
                "NaN", "Infinity", "1.2.3", ".", "-", "$1", "1000000000000", "0.0000000000001"}) {
            assertThatThrownBy(() -> Money.parseAmount(bad, "maxPrice")).as(bad)
                    .isInstanceOf(SwitchboardException.class)
                    .hasMessageContaining("'maxPrice' must ")
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> Money.of("1e999999999", "USD"))
                .hasMessage("INVALID_REQUEST: 'amount' must be a plain decimal number such as 0.0075 (ASCII digits, an optional point),"
                        + " got '1e999999999'");
    }

    @Test
    void printsAnExtremeAmountWithItsExponentInsteadOfABillionDigits() {
        Money huge = new Money(new BigDecimal("1E+999999999"), java.util.Currency.getInstance("USD"));
        Money tiny = new Money(new BigDecimal("1E-999999999"), java.util.Currency.getInstance("USD"));

        assertThat(huge.toString()).isEqualTo("1E+999999999 USD");
        assertThat(tiny.plainAmount()).isEqualTo("1E-999999999");
        assertThat(Money.of("123456789012.123456789012", "USD").plainAmount()).isEqualTo("123456789012.123456789012");
    }
}
