package io.switchboard.state.postgres;

import io.switchboard.application.lifecycle.SuppressionList.Entry;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Vendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSuppressionListTest {

    private static TestDatabase db;
    private static PostgresState instanceA;
    private static PostgresState instanceB;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        instanceA = db.state();
        instanceB = db.state();
    }

    @AfterAll
    static void stop() throws Exception {
        instanceA.close();
        instanceB.close();
        db.close();
    }

    @Test
    void anOptOutOnOneInstanceIsHonouredByAllUntilTheNumberOptsIn() {
        PhoneNumber number = PhoneNumber.parse("+447700900123");
        Entry stop = new Entry(number, AccountId.of(Vendor.TWILIO, "main"), "inbound STOP",
                Instant.parse("2030-05-01T10:00:00.123456Z"));
        Entry refreshed = new Entry(number, AccountId.of(Vendor.TELNYX, "eu"), "telnyx 40300",
                Instant.parse("2030-05-02T10:00:00Z"));
        Entry other = new Entry(PhoneNumber.parse("+14155552671"), AccountId.of(Vendor.PLIVO, "default"),
                "plivo 200", Instant.parse("2030-05-01T09:00:00Z"));

        instanceA.suppressions().add(stop);
        assertThat(instanceB.suppressions().find(number)).contains(stop);

        instanceB.suppressions().add(refreshed);
        instanceA.suppressions().add(other);
        assertThat(instanceA.suppressions().find(number)).as("an add refreshes the entry").contains(refreshed);
        assertThat(instanceB.suppressions().all()).as("oldest first").containsExactly(other, refreshed);

        assertThat(instanceA.suppressions().remove(number)).isTrue();
        assertThat(instanceB.suppressions().find(number)).isEmpty();
        assertThat(instanceB.suppressions().remove(number)).as("no longer listed").isFalse();
        assertThat(instanceB.suppressions().all()).containsExactly(other);
    }
}
