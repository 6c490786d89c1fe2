package io.switchboard.reliability;

import io.switchboard.Switchboard;
import io.switchboard.application.Delivery;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.sandbox.ManualClock;
import io.switchboard.sandbox.http.Match;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one account's pricing API failing, many sends write at most one log line for it per back-off period, with no
 * stack trace, and ask its pricing API at most once per back-off (counted at the emulator).
 */
@Isolated("captures the process's standard error, where the log lines go")
class PricingLogFloodTest {

    private static final String PRICING = "/v1/Account/" + PlivoEmulator.AUTH_ID + "/Pricing/";
    private static final int SENDS = 20;

    @Test
    void sendsWithAFailingPricingApiLogOneLinePerPeriodAndAskOncePerBackOff() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-05T10:00:00Z"));
        CapturedOutput output = CapturedOutput.start();
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            sandbox.plivo().failNext(10_000, Match.path(PRICING), 503);
            try (Switchboard switchboard = sandbox.configure(Switchboard.builder()).clock(clock).build()) {
                long askedWhileBuilding = sandbox.plivo().stats().count(PRICING);
                assertThat(askedWhileBuilding).as("the warm-up asked").isPositive();
                assertThat(priceBookLines(output)).as(output.text()).isEqualTo(1);
                assertThat(switchboard.pricingFailures()).isNotEmpty().allSatisfy(f ->
                        assertThat(f.failure().kind()).isEqualTo(FailureKind.UNAVAILABLE));

                sendMany(switchboard);
                assertThat(sandbox.plivo().stats().count(PRICING)).as("no pricing request within the back-off")
                        .isEqualTo(askedWhileBuilding);
                assertThat(priceBookLines(output)).as("no line per send").isEqualTo(1);
                assertThat(output.text()).doesNotContain("\tat ");

                clock.advance(Duration.ofSeconds(30));
                sendMany(switchboard);
                assertThat(sandbox.plivo().stats().count(PRICING)).as("one request once the back-off ended")
                        .isEqualTo(askedWhileBuilding + 1);
                assertThat(priceBookLines(output)).as("one more line for the next period").isEqualTo(2);

                clock.advance(Duration.ofSeconds(59));
                sendMany(switchboard);
                assertThat(sandbox.plivo().stats().count(PRICING)).as("the back-off doubled to 60 s")
                        .isEqualTo(askedWhileBuilding + 1);
                assertThat(priceBookLines(output)).isEqualTo(2);
                assertThat(output.text()).doesNotContain("\tat ");
            }
        } finally {
            output.stop();
        }
    }

    private static void sendMany(Switchboard switchboard) {
        for (int i = 0; i < SENDS; i++) {
            Delivery delivery = switchboard.messages().send(MessageRequest.sms(PhoneNumber.parse("+447700900001"),
                    new SenderPool(EmbeddedSandbox.POOL), "hello " + i));
            assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        }
    }

    private static long priceBookLines(CapturedOutput output) {
        return output.text().lines().filter(l -> l.contains("PriceBook") && l.contains("plivo:default")).count();
    }
}
