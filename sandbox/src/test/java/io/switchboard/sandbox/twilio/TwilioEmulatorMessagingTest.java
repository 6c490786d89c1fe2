package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.switchboard.sandbox.twilio.Client.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's Messages.json: auth, validation with Twilio's codes, billing, state and paging. */
class TwilioEmulatorMessagingTest {

  private static final String OWNED = "+12025550101";
  private static final String UK = "+447700900123";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
  private final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock).withSeed(7);
  private final TwilioEmulator twilio = new TwilioEmulator(config);
  private final Client client = Client.of(twilio);

  @AfterEach
  void close() {
    twilio.close();
  }

  private Client.Reply send(String... pairs) {
    return client.post(BASE + "/Messages.json", pairs);
  }

  @Test
  void answersWithoutCredentialsOrWithWrongOnesWithTwilios401() {
    for (Client anonymous : List.of(new Client(twilio.baseUrl(), null, null),
        new Client(twilio.baseUrl(), TwilioEmulator.ACCOUNT_SID, "wrong"))) {
      Client.Reply reply = anonymous.get(BASE + "/Messages.json");
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json()).containsEntry("code", 20003.0).containsEntry("status", 401.0)
          .containsEntry("more_info", "https://www.twilio.com/docs/errors/20003");
    }
    Client otherAccount = Client.of(twilio);
    assertThat(otherAccount.get("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json").status())
        .isEqualTo(401);
  }

  @Test
  void acceptsAnApiKeyAndTheSubaccountPath() {
    Client byKey = new Client(twilio.baseUrl(), TwilioEmulator.API_KEY_SID, TwilioEmulator.API_KEY_SECRET);
    assertThat(byKey.get(BASE + "/Messages.json").status()).isEqualTo(200);
    assertThat(byKey.get("/2010-04-01/Accounts/" + TwilioEmulator.SUBACCOUNT_SID + "/Messages.json").status())
        .isEqualTo(200);
  }

  @Test
  void sendsAnSmsBillsItBySegmentsAndRecordsItInTheLedger() {
    String text = "x".repeat(161);
    Client.Reply created = send("To", UK, "From", OWNED, "Body", text);

    assertThat(created.status()).isEqualTo(201);
    String sid = (String) created.get("sid");
    assertThat(sid).matches("SM[0-9a-f]{32}");
    assertThat(created.json()).containsEntry("status", "queued").containsEntry("price", null)
        .containsEntry("date_created", "Tue, 10 Mar 2026 12:00:00 +0000").containsEntry("num_segments", "2");

    Map<String, Object> fetched = client.get(BASE + "/Messages/" + sid + ".json").json();
    assertThat(fetched).containsEntry("status", "sent").containsEntry("price", "-0.09260")
        .containsEntry("price_unit", "USD").containsEntry("to", UK).containsEntry("from", OWNED)
        .containsEntry("direction", "outbound-api").containsEntry("error_code", null);
    LedgerEntry entry = config.ledger().find("twilio", sid).orElseThrow();
    assertThat(entry.units()).isEqualTo(2);
    assertThat(entry.price()).isEqualTo("0.0926");
    assertThat(config.ledger().acceptances(UK, text)).isEqualTo(1);
  }

  @Test
  void sendsMmsWithRepeatedMediaUrlAndWhatsAppWithPrefixedNumbers() {
    Client.Reply mms = send("To", "+14155550142", "From", OWNED, "Body", "pics",
        "MediaUrl", "https://example.com/a.png", "MediaUrl", "https://example.com/b.png");
    Client.Reply whatsapp = send("To", "whatsapp:" + UK, "From", "whatsapp:" + OWNED, "Body", "hi");

    assertThat(mms.status()).isEqualTo(201);
    assertThat((String) mms.get("sid")).startsWith("MM");
    assertThat(mms.get("num_media")).isEqualTo("2");
    assertThat(config.ledger().find("twilio", (String) mms.get("sid")).orElseThrow().channel()).isEqualTo("mms");
    assertThat(whatsapp.status()).isEqualTo(201);
    assertThat(whatsapp.json()).containsEntry("to", "whatsapp:" + UK).containsEntry("from", "whatsapp:" + OWNED);
    assertThat(config.ledger().find("twilio", (String) whatsapp.get("sid")).orElseThrow().channel())
        .isEqualTo("whatsapp");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no To                  | 21604 | From=+12025550101&Body=hi",
      "To not E.164           | 21211 | To=4155550142&From=+12025550101&Body=hi",
      "To too short           | 21211 | To=+12&From=+12025550101&Body=hi",
      "To of six digits       | 21211 | To=+441234&From=+12025550101&Body=hi",
      "NANP To of 9 digits    | 21211 | To=+1415555014&From=+12025550101&Body=hi",
      "NANP To of 11 digits   | 21211 | To=+141555501420&From=+12025550101&Body=hi",
      "To over 15 digits      | 21211 | To=+4477009001234567&From=+12025550101&Body=hi",
      "no From                | 21603 | To=+447700900123&Body=hi",
      "From not owned         | 21606 | To=+447700900123&From=+12025550199&Body=hi",
      "From not SMS-capable   | 21606 | To=+447700900123&From=+18885550103&Body=hi",
      "alphanumeric to the US | 21612 | To=+14155550142&From=Switchbd&Body=hi",
      "channel mismatch       | 21910 | To=whatsapp:+447700900123&From=+12025550101&Body=hi",
      "no body, no media      | 21602 | To=+447700900123&From=+12025550101",
      "media not http         | 21620 | To=+14155550142&From=+12025550101&MediaUrl=ftp://x/y.png",
      "bad status callback    | 21609 | To=+447700900123&From=+12025550101&Body=hi&StatusCallback=nope",
      "region without a rate  | 21408 | To=+81312345678&From=+12025550101&Body=hi"})
  void rejectsASendAsTwilioDoes(String why, int code, String form) {
    String[] pairs = form.replace("+", "%2B").split("[&=]");
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = java.net.URLDecoder.decode(pairs[i], java.nio.charset.StandardCharsets.UTF_8);
    }
    Client.Reply reply = send(pairs);
    assertThat(reply.status()).as(why).isEqualTo(400);
    assertThat(reply.json()).as(why).containsEntry("code", (double) code).containsEntry("status", 400.0);
    assertThat(config.ledger().size()).isZero();
  }

  @Test
  void rejectsABodyOverSixteenHundredCharacters() {
    Client.Reply reply = send("To", UK, "From", OWNED, "Body", "y".repeat(1601));
    assertThat(reply.json()).containsEntry("code", 21617.0);
    assertThat(send("To", UK, "From", OWNED, "Body", "y".repeat(1600)).status()).isEqualTo(201);
  }

  @Test
  void listsNewestFirstAcrossPagesByNextPageUri() {
    for (int i = 0; i < 5; i++) {
      send("To", "+14155550142", "From", OWNED, "Body", "page " + i);
      clock.advance(Duration.ofMinutes(1));
    }
    send("To", UK, "From", OWNED, "Body", "elsewhere");

    Client.Reply first = client.get(BASE + "/Messages.json?To=%2B14155550142&PageSize=2");
    assertThat(first.list("messages")).extracting(m -> m.get("body")).containsExactly("page 4", "page 3");
    assertThat(first.json()).containsEntry("page", 0.0).containsEntry("page_size", 2.0)
        .containsEntry("previous_page_uri", null);
    String next = (String) first.get("next_page_uri");
    assertThat(next).startsWith(BASE + "/Messages.json?To=%2B14155550142&PageSize=2&Page=1&PageToken=PASM");

    Client.Reply second = client.get(next);
    assertThat(second.list("messages")).extracting(m -> m.get("body")).containsExactly("page 2", "page 1");
    Client.Reply third = client.get((String) second.get("next_page_uri"));
    assertThat(third.list("messages")).extracting(m -> m.get("body")).containsExactly("page 0");
    assertThat(third.get("next_page_uri")).isNull();
  }

  @Test
  void filtersByTheDaySentAndByInequalityKeys() {
    send("To", UK, "From", OWNED, "Body", "day one");
    clock.advance(Duration.ofDays(1));
    send("To", UK, "From", OWNED, "Body", "day two");

    assertThat(client.get(BASE + "/Messages.json?DateSent=2026-03-10").list("messages"))
        .extracting(m -> m.get("body")).containsExactly("day one");
    assertThat(client.get(BASE + "/Messages.json?DateSent%3E=2026-03-11").list("messages"))
        .extracting(m -> m.get("body")).containsExactly("day two");
    assertThat(client.get(BASE + "/Messages.json?DateSent%3C=2026-03-10T23:59:59Z").list("messages"))
        .extracting(m -> m.get("body")).containsExactly("day one");
    assertThat(client.get(BASE + "/Messages.json?DateSent=March").json()).containsEntry("code", 20001.0);
  }

  @Test
  void rejectsAPageSizeOverAThousand() {
    assertThat(client.get(BASE + "/Messages.json?PageSize=1001").status()).isEqualTo(400);
    assertThat(client.get(BASE + "/Messages.json?PageSize=1000").status()).isEqualTo(200);
  }

  @Test
  void anUnknownMessageIsTwilios404() {
    Client.Reply reply = client.get(BASE + "/Messages/SM00000000000000000000000000000000.json");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json()).containsEntry("code", 20404.0);
  }

  @Test
  void scriptsAMessagesLaterStatus() {
    String sid = (String) send("To", UK, "From", OWNED, "Body", "hi").get("sid");
    twilio.setMessageStatus(sid, "undelivered", 30003);
    assertThat(client.get(BASE + "/Messages/" + sid + ".json").json()).containsEntry("status", "undelivered")
        .containsEntry("error_code", 30003.0);
  }
}
