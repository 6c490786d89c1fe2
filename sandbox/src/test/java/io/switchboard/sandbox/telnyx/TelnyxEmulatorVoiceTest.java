package io.switchboard.sandbox.telnyx;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import io.switchboard.sandbox.telnyx.TelnyxTestClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelnyxEmulatorVoiceTest {
  private static final String FROM = "+12025550121";
  private static final String TO = "+14155550199";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final TelnyxEmulator emulator = new TelnyxEmulator(EmulatorConfig.ofDefaults().withClock(clock)
      .withSeed(9).withThreads(4));
  private final TelnyxTestClient client = new TelnyxTestClient(emulator);

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  private Answer dial(String to) {
    return client.post("/calls", "{\"connection_id\":\"" + TelnyxEmulator.CONNECTION_ID + "\",\"to\":\"" + to
        + "\",\"from\":\"" + FROM + "\",\"webhook_url\":\"https://example.com/hook\",\"client_state\":\""
        + Base64.getEncoder().encodeToString("ref-1".getBytes()) + "\"}");
  }

  @Test
  void dialsACallThatIsAliveUntilHungUpAndThenHasADetailRecord() {
    Answer dialled = dial(TO);
    assertThat(dialled.status()).isEqualTo(200);
    String id = (String) dialled.data().get("call_control_id");
    assertThat(dialled.data()).as("dialling is asynchronous: the dial answer is never alive")
        .containsEntry("record_type", "call").containsEntry("is_alive", false)
        .containsKeys("call_leg_id", "call_session_id");
    assertThat(client.get("/calls/" + id).data()).containsEntry("is_alive", true);
    assertThat(emulator.ledger().calls()).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo(id);
      assertThat(e.clientReference()).isEqualTo("ref-1");
    });

    clock.advance(Duration.ofSeconds(75));
    assertThat(client.get("/calls/" + id).data()).containsEntry("call_duration", 75.0);
    assertThat(client.post("/calls/" + id + "/actions/hangup", "{}").status()).isEqualTo(200);
    assertThat(client.get("/calls/" + id).data()).containsEntry("is_alive", false);

    String session = (String) dialled.data().get("call_session_id");
    Answer records = client.get("/detail_records?filter[record_type]=call-control&filter[call_session_id]="
        + session);
    assertThat(records.list()).singleElement().satisfies(r -> assertThat(r).containsEntry("call_control_id", id)
        .containsEntry("status", "completed").containsEntry("call_sec", 75.0).containsEntry("billed_sec", 120.0)
        .containsEntry("cost", "0.0140").containsEntry("cli", FROM).containsEntry("cld", TO)
        .containsEntry("direction", "outbound"));

    Answer again = client.post("/calls/" + id + "/actions/hangup", "{}");
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.error()).containsEntry("code", "90018");
  }

  @Test
  void pagesTheLiveCallsOfTheConnectionWithCursors() {
    for (int i = 0; i < 3; i++) {
      dial(TO);
    }
    String path = "/connections/" + TelnyxEmulator.CONNECTION_ID + "/active_calls?page[limit]=2";
    Answer first = client.get(path);
    assertThat(first.list()).hasSize(2).allSatisfy(c -> assertThat(c).containsEntry("record_type", "call"));
    assertThat(first.meta()).containsEntry("total_items", 3.0).containsKey("next");
    @SuppressWarnings("unchecked")
    String after = ((Map<String, String>) first.meta().get("cursors")).get("after");

    Answer second = client.get(path + "&page[after]=" + after);
    assertThat(second.list()).hasSize(1);
    assertThat(second.meta().get("next")).isNull();
    assertThat(client.get("/connections/999/active_calls").status()).isEqualTo(404);
  }

  @Test
  void startsWithAHistoryOfFinishedCalls() {
    Answer history = client.get("/detail_records?filter[record_type]=call-control");
    assertThat(history.list()).hasSize(2);
    assertThat(client.get("/detail_records?filter[record_type]=call-control&filter[status]=no-answer").list())
        .singleElement().satisfies(r -> assertThat(r).containsEntry("call_control_id",
            emulator.seeded().unansweredCallControlId()).containsEntry("cost", "0.0000"));
    assertThat(client.get("/calls/" + emulator.seeded().completedCallControlId()).data())
        .containsEntry("is_alive", false).containsEntry("call_duration", 95.0);
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"to\":\"+14155550199\",\"from\":\"+12025550121\"}|10004|/connection_id",
      "{\"connection_id\":\"42\",\"to\":\"+14155550199\",\"from\":\"+12025550121\"}|10017|/connection_id",
      "{\"connection_id\":\"1684641123236054244\",\"from\":\"+12025550121\"}|10004|/to",
      "{\"connection_id\":\"1684641123236054244\",\"to\":\"4155550199\",\"from\":\"+12025550121\"}|10016|/to",
      "{\"connection_id\":\"1684641123236054244\",\"to\":\"+14155550199\",\"from\":\"+12025550999\"}|10015|/from",
      "{\"connection_id\":\"1684641123236054244\",\"to\":\"+14155550199\",\"from\":\"+12025550121\",\"client_state\":\"%%\"}|10015|/client_state",
      "{\"connection_id\":\"1684641123236054244\",\"to\":\"+14155550199\",\"from\":\"+12025550121\",\"timeout_secs\":1}|10015|/timeout_secs"
  })
  void validatesADialNamingTheField(String body, String code, String pointer) {
    Answer answer = client.post("/calls", body);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.error()).containsEntry("code", code).containsEntry("source", Map.of("pointer", pointer));
    assertThat(emulator.ledger().calls()).isEmpty();
  }

  @Test
  void enforcesTheDialLimitOf30PerSecondOverFiveSeconds() {
    for (int i = 0; i < TelnyxEmulator.DIALS_PER_5_SECONDS; i++) {
      assertThat(dial(TO).status()).isEqualTo(200);
    }
    Answer limited = dial(TO);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.error()).containsEntry("code", "90103");
    assertThat(limited.headers().get("Retry-After")).isEqualTo("5");

    clock.advance(Duration.ofSeconds(5));
    assertThat(dial(TO).status()).isEqualTo(200);
  }
}
