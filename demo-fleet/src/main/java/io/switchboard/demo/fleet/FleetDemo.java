package io.switchboard.demo.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * of the way in, it kills the first instance (SIGKILL) and, once the others are done, runs it again. It ends with a
 * check against the emulators' ledger: no reference accepted twice, every reference answered, and every reference
 * accepted exactly once except those the killed instance was sending when it died (read as outcome unknown, never
 * sent again). Exit 0 only when the check holds.
 */
public final class FleetDemo {

    private static final int CONCURRENCY = 4;

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
            System.out.println("fleet demo: " + instances + " instances (JVMs) sending the same " + messages
                    + " client references, on a real PostgreSQL (ledger, records, opt-outs) and Redis (budgets)");
            List<Path> configs = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            List<Process> running = new ArrayList<>();
            for (int n = 0; n < instances; n++) {
                Path config = fleet.configuration("instance-" + n, Duration.ofSeconds(3), "");
                Files.writeString(config, Files.readString(config).replaceAll("(?m)^(    baseUrl: .*)$",
                        "$1\n    rateLimit: {permits: 100000, period: 1s}"));
                configs.add(config);
                Path log = dir.resolve("instance-" + n + ".log");
                logs.add(log);
                running.add(fleet.instance(config, "fleet", 0, messages, CONCURRENCY, log));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (fleet.sandbox.ledger().messages().size() < messages / 3) {
                if (System.nanoTime() > deadline || !running.get(0).isAlive()) {
                    System.out.println("fleet demo: FAILED, a third of the messages not accepted in 5 minutes");
                    return false;
                }
                Thread.sleep(20);
            }
            running.get(0).destroyForcibly();
            running.get(0).waitFor();
            int atKill = fleet.sandbox.ledger().messages().size();
            System.out.println("  killed instance 1 (SIGKILL) after " + atKill + " messages were accepted");
            for (int n = 1; n < instances; n++) {
                if (!running.get(n).waitFor(10, TimeUnit.MINUTES) || running.get(n).exitValue() != 0) {
                    System.out.println("fleet demo: FAILED, instance " + (n + 1) + " did not finish");
                    return false;
                }
            }
            Path rerunLog = dir.resolve("instance-0-rerun.log");
            Process rerun = fleet.instance(configs.get(0), "fleet", 0, messages, CONCURRENCY, rerunLog);
            if (!rerun.waitFor(10, TimeUnit.MINUTES) || rerun.exitValue() != 0) {
                System.out.println("fleet demo: FAILED, the rerun of instance 1 did not finish");
                return false;
            }
            System.out.println("  ran instance 1 again with the same references");
            List<Path> answered = new ArrayList<>(logs.subList(1, logs.size()));
            answered.add(rerunLog);
            return check(fleet, messages, answered);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    /** Every reference answered by each instance that finished, accepted at most once, and exactly once unless unknown. */
    private static boolean check(FleetServers fleet, int messages, List<Path> logs) throws IOException {
        List<Map<String, String>> answers = new ArrayList<>();
        for (Path log : logs) {
            Map<String, String> byReference = new HashMap<>();
            for (String line : FleetServers.lines(log)) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].startsWith("fleet-")) {
                    byReference.put(parts[0], parts[1]);
                }
            }
            answers.add(byReference);
        }
        List<String> problems = new ArrayList<>();
        int exactlyOnce = 0;
        int unknown = 0;
        int unknownAccepted = 0;
        for (int i = 0; i < messages; i++) {
            String reference = "fleet-" + i;
            long accepted = fleet.sandbox.ledger().acceptances(FleetInstance.number(i), "fleet fleet " + i);
            boolean isUnknown = false;
            for (Map<String, String> instance : answers) {
                String answer = instance.get(reference);
                if (answer == null) {
                    problems.add(reference + " has no answer from an instance");
                } else if (answer.equals("unknown")) {
                    isUnknown = true;
                } else if (answer.equals("not_sent")) {
                    problems.add(reference + " was answered not sent");
                }
            }
            if (accepted > 1) {
                problems.add(reference + " was accepted " + accepted + " times");
            } else if (isUnknown) {
                unknown++;
                unknownAccepted += (int) accepted;
            } else if (accepted == 1) {
                exactlyOnce++;
            } else {
                problems.add(reference + " is answered sent but no emulator accepted it");
            }
        }
        int total = fleet.sandbox.ledger().messages().size();
        System.out.println("  " + exactlyOnce + " references accepted exactly once; " + unknown + " claimed by the killed"
                + " instance when it died, read as outcome unknown (" + unknownAccepted + " of them had been accepted"
                + ", the rest never were); the emulators accepted " + total + " messages in all");
        if (unknown > CONCURRENCY) {
            problems.add(unknown + " unknown references, more than the " + CONCURRENCY + " the killed instance sent at"
                    + " once");
        }
        if (problems.isEmpty()) {
            System.out.println("ledger check: OK. No reference accepted twice across " + answers.size() + " finished"
                    + " instances and the rerun; every reference answered; every one accepted exactly once but the"
                    + " " + unknown + " in flight at the kill, each accepted at most once.");
            return true;
        }
        System.out.println("ledger check: FAILED");
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        return false;
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
