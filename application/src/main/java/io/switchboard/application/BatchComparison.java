package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch of messages priced on every account, in one currency.
 *
 * @param messages items in the batch
 * @param unroutable items no account can price
 * @param accounts per account, the total of the items it can price, and how many it cannot
 * @param cheapestMix the total when each item goes to its cheapest account
 * @param mixShare how many items the cheapest mix sends through each account
 * @param savings what the cheapest mix saves against sending everything through one account
 */
public record BatchComparison(
        long messages,
        long unroutable,
        List<AccountTotal> accounts,
        Money cheapestMix,
        Map<AccountId, Long> mixShare,
        List<Saving> savings) {

    public BatchComparison {
        accounts = Checks.listOf(accounts, "accounts");
        Checks.required(cheapestMix, "cheapestMix");
        mixShare = mixShare == null ? Map.of() : Map.copyOf(mixShare);
        savings = Checks.listOf(savings, "savings");
    }

    /** One message of a batch. */
    public record Item(PhoneNumber to, String text) {
        public Item {
            Checks.required(to, "to");
            Checks.required(text, "text");
        }
    }

    /** An account's total over the items it can price; {@code unpriced} items it cannot. */
    public record AccountTotal(AccountId account, Money total, long priced, long unpriced) {
        public AccountTotal {
            Checks.required(account, "account");
            Checks.required(total, "total");
        }
    }

    /**
     * The single-provider choice {@code account} against the cheapest mix: {@code saving} is its total minus the
     * mix's, absent when the account cannot serve every item the mix serves (then no single-provider total exists).
     */
    public record Saving(AccountId account, Optional<Money> saving, long itemsItCannotServe) {
        public Saving {
            Checks.required(account, "account");
            saving = saving == null ? Optional.empty() : saving;
        }
    }
}
