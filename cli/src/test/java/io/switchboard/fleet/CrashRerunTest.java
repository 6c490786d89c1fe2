package io.switchboard.fleet;

import io.switchboard.demo.fleet.FleetInstance;
import io.switchboard.demo.fleet.FleetServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario (a) of the fleet issue: a bulk send killed in the middle (SIGKILL of its JVM) and run again with the same
 * references, the ledger on a real PostgreSQL. Compared with the emulators' own ledger: each reference accepted at
 * most once across all of them; every reference the rerun reports sent is accepted exactly once; the references the
 * killed run had claimed and not finished read as outcome unknown, never sent again. Then a third run recovers them
 * by read-back (each either found at the emulators, or freed and sent now): in the end every reference is accepted
 * exactly once.
 */
class CrashRerunTest {

    private static final int MESSAGES = 300;

    @Test
    void aKilledBulkSendRerunWithTheSameReferencesSendsNothingTwice(@TempDir Path dir) throws Exception {
        try (FleetServers fleet = new FleetServers(dir)) {
            Path config = fleet.configuration("instance", Duration.ofSeconds(2), "");
            Path firstLog = dir.resolve("first.log");
            Process first = fleet.instance(config, "crash", 0, MESSAGES, 8, firstLog);
            await("a third accepted within 120 s").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(20)).until(() -> {
                        if (fleet.sandbox.ledger().messages().size() >= MESSAGES / 3) {
                            return true;
                        }
                        assertThat(first.isAlive()).as("the first run is still sending: %s",
                                FleetServers.lines(firstLog)).isTrue();
                        return false;
                    });
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no outcome recorded for the sends in flight
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int acceptedBeforeRerun = fleet.sandbox.ledger().messages().size();

            Path secondLog = dir.resolve("second.log");
            Process second = fleet.instance(config, "crash", 0, MESSAGES, 8, secondLog);
            assertThat(second.waitFor(180, TimeUnit.SECONDS)).as("the rerun ends").isTrue();
            List<String> lines = FleetServers.lines(secondLog);
            assertThat(second.exitValue()).as(String.join("\n", lines)).isZero();

            Map<String, String> answers = new HashMap<>();
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].startsWith("crash-")) {
                    answers.put(parts[0], parts[1]);
                }
            }
            assertThat(answers).as("an answer for every reference").hasSize(MESSAGES);
            int unknown = 0;
            for (int i = 0; i < MESSAGES; i++) {
                String to = FleetInstance.number(i);
                long accepted = fleet.sandbox.ledger().acceptances(to, "fleet crash " + i);
                assertThat(accepted).as("crash-%d accepted at most once", i).isLessThanOrEqualTo(1);
                String answer = answers.get("crash-" + i);
                if (answer.equals("sent")) {
                    assertThat(accepted).as("crash-%d reported sent", i).isEqualTo(1);
                } else if (answer.equals("unknown")) {
                    unknown++;
                }
            }
            assertThat(unknown).as("only the sends the killed run had in flight (8 at most) read as unknown")
                    .isLessThanOrEqualTo(8);
            assertThat(fleet.sandbox.ledger().messages().size()).as("the rerun sent what the first did not")
                    .isGreaterThan(acceptedBeforeRerun);
            int afterRerun = fleet.sandbox.ledger().messages().size();

            // The claims of the killed run ran out long ago (a 2 s lease): read-back resolves them, then the
            // references are asked for once more.
            Path thirdLog = dir.resolve("third.log");
            Process third = fleet.instance(config, "crash", 0, MESSAGES, 8, thirdLog, true);
            assertThat(third.waitFor(180, TimeUnit.SECONDS)).as("the recovery run ends").isTrue();
            List<String> recovered = FleetServers.lines(thirdLog);
            assertThat(third.exitValue()).as(String.join("\n", recovered)).isZero();
            String summary = recovered.stream().filter(l -> l.startsWith("reconciled ")).findFirst().orElseThrow();
            java.util.regex.Matcher counts = java.util.regex.Pattern
                    .compile("reconciled sent=(\\d+) not_sent=(\\d+) undecided=(\\d+)").matcher(summary);
            assertThat(counts.matches()).as(summary).isTrue();
            assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2)))
                    .as("every reference the rerun read as unknown resolved by read-back: %s", summary)
                    .isEqualTo(unknown);
            assertThat(counts.group(3)).isEqualTo("0");
            Map<String, String> finalAnswers = new HashMap<>();
            for (String line : recovered) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].startsWith("crash-")) {
                    finalAnswers.put(parts[0], parts[1]);
                }
            }
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(finalAnswers.get("crash-" + i)).as("crash-%d after recovery", i).isEqualTo("sent");
                assertThat(fleet.sandbox.ledger().acceptances(FleetInstance.number(i), "fleet crash " + i))
                        .as("crash-%d accepted exactly once", i).isEqualTo(1);
            }
            assertThat(fleet.sandbox.ledger().messages()).hasSize(MESSAGES);
            System.out.println("CrashRerunTest: " + acceptedBeforeRerun + " accepted before the kill, " + afterRerun
                    + " after the rerun, " + unknown + " unknown; recovery: " + summary + ", then every reference"
                    + " accepted exactly once");
        }
    }
}
