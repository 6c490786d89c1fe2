package io.switchboard.reliability;

import io.switchboard.Switchboard;
import io.switchboard.application.Delivery;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing deadline bounds a call in flight: a vendor that accepts a send and drips its answer a byte every
 * 200 ms (under any read timeout, for minutes in all) holds the send only until the deadline, not until the adapter's
 * 60 s whole-call timeout. The vendor accepted, so the outcome is unknown and nothing is sent elsewhere.
 */
class DeadlineTest {

    private static final PhoneNumber US = PhoneNumber.parse("+12025550199");
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    @ParameterizedTest
    @ValueSource(strings = {"twilio", "plivo", "telnyx"})
    void aDrippingVendorHoldsASendOnlyUntilTheDeadline(String vendor) {
        AccountId pinned = AccountId.parse(vendor);
        try (EmbeddedSandbox sandbox = SandboxFacade.sandbox(11, 4);
             Switchboard switchboard = new SandboxFacade().readTimeout(Duration.ofSeconds(20))
                     .callTimeout(Duration.ofSeconds(60))
                     .policy(RoutingPolicy.builder().pinned(pinned).deadline(DEADLINE).build())
                     .builder(sandbox).build()) {
            switch (vendor) {
                case "twilio" -> sandbox.twilio().dripNextSend(Duration.ofMillis(200));
                case "plivo" -> sandbox.plivo().dripNextSend(Duration.ofMillis(200));
                default -> sandbox.telnyx().dripNextSend(Duration.ofMillis(200));
            }
            long start = System.nanoTime();

            Delivery delivery = switchboard.messages().send(
                    MessageRequest.sms(US, new SenderPool(EmbeddedSandbox.POOL), "dripped"));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(delivery).isInstanceOfSatisfying(Delivery.OutcomeUnknown.class,
                    unknown -> assertThat(unknown.failure().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN));
            // 3 s deadline; without the budget the send took the 60 s call timeout. The margin is for a loaded CI.
            assertThat(took).as("time to give up").isGreaterThanOrEqualTo(Duration.ofMillis(2500))
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(sandbox.ledger().count(e -> e.kind() == LedgerEntry.Kind.MESSAGE)).as("accepted once")
                    .isEqualTo(1);
        }
    }
}
