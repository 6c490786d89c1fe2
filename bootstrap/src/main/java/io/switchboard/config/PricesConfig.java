package io.switchboard.config;

import io.switchboard.domain.pricing.Product;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What vendor prices are loaded before routing ({@code routing.prices}).
 *
 * @param warmUp countries (ISO 3166 alpha-2) whose prices are loaded while the Switchboard is built; absent: every
 *     country the sender pools name
 * @param products the products loaded then
 * @param loadTimeout the longest wait for prices: for the warm-up while building, and for the first load of a
 *     country a send or quote needs
 */
public record PricesConfig(Optional<List<String>> warmUp, Set<Product> products, Duration loadTimeout) {

    public static final Set<Product> DEFAULT_PRODUCTS = Set.of(Product.SMS, Product.VOICE);
    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(10);

    public PricesConfig {
        warmUp = warmUp == null ? Optional.empty() : warmUp.map(List::copyOf);
        products = Set.copyOf(products);
        if (loadTimeout == null) {
            throw new IllegalArgumentException("'loadTimeout' is required");
        }
    }

    public static PricesConfig ofDefaults() {
        return new PricesConfig(Optional.empty(), DEFAULT_PRODUCTS, DEFAULT_LOAD_TIMEOUT);
    }
}
