package io.switchboard;

import com.google.inject.Guice;
import com.google.inject.Module;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.application.AccountSettings;
import io.switchboard.application.BreakerSettings;
import io.switchboard.application.PriceBook;
import io.switchboard.application.RateDeckCsv;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.application.SenderPools;
import io.switchboard.guice.ConnectorsModule;
import io.switchboard.guice.AdapterModule;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;

import java.nio.file.Path;
import java.time.Clock;
import io.switchboard.application.CallbackUrls;
import io.switchboard.application.DeliveryLedger;
import io.switchboard.application.RateLimitBudgets;
import io.switchboard.application.RetryAfterMarks;
import io.switchboard.application.lifecycle.DeliveryRecords;
import io.switchboard.application.lifecycle.ResendPolicy;
import io.switchboard.application.lifecycle.SuppressionList;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Collects accounts, rate decks, sender pools and routing settings, and builds a {@link Switchboard}. Internally it
 * assembles Guice modules ({@link SwitchboardModule} and one per vendor), which an application that already uses
 * Guice can install itself.
 */
public final class SwitchboardBuilder {

    /** Requests in flight at once, by default: the shared connection pool and dispatcher are sized for it. */
    public static final int DEFAULT_MAX_CONCURRENCY = 64;

    final List<TwilioConfig> twilio = new ArrayList<>();
    final List<PlivoConfig> plivo = new ArrayList<>();
    final List<TelnyxConfig> telnyx = new ArrayList<>();
    final List<ProviderConnector> custom = new ArrayList<>();
    final Map<AccountId, AccountSettings> settings = new LinkedHashMap<>();
    final Map<AccountId, Map<Product, RateDeck>> decks = new LinkedHashMap<>();
    final SenderPools.Builder pools = SenderPools.builder();
    final Set<String> warmUpCountries = new LinkedHashSet<>();
    /** Whether {@link #warmUpPrices} was called: then its countries, else the sender pools' countries, are loaded. */
    boolean warmUpChosen;
    /** The destination countries the sender pools name. */
    final Set<String> poolCountries = new LinkedHashSet<>();
    Set<Product> warmUpProducts = EnumSet.of(Product.SMS, Product.VOICE);
    Duration priceLoadTimeout = PriceBook.DEFAULT_LOAD_TIMEOUT;
    RoutingPolicy policy = RoutingPolicy.ofDefaults();
    BreakerSettings breakers = BreakerSettings.ofDefaults();
    MeterRegistry registry = new SimpleMeterRegistry();
    ExecutorService executor;
    int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    Clock clock = Clock.systemUTC();
    /** Resources the facade closes after its accounts, last given first. */
    final java.util.List<AutoCloseable> ownedResources = new java.util.ArrayList<>();
    URI callbackBaseUrl;
    DeliveryLedger ledger;
    RateLimitBudgets budgets;
    RetryAfterMarks retryAfterMarks;
    DeliveryRecords deliveryRecords;
    SuppressionList suppressions;
    ResendPolicy resend = ResendPolicy.OFF;
    Duration reconcileAfter = Duration.ofMinutes(15);
    Duration reconcileEvery;
    int reconcileMaxPerRun = 100;

    SwitchboardBuilder() {
    }

    /** A Twilio account. */
    public SwitchboardBuilder twilio(TwilioConfig config) {
        twilio.add(Checks.required(config, "config"));
        return this;
    }

    /** A Plivo account. */
    public SwitchboardBuilder plivo(PlivoConfig config) {
        plivo.add(Checks.required(config, "config"));
        return this;
    }

    /** A Telnyx account; Telnyx has no pricing API, so give it a {@link #rateDeck rate deck} to route by cost. */
    public SwitchboardBuilder telnyx(TelnyxConfig config) {
        telnyx.add(Checks.required(config, "config"));
        return this;
    }

    /** An account of any vendor, through an adapter built elsewhere; the facade closes it. */
    public SwitchboardBuilder account(ProviderConnector connector) {
        custom.add(Checks.required(connector, "connector"));
        return this;
    }

    /** Per-account routing settings: a client-side rate limit overriding the vendor's, a segment limit. */
    public SwitchboardBuilder accountSettings(AccountId account, AccountSettings value) {
        settings.put(Checks.required(account, "account"), Checks.required(value, "settings"));
        return this;
    }

