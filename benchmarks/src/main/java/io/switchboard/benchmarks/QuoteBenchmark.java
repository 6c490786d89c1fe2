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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One million messages on six accounts: compared as a batch (per-account totals, cheapest mix and savings), and
 * quoted one by one (a cost table each). Decks of 100,000 prefixes per account, or all ~294,000.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class QuoteBenchmark {

    private static final int MESSAGES = 1_000_000;

    /** Prefixes per account deck; "all" for every prefix of the data (~294,000). */
    @Param({"100000", "all"})
    public String prefixes;

    private CostQueries costs;
    private List<BatchComparison.Item> batch;

    @Setup(Level.Trial)
    public void setUp() {
        costs = Accounts.router(prefixes.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(prefixes)).costs();
        PhoneNumber[] numbers = PrefixData.phoneNumbers(50_000, true, 9);
        String[] texts = {"Your code is 481516.", "Sale ends tonight: 20% off everything, use code SPRING.",
            "Ihr Termin wurde bestätigt."};
        batch = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            batch.add(new BatchComparison.Item(numbers[i % numbers.length], texts[(i / 1000) % texts.length]));
        }
    }

    /** {@code CostQueries.compare} over the whole batch. */
    @Benchmark
    public BatchComparison compareOneMillion() {
        return costs.compare(batch);
    }

    /** {@code CostQueries.quote} for each message of the batch. */
    @Benchmark
    public void quoteEachOfOneMillion(Blackhole sink) {
        for (BatchComparison.Item item : batch) {
            sink.consume(costs.quote(item.to(), item.text()));
        }
    }
}
