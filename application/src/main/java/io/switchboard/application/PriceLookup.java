package io.switchboard.application;

import io.switchboard.domain.Checks;
import io.switchboard.domain.pricing.RateDeck;

/** The price book's answer for one account, product and destination: a matched rate, or why there is none. */
public sealed interface PriceLookup permits PriceLookup.Priced, PriceLookup.Unpriced {

    /** Where a rate came from. */
    enum Source {
        /** A rate deck the user supplied (CSV or built in code). */
        USER_DECK,
        /** The vendor's pricing API, from the cache. */
        VENDOR_API
    }

    record Priced(RateDeck.Match match, Source source) implements PriceLookup {
        public Priced {
            Checks.required(match, "match");
            Checks.required(source, "source");
        }
    }

    /** No rate: never read as free. */
    record Unpriced(String reason) implements PriceLookup {
        public Unpriced {
            Checks.notBlank(reason, "reason");
        }
    }
}
