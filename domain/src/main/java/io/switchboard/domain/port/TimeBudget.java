package io.switchboard.domain.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time the caller of a port operation has left, on the calling thread: the router runs each vendor call within
 * what remains of its routing deadline, and an adapter cuts its connect, read, write and whole-call timeouts to
 * {@link #remaining()}, so that a vendor dripping its answer cannot hold a send past the deadline. Outside
 * {@link #within} there is no budget and an adapter keeps its configured timeouts.
 *
 * <p>Measured on {@link System#nanoTime()}: the budget is a span of real time, whatever clock the caller plans on.
 */
public final class TimeBudget {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private TimeBudget() {
    }

    /**
     * Runs {@code work} with at most {@code budget} left; inside an enclosing budget the shorter one holds. A budget
     * of zero or less leaves the least an adapter can wait (a millisecond), not none: the caller decides whether to
     * call at all.
     */
    public static <T> T within(Duration budget, Supplier<T> work) {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(work, "work");
        Long outer = DEADLINE.get();
        long now = System.nanoTime();
        long deadline = now + saturatedNanos(budget);
        if (outer != null && outer - deadline < 0) {
            deadline = outer;
        }
        DEADLINE.set(deadline);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    /** What is left of the current budget, never less than a millisecond; empty outside {@link #within}. */
    public static Optional<Duration> remaining() {
        Long deadline = DEADLINE.get();
        if (deadline == null) {
            return Optional.empty();
        }
        long left = deadline - System.nanoTime();
        return Optional.of(Duration.ofNanos(Math.max(left, 1_000_000L)));
    }

    /** {@code configured} cut to the current budget, if there is one and it is shorter. */
    public static Duration cut(Duration configured) {
        Objects.requireNonNull(configured, "configured");
        return remaining().filter(left -> left.compareTo(configured) < 0).orElse(configured);
    }

    private static long saturatedNanos(Duration budget) {
        if (budget.isNegative()) {
            return 0;
        }
        try {
            return budget.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2; // centuries: no budget to speak of, and no overflow when added to nanoTime
        }
    }
}
