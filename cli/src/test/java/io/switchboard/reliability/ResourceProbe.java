package io.switchboard.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Live threads and open sockets of this JVM, to compare before and after a facade's life. */
record ResourceProbe(Set<Thread> threads, long sockets) {

    /**
     * Threads that OkHttp and Okio share across every client of the JVM and end on their own after a minute idle:
     * not owned by any facade, so their presence after close is not a leak.
     */
    private static final Set<String> JVM_WIDE = Set.of("Okio Watchdog", "OkHttp TaskRunner");

    static ResourceProbe now() {
        return new ResourceProbe(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .collect(Collectors.toUnmodifiableSet()), openSockets());
    }

    /** Threads alive now that were not before, other than the JVM-wide ones. */
    Set<String> newThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threads.contains(t) && !JVM_WIDE.contains(t.getName())
                        && !t.getName().startsWith("ForkJoinPool") && !t.getName().startsWith("junit"))
                .map(Thread::getName).collect(Collectors.toUnmodifiableSet());
    }

    /** Socket descriptors this process holds, from {@code /proc/self/fd}; -1 where there is no procfs. */
    static long openSockets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // closed between listing and reading
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code millis} pass; whether it held. */
    static boolean within(long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(20_000_000);
        }
        return true;
    }
}
