package io.switchboard.sandbox.telnyx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.ManualClock;
import io.switchboard.sandbox.telnyx.TelnyxTestClient.Answer;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelnyxEmulatorMessagingTest {
  private static final String FROM = "+12025550121";
  private static final String GB = "+447700900123";
  private static final String US = "+14155550142";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final TelnyxEmulator emulator = new TelnyxEmulator(EmulatorConfig.ofDefaults().withClock(clock)
      .withSeed(5).withThreads(4));
  private final TelnyxTestClient client = new TelnyxTestClient(emulator);

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void refusesAMissingOrWrongBearerKeyWithTelnyxCode10009() {
    try (TelnyxTestClient anonymous = new TelnyxTestClient(emulator, null, Duration.ofSeconds(5));
        TelnyxTestClient wrong = new TelnyxTestClient(emulator, "KEYwrong", Duration.ofSeconds(5))) {
      for (Answer answer : List.of(anonymous.get("/balance"), wrong.sms(FROM, GB, "hi"))) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).containsEntry("code", "10009").containsEntry("title", "Authentication failed");
      }
    }
    assertThat(emulator.ledger().size()).isZero();
  }

  @Test
  void billsAnSmsBySegmentsFromTheDeckAndServesItBack() {
    Answer sent = client.sms(FROM, GB, "a".repeat(161));

    assertThat(sent.status()).isEqualTo(200);
    Map<String, Object> data = sent.data();
    assertThat(data).containsEntry("record_type", "message").containsEntry("type", "SMS")
        .containsEntry("direction", "outbound").containsEntry("parts", 2.0).containsEntry("encoding", "GSM-7")
        .containsEntry("cost", Map.of("amount", "0.0900", "currency", "USD"));
    assertThat(data.get("from")).isEqualTo(Map.of("phone_number", FROM, "carrier", "Telnyx", "line_type", "Wireless"));
    assertThat(data.get("to")).isEqualTo(List.of(Map.of("phone_number", GB, "status", "queued",
        "carrier", "Sandbox Mobile", "line_type", "Wireless")));
    LedgerEntry entry = emulator.ledger().find("telnyx", (String) data.get("id")).orElseThrow();
    assertThat(entry.units()).isEqualTo(2);
    assertThat(emulator.balance()).isEqualByComparingTo("99.91");

    Answer fetched = client.get("/messages/" + data.get("id"));
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.data()).isEqualTo(data);
  }

  @Test
  void refusesAnSmsOfMoreThanTenPartsAsTelnyxDoes() {
    Answer eleven = client.sms(FROM, GB, "x".repeat(153 * 10 + 1));
    assertThat(eleven.status()).isEqualTo(422);
    assertThat(eleven.error()).containsEntry("code", "40302").containsEntry("title", "Message too large")
        .containsEntry("detail", "The SMS message would be divided into 11 parts. The maximum is 10.");
    Answer ucs2 = client.sms(FROM, GB, "ł".repeat(67 * 10 + 1));
    assertThat(ucs2.status()).isEqualTo(422);

    Answer ten = client.sms(FROM, GB, "x".repeat(153 * 10));
    assertThat(ten.status()).isEqualTo(200);
    assertThat(ten.data()).containsEntry("parts", 10.0);
  }

  @Test
  void countsUcs2TextAndBillsAnMmsAsOneMessage() {
    Answer ucs2 = client.sms(FROM, GB, "😀".repeat(40));
    assertThat(ucs2.data()).containsEntry("encoding", "UCS-2").containsEntry("parts", 2.0);

    Answer mms = client.post("/messages", "{\"from\":\"" + FROM + "\",\"to\":\"" + US + "\",\"text\":\"pic\","
        + "\"subject\":\"Hello\",\"media_urls\":[\"https://example.com/a.png\"]}");
    assertThat(mms.data()).containsEntry("type", "MMS").containsEntry("parts", 1.0).containsEntry("subject", "Hello")
        .containsEntry("cost", Map.of("amount", "0.0150", "currency", "USD"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2} at {3}")
  @CsvSource(delimiter = '|', value = {
      "{\"from\":\"+12025550121\",\"text\":\"x\"}|422|10004|/to",
      "{\"from\":\"+12025550121\",\"to\":\"07700900123\",\"text\":\"x\"}|422|10016|/to",
      "{\"to\":\"+447700900123\",\"text\":\"x\"}|422|10004|/from",
      "{\"from\":\"+12025550999\",\"to\":\"+447700900123\",\"text\":\"x\"}|422|40305|/from",
      "{\"from\":\"Acme\",\"to\":\"+447700900123\",\"text\":\"x\"}|422|10004|/messaging_profile_id",
      "{\"from\":\"+12025550121\",\"to\":\"+447700900123\"}|422|10004|/text",
      "{\"from\":\"+12025550121\",\"to\":\"+14155550142\",\"text\":\"x\",\"type\":\"SMS\",\"media_urls\":[\"https://e.com/a.png\"]}|422|10015|/media_urls",
      "{\"from\":\"+12025550121\",\"to\":\"+14155550142\",\"text\":\"x\",\"type\":\"FAX\"}|422|10015|/type",
      "{\"from\":\"+12025550121\",\"to\":\"+14155550142\",\"text\":\"x\",\"webhook_url\":\"ftp://x\"}|422|10003|/webhook_url",
      "{\"from\":\"+12025550121\",\"to\":\"+819012345678\",\"text\":\"x\"}|403|10010|"
  })
  void validatesASendAsTelnyxDoesNamingTheField(String body, int status, String code, String pointer) {
    Answer answer = client.post("/messages", body);

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.error()).containsEntry("code", code).containsKeys("title", "detail");
    if (pointer != null) {
      assertThat(answer.error().get("source")).isEqualTo(Map.of("pointer", pointer));
    }
    assertThat(emulator.ledger().size()).isZero();
  }

  @Test
  void acceptsAnAlphanumericSenderWithTheMessagingProfile() {
    Answer answer = client.post("/messages", "{\"from\":\"Acme\",\"to\":\"" + GB + "\",\"text\":\"x\","
        + "\"messaging_profile_id\":\"" + TelnyxEmulator.MESSAGING_PROFILE_ID + "\"}");
    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void refusesBlockedCountriesAndWhatTheBalanceCannotPay() {
    emulator.blockCountries(Set.of("GB"));
    assertThat(client.sms(FROM, GB, "x").error()).containsEntry("code", "10010");

    emulator.setBalance(new BigDecimal("0.001"), BigDecimal.ZERO);
    Answer broke = client.sms(FROM, US, "x");
    assertThat(broke.status()).isEqualTo(402);
    assertThat(broke.error()).containsEntry("code", "20100").containsEntry("title", "Insufficient funds");
    assertThat(emulator.ledger().size()).isZero();
  }

  @Test
  void anUnknownMessageIsA404WithCode10005() {
    Answer answer = client.get("/messages/00000000-0000-4000-8000-000000000000");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.error()).containsEntry("code", "10005");
  }

  @Test
  void listsMessageDetailRecordsByPageWithDeepObjectFilters() {
    for (int i = 0; i < 5; i++) {
      client.sms(FROM, US, "page " + i);
    }
    String gbId = (String) client.sms(FROM, GB, "uk").data().get("id");
    emulator.setMessageStatus(gbId, "delivered");
    emulator.receiveMessage(GB, FROM, "reply");

    Answer first = client.get("/detail_records?filter[record_type]=messaging&filter[cld]=%2B14155550142"
        + "&page[number]=1&page[size]=2");
    assertThat(first.list()).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("cld", US)
        .containsEntry("record_type", "message_detail_record").containsEntry("cli", FROM)
        .containsEntry("cost", "0.0040").containsEntry("currency", "USD").containsEntry("parts", 1.0));
    assertThat(first.meta()).isEqualTo(Map.of("total_pages", 3.0, "total_results", 5.0, "page_number", 1.0,
        "page_size", 2.0));
    assertThat(client.get("/detail_records?filter[record_type]=messaging&filter[cld]=%2B14155550142"
        + "&page[number]=3&page[size]=2").list()).hasSize(1);

    assertThat(client.get("/detail_records?filter[record_type]=messaging&filter[status]=delivered").list())
        .extracting(r -> r.get("uuid")).containsExactly(gbId);
    assertThat(client.get("/detail_records?filter[record_type]=messaging&filter[direction]=inbound").list())
        .singleElement().satisfies(r -> assertThat(r).containsEntry("status", "received").containsEntry("cli", GB));
    assertThat(client.get("/detail_records?filter[record_type]=messaging&filter[created_at][gte]="
        + "2026-03-01T12:00:01Z").list()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "/detail_records?filter[cld]=%2B1, filter[record_type]",
      "/detail_records?filter[record_type]=messaging&filter[colour]=red, filter[colour]",
      "/detail_records?filter[record_type]=messaging&page[size]=251, page[size]",
      "/detail_records?filter[record_type]=messaging&page[number]=0, page[number]"
  })
  void refusesBadQueryParametersNamingThem(String path, String parameter) {
    Answer answer = client.get(path);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).containsEntry("code", "10015")
        .containsEntry("source", Map.of("parameter", parameter));
  }

  @Test
  void reportsTheApiBudgetInRateLimitHeadersAndAnswers429WhenSpent() {
    emulator.apiRateLimit(2, Duration.ofMinutes(1));
    Answer first = client.get("/balance");
    assertThat(first.headers().get("x-ratelimit-limit")).isEqualTo("2");
    assertThat(first.headers().get("x-ratelimit-remaining")).isEqualTo("1");
    assertThat(first.headers().get("x-ratelimit-reset")).isEqualTo("60");
    client.get("/balance");

    Answer limited = client.get("/balance");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.error()).containsEntry("code", "10011");
    assertThat(limited.headers().get("Retry-After")).isEqualTo("60");
    assertThat(limited.headers().get("x-ratelimit-remaining")).isEqualTo("0");
  }

  @Test
  void scriptsTheVendorsOwnFailuresOfASend() {
    emulator.rateLimitNextSend(7);
    Answer limited = client.sms(FROM, GB, "x");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.headers().get("Retry-After")).isEqualTo("7");

    emulator.insufficientFundsOnNextSend();
    assertThat(client.sms(FROM, GB, "x").status()).isEqualTo(402);
    emulator.destinationNotEnabledOnNextSend();
    assertThat(client.sms(FROM, GB, "x").error()).containsEntry("code", "10010");
    emulator.unavailableOnNextSend();
    assertThat(client.sms(FROM, GB, "x").error()).containsEntry("code", "10007");
    emulator.failNextSend(422, "10002", "The phone number is invalid.", "to");
    assertThat(client.sms(FROM, GB, "x").error()).containsEntry("source", Map.of("pointer", "/to"));
    assertThat(emulator.ledger().size()).isZero();
    assertThat(client.sms(FROM, GB, "x").status()).isEqualTo(200);
  }

  @Test
  void aHungSendIsAcceptedButNeverAnswered() throws InterruptedException {
    emulator.hangNextSend();
    try (TelnyxTestClient impatient = new TelnyxTestClient(emulator, emulator.apiKey(), Duration.ofMillis(300))) {
      assertThatThrownBy(() -> impatient.sms(FROM, GB, "lost answer")).isInstanceOf(UncheckedIOException.class);
    }
    assertThat(emulator.faults().awaitParked(1, Duration.ofSeconds(5))).isTrue();
    assertThat(emulator.ledger().acceptances(GB, "lost answer")).isEqualTo(1);
  }
}
