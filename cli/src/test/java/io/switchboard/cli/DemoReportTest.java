package io.switchboard.cli;

import io.switchboard.application.Attempt;
import io.switchboard.application.AttemptOutcome;
import io.switchboard.application.Delivery;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.sandbox.Ledger;
import io.switchboard.sandbox.LedgerEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's ledger check catches each way a delivery and the emulators' ledger can disagree. */
class DemoReportTest {

    private static final AccountId PLIVO = EmbeddedSandbox.PLIVO;
    private static final List<MessageRequest> TWO = List.of(request("+447700900001", "one"),
            request("+447700900002", "two"));

    private final Ledger ledger = new Ledger();

    private static MessageRequest request(String to, String text) {
        return MessageRequest.sms(PhoneNumber.parse(to), new SenderPool(EmbeddedSandbox.POOL), text);
    }

    private static Delivery sent(String id) {
        return new Delivery.Sent(PLIVO, id, PhoneNumber.parse("+447700900114"), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new Attempt(PLIVO, AttemptOutcome.ACCEPTED, Optional.empty(),
                        Optional.empty(), Duration.ZERO)), Optional.empty());
    }

    private static Delivery notSent() {
        return new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE, "every account is down"), List.of(),
                Optional.empty());
    }

    private void accept(String id, MessageRequest request) {
        ledger.record(new LedgerEntry(LedgerEntry.Kind.MESSAGE, "plivo", "MAPLIVOSANDBOX000001", id, "+447700900114",
                request.to().e164(), request.text(), null, "sms", 1, "0.038", "USD", Instant.EPOCH));
    }

    private DemoReport report(Delivery... deliveries) {
        AtomicReferenceArray<Delivery> array = new AtomicReferenceArray<>(deliveries);
        List<AccountId> cheapest = new ArrayList<>(Arrays.asList(PLIVO, PLIVO));
        return new DemoReport(TWO, array, cheapest, 1, PLIVO, 1, "CLOSED", List.of(PLIVO), ledger);
    }

    @Test
    void holdsWhenEverySentMessageIsInTheLedgerOnce() {
        accept("m1", TWO.get(0));

        DemoReport report = report(sent("m1"), notSent());

        assertThat(report.problems).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    @Test
    void aSentMessageMissingFromTheLedgerFails() {
        DemoReport report = report(sent("m1"), notSent());

        assertThat(report.problems).anySatisfy(p -> assertThat(p).contains("message 1 was sent through plivo:default"
                + " as m1, which its emulator's ledger does not hold"));
    }

    @Test
    void aMessageAcceptedTwiceFails() {
        accept("m1", TWO.get(0));
        accept("m1-again", TWO.get(0));

        assertThat(report(sent("m1"), notSent()).problems).containsExactly("message 1 was accepted 2 times");
    }

    @Test
    void aMessageReportedNotSentButAcceptedFails() {
        accept("m1", TWO.get(0));
        accept("m2", TWO.get(1));

        assertThat(report(sent("m1"), notSent()).problems)
                .containsExactly("message 2 is reported not sent but was accepted 1 time(s)");
    }

    @Test
    void aMessageWithoutAnOutcomeIsLost() {
        accept("m1", TWO.get(0));

        assertThat(report(sent("m1"), null).problems).containsExactly("message 2 has no outcome: it was lost");
    }

    @Test
    void aLedgerEntryTheDemoNeverSentFails() {
        accept("m1", TWO.get(0));
        accept("stray", request("+447700900009", "not ours"));

        assertThat(report(sent("m1"), notSent()).problems)
                .containsExactly("the ledger holds plivo message stray that the demo never sent");
    }

    @Test
    void aDeliveryPointingAtAnotherMessageFails() {
        accept("m1", TWO.get(1));
        accept("m0", TWO.get(0));

        assertThat(report(sent("m1"), notSent()).problems).contains("message 1: the ledger's m1 is another message");
    }
}
