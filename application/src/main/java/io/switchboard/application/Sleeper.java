package io.switchboard.application;

import java.time.Duration;

/** How the dispatcher waits (for a Retry-After or a rate-limit permit); injected so tests can move a clock instead. */
@FunctionalInterface
public interface Sleeper {

    /** Waits on the calling thread; an interrupt ends the wait early and keeps the thread's interrupt flag. */
    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    void sleep(Duration duration);
}
