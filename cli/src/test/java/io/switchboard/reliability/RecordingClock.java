package io.switchboard.reliability;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The system clock, remembering every {@link #millis()} read: given to an emulator's rate limiter, which reads it
 * once per request, it logs when each request arrived there.
 */
final class RecordingClock extends Clock {

    private long[] reads = new long[4096];
    private int count;

    @Override
    public synchronized long millis() {
        long now = System.currentTimeMillis();
        if (count == reads.length) {
            reads = Arrays.copyOf(reads, count * 2);
        }
        reads[count++] = now;
        return now;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a recording clock stays in UTC");
    }

    /** The most reads in any window of {@code windowMillis} (half-open, as the sandbox's sliding window counts). */
    synchronized int maxIn(long windowMillis) {
        long[] sorted = Arrays.copyOf(reads, count);
        Arrays.sort(sorted);
        int max = 0;
        for (int first = 0, last = 0; last < sorted.length; last++) {
            while (sorted[last] - sorted[first] >= windowMillis) {
                first++;
            }
            max = Math.max(max, last - first + 1);
        }
        return max;
    }
}
