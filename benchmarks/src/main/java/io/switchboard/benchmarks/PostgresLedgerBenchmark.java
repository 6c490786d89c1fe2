package io.switchboard.benchmarks;

import io.switchboard.application.Delivery;
import io.switchboard.application.DeliveryLedger;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.Vendor;
import io.switchboard.state.postgres.PostgresSettings;
import io.switchboard.state.postgres.PostgresState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the PostgreSQL ledger adds to one send: a claim of a fresh client reference and the completion with a
 * {@link Delivery.Sent}, two statements and two round trips to a real PostgreSQL on loopback (embedded, started by
 * the benchmark). {@code claimOfADuplicate} is a retry of a reference already sent: one round trip.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PostgresLedgerBenchmark {

    private static final AccountId ACCOUNT = AccountId.of(Vendor.TWILIO, "main");

    private EmbeddedPostgres server;
    private PostgresState state;
    private DeliveryLedger ledger;
    private final AtomicLong next = new AtomicLong();
    private final String run = UUID.randomUUID().toString();
    private String duplicate;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = EmbeddedPostgres.builder().start();
        state = PostgresState.start("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres",
                "unused-trust-auth", PostgresSettings.ofDefaults().withPoolSize(4).withInstanceId("bench"));
        ledger = state.ledger();
        duplicate = "dup-" + run;
        ledger.claim(duplicate);
        ledger.complete(duplicate, sent(duplicate));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        state.close();
        server.close();
    }

    private static Delivery sent(String reference) {
        return new Delivery.Sent(ACCOUNT, "SM" + reference, new SenderPool("alerts"), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.of(reference));
    }

    @Benchmark
    public DeliveryLedger.Claim claimAndComplete() {
        String reference = run + "-" + next.incrementAndGet();
        DeliveryLedger.Claim claim = ledger.claim(reference);
        ledger.complete(reference, sent(reference));
        return claim;
    }

    @Benchmark
    public DeliveryLedger.Claim claimOfADuplicate() {
        return ledger.claim(duplicate);
    }
}
