package io.switchboard.domain.pricing;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;
import io.switchboard.domain.SwitchboardException;

/** A price per unit: per segment, per minute or per message. Never negative. */
public record Rate(Money price, RateUnit unit) {

    public Rate {
        Checks.required(price, "price");
        Checks.required(unit, "unit");
        if (price.isNegative()) {
            throw SwitchboardException.invalid("price", "must not be negative, got " + price);
        }
    }

    public static Rate perSegment(String amount, String currency) {
        return new Rate(Money.of(amount, currency), RateUnit.SEGMENT);
    }

    public static Rate perMinute(String amount, String currency) {
        return new Rate(Money.of(amount, currency), RateUnit.MINUTE);
    }

    public static Rate perMessage(String amount, String currency) {
        return new Rate(Money.of(amount, currency), RateUnit.MESSAGE);
    }

    /** The cost of {@code units} units. */
    public Money costOf(long units) {
        if (units < 0) {
            throw SwitchboardException.invalid("units", "must not be negative, got " + units);
        }
        return price.times(units);
    }

    @Override
    public String toString() {
        return price + "/" + unit.name().toLowerCase(java.util.Locale.ROOT);
    }
}
