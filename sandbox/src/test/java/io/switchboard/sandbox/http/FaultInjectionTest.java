package io.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every fault kind, observed by a real HTTP client over loopback. */
class FaultInjectionTest {
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

  private final AtomicInteger handled = new AtomicInteger();
  private final Faults faults = new Faults();
  private final RequestStats stats = new RequestStats();
  private final EmulatorServer server = new EmulatorServer("faults", 4, faults, stats, request -> {
    int n = handled.incrementAndGet();
    return io.switchboard.sandbox.http.Response.json(201, Map.of("sid", "SM" + n, "status", "queued"));
  }).start();
  // OkHttp would silently repeat a request whose connection failed: exactly what a sender must not do.
  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .readTimeout(Duration.ofSeconds(10)).build();
  private final OkHttpClient impatient = client.newBuilder().readTimeout(SHORT_READ_TIMEOUT).build();

  @AfterEach
  void close() {
    server.close();
    client.connectionPool().evictAll();
  }

  private Response post(OkHttpClient http, String path) throws IOException {
    return http.newCall(new okhttp3.Request.Builder().url(server.baseUrl() + path)
        .post(okhttp3.RequestBody.create(new byte[0])).build()).execute();
  }

  private String ok(String path) throws IOException {
    try (Response r = post(client, path)) {
      assertThat(r.code()).isEqualTo(201);
      return r.body().string();
    }
  }

  @Test
  void respondFaultAnswersTheScriptedResponseWithoutRunningTheHandler() throws IOException {
    faults.next(2, Fault.respond(io.switchboard.sandbox.http.Response.json(429, Map.of("code", 20429))
        .withHeader("Retry-After", "7")));

    for (int i = 0; i < 2; i++) {
      try (Response r = post(client, "/m")) {
        assertThat(r.code()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("7");
        assertThat(r.body().string()).isEqualTo("{\"code\":20429}");
      }
    }
    assertThat(handled).hasValue(0);
    assertThat(ok("/m")).contains("SM1");
    assertThat(stats.total()).as("faulted requests are counted too").isEqualTo(3);
  }

  @Test
  void faultsScopedToAPathLeaveOtherPathsAlone() throws IOException {
    faults.next(1, Match.of("POST", "/calls"), Fault.respond(io.switchboard.sandbox.http.Response.of(503)));

    assertThat(ok("/messages")).contains("SM1");
    try (Response r = post(client, "/calls")) {
      assertThat(r.code()).isEqualTo(503);
    }
    assertThat(ok("/calls")).contains("SM2");
  }

  @Test
  void resetBeforeResponseFailsTheClientAndLeavesStateUntouched() throws IOException {
    faults.next(1, Fault.resetBeforeResponse());

    assertThatThrownBy(() -> post(client, "/m").close()).isInstanceOf(IOException.class);
    assertThat(handled).hasValue(0);
    assertThat(ok("/m")).as("the next request is served normally").contains("SM1");
  }

  @Test
  void resetMidResponseFailsTheClientAfterTheHandlerRan() throws IOException {
    faults.next(1, Fault.resetMidResponse());

    assertThatThrownBy(() -> {
      try (Response r = post(client, "/m")) {
        assertThat(r.code()).as("the status line arrived").isEqualTo(201);
        r.body().string();
      }
    }).isInstanceOf(IOException.class);
    assertThat(handled).as("the request was processed: unknown outcome").hasValue(1);
    assertThat(ok("/m")).contains("SM2");
  }

  @Test
  void hangRunsTheHandlerButTheClientTimesOut() throws Exception {
    faults.next(1, Fault.hang());

    assertThatThrownBy(() -> post(impatient, "/m")).isInstanceOf(SocketTimeoutException.class);
    assertThat(faults.awaitParked(1, Duration.ofSeconds(10))).isTrue();
    assertThat(handled).as("state was updated although no answer came").hasValue(1);
    assertThat(ok("/m")).as("other requests are still served").contains("SM2");
  }

  @Test
  void clearingFaultsReleasesHeldResponses() throws Exception {
    faults.next(1, Fault.hang());
    Thread caller = new Thread(() -> {
      try {
        post(client, "/m").close();
      } catch (IOException ignored) {
        // the assertion below is on the server side
      }
    });
    caller.start();
    assertThat(faults.awaitParked(1, Duration.ofSeconds(10))).isTrue();

    faults.clear();

    caller.join(10_000);
    assertThat(caller.isAlive()).as("the held response was sent on clear()").isFalse();
    assertThat(faults.parked()).isZero();
  }

  @Test
  void closeReleasesThreadsHeldByHang() throws Exception {
    faults.next(3, Fault.hang());
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> post(impatient, "/m")).isInstanceOf(SocketTimeoutException.class);
    }
    assertThat(faults.awaitParked(3, Duration.ofSeconds(10))).isTrue();
    assertThat(EmulatorServerTest.liveThreads(server.threadNamePrefix())).isEqualTo(3);

    server.close();

    assertThat(EmulatorServerTest.liveThreads(server.threadNamePrefix())).isZero();
    assertThat(faults.parked()).isZero();
  }

  @Test
  void dripSendsHeadersThenTheBodyTooSlowlyForTheClient() throws IOException {
    faults.next(1, Fault.drip(Duration.ofSeconds(60)));
    // Headers must beat this timeout even on a loaded machine; the body's first byte comes a minute later.
    OkHttpClient oneSecond = client.newBuilder().readTimeout(Duration.ofSeconds(1)).build();

    try (Response r = post(oneSecond, "/m")) {
      assertThat(r.code()).isEqualTo(201);
      assertThatThrownBy(() -> r.body().string()).isInstanceOf(SocketTimeoutException.class);
    }
    assertThat(handled).hasValue(1);
  }

  @Test
  void htmlPageComesWithStatus200AndNoHandlerRun() throws IOException {
    faults.next(1, Fault.htmlPage());

    try (Response r = post(client, "/m")) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("Content-Type")).startsWith("text/html");
      assertThat(r.body().string()).startsWith("<!DOCTYPE html>").contains("502 Bad Gateway");
    }
    assertThat(handled).hasValue(0);
  }

  @Test
  void malformedJsonComesWithTheScriptedSuccessStatus() throws IOException {
    faults.next(1, Fault.malformedJson(201));

    String body;
    try (Response r = post(client, "/m")) {
      assertThat(r.code()).isEqualTo(201);
      assertThat(r.header("Content-Type")).startsWith("application/json");
      body = r.body().string();
    }
    assertThatThrownBy(() -> new Moshi.Builder().build().adapter(Object.class).fromJson(body))
        .isInstanceOf(IOException.class);
    assertThat(handled).as("the vendor accepted it; only the body is garbled").hasValue(1);
  }

  @Test
  void globalLatencyDelaysEveryRequest() throws IOException {
    faults.latency(Duration.ofMillis(150));

    for (int i = 0; i < 2; i++) {
      long start = System.nanoTime();
      ok("/m");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
  }

  @Test
  void delayRuleDelaysOnlyTheNextMatchingRequests() throws IOException {
    faults.next(1, Match.path("/slow"), Fault.delay(Duration.ofMillis(250)));

    ok("/fast");
    assertThat(faults.pending()).as("a request elsewhere leaves the rule").isEqualTo(1);
    long start = System.nanoTime();
    ok("/slow");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(faults.pending()).isZero();
  }
}
