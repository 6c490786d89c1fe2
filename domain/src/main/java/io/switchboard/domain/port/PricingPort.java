package io.switchboard.domain.port;

import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;

import java.util.List;

/** A vendor's published prices for one country, turned into rate-deck rows. */
public interface PricingPort {

    /**
     * The rates for {@code product} to destinations in {@code countryIso} (ISO 3166 alpha-2), by E.164 prefix. Where
     * the vendor prices by carrier without prefixes, the country's highest price is used: never under-quote.
     */
    List<RateDeck.Entry> rates(String countryIso, Product product);
}
