package io.switchboard.application;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.port.PricingPort;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Rate decks per account and product. A deck the user supplied wins; otherwise rates come from the account's pricing
 * port, one country at a time, cached with Caffeine and refreshed in the background. {@link #lookup} never calls a
 * pricing port on the calling thread: a country not loaded yet is unpriced for that request and is loaded in the
 * background, so once {@link #warmUp warm} the send path makes no pricing request.
 */
public final class PriceBook {

    private static final Logger LOG = LoggerFactory.getLogger(PriceBook.class);

    public static final Duration DEFAULT_REFRESH_AFTER = Duration.ofHours(6);
    public static final Duration DEFAULT_EXPIRE_AFTER = Duration.ofDays(2);

    private final Map<AccountId, Map<Product, RateDeck>> userDecks;
    private final Map<AccountId, PricingPort> pricing;
    private final LoadingCache<VendorKey, RateDeck> vendorDecks;

    private record VendorKey(AccountId account, Product product, String country) {
    }

    private PriceBook(Builder b) {
        this.userDecks = new ConcurrentHashMap<>();
        b.decks.forEach((account, decks) -> userDecks.put(account, new EnumMap<>(decks)));
        this.pricing = Map.copyOf(b.pricing);
        Clock clock = b.clock;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.vendorDecks = Caffeine.newBuilder()
                .refreshAfterWrite(b.refreshAfter)
                .expireAfterWrite(b.expireAfter)
                .ticker(ticker)
                .executor(b.executor)
                .build(this::load);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An empty book: every destination is unpriced. */
    public static PriceBook empty() {
        return builder().build();
    }

    private RateDeck load(VendorKey key) {
        PricingPort port = pricing.get(key.account());
        return RateDeck.of(port.rates(key.country(), key.product()));
    }

    /** The rate for one destination on one account; does no I/O on this thread. */
    public PriceLookup lookup(AccountId account, Product product, PhoneNumber to) {
        Map<Product, RateDeck> decks = userDecks.get(account);
        RateDeck deck = decks == null ? null : decks.get(product);
        if (deck != null) {
            Optional<RateDeck.Match> match = deck.match(to);
            return match.isPresent() ? new PriceLookup.Priced(match.get(), PriceLookup.Source.USER_DECK)
                    : new PriceLookup.Unpriced("no prefix of " + to + " in the " + product + " deck of " + account);
        }
        if (!pricing.containsKey(account)) {
            return new PriceLookup.Unpriced("no " + product + " deck and no pricing API for " + account);
        }
        String country = to.regionCode();
        if ("ZZ".equals(country)) {
            return new PriceLookup.Unpriced("no country for " + to + " to ask " + account + "'s pricing API");
        }
        VendorKey key = new VendorKey(account, product, country);
        RateDeck vendorDeck = vendorDecks.getIfPresent(key);
        if (vendorDeck == null) {
            vendorDecks.refresh(key);
            return new PriceLookup.Unpriced(account + " " + product + " prices for " + country + " not loaded yet");
        }
        Optional<RateDeck.Match> match = vendorDeck.match(to);
        return match.isPresent() ? new PriceLookup.Priced(match.get(), PriceLookup.Source.VENDOR_API)
                : new PriceLookup.Unpriced("no prefix of " + to + " in " + account + "'s " + product
                        + " prices for " + country);
    }

    /**
     * The rate alone, as {@link #lookup} finds it (same decks, same background load of a missing country), without
     * the match and the reason: the lookup of batch cost queries.
     */
    Optional<Rate> rate(AccountId account, Product product, PhoneNumber to) {
        Map<Product, RateDeck> decks = userDecks.get(account);
        RateDeck deck = decks == null ? null : decks.get(product);
        if (deck != null) {
            return deck.rate(to);
        }
        if (!pricing.containsKey(account)) {
            return Optional.empty();
        }
        String country = to.regionCode();
        if ("ZZ".equals(country)) {
            return Optional.empty();
        }
        VendorKey key = new VendorKey(account, product, country);
        RateDeck vendorDeck = vendorDecks.getIfPresent(key);
        if (vendorDeck == null) {
            vendorDecks.refresh(key);
            return Optional.empty();
        }
        return vendorDeck.rate(to);
    }

    /**
     * Loads the vendor prices of every pricing account for these countries and products, on this thread, so that
     * sends to them make no pricing request. Failures are returned, not thrown: the account stays unpriced there.
     */
    public List<Failure> warmUp(Collection<String> countries, Collection<Product> products) {
        Checks.required(countries, "countries");
        Checks.required(products, "products");
        List<Failure> failures = new ArrayList<>();
        for (AccountId account : pricing.keySet()) {
            for (Product product : products) {
                if (userDeck(account, product).isPresent()) {
                    continue;
                }
                for (String country : countries) {
                    String iso = RoutingPolicy.country(country, "warm-up");
                    try {
                        vendorDecks.get(new VendorKey(account, product, iso));
                    } catch (SwitchboardException e) {
                        failures.add(e.failure().withAccount(account));
                    } catch (RuntimeException e) {
                        LOG.warn("pricing warm-up of {} {} {} failed: {}", account, product, iso,
                                e.getClass().getSimpleName());
                        failures.add(Failure.of(FailureKind.UNAVAILABLE, "pricing of " + product + " for " + iso
                                + " failed: " + e.getClass().getSimpleName()).withAccount(account));
                    }
                }
            }
        }
        return List.copyOf(failures);
    }

    /** The deck the user supplied for an account and product. */
    public Optional<RateDeck> userDeck(AccountId account, Product product) {
        Map<Product, RateDeck> decks = userDecks.get(account);
        return Optional.ofNullable(decks == null ? null : decks.get(product));
    }

    /** Replaces (or adds) the user's deck for an account and product; lookups see it at once. */
    public void replaceDeck(AccountId account, Product product, RateDeck deck) {
        Checks.required(account, "account");
        Checks.required(product, "product");
        Checks.required(deck, "deck");
        userDecks.compute(account, (a, old) -> {
            Map<Product, RateDeck> copy = old == null ? new EnumMap<>(Product.class) : new EnumMap<>(old);
            copy.put(product, deck);
            return copy;
        });
    }

    /** Collects decks and pricing sources. */
    public static final class Builder {
        private final Map<AccountId, Map<Product, RateDeck>> decks = new HashMap<>();
        private final Map<AccountId, PricingPort> pricing = new HashMap<>();
        private Duration refreshAfter = DEFAULT_REFRESH_AFTER;
        private Duration expireAfter = DEFAULT_EXPIRE_AFTER;
        private Executor executor = ForkJoinPool.commonPool();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder deck(AccountId account, Product product, RateDeck deck) {
            Checks.required(account, "account");
            decks.computeIfAbsent(account, a -> new EnumMap<>(Product.class))
                    .put(Checks.required(product, "product"), Checks.required(deck, "deck"));
            return this;
        }

        /** The decks of a CSV file ({@link RateDeckCsv}) for one account. */
        public Builder decks(AccountId account, Map<Product, RateDeck> byProduct) {
            Checks.required(byProduct, "decks").forEach((product, deck) -> deck(account, product, deck));
            return this;
        }

        public Builder pricing(AccountId account, PricingPort port) {
            pricing.put(Checks.required(account, "account"), Checks.required(port, "pricing port"));
            return this;
        }

        /** The connector's pricing port, if it has one. */
        public Builder pricing(ProviderConnector connector) {
            Checks.required(connector, "connector");
            connector.pricing().ifPresent(port -> pricing(connector.account(), port));
            return this;
        }

        /** After this, a read of a vendor deck reloads it in the background and serves the old one meanwhile. */
        public Builder refreshAfter(Duration value) {
            BreakerSettings.positive(value, "refreshAfter");
            refreshAfter = value;
            return this;
        }

        /** After this with no reload, a vendor deck is dropped and the destination is unpriced until reloaded. */
        public Builder expireAfter(Duration value) {
            BreakerSettings.positive(value, "expireAfter");
            expireAfter = value;
            return this;
        }

        /** Where background loads run. */
        public Builder executor(Executor value) {
            executor = Checks.required(value, "executor");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Checks.required(value, "clock");
            return this;
        }

        public PriceBook build() {
            if (expireAfter.compareTo(refreshAfter) <= 0) {
                throw SwitchboardException.invalid("expireAfter", "must be longer than refreshAfter ("
                        + refreshAfter.toString().toLowerCase(Locale.ROOT) + "), got "
                        + expireAfter.toString().toLowerCase(Locale.ROOT));
            }
            return new PriceBook(this);
        }
    }
}
