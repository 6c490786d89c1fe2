package io.switchboard.adapters.twilio;

import io.switchboard.domain.AccountId;
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

/** A MockWebServer standing in for all three Twilio hosts, and a connector pointed at it. */
final class MockTwilio implements AutoCloseable {

    static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "s3cr3t-auth-token-value";
    static final AccountId ACCOUNT = AccountId.parse("twilio:work");
    static final String BASE = "/2010-04-01/Accounts/" + ACCOUNT_SID;

    static final OkHttpClient SHARED = new OkHttpClient();

    final MockWebServer server = new MockWebServer();
    final TwilioConnector connector;

    MockTwilio() {
        this(Duration.ofSeconds(5));
    }

    MockTwilio(Duration readTimeout) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connector = TwilioConnector.create(config(readTimeout).build(), SHARED);
    }

    TwilioConfig.Builder config(Duration readTimeout) {
        return TwilioConfig.builder().account(ACCOUNT).accountSid(ACCOUNT_SID).authToken(AUTH_TOKEN)
                .allBaseUrls(server.url("/").toString()).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(readTimeout);
    }

    TwilioApi api() {
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
        try (InputStream in = MockTwilio.class.getResourceAsStream("payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        connector.close();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
