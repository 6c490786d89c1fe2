package io.switchboard;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.switchboard.application.AccountSettings;
import io.switchboard.application.PriceBook;
import io.switchboard.application.CallbackUrls;
import io.switchboard.application.Router;
import io.switchboard.application.lifecycle.CallbackReceiver;
import io.switchboard.application.lifecycle.InMemoryDeliveryRecords;
import io.switchboard.application.lifecycle.Lifecycle;
import io.switchboard.application.lifecycle.Reconciler;
import io.switchboard.domain.Failure;
import io.switchboard.domain.port.ProviderConnector;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core wiring: the shared OkHttp client (one connection pool and dispatcher for every account, sized for the
 * configured concurrency), the price book, the router and the facade. Vendor modules contribute the connectors.
 */
public final class SwitchboardModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardModule.class);

    private final SwitchboardBuilder settings;

    SwitchboardModule(SwitchboardBuilder settings) {
        this.settings = settings;
    }

    /** Delivery records one instance keeps in memory by default. */
    static final long DEFAULT_RECORDS = 100_000;

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ProviderConnector.class);
    }

    @Provides
    @Singleton
    OkHttpClient http() {
        int n = settings.maxConcurrency;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(n);
        dispatcher.setMaxRequestsPerHost(n);
        // OkHttp keeps 5 idle connections by default: at higher concurrency every extra request would open (and
        // against a real vendor, handshake) a new connection. Keep one idle connection per concurrent request.
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(n, 5, TimeUnit.MINUTES))
                // A reset connection must not silently re-send a message: failover decides, not the HTTP client.
                .retryOnConnectionFailure(false)
                .build();
    }

    @Provides
    @Singleton
    Switchboard switchboard(Set<ProviderConnector> connectorSet, OkHttpClient http) {
        List<ProviderConnector> connectors = new ArrayList<>(connectorSet);
        ExecutorService owned = settings.executor == null ? Executors.newFixedThreadPool(settings.maxConcurrency,
                daemonThreads("switchboard-send-")) : null;
        ExecutorService executor = owned != null ? owned : settings.executor;

        PriceBook.Builder prices = PriceBook.builder().clock(settings.clock).executor(executor)
                .loadTimeout(settings.priceLoadTimeout);
        settings.decks.forEach(prices::decks);
        connectors.forEach(prices::pricing);
        PriceBook priceBook = prices.build();
        Set<String> countries = settings.warmUpChosen ? settings.warmUpCountries : settings.poolCountries;
        if (!countries.isEmpty()) {
            // Bounded by the load timeout; the price book logs each failing account on one line.
            List<Failure> failures = priceBook.warmUp(countries, settings.warmUpProducts);
            if (!failures.isEmpty()) {
                LOG.debug("price warm-up: {} failed loads", failures.size());
            }
        }

        Router.Builder router = Router.builder()
                .prices(priceBook)
                .senders(settings.pools.build())
                .policy(settings.policy)
                .breakers(settings.breakers)
                .clock(settings.clock)
                .meterRegistry(settings.registry);
        for (ProviderConnector connector : connectors) {
            router.account(connector, settings.settings.getOrDefault(connector.account(), AccountSettings.ofDefaults()));
        }
        if (settings.ledger != null) {
            router.ledger(settings.ledger);
        }
        if (settings.budgets != null) {
            router.budgets(settings.budgets);
        }
        if (settings.retryAfterMarks != null) {
            router.retryAfterMarks(settings.retryAfterMarks);
        }
        Lifecycle.Builder lifecycle = Lifecycle.builder()
                .clock(settings.clock)
                .resend(settings.resend)
                .resendExecutor(executor)
                .meterRegistry(settings.registry)
                .records(settings.deliveryRecords != null ? settings.deliveryRecords
                        : new InMemoryDeliveryRecords(InMemoryDeliveryRecords.DEFAULT_RETENTION,
                                DEFAULT_RECORDS, settings.clock));
        if (settings.suppressions != null) {
            lifecycle.suppressions(settings.suppressions);
        }
        Lifecycle life = lifecycle.build();
        router.hooks(life);
        if (settings.callbackBaseUrl != null) {
            router.callbackUrls(CallbackUrls.under(settings.callbackBaseUrl));
        }
        Router built = router.build();
        life.bind(built);
        Deliveries deliveries = new Deliveries(life, new CallbackReceiver(connectors, life, settings.registry),
                new Reconciler(life, connectors, settings.reconcileAfter, settings.reconcileMaxPerRun),
                settings.reconcileEvery, settings.callbackBaseUrl);
        return new Switchboard(built, connectors, http, executor, owned, closingAll(settings.ownedResources),
                settings.maxConcurrency, priceBook, deliveries);
    }

    /** One resource closing every one of {@code resources}, the last given first; null for none. */
    private static AutoCloseable closingAll(List<AutoCloseable> resources) {
        if (resources.isEmpty()) {
            return null;
        }
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        return () -> {
            for (AutoCloseable resource : reversed) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.getClass().getSimpleName());
                }
            }
        };
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
