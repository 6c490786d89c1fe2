package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.pricing.Product;

import java.time.Instant;

/**
 * The last failed load of one account's vendor prices for a product and country, with its real failure kind, since
 * when it fails, and when the price book asks the vendor again (not before: a failing pricing API is backed off).
 */
public record PricingFailure(AccountId account, Product product, String country, Failure failure, Instant since,
        Instant nextAttempt) {

    public PricingFailure {
        Checks.required(account, "account");
        Checks.required(product, "product");
        Checks.notBlank(country, "country");
        Checks.required(failure, "failure");
        Checks.required(since, "since");
        Checks.required(nextAttempt, "nextAttempt");
    }

    @Override
    public String toString() {
        return account + " " + product + " prices for " + country + ": " + PriceBook.describe(failure);
    }
}
