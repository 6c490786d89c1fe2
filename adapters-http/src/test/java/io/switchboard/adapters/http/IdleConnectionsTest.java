package io.switchboard.adapters.http;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that closes idle keep-alive connections, as vendors do. Its idle timeout fires on cue
 * ({@link LoopbackServer#closeIdleConnections()}), so the only question is which side retires the connection first:
 * the client, when its idle limit is the shorter, or the server, when the client would keep it longer.
 */
class IdleConnectionsTest {

    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    /** As the application configures it: a pool that keeps idle connections five minutes, no silent retries. */
    private final OkHttpClient shared = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES)).retryOnConnectionFailure(false).build();
    private LoopbackServer vendor;

    @BeforeEach
    void start() throws IOException {
        vendor = new LoopbackServer(LoopbackServer.Mode.KEEP_ALIVE_OK);
    }

    @AfterEach
    void stop() throws IOException {
        vendor.close();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    private HttpOutcome<String> send(AccountHttp http) {
        Call call = http.calls().newCall(new Request.Builder().url(vendor.url("/Messages"))
                .post(RequestBody.create("To=%2B14155552346&Body=hi", FORM)).build());
        return http.execute(call.request(), () -> {
            try (Response response = call.execute()) {
                return response.body().string();
            }
        });
    }

    /** Polls every 10 ms for a condition that configuration brings about; the deadline is only a safety net. */
    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    @Test
    void aSendAfterTheIdleGapGoesOutOnAFreshConnection() throws IOException {
        try (AccountHttp http = AccountHttp.derivedFrom(shared).maxIdle(Duration.ofMillis(200)).build()) {
            assertThat(send(http)).isInstanceOf(HttpOutcome.Success.class);

            assertThat(eventually(() -> http.client().connectionPool().connectionCount() == 0))
                    .as("the client retired its idle connection").isTrue();
            vendor.closeIdleConnections();

            assertThat(send(http)).isInstanceOf(HttpOutcome.Success.class);
            assertThat(vendor.connections.get()).isEqualTo(2);
            assertThat(vendor.requests.get()).isEqualTo(2);
        }
    }

    /**
     * The same sequence when the client keeps idle connections longer than the vendor: the send goes out on a
     * connection the vendor already closed, and since it may have been accepted, its outcome is unknown. (OkHttp probes
     * a connection reused for a send only after 10 s idle; this one is idle for milliseconds.)
     */
    @Test
    void withoutRetirementTheSendMeetsTheConnectionTheVendorClosed() throws IOException {
        try (AccountHttp http = AccountHttp.derivedFrom(shared).maxIdle(Duration.ofMinutes(5)).build()) {
            assertThat(send(http)).isInstanceOf(HttpOutcome.Success.class);
            vendor.closeIdleConnections();

            HttpOutcome<String> outcome = send(http);

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.TransportFailure.class,
                    f -> assertThat(f.mayHaveReachedVendor()).isTrue());
            assertThat(vendor.requests.get()).isEqualTo(1);
        }
    }

    @Test
    void accountsFromOneApplicationPoolShareOneLibraryPoolUntilTheLastCloses() {
        AccountHttp work = AccountHttp.derivedFrom(shared).build();
        AccountHttp personal = AccountHttp.derivedFrom(shared).header("Authorization", "other").build();
        ConnectionPool pool = work.client().connectionPool();

        assertThat(personal.client().connectionPool()).isSameAs(pool).isNotSameAs(shared.connectionPool());
        assertThat(work.client().dispatcher()).isSameAs(shared.dispatcher());
        assertThat(send(work)).isInstanceOf(HttpOutcome.Success.class);
        assertThat(send(personal)).isInstanceOf(HttpOutcome.Success.class);
        assertThat(pool.connectionCount()).as("one connection served both accounts").isEqualTo(1);

        work.close();
        work.close();
        assertThat(pool.idleConnectionCount()).as("another account still uses the pool").isEqualTo(1);
        personal.close();
        assertThat(pool.connectionCount()).as("the last account out evicts it").isZero();

        try (AccountHttp later = AccountHttp.derivedFrom(shared).build()) {
            assertThat(later.client().connectionPool()).isNotSameAs(pool);
        }
    }
}
