package io.switchboard.application;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.pricing.RateDeck;

import java.util.Optional;

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

    /**
     * No rate: never read as free. {@code failure} is the vendor's pricing failure with its real kind (AUTHENTICATION,
     * UNAVAILABLE, NOT_FOUND for a country it does not price ...), when asking it failed.
     */
    record Unpriced(String reason, Optional<Failure> failure) implements PriceLookup {
        public Unpriced {
            Checks.notBlank(reason, "reason");
            failure = failure == null ? Optional.empty() : failure;
        }

        public Unpriced(String reason) {
            this(reason, Optional.empty());
        }
    }
}