    /** A rate deck for one account and product; it wins over the vendor's pricing API. */
    public SwitchboardBuilder rateDeck(AccountId account, Product product, RateDeck deck) {
        decks.computeIfAbsent(Checks.required(account, "account"), a -> new LinkedHashMap<>())
                .put(Checks.required(product, "product"), Checks.required(deck, "deck"));
        return this;
    }

    /**
     * A CSV rate deck ({@code prefix,rate,currency[,channel][,effective_from]}) for one account; rows without a
     * channel are {@code defaultProduct}. Errors name the file's line.
     */
    public SwitchboardBuilder rateDeck(AccountId account, Path csv, Product defaultProduct) {
        Checks.required(csv, "csv");
        RateDeckCsv.read(csv, Checks.required(defaultProduct, "product"), LocalDate.now(clock))
                .forEach((product, deck) -> rateDeck(account, product, deck));
        return this;
    }

    /** {@code sender} serves pool {@code pool} on {@code account}, for the given destination countries (all if none). */
    public SwitchboardBuilder senderPool(String pool, AccountId account, Sender sender, String... countries) {
        pools.add(pool, account, sender, countries);
        for (String country : countries) {
            poolCountries.add(country.toUpperCase(Locale.ROOT));
        }
        return this;
    }

    /** Declares that {@code account} owns these senders, so a request with a concrete {@code from} can use it. */
    public SwitchboardBuilder owns(AccountId account, Sender... senders) {
        pools.owns(account, senders);
        return this;
    }

    public SwitchboardBuilder policy(RoutingPolicy value) {
        policy = Checks.required(value, "policy");
        return this;
    }

    /**
     * What routing does with an account that has no price for a destination, for one product: leave it out
     * ({@code EXCLUDE}, the default for SMS and calls) or try it after every priced account ({@code PLACE_LAST}, the
     * default for MMS and WhatsApp, which Twilio does not price); changes the current {@link #policy()}.
     */
    public SwitchboardBuilder unpriced(Product product, RoutingPolicy.UnpricedHandling handling) {
        policy = policy.toBuilder().unpriced(product, handling).build();
        return this;
    }

    /** The routing policy the facade will use by default (after {@link #configuration}, the file's). */
    public RoutingPolicy policy() {
        return policy;
    }

    public SwitchboardBuilder breakers(BreakerSettings value) {
        breakers = Checks.required(value, "breakers");
        return this;
    }

    public SwitchboardBuilder meterRegistry(MeterRegistry value) {
        registry = Checks.required(value, "meterRegistry");
        return this;
    }

    /**
     * The executor of {@code sendAsync} and bulk sends (a virtual-thread executor on Java 21+ works); the caller
     * keeps ownership. Without one, the facade runs a pool of {@code maxConcurrency} threads and closes it.
     */
    public SwitchboardBuilder executor(ExecutorService value) {
        executor = Checks.required(value, "executor");
        return this;
    }

    /** Requests in flight at once; sizes the connection pool and dispatcher so connections are reused. */
    public SwitchboardBuilder maxConcurrency(int value) {
        maxConcurrency = Checks.positive(value, "maxConcurrency");
        return this;
    }

    public SwitchboardBuilder clock(Clock value) {
        clock = Checks.required(value, "clock");
        return this;
    }

    /**
     * Loads vendor prices for these countries while building (at most {@link #priceLoadTimeout} in all), so the first
     * sends there are priced. Without this call, the countries the sender pools name are loaded; with no countries,
     * none. Failures do not fail the build: see {@link Switchboard#pricingFailures()}.
     */
    public SwitchboardBuilder warmUpPrices(String... countries) {
        warmUpChosen = true;
        for (String country : countries) {
            warmUpCountries.add(Checks.notBlank(country, "country"));
        }
        return this;
    }

    /** The products whose prices {@link #warmUpPrices} loads: SMS and voice by default. */
    public SwitchboardBuilder warmUpProducts(Product... products) {
        if (products.length == 0) {
            throw SwitchboardException.invalid("products", "must name at least one product");
        }
        Set<Product> chosen = EnumSet.noneOf(Product.class);
        for (Product product : products) {
            chosen.add(Checks.required(product, "product"));
        }
        warmUpProducts = chosen;
        return this;
    }

