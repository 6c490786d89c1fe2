package io.switchboard.adapters.http;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cap over real loopback HTTP, with a small limit: announced, streamed, and within it. */
class BoundedBodiesTest {

    private static final long MAX = 1_000;

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new BoundedBodies(MAX)).build();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private Response get() throws IOException {
        return client.newCall(new Request.Builder().url(server.url("/")).build()).execute();
    }

    @Test
    void aBodyWithinTheCapIsReadWhole() throws IOException {
        server.enqueue(new MockResponse().setBody("x".repeat((int) MAX)));
        server.enqueue(new MockResponse().setChunkedBody("y".repeat((int) MAX), 100));

        try (Response fixed = get()) {
            assertThat(fixed.body().string()).hasSize((int) MAX);
        }
        try (Response chunked = get()) {
            assertThat(chunked.body().string()).hasSize((int) MAX);
        }
    }

    @Test
    void aBodyAnnouncedAboveTheCapFailsBeforeItIsRead() {
        server.enqueue(new MockResponse().setBody("x".repeat((int) MAX + 1)));

        assertThatThrownBy(this::get).isInstanceOf(BoundedBodies.TooLarge.class)
                .hasMessage("the response body exceeds " + MAX + " bytes");
    }

    @Test
    void aBodyOfUnknownLengthFailsWhenItStreamsPastTheCap() throws IOException {
        server.enqueue(new MockResponse().setChunkedBody(new Buffer().writeUtf8("z".repeat((int) MAX + 1)), 100));

        try (Response response = get()) {
            assertThatThrownBy(() -> response.body().string()).isInstanceOf(BoundedBodies.TooLarge.class);
        }
    }
}
