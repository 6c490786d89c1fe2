package io.switchboard.adapters.telnyx;

import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A MockWebServer standing in for api.telnyx.com, with a connector on it and helpers for canned answers. */
final class MockTelnyx implements AutoCloseable {

    static final String API_KEY = "KEYsecret_0123456789";
    static final String CONNECTION_ID = "1494404757140276705";
    static final OkHttpClient SHARED = new OkHttpClient();

    final MockWebServer server = new MockWebServer();

    MockTelnyx() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TelnyxConfig.Builder config() {
        return TelnyxConfig.builder().apiKey(API_KEY).baseUrl(server.url("/v2/").toString())
                .connectionId(CONNECTION_ID).readTimeout(Duration.ofMillis(500));
    }

    TelnyxConnector connector() {
        return TelnyxConnector.create(config().build(), SHARED);
    }

    /** Enqueues a JSON answer. */
    MockTelnyx answer(int status, String json) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(json));
        return this;
    }

    /** Enqueues a JSON answer read from a test resource under {@code telnyx/}. */
    MockTelnyx answerFile(int status, String name) {
        return answer(status, resource(name));
    }

    static String resource(String name) {
        try (InputStream in = MockTelnyx.class.getResourceAsStream("/telnyx/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource telnyx/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RecordedRequest taken() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request reached the mock Telnyx");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
