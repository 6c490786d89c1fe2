package io.switchboard.sandbox.twilio;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A plain JDK HTTP client speaking to the emulator as a Twilio client would, for the emulator's own tests. */
final class Client {

  static final String BASE = "/2010-04-01/Accounts/" + TwilioEmulator.ACCOUNT_SID;

  /** One answer: status, body, and the body as JSON (maps, lists, strings, Doubles). */
  record Reply(int status, HttpResponse<String> raw) {
    Map<String, Object> json() {
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class)
            .fromJson(raw.body());
        return map;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String body() {
      return raw.body();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String key) {
      return (List<Map<String, Object>>) json().get(key);
    }

    Object get(String key) {
      return json().get(key);
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String baseUrl;
  private final String authorization;
  private final Duration timeout;

  Client(String baseUrl, String user, String secret) {
    this(baseUrl, user, secret, Duration.ofSeconds(5));
  }

  Client(String baseUrl, String user, String secret, Duration timeout) {
    this.baseUrl = baseUrl;
    this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
  }

  static Client of(TwilioEmulator emulator) {
    return new Client(emulator.baseUrl(), TwilioEmulator.ACCOUNT_SID, TwilioEmulator.AUTH_TOKEN);
  }

  Reply get(String pathAndQuery) {
    return send(builder(pathAndQuery).GET());
  }

  Reply delete(String path) {
    return send(builder(path).DELETE());
  }

  /** POSTs form pairs: name, value, name, value... (names may repeat). */
  Reply post(String path, String... pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&").append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
    }
    return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder builder(String pathAndQuery) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout);
    return authorization == null ? b : b.header("Authorization", authorization);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
