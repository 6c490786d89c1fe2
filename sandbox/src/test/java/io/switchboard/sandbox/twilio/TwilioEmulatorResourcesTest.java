package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.sandbox.twilio.Client.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/** Calls, numbers, the account, usage and recordings of the emulator. */
class TwilioEmulatorResourcesTest {

  private static final String OWNED = "+12025550101";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
  private final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock).withSeed(11);
  private final TwilioEmulator twilio = new TwilioEmulator(config);
  private final Client client = Client.of(twilio);

  @AfterEach
  void close() {
    twilio.close();
  }

  @Test
  void placesACallThatIsQueuedUntilCompletedAndThenPriced() {
    Client.Reply placed = client.post(BASE + "/Calls.json", "To", "+447700900123", "From", OWNED,
        "Url", "https://example.com/answer.xml", "StatusCallbackEvent", "answered", "StatusCallbackEvent", "completed");
    assertThat(placed.status()).isEqualTo(201);
    String sid = (String) placed.get("sid");
    assertThat(sid).matches("CA[0-9a-f]{32}");
    assertThat(placed.json()).containsEntry("status", "queued").containsEntry("price", null);
    assertThat(config.ledger().calls()).hasSize(1);

    twilio.completeCall(sid, Duration.ofSeconds(61));
    Map<String, Object> done = client.get(BASE + "/Calls/" + sid + ".json").json();
    assertThat(done).containsEntry("status", "completed").containsEntry("duration", "61")
        .containsEntry("price", "-0.08000");
    assertThat(client.get(BASE + "/Calls.json?Status=completed&To=%2B447700900123").list("calls"))
        .extracting(c -> c.get("sid")).contains(sid);
    assertThat(client.get(BASE + "/Calls.json?Status=queued").list("calls")).isEmpty();
  }

  @Test
  void rejectsACallAsTwilioDoes() {
    assertThat(call("From", OWNED, "Url", "https://example.com/a").get("code")).isEqualTo(21201.0);
    assertThat(call("To", "+12", "From", OWNED, "Url", "https://example.com/a").get("code")).isEqualTo(21211.0);
    assertThat(call("To", "+1415555014", "From", OWNED, "Url", "https://example.com/a").get("code"))
        .isEqualTo(21211.0);
    assertThat(call("To", "+447700900123", "Url", "https://example.com/a").get("code")).isEqualTo(21213.0);
    assertThat(call("To", "+447700900123", "From", "+15005550006", "Url", "https://example.com/a").get("code"))
        .isEqualTo(21210.0);
    assertThat(call("To", "+447700900123", "From", OWNED).get("code")).isEqualTo(21205.0);
    assertThat(call("To", "+447700900123", "From", OWNED, "Url", "https://example.com/a", "Twiml", "<Response/>")
        .get("code")).isEqualTo(20001.0);
    assertThat(call("To", "+447700900123", "From", OWNED, "Url", "not-a-url").get("code")).isEqualTo(21205.0);
    assertThat(call("To", "+81312345678", "From", OWNED, "Twiml", "<Response/>").get("code")).isEqualTo(21215.0);
    assertThat(config.ledger().size()).isZero();
  }

  private Map<String, Object> call(String... pairs) {
    Client.Reply reply = client.post(BASE + "/Calls.json", pairs);
    assertThat(reply.status()).isEqualTo(400);
    return reply.json();
  }

  @Test
  void listsAndFetchesTheSeededNumbersWithCapabilitiesInTwiliosMixedCase() {
    List<Map<String, Object>> numbers = client.get(BASE + "/IncomingPhoneNumbers.json").list("incoming_phone_numbers");
    assertThat(numbers).hasSize(twilio.numbers().all().size());
    Map<String, Object> first = numbers.get(0);
    assertThat(first).containsEntry("phone_number", OWNED).containsEntry("friendly_name", "(202) 555-0101");
    assertThat(first.get("capabilities")).isEqualTo(Map.of("voice", true, "SMS", true, "MMS", true, "fax", false));
    assertThat(client.get(BASE + "/IncomingPhoneNumbers/" + first.get("sid") + ".json").json()).isEqualTo(first);
    assertThat(client.get(BASE + "/IncomingPhoneNumbers.json?PhoneNumber=7700").list("incoming_phone_numbers"))
        .extracting(n -> n.get("phone_number")).containsExactly("+447700900105");
  }

  @Test
  void describesTheAccountAndItsSubaccount() {
    Map<String, Object> account = client.get("/2010-04-01/Accounts/" + TwilioEmulator.ACCOUNT_SID + ".json").json();
    assertThat(account).containsEntry("sid", TwilioEmulator.ACCOUNT_SID).containsEntry("status", "active")
        .containsEntry("type", "Full").containsKey("auth_token");
    Map<String, Object> sub = client.get("/2010-04-01/Accounts/" + TwilioEmulator.SUBACCOUNT_SID + ".json").json();
    assertThat(sub).containsEntry("owner_account_sid", TwilioEmulator.ACCOUNT_SID);
  }

  @Test
  void createsAUsageTriggerAndValidatesItsParameters() {
    client.post(BASE + "/Messages.json", "To", "+447700900123", "From", OWNED, "Body", "counted");
    Client.Reply created = client.post(BASE + "/Usage/Triggers.json", "UsageCategory", "sms", "TriggerValue", "50.00",
        "CallbackUrl", "https://example.com/cb", "Recurring", "monthly", "TriggerBy", "count");
    assertThat(created.status()).isEqualTo(201);
    assertThat((String) created.get("sid")).matches("UT[0-9a-f]{32}");
    assertThat(created.json()).containsEntry("current_value", "1").containsEntry("recurring", "monthly")
        .containsEntry("usage_category", "sms").containsEntry("trigger_value", "50.00");
    assertThat(client.get(BASE + "/Usage/Triggers/" + created.get("sid") + ".json").status()).isEqualTo(200);

    assertThat(client.post(BASE + "/Usage/Triggers.json", "TriggerValue", "1", "CallbackUrl", "https://e.com/")
        .json()).containsEntry("code", 20001.0);
    assertThat(client.post(BASE + "/Usage/Triggers.json", "UsageCategory", "sms", "TriggerValue", "lots",
        "CallbackUrl", "https://e.com/").status()).isEqualTo(400);
    assertThat(client.post(BASE + "/Usage/Triggers.json", "UsageCategory", "sms", "TriggerValue", "1",
        "CallbackUrl", "https://e.com/", "Recurring", "hourly").status()).isEqualTo(400);
  }

  @Test
  void reportsUsageOfThisMonthFromWhatWasSentAndSeedsLastMonth() {
    client.post(BASE + "/Messages.json", "To", "+447700900123", "From", OWNED, "Body", "one");
    client.post(BASE + "/Messages.json", "To", "+447700900123", "From", OWNED, "Body", "two");

    List<Map<String, Object>> sms = client.get(BASE + "/Usage/Records.json?Category=sms").list("usage_records");
    assertThat(sms).hasSize(2);
    assertThat(sms.get(0)).containsEntry("count", "2").containsEntry("price", "0.0926")
        .containsEntry("start_date", "2026-03-01").containsEntry("end_date", "2026-03-10");
    assertThat(sms.get(1)).containsEntry("price", 9.61).containsEntry("start_date", "2026-02-01");
    assertThat(client.get(BASE + "/Usage/Records.json?Category=sms&StartDate=2026-03-01&EndDate=2026-03-31")
        .list("usage_records")).hasSize(1);
    assertThat(client.get(BASE + "/Usage/Records.json?StartDate=2026-03-05&EndDate=2026-03-01").status())
        .isEqualTo(400);
  }

  @Test
  void listsFetchesAndDeletesSeededRecordings() {
    List<Map<String, Object>> all = client.get(BASE + "/Recordings.json").list("recordings");
    assertThat(all).hasSize(3).allSatisfy(r -> assertThat((String) r.get("sid")).matches("RE[0-9a-f]{32}"));
    String callSid = (String) all.get(2).get("call_sid");
    assertThat(client.get(BASE + "/Recordings.json?CallSid=" + callSid).list("recordings")).hasSize(2);
    assertThat(client.get(BASE + "/Recordings.json?DateCreated=2026-03-09").list("recordings")).hasSize(3);
    assertThat(client.get(BASE + "/Recordings.json?DateCreated=2026-03-10").list("recordings")).isEmpty();

    String sid = (String) all.get(0).get("sid");
    assertThat(client.get(BASE + "/Recordings/" + sid + ".json").json()).containsEntry("price", "-0.00250");
    Client.Reply deleted = client.delete(BASE + "/Recordings/" + sid + ".json");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(client.get(BASE + "/Recordings/" + sid + ".json").status()).isEqualTo(404);
    assertThat(client.delete(BASE + "/Recordings/" + sid + ".json").status()).isEqualTo(404);
  }
}
