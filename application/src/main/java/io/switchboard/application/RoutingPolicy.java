package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.Money;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to choose and bound the accounts for one request. Immutable; start from {@link #ofDefaults()} or
 * {@link #builder()}.
 *
 * @param strategy how candidates are ordered
 * @param priority accounts in order of preference: the order under {@link Strategy#PRIORITY}, and the second
 *     tie-break under {@link Strategy#LEAST_COST}
 * @param weights relative shares under {@link Strategy#WEIGHTED}
 * @param allow per destination country (ISO alpha-2), the only accounts that may serve it
 * @param deny per destination country, accounts that may not serve it
 * @param maxPrice the most one message or call may cost, in {@code currency}; unpriced accounts are then excluded
 * @param pinned send only through this account
 * @param unpriced per product, what to do with an account that has no rate for the destination; every product has
 *     an entry (by default SMS and voice {@link UnpricedHandling#EXCLUDE}, MMS and WhatsApp
 *     {@link UnpricedHandling#PLACE_LAST}, whose prices vendors often do not publish)
 * @param currency the currency prices are compared in
 * @param converter the exchange-rate source for accounts priced in another currency, if the caller has one
 * @param guarantee at most once (default) or at least once
 * @param maxAttempts vendor calls at most per failover chain; a request that waits for accounts out for a while
 *        (see {@link Router}) starts a new chain after the wait
 * @param deadline everything a request does ends within this time: its chains, the waits between them, and each
 *        vendor call, whose timeouts are cut to what is left
 * @param callMinutes minutes a call is quoted for when planning
 */
public record RoutingPolicy(
        Strategy strategy,
        List<AccountId> priority,
        Map<AccountId, Integer> weights,
        Map<String, Set<AccountId>> allow,
        Map<String, Set<AccountId>> deny,
        Optional<Money> maxPrice,
        Optional<AccountId> pinned,
        Map<Product, UnpricedHandling> unpriced,
        Currency currency,
        Optional<CurrencyConverter> converter,
        DeliveryGuarantee guarantee,
        int maxAttempts,
        Duration deadline,
        long callMinutes) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");
    /** SMS and voice unpriced excluded; MMS and WhatsApp, which Twilio for one does not price, placed last. */
    public static final Map<Product, UnpricedHandling> DEFAULT_UNPRICED = Map.of(Product.SMS, UnpricedHandling.EXCLUDE,
            Product.VOICE, UnpricedHandling.EXCLUDE, Product.MMS, UnpricedHandling.PLACE_LAST,
            Product.WHATSAPP, UnpricedHandling.PLACE_LAST);

    /** How the candidates of a plan are ordered. */
    public enum Strategy {
        /**
         * Cheapest first. Ties (equal totals in the policy's currency) go to the account listed earlier in
         * {@link #priority()}, then to the smaller account id (vendor name, then account name): stable across runs.
         */
        LEAST_COST,
        /** The order of {@link #priority()}; accounts not listed follow, cheapest first. */
        PRIORITY,
        /** A random order drawn by {@link #weights()}; accounts without weight follow, cheapest first. */
        WEIGHTED
    }

    /** What the planner does with an account that has no rate for the destination: it is never taken as free. */
    public enum UnpricedHandling {
        EXCLUDE,
        /** Keep it as a fallback after every priced candidate (not possible with a price cap). */
        PLACE_LAST
    }

    public RoutingPolicy {
        Checks.required(strategy, "strategy");
        priority = Checks.listOf(priority, "priority");
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        weights.forEach((account, weight) -> {
            if (weight < 0) {
                throw SwitchboardException.invalid("weights", "must not be negative, got " + weight + " for " + account);
            }
        });
        allow = countryMap(allow, "allow");
        deny = countryMap(deny, "deny");
        maxPrice = maxPrice == null ? Optional.empty() : maxPrice;
        pinned = pinned == null ? Optional.empty() : pinned;
        Checks.required(unpriced, "unpriced");
        Map<Product, UnpricedHandling> handling = new EnumMap<>(DEFAULT_UNPRICED);
        unpriced.forEach((product, how) -> handling.put(Checks.required(product, "unpriced product"),
                Checks.required(how, "unpriced." + product.name().toLowerCase(Locale.ROOT))));
        unpriced = Collections.unmodifiableMap(handling);
        Checks.required(currency, "currency");
        converter = converter == null ? Optional.empty() : converter;
        Checks.required(guarantee, "guarantee");
        Checks.positive(maxAttempts, "maxAttempts");
        BreakerSettings.positive(deadline, "deadline");
        if (callMinutes <= 0) {
            throw SwitchboardException.invalid("callMinutes", "must be positive, got " + callMinutes);
        }
        if (maxPrice.isPresent()) {
            Money cap = maxPrice.get();
            if (cap.isNegative()) {
                throw SwitchboardException.invalid("maxPrice", "must not be negative, got " + cap);
            }
            if (!cap.currency().equals(currency)) {
                throw SwitchboardException.invalid("maxPrice", "must be in the policy currency " + currency
                        + ", got " + cap);
            }
        }
    }

    private static Map<String, Set<AccountId>> countryMap(Map<String, Set<AccountId>> map, String field) {
        if (map == null) {
            return Map.of();
        }
        Map<String, Set<AccountId>> copy = new HashMap<>();
        map.forEach((country, accounts) -> copy.put(country(country, field), Set.copyOf(accounts)));
        return Map.copyOf(copy);
    }

    static String country(String code, String field) {
        Checks.notBlank(code, field + " country");
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (upper.length() != 2 || !Character.isLetter(upper.charAt(0)) || !Character.isLetter(upper.charAt(1))) {
            throw SwitchboardException.invalid(field + " country", "must be an ISO 3166 alpha-2 code, got '" + code + "'");
        }
        return upper;
    }

    /** What the planner does with an account that has no rate for {@code product}. */
    public UnpricedHandling unpriced(Product product) {
        return unpriced.get(Checks.required(product, "product"));
    }

    /**
     * Least cost, unpriced SMS and calls excluded and unpriced MMS and WhatsApp placed last, USD, at most once,
     * 3 attempts within 30 seconds.
     */
    public static RoutingPolicy ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.strategy = strategy;
        b.priority.addAll(priority);
        b.weights.putAll(weights);
        allow.forEach((c, a) -> b.allow.put(c, new HashSet<>(a)));
        deny.forEach((c, a) -> b.deny.put(c, new HashSet<>(a)));
        b.maxPrice = maxPrice.orElse(null);
        b.pinned = pinned.orElse(null);
        b.unpriced.putAll(unpriced);
        b.currency = currency;
        b.converter = converter.orElse(null);
        b.guarantee = guarantee;
        b.maxAttempts = maxAttempts;
        b.deadline = deadline;
        b.callMinutes = callMinutes;
        return b;
    }

    /** Collects a policy; defaults as {@link #ofDefaults()}. */
    public static final class Builder {
        private Strategy strategy = Strategy.LEAST_COST;
        private final List<AccountId> priority = new ArrayList<>();
        private final Map<AccountId, Integer> weights = new LinkedHashMap<>();
        private final Map<String, Set<AccountId>> allow = new HashMap<>();
        private final Map<String, Set<AccountId>> deny = new HashMap<>();
        private Money maxPrice;
        private AccountId pinned;
        private final Map<Product, UnpricedHandling> unpriced = new EnumMap<>(DEFAULT_UNPRICED);
        private Currency currency;
        private CurrencyConverter converter;
        private DeliveryGuarantee guarantee = DeliveryGuarantee.AT_MOST_ONCE;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration deadline = DEFAULT_DEADLINE;
        private long callMinutes = 1;

        private Builder() {
        }

        public Builder leastCost() {
            strategy = Strategy.LEAST_COST;
            return this;
        }

        /** Fixed priority in the given order. */
        public Builder priority(AccountId... accounts) {
            strategy = Strategy.PRIORITY;
            return preferring(accounts);
        }

        /** The order used to break ties, without changing the strategy. */
        public Builder preferring(AccountId... accounts) {
            priority.clear();
            for (AccountId account : accounts) {
                priority.add(Checks.required(account, "priority"));
            }
            return this;
        }

        public Builder weighted(Map<AccountId, Integer> shares) {
            strategy = Strategy.WEIGHTED;
            weights.clear();
            weights.putAll(Checks.required(shares, "weights"));
            return this;
        }

        public Builder allow(String country, AccountId... accounts) {
            allow.computeIfAbsent(country(country, "allow"), c -> new HashSet<>()).addAll(List.of(accounts));
            return this;
        }

        public Builder deny(String country, AccountId... accounts) {
            deny.computeIfAbsent(country(country, "deny"), c -> new HashSet<>()).addAll(List.of(accounts));
            return this;
        }

        /** The most one message or call may cost; also sets the policy currency to the cap's. */
        public Builder maxPrice(Money cap) {
            maxPrice = Checks.required(cap, "maxPrice");
            currency = cap.currency();
            return this;
        }

        public Builder pinned(AccountId account) {
            pinned = Checks.required(account, "pinned");
            return this;
        }

        /** The same handling of unpriced accounts for every product. */
        public Builder unpriced(UnpricedHandling handling) {
            Checks.required(handling, "unpriced");
            for (Product product : Product.values()) {
                unpriced.put(product, handling);
            }
            return this;
        }

        /** The handling of unpriced accounts for one product; the others keep theirs. */
        public Builder unpriced(Product product, UnpricedHandling handling) {
            unpriced.put(Checks.required(product, "product"), Checks.required(handling, "unpriced"));
            return this;
        }

        public Builder currency(Currency value) {
            currency = value;
            return this;
        }

        public Builder converter(CurrencyConverter value) {
            converter = value;
            return this;
        }

        public Builder guarantee(DeliveryGuarantee value) {
            guarantee = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        public Builder deadline(Duration value) {
            deadline = value;
            return this;
        }

        public Builder callMinutes(long value) {
            callMinutes = value;
            return this;
        }

        public RoutingPolicy build() {
            return new RoutingPolicy(strategy, priority, weights, allow, deny, Optional.ofNullable(maxPrice),
                    Optional.ofNullable(pinned), unpriced, currency == null ? DEFAULT_CURRENCY : currency,
                    Optional.ofNullable(converter), guarantee, maxAttempts, deadline, callMinutes);
        }
    }
}
