package io.switchboard.sandbox;

import io.switchboard.sandbox.http.EmulatorServer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * What emulators share or are seeded with: the ledger (pass one config to every emulator of a test so they share
 * it), the clock, the id seed and the number of handler threads. Immutable; change it with the {@code with…}
 * methods.
 */
public record EmulatorConfig(Ledger ledger, Clock clock, long seed, int threads) {
  public EmulatorConfig {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(clock, "clock");
    if (threads < 1) {
      throw new IllegalArgumentException("'threads' must be at least 1, got " + threads);
    }
  }

  /** A new ledger, the system UTC clock, a random seed and {@link EmulatorServer#DEFAULT_THREADS} threads. */
  public static EmulatorConfig ofDefaults() {
    return new EmulatorConfig(new Ledger(), Clock.systemUTC(), new SecureRandom().nextLong(),
        EmulatorServer.DEFAULT_THREADS);
  }

  public EmulatorConfig withLedger(Ledger value) {
    return new EmulatorConfig(value, clock, seed, threads);
  }

  public EmulatorConfig withClock(Clock value) {
    return new EmulatorConfig(ledger, value, seed, threads);
  }

  /** Fixes the ids each emulator hands out (each vendor mixes its name in, so ids differ across vendors). */
  public EmulatorConfig withSeed(long value) {
    return new EmulatorConfig(ledger, clock, value, threads);
  }

  public EmulatorConfig withThreads(int value) {
    return new EmulatorConfig(ledger, clock, seed, value);
  }
}
