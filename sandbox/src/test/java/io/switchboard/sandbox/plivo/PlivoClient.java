package io.switchboard.sandbox.plivo;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The JDK's HTTP client speaking Plivo's wire to an emulator, for the emulator's own tests. */
final class PlivoClient {
  private final PlivoEmulator plivo;
  private final HttpClient http = HttpClient.newHttpClient();

  PlivoClient(PlivoEmulator plivo) {
    this.plivo = plivo;
  }

  /** One answer: status and JSON body (numbers read as Double). */
  record Answer(int status, Map<String, Object> body) {
    Object get(String name) {
      return body.get(name);
    }

    String text(String name) {
      return (String) body.get(name);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects() {
      return (List<Map<String, Object>>) body.get("objects");
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String name) {
      return (List<Object>) body.get(name);
    }
  }

  Answer call(String method, String path, String json) {
    return call(method, path, json, PlivoEmulator.AUTH_ID, PlivoEmulator.AUTH_TOKEN);
  }

  /** {@code path} is relative to the account's base {@code /v1/Account/{authId}/}. */
  Answer call(String method, String path, String json, String authId, String token) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(plivo.baseUrl() + "/v1/Account/" + authId + "/" + path))
        .timeout(Duration.ofSeconds(5))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (authId + ":" + token).getBytes(StandardCharsets.UTF_8)))
        .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body().isBlank() ? Map.of() : parse(r.body()));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) throws IOException {
    return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(json);
  }
}
