package io.switchboard.sandbox.callbacks;

import com.squareup.moshi.Moshi;
import io.switchboard.sandbox.VendorEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Calls an emulator's control API (no credentials) and reads the JSON answer. */
public final class Control {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public record Answer(int status, Map<String, Object> json) {}

  private Control() {}

  @SuppressWarnings("unchecked")
  public static Answer call(VendorEmulator emulator, String method, String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + VendorEmulator.CONTROL + path))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    try {
      Map<String, Object> body = r.body().isBlank() ? Map.of()
          : (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(r.body());
      return new Answer(r.statusCode(), body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }
}
