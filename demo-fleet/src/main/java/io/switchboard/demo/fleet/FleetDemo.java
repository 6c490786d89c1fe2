package io.switchboard.demo.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar demo-fleet/target/switchboard-fleet-demo.jar [--instances 3] [--messages 600]}: a fleet on one
 * machine with nothing installed. It starts the three vendor emulators, a real PostgreSQL and a real Redis from the
 * jar, then the instances, each a JVM of its own sending the same client references through the shared state; a third
 * of the way in, it kills the first instance (SIGKILL) and, once the others are done, runs it again: the references
 * the killed instance was sending when it died read as outcome unknown, never sent again. Once their claims' lease has
 * run out, a last run reads them back from the vendors (each one either accepted, or freed and sent now) and asks for
 * every reference once more. It ends with a check against the emulators' ledger: no reference accepted twice, every
 * reference answered, every reference accepted exactly once. Exit 0 only when the check holds.
 */
public final class FleetDemo {

    private static final int CONCURRENCY = 4;
    /** The claims' lease: short, so that the demo need not wait long before reading back the killed instance's. */
    private static final Duration LEASE = Duration.ofSeconds(3);

    private FleetDemo() {
    }

    public static void main(String[] args) throws Exception {
        int instances = 3;
        int messages = 600;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--instances" -> instances = bounded(args, ++i, "--instances", 2, 8);
                case "--messages" -> messages = bounded(args, ++i, "--messages", 10, 20_000);
                default -> fail("unknown option '" + args[i] + "'; usage: [--instances 2-8] [--messages 10-20000]");
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "error");
        Path dir = Files.createTempDirectory("switchboard-fleet-demo");
        System.exit(run(dir, instances, messages) ? 0 : 1);
    }

    static boolean run(Path dir, int instances, int messages) throws Exception {
        try (FleetServers fleet = new FleetServers(dir)) {
            // Vendors across the internet: each request takes 200 ms, so an instance always has sends in flight.
            for (var emulator : List.of(fleet.sandbox.twilio(), fleet.sandbox.plivo(), fleet.sandbox.telnyx())) {
                emulator.faults().latency(Duration.ofMillis(200));
            }
            System.out.println("fleet demo: " + instances + " instances (JVMs) sending the same " + messages
                    + " client references, on a real PostgreSQL (ledger, records, opt-outs) and Redis (budgets),"
                    + " vendors answering in 200 ms");
            List<Path> configs = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            List<Process> running = new ArrayList<>();
            for (int n = 0; n < instances; n++) {
                Path config = fleet.configuration("instance-" + n, LEASE, "");
                Files.writeString(config, Files.readString(config).replaceAll("(?m)^(    baseUrl: .*)$",
                        "$1\n    rateLimit: {permits: 100000, period: 1s}"));
                configs.add(config);
                Path log = dir.resolve("instance-" + n + ".log");
                logs.add(log);
                running.add(fleet.instance(config, "fleet", 0, messages, CONCURRENCY, log));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            int victim = -1;
            while (victim < 0) {
                if (System.nanoTime() > deadline || running.stream().anyMatch(p -> !p.isAlive())) {
                    System.out.println("fleet demo: FAILED, a third of the messages not accepted in 5 minutes");
                    return false;
                }
                if (fleet.sandbox.ledger().messages().size() >= messages / 3) {
                    // The instance holding the most claims right now: its sends are in flight when it dies.
                    int most = 0;
                    for (int n = 0; n < running.size(); n++) {
                        int held = fleet.claimsInFlightBy(running.get(n).pid());
                        if (held > most) {
                            most = held;
                            victim = n;
                        }
                    }
                }
                Thread.sleep(20);
            }
            Process killed = running.get(victim);
            killed.destroyForcibly(); // SIGKILL: no shutdown hook, nothing recorded for the sends in flight
            killed.waitFor();
            String name = "instance " + (victim + 1);
            System.out.println("  killed " + name + " (SIGKILL) while it held " + fleet.claimsInFlightBy(killed.pid())
                    + " claims, after " + fleet.sandbox.ledger().messages().size() + " messages were accepted");
            for (int n = 0; n < instances; n++) {
                if (n != victim && (!running.get(n).waitFor(10, TimeUnit.MINUTES) || running.get(n).exitValue() != 0)) {
                    System.out.println("fleet demo: FAILED, instance " + (n + 1) + " did not finish");
                    return false;
                }
            }
            Path rerunLog = dir.resolve("instance-" + victim + "-rerun.log");
            Process rerun = fleet.instance(configs.get(victim), "fleet", 0, messages, CONCURRENCY, rerunLog);
            if (!rerun.waitFor(10, TimeUnit.MINUTES) || rerun.exitValue() != 0) {
                System.out.println("fleet demo: FAILED, the rerun of " + name + " did not finish");
                return false;
            }
            System.out.println("  ran " + name + " again with the same references: " + count(rerunLog, "unknown")
                    + " read as outcome unknown (claimed by the killed instance when it died, never sent again)");
            Thread.sleep(LEASE.toMillis()); // the killed instance's claims have run out by now; made sure
            Path recoveryLog = dir.resolve("instance-" + victim + "-recovery.log");
            Process recovery = fleet.instance(configs.get(victim), "fleet", 0, messages, CONCURRENCY, recoveryLog,
                    true);
            if (!recovery.waitFor(10, TimeUnit.MINUTES) || recovery.exitValue() != 0) {
                System.out.println("fleet demo: FAILED, the recovery run did not finish");
                return false;
            }
            Map<String, String> read = new HashMap<>();
            FleetServers.lines(recoveryLog).stream().filter(l -> l.startsWith("reconciled ")).findFirst()
                    .ifPresent(l -> Arrays.stream(l.substring("reconciled ".length()).split(" "))
                            .map(kv -> kv.split("=", 2)).forEach(kv -> read.put(kv[0], kv[1])));
            System.out.println("  read the vendors back for what the killed instance left claimed: "
                    + read.getOrDefault("sent", "?") + " found accepted (answered sent from now on), "
                    + read.getOrDefault("not_sent", "?") + " found nowhere (freed, and sent once now), "
                    + read.getOrDefault("undecided", "?") + " undecided; then asked for every reference once more");
            List<Path> answered = new ArrayList<>();
            for (int n = 0; n < instances; n++) {
                if (n != victim) {
                    answered.add(logs.get(n));
                }
            }
            answered.add(rerunLog);
            return check(fleet, messages, answered, recoveryLog);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    /**
     * Every reference answered by each instance that finished, never not sent, accepted at most once; and after the
     * recovery run answered sent and accepted exactly once.
     */
    private static boolean check(FleetServers fleet, int messages, List<Path> logs, Path recoveryLog)
            throws IOException {
        List<Map<String, String>> answers = new ArrayList<>();
        for (Path log : logs) {
            answers.add(answers(log));
        }
        Map<String, String> finalAnswers = answers(recoveryLog);
        List<String> problems = new ArrayList<>();
        int unknownBefore = 0;
        for (int i = 0; i < messages; i++) {
            String reference = "fleet-" + i;
            long accepted = fleet.sandbox.ledger().acceptances(FleetInstance.number(i), "fleet fleet " + i);
            boolean wasUnknown = false;
            for (Map<String, String> instance : answers) {
                String answer = instance.get(reference);
                if (answer == null) {
                    problems.add(reference + " has no answer from an instance");
                } else if (answer.equals("unknown")) {
                    wasUnknown = true;
                } else if (answer.equals("not_sent")) {
                    problems.add(reference + " was answered not sent");
                }
            }
            unknownBefore += wasUnknown ? 1 : 0;
            if (accepted != 1) {
                problems.add(reference + " was accepted " + accepted + " times");
            }
            if (!"sent".equals(finalAnswers.get(reference))) {
                problems.add(reference + " is answered " + finalAnswers.get(reference) + " after the recovery");
            }
        }
        int total = fleet.sandbox.ledger().messages().size();
        System.out.println("  the emulators accepted " + total + " messages for " + messages + " references");
        if (unknownBefore > CONCURRENCY) {
            problems.add(unknownBefore + " unknown references, more than the " + CONCURRENCY + " the killed instance"
                    + " sent at once");
        }
        if (problems.isEmpty()) {
            System.out.println("ledger check: OK. Every reference accepted exactly once across " + answers.size()
                    + " finished instances, the rerun and the recovery; every reference answered, none twice"
                    + " (" + unknownBefore + " were unknown until read back).");
            return true;
        }
        System.out.println("ledger check: FAILED");
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        return false;
    }

    private static Map<String, String> answers(Path log) throws IOException {
        Map<String, String> byReference = new HashMap<>();
        for (String line : FleetServers.lines(log)) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].startsWith("fleet-")) {
                byReference.put(parts[0], parts[1]);
            }
        }
        return byReference;
    }

    private static long count(Path log, String answer) throws IOException {
        return answers(log).values().stream().filter(answer::equals).count();
    }

    private static int bounded(String[] args, int i, String option, int min, int max) {
        if (i >= args.length) {
            fail("'" + option + "' needs a number");
        }
        try {
            int value = Integer.parseInt(args[i]);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        fail("'" + option + "' must be " + min + " to " + max + ", got '" + args[i] + "'");
        return 0;
    }

    private static void fail(String message) {
        System.err.println("switchboard-fleet-demo: " + message);
        System.exit(2);
    }
}
