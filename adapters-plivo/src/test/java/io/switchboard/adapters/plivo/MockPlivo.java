package io.switchboard.adapters.plivo;

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

/** A MockWebServer standing in for api.plivo.com, and a connector pointed at it. */
final class MockPlivo implements AutoCloseable {

    static final String AUTH_ID = "MAXXXXXXXXXXXXXXXXXX";
    static final String TOKEN = "s3cr3t-t0ken-value";
    static final OkHttpClient SHARED = new OkHttpClient();

    final MockWebServer server = new MockWebServer();
    final PlivoConnector connector;

    MockPlivo() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connector = PlivoConnector.create(PlivoConfig.builder().accountName("test").authId(AUTH_ID).authToken(TOKEN)
                .baseUrl(server.url("/v1/").toString()).readTimeout(Duration.ofMillis(500)).build(), SHARED);
    }

    PlivoApi api() {
        return connector.api();
    }

    void enqueue(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body));
    }

    void enqueueResource(int status, String name) {
        enqueue(status, resource(name));
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request reached the mock server");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = MockPlivo.class.getResourceAsStream("/plivo/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource plivo/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
