package io.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatorServerTest {
  private final AtomicReference<Request> seen = new AtomicReference<>();
  private final Faults faults = new Faults();
  private final RequestStats stats = new RequestStats();
  private final EmulatorServer server = new EmulatorServer("test", 4, faults, stats, request -> {
    seen.set(request);
    if (request.path().equals("/empty")) {
      return io.switchboard.sandbox.http.Response.noContent();
    }
    if (request.path().equals("/boom")) {
      throw new IllegalStateException("handler bug");
    }
    return io.switchboard.sandbox.http.Response.json(201, Map.of("ok", true)).withHeader("X-Vendor", "test");
  }).start();
  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .readTimeout(Duration.ofSeconds(10)).build();

  @AfterEach
  void close() {
    server.close();
    client.connectionPool().evictAll();
  }

  private Response call(okhttp3.Request.Builder builder) throws IOException {
    return client.newCall(builder.build()).execute();
  }

  @Test
  void bindsLoopbackOnAnEphemeralPortAndSetsTcpNoDelay() {
    assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(server.port()).isPositive();
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
  }

  @Test
  void handlerSeesMethodPathQueryFormHeadersAndBody() throws IOException {
    RequestBody form = new FormBody.Builder().add("To", "+15005550006").add("MediaUrl", "a").add("MediaUrl", "b")
        .build();
    try (Response r = call(new okhttp3.Request.Builder()
        .url(server.baseUrl() + "/2010-04-01/Accounts/AC1/Messages.json?PageSize=2&DateSent%3C=2024-01-01")
        .header("X-Custom", "v").post(form))) {
      assertThat(r.code()).isEqualTo(201);
      assertThat(r.header("x-vendor")).isEqualTo("test");
      assertThat(r.header("Content-Type")).startsWith("application/json");
      assertThat(r.body().string()).isEqualTo("{\"ok\":true}");
    }
    Request req = seen.get();
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.path()).isEqualTo("/2010-04-01/Accounts/AC1/Messages.json");
    assertThat(req.query().first("PageSize")).isEqualTo("2");
    assertThat(req.query().first("DateSent<")).isEqualTo("2024-01-01");
    assertThat(req.form().first("To")).isEqualTo("+15005550006");
    assertThat(req.form().all("MediaUrl")).containsExactly("a", "b");
    assertThat(req.header("x-custom")).isEqualTo("v");
    assertThat(req.bodyText()).contains("MediaUrl=a&MediaUrl=b");
  }

  @Test
  void jsonBodyAndRawBracketsInTheQueryReachTheHandler() throws IOException {
    RequestBody json = RequestBody.create("{\"to\":\"+1\",\"n\":2}", MediaType.get("application/json"));
    try (Response r = call(new okhttp3.Request.Builder()
        .url(server.baseUrl() + "/v2/messages?page[number]=2&filter[created_at][gte]=x").post(json))) {
      assertThat(r.code()).isEqualTo(201);
    }
    assertThat(seen.get().jsonObject()).isEqualTo(Map.of("to", "+1", "n", 2.0));
    assertThat(seen.get().query().first("page[number]")).isEqualTo("2");
    assertThat(seen.get().query().first("filter[created_at][gte]")).isEqualTo("x");
  }

  @Test
  void emptyResponseIs204WithoutBody() throws IOException {
    try (Response r = call(new okhttp3.Request.Builder().url(server.baseUrl() + "/empty").delete())) {
      assertThat(r.code()).isEqualTo(204);
      assertThat(r.body().bytes()).isEmpty();
    }
  }

  @Test
  void handlerExceptionBecomesA500() throws IOException {
    try (Response r = call(new okhttp3.Request.Builder().url(server.baseUrl() + "/boom"))) {
      assertThat(r.code()).isEqualTo(500);
      assertThat(r.body().string()).contains("handler bug");
    }
  }

  @Test
  void countsRequestsInTotalAndPerPath() throws IOException {
    for (String path : List.of("/a", "/a", "/b")) {
      try (Response r = call(new okhttp3.Request.Builder().url(server.baseUrl() + path + "?q=1"))) {
        assertThat(r.code()).isEqualTo(201);
      }
    }

    assertThat(stats.total()).isEqualTo(3);
    assertThat(stats.count("/a")).isEqualTo(2);
    assertThat(stats.count("GET", "/b")).isEqualTo(1);
    assertThat(stats.count("POST", "/b")).isZero();
    assertThat(stats.byMethodAndPath()).containsEntry("GET /a", 2L);
    assertThat(stats.recent()).extracting(Request::path).containsExactly("/a", "/a", "/b");
    assertThat(stats.last().rawQuery()).isEqualTo("q=1");
  }

  @Test
  void keepAliveRequestsShareOneConnection() throws IOException {
    for (int i = 0; i < 5; i++) {
      try (Response r = call(new okhttp3.Request.Builder().url(server.baseUrl() + "/a"))) {
        r.body().string();
      }
    }

    assertThat(stats.total()).isEqualTo(5);
    assertThat(stats.connections()).isEqualTo(1);
  }

  @Test
  void connectionCloseRequestsAreCountedAsSeparateConnections() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (Response r = call(new okhttp3.Request.Builder().url(server.baseUrl() + "/a")
          .header("Connection", "close"))) {
        r.body().string();
      }
    }

    assertThat(stats.connections()).isEqualTo(3);
  }

  @Test
  void closeEndsEveryHandlerThread() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (Response r = call(new okhttp3.Request.Builder().url(server.baseUrl() + "/a"))) {
        r.body().string();
      }
    }
    assertThat(liveThreads(server.threadNamePrefix())).isPositive();

    server.close();

    assertThat(liveThreads(server.threadNamePrefix())).isZero();
  }

  static long liveThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
  }
}
