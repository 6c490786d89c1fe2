package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private final Ledger ledger = new Ledger();

  private static LedgerEntry message(String vendor, String id, String to, String text, String ref) {
    return new LedgerEntry(LedgerEntry.Kind.MESSAGE, vendor, "default", id, "+12025550101", to, text, ref, "sms", 1,
        "0.0079", "USD", AT);
  }

  @Test
  void countsAcceptancesOfTheSameMessageAcrossVendors() {
    ledger.record(message("twilio", "SM1", "+447700900123", "hello", "ref-1"));
    ledger.record(message("plivo", "u-1", "+447700900123", "hello", "ref-1"));
    ledger.record(message("plivo", "u-2", "+447700900123", "hello again", "ref-2"));
    ledger.record(new LedgerEntry(LedgerEntry.Kind.CALL, "telnyx", "default", "c-1", "+12025550121",
        "+447700900123", null, "ref-3", "voice", 1, "0.0300", "USD", AT));

    assertThat(ledger.acceptances("+447700900123", "hello")).isEqualTo(2);
    assertThat(ledger.acceptances("+447700900999", "hello")).isZero();
    assertThat(ledger.acceptancesOfReference("ref-1")).isEqualTo(2);
    assertThat(ledger.acceptancesOfReference("ref-3")).isEqualTo(1);
    assertThat(ledger.byVendor("plivo")).extracting(LedgerEntry::id).containsExactly("u-1", "u-2");
    assertThat(ledger.messages()).hasSize(3);
    assertThat(ledger.calls()).extracting(LedgerEntry::vendor).containsExactly("telnyx");
    assertThat(ledger.find("twilio", "SM1")).isPresent();
    assertThat(ledger.find("twilio", "u-1")).isEmpty();
    assertThat(ledger.count(e -> e.units() == 1)).isEqualTo(4);
  }

  @Test
  void entriesAreASnapshotInAcceptanceOrder() {
    ledger.record(message("twilio", "SM1", "+1", "a", null));
    List<LedgerEntry> snapshot = ledger.entries();
    ledger.record(message("twilio", "SM2", "+1", "b", null));

    assertThat(snapshot).extracting(LedgerEntry::id).containsExactly("SM1");
    assertThat(ledger.entries()).extracting(LedgerEntry::id).containsExactly("SM1", "SM2");
    ledger.clear();
    assertThat(ledger.size()).isZero();
  }

  @Test
  void concurrentRecordsAreAllKept() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 1000; i++) {
            ledger.record(message("twilio", thread + "-" + i, "+1", "x", null));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(ledger.size()).isEqualTo(8000);
    assertThat(ledger.acceptances("+1", "x")).isEqualTo(8000);
  }
}
