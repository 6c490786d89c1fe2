package io.switchboard.benchmarks;

import io.switchboard.application.RoutePlan;
import io.switchboard.application.Router;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
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

import java.util.concurrent.TimeUnit;

/**
 * One route plan (quotes, sender, health, ordering) over six accounts of three vendors, Zipf destinations; with full
 * decks, and with small ones to show what planning costs apart from the lookups.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// Pre-touched heap: without it, every plan until the first young collection after set-up allocates into Eden pages the
// process has never touched, and each first touch is a page fault (measured: 8-15 us per plan for about 15 s, then
// 2 us from the first young GC on, with -Xlog:gc showing the switch at that GC; with -XX:+AlwaysPreTouch 1.4-2 us
// from the second warm-up iteration). That is the JVM's start-up, not the planner's: docs/routing.md says so.
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class PlanBenchmark {

    private static final int REQUESTS = 1 << 12;
    private static final String[] TEXTS = {
        "Your code is 481516. It expires in 10 minutes.",
        "Reminder: your appointment is tomorrow at 10:30. Reply C to cancel.",
        "Votre colis arrive aujourd'hui entre 14h et 16h. Suivi: https://example.com/t/8d2k",
        "Ihr Termin wurde bestätigt. Bis bald!"
    };

    /** Prefixes per deck: the full data set, or a small deck that stays in cache (the cost of planning alone). */
    @Param({"all", "1000"})
    public String prefixes;

    private Router router;
    private RoutingPolicy policy;
    private MessageRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        router = prefixes.equals("all") ? Accounts.router() : Accounts.router(Integer.parseInt(prefixes));
        policy = RoutingPolicy.ofDefaults();
        PhoneNumber[] numbers = PrefixData.phoneNumbers(REQUESTS, true, 5);
        requests = new MessageRequest[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            requests[i] = MessageRequest.sms(numbers[i % numbers.length], new SenderPool("main"),
                    TEXTS[i % TEXTS.length]);
        }
    }

    @Benchmark
    public RoutePlan plan() {
        int i = next;
        next = (i + 1) & (REQUESTS - 1);
        return router.plan(requests[i], policy);
    }
}
