package io.switchboard.domain;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact amount in one currency. Amounts in different currencies are never added or compared: that needs an
 * explicit exchange-rate source, which this type does not guess. Equality ignores the scale ({@code 0.0075} equals
 * {@code 0.00750}); the amount keeps the scale it was given, so arithmetic on the routing path never rescales.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Checks.required(amount, "amount");
        Checks.required(currency, "currency");
    }

    /** The most digits an amount may have before its decimal point, and after it. */
    public static final int MAX_INTEGER_DIGITS = 12;
    public static final int MAX_FRACTION_DIGITS = 12;

    /** An amount as {@link #parseAmount(String, String)} reads it, in the given currency. */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount, "amount"), currency(currencyCode));
    }

    /**
     * Reads an amount written as a plain decimal: an optional sign, ASCII digits (at most
     * {@value #MAX_INTEGER_DIGITS}), and optionally a point and more digits (at most {@value #MAX_FRACTION_DIGITS}),
     * surrounding blanks ignored ({@code "0.0075"}, {@code "-12"}, {@code ".5"}). Exponents
     * ({@code "1e400"}), other scripts' digits, grouping and currency signs are refused with an INVALID_REQUEST naming
     * {@code field}: an amount that becomes a billion-digit number on printing must never get in.
     */
    public static BigDecimal parseAmount(String text, String field) {
        Checks.notBlank(text, field);
        String s = text.strip();
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int point = -1;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c < '0' || c > '9') {
                throw SwitchboardException.invalid(field, "must be a plain decimal number such as 0.0075 (ASCII "
                        + "digits, an optional point), got " + ErrorText.quote(text));
            }
        }
        int integerDigits = (point < 0 ? s.length() : point) - start;
        int fractionDigits = point < 0 ? 0 : s.length() - point - 1;
        if (integerDigits + fractionDigits == 0) {
            throw SwitchboardException.invalid(field, "must be a plain decimal number such as 0.0075, got "
                    + ErrorText.quote(text));
        }
        if (integerDigits > MAX_INTEGER_DIGITS || fractionDigits > MAX_FRACTION_DIGITS) {
            throw SwitchboardException.invalid(field, "must have at most " + MAX_INTEGER_DIGITS + " digits before "
                    + "the decimal point and " + MAX_FRACTION_DIGITS + " after it, got " + ErrorText.quote(text));
        }
        return new BigDecimal(s);
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The ISO 4217 currency for a code, with an error naming the code when it is unknown. */
    public static Currency currency(String code) {
        Checks.notBlank(code, "currency");
        try {
            return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SwitchboardException.invalid("currency", "must be an ISO 4217 code, got " + ErrorText.quote(code));
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long units) {
        if (units == 1) {
            return this; // the common case of a price list (one segment, one message): no multiply, no normalizing
        }
        return new Money(amount.multiply(BigDecimal.valueOf(units)), currency);
    }

    public Money times(BigDecimal factor) {
        Checks.required(factor, "factor");
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return other != null && currency.equals(other.currency);
    }

    /** Compares amounts of the same currency; different currencies raise an INVALID_REQUEST. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return amount.compareTo(other.amount);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    private void requireSameCurrency(Money other, String operation) {
        Checks.required(other, "money");
        if (!currency.equals(other.currency)) {
            throw SwitchboardException.invalid("currency", "cannot " + operation + " " + this + " and " + other
                    + " without an exchange-rate source");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * normalized().hashCode() + currency.hashCode();
    }

    private BigDecimal normalized() {
        return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }

    /**
     * The amount in plain notation without trailing zeros: {@code "0.0075"}, {@code "12"}. An amount too large or too
     * small to print in a line that way (one a vendor sent as {@code 1E+999999999}) is printed with its exponent.
     */
    public String plainAmount() {
        BigDecimal n = normalized();
        long digitsBeforePoint = (long) n.precision() - n.scale();
        if (digitsBeforePoint > PLAIN_LIMIT || n.scale() > PLAIN_LIMIT) {
            return n.toString();
        }
        return n.toPlainString();
    }

    /** Beyond this many digits on either side of the point an amount is printed with its exponent. */
    private static final int PLAIN_LIMIT = 40;

    @Override
    public String toString() {
        return plainAmount() + " " + currency.getCurrencyCode();
    }
}
