package io.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class ResponseTest {

  @Test
  void jsonKeepsNullsAndKeyOrder() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sid", "SM1");
    body.put("error_code", null);
    body.put("to", List.of("+1", "+2"));

    Response r = Response.json(201, body);

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.bodyText()).isEqualTo("{\"sid\":\"SM1\",\"error_code\":null,\"to\":[\"+1\",\"+2\"]}");
    assertThat(r.header("content-type")).isEqualTo(Response.JSON);
  }

  /** Moshi reads records through their accessors, so a record in a body must be public. */
  public record Cost(String amount, String currency) {}

  @Test
  void publicRecordsAreSerializedByComponentName() {
    assertThat(Response.json(200, Map.of("cost", new Cost("0.0079", "USD"))).bodyText())
        .isEqualTo("{\"cost\":{\"amount\":\"0.0079\",\"currency\":\"USD\"}}");
  }

  @Test
  void withHeaderAddsWithoutChangingTheOriginal() {
    Response base = Response.of(429);
    Response limited = base.withHeader("Retry-After", "3").withHeader("retry-after", "4");

    assertThat(base.headers()).isEmpty();
    assertThat(limited.headers().get("RETRY-AFTER")).containsExactly("3", "4");
    assertThat(limited.header("Retry-After")).isEqualTo("3");
  }

  @Test
  void bodyIsDefensivelyCopied() {
    byte[] bytes = {1, 2, 3};
    Response r = Response.of(200).withBody("application/octet-stream", bytes);
    bytes[0] = 9;
    r.body()[1] = 9;

    assertThat(Arrays.equals(r.body(), new byte[] {1, 2, 3})).isTrue();
  }

  @Test
  void rejectsImpossibleStatus() {
    assertThatThrownBy(() -> Response.of(99)).hasMessageContaining("'status' must be within 100-599");
    assertThat(Response.noContent().status()).isEqualTo(204);
  }
}
