package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;
import io.switchboard.domain.Sender;
import io.switchboard.domain.pricing.Quote;

import java.util.Optional;

/**
 * One account a plan may try, with the concrete sender chosen for it and its price.
 *
 * @param from the number or sender ID to send from on this account; absent only in cost queries, which have no sender
 * @param quote the price in the account's own currency (encoding and segments included); absent for an unpriced
 *     account that the policy places last rather than excluding
 * @param comparableTotal the total in the policy's currency (converted when the caller supplied a converter)
 */
public record Candidate(AccountId account, Optional<Sender> from, Optional<Quote> quote,
        Optional<Money> comparableTotal) {

    public Candidate {
        Checks.required(account, "account");
        from = from == null ? Optional.empty() : from;
        quote = quote == null ? Optional.empty() : quote;
        comparableTotal = comparableTotal == null ? Optional.empty() : comparableTotal;
    }

    public boolean priced() {
        return quote.isPresent();
    }
}
