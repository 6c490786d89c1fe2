package io.switchboard.benchmarks.send;

import com.plivo.api.PlivoClient;
import com.telnyx.sdk.ApiClient;
import com.telnyx.sdk.api.MessagesApi;
import com.telnyx.sdk.model.CreateMessageRequest;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.plivo.PlivoConnector;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.telnyx.TelnyxConnector;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.adapters.twilio.TwilioConnector;
import io.switchboard.application.AccountSettings;
import io.switchboard.application.BreakerSettings;
import io.switchboard.application.Delivery;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.Switchboard;
import io.switchboard.SwitchboardBuilder;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.http.HttpHost;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The clients compared, all sending the same SMS ({@link #TEXT}, one GSM-7 segment) from an owned US number to one
 * of {@link #DESTINATIONS} US numbers, against the same sandbox.
 */
final class Clients {

    static final String TEXT = "Your code is 481516.";
    static final int DESTINATIONS = 100;
    /** Requests in flight at once that the shared OkHttp clients are sized for (the facade's default). */
    static final int MAX_CONCURRENCY = 64;

    static final AccountId TWILIO = AccountId.parse("twilio:default");
    static final AccountId PLIVO = AccountId.parse("plivo:default");
    static final AccountId TELNYX = AccountId.parse("telnyx:default");
    static final Map<String, AccountId> ACCOUNTS = Map.of("twilio", TWILIO, "plivo", PLIVO, "telnyx", TELNYX);
    /** A number each sandbox account owns and may send SMS from. */
    static final Map<String, String> FROM = Map.of("twilio", "+12025550101", "plivo", "+12025550111",
            "telnyx", "+12025550121");
    static final String POOL = "bench";

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String[] TO = new String[DESTINATIONS];
    private static final PhoneNumber[] TO_NUMBERS = new PhoneNumber[DESTINATIONS];

    static {
        for (int i = 0; i < DESTINATIONS; i++) {
            TO[i] = "+1415555" + (2600 + i);
            TO_NUMBERS[i] = PhoneNumber.parse(TO[i]);
        }
    }

    private Clients() {
    }

    static String to(int i) {
        return TO[i % DESTINATIONS];
    }

    static PhoneNumber toNumber(int i) {
        return TO_NUMBERS[i % DESTINATIONS];
    }

    /**
     * An OkHttp client configured as the facade configures its shared one: dispatcher and pool sized for
     * {@code maxConcurrency}, no silent retry of a reset connection.
     */
    static OkHttpClient okHttp(int maxConcurrency) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxConcurrency);
        dispatcher.setMaxRequestsPerHost(maxConcurrency);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxConcurrency, 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .build();
    }

    static void close(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- configurations of our adapters, shared by the bare adapters and the facade

    static TwilioConfig twilioConfig(Sandbox sandbox) {
        return TwilioConfig.builder().account(TWILIO).accountSid(sandbox.get("twilio.accountSid"))
                .authToken(sandbox.get("twilio.authToken")).allBaseUrls(sandbox.get("twilio.baseUrl") + "/").build();
    }

    static PlivoConfig plivoConfig(Sandbox sandbox) {
        return PlivoConfig.builder().accountName(PLIVO.name()).authId(sandbox.get("plivo.authId"))
                .authToken(sandbox.get("plivo.authToken")).baseUrl(sandbox.get("plivo.baseUrl")).build();
    }

    static TelnyxConfig telnyxConfig(Sandbox sandbox) {
        return TelnyxConfig.builder().account(TELNYX).apiKey(sandbox.get("telnyx.apiKey"))
                .baseUrl(sandbox.get("telnyx.baseUrl"))
                .messagingProfileId(sandbox.get("telnyx.messagingProfileId")).build();
    }

    // ---- raw OkHttp: the same wire request by hand, the body read as a string and not parsed

    static SendClient rawTwilio(Sandbox sandbox, OkHttpClient http) {
        String url = sandbox.get("twilio.baseUrl") + "/2010-04-01/Accounts/" + sandbox.get("twilio.accountSid")
                + "/Messages.json";
        String auth = Credentials.basic(sandbox.get("twilio.accountSid"), sandbox.get("twilio.authToken"));
        String from = FROM.get("twilio");
        return new Raw("twilio", http, i -> new Request.Builder().url(url)
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .post(new FormBody.Builder().add("To", to(i)).add("From", from).add("Body", TEXT).build())
                .build());
    }

    static SendClient rawPlivo(Sandbox sandbox, OkHttpClient http) {
        String url = sandbox.get("plivo.baseUrl") + "Account/" + sandbox.get("plivo.authId") + "/Message/";
        String auth = Credentials.basic(sandbox.get("plivo.authId"), sandbox.get("plivo.authToken"));
        String from = FROM.get("plivo");
        return new Raw("plivo", http, i -> new Request.Builder().url(url)
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .post(RequestBody.create("{\"src\":\"" + from + "\",\"dst\":\"" + to(i) + "\",\"text\":\"" + TEXT
                        + "\",\"type\":\"sms\"}", JSON))
                .build());
    }

    static SendClient rawTelnyx(Sandbox sandbox, OkHttpClient http) {
        String url = sandbox.get("telnyx.baseUrl") + "/messages";
        String auth = "Bearer " + sandbox.get("telnyx.apiKey");
        String from = FROM.get("telnyx");
        String profile = sandbox.get("telnyx.messagingProfileId");
        return new Raw("telnyx", http, i -> new Request.Builder().url(url)
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .post(RequestBody.create("{\"from\":\"" + from + "\",\"to\":\"" + to(i) + "\",\"text\":\"" + TEXT
                        + "\",\"type\":\"SMS\",\"messaging_profile_id\":\"" + profile + "\"}", JSON))
                .build());
    }

    private interface RequestFactory {
        Request create(int i);
    }

    private record Raw(String vendor, OkHttpClient http, RequestFactory requests) implements SendClient {
        @Override
        public String kind() {
            return "raw-okhttp";
        }

        @Override
        public void send(int i) throws Exception {
            try (Response response = http.newCall(requests.create(i)).execute()) {
                String body = response.body().string();
                if (!response.isSuccessful()) {
                    throw new IllegalStateException(vendor + " answered " + response.code() + ": " + body);
                }
            }
        }
    }

    // ---- our adapters, bare

    static SendClient adapter(String vendor, Sandbox sandbox, OkHttpClient http) {
        ProviderConnector connector = switch (vendor) {
            case "twilio" -> TwilioConnector.create(twilioConfig(sandbox), http);
            case "plivo" -> PlivoConnector.create(plivoConfig(sandbox), http);
            case "telnyx" -> TelnyxConnector.create(telnyxConfig(sandbox), http);
            default -> throw new IllegalArgumentException(vendor);
        };
        return new Adapter(vendor, connector, connector.messaging().orElseThrow(),
                PhoneNumber.parse(FROM.get(vendor)));
    }

    private record Adapter(String vendor, ProviderConnector connector, MessagingPort port, PhoneNumber from)
            implements SendClient {
        @Override
        public String kind() {
            return "adapter";
        }

        @Override
        public void send(int i) {
            port.send(MessageRequest.sms(toNumber(i), from, TEXT));
        }

        @Override
        public void close() {
            connector.close();
        }
    }

    // ---- the official SDKs

    /**
     * The official Twilio SDK with its own Apache HttpClient, configured as its default constructor does (pool of 20
     * per route, 100 in all, its request and socket settings), plus a route planner that connects to the emulator
     * over plain HTTP whatever the host: the SDK builds and sends its request untouched (its Host header still says
     * api.twilio.com).
     */
    static SendClient twilioSdk(Sandbox sandbox) {
        URI base = URI.create(sandbox.get("twilio.baseUrl"));
        HttpHost emulator = new HttpHost(base.getHost(), base.getPort(), "http");
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setDefaultSocketConfig(com.twilio.http.HttpClient.DEFAULT_SOCKET_CONFIG);
        pool.setDefaultMaxPerRoute(20);
        pool.setMaxTotal(100);
        HttpClientBuilder builder = HttpClientBuilder.create().useSystemProperties()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(com.twilio.http.HttpClient.DEFAULT_REQUEST_CONFIG)
                .setRoutePlanner((target, request, context) -> new HttpRoute(emulator));
        TwilioRestClient client = new TwilioRestClient.Builder(sandbox.get("twilio.accountSid"),
                sandbox.get("twilio.authToken")).httpClient(new NetworkHttpClient(builder)).build();
        com.twilio.type.PhoneNumber from = new com.twilio.type.PhoneNumber(FROM.get("twilio"));
        return new SendClient() {
            @Override
            public String vendor() {
                return "twilio";
            }

            @Override
            public String kind() {
                return "sdk";
            }

            @Override
            public void send(int i) {
                com.twilio.rest.api.v2010.account.Message.creator(new com.twilio.type.PhoneNumber(to(i)), from, TEXT)
                        .create(client);
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }

    /**
     * The official Telnyx SDK (generated, on Jersey's default connector over HttpURLConnection) pointed at the
     * emulator with {@code setBasePath}. HttpURLConnection keeps {@code http.maxConnections} idle connections per
     * host (5 unless set); the benchmark raises it to 64 so that the SDK reuses connections at 16 threads.
     */
    static SendClient telnyxSdk(Sandbox sandbox) {
        ApiClient client = new ApiClient();
        client.setBasePath(sandbox.get("telnyx.baseUrl"));
        client.setBearerToken(sandbox.get("telnyx.apiKey"));
        MessagesApi api = new MessagesApi(client);
        String from = FROM.get("telnyx");
        String profile = sandbox.get("telnyx.messagingProfileId");
        return new SendClient() {
            @Override
            public String vendor() {
                return "telnyx";
            }

            @Override
            public String kind() {
                return "sdk";
            }

            @Override
            public void send(int i) throws Exception {
                api.createMessage(new CreateMessageRequest().from(from).to(to(i)).text(TEXT)
                        .type(CreateMessageRequest.TypeEnum.SMS).messagingProfileId(profile));
            }
        };
    }

    /**
     * The official Plivo SDK ({@code com.plivo:plivo-java}) on its own OkHttp client. It is built with the
     * {@code (authId, authToken, OkHttpClient.Builder)} constructor, which keeps the SDK's Jackson set-up (the
     * constructor that takes a base URL needs a module the SDK keeps private) and, like its default constructor,
     * leaves the SDK its own connection pool (5 idle connections) and 5 s connect timeout. Its base URLs are fixed
     * on https://api.plivo.com, so one application interceptor sends each request to the emulator: only scheme, host
     * and port are rewritten, the path, headers and JSON body are the SDK's.
     */
    static SendClient plivoSdk(Sandbox sandbox) {
        HttpUrl emulator = HttpUrl.get(sandbox.get("plivo.baseUrl"));
        OkHttpClient.Builder toEmulator = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .url(chain.request().url().newBuilder().scheme(emulator.scheme()).host(emulator.host())
                                .port(emulator.port()).build())
                        .build()));
        PlivoClient client = new PlivoClient(sandbox.get("plivo.authId"), sandbox.get("plivo.authToken"),
                toEmulator);
        String from = FROM.get("plivo");
        return new SendClient() {
            @Override
            public String vendor() {
                return "plivo";
            }

            @Override
            public String kind() {
                return "sdk";
            }

            @Override
            public void send(int i) throws Exception {
                com.plivo.api.models.message.Message.creator(from, to(i), TEXT).client(client).create();
            }
        };
    }

    // ---- the facade: routing, failover, breakers, metrics over the three accounts

    /**
     * The facade over the three sandbox accounts, as an application would build it: a sender pool of each account's
     * US number, Telnyx priced from its deck (it has no pricing API), Twilio and Plivo from their pricing APIs,
     * warmed up for the US. Plivo's published client-side budget (100 requests a minute) is replaced by one that a
     * benchmark does not reach, as an account with a raised limit would configure.
     */
    static SwitchboardBuilder facadeBuilder(Sandbox sandbox, int maxConcurrency) {
        SwitchboardBuilder builder = Switchboard.builder()
                .twilio(twilioConfig(sandbox))
                .plivo(plivoConfig(sandbox))
                .telnyx(telnyxConfig(sandbox))
                .accountSettings(PLIVO, AccountSettings.ofDefaults()
                        .withRateLimit(RateLimit.of(1_000_000, Duration.ofSeconds(1))))
                .rateDeck(TELNYX, Product.SMS, telnyxDeck())
                .maxConcurrency(maxConcurrency)
                .warmUpPrices("US");
        for (String vendor : List.of("twilio", "plivo", "telnyx")) {
            builder.senderPool(POOL, ACCOUNTS.get(vendor), PhoneNumber.parse(FROM.get(vendor)));
        }
        return builder;
    }

    static Switchboard facade(Sandbox sandbox, int maxConcurrency) {
        return facadeBuilder(sandbox, maxConcurrency).build();
    }

    /** Breakers that do not open during a measurement: the cost of a failover before the breaker opens. */
    static BreakerSettings breakersThatStayClosed() {
        return new BreakerSettings(100f, 100f, Duration.ofMinutes(1), 100_000, 100_000, Duration.ofMinutes(1), 1);
    }

    /** Telnyx's SMS prices from the sandbox's own deck, as the embedded sandbox hands them to the facade. */
    static RateDeck telnyxDeck() {
        RateDeck.Builder deck = RateDeck.builder();
        for (io.switchboard.sandbox.RateDeck.Rate rate : io.switchboard.sandbox.RateDeck.forVendor("telnyx").rates()) {
            if (rate.product() == io.switchboard.sandbox.Product.SMS) {
                deck.add(rate.prefix(), new Rate(Money.of(rate.rate(), rate.currency()), RateUnit.SEGMENT));
            }
        }
        return deck.build();
    }

    /** Sends through the facade with {@code vendor}'s account first in a fixed priority, all three accounts planned. */
    static SendClient facade(String vendor, Switchboard switchboard) {
        AccountId account = ACCOUNTS.get(vendor);
        RoutingPolicy policy = RoutingPolicy.builder().priority(account).build();
        SenderPool pool = new SenderPool(POOL);
        return new SendClient() {
            @Override
            public String vendor() {
                return vendor;
            }

            @Override
            public String kind() {
                return "facade";
            }

            @Override
            public void send(int i) {
                Delivery delivery = switchboard.messages().send(MessageRequest.sms(toNumber(i), pool, TEXT), policy);
                if (!(delivery instanceof Delivery.Sent sent) || !sent.account().equals(account)) {
                    throw new IllegalStateException("expected a send through " + account + ", got " + delivery);
                }
            }
        };
    }
}
