package io.switchboard.application;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rate decks per account and product. A deck the user supplied wins; otherwise rates come from the account's pricing
 * port, one country at a time, loaded on the book's executor and kept in a small cache of loads: one load at a time
 * per account, product and country, shared by every caller that needs it. {@link #lookup} never calls a pricing port
 * and never waits; {@link #awaitFirstLoads} lets a sender wait (bounded) for the first load of a country, so that
 * routing never goes to a dearer account only because a cheaper one's price is late.
 *
 * <p>A failed load keeps its failure with its real kind (AUTHENTICATION, UNAVAILABLE, NOT_FOUND ...), which lookups
 * report, and is not retried before a back-off on the book's clock (30 s doubling to 10 min by default); a vendor
 * that refuses the credentials or cannot be reached is backed off for all its countries at once. Each failing
 * account is logged on one line per back-off period, without a stack trace.
 */
public final class PriceBook {

    private static final Logger LOG = LoggerFactory.getLogger(PriceBook.class);

    public static final Duration DEFAULT_REFRESH_AFTER = Duration.ofHours(6);
    public static final Duration DEFAULT_EXPIRE_AFTER = Duration.ofDays(2);
    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_INITIAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(10);

    private final Map<AccountId, Map<Product, RateDeck>> userDecks;
    private final Map<AccountId, PricingPort> pricing;
    private final ConcurrentMap<PriceSlot.Key, PriceSlot> slots = new ConcurrentHashMap<>();
    /** Accounts whose pricing API failed for every country (credentials, unreachable): not asked before the time. */
    private final ConcurrentMap<AccountId, Down> down = new ConcurrentHashMap<>();
    /** When each failing account may be logged again. */
    private final ConcurrentMap<AccountId, Instant> nextLog = new ConcurrentHashMap<>();
    final Duration refreshAfter;
    final Duration expireAfter;
    final Duration loadTimeout;
    final Duration retryInitial;
    final Duration retryMax;
    final Executor executor;
    final Clock clock;

    /** An account whose pricing API failed for every country, and until when it is not asked again. */
    record Down(Failure failure, Instant until) {
    }

    private PriceBook(Builder b) {
        this.userDecks = new ConcurrentHashMap<>();
        b.decks.forEach((account, decks) -> userDecks.put(account, new EnumMap<>(decks)));
        this.pricing = Map.copyOf(b.pricing);
        this.refreshAfter = b.refreshAfter;
        this.expireAfter = b.expireAfter;
        this.loadTimeout = b.loadTimeout;
        this.retryInitial = b.retryInitial;
        this.retryMax = b.retryMax;
        this.executor = b.executor;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An empty book: every destination is unpriced. */
    public static PriceBook empty() {
        return builder().build();
    }

    /** How long a caller waits at most for the first load of a country ({@link #awaitFirstLoads}, {@link #warmUp}). */
    public Duration loadTimeout() {
        return loadTimeout;
    }

    /** The rate for one destination on one account; does no I/O on this thread and never waits. */
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
        PriceSlot.Snapshot state = slot(new PriceSlot.Key(account, product, country)).observe(clock.instant());
        if (state.deck() == null) {
            if (state.failure() != null) {
                return new PriceLookup.Unpriced(product + " prices for " + country + " not loaded: "
                        + describe(state.failure()), Optional.of(state.failure()));
            }
            return new PriceLookup.Unpriced(account + " " + product + " prices for " + country
                    + " not loaded yet" + (state.loading() ? " (loading)" : ""));
        }
        Optional<RateDeck.Match> match = state.deck().match(to);
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
        RateDeck vendorDeck = slot(new PriceSlot.Key(account, product, country)).observe(clock.instant()).deck();
        return vendorDeck == null ? Optional.empty() : vendorDeck.rate(to);
    }

    /**
     * Waits until the vendor prices of {@code country} are loaded on those of {@code accounts} that were never asked
     * for them (starting those loads, all at once), at most {@code atMost} and at most the load timeout from the
     * key's first load: concurrent callers share one load per account, product and country, and a country is waited
     * for once. Loads that fail or are backed off are not waited for. Returns whether it waited at all.
     */
    public boolean awaitFirstLoads(Collection<AccountId> accounts, Product product, String country, Duration atMost) {
        if (country == null || "ZZ".equals(country) || atMost.isZero() || atMost.isNegative()) {
            return false;
        }
        Instant now = clock.instant();
        List<CompletableFuture<Void>> loads = new ArrayList<>();
        Duration[] remaining = {Duration.ZERO};
        for (AccountId account : accounts) {
            if (!pricing.containsKey(account) || userDeck(account, product).isPresent()) {
                continue;
            }
            CompletableFuture<Void> load = slot(new PriceSlot.Key(account, product, country)).firstLoad(now, remaining);
            if (load != null) {
                loads.add(load);
            }
        }
        if (loads.isEmpty()) {
            return false;
        }
        await(loads, min(remaining[0], atMost));
        return true;
    }

    /**
     * Loads the vendor prices of every pricing account for these countries and products now (in parallel on the
     * book's executor, waiting at most the load timeout), so that sends to them make no pricing request. A key in
     * back-off is not asked again. Failures are returned, not thrown: the account stays unpriced there.
     */
    public List<Failure> warmUp(Collection<String> countries, Collection<Product> products) {
        Checks.required(countries, "countries");
        Checks.required(products, "products");
        Set<String> isos = new LinkedHashSet<>();
        for (String country : countries) {
            isos.add(RoutingPolicy.country(country, "warm-up"));
        }
        Instant now = clock.instant();
        List<PriceSlot> warmed = new ArrayList<>();
        List<CompletableFuture<Void>> loads = new ArrayList<>();
        for (AccountId account : pricing.keySet()) {
            for (Product product : products) {
                if (userDeck(account, product).isPresent()) {
                    continue;
                }
                for (String iso : isos) {
                    PriceSlot slot = slot(new PriceSlot.Key(account, product, iso));
                    warmed.add(slot);
                    slot.warmUp(now).ifPresent(loads::add);
                }
            }
        }
        if (!loads.isEmpty()) {
            await(loads, loadTimeout);
        }
        List<Failure> failures = new ArrayList<>();
        for (PriceSlot slot : warmed) {
            slot.failure().ifPresent(f -> failures.add(f.failure()));
        }
        return List.copyOf(failures);
    }

    /**
     * The current pricing failures: every account, product and country whose last load failed, with its failure kind
     * and the time of the next attempt. Empty when every load so far succeeded.
     */
    public List<PricingFailure> failures() {
        List<PricingFailure> out = new ArrayList<>();
        for (PriceSlot slot : slots.values()) {
            slot.failure().ifPresent(out::add);
        }
        out.sort(Comparator.comparing(PricingFailure::account).thenComparing(PricingFailure::product)
                .thenComparing(PricingFailure::country));
        return List.copyOf(out);
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

    /** A failure in a few words: its kind, HTTP status and message, without the account (said elsewhere). */
    static String describe(Failure failure) {
        StringBuilder s = new StringBuilder(failure.kind().name());
        failure.httpStatus().ifPresent(h -> s.append(" (HTTP ").append(h).append(')'));
        return s.append(": ").append(failure.message()).toString();
    }

    private PriceSlot slot(PriceSlot.Key key) {
        return slots.computeIfAbsent(key, k -> new PriceSlot(k, this));
    }

    /** The pricing port of an account that has one. */
    PricingPort pricingPort(AccountId account) {
        return pricing.get(account);
    }

    /** Whether the account's pricing API is backed off for every country, and until when; null when it is not. */
    Down accountDown(AccountId account) {
        return down.get(account);
    }

    /** Whether a failure says nothing about one country but about the whole account (so all its countries wait). */
    private static boolean accountWide(FailureKind kind) {
        return kind == FailureKind.AUTHENTICATION || kind == FailureKind.INSUFFICIENT_FUNDS
                || kind == FailureKind.CONFIGURATION
                || kind == FailureKind.UNAVAILABLE || kind == FailureKind.RATE_LIMITED
                || kind == FailureKind.OUTCOME_UNKNOWN;
    }

    /** A load of {@code key} failed: backs the whole account off when the failure says so; logs rarely. */
    void failed(PriceSlot.Key key, Failure failure, Instant now, Duration backoff) {
        AccountId account = key.account();
        if (accountWide(failure.kind())) {
            down.merge(account, new Down(failure, now.plus(backoff)),
                    (old, fresh) -> old.until().isAfter(fresh.until()) ? old : fresh);
        }
        boolean[] log = {false};
        nextLog.compute(account, (a, next) -> {
            if (next == null || !now.isBefore(next)) {
                log[0] = true;
                return now.plus(backoff);
            }
            return next;
        });
        if (log[0]) {
            LOG.warn("prices of {} not loaded ({} {}): {}; not asked again for {}", account, key.product(),
                    key.country(), describe(failure), human(backoff));
        }
    }

    /** A load of the account succeeded: it is asked again everywhere. */
    void recovered(AccountId account) {
        down.remove(account);
        if (nextLog.remove(account) != null) {
            LOG.info("prices of {} load again", account);
        }
    }

    private static void await(List<CompletableFuture<Void>> loads, Duration atMost) {
        if (atMost.isZero() || atMost.isNegative()) {
            return;
        }
        try {
            CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                    .get(atMost.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException e) {
            // Late loads finish in the background; the keys stay unpriced meanwhile.
        }
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Collects decks and pricing sources. */
    public static final class Builder {
        private final Map<AccountId, Map<Product, RateDeck>> decks = new HashMap<>();
        private final Map<AccountId, PricingPort> pricing = new HashMap<>();
        private Duration refreshAfter = DEFAULT_REFRESH_AFTER;
        private Duration expireAfter = DEFAULT_EXPIRE_AFTER;
        private Duration loadTimeout = DEFAULT_LOAD_TIMEOUT;
        private Duration retryInitial = DEFAULT_RETRY_INITIAL;
        private Duration retryMax = DEFAULT_RETRY_MAX;
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

        /** The longest wait for the first load of a country (by a sender, a quote or a warm-up); default 10 s. */
        public Builder loadTimeout(Duration value) {
            BreakerSettings.positive(value, "loadTimeout");
            loadTimeout = value;
            return this;
        }

        /**
         * The back-off after a failed load: {@code initial} after the first failure, doubling up to {@code max};
         * until then the vendor's pricing API is not asked again (default 30 s to 10 min).
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            BreakerSettings.positive(initial, "retryBackoff.initial");
            BreakerSettings.positive(max, "retryBackoff.max");
            if (max.compareTo(initial) < 0) {
                throw SwitchboardException.invalid("retryBackoff.max", "must not be shorter than the initial "
                        + human(initial) + ", got " + human(max));
            }
            retryInitial = initial;
            retryMax = max;
            return this;
        }

        /** Where loads run. */
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
