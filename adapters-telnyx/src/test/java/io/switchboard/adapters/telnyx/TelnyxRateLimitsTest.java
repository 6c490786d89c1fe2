package io.switchboard.adapters.telnyx;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import okhttp3.Headers;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The x-ratelimit-* headers Telnyx sends, as the routing layer observes them. */
class TelnyxRateLimitsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final MockTelnyx telnyx = new MockTelnyx();

    @AfterEach
    void close() {
        telnyx.close();
    }

    @Test
    void everyResponseUpdatesTheLatestBudgetAndTellsListeners() {
        TelnyxConnector connector = TelnyxConnector.create(telnyx.config().build(), MockTelnyx.SHARED, CLOCK);
        List<TelnyxRateLimits.Snapshot> seen = new ArrayList<>();
        connector.rateLimits().addListener(seen::add);
        assertThat(connector.rateLimits().latest()).isEmpty();

        telnyx.server.enqueue(new MockResponse().setBody(MockTelnyx.resource("balance.json"))
                .setHeader("x-ratelimit-limit", "100").setHeader("x-ratelimit-remaining", "99")
                .setHeader("x-ratelimit-reset", "60"));
        telnyx.server.enqueue(new MockResponse().setResponseCode(429).setHeader("x-ratelimit-limit", "100")
                .setHeader("x-ratelimit-remaining", "0").setHeader("x-ratelimit-reset", "5")
                .setBody("{\"errors\":[{\"code\":\"10011\",\"title\":\"Too many requests\"}]}"));
        connector.api().balance();
        assertThat(connector.rateLimits().latest()).hasValueSatisfying(s -> {
            assertThat(s.account()).isEqualTo(connector.account());
            assertThat(s.limit()).isEqualTo(OptionalInt.of(100));
            assertThat(s.remaining()).isEqualTo(OptionalInt.of(99));
            assertThat(s.resetAt()).contains(NOW.plusSeconds(60));
            assertThat(s.observedAt()).isEqualTo(NOW);
            assertThat(s.exhausted()).isFalse();
        });

        assertThat(catchThrowableOfType(SwitchboardException.class, () -> connector.api().balance()).kind())
                .isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).exhausted()).isTrue();
        assertThat(connector.rateLimits().latest().orElseThrow().resetAt()).contains(NOW.plusSeconds(5));
    }

    @Test
    void aFailingListenerNeverBreaksARequest() {
        TelnyxConnector connector = TelnyxConnector.create(telnyx.config().build(), MockTelnyx.SHARED, CLOCK);
        connector.rateLimits().addListener(s -> {
            throw new IllegalStateException("listener bug");
        });
        telnyx.server.enqueue(new MockResponse().setBody(MockTelnyx.resource("balance.json"))
                .setHeader("x-ratelimit-remaining", "3"));
        assertThat(connector.api().balance().balance()).isPresent();
        assertThat(connector.rateLimits().latest().orElseThrow().remaining()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void readsResetAsSecondsToWaitOrAsAUnixTime() {
        assertThat(TelnyxRateLimits.untilReset("30", CLOCK)).isEqualTo(Duration.ofSeconds(30));
        assertThat(TelnyxRateLimits.untilReset("1.5", CLOCK)).isEqualTo(Duration.ofMillis(1500));
        assertThat(TelnyxRateLimits.untilReset(Long.toString(NOW.getEpochSecond() + 45), CLOCK))
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(TelnyxRateLimits.untilReset(Long.toString(NOW.getEpochSecond() - 45), CLOCK))
                .isEqualTo(Duration.ZERO);
        assertThat(TelnyxRateLimits.untilReset("soon", CLOCK)).isNull();
        assertThat(TelnyxRateLimits.untilReset("-1", CLOCK)).isNull();
    }

    @Test
    void responsesWithoutTheHeadersChangeNothing() {
        TelnyxRateLimits limits = new TelnyxRateLimits(AccountId.of(Vendor.TELNYX, "work"), CLOCK);
        limits.observe(Headers.of("Content-Type", "application/json"));
        assertThat(limits.latest()).isEmpty();
        limits.observe(Headers.of("x-ratelimit-limit", "ten"));
        assertThat(limits.latest().orElseThrow().limit()).isEmpty();
    }
}
