package io.switchboard.adapters.http;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTimeoutsTest {

    @Test
    void defaultsAreNamedConstants() {
        assertThat(HttpTimeouts.DEFAULTS).isEqualTo(new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(60)));
        assertThat(HttpTimeouts.DEFAULTS.connect()).isEqualTo(HttpTimeouts.DEFAULT_CONNECT);
        assertThat(HttpTimeouts.DEFAULTS.readWrite()).isEqualTo(HttpTimeouts.DEFAULT_READ_WRITE);
        assertThat(HttpTimeouts.DEFAULTS.call()).isEqualTo(HttpTimeouts.DEFAULT_CALL);
    }

    @Test
    void eachComponentIsCheckedAndNamed() {
        Duration ok = Duration.ofSeconds(1);
        assertInvalid(() -> new HttpTimeouts(null, ok, ok), "connect");
        assertInvalid(() -> new HttpTimeouts(ok, Duration.ZERO, ok), "readWrite");
        assertInvalid(() -> new HttpTimeouts(ok, ok, Duration.ofSeconds(-1)), "call");
        assertInvalid(() -> HttpTimeouts.DEFAULTS.withConnect(Duration.ofNanos(999_999)), "connect");
        assertInvalid(() -> HttpTimeouts.DEFAULTS.withCall(Duration.ofMillis(Integer.MAX_VALUE + 1L)), "call");
    }

    @Test
    void theExtremesItAcceptsAreAcceptedByOkHttp() {
        HttpTimeouts shortest = new HttpTimeouts(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1));
        HttpTimeouts longest = HttpTimeouts.DEFAULTS.withReadWrite(Duration.ofMillis(Integer.MAX_VALUE));

        for (HttpTimeouts t : new HttpTimeouts[] {shortest, longest}) {
            OkHttpClient client = new OkHttpClient.Builder().connectTimeout(t.connect())
                    .readTimeout(t.readWrite()).callTimeout(t.call()).build();
            assertThat(client.readTimeoutMillis()).isEqualTo((int) t.readWrite().toMillis());
        }
    }

    @Test
    void withersReplaceOneComponent() {
        Duration two = Duration.ofSeconds(2);
        assertThat(HttpTimeouts.DEFAULTS.withConnect(two).connect()).isEqualTo(two);
        assertThat(HttpTimeouts.DEFAULTS.withReadWrite(two))
                .isEqualTo(new HttpTimeouts(HttpTimeouts.DEFAULT_CONNECT, two, HttpTimeouts.DEFAULT_CALL));
        assertThat(HttpTimeouts.DEFAULTS.withCall(two).call()).isEqualTo(two);
    }

    private static void assertInvalid(Runnable build, String component) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(HttpTimeouts.Invalid.class,
                e -> assertThat(e.component()).isEqualTo(component));
    }
}
