package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.sandbox.twilio.Client.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Twilio's own failures, scripted: error codes, rate limits, lost answers. */
class TwilioEmulatorFaultsTest {

  private static final String[] SMS = {"To", "+447700900123", "From", "+12025550101", "Body", "fault"};

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
  private final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock).withSeed(5);
  private final TwilioEmulator twilio = new TwilioEmulator(config);
  private final Client client = Client.of(twilio);

  @AfterEach
  void close() {
    twilio.close();
  }

  private Client.Reply send() {
    return client.post(BASE + "/Messages.json", SMS);
  }

  @Test
  void failsTheNextSendWithTwiliosCodeAndThenRecovers() {
    twilio.failNextSend(400, 21211);
    Client.Reply failed = send();
    assertThat(failed.status()).isEqualTo(400);
    assertThat(failed.json()).containsEntry("code", 21211.0)
        .containsEntry("more_info", "https://www.twilio.com/docs/errors/21211");
    assertThat(config.ledger().size()).isZero();
    assertThat(send().status()).isEqualTo(201);
  }

  @Test
  void aScriptedSendFailureLeavesReadsAlone() {
    twilio.failNextSend(503, 20503);
    assertThat(client.get(BASE + "/Messages.json").status()).isEqualTo(200);
    assertThat(send().status()).isEqualTo(503);
  }

  @Test
  void answersAnUnfundedAccountWith20005() {
    twilio.failNextSendForFunds();
    assertThat(send().json()).containsEntry("code", 20005.0).containsEntry("status", 401.0);
  }

  @Test
  void rateLimitsTheNextSendWithRetryAfter() {
    twilio.rateLimitNextSend(Duration.ofSeconds(3));
    Client.Reply limited = send();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("3");
    assertThat(limited.json()).containsEntry("code", 20429.0);
  }

  @Test
  void rateLimitsSendsBeyondABudgetLikeTwilio() {
    twilio.rateLimitSends(2, Duration.ofSeconds(1));
    assertThat(send().status()).isEqualTo(201);
    assertThat(send().status()).isEqualTo(201);
    Client.Reply third = send();
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.json()).containsEntry("code", 20429.0);
    assertThat(third.header("Retry-After")).isNotNull();
    clock.advance(Duration.ofSeconds(2));
    assertThat(send().status()).isEqualTo(201);
  }

  @Test
  void acceptsAndStoresASendWhoseAnswerNeverComes() throws InterruptedException {
    twilio.hangNextSend();
    Client impatient = new Client(twilio.baseUrl(), TwilioEmulator.ACCOUNT_SID, TwilioEmulator.AUTH_TOKEN,
        Duration.ofMillis(300));

    Throwable lost = catchThrowable(() -> impatient.post(BASE + "/Messages.json", SMS));

    assertThat(lost).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(HttpTimeoutException.class);
    assertThat(twilio.faults().awaitParked(1, Duration.ofSeconds(5))).isTrue();
    assertThat(config.ledger().acceptances("+447700900123", "fault")).isEqualTo(1);
    assertThat(twilio.messageCount()).isEqualTo(1);
  }

  @Test
  void resetsTheNextSendBeforeStoringIt() {
    twilio.resetNextSend();
    assertThat(catchThrowable(this::send)).isInstanceOf(UncheckedIOException.class);
    assertThat(twilio.messageCount()).isZero();
  }

  @Test
  void storesTheNextSendButAnswersTruncatedJson() {
    twilio.malformedNextSend();
    Client.Reply reply = send();
    assertThat(reply.status()).isEqualTo(201);
    assertThat(catchThrowable(reply::json)).isNotNull();
    assertThat(twilio.messageCount()).isEqualTo(1);
  }

  @Test
  void failsAnyPathWithAnyCode() {
    twilio.failNext(2, "/v2/PhoneNumbers/", 503, 20503, "Lookup is down");
    assertThat(client.get("/v2/PhoneNumbers/+447700900123").json()).containsEntry("message", "Lookup is down");
    assertThat(client.get(BASE + "/Messages.json").status()).isEqualTo(200);
    assertThat(client.get("/v2/PhoneNumbers/+447700900123").status()).isEqualTo(503);
    assertThat(client.get("/v2/PhoneNumbers/+447700900123").status()).isEqualTo(200);
  }
}
