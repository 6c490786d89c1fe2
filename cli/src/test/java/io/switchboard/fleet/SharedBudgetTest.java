package io.switchboard.fleet;

import io.switchboard.demo.fleet.FleetInstance;
import io.switchboard.demo.fleet.FleetServers;
import io.switchboard.sandbox.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (c) of the fleet issue: three instances (three JVMs) send through the same accounts, each account with a
 * client-side budget of {@value #PERMITS} sends per {@value #PERIOD_SECONDS} s (the 100 per 60 s, scaled so
 * the run takes seconds), the budgets shared on a real Redis. Counted at the emulators, across all instances: no span
 * of the period holds more than the budget. The grants themselves are exact on the Redis clock (state-redis's own
 * tests); an emulator sees each send a request's latency after its grant, so the span counted here is the period less
 * {@value #LATENCY_MILLIS} ms.
 */
class SharedBudgetTest {

    private static final int PERMITS = 40;
    private static final int PERIOD_SECONDS = 4;
    private static final int LATENCY_MILLIS = 250;
    private static final int PER_INSTANCE = 80;

    @Test
    void threeInstancesNeverSendMoreThanTheSharedBudgetInAnyPeriod(@TempDir Path dir) throws Exception {
        try (FleetServers fleet = new FleetServers(dir)) {
            List<Process> instances = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                Path config = fleet.configuration("instance-" + n, Duration.ofMinutes(5), "");
                String yaml = Files.readString(config).replaceAll("(?m)^(    baseUrl: .*)$",
                        "$1\n    rateLimit: {permits: " + PERMITS + ", period: " + PERIOD_SECONDS + "s}");
                Files.writeString(config, yaml);
                Path log = dir.resolve("instance-" + n + ".log");
                logs.add(log);
                instances.add(fleet.instance(config, "budget" + n, 0, PER_INSTANCE, 4, log));
            }
            for (int n = 0; n < 3; n++) {
                assertThat(instances.get(n).waitFor(180, TimeUnit.SECONDS)).as("instance %d ends", n).isTrue();
                assertThat(instances.get(n).exitValue()).as(String.join("\n", FleetServers.lines(logs.get(n))))
                        .isZero();
            }

            List<LedgerEntry> accepted = fleet.sandbox.ledger().messages();
            assertThat(accepted).as("every message of the three instances accepted").hasSize(3 * PER_INSTANCE);
            Duration span = Duration.ofSeconds(PERIOD_SECONDS).minusMillis(LATENCY_MILLIS);
            for (String vendor : List.of("twilio", "plivo", "telnyx")) {
                List<Instant> times = accepted.stream().filter(e -> e.vendor().equals(vendor))
                        .map(LedgerEntry::acceptedAt).sorted().toList();
                int busiest = 0;
                for (int i = 0; i < times.size(); i++) {
                    int j = i;
                    while (j < times.size() && times.get(j).isBefore(times.get(i).plus(span))) {
                        j++;
                    }
                    busiest = Math.max(busiest, j - i);
                }
                assertThat(busiest).as("%s: the most sends any %s held (%d sends in all)", vendor, span,
                        times.size()).isLessThanOrEqualTo(PERMITS);
                System.out.println("SharedBudgetTest: " + vendor + " accepted " + times.size() + ", at most "
                        + busiest + " in any " + span);
            }
        }
    }
}
