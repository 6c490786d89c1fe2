package io.switchboard.benchmarks.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The CPU time the processes of this machine have used, read from Linux's {@code /proc/<pid>/stat} (user plus system
 * time, in clock ticks of 10 ms) and summed by a role each process is given from its command name and command line.
 * Two snapshots taken around a run give each role's share of it: what a send costs the instance, PostgreSQL, Redis and
 * the emulators. Processes that start or end between two snapshots are counted from zero or not at all; on a machine
 * without {@code /proc} every snapshot is empty.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on every Linux this runs on). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /**
     * CPU seconds used so far by each role; {@code role} maps a process's command name (as in {@code stat}) and its
     * command line (arguments joined by spaces) to a role, or to null to leave it out.
     */
    static Map<String, Double> snapshot(BiFunction<String, String, String> role) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return seconds;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path entry : entries) {
                try {
                    String stat = Files.readString(entry.resolve("stat"), StandardCharsets.UTF_8);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String command = stat.substring(open + 1, close);
                    // After the command: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt,
                    // cmajflt, utime (index 11), stime (12).
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    String commandLine = Files.readString(entry.resolve("cmdline"), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    String name = role.apply(command, commandLine);
                    if (name != null) {
                        seconds.merge(name, ticks / TICKS_PER_SECOND, Double::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while it was read: it is left out of this snapshot
                }
            }
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    /** {@code after - before} for each role of {@code after}. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((role, seconds) -> used.put(role, seconds - before.getOrDefault(role, 0.0)));
        return used;
    }
}
