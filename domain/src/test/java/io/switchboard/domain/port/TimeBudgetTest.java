package io.switchboard.domain.port;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TimeBudgetTest {

    @Test
    void outsideABudgetNothingIsCut() {
        assertThat(TimeBudget.remaining()).isEmpty();
        assertThat(TimeBudget.cut(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void insideABudgetLongerTimeoutsAreCutToWhatIsLeftAndShorterOnesKept() {
        TimeBudget.within(Duration.ofSeconds(3), () -> {
            assertThat(TimeBudget.cut(Duration.ofSeconds(60))).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
            assertThat(TimeBudget.cut(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
            return null;
        });
        assertThat(TimeBudget.remaining()).as("gone after the work").isEmpty();
    }

    @Test
    void aNestedBudgetCannotOutliveItsEnclosingOneAndTheOuterComesBack() {
        TimeBudget.within(Duration.ofSeconds(2), () -> {
            TimeBudget.within(Duration.ofHours(1), () -> {
                assertThat(TimeBudget.remaining().orElseThrow()).isLessThanOrEqualTo(Duration.ofSeconds(2));
                return null;
            });
            TimeBudget.within(Duration.ofMillis(100), () -> {
                assertThat(TimeBudget.remaining().orElseThrow()).isLessThanOrEqualTo(Duration.ofMillis(100));
                return null;
            });
            assertThat(TimeBudget.remaining().orElseThrow()).isGreaterThan(Duration.ofMillis(100));
            return null;
        });
    }

    @Test
    void aSpentOrHugeBudgetStaysUsable() {
        TimeBudget.within(Duration.ofSeconds(-5), () -> {
            assertThat(TimeBudget.remaining()).contains(Duration.ofMillis(1));
            return null;
        });
        TimeBudget.within(ChronoUnit.FOREVER.getDuration(), () -> {
            assertThat(TimeBudget.cut(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
            return null;
        });
    }

    @Test
    void theBudgetBelongsToItsThread() {
        AtomicReference<Optional<Duration>> seen = new AtomicReference<>();
        TimeBudget.within(Duration.ofSeconds(1), () -> {
            Thread other = new Thread(() -> seen.set(TimeBudget.remaining()));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });
        assertThat(seen.get()).isEmpty();
    }
}
