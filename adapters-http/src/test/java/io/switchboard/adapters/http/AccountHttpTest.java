package io.switchboard.adapters.http;

import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import io.switchboard.domain.port.TimeBudget;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one exchange over real loopback HTTP: what it sends, what it refuses to repeat, and how it reports the end. */
class AccountHttpTest {

    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private final MockWebServer server = new MockWebServer();
    /** The application's client as OkHttp makes it by default: it retries and follows redirects. */
    private final OkHttpClient shared = new OkHttpClient();
    private final List<Headers> observed = new ArrayList<>();
    private AccountHttp http;

    @BeforeEach
    void start() throws IOException {
        server.start();
        http = account(HttpTimeouts.DEFAULTS.withReadWrite(Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.shutdown();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    private AccountHttp account(HttpTimeouts timeouts) {
        return AccountHttp.derivedFrom(shared).timeouts(timeouts).header("Authorization", "Basic c2VjcmV0")
                .header("User-Agent", "switchboard-test").onResponse(observed::add).build();
    }

    private static Request post(String url) {
        return new Request.Builder().url(url).post(RequestBody.create("To=%2B14155552346&Body=hi", FORM)).build();
    }

    private HttpOutcome<String> send(AccountHttp on, Request request) {
        Call call = on.calls().newCall(request);
        return on.execute(call.request(), () -> {
            try (Response response = call.execute()) {
                return response.body().string();
            }
        });
    }

    private HttpOutcome<String> send(String path) {
        return send(http, post(server.url(path).toString()));
    }

    @Test
    void aTimeBudgetCutsTheWholeCallOfAnAnswerDrippingUnderTheReadTimeout() {
        // 100 bytes at one per 200 ms: 20 s in all, each byte well within the 500 ms read timeout.
        server.enqueue(new MockResponse().setBody("x".repeat(100)).throttleBody(1, 200, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();

        HttpOutcome<String> outcome = TimeBudget.within(Duration.ofSeconds(1), () -> send("/dripping"));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.TransportFailure.class,
                lost -> assertThat(lost.mayHaveReachedVendor()).isTrue());
        assertThat(took).as("cut near the budget, far from the 20 s the answer takes").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anAnswerWithinTheBudgetIsRead() {
        server.enqueue(new MockResponse().setBody("{\"sid\": \"SM1\"}"));

        assertThat(TimeBudget.within(Duration.ofSeconds(5), () -> send("/quick")))
                .isInstanceOfSatisfying(HttpOutcome.Success.class,
                        ok -> assertThat(ok.body()).isEqualTo("{\"sid\": \"SM1\"}"));
    }

    @Test
    void aSuccessCarriesStatusHeadersAndBodyAndTheAccountsHeadersWentOut() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("X-Request-Id", "r1").setBody("{\"sid\":1}"));

        HttpOutcome<String> outcome = send("/Messages");

        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Success.class, s -> {
            assertThat(s.status()).isEqualTo(201);
            assertThat(s.headers().get("X-Request-Id")).isEqualTo("r1");
            assertThat(s.body()).isEqualTo("{\"sid\":1}");
        });
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic c2VjcmV0");
        assertThat(request.getHeader("User-Agent")).isEqualTo("switchboard-test");
        assertThat(observed).extracting(h -> h.get("X-Request-Id")).containsExactly("r1");
        assertThat(shared.interceptors()).as("the shared client is not modified").isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectOnASendIsReportedAndNeverFollowed(int status) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "/elsewhere")
                .setBody("moved"));
        server.enqueue(new MockResponse().setResponseCode(201).setBody("{\"sid\":\"a second send\"}"));

        HttpOutcome<String> outcome = send("/Messages");

        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.headers().get("Location")).isEqualTo("/elsewhere");
            assertThat(e.errorText()).isEqualTo("moved");
        });
        assertThat(server.getRequestCount()).as("nothing went to the redirect's target").isEqualTo(1);
    }

    @Test
    void theSharedClientAloneWouldFollowARedirect() throws IOException {
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/elsewhere"));
        server.enqueue(new MockResponse().setResponseCode(200).setBody("somewhere else"));

        try (Response response = shared.newCall(post(server.url("/Messages").toString())).execute()) {
            assertThat(response.body().string()).isEqualTo("somewhere else");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    /** A GET first leaves a pooled connection: OkHttp replays a request that fails on a reused one. */
    private void leaveAPooledConnectionThenDropTheNext() {
        server.enqueue(new MockResponse().setBody("warm"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setResponseCode(201).setBody("{\"sid\":\"a second send\"}"));
    }

    @Test
    void aSendWhoseConnectionDropsIsNeverSentAgainAndMayHaveReachedTheVendor() {
        leaveAPooledConnectionThenDropTheNext();
        Call warm = http.calls().newCall(new Request.Builder().url(server.url("/warm")).build());
        assertThat(http.execute(warm.request(), () -> warm.execute().body().string()))
                .isInstanceOf(HttpOutcome.Success.class);

        HttpOutcome<String> outcome = send("/Messages");

        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.TransportFailure.class,
                f -> assertThat(f.mayHaveReachedVendor()).isTrue());
        assertThat(server.getRequestCount()).as("the send went out once").isEqualTo(2);
    }

    @Test
    void theSharedClientAloneWouldSendItAgain() throws IOException {
        leaveAPooledConnectionThenDropTheNext();
        try (Response warm = shared.newCall(new Request.Builder().url(server.url("/warm")).build()).execute()) {
            assertThat(warm.body().string()).isEqualTo("warm");
        }

        try (Response response = shared.newCall(post(server.url("/Messages").toString())).execute()) {
            assertThat(response.code()).isEqualTo(201);
        }
        assertThat(server.getRequestCount()).as("OkHttp replayed the send").isEqualTo(3);
    }

    @Test
    void aRefusedConnectionDidNotReachTheVendor() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        HttpOutcome<String> outcome = send(http, post("http://127.0.0.1:" + closedPort + "/Messages"));

        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.TransportFailure.class, f -> {
            assertThat(f.mayHaveReachedVendor()).isFalse();
            assertThat(f.cause()).isInstanceOf(ConnectException.class);
        });
    }

    @Test
    void noAnswerAfterTheRequestWentOutMayHaveReachedTheVendor() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        HttpOutcome<String> outcome = send("/Messages");

        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.TransportFailure.class, f -> {
            assertThat(f.mayHaveReachedVendor()).isTrue();
            assertThat(f.cause()).isInstanceOf(SocketTimeoutException.class);
        });
    }

    @Test
    void a2xxWhoseBodyCannotBeReadIsUnreadableNotATransportFailure() {
        server.enqueue(new MockResponse().setResponseCode(202).setBody("{\"sid\": "));
        Call call = http.calls().newCall(post(server.url("/Messages").toString()));

        HttpOutcome<String> outcome = http.execute(call.request(), () -> {
            try (Response response = call.execute()) {
                String body = response.body().string();
                throw new EOFException("JSON ends in the middle: " + body);
            }
        });

        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Unreadable.class, u -> {
            assertThat(u.status()).isEqualTo(202);
            assertThat(u.cause()).isInstanceOf(EOFException.class);
        });
    }

    @Test
    void a2xxBodyPastTheCapIsUnreadable() {
        AccountHttp small = AccountHttp.derivedFrom(shared).caps(1_000, 100).build();
        server.enqueue(new MockResponse().setBody("x".repeat(1_001)));

        try {
            HttpOutcome<String> outcome = send(small, post(server.url("/Messages").toString()));

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Unreadable.class,
                    u -> assertThat(u.cause()).isInstanceOf(BoundedBodies.TooLarge.class));
        } finally {
            small.close();
        }
    }

    @Test
    void anErrorBodyOfTenMegabytesIsReadOnlyToTheCap() {
        Buffer tenMegabytes = new Buffer();
        for (int i = 0; i < 10 * 1024; i++) {
            tenMegabytes.writeUtf8("e".repeat(1024));
        }
        server.enqueue(new MockResponse().setResponseCode(500).setBody(tenMegabytes));

        HttpOutcome<String> outcome = send("/Messages");

        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.errorText()).hasSize((int) ErrorBodies.MAX_BYTES).matches("e+");
        });
    }

    @Test
    void anErrorBodyWithNoEndStillEndsTheExchange() throws IOException {
        try (LoopbackServer endless = new LoopbackServer(LoopbackServer.Mode.ENDLESS_ERROR)) {
            HttpOutcome<String> outcome = send(http, post(endless.url("/Messages")));

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.HttpError.class, e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.errorText()).hasSize((int) ErrorBodies.MAX_BYTES).matches("e+");
            });
        }
    }

    @Test
    void aNon2xxIsAnHttpErrorWithTheStartOfItsBody() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody("{\"code\": 20429}"));

        HttpOutcome<String> outcome = send("/Messages");

        assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.headers().get("Retry-After")).isEqualTo("7");
            assertThat(e.errorText()).isEqualTo("{\"code\": 20429}");
        });
        assertThatThrownBy(() -> outcome.orElseThrow(o -> new IllegalStateException("failed: " + o)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("429");
    }

    @Test
    void aRequestNotMadeByThisAccountIsRefused() {
        Request untracked = post(server.url("/Messages").toString());
        Request elsewhere;
        try (AccountHttp other = AccountHttp.derivedFrom(shared).build()) {
            elsewhere = other.calls().newCall(untracked).request();
        }

        assertThatThrownBy(() -> http.execute(untracked, () -> "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> http.execute(elsewhere, () -> "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }
}
