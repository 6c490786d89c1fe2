package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.sandbox.http.Fault;
import io.switchboard.sandbox.http.Match;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VendorEmulatorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.200Z");
  private static final String US_TO = "+12025550199";

  private final ManualClock clock = new ManualClock(T0);
  private final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock).withSeed(7).withThreads(4);
  private final ToyEmulator toy = new ToyEmulator("toy", config);
  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .readTimeout(Duration.ofSeconds(10)).build();

  @AfterEach
  void close() {
    toy.close();
    client.connectionPool().evictAll();
  }

  private Response call(VendorEmulator emulator, String account, String method, String path, RequestBody body)
      throws IOException {
    return client.newCall(new Request.Builder().url(emulator.baseUrl() + path).method(method, body)
        .header("Authorization", Credentials.basic(account, ToyEmulator.ACCOUNTS.getOrDefault(account, "x")))
        .build()).execute();
  }

  private Response send(VendorEmulator emulator, String account, String to, String text) throws IOException {
    RequestBody form = new FormBody.Builder().add("From", "+12025550101").add("To", to).add("Body", text)
        .add("ClientRef", "ref-" + text.hashCode()).build();
    return call(emulator, account, "POST", "/v1/Accounts/" + account + "/Messages.json", form);
  }

  private static String body(Response r) throws IOException {
    try (r) {
      return r.body().string();
    }
  }

  @Test
  void acceptedMessageIsBilledAndRecordedInTheLedger() throws IOException {
    Response r = send(toy, "AC1", US_TO, "a".repeat(161));

    assertThat(r.code()).isEqualTo(201);
    assertThat(body(r)).contains("\"num_segments\":\"2\"").contains("\"price\":\"-0.0158\"");
    LedgerEntry entry = toy.ledger().entries().get(0);
    assertThat(entry.vendor()).isEqualTo("toy");
    assertThat(entry.account()).isEqualTo("AC1");
    assertThat(entry.id()).matches("SM[0-9a-f]{32}");
    assertThat(entry.units()).isEqualTo(2);
    assertThat(entry.price()).isEqualTo("0.0158");
    assertThat(entry.currency()).isEqualTo("USD");
    assertThat(entry.channel()).isEqualTo("sms");
    assertThat(entry.clientReference()).isEqualTo("ref-" + "a".repeat(161).hashCode());
    assertThat(entry.acceptedAt()).isEqualTo(T0);
  }

  @Test
  void acceptedCallIsBilledPerMinute() throws IOException {
    RequestBody json = RequestBody.create("{\"from\":\"+12025550101\",\"to\":\"+447700900123\"}",
        MediaType.get("application/json"));

    assertThat(body(call(toy, "AC1", "POST", "/v1/Accounts/AC1/Calls.json", json))).contains("\"price\":\"0.0800\"");
    assertThat(toy.ledger().calls()).singleElement().satisfies(e -> {
      assertThat(e.units()).isEqualTo(2);
      assertThat(e.channel()).isEqualTo("voice");
    });
  }

  @Test
  void destinationWithoutARateIsRefusedAndNotRecorded() throws IOException {
    Response r = send(toy, "AC1", "+81312345678", "hi");

    assertThat(r.code()).isEqualTo(400);
    assertThat(body(r)).isEqualTo("{\"code\":40000,\"message\":\"No sms route to +81312345678\",\"status\":400}");
    assertThat(toy.ledger().size()).isZero();
  }

  @Test
  void handlerCanHaltWithAVendorError() throws IOException {
    RequestBody form = new FormBody.Builder().add("From", "+19999999999").add("To", US_TO).add("Body", "x").build();

    Response r = call(toy, "AC1", "POST", "/v1/Accounts/AC1/Messages.json", form);

    assertThat(r.code()).isEqualTo(400);
    assertThat(body(r)).contains("is not a number of this account");
  }

  @Test
  void sentMessageCanBeFetchedAndUnknownIdIsTheVendors404() throws IOException {
    body(send(toy, "AC1", US_TO, "hello"));
    String id = toy.ledger().entries().get(0).id();

    assertThat(body(call(toy, "AC1", "GET", "/v1/Accounts/AC1/Messages/" + id + ".json", null))).contains(id);
    Response missing = call(toy, "AC1", "GET", "/v1/Accounts/AC1/Messages/SMnope.json", null);
    assertThat(missing.code()).isEqualTo(404);
    assertThat(body(missing)).contains("\"code\":40400");
  }

  @Test
  void unknownPathGoesThroughTheNotFoundHook() throws IOException {
    Response r = call(toy, "AC1", "GET", "/v1/Accounts/AC1/Nothing.json", null);

    assertThat(r.code()).isEqualTo(404);
    assertThat(body(r)).isEqualTo("{\"code\":40400,\"message\":\"The requested resource /v1/Accounts/AC1/Nothing.json"
        + " was not found\",\"status\":404}");
  }

  @Test
  void wrongMethodGoesThroughTheMethodNotAllowedHook() throws IOException {
    Response r = call(toy, "AC1", "DELETE", "/v1/Accounts/AC1/Messages.json", null);

    assertThat(r.code()).isEqualTo(405);
    assertThat(r.header("Allow")).isEqualTo("POST");
    assertThat(body(r)).contains("\"code\":40500");
  }

  @Test
  void badOrMissingCredentialsGetTheVendors401() throws IOException {
    RequestBody form = new FormBody.Builder().add("To", US_TO).build();
    Response wrongToken = client.newCall(new Request.Builder().url(toy.baseUrl() + "/v1/Accounts/AC1/Messages.json")
        .header("Authorization", Credentials.basic("AC1", "token-2")).post(form).build()).execute();
    Response otherAccount = call(toy, "AC2", "POST", "/v1/Accounts/AC1/Messages.json", form);
    Response none = client.newCall(new Request.Builder().url(toy.baseUrl() + "/v1/Accounts/AC1/Messages.json")
        .post(form).build()).execute();

    for (Response r : new Response[] {wrongToken, otherAccount, none}) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(body(r)).contains("\"code\":40100");
    }
    assertThat(toy.stats().total()).isEqualTo(3);
    assertThat(toy.ledger().size()).isZero();
  }

  @Test
  void malformedJsonBodyGoesThroughTheBadRequestHook() throws IOException {
    RequestBody broken = RequestBody.create("{\"to\": ", MediaType.get("application/json"));

    Response r = call(toy, "AC1", "POST", "/v1/Accounts/AC1/Calls.json", broken);

    assertThat(r.code()).isEqualTo(400);
    assertThat(body(r)).contains("\"code\":40000").contains("malformed JSON body");
  }

  @Test
  void handlerBugGoesThroughTheServerErrorHook() throws IOException {
    Response r = call(toy, "AC1", "GET", "/v1/Accounts/AC1/Broken.json", null);

    assertThat(r.code()).isEqualTo(500);
    assertThat(body(r)).contains("\"code\":50000");
  }

  @Test
  void rateLimitAnswersTheVendors429WithRetryAfterPerAccount() throws IOException {
    toy.rateLimit(Match.path("/v1/Accounts/"), RateLimiter.fixedWindow(2, Duration.ofSeconds(1), clock));

    assertThat(send(toy, "AC1", US_TO, "1").code()).isEqualTo(201);
    assertThat(send(toy, "AC1", US_TO, "2").code()).isEqualTo(201);
    Response limited = send(toy, "AC1", US_TO, "3");
    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    assertThat(body(limited)).contains("\"code\":42900");
    assertThat(send(toy, "AC2", US_TO, "4").code()).as("another account's budget").isEqualTo(201);

    clock.advance(Duration.ofMillis(800));

    assertThat(send(toy, "AC1", US_TO, "5").code()).isEqualTo(201);
    assertThat(toy.ledger().size()).isEqualTo(4);
  }

  @Test
  void failNextUsesTheVendorErrorBodyAndRetryAfterOn429() throws IOException {
    toy.failNext(1, Match.of("POST", "/v1/Accounts/AC1/Messages.json"), 503);
    toy.failNext(1, 429);

    Response unavailable = send(toy, "AC1", US_TO, "x");
    Response limited = send(toy, "AC1", US_TO, "x");

    assertThat(unavailable.code()).isEqualTo(503);
    assertThat(body(unavailable)).contains("\"code\":50300").contains("Service unavailable");
    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    body(limited);
    assertThat(toy.ledger().size()).isZero();
    assertThat(send(toy, "AC1", US_TO, "x").code()).isEqualTo(201);
  }

  @Test
  void hungSendIsInTheLedgerAlthoughTheClientTimedOut() throws Exception {
    toy.faults().next(1, Fault.hang());
    OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(300)).build();
    RequestBody form = new FormBody.Builder().add("From", "+12025550101").add("To", US_TO).add("Body", "once")
        .build();

    assertThatThrownBy(() -> impatient.newCall(new Request.Builder()
        .url(toy.baseUrl() + "/v1/Accounts/AC1/Messages.json")
        .header("Authorization", Credentials.basic("AC1", "token-1")).post(form).build()).execute())
        .isInstanceOf(SocketTimeoutException.class);

    assertThat(toy.faults().awaitParked(1, Duration.ofSeconds(10))).isTrue();
    assertThat(toy.ledger().acceptances(US_TO, "once")).isEqualTo(1);
    toy.close();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(toy.threadNamePrefix()));
  }

  @Test
  void emulatorsSharingAConfigShareTheLedger() throws IOException {
    try (ToyEmulator other = new ToyEmulator("toy-b", config)) {
      body(send(toy, "AC1", US_TO, "same"));
      body(send(other, "AC1", US_TO, "same"));

      assertThat(toy.ledger()).isSameAs(other.ledger());
      assertThat(toy.ledger().acceptances(US_TO, "same")).isEqualTo(2);
      assertThat(toy.ledger().byVendor("toy-b")).hasSize(1);
      assertThat(toy.stats().total()).isEqualTo(1);
      assertThat(other.stats().total()).isEqualTo(1);
    }
  }

  @Test
  void fixedSeedGivesReproducibleIdsThatDifferAcrossVendors() throws IOException {
    try (ToyEmulator twin = new ToyEmulator("toy", config); ToyEmulator other = new ToyEmulator("toy-b", config)) {
      body(send(toy, "AC1", US_TO, "a"));
      body(send(twin, "AC1", US_TO, "a"));
      body(send(other, "AC1", US_TO, "a"));

      List<String> ids = toy.ledger().entries().stream().map(LedgerEntry::id).toList();
      assertThat(ids.get(1)).as("same vendor, same seed: same id").isEqualTo(ids.get(0));
      assertThat(ids.get(2)).as("the vendor name is mixed into the seed").isNotEqualTo(ids.get(0));
    }
  }

  @Test
  void startIsIdempotentAndBaseUrlStartsTheEmulator() {
    String url = toy.baseUrl();

    assertThat(toy.start().baseUrl()).isEqualTo(url).matches("http://127\\.0\\.0\\.1:\\d+");
  }
}
