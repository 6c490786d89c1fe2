package io.switchboard.bootstrap.config;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.Money;

import java.time.Duration;
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
 * @param allowCountries destination countries served (empty: all)
 * @param denyCountries destination countries never served
 * @param maxPrice the most one message may cost
 * @param pinned send only through this account
 * @param guarantee at-most-once (default) or at-least-once
 * @param maxAttempts the longest failover chain
 * @param deadline the overall time budget of one send, failovers included
 */
public record RoutingConfig(
        Policy policy,
        List<AccountId> order,
        Map<AccountId, Integer> weights,
        Set<String> allowCountries,
        Set<String> denyCountries,
        Optional<Money> maxPrice,
        Optional<AccountId> pinned,
        DeliveryGuarantee guarantee,
        int maxAttempts,
        Duration deadline) {

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
        allowCountries = Set.copyOf(allowCountries);
        denyCountries = Set.copyOf(denyCountries);
    }

    public static RoutingConfig ofDefaults() {
        return new RoutingConfig(Policy.LEAST_COST, List.of(), Map.of(), Set.of(), Set.of(), Optional.empty(),
                Optional.empty(), DeliveryGuarantee.AT_MOST_ONCE, DEFAULT_MAX_ATTEMPTS, DEFAULT_DEADLINE);
    }
}
