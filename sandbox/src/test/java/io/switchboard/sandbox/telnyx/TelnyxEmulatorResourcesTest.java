package io.switchboard.sandbox.telnyx;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import io.switchboard.sandbox.telnyx.TelnyxTestClient.Answer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelnyxEmulatorResourcesTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final TelnyxEmulator emulator = new TelnyxEmulator(EmulatorConfig.ofDefaults().withClock(clock)
      .withSeed(11).withThreads(4));
  private final TelnyxTestClient client = new TelnyxTestClient(emulator);

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void listsTheInventorysNumbersWithTheirAssignments() {
    Answer all = client.get("/phone_numbers");
    assertThat(all.list()).hasSize(emulator.numbers().all().size());
    assertThat(all.meta()).containsEntry("page_size", 20.0).containsEntry("page_number", 1.0);
    Map<String, Object> australian = all.list().stream()
        .filter(n -> n.get("phone_number").equals("+61491570126")).findFirst().orElseThrow();
    assertThat(australian).containsEntry("record_type", "phone_number").containsEntry("status", "active")
        .containsEntry("country_iso_alpha2", "AU").containsEntry("connection_id", TelnyxEmulator.CONNECTION_ID)
        .containsEntry("messaging_profile_id", null);
    assertThat((String) australian.get("id")).matches("[1-9][0-9]{18}");

    assertThat(client.get("/phone_numbers?filter[phone_number]=202555").list()).hasSize(2);
    emulator.setNumberStatus("+13125550123", "port_pending");
    assertThat(client.get("/phone_numbers?filter[status]=port_pending").list())
        .extracting(n -> n.get("phone_number")).containsExactly("+13125550123");
    assertThat(client.get("/phone_numbers?page[number]=2&page[size]=4").list()).hasSize(2);

    String id = emulator.phoneNumberId("+12025550121");
    assertThat(client.get("/phone_numbers/" + id).data()).containsEntry("phone_number", "+12025550121");
    assertThat(client.get("/phone_numbers/1").error()).containsEntry("code", "10005");
  }

  @Test
  void refusesAnUnknownNumberStatus() {
    Answer answer = client.get("/phone_numbers?filter[status]=lost");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).containsEntry("source", Map.of("parameter", "filter[status]"));
  }

  @Test
  void servesFiltersAndDeletesRecordings() {
    TelnyxEmulator.Seeded seeded = emulator.seeded();
    assertThat(client.get("/recordings").list()).hasSize(3);
    Answer ofSession = client.get("/recordings?filter[call_session_id]=" + seeded.completedCallSessionId());
    assertThat(ofSession.list()).hasSize(2).allSatisfy(r -> assertThat(r)
        .containsEntry("call_control_id", seeded.completedCallControlId()).containsEntry("source", "call")
        .containsEntry("status", "completed").containsKey("download_urls"));
    assertThat(client.get("/recordings?filter[conference_id]=" + seeded.conferenceId()).list()).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("duration_millis", 60000.0).containsEntry("source",
            "conference"));

    String id = (String) ofSession.list().get(0).get("id");
    assertThat(client.get("/recordings/" + id).data()).containsEntry("id", id);
    assertThat(client.delete("/recordings/" + id).data()).containsEntry("status", "deleted");
    assertThat(client.get("/recordings/" + id).status()).isEqualTo(404);
    assertThat(emulator.recordingCount()).isEqualTo(2);
  }

  @Test
  void reportsTheBalanceAndDebitsWhatIsSent() {
    assertThat(client.get("/balance").data()).isEqualTo(Map.of("record_type", "balance", "balance", "100.00",
        "credit_limit", "0.00", "available_credit", "100.00", "pending", "0.00", "currency", "USD"));
    client.sms("+12025550121", "+447700900123", "hello");
    assertThat(client.get("/balance").data()).containsEntry("balance", "99.9550");
  }

  @Test
  void looksUpANumberWithCarrierAndCallerName() {
    Answer gb = client.get("/number_lookup/+447700900123?type=carrier");
    assertThat(gb.data()).containsEntry("country_code", "GB").containsEntry("national_format", "07700900123")
        .doesNotContainKey("caller_name");
    @SuppressWarnings("unchecked")
    Map<String, Object> carrier = (Map<String, Object>) gb.data().get("carrier");
    assertThat(carrier).containsEntry("type", "mobile");

    Answer us = client.get("/number_lookup/%2B14155550199?type=caller-name");
    assertThat(us.data()).containsEntry("country_code", "US").containsEntry("national_format", "(415) 555-0199")
        .containsKey("caller_name").doesNotContainKey("carrier");
    assertThat(us.data().get("caller_name").toString()).contains("caller_name=SANDBOX SUBSCRIBER");
  }

  @Test
  void refusesARepeatedTypeAsTelnyxTakesOneValue() {
    Answer both = client.get("/number_lookup/%2B14155550199?type=carrier&type=caller-name");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.error()).containsEntry("code", "10015");
  }

  @ParameterizedTest
  @CsvSource({"/number_lookup/4155550199, 10016", "/number_lookup/+99912345, 10002"})
  void refusesNumbersItCannotLookUp(String path, String code) {
    Answer answer = client.get(path);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.error()).containsEntry("code", code);
  }
}
