package io.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The consumption rules of the fault script, without a server. */
class FaultsTest {
  private static final Fault E500 = Fault.respond(Response.of(500));
  private static final Fault E503 = Fault.respond(Response.of(503));

  @Test
  void rulesAreConsumedInTheOrderTheyWereAdded() {
    Faults faults = new Faults().next(2, E500).next(1, E503);

    assertThat(faults.plan("GET", "/a").fault()).isEqualTo(E500);
    assertThat(faults.plan("GET", "/a").fault()).isEqualTo(E500);
    assertThat(faults.plan("GET", "/a").fault()).isEqualTo(E503);
    assertThat(faults.plan("GET", "/a").fault()).isNull();
    assertThat(faults.pending()).isZero();
  }

  @Test
  void aPathScopedRuleIsOnlyConsumedByMatchingRequests() {
    Faults faults = new Faults().next(1, Match.of("POST", "/v2/calls"), E503).next(1, E500);

    assertThat(faults.plan("POST", "/v2/messages").fault()).as("the scoped rule is skipped").isEqualTo(E500);
    assertThat(faults.plan("GET", "/v2/calls/1").fault()).as("wrong method").isNull();
    assertThat(faults.pending()).isEqualTo(1);
    assertThat(faults.plan("POST", "/v2/calls").fault()).isEqualTo(E503);
    assertThat(faults.pending()).isZero();
  }

  @Test
  void delayRulesAreASeparateLaneAddedToTheGlobalLatency() {
    Faults faults = new Faults().latency(Duration.ofMillis(200)).next(1, Fault.delay(Duration.ofSeconds(1)))
        .next(1, E503);

    Faults.Plan first = faults.plan("GET", "/");
    Faults.Plan second = faults.plan("GET", "/");

    assertThat(first.delay()).isEqualTo(Duration.ofMillis(1200));
    assertThat(first.fault()).as("a delay and a failure fire together").isEqualTo(E503);
    assertThat(second.delay()).isEqualTo(Duration.ofMillis(200));
    assertThat(second.fault()).isNull();
  }

  @Test
  void aRequestTakesAtMostOneRuleOfEachLane() {
    Faults faults = new Faults().next(1, E500).next(1, E503);

    faults.plan("GET", "/");

    assertThat(faults.pending()).isEqualTo(1);
  }

  @Test
  void concurrentRequestsConsumeEachUseExactlyOnce() throws Exception {
    Faults faults = new Faults().next(300, E503);
    AtomicInteger faulted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            if (faults.plan("POST", "/m").fault() != null) {
              faulted.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(faulted).hasValue(300);
    assertThat(faults.pending()).isZero();
  }

  @Test
  void aRandomScriptFaultsItsShareFromItsSeedAndRulesComeFirst() {
    Faults faults = new Faults().randomly(Match.of("POST", "/send"), 0.3, 42, List.of(E500, E503, E503));
    faults.next(1, Match.of("POST", "/send"), Fault.hang());

    assertThat(faults.plan("POST", "/send").fault()).as("a rule first").isEqualTo(Fault.hang());
    List<Fault> seen = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(faults.plan("POST", "/send").fault());
      assertThat(faults.plan("GET", "/send").fault()).as("outside the match").isNull();
    }
    long faulted = seen.stream().filter(f -> f != null).count();
    assertThat(faulted).isBetween(2_800L, 3_200L).isEqualTo(faults.randomFaults());
    assertThat(seen.stream().filter(E503::equals).count()).isBetween(faulted * 6 / 10, faulted * 3 / 4);
    Faults again = new Faults().randomly(Match.of("POST", "/send"), 0.3, 42, List.of(E500, E503, E503));
    List<Fault> replay = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      replay.add(again.plan("POST", "/send").fault());
    }
    assertThat(replay).as("the same seed, the same faults").isEqualTo(seen);

    faults.clear();
    assertThat(faults.plan("POST", "/send").fault()).as("cleared").isNull();
    assertThatThrownBy(() -> faults.randomly(Match.ANY, 1.5, 1, List.of(E500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.randomly(Match.ANY, 0.5, 1, List.of(Fault.delay(Duration.ofSeconds(1)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clearDropsRulesAndLatency() {
    Faults faults = new Faults().latency(Duration.ofMillis(50)).next(5, E500);

    faults.clear();

    assertThat(faults.pending()).isZero();
    assertThat(faults.plan("GET", "/")).isEqualTo(new Faults.Plan(Duration.ZERO, null));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new Faults().next(0, E500)).hasMessageContaining("'n' must be at least 1");
    assertThatThrownBy(() -> Fault.drip(Duration.ZERO)).hasMessageContaining("'perByte' must be a positive");
    assertThatThrownBy(() -> new Faults().latency(Duration.ofMillis(-1))).hasMessageContaining("negative");
  }
}
