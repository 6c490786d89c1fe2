package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.callbacks.Control;
import io.switchboard.sandbox.callbacks.WebhookReceiver;
import java.net.URI;
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

import static org.assertj.core.api.Assertions.assertThat;

class PlivoCallbacksTest {
  private final PlivoEmulator plivo = new PlivoEmulator(EmulatorConfig.ofDefaults().withSeed(11));
  private final PlivoClient client = new PlivoClient(plivo);
  private final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterEach
  void close() {
    plivo.close();
    receiver.close();
  }

  private String send(String dst, String url) {
    PlivoClient.Answer sent = client.call("POST", "Message/", "{\"src\":\"12025550111\",\"dst\":\"" + dst
        + "\",\"text\":\"hello\",\"url\":\"" + url + "\"}");
    assertThat(sent.status()).as(sent.body().toString()).isEqualTo(202);
    return (String) sent.list("message_uuid").get(0);
  }

  private static String hmac256(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  /** V3 for a POST to a URL without a query, per WIRE.md: scheme://host/path (no port), '?', sorted name+value. */
  private static String expectedV3(String token, String url, Map<String, String> form, String nonce)
      throws Exception {
    URI uri = URI.create(url);
    StringBuilder data = new StringBuilder(uri.getScheme() + "://" + uri.getHost() + uri.getPath() + "?");
    new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
    return hmac256(token, data + "." + nonce);
  }

  @Test
  void theTestsV2CheckMatchesPlivosPublicVector() throws Exception {
    assertThat(hmac256("my_auth_token", "https://answer.url" + "12345"))
        .isEqualTo("ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=");
  }

  @Test
  void deliveredSendsQueuedSentDeliveredSignedV2AndV3() throws Exception {
    String url = receiver.url("/plivo/status");
    String uuid = send("+447700900123", url);

    List<WebhookReceiver.Hit> hits = receiver.await(3);

    assertThat(hits).extracting(h -> h.form().get("Status")).containsExactly("queued", "sent", "delivered");
    assertThat(hits).extracting(h -> h.form().get("Sequence")).containsExactly("1", "2", "3");
    for (WebhookReceiver.Hit hit : hits) {
      Map<String, String> form = hit.form();
      assertThat(form).containsEntry("MessageUUID", uuid).containsEntry("From", "12025550111")
          .containsEntry("To", "447700900123").containsEntry("Type", "sms").containsEntry("Units", "1")
          .containsEntry("MCC", "234").containsKeys("TotalRate", "TotalAmount", "MNC", "MessageTime")
          .doesNotContainKey("ErrorCode");
      String nonce = hit.header("X-Plivo-Signature-V3-Nonce");
      assertThat(hit.header("X-Plivo-Signature-V3")).isEqualTo(expectedV3(PlivoEmulator.AUTH_TOKEN, url, form, nonce));
      assertThat(hit.header("X-Plivo-Signature-V2"))
          .isEqualTo(hmac256(PlivoEmulator.AUTH_TOKEN, url + hit.header("X-Plivo-Signature-V2-Nonce")));
    }
    assertThat(plivo.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    PlivoClient.Answer stored = client.call("GET", "Message/" + uuid + "/", null);
    assertThat(stored.get("message_state")).isEqualTo("delivered");
    assertThat(stored.get("error_code")).isEqualTo("000");
    assertThat(stored.get("total_amount")).isEqualTo(hits.get(2).form().get("TotalAmount"));
  }

  @Test
  void anOutcomeScriptedOverTheControlApiIsUndeliveredWithItsCode() throws Exception {
    Control.Answer set = Control.call(plivo, "POST", "/outcomes",
        "{\"prefix\":\"+4477009\",\"result\":\"undelivered\",\"error_code\":\"70\",\"duplicated\":true}");
    assertThat(set.status()).isEqualTo(201);
    String uuid = send("+447700900123", receiver.url("/s"));

    List<WebhookReceiver.Hit> hits = receiver.await(4);

    assertThat(hits).extracting(h -> h.form().get("Status"))
        .containsExactly("queued", "sent", "undelivered", "undelivered");
    assertThat(hits.get(2).form()).containsEntry("ErrorCode", "70").isEqualTo(hits.get(3).form());
    assertThat(hits.get(3).header("X-Plivo-Signature-V3-Nonce"))
        .isNotEqualTo(hits.get(2).header("X-Plivo-Signature-V3-Nonce"));
    assertThat(plivo.callbacks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    PlivoClient.Answer stored = client.call("GET", "Message/" + uuid + "/", null);
    assertThat(stored.get("message_state")).isEqualTo("undelivered");
    assertThat(stored.get("error_code")).isEqualTo("70");

    Control.Answer records = Control.call(plivo, "GET", "/callbacks?message_id=" + uuid, null);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attempts = (List<Map<String, Object>>) records.json().get("callbacks");
    assertThat(attempts).hasSize(4).allSatisfy(r -> assertThat(r).containsEntry("answer", 200.0)
        .containsEntry("url", receiver.url("/s")));
  }

  @Test
  void anInboundMessageGoesToTheApplicationsMessageUrlSigned() throws Exception {
    String url = receiver.url("/inbound");
    PlivoState.Account account = plivo.account(PlivoEmulator.AUTH_ID);
    synchronized (account.lock) {
      PlivoState.Number number = account.numbers.stream().filter(n -> n.number.equals("12025550111")).findFirst()
          .orElseThrow();
      PlivoState.Application app = account.applications.get(0);
      number.appId = app.appId;
      app.messageUrl = url;
    }

    Control.Answer answer = Control.call(plivo, "POST", "/inbound",
        "{\"from\":\"+447700900123\",\"to\":\"+12025550111\",\"text\":\"STOP\"}");

    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(202);
    WebhookReceiver.Hit hit = receiver.await(1).get(0);
    assertThat(hit.form()).containsEntry("From", "447700900123").containsEntry("To", "12025550111")
        .containsEntry("Text", "STOP").containsEntry("Type", "sms")
        .containsEntry("MessageUUID", (String) answer.json().get("message_id"));
    assertThat(hit.header("X-Plivo-Signature-V3")).isEqualTo(expectedV3(PlivoEmulator.AUTH_TOKEN, url, hit.form(),
        hit.header("X-Plivo-Signature-V3-Nonce")));
    assertThat(client.call("GET", "Message/" + answer.json().get("message_id") + "/", null).get("message_direction"))
        .isEqualTo("inbound");
  }
}
