package io.switchboard.fleet;

import io.switchboard.demo.fleet.FleetInstance;
import io.switchboard.demo.fleet.FleetServers;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.http.Match;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (b) of the fleet issue: three instances (three JVMs) send the same references (1,000; 10,000 on demand) at the
 * same time, through emulators answering their first sends with HTTP 503 (failover, references freed and claimed
 * again), the ledger shared on a real PostgreSQL. Compared with the emulators' own ledger: each reference accepted
 * exactly once, none lost, and every instance answers each reference with that one send.
 */
class SameReferencesTest {

    /**
     * 1,000 in the suite (about 30 s); the 10,000 with {@code -Dfleet.references=10000} (about 3.5 minutes:
     * the 503s grow with the references and Telnyx's emulated limit of 2,000 requests a minute answers 429s).
     */
    private static final int REFERENCES = Integer.getInteger("fleet.references", 1_000);

    @Test
    void threeInstancesSendingTheSameReferencesAcceptEachExactlyOnce(@TempDir Path dir) throws Exception {
        try (FleetServers fleet = new FleetServers(dir)) {
            for (VendorEmulator e : List.of(fleet.sandbox.twilio(), fleet.sandbox.plivo())) {
                e.failNext(REFERENCES / 4, Match.method("POST"), 503);
            }
            List<Process> instances = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            long start = System.nanoTime();
            for (int n = 0; n < 3; n++) {
                Path config = fleet.configuration("instance-" + n, Duration.ofMinutes(5), "");
                // Budgets out of the way (Plivo declares 100 a minute): this scenario is about references.
                java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config).replaceAll(
                        "(?m)^(    baseUrl: .*)$", "$1\n    rateLimit: {permits: 100000, period: 1s}"));
                Path log = dir.resolve("instance-" + n + ".log");
                logs.add(log);
                instances.add(fleet.instance(config, "same", 0, REFERENCES, 8, log));
            }
            List<java.util.Map<String, String>> answers = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                boolean ended = instances.get(n).waitFor(Math.max(300, REFERENCES / 5), TimeUnit.SECONDS);
                List<String> log = FleetServers.lines(logs.get(n));
                assertThat(ended).as("instance %d ends; its last lines: %s", n,
                        log.subList(Math.max(0, log.size() - 20), log.size())).isTrue();
                List<String> lines = FleetServers.lines(logs.get(n));
                assertThat(instances.get(n).exitValue()).as(String.join("\n", lines)).isZero();
                java.util.Map<String, String> byReference = new java.util.HashMap<>();
                for (String line : lines) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3 && parts[0].startsWith("same-")) {
                        byReference.put(parts[0], parts[1] + " " + parts[2]);
                    }
                }
                assertThat(byReference).as("instance %d answered every reference", n).hasSize(REFERENCES);
                answers.add(byReference);
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

            for (int i = 0; i < REFERENCES; i++) {
                String reference = "same-" + i;
                assertThat(fleet.sandbox.ledger().acceptances(FleetInstance.number(i), "fleet same " + i))
                        .as("%s accepted exactly once", reference).isEqualTo(1);
                String first = answers.get(0).get(reference);
                assertThat(first).as(reference).startsWith("sent ");
                assertThat(answers.get(1).get(reference)).as(reference).isEqualTo(first);
                assertThat(answers.get(2).get(reference)).as(reference).isEqualTo(first);
            }
            assertThat(fleet.sandbox.ledger().messages()).hasSize(REFERENCES);
            System.out.println("SameReferencesTest: " + REFERENCES + " references, 3 instances, each accepted once, "
                    + "in " + seconds + " s");
        }
    }
}
