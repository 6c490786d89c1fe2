package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.callbacks.CallbackRecord;
import io.switchboard.sandbox.callbacks.Outcome;
import io.switchboard.sandbox.callbacks.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.switchboard.sandbox.twilio.Client.BASE;
import static org.assertj.core.api.Assertions.assertThat;

class TwilioCallbacksTest {
  private static final String FROM = "+12025550101";

  private final TwilioEmulator twilio = new TwilioEmulator(EmulatorConfig.ofDefaults().withSeed(7));
  private final Client client = Client.of(twilio);
  private final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterEach
  void close() {
    twilio.close();
    receiver.close();
  }

  private String send(String to, String callback) {
    Client.Reply reply = callback == null
        ? client.post(BASE + "/Messages.json", "To", to, "From", FROM, "Body", "hello")
        : client.post(BASE + "/Messages.json", "To", to, "From", FROM, "Body", "hello", "StatusCallback", callback);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.get("status")).isEqualTo("queued");
    return (String) reply.get("sid");
  }

  /** Twilio's rule, written here again: Base64(HMAC-SHA1(token, URL + sorted name+value)). */
  private static String expectedSignature(String token, String url, Map<String, String> params) throws Exception {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theTestsSignatureCheckMatchesTwiliosPublicVector() throws Exception {
    assertThat(expectedSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", Map.of("Digits", "1234",
        "CallSid", "CA1234567890ABCDE", "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309")))
        .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  }

  @Test
  void deliveredSendsSentThenDeliveredSignedWithTheAuthToken() throws Exception {
    String url = receiver.url("/status?tenant=a");
    String sid = send("+447700900123", url);

    List<WebhookReceiver.Hit> hits = receiver.await(2);

    assertThat(hits).extracting(h -> h.form().get("MessageStatus")).containsExactly("sent", "delivered");
    for (WebhookReceiver.Hit hit : hits) {
      Map<String, String> form = hit.form();
      assertThat(hit.method()).isEqualTo("POST");
      assertThat(hit.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
      assertThat(form).containsEntry("MessageSid", sid).containsEntry("SmsSid", sid)
          .containsEntry("AccountSid", TwilioEmulator.ACCOUNT_SID).containsEntry("From", FROM)
          .containsEntry("To", "+447700900123").containsEntry("ApiVersion", "2010-04-01")
          .containsEntry("SmsStatus", form.get("MessageStatus")).doesNotContainKey("ErrorCode");
      assertThat(hit.header("X-Twilio-Signature")).as("signature over the URL and the form")
          .isEqualTo(expectedSignature(TwilioEmulator.AUTH_TOKEN, url, form));
    }
    assertThat(hits.get(0).header("I-Twilio-Idempotency-Token")).isNotBlank()
        .isNotEqualTo(hits.get(1).header("I-Twilio-Idempotency-Token"));
    assertThat(client.get(BASE + "/Messages/" + sid + ".json").get("status")).isEqualTo("delivered");
  }

  @Test
  void theLongestPrefixWinsAndUndeliveredCarriesItsErrorCode() throws Exception {
    twilio.callbacks().outcomes().set("+44", Outcome.undelivered("30003")).set("+4477009", Outcome.failed("30007"));
    String failed = send("+447700900123", receiver.url("/a"));
    String undelivered = send("+447911123456", receiver.url("/b"));

    List<WebhookReceiver.Hit> hits = receiver.await(3);

    assertThat(hits.stream().filter(h -> h.path().equals("/a")).map(WebhookReceiver.Hit::form).toList())
        .singleElement().satisfies(f -> assertThat(f).containsEntry("MessageStatus", "failed")
            .containsEntry("ErrorCode", "30007"));
    assertThat(hits.stream().filter(h -> h.path().equals("/b")).map(h -> h.form().get("MessageStatus")))
        .containsExactly("sent", "undelivered");
    assertThat(hits.stream().filter(h -> h.path().equals("/b")).reduce((a, b) -> b).orElseThrow().form())
        .containsEntry("ErrorCode", "30003");
    assertThat(twilio.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    Client.Reply stored = client.get(BASE + "/Messages/" + undelivered + ".json");
    assertThat(stored.get("status")).isEqualTo("undelivered");
    assertThat(stored.get("error_code")).isEqualTo(30003.0);
    assertThat(stored.get("price")).isNotNull();
    assertThat(client.get(BASE + "/Messages/" + failed + ".json").get("status")).isEqualTo("failed");
  }

  @Test
  void aDuplicatedFinalCallbackArrivesTwiceWithTheSameToken() throws Exception {
    twilio.callbacks().outcomes().set("+44", Outcome.delivered().finalTwice());
    send("+447700900123", receiver.url("/s"));

    List<WebhookReceiver.Hit> hits = receiver.await(3);

    assertThat(hits).extracting(h -> h.form().get("MessageStatus")).containsExactly("sent", "delivered", "delivered");
    assertThat(hits.get(2).header("I-Twilio-Idempotency-Token"))
        .isEqualTo(hits.get(1).header("I-Twilio-Idempotency-Token"));
    assertThat(hits.get(2).text()).isEqualTo(hits.get(1).text());
  }

  @Test
  void outOfOrderDeliversTheFinalStatusFirstAndTheStoreStaysFinal() throws Exception {
    twilio.callbacks().outcomes().set("+44", Outcome.delivered().finalFirst());
    String sid = send("+447700900123", receiver.url("/s"));

    List<WebhookReceiver.Hit> hits = receiver.await(2);

    assertThat(hits).extracting(h -> h.form().get("MessageStatus")).containsExactly("delivered", "sent");
    assertThat(twilio.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(client.get(BASE + "/Messages/" + sid + ".json").get("status")).isEqualTo("delivered");
  }

  @Test
  void heldCallbacksArriveOnlyAfterRelease() throws Exception {
    twilio.callbacks().outcomes().set("+44", Outcome.delivered().heldUntilReleased());
    String sid = send("+447700900123", receiver.url("/s"));

    assertThat(twilio.callbacks().heldCount()).isEqualTo(1);
    assertThat(twilio.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(receiver.hits()).isEmpty();
    assertThat(client.get(BASE + "/Messages/" + sid + ".json").get("status")).isEqualTo("queued");

    assertThat(twilio.callbacks().release()).isEqualTo(1);

    assertThat(receiver.await(2)).extracting(h -> h.form().get("MessageStatus")).containsExactly("sent", "delivered");
  }

  @Test
  void aFailedAnswerIsRetriedWithTheSameIdempotencyToken() throws Exception {
    twilio.callbacks().settings(twilio.callbacks().settings().withBackoff(Duration.ofMillis(10)));
    receiver.answer(500);
    String sid = send("+447700900123", receiver.url("/s"));

    List<WebhookReceiver.Hit> hits = receiver.await(3);

    assertThat(hits).extracting(h -> h.form().get("MessageStatus")).containsExactly("sent", "sent", "delivered");
    assertThat(hits.get(1).header("I-Twilio-Idempotency-Token"))
        .isEqualTo(hits.get(0).header("I-Twilio-Idempotency-Token"));
    assertThat(twilio.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(twilio.callbacks().records(sid)).extracting(CallbackRecord::status, CallbackRecord::attempt,
        CallbackRecord::answer).containsExactly(org.assertj.core.groups.Tuple.tuple("sent", 1, 500),
        org.assertj.core.groups.Tuple.tuple("sent", 2, 200), org.assertj.core.groups.Tuple.tuple("delivered", 1, 200));
  }

  @Test
  void noCallbacksLeavesTheFinalStatusToBeReadBack() throws Exception {
    twilio.callbacks().outcomes().set("+44", Outcome.undelivered("30005").noCallbacks());
    String sid = send("+447700900123", receiver.url("/s"));

    assertThat(twilio.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();

    assertThat(receiver.hits()).isEmpty();
    assertThat(twilio.callbacks().records()).isEmpty();
    assertThat(client.get(BASE + "/Messages/" + sid + ".json").get("status")).isEqualTo("undelivered");
  }

  @Test
  void aSendWithoutCallbackBehavesAsBefore() throws Exception {
    String sid = send("+447700900123", null);

    assertThat(twilio.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(twilio.callbacks().records()).isEmpty();
    assertThat(client.get(BASE + "/Messages/" + sid + ".json").get("status")).isEqualTo("sent");
  }

  @Test
  void anInboundMessageArrivesSignedAtTheNumbersSmsUrl() throws Exception {
    String url = receiver.url("/sms");
    twilio.setSmsUrl(FROM, url);

    String sid = twilio.deliverInbound("+447700900123", FROM, "STOP", null);

    WebhookReceiver.Hit hit = receiver.await(1).get(0);
    assertThat(hit.form()).containsEntry("MessageSid", sid).containsEntry("From", "+447700900123")
        .containsEntry("To", FROM).containsEntry("Body", "STOP").containsEntry("NumMedia", "0")
        .containsEntry("SmsStatus", "received").containsEntry("AccountSid", TwilioEmulator.ACCOUNT_SID);
    assertThat(hit.header("X-Twilio-Signature")).isEqualTo(expectedSignature(TwilioEmulator.AUTH_TOKEN, url,
        hit.form()));
  }
}
