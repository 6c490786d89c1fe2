package io.switchboard.application;

import io.switchboard.domain.Money;

import java.util.Currency;
import java.util.Optional;

/**
 * An explicit exchange-rate source. Without one, prices in different currencies are never compared: an account
 * priced in another currency than the policy's is left out of the plan.
 */
@FunctionalInterface
public interface CurrencyConverter {

    /** {@code amount} in {@code target}, or empty when this source has no rate for the pair. */
    Optional<Money> convert(Money amount, Currency target);
}
