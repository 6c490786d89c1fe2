package io.switchboard.benchmarks.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Timing helpers: latency samples, percentiles, timed segments of sends on one or many threads, load averages. */
final class Measure {

    private Measure() {
    }

    /** Latencies in nanoseconds and the wall time they took, accumulated over segments. */
    static final class Samples {
        private long[] nanos = new long[1024];
        private int count;
        private long wallNanos;
        private long cpuNanos;
        private long allocatedBytes;
        private long threadCpuNanos;
        private long serverCpuNanos;
        private long errors;
        private String firstError;

        synchronized void add(long[] values, int n) {
            if (count + n > nanos.length) {
                nanos = Arrays.copyOf(nanos, Math.max(nanos.length * 2, count + n));
            }
            System.arraycopy(values, 0, nanos, count, n);
            count += n;
        }

        synchronized void addWall(long nanosElapsed) {
            wallNanos += nanosElapsed;
        }

        synchronized void addCost(long cpu, long allocated, long threadCpu) {
            cpuNanos += cpu;
            allocatedBytes += allocated;
            threadCpuNanos += threadCpu;
        }

        synchronized void addServerCpu(long nanos) {
            serverCpuNanos += nanos;
        }

        /** CPU time of the server's JVM per call (its own control requests included), in microseconds. */
        synchronized double serverCpuMicrosPerCall() {
            return count == 0 ? Double.NaN : serverCpuNanos / 1e3 / count;
        }

        /** CPU time of the sending threads alone per call (user and system), in microseconds. */
        synchronized double threadCpuMicrosPerCall() {
            return count == 0 ? Double.NaN : threadCpuNanos / 1e3 / count;
        }

        /** CPU time of the whole client process (every thread, GC and JIT included) per call, in microseconds. */
        synchronized double cpuMicrosPerCall() {
            return count == 0 ? Double.NaN : cpuNanos / 1e3 / count;
        }

        /** Bytes allocated per call by the calling threads, in kilobytes. */
        synchronized double allocatedKbPerCall() {
            return count == 0 ? Double.NaN : allocatedBytes / 1024.0 / count;
        }

        synchronized void error(Throwable e) {
            if (errors++ == 0) {
                firstError = e.toString();
            }
        }

        synchronized int count() {
            return count;
        }

        synchronized long errors() {
            return errors;
        }

        synchronized String firstError() {
            return firstError;
        }

        /** Sends per second of wall time (all threads together). */
        synchronized double throughput() {
            return wallNanos == 0 ? 0 : count * 1e9 / wallNanos;
        }

        /** The {@code p}-th percentile (0..100) in microseconds. */
        synchronized double percentileMicros(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
            return sorted[index] / 1e3;
        }

        synchronized double meanMicros() {
            long sum = 0;
            for (int i = 0; i < count; i++) {
                sum += nanos[i];
            }
            return count == 0 ? Double.NaN : sum / 1e3 / count;
        }
    }

    /** Something timed once per call. */
    @FunctionalInterface
    interface Op {
        void run(int i) throws Exception;
    }

    /**
     * Runs {@code total} calls of {@code op} split over {@code threads} threads of {@code pool} (null for the calling
     * thread when {@code threads} is 1), all starting together; records each call's latency and the segment's wall
     * time into {@code into} (null to discard, for warm-up). {@code next} numbers the calls across segments.
     */
    static void segment(ExecutorService pool, int threads, int total, AtomicInteger next, Op op, Samples into) {
        int per = total / threads;
        if (threads == 1) {
            long[] lat = new long[per];
            long cpu = processCpu();
            long allocated = allocated();
            long threadCpu = threadCpu();
            long start = System.nanoTime();
            run(op, next, per, lat, into);
            long wall = System.nanoTime() - start;
            if (into != null) {
                into.add(lat, per);
                into.addWall(wall);
                into.addCost(processCpu() - cpu, allocated() - allocated, threadCpu() - threadCpu);
            }
            return;
        }
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        Future<?>[] futures = new Future<?>[threads];
        long[][] lat = new long[threads][per];
        AtomicLong allocated = new AtomicLong();
        AtomicLong threadCpu = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            long[] mine = lat[t];
            futures[t] = pool.submit(() -> {
                ready.countDown();
                go.await();
                long before = allocated();
                long cpuBefore = threadCpu();
                run(op, next, per, mine, into);
                allocated.addAndGet(allocated() - before);
                threadCpu.addAndGet(threadCpu() - cpuBefore);
                return null;
            });
        }
        try {
            ready.await();
            long cpu = processCpu();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            long wall = System.nanoTime() - start;
            if (into != null) {
                for (long[] l : lat) {
                    into.add(l, per);
                }
                into.addWall(wall);
                into.addCost(processCpu() - cpu, allocated.get(), threadCpu.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("segment failed", e);
        }
    }

    private static void run(Op op, AtomicInteger next, int n, long[] lat, Samples into) {
        for (int k = 0; k < n; k++) {
            int i = next.getAndIncrement();
            long t0 = System.nanoTime();
            try {
                op.run(i);
            } catch (Exception | Error e) {
                if (into != null) {
                    into.error(e);
                } else if (e instanceof RuntimeException re) {
                    throw re;
                } else {
                    throw new IllegalStateException(e);
                }
            }
            lat[k] = System.nanoTime() - t0;
        }
    }

    /** CPU time of this process so far, every thread included, in nanoseconds. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the calling thread so far, in nanoseconds. */
    static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Bytes allocated so far by the calling thread. */
    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static ExecutorService threads(int n, String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | UncheckedIOException e) {
            return "n/a";
        }
    }
}
