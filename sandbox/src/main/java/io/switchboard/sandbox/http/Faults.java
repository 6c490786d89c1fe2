package io.switchboard.sandbox.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The fault script of one emulator, safe to change from a test while requests are in flight.
 *
 * <p>Semantics: each {@code next(n, match, fault)} appends a rule good for {@code n} requests. For every request
 * the rules are scanned in the order they were added; the first rule whose {@link Match} accepts the request and
 * that has uses left fires and loses one use (a used-up rule is dropped). Delay rules and the other rules are two
 * separate lanes: a request takes at most one delay rule and at most one other rule, so "slow then 503" is two
 * rules. Requests that a rule's match rejects do not consume it. The global {@link #latency(Duration)} is added to
 * every request on top of any delay rule. A random script ({@link #randomly}) faults a share of the requests that
 * no rule faults, from a seed.
 */
public final class Faults {
  private final List<Rule> rules = new ArrayList<>();
  private RandomScript random;
  private Duration latency = Duration.ZERO;
  private long generation;
  private int parked;
  private boolean shutdown;

  /** Applies {@code fault} to the next {@code n} requests. */
  public Faults next(int n, Fault fault) {
    return next(n, Match.ANY, fault);
  }

  /** Applies {@code fault} to the next {@code n} requests that {@code match} accepts. */
  public synchronized Faults next(int n, Match match, Fault fault) {
    if (n < 1) {
      throw new IllegalArgumentException("'n' must be at least 1, got " + n);
    }
    rules.add(new Rule(Objects.requireNonNull(match, "match"), Objects.requireNonNull(fault, "fault"), n));
    return this;
  }

  /**
   * From now until {@link #clear()}, each request that {@code match} accepts and that no rule faults meets, with
   * probability {@code rate}, one of {@code mix} drawn uniformly (repeat an entry to weigh it). The draws come from
   * {@code seed}, so the same sequence of requests meets the same faults. Replaces an earlier random script.
   */
  public synchronized Faults randomly(Match match, double rate, long seed, List<Fault> mix) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("'rate' must be between 0 and 1, got " + rate);
    }
    if (mix.isEmpty() || mix.stream().anyMatch(f -> f == null || f instanceof Fault.Delay)) {
      throw new IllegalArgumentException("'mix' must hold faults other than delays, got " + mix);
    }
    random = new RandomScript(Objects.requireNonNull(match, "match"), rate, new SplittableRandom(seed),
        List.copyOf(mix));
    return this;
  }

  /** Requests that met a fault of {@link #randomly}, since it was set. */
  public synchronized long randomFaults() {
    return random == null ? 0 : random.hits;
  }

  /** Adds {@code perRequest} to every request until cleared (e.g. 200 ms for internet-scale round trips). */
  public synchronized Faults latency(Duration perRequest) {
    if (perRequest.isNegative()) {
      throw new IllegalArgumentException("'perRequest' must not be negative, got " + perRequest);
    }
    latency = perRequest;
    return this;
  }

  /** Drops every rule and the global latency, and sends the responses of requests held by {@link Fault#hang()}. */
  public synchronized void clear() {
    rules.clear();
    random = null;
    latency = Duration.ZERO;
    generation++;
    notifyAll();
  }

  /** Uses left over all queued rules. */
  public synchronized int pending() {
    return rules.stream().mapToInt(r -> r.remaining).sum();
  }

  /** Requests currently held by {@link Fault#hang()}. */
  public synchronized int parked() {
    return parked;
  }

  /** Waits until at least {@code count} requests are held by a hang fault; false on timeout. */
  public synchronized boolean awaitParked(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (parked < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** Consumes the rules that apply to one request. */
  synchronized Plan plan(String method, String path) {
    Duration delay = latency;
    Fault fault = null;
    boolean delayTaken = false;
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      boolean isDelay = rule.fault instanceof Fault.Delay;
      if ((isDelay ? delayTaken : fault != null) || !rule.match.test(method, path)) {
        continue;
      }
      if (isDelay) {
        delay = delay.plus(((Fault.Delay) rule.fault).duration());
        delayTaken = true;
      } else {
        fault = rule.fault;
      }
      if (--rule.remaining == 0) {
        it.remove();
      }
    }
    if (fault == null && random != null && random.match.test(method, path)
        && random.draws.nextDouble() < random.rate) {
      fault = random.mix.get(random.draws.nextInt(random.mix.size()));
      random.hits++;
    }
    return new Plan(delay, fault);
  }

  /** Holds the calling handler thread; true if released by {@link #clear()}, false if the emulator closes. */
  synchronized boolean park() throws InterruptedException {
    long entered = generation;
    parked++;
    notifyAll();
    try {
      while (generation == entered && !shutdown) {
        wait();
      }
      return !shutdown;
    } finally {
      parked--;
      notifyAll();
    }
  }

  /** Releases every held thread for good: called when the emulator closes. */
  synchronized void shutdown() {
    shutdown = true;
    notifyAll();
  }

  record Plan(Duration delay, Fault fault) {}

  private static final class RandomScript {
    final Match match;
    final double rate;
    final SplittableRandom draws;
    final List<Fault> mix;
    long hits;

    RandomScript(Match match, double rate, SplittableRandom draws, List<Fault> mix) {
      this.match = match;
      this.rate = rate;
      this.draws = draws;
      this.mix = mix;
    }
  }

  private static final class Rule {
    final Match match;
    final Fault fault;
    int remaining;

    Rule(Match match, Fault fault, int remaining) {
      this.match = match;
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
