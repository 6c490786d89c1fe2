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

    public static Money of(String amount, String currencyCode) {
        Checks.notBlank(amount, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw SwitchboardException.invalid("amount", "must be a decimal number, got '" + amount + "'");
        }
        return new Money(value, currency(currencyCode));
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
            throw SwitchboardException.invalid("currency", "must be an ISO 4217 code, got '" + code + "'");
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

    /** The amount in plain notation without trailing zeros: {@code "0.0075"}, {@code "12"}. */
    public String plainAmount() {
        return normalized().toPlainString();
    }

    @Override
    public String toString() {
        return plainAmount() + " " + currency.getCurrencyCode();
    }
}
