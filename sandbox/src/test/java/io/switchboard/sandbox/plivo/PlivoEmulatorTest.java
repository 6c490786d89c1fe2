package io.switchboard.sandbox.plivo;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Plivo emulator over loopback HTTP with the JDK's client: Plivo's wire, state, billing and faults. */
class PlivoEmulatorTest {
  private static final String BASE = "/v1/Account/" + PlivoEmulator.AUTH_ID + "/";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T12:00:00Z"));
  private final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock).withSeed(7);
  private final PlivoEmulator plivo = new PlivoEmulator(config);
  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, Map<String, Object> body, HttpResponse<String> raw) {
    Object get(String name) {
      return body.get(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) {
      return (Map<String, Object>) body.get(name);
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String name) {
      return (List<Object>) body.get(name);
    }
  }

  @AfterEach
  void stop() {
    plivo.close();
  }

  private Answer call(String method, String path, String json, String authId, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(plivo.baseUrl() + path)).timeout(Duration.ofSeconds(5))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (authId != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (authId + ":" + token).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, Object> body = r.body().isBlank() ? Map.of() : parse(r.body());
      return new Answer(r.statusCode(), body, r);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) throws IOException {
    return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(json);
  }

  private Answer call(String method, String path, String json) {
    return call(method, path, json, PlivoEmulator.AUTH_ID, PlivoEmulator.AUTH_TOKEN);
  }

  private Answer send(String dst, String text) {
    return call("POST", BASE + "Message/", "{\"src\":\"+12025550111\",\"dst\":\"" + dst + "\",\"text\":\"" + text
        + "\"}");
  }

  @Test
  void answersPlivosErrorBodyWith401ForBadCredentialsOrSomeoneElsesAuthId() {
    Answer wrongToken = call("GET", BASE + "Message/", null, PlivoEmulator.AUTH_ID, "nope");
    assertThat(wrongToken.status()).isEqualTo(401);
    assertThat(wrongToken.body()).containsOnlyKeys("api_id", "error");
    plivo.addAccount("MAOTHERACCOUNT000002", "other");
    assertThat(call("GET", BASE + "Message/", null, "MAOTHERACCOUNT000002", "other").status()).isEqualTo(401);
    assertThat(call("GET", BASE + "Message/", null, null, null).status()).isEqualTo(401);
  }

  @Test
  void sendsOneMessagePerDestinationBillsBySegmentAndListsInvalidNumbers() {
    String text = "sandbox ".repeat(10); // GSM-7, 80 characters: one segment
    Answer sent = call("POST", BASE + "Message/", "{\"src\":\"12025550111\",\"dst\":\"+447700900123<bogus<"
        + "447700900123<+14155550142\",\"text\":\"" + text + "\",\"type\":\"sms\",\"log\":false}");

    assertThat(sent.status()).isEqualTo(202);
    assertThat(sent.get("message")).isEqualTo("message(s) queued");
    assertThat(sent.list("message_uuid")).hasSize(2);
    assertThat(sent.list("invalid_number")).containsExactly("bogus");
    assertThat(config.ledger().acceptances("+447700900123", text)).isEqualTo(1);

    Answer got = call("GET", BASE + "Message/" + sent.list("message_uuid").get(0) + "/", null);
    assertThat(got.get("to_number")).isEqualTo("447700900123");
    assertThat(got.get("from_number")).isEqualTo("12025550111");
    assertThat(got.get("message_state")).isEqualTo("queued");
    assertThat(got.get("total_rate")).isEqualTo("0.03800");
    assertThat(got.get("message_time")).isEqualTo("2026-02-01 12:00:00+00:00");
  }

  @Test
  void takesDestinationsAsAJsonArrayAsTheOfficialSdkSendsThem() {
    Answer placed = call("POST", BASE + "Call/", "{\"from\":\"12025550111\",\"to\":[\"447700900123\"],"
        + "\"answer_url\":\"https://example.com/answer\"}");
    assertThat(placed.status()).isEqualTo(201);
    assertThat(call("GET", BASE + "Call/" + placed.get("request_uuid") + "/", null).get("to_number"))
        .isEqualTo("447700900123");
    Answer two = call("POST", BASE + "Call/", "{\"from\":\"12025550111\",\"to\":[\"447700900123\",\"14155550142\"],"
        + "\"answer_url\":\"https://example.com/answer\"}");
    assertThat(two.list("request_uuid")).hasSize(2);

    Answer sent = call("POST", BASE + "Message/", "{\"src\":\"12025550111\",\"dst\":[\"447700900123\",\"bogus\"],"
        + "\"text\":\"array\"}");
    assertThat(sent.status()).isEqualTo(202);
    assertThat(sent.list("message_uuid")).hasSize(1);
    assertThat(sent.list("invalid_number")).containsExactly("bogus");
    assertThat(call("POST", BASE + "Call/", "{\"from\":\"12025550111\",\"to\":[],"
        + "\"answer_url\":\"https://example.com/answer\"}").status()).isEqualTo(400);
  }

  @Test
  void aMessageHasASentTimeOnceItLeavesAndAnUpdatedTime() {
    String uuid = (String) send("+447700900123", "timed").list("message_uuid").get(0);
    Answer queued = call("GET", BASE + "Message/" + uuid + "/", null);
    assertThat(queued.body()).containsEntry("message_sent_time", null)
        .containsEntry("message_updated_time", "2026-02-01 12:00:00+00:00");

    clock.advance(Duration.ofSeconds(3));
    plivo.deliverQueuedMessages();
    Answer delivered = call("GET", BASE + "Message/" + uuid + "/", null);
    assertThat(delivered.body()).containsEntry("message_sent_time", "2026-02-01 12:00:03+00:00")
        .containsEntry("message_updated_time", "2026-02-01 12:00:03+00:00");
  }

  @Test
  void aLongUnicodeTextIsBilledPerSegmentAtTheDeckRate() {
    String text = "\u4f60\u597d".repeat(40); // 80 UCS-2 units: two segments of 67
    Answer sent = send("+447700900123", text);
    Answer got = call("GET", BASE + "Message/" + sent.list("message_uuid").get(0) + "/", null);
    assertThat(((Number) got.get("units")).intValue()).isEqualTo(2);
    assertThat(got.get("total_amount")).isEqualTo("0.07600");
  }

  @Test
  void takesAtMost1600Gsm7Or737Ucs2CharactersAsPlivoDoes() {
    Answer unicode = send("+447700900123", "ł".repeat(738));
    assertThat(unicode.status()).as("a UCS-2 text over 737 characters").isEqualTo(400);
    assertThat((String) unicode.get("error")).isEqualTo("text parameter length exceeds 737 unicode characters");
    assertThat(config.ledger().size()).isZero();

    assertThat(send("+447700900123", "x".repeat(1600)).status()).isEqualTo(202);
    assertThat(send("+447700900123", "ł".repeat(737)).status()).isEqualTo(202);
    assertThat(config.ledger().size()).isEqualTo(2);
  }

  @Test
  void validatesLikePlivo() {
    assertThat(call("POST", BASE + "Message/", "{\"dst\":\"447700900123\",\"text\":\"x\"}").status()).isEqualTo(400);
    assertThat(call("POST", BASE + "Message/", "{\"src\":\"12025550111\",\"dst\":\"447700900123\"}").status())
        .isEqualTo(400);
    assertThat(call("POST", BASE + "Message/", "{\"src\":\"12025550111\",\"dst\":\"447700900123\",\"text\":\"x\","
        + "\"type\":\"fax\"}").status()).isEqualTo(400);
    assertThat(send("+447700900123", "x".repeat(1601)).status()).isEqualTo(400);
    assertThat(call("POST", BASE + "Message/", "{\"src\":\"ACME\",\"dst\":\"14155550142\",\"text\":\"x\"}").status())
        .as("US destinations need a Plivo number").isEqualTo(400);
    Answer geo = send("+819012345678", "Japan");
    assertThat(geo.status()).isEqualTo(403);
    assertThat((String) geo.get("error")).contains("geo permissions");
    assertThat(call("GET", BASE + "Message", null).status()).as("no trailing slash").isEqualTo(404);
    assertThat(call("PUT", BASE + "Message/", "{}").status()).isEqualTo(405);
    assertThat(config.ledger().size()).isZero();
  }

  @Test
  void pagesByLimitAndOffsetRejectingLimitsAbove20() {
    for (int i = 0; i < 5; i++) {
      send("+14155550142", "page " + i);
      clock.advance(Duration.ofSeconds(1));
    }
    Answer first = call("GET", BASE + "Message/?limit=2&to_number=%2B14155550142", null);
    assertThat(first.list("objects")).hasSize(2);
    assertThat(first.map("meta").get("next")).isEqualTo(BASE + "Message/?limit=2&offset=2&to_number=%2B14155550142");
    assertThat(first.map("meta")).doesNotContainKey("total_count").containsEntry("previous", null);
    Answer last = call("GET", BASE + "Message/?limit=2&offset=4", null);
    assertThat(last.list("objects")).hasSize(1);
    assertThat(last.map("meta").get("next")).isNull();
    assertThat(call("GET", BASE + "Message/?limit=21", null).status()).isEqualTo(400);
    assertThat(call("GET", BASE + "Message/?offset=-1", null).status()).isEqualTo(400);
    assertThat(call("GET", BASE + "Message/?message_time__gte=2026-02-01%2012:00:03", null).list("objects"))
        .hasSize(2);
  }

  @Test
  void callsArePlacedQueuedLiveAndEndedWithRecords() {
    Answer placed = call("POST", BASE + "Call/", "{\"from\":\"12025550111\",\"to\":\"447700900123\","
        + "\"answer_url\":\"https://example.com/answer\",\"answer_method\":\"GET\"}");
    assertThat(placed.status()).isEqualTo(201);
    assertThat(placed.get("message")).isEqualTo("call fired");
    String uuid = (String) placed.get("request_uuid");
    Answer record = call("GET", BASE + "Call/" + uuid + "/", null);
    assertThat(record.get("call_state")).isEqualTo("ANSWER");
    assertThat(record.get("total_amount")).isEqualTo("0.03500");

    plivo.holdNewCalls("ringing");
    String ringing = (String) call("POST", BASE + "Call/", "{\"from\":\"12025550111\",\"to\":\"14155550142\","
        + "\"answer_url\":\"https://example.com/answer\"}").get("request_uuid");
    assertThat(call("GET", BASE + "Call/?status=live", null).list("calls")).containsExactly(ringing);
    assertThat(call("GET", BASE + "Call/" + ringing + "/?status=live", null).get("call_status")).isEqualTo("ringing");
    assertThat(call("GET", BASE + "Call/" + ringing + "/", null).status()).isEqualTo(404);
    plivo.endHeldCalls();
    assertThat(call("GET", BASE + "Call/", null).map("meta").get("total_count")).isEqualTo(2.0);
    assertThat(call("POST", BASE + "Call/", "{\"from\":\"12025550111\",\"to\":\"447700900123\"}").status())
        .isEqualTo(400);
  }

  @Test
  void recordingsNumbersApplicationsAccountAndPricing() {
    Answer recordings = call("GET", BASE + "Recording/", null);
    @SuppressWarnings("unchecked")
    String id = (String) ((Map<String, Object>) recordings.list("objects").get(0)).get("recording_id");
    assertThat(call("DELETE", BASE + "Recording/" + id + "/", null).status()).isEqualTo(204);
    assertThat(call("GET", BASE + "Recording/" + id + "/", null).status()).isEqualTo(404);

    assertThat(call("GET", BASE + "Number/?services=voice,sms&number_type=local", null).list("objects")).hasSize(3);
    assertThat(call("GET", BASE + "Number/+12025550111/", null).get("number")).isEqualTo("12025550111");
    assertThat(call("GET", BASE + "Application/", null).list("objects")).hasSize(2);
    assertThat(call("GET", BASE, null).get("cash_credits")).isEqualTo("1000.00000");

    Answer gb = call("GET", BASE + "Pricing/?country_iso=GB", null);
    assertThat(gb.get("country_code")).isEqualTo(44.0);
    assertThat(gb.map("message").get("outbound")).isEqualTo(Map.of("rate", "0.03800"));
    assertThat(call("GET", BASE + "Pricing/?country_iso=JP", null).status()).isEqualTo(404);
    assertThat(call("GET", BASE + "Pricing/", null).status()).isEqualTo(400);
  }

  @Test
  void scriptedFaultsHitOnlyTheNextSend() throws Exception {
    plivo.failNextSendInsufficientCredit();
    assertThat(send("+447700900123", "a").get("error")).isEqualTo("Insufficient Credit");
    assertThat(send("+447700900123", "b").status()).isEqualTo(202);

    plivo.rateLimitNextSend(3);
    Answer limited = send("+447700900123", "c");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.raw().headers().firstValue("Retry-After")).contains("3");

    plivo.setCashCredits(PlivoEmulator.AUTH_ID, BigDecimal.ZERO);
    assertThat(send("+447700900123", "d").status()).isEqualTo(400);
    assertThat(config.ledger().size()).isEqualTo(1);
  }

  @Test
  void aHungSendIsAcceptedButNeverAnswered() throws Exception {
    plivo.hangNextSend();
    HttpRequest request = HttpRequest.newBuilder(URI.create(plivo.baseUrl() + BASE + "Message/"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (PlivoEmulator.AUTH_ID + ":" + PlivoEmulator.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"src\":\"12025550111\",\"dst\":\"447700900123\",\"text\":\"h\"}"))
        .build();
    var pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    assertThat(plivo.faults().awaitParked(1, Duration.ofSeconds(5))).isTrue();
    assertThat(config.ledger().acceptances("+447700900123", "h")).isEqualTo(1);
    assertThat(pending.isDone()).isFalse();
    plivo.faults().clear();
    assertThat(pending.get().statusCode()).isEqualTo(202);
  }
}