    /**
     * The longest wait for vendor prices: the warm-up while building, and a send's or quote's wait for the first load
     * of a country not loaded yet (also bounded by the routing deadline). Default 10 s.
     */
    public SwitchboardBuilder priceLoadTimeout(Duration value) {
        Checks.required(value, "priceLoadTimeout");
        if (value.isZero() || value.isNegative()) {
            throw SwitchboardException.invalid("priceLoadTimeout", "must be positive, got " + value);
        }
        priceLoadTimeout = value;
        return this;
    }

    /**
     * Where the callback receiver is mounted ({@code https://example.com/switchboard}): every message routed then
     * carries the status callback URL {@code <base>/<vendor>/<account>?record=<key>} (unless its request names its
     * own), and read-back of messages with no final status runs every minute. See docs/lifecycle.md.
     */
    public SwitchboardBuilder callbackBaseUrl(URI value) {
        CallbackUrls.under(value); // checks it
        callbackBaseUrl = value;
        if (reconcileEvery == null) {
            reconcileEvery = Duration.ofMinutes(1);
        }
        return this;
    }

    /**
     * The idempotency ledger of client references (in memory by default): a shared one (PostgreSQL) makes a
     * reference sent on any instance, or in an earlier run, never sent again.
     */
    public SwitchboardBuilder ledger(DeliveryLedger value) {
        ledger = Checks.required(value, "ledger");
        return this;
    }

    /** The accounts' client-side rate-limit budgets (in memory by default): a shared one (Redis) spans instances. */
    public SwitchboardBuilder budgets(RateLimitBudgets value) {
        budgets = Checks.required(value, "budgets");
        return this;
    }

    /** The vendors' Retry-After marks (in memory by default): a shared one (Redis) keeps every instance away. */
    public SwitchboardBuilder retryAfterMarks(RetryAfterMarks value) {
        retryAfterMarks = Checks.required(value, "retryAfterMarks");
        return this;
    }

    /** Where delivery records live (in memory, 100,000 records for 7 days, by default). */
    public SwitchboardBuilder deliveryRecords(DeliveryRecords value) {
        deliveryRecords = Checks.required(value, "deliveryRecords");
        return this;
    }

    /** The opted-out numbers every account's sends check (in memory by default). */
    public SwitchboardBuilder suppressions(SuppressionList value) {
        suppressions = Checks.required(value, "suppressions");
        return this;
    }

    /** When an undelivered message is sent again through another account ({@link ResendPolicy#OFF} by default). */
    public SwitchboardBuilder resend(ResendPolicy value) {
        resend = Checks.required(value, "resend");
        return this;
    }

    /**
     * Reads back, every {@code every}, at most {@code maxPerRun} messages with no final status {@code after} their
     * routing (and sends whose outcome was unknown). Runs every minute for messages 15 minutes old once
     * {@link #callbackBaseUrl} is set; {@link Switchboard#deliveries()} can run it at any time.
     */
    public SwitchboardBuilder reconcile(Duration after, Duration every, int maxPerRun) {
        reconcileAfter = Checks.required(after, "reconcile.after");
        reconcileEvery = Checks.required(every, "reconcile.every");
        if (every.isNegative() || every.isZero()) {
            throw io.switchboard.domain.SwitchboardException.invalid("reconcile.every", "must be positive, got "
                    + every);
        }
        reconcileMaxPerRun = maxPerRun;
        return this;
    }

    /**
     * A resource the facade closes after its accounts, such as the emulators switchboard-testing starts or a shared
     * state store; several may be given, and they are closed the last given first.
     */
    public SwitchboardBuilder closing(AutoCloseable resource) {
        ownedResources.add(Checks.required(resource, "resource"));
        return this;
    }

    /** Accounts, rate decks, sender pools and routing from a validated configuration file. */
    public SwitchboardBuilder configuration(io.switchboard.config.SwitchboardConfig config) {
        return ConfigWiring.apply(Checks.required(config, "config"), this);
    }

    /** The Guice modules this builder would install: the core one and one per vendor. */
    public List<Module> modules() {
        return List.of(new SwitchboardModule(this), AdapterModule.twilio(twilio), AdapterModule.plivo(plivo), AdapterModule.telnyx(telnyx), new ConnectorsModule(custom));
    }

    public Switchboard build() {
        return Guice.createInjector(modules()).getInstance(Switchboard.class);
    }
}
