package io.switchboard.config;

import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.Money;
import io.switchboard.domain.pricing.Product;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How messages and calls are routed.
 *
 * @param policy least cost, fixed priority or weighted
 * @param order the account order for the priority policy
 * @param weights the account weights for the weighted policy
 * @param allow per destination country, the only accounts that may serve it
 * @param deny per destination country, accounts that must not serve it
 * @param maxPrice the most one message may cost
 * @param pinned send only through this account
 * @param guarantee at-most-once (default) or at-least-once
 * @param maxAttempts the longest failover chain, in vendor calls
 * @param deadline the overall time budget of one send, failovers included
 * @param prices what vendor prices are loaded before routing, and how long a send waits for them
 * @param unpriced per product, whether an account without a price for the destination is left out or tried after
 *     every priced one; every product has an entry ({@link RoutingPolicy#DEFAULT_UNPRICED} unless the file says)
 */
public record RoutingConfig(
        Policy policy,
        List<AccountId> order,
        Map<AccountId, Integer> weights,
        Map<String, Set<AccountId>> allow,
        Map<String, Set<AccountId>> deny,
        Optional<Money> maxPrice,
        Optional<AccountId> pinned,
        DeliveryGuarantee guarantee,
        int maxAttempts,
        Duration deadline,
        PricesConfig prices,
        Map<Product, RoutingPolicy.UnpricedHandling> unpriced) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    /** The routing policies a configuration file can name. */
    public enum Policy {
        LEAST_COST("least-cost"),
        PRIORITY("priority"),
        WEIGHTED("weighted");

        private final String key;

        Policy(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public RoutingConfig {
        order = List.copyOf(order);
        weights = Map.copyOf(weights);
        allow = Map.copyOf(allow);
        deny = Map.copyOf(deny);
        prices = prices == null ? PricesConfig.ofDefaults() : prices;
        Map<Product, RoutingPolicy.UnpricedHandling> handling = new EnumMap<>(RoutingPolicy.DEFAULT_UNPRICED);
        if (unpriced != null) {
            handling.putAll(unpriced);
        }
        unpriced = Collections.unmodifiableMap(handling);
    }

    public static RoutingConfig ofDefaults() {
        return new RoutingConfig(Policy.LEAST_COST, List.of(), Map.of(), Map.of(), Map.of(), Optional.empty(),
                Optional.empty(), DeliveryGuarantee.AT_MOST_ONCE, DEFAULT_MAX_ATTEMPTS, DEFAULT_DEADLINE,
                PricesConfig.ofDefaults(), RoutingPolicy.DEFAULT_UNPRICED);
    }
}
