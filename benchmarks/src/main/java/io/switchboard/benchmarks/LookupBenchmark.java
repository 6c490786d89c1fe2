package io.switchboard.benchmarks;

import io.switchboard.domain.pricing.RateDeck;
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

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Longest-prefix lookup on a deck of every libphonenumber geocoder and carrier prefix (~295k), with Zipf-skewed
 * (s = 1) or uniform destinations, beside the hash-probe-per-length baseline and a naive one-digit-per-level trie
 * (the calibration point) in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class LookupBenchmark {

    private static final int DESTINATIONS = 1 << 17;

    @Param({"zipf", "uniform"})
    public String distribution;

    private RateDeck deck;
    private HashProbeDeck baseline;
    private FlatTrieDeck flatTrie;
    private String[] destinations;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        deck = PrefixData.deck(1);
        baseline = new HashProbeDeck(deck);
        flatTrie = new FlatTrieDeck(deck);
        destinations = PrefixData.destinations(DESTINATIONS, distribution.equals("zipf"), 7);
    }

    private String nextDestination() {
        int i = next;
        next = (i + 1) & (DESTINATIONS - 1);
        return destinations[i];
    }

    @Benchmark
    public Optional<RateDeck.Match> trie() {
        return deck.match(nextDestination());
    }

    @Benchmark
    public Optional<RateDeck.Match> flatTrieCalibration() {
        return flatTrie.match(nextDestination());
    }

    @Benchmark
    public Optional<RateDeck.Match> hashProbeBaseline() {
        return baseline.match(nextDestination());
    }
}
