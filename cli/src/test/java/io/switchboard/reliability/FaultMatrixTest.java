package io.switchboard.reliability;

import io.switchboard.application.Attempt;
import io.switchboard.application.Delivery;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.Switchboard;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.reliability.MatrixCell.Expected;
import io.switchboard.reliability.MatrixCell.Step;
import io.switchboard.reliability.VendorFaults.Kind;
import io.switchboard.reliability.VendorFaults.Operation;
import io.switchboard.sandbox.LedgerEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix, end to end: facade, router, adapters and the three emulators over loopback HTTP, one fresh
 * sandbox and facade per cell so that no breaker, Retry-After or budget carries over. Each cell's expectation is
 * written down by {@link MatrixCell#expected()} and shows in its name; the emulators' shared ledger confirms who
 * accepted what. Cells run four at a time: most of their time is spent waiting for a timeout.
 */
class FaultMatrixTest {

    private static final SenderPool POOL = new SenderPool(EmbeddedSandbox.POOL);
    private static final PhoneNumber TO = PhoneNumber.parse("+447700900001");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    static Stream<MatrixCell> cells() {
        return MatrixCell.all();
    }

    /** One clean send and call per vendor, so that class loading and JIT do not eat the first cells' timeouts. */
    @BeforeAll
    static void warmUp() {
        try (EmbeddedSandbox sandbox = SandboxFacade.sandbox(1, 4);
                Switchboard switchboard = new SandboxFacade().build(sandbox)) {
            for (AccountId account : MatrixCell.ACCOUNTS) {
                RoutingPolicy pinned = RoutingPolicy.builder().pinned(account).build();
                assertThat(switchboard.messages().send(MessageRequest.sms(TO, POOL, "warm-up"), pinned))
                        .isInstanceOf(Delivery.Sent.class);
                assertThat(switchboard.calls().place(call(), pinned)).isInstanceOf(Delivery.Sent.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    @Execution(ExecutionMode.CONCURRENT)
    void cell(MatrixCell cell) throws InterruptedException {
        Expected expected = cell.expected();
        RoutingPolicy policy = RoutingPolicy.builder().priority(cell.order().toArray(AccountId[]::new))
                .guarantee(cell.guarantee()).build();
        String text = "matrix cell " + SERIAL.incrementAndGet();
        try (EmbeddedSandbox sandbox = SandboxFacade.sandbox(cell.hashCode(), 4);
                Switchboard switchboard = facade(sandbox, cell, policy)) {
            cell.before().forEach(account -> VendorFaults.script(sandbox, account, cell.op(), Kind.HTTP_503));
            VendorFaults.script(sandbox, cell.vendor(), cell.op(), cell.fault());

            Delivery delivery = cell.op() == Operation.SEND_MESSAGE
                    ? switchboard.messages().send(MessageRequest.sms(TO, POOL, text))
                    : switchboard.calls().place(call());

            if (cell.fault() == Kind.ACCEPT_THEN_HANG) {
                // The client gave up on its own clock; the emulator may still be on its way to accepting it.
                boolean parked = VendorFaults.emulator(sandbox, cell.vendor()).faults()
                        .awaitParked(1, Duration.ofSeconds(10));
                assertThat(parked).as("the hung request reached its handler").isTrue();
            }
            assertOutcome(cell, expected, delivery);
            assertAttempts(cell, expected, delivery);
            assertLedger(cell, expected, sandbox);
            assertVendorCalls(cell, expected, sandbox);
            assertBreaker(cell, switchboard);
        }
    }

    /**
     * Short timeouts (400 ms per read, 1 s per call) only on the faulty vendor and only for the faults that need them
     * (a hang, a drip): a busy machine cannot then turn a healthy answer into a timeout and change a cell's outcome.
     */
    private static Switchboard facade(EmbeddedSandbox sandbox, MatrixCell cell, RoutingPolicy policy) {
        SandboxFacade facade = new SandboxFacade().policy(policy);
        if (cell.fault() == Kind.CONNECTION_REFUSED) {
            facade.unreachable(Set.of(cell.vendor()));
        }
        if (cell.fault() == Kind.ACCEPT_THEN_HANG || cell.fault() == Kind.SLOW_DRIP) {
            facade.timeouts(cell.vendor(), Duration.ofMillis(400), Duration.ofSeconds(1));
        }
        return facade.build(sandbox);
    }

    private static CallRequest call() {
        return CallRequest.of(TO, POOL, CallInstructions.url("https://example.com/answer.xml"));
    }

    private static void assertOutcome(MatrixCell cell, Expected expected, Delivery delivery) {
        switch (expected.outcome()) {
            case SENT -> assertThat(delivery).as(cell + ": delivery").isInstanceOfSatisfying(Delivery.Sent.class,
                    sent -> assertThat(sent.account()).as("accepted by").isEqualTo(expected.account()));
            case NOT_SENT -> assertThat(delivery).as(cell + ": delivery").isInstanceOfSatisfying(
                    Delivery.NotSent.class, notSent -> assertFailure(cell, expected, notSent.failure()));
            case OUTCOME_UNKNOWN -> assertThat(delivery).as(cell + ": delivery").isInstanceOfSatisfying(
                    Delivery.OutcomeUnknown.class, unknown -> {
                        assertThat(unknown.account()).as("unknown at").isEqualTo(expected.account());
                        assertFailure(cell, expected, unknown.failure());
                        assertThat(unknown.failure().outcomeKnown()).isFalse();
                    });
        }
    }

    private static void assertFailure(MatrixCell cell, Expected expected, Failure failure) {
        assertThat(failure.kind()).as(cell + ": failure kind").isEqualTo(expected.failure());
        assertThat(failure.account()).as(cell + ": failing account").contains(expected.account());
        if (expected.failure() == FailureKind.INVALID_REQUEST) {
            assertThat(failure.field()).as("the field at fault").contains("to");
        }
        if (expected.failure() == FailureKind.RATE_LIMITED) {
            assertThat(failure.retryAfter()).as("the vendor's Retry-After").contains(Duration.ofSeconds(1));
        }
    }

    private static void assertAttempts(MatrixCell cell, Expected expected, Delivery delivery) {
        List<Step> steps = delivery.attempts().stream().map(a -> new Step(a.account(), a.outcome())).toList();
        assertThat(steps).as(cell + ": attempts " + delivery.attempts()).containsExactlyElementsOf(expected.steps());
        Attempt atFault = delivery.attempts().get(cell.position());
        assertThat(atFault.failure()).as(cell + ": the faulty vendor's failure").hasValueSatisfying(
                f -> assertThat(f.kind()).isEqualTo(cell.fault().failure));
        for (int i = 0; i < cell.position(); i++) {
            assertThat(delivery.attempts().get(i).failure()).as("an account before it")
                    .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.UNAVAILABLE));
        }
    }

    /** The ledger holds exactly the expected acceptances; under at-most-once never more than one. */
    private static void assertLedger(MatrixCell cell, Expected expected, EmbeddedSandbox sandbox) {
        LedgerEntry.Kind kind = cell.op() == Operation.SEND_MESSAGE ? LedgerEntry.Kind.MESSAGE : LedgerEntry.Kind.CALL;
        Map<AccountId, Integer> accepted = new LinkedHashMap<>();
        for (AccountId account : MatrixCell.ACCOUNTS) {
            int n = (int) sandbox.ledger().count(e -> e.kind() == kind && e.vendor().equals(account.vendor().name()));
            if (n > 0) {
                accepted.put(account, n);
            }
        }
        assertThat(accepted).as(cell + ": accepted per account").isEqualTo(expected.accepted());
        assertThat(sandbox.ledger().size()).as("nothing else accepted").isEqualTo(expected.totalAccepted());
        if (cell.guarantee() == DeliveryGuarantee.AT_MOST_ONCE) {
            assertThat(expected.totalAccepted()).as("at most once").isLessThanOrEqualTo(1);
        }
    }

    /** Each emulator saw exactly the requests of the expected attempts: nothing past the end of the chain. */
    private static void assertVendorCalls(MatrixCell cell, Expected expected, EmbeddedSandbox sandbox) {
        for (AccountId account : MatrixCell.ACCOUNTS) {
            long attempts = expected.steps().stream().filter(s -> s.account().equals(account)).count();
            boolean refused = cell.fault() == Kind.CONNECTION_REFUSED && account.equals(cell.vendor());
            long seen = VendorFaults.emulator(sandbox, account).stats().count("POST", VendorFaults.path(account,
                    cell.op()));
            assertThat(seen).as(cell + ": requests that reached " + account).isEqualTo(refused ? 0 : attempts);
        }
    }

    /** Credentials and funds open the account's breaker at once; nothing else in one request does. */
    private static void assertBreaker(MatrixCell cell, Switchboard switchboard) {
        boolean opens = cell.fault().failure.marksAccountUnhealthy();
        assertThat(switchboard.router().breakerState(cell.vendor())).as(cell + ": breaker")
                .isEqualTo(opens ? "OPEN" : "CLOSED");
    }
}
