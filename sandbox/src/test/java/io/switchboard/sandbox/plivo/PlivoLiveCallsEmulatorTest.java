package io.switchboard.sandbox.plivo;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live calls and conferences on the wire, with the JDK client: a held call is billed when it ends, the live-call API
 * changes the call it addresses, conferences answer Plivo's shapes, and the make-call checks mirror the seed.
 */
class PlivoLiveCallsEmulatorTest {
  private static final String ANSWER = "\"answer_url\":\"https://a.example/answer\"";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T12:00:00Z"));
  private final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock).withSeed(5);
  private final PlivoEmulator plivo = new PlivoEmulator(config);
  private final PlivoClient client = new PlivoClient(plivo);

  @AfterEach
  void stop() {
    plivo.close();
  }

  private PlivoClient.Answer call(String method, String path, String json) {
    return client.call(method, path, json);
  }

  private String dial(String to) {
    return call("POST", "Call/", "{\"from\":\"12025550111\",\"to\":\"" + to + "\"," + ANSWER + "}")
        .text("request_uuid");
  }

  @Test
  void aRingingCallHungUpEndsCanceledWithPlivosCode() {
    plivo.holdNewCalls("ringing");
    String uuid = dial("447700900123");

    assertThat(call("DELETE", "Call/" + uuid + "/", null).status()).isEqualTo(204);

    PlivoClient.Answer record = call("GET", "Call/" + uuid + "/", null);
    assertThat(record.body()).containsEntry("hangup_cause_code", 1000.0).containsEntry("hangup_cause_name", "Canceled")
        .containsEntry("answer_time", null).containsEntry("bill_duration", 0.0);
  }

  @Test
  void aHeldCallIsBilledAndEntersTheLedgerWhenItIsHungUp() {
    plivo.holdNewCalls("in-progress");
    String uuid = dial("447700900123");
    assertThat(config.ledger().calls()).isEmpty();
    assertThat(call("GET", "", null).get("cash_credits")).isEqualTo("1000.00000");
    clock.advance(Duration.ofSeconds(125));

    assertThat(call("DELETE", "Call/" + uuid + "/", null).status()).isEqualTo(204);

    PlivoClient.Answer record = call("GET", "Call/" + uuid + "/", null);
    assertThat(record.body()).containsEntry("call_state", "ANSWER").containsEntry("bill_duration", 125.0)
        .containsEntry("billed_duration", 180.0).containsEntry("total_amount", "0.10500")
        .containsEntry("hangup_source", "API Request");
    assertThat(config.ledger().calls()).singleElement().satisfies(e -> assertThat(e.units()).isEqualTo(3));
    assertThat(call("GET", "", null).get("cash_credits")).isEqualTo("999.89500");
    assertThat(call("DELETE", "Call/" + uuid + "/", null).status()).isEqualTo(404);
  }

  @Test
  void sipDestinationsAreBilledAtTheIpRate() {
    String uuid = call("POST", "Call/", "{\"from\":\"12025550111\",\"to\":\"sip:desk@phone.plivo.com\"," + ANSWER
        + "}").text("request_uuid");
    assertThat(config.ledger().calls()).singleElement().satisfies(e -> {
      assertThat(e.to()).isEqualTo("sip:desk@phone.plivo.com");
      assertThat(e.price()).isEqualTo("0.00300");
    });
    assertThat(call("GET", "Call/" + uuid + "/", null).get("to_number")).isEqualTo("sip:desk@phone.plivo.com");
  }

  @Test
  void makeCallChecksTheSeedsRules() {
    for (String bad : List.of("\"machine_detection_time\":1999", "\"machine_detection_time\":10001",
        "\"machine_detection\":\"maybe\"", "\"send_digits\":\"12x\"", "\"sip_headers\":\"a=b c\"",
        "\"time_limit\":0", "\"hangup_on_ring\":-1", "\"ring_timeout\":0", "\"ring_method\":\"PUT\"")) {
      PlivoClient.Answer answer = call("POST", "Call/", "{\"from\":\"12025550111\",\"to\":\"14155550142\","
          + ANSWER + "," + bad + "}");
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.text("error")).as(bad).startsWith(bad.substring(1, bad.indexOf('"', 1)));
    }
    assertThat(call("POST", "Call/", "{\"from\":\"12025550111\",\"to\":\"14155550142\"," + ANSWER
        + ",\"machine_detection\":\"true\",\"machine_detection_time\":10000,\"send_digits\":\"1w2W3@250\"}").status())
        .isEqualTo(201);
    assertThat(config.ledger().calls()).hasSize(1);
  }

  @Test
  void transferNeedsTheUrlsOfTheLegsItMovesAndABridgedLegForTheB() {
    plivo.holdNewCalls("in-progress");
    String a = dial("447700900123");
    String b = dial("14155550142");

    assertThat(call("POST", "Call/" + a + "/", "{\"legs\":\"both\",\"aleg_url\":\"https://a.example/1\"}")
        .text("error")).startsWith("bleg_url");
    assertThat(call("POST", "Call/" + a + "/", "{\"legs\":\"bleg\",\"bleg_url\":\"https://a.example/2\"}").status())
        .isEqualTo(400);
    plivo.bridgeCalls(a, b);
    PlivoClient.Answer moved = call("POST", "Call/" + a + "/",
        "{\"legs\":\"bleg\",\"bleg_url\":\"https://a.example/2\","
        + "\"bleg_method\":\"GET\"}");
    assertThat(moved.status()).isEqualTo(202);
    assertThat(moved.get("message")).isEqualTo("call transferred");
    assertThat(plivo.callSnapshot(b).orElseThrow().url()).isEqualTo("https://a.example/2");
  }

  @Test
  void aQueuedRequestIsCancelledOnlyWhileQueued() {
    plivo.holdNewCalls("queued");
    String queued = dial("14155550142");
    assertThat(call("DELETE", "Call/" + queued + "/", null).status()).as("not live yet").isEqualTo(404);
    assertThat(call("DELETE", "Request/" + queued + "/", null).status()).isEqualTo(204);
    assertThat(call("GET", "Call/?status=queued", null).list("calls")).isEmpty();
    assertThat(call("DELETE", "Request/" + queued + "/", null).status()).isEqualTo(404);
  }

  @Test
  void conferencesAnswerPlivosShapesAndAddressMembersByIdListOrAll() {
    plivo.holdNewCalls("in-progress");
    String first = plivo.joinConference(dial("447700900123"), "Daily sync");
    String second = plivo.joinConference(dial("14155550142"), "Daily sync");
    clock.advance(Duration.ofSeconds(30));

    assertThat(call("GET", "Conference/", null).list("conferences")).containsExactly("Daily sync");
    PlivoClient.Answer conference = call("GET", "Conference/Daily%20sync/", null);
    assertThat(conference.body()).containsEntry("conference_run_time", "30")
        .containsEntry("conference_member_count", "2");
    PlivoClient.Answer muted = call("POST", "Conference/Daily%20sync/Member/" + first + "," + second + "/Mute/", null);
    assertThat(muted.status()).isEqualTo(202);
    assertThat(muted.list("member_id")).containsExactly(first, second);
    assertThat(call("POST", "Conference/Daily%20sync/Member/9/Deaf/", null).status()).isEqualTo(404);
    assertThat(call("POST", "Conference/Daily%20sync/Member/all/Play/", "{}").text("error")).startsWith("url");
    assertThat(call("DELETE", "Conference/Daily%20sync/Member/all/Mute/", null).status()).isEqualTo(204);
    assertThat(plivo.conferenceSnapshot("Daily sync").orElseThrow().members())
        .noneMatch(PlivoSnapshots.Member::muted);

    assertThat(call("POST", "Conference/Daily%20sync/Record/", "{\"file_format\":\"wav\"}").status()).isEqualTo(202);
    assertThat(call("DELETE", "Conference/Daily%20sync/", null).status()).isEqualTo(204);
    assertThat(call("GET", "Conference/", null).list("conferences")).isEmpty();
    assertThat(call("GET", "Recording/", null).objects()).first().satisfies(r -> assertThat(r)
        .containsAllEntriesOf(Map.of("conference_name", "Daily sync", "recording_type", "conference",
            "recording_format", "wav")));
    assertThat(config.ledger().calls()).extracting(LedgerEntry::units).containsExactly(1, 1);
  }
}
