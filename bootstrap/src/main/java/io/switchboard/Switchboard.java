package io.switchboard;

import io.switchboard.adapters.plivo.PlivoConnector;
import io.switchboard.adapters.telnyx.TelnyxConnector;
import io.switchboard.adapters.twilio.TwilioConnector;
import io.switchboard.application.PriceBook;
import io.switchboard.application.PricingFailure;
import io.switchboard.application.Router;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.port.ProviderConnector;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Switchboard for an embedding application: messages and calls routed over every configured account with
 * failover, reads from any account, cost queries, and each vendor's own API. Thread-safe; close it to release its
 * connection pool and threads. Built with {@link #builder()}, which needs no knowledge of Guice.
 *
 * <p>Sending one SMS through the accounts of a configuration file (the README's example; artifact
 * {@code io.switchboard:switchboard}):
 *
 * <pre>{@code
 * import io.switchboard.Switchboard;
 * import io.switchboard.application.Delivery;
 * import io.switchboard.config.ConfigLoader;
 * import io.switchboard.domain.PhoneNumber;
 * import io.switchboard.domain.SenderPool;
 * import io.switchboard.domain.message.MessageRequest;
 *
 * import java.nio.file.Path;
 *
 * public class SendHello {
 *     public static void main(String[] args) {
 *         try (Switchboard switchboard = Switchboard.builder()
 *                 .configuration(ConfigLoader.fromSystemEnvironment().load(Path.of("switchboard.yaml")))
 *                 .build()) {
 *             MessageRequest hello = MessageRequest.sms(
 *                     PhoneNumber.parse("+447700900001"), new SenderPool("alerts"), "Hello");
 *             Delivery delivery = switchboard.messages().send(hello);
 *             if (delivery instanceof Delivery.Sent sent) {
 *                 System.out.println("sent by " + sent.account() + " as " + sent.vendorId());
 *             } else {
 *                 System.out.println("not sent: " + delivery);
 *             }
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>{@code Delivery} is a value, never an exception: {@code Sent}, {@code NotSent} with its reason, or
 * {@code OutcomeUnknown}. For tests and development without vendor accounts, {@code io.switchboard:switchboard-testing}
 * starts the three vendor emulators in-process and adds their accounts to a builder
 * ({@code EmbeddedSandbox.start().configure(Switchboard.builder())}).
 */
public final class Switchboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Switchboard.class);

    private final Router router;
    private final Accounts accounts;
    private final OkHttpClient http;
    private final ExecutorService ownedExecutor;
    private final AutoCloseable ownedResource;
    private final Messages messages;
    private final Calls calls;
    private final Numbers numbers;
    private final Recordings recordings;
    private final Usage usage;
    private final Lookups lookups;
    private final Costs costs;
    private final Deliveries deliveries;

    Switchboard(Router router, List<ProviderConnector> connectors, OkHttpClient http, java.util.concurrent.Executor executor,
            ExecutorService ownedExecutor, AutoCloseable ownedResource, int maxConcurrency, PriceBook prices,
            Deliveries deliveries) {
        this.deliveries = deliveries;
        this.router = router;
        this.accounts = new Accounts(connectors);
        this.http = http;
        this.ownedExecutor = ownedExecutor;
        this.ownedResource = ownedResource;
        this.messages = new Messages(router, accounts, executor, maxConcurrency);
        this.calls = new Calls(router, accounts, executor);
        this.numbers = new Numbers(accounts);
        this.recordings = new Recordings(accounts);
        this.usage = new Usage(accounts);
        this.lookups = new Lookups(accounts);
        this.costs = new Costs(router, accounts, prices);
    }

    public static SwitchboardBuilder builder() {
        return new SwitchboardBuilder();
    }

    public Messages messages() {
        return messages;
    }

    public Calls calls() {
        return calls;
    }

    public Numbers numbers() {
        return numbers;
    }

    public Recordings recordings() {
        return recordings;
    }

    public Usage usage() {
        return usage;
    }

    public Lookups lookup() {
        return lookups;
    }

    public Costs costs() {
        return costs;
    }

    /**
     * What happens to messages after routing: delivery records, the callback receiver, opt-outs, read-back. See
     * docs/lifecycle.md.
     */
    public Deliveries deliveries() {
        return deliveries;
    }

    /** The router, for plans ({@code router().plan(request)}) and breaker states. */
    public Router router() {
        return router;
    }

    /**
     * The vendor pricing loads that failed, with their real kind (AUTHENTICATION for refused credentials,
     * UNAVAILABLE for an unreachable pricing API, NOT_FOUND for a country the vendor does not price ...) and when
     * each is tried again. An account listed here is left out of routing where it has no price.
     */
    public List<PricingFailure> pricingFailures() {
        return router.pricingFailures();
    }

    /** The configured accounts, in configuration order. */
    public List<AccountId> accounts() {
        return accounts.ids();
    }

    /** The connector of one account, for its ports. */
    public ProviderConnector connector(AccountId account) {
        return accounts.connector(account);
    }

    /** Twilio's own API (WhatsApp, usage triggers, lookup fields, subaccounts, prices) for {@code twilio:name}. */
    public TwilioConnector twilio(String name) {
        return vendorConnector(AccountId.parse("twilio:" + name), TwilioConnector.class);
    }

    /** Plivo's own API (conferences, endpoints, multi-destination sends ...) for account {@code plivo:name}. */
    public PlivoConnector plivo(String name) {
        return vendorConnector(AccountId.parse("plivo:" + name), PlivoConnector.class);
    }

    /** Telnyx's own API (lists with Telnyx's filters, balance, rate-limit headers) for {@code telnyx:name}. */
    public TelnyxConnector telnyx(String name) {
        return vendorConnector(AccountId.parse("telnyx:" + name), TelnyxConnector.class);
    }

    <T extends ProviderConnector> T vendorConnector(AccountId account, Class<T> type) {
        ProviderConnector connector = accounts.connector(account);
        if (!type.isInstance(connector)) {
            throw SwitchboardException.invalid("account", "'" + account + "' is not a " + type.getSimpleName());
        }
        return type.cast(connector);
    }

    /**
     * Closes every account, the shared connection pool, the threads this facade created and a resource given to
     * {@link SwitchboardBuilder#closing}.
     */
    @Override
    public void close() {
        for (ProviderConnector connector : accounts.all()) {
            try {
                connector.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed: {}", connector.account(), e.getClass().getSimpleName());
            }
        }
        deliveries.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
            try {
                if (!ownedExecutor.awaitTermination(10, TimeUnit.SECONDS)) {
                    ownedExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                ownedExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        if (ownedResource != null) {
            try {
                ownedResource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", ownedResource.getClass().getSimpleName(), e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public String toString() {
        return "Switchboard" + accounts.ids();
    }
}
