package io.switchboard.cli.report;

import io.switchboard.application.BatchComparison;
import io.switchboard.domain.Money;

import java.util.Objects;
import java.util.Optional;

/**
 * The messages of a batch to one destination country, compared across accounts. The cheapest and dearest accounts
 * are those that can price every message to the country that any account can (an account missing some has no total
 * to compare); the spread is what choosing the dearest of them over the cheapest would cost.
 *
 * @param country ISO 3166 region of the destinations ({@code ZZ} when unknown)
 */
public record CountryCosts(String country, BatchComparison comparison) {

    public CountryCosts {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(comparison, "comparison");
    }

    /** The account with the lowest total for the country; on equal totals the one the router lists first. */
    public Optional<BatchComparison.AccountTotal> cheapest() {
        BatchComparison.AccountTotal best = null;
        for (BatchComparison.AccountTotal total : comparison.accounts()) {
            if (servesAll(total) && (best == null || total.total().compareTo(best.total()) < 0)) {
                best = total;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The account with the highest total for the country; on equal totals the one the router lists first. */
    public Optional<BatchComparison.AccountTotal> dearest() {
        BatchComparison.AccountTotal worst = null;
        for (BatchComparison.AccountTotal total : comparison.accounts()) {
            if (servesAll(total) && (worst == null || total.total().compareTo(worst.total()) > 0)) {
                worst = total;
            }
        }
        return Optional.ofNullable(worst);
    }

    /** Dearest minus cheapest; zero when one account alone can serve the country. */
    public Optional<Money> spread() {
        return dearest().flatMap(d -> cheapest().map(c -> d.total().minus(c.total())));
    }

    /** Whether the account prices every message to the country that some account can price. */
    public boolean servesAll(BatchComparison.AccountTotal total) {
        long served = comparison.messages() - comparison.unroutable();
        return served > 0 && total.priced() == served;
    }
}
