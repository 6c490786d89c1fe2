package io.switchboard.sandbox.telnyx;

import com.squareup.moshi.Moshi;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.callbacks.Control;
import io.switchboard.sandbox.callbacks.Outcome;
import io.switchboard.sandbox.callbacks.WebhookReceiver;
import io.switchboard.sandbox.http.Fault;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelnyxCallbacksTest {
  private static final String FROM = "+12025550121";

  private final TelnyxEmulator telnyx = new TelnyxEmulator(EmulatorConfig.ofDefaults().withSeed(5));
  private final TelnyxTestClient client = new TelnyxTestClient(telnyx);
  private final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterEach
  void close() {
    client.close();
    telnyx.close();
    receiver.close();
  }

  private String send(String to, String webhookUrl) {
    TelnyxTestClient.Answer sent = client.post("/messages", "{\"from\":\"" + FROM + "\",\"to\":\"" + to
        + "\",\"text\":\"hello\"" + (webhookUrl == null ? "" : ",\"webhook_url\":\"" + webhookUrl + "\"") + "}");
    assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
    return (String) sent.data().get("id");
  }

  /** Ed25519 over "timestamp|body" with the raw 32-byte key, as a receiver checks it. */
  private static boolean verifies(String rawKeyBase64, WebhookReceiver.Hit hit) throws Exception {
    byte[] raw = Base64.getDecoder().decode(rawKeyBase64);
    byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(key);
    ed.update((hit.header("telnyx-timestamp") + "|").getBytes(StandardCharsets.UTF_8));
    ed.update(hit.body());
    return ed.verify(Base64.getDecoder().decode(hit.header("telnyx-signature-ed25519")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(WebhookReceiver.Hit hit) throws Exception {
    return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(hit.text());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(WebhookReceiver.Hit hit) throws Exception {
    return (Map<String, Object>) json(hit).get("data");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> payload(WebhookReceiver.Hit hit) throws Exception {
    return (Map<String, Object>) data(hit).get("payload");
  }

  @SuppressWarnings("unchecked")
  private static String toStatus(WebhookReceiver.Hit hit) throws Exception {
    return (String) ((List<Map<String, Object>>) payload(hit).get("to")).get(0).get("status");
  }

  @Test
  void deliveredSendsSentThenFinalizedSignedWithEd25519() throws Exception {
    String url = receiver.url("/telnyx");
    String id = send("+447700900123", url);

    List<WebhookReceiver.Hit> hits = receiver.await(2);

    assertThat(hits).extracting(h -> data(h).get("event_type")).containsExactly("message.sent", "message.finalized");
    assertThat(toStatus(hits.get(0))).isEqualTo("sent");
    assertThat(toStatus(hits.get(1))).isEqualTo("delivered");
    String key = telnyx.webhookPublicKey();
    assertThat(Base64.getDecoder().decode(key)).hasSize(32);
    assertThat(Control.call(telnyx, "GET", "/webhook-public-key", null).json()).containsEntry("public_key", key);
    for (WebhookReceiver.Hit hit : hits) {
      assertThat(hit.header("Content-Type")).startsWith("application/json");
      assertThat(verifies(key, hit)).as("signature of " + hit.text()).isTrue();
      assertThat(Long.parseLong(hit.header("telnyx-timestamp")))
          .isCloseTo(telnyx.clock().instant().getEpochSecond(), org.assertj.core.data.Offset.offset(300L));
      assertThat(data(hit)).containsEntry("record_type", "event").containsKeys("id", "occurred_at");
      assertThat(payload(hit)).containsEntry("id", id).containsEntry("direction", "outbound").containsKey("cost");
      assertThat((Map<String, Object>) json(hit).get("meta")).containsEntry("attempt", 1.0)
          .containsEntry("delivered_to", url);
    }
    assertThat(data(hits.get(0)).get("id")).isNotEqualTo(data(hits.get(1)).get("id"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> to = (List<Map<String, Object>>) client.get("/messages/" + id).data().get("to");
    assertThat(to.get(0)).containsEntry("status", "delivered");
  }

  @Test
  void aRetryAfter500IsAttemptTwoOfTheSameEventSignedAgain() throws Exception {
    telnyx.callbacks().settings(telnyx.callbacks().settings().withBackoff(Duration.ofMillis(10)));
    receiver.answer(500);
    send("+447700900123", receiver.url("/t"));

    List<WebhookReceiver.Hit> hits = receiver.await(3);

    assertThat(hits).extracting(h -> data(h).get("event_type"))
        .containsExactly("message.sent", "message.sent", "message.finalized");
    assertThat(hits).extracting(h -> (Object) ((Map<?, ?>) json(h).get("meta")).get("attempt"))
        .containsExactly(1.0, 2.0, 1.0);
    assertThat(data(hits.get(1)).get("id")).isEqualTo(data(hits.get(0)).get("id"));
    assertThat(verifies(telnyx.webhookPublicKey(), hits.get(1))).isTrue();
  }

  @Test
  void undeliveredIsFinalizedAsDeliveryFailedWithTheErrorAndStoredSo() throws Exception {
    telnyx.callbacks().outcomes().set("+44", Outcome.undelivered("40008"));
    String id = send("+447700900123", receiver.url("/t"));

    List<WebhookReceiver.Hit> hits = receiver.await(2);

    assertThat(toStatus(hits.get(1))).isEqualTo("delivery_failed");
    assertThat(payload(hits.get(1)).get("errors")).asList().singleElement()
        .satisfies(e -> assertThat(((Map<?, ?>) e).get("code")).isEqualTo("40008"));
    assertThat(telnyx.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    Map<String, Object> stored = client.get("/messages/" + id).data();
    assertThat(stored.get("to")).asList().singleElement()
        .satisfies(r -> assertThat(((Map<?, ?>) r).get("status")).isEqualTo("delivery_failed"));
    assertThat((List<?>) stored.get("errors")).hasSize(1);
    assertThat(stored.get("completed_at")).isNotNull();
  }

  @Test
  void heldOutOfOrderCallbacksScriptedOverHttpArriveFinalFirstAfterRelease() throws Exception {
    assertThat(Control.call(telnyx, "POST", "/outcomes",
        "{\"prefix\":\"+44\",\"result\":\"delivered\",\"held\":true,\"out_of_order\":true}").status()).isEqualTo(201);
    send("+447700900123", receiver.url("/t"));
    assertThat(telnyx.callbacks().heldCount()).isEqualTo(1);
    assertThat(telnyx.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(receiver.hits()).isEmpty();

    assertThat(Control.call(telnyx, "POST", "/callbacks/release", null).json()).containsEntry("released", 1.0);

    assertThat(receiver.await(2)).extracting(h -> data(h).get("event_type"))
        .containsExactly("message.finalized", "message.sent");
  }

  @Test
  void theControlApiMeetsNoFaultAndIsNotCounted() throws Exception {
    telnyx.faults().next(1, Fault.respond(io.switchboard.sandbox.http.Response.of(503)));
    long before = telnyx.stats().total();

    Control.Answer answer = Control.call(telnyx, "GET", "/callbacks", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json()).containsEntry("callbacks", List.of()).containsEntry("held", 0.0);
    assertThat(telnyx.stats().total()).isEqualTo(before);
    assertThat(telnyx.faults().pending()).isEqualTo(1);
  }

  @Test
  void aSendToANonLoopbackUrlIsRecordedAsNotSent() throws Exception {
    String id = send("+447700900123", "https://example.com/hooks");

    assertThat(telnyx.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();

    assertThat(telnyx.callbacks().records(id)).hasSize(2)
        .allSatisfy(r -> assertThat(r.failure()).startsWith("not sent"));
  }

  @Test
  void anInboundMessageIsReceivedEventToTheProfileWebhook() throws Exception {
    telnyx.setMessagingProfileWebhookUrl(receiver.url("/profile"));

    String id = telnyx.deliverInbound("+447700900123", FROM, "STOP", null);

    WebhookReceiver.Hit hit = receiver.await(1).get(0);
    assertThat(hit.path()).isEqualTo("/profile");
    assertThat(data(hit)).containsEntry("event_type", "message.received");
    assertThat(payload(hit)).containsEntry("id", id).containsEntry("direction", "inbound").containsEntry("text", "STOP");
    assertThat(verifies(telnyx.webhookPublicKey(), hit)).isTrue();
  }
}
