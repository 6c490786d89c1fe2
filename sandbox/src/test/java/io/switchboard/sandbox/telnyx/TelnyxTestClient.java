package io.switchboard.sandbox.telnyx;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A bare HTTP client for the emulator's tests: Bearer key, JSON in and out, no retries. */
final class TelnyxTestClient implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final JsonAdapter<Map<String, Object>> MAP = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final TelnyxEmulator emulator;
  private final OkHttpClient client;
  private final String key;

  TelnyxTestClient(TelnyxEmulator emulator) {
    this(emulator, emulator.apiKey(), Duration.ofSeconds(10));
  }

  TelnyxTestClient(TelnyxEmulator emulator, String key, Duration readTimeout) {
    this.emulator = emulator;
    this.key = key;
    this.client = new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(readTimeout).build();
  }

  /** What came back: status, headers and the JSON body as maps and lists. */
  record Answer(int status, okhttp3.Headers headers, Map<String, Object> body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> data() {
      return (Map<String, Object>) body.get("data");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
      return (List<Map<String, Object>>) body.get("data");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> meta() {
      return (Map<String, Object>) body.get("meta");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return ((List<Map<String, Object>>) body.get("errors")).get(0);
    }
  }

  Answer get(String pathAndQuery) {
    return execute(new Request.Builder().url(emulator.apiBaseUrl() + pathAndQuery).get());
  }

  Answer post(String path, String json) {
    return execute(new Request.Builder().url(emulator.apiBaseUrl() + path).post(RequestBody.create(json, JSON)));
  }

  Answer delete(String path) {
    return execute(new Request.Builder().url(emulator.apiBaseUrl() + path).delete());
  }

  private Answer execute(Request.Builder builder) {
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    try (Response response = client.newCall(builder.build()).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      return new Answer(response.code(), response.headers(), text.isEmpty() ? Map.of() : MAP.fromJson(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends an SMS and returns the answer. */
  Answer sms(String from, String to, String text) {
    return post("/messages", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"text\":\"" + text + "\"}");
  }

  @Override
  public void close() {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }
}
