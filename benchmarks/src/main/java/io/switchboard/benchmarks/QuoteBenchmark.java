package io.switchboard.benchmarks;

import io.switchboard.application.BatchComparison;
import io.switchboard.application.CostQueries;
import io.switchboard.domain.PhoneNumber;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Quoting a batch of one million messages on six accounts: per-account totals, cheapest mix and savings. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class QuoteBenchmark {

    private static final int MESSAGES = 1_000_000;

    private CostQueries costs;
    private List<BatchComparison.Item> batch;

    @Setup(Level.Trial)
    public void setUp() {
        costs = Accounts.router().costs();
        PhoneNumber[] numbers = PrefixData.phoneNumbers(50_000, true, 9);
        String[] texts = {"Your code is 481516.", "Sale ends tonight: 20% off everything, use code SPRING.",
            "Ihr Termin wurde bestätigt."};
        batch = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            batch.add(new BatchComparison.Item(numbers[i % numbers.length], texts[(i / 1000) % texts.length]));
        }
    }

    @Benchmark
    public BatchComparison quoteOneMillion() {
        return costs.compare(batch);
    }
}
