package io.switchboard.application;

import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure kind (and an exception that is not ours) at every position of a three-account chain, under both
 * guarantees. Accounts before the position fail with UNAVAILABLE, which always fails over; the one at the position
 * fails with the kind; later ones accept.
 */
class FailoverMatrixTest {

    enum Position { FIRST, MIDDLE, LAST }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (DeliveryGuarantee guarantee : DeliveryGuarantee.values()) {
            for (Position position : Position.values()) {
                for (FailureKind kind : FailureKind.values()) {
                    cases.add(Arguments.of(kind, position, guarantee));
                }
                cases.add(Arguments.of(null, position, guarantee));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1} under {2}")
    @MethodSource("matrix")
    void followsTheFailureKindsVerdict(FailureKind kind, Position position, DeliveryGuarantee guarantee) {
        Setup setup = new Setup();
        List<FakeConnector> chain = List.of(
                setup.account("telnyx:default", "0.001"),
                setup.account("plivo:us", "0.002"),
                setup.account("twilio:work", "0.003"));
        int at = position.ordinal();
        for (int i = 0; i < at; i++) {
            chain.get(i).failing(FailureKind.UNAVAILABLE);
        }
        if (kind == null) {
            chain.get(at).crashing();
        } else {
            chain.get(at).failing(kind);
        }
        FailureKind effective = kind == null ? FailureKind.OUTCOME_UNKNOWN : kind;
        // One failover chain: a deadline shorter than the pause before a second pass (OutageWaitTest covers those).
        setup.policy = RoutingPolicy.builder().guarantee(guarantee).deadline(Duration.ofMillis(500)).build();

        Router router = setup.router();
        Delivery delivery = router.send(sms(US, "hello"));

        boolean failsOver = effective.failsOver(guarantee);
        boolean hasNext = at < chain.size() - 1;
        if (failsOver && hasNext) {
            assertThat(delivery).as("fails over to the next account").isInstanceOf(Delivery.Sent.class);
            assertThat(((Delivery.Sent) delivery).account()).isEqualTo(chain.get(at + 1).account());
            assertThat(chain.get(at + 1).vendorCalls()).isEqualTo(1);
        } else if (effective == FailureKind.OUTCOME_UNKNOWN) {
            assertThat(delivery).as("an unknown outcome is reported as such").isInstanceOf(Delivery.OutcomeUnknown.class);
            assertThat(((Delivery.OutcomeUnknown) delivery).account()).isEqualTo(chain.get(at).account());
        } else {
            assertThat(delivery).as("nothing accepted").isInstanceOf(Delivery.NotSent.class);
            assertThat(((Delivery.NotSent) delivery).failure().kind()).isEqualTo(effective);
        }
        for (int i = at + 1; i < chain.size(); i++) {
            int expected = failsOver && i == at + 1 ? 1 : 0;
            assertThat(chain.get(i).vendorCalls()).as("calls to %s", chain.get(i).account()).isEqualTo(expected);
        }
        assertThat(delivery.attempts()).hasSize(Math.min(at + (failsOver && hasNext ? 2 : 1), 3));
        assertThat(delivery.attempts().get(at).failure().orElseThrow().kind()).isEqualTo(effective);
        assertThat(delivery.attempts().get(at).account()).isEqualTo(chain.get(at).account());
        assertThat(router.breakerState(chain.get(at).account()))
                .isEqualTo(effective.marksAccountUnhealthy() ? "OPEN" : "CLOSED");
    }
}
