package io.switchboard.cli;

import io.switchboard.application.Attempt;
import io.switchboard.application.AttemptOutcome;
import io.switchboard.application.Delivery;
import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.StatusChange;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.message.MessageStatus;
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
    private final java.util.Map<Integer, DeliveryRecord> records = new java.util.HashMap<>();

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

    /** The record of a sent message whose callbacks said delivered (unless a test put another one there). */
    private static DeliveryRecord delivered(MessageRequest request, Delivery.Sent sent) {
        DeliveryRecord record = DeliveryRecord.open("k-" + sent.vendorId(), request, Instant.EPOCH)
                .routed(sent, Instant.EPOCH);
        return record.apply(status(sent.vendorId(), MessageStatus.DELIVERED, null, null), StatusChange.Source.CALLBACK,
                Instant.EPOCH).record();
    }

    private static VendorEvent status(String vendorId, MessageStatus status, String code, ErrorClass cls) {
        return VendorEvent.builder(EventKind.MESSAGE_STATUS, PLIVO).eventId("e-" + vendorId + status)
                .vendorId(vendorId).messageStatus(status, status.name()).error(code, null, cls)
                .occurredAt(Instant.EPOCH).build();
    }

    private DemoReport report(Delivery... deliveries) {
        for (int i = 0; i < deliveries.length; i++) {
            if (deliveries[i] instanceof Delivery.Sent sent && !records.containsKey(i)) {
                records.put(i, delivered(TWO.get(i), sent));
            }
        }
        AtomicReferenceArray<Delivery> array = new AtomicReferenceArray<>(deliveries);
        List<AccountId> cheapest = new ArrayList<>(Arrays.asList(PLIVO, PLIVO));
        return new DemoReport(TWO, array, cheapest, 1, PLIVO, 1, "CLOSED", List.of(PLIVO), ledger,
                new DemoReport.Filtering(PLIVO, "GB", "30"), records);
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

        assertThat(report(sent("m1"), notSent()).problems).containsExactly("message 1 was accepted 2 times for 1 send(s)");
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

    /** Message 1 undelivered on Plivo with {@code cls}, then re-sent and accepted by Twilio as {@code resendId}. */
    private void resent(ErrorClass cls, String resendId) {
        Delivery.Sent first = (Delivery.Sent) sent("m1");
        DeliveryRecord record = DeliveryRecord.open("k-m1", TWO.get(0), Instant.EPOCH).routed(first, Instant.EPOCH);
        record = record.apply(status("m1", MessageStatus.UNDELIVERED, "30", cls), StatusChange.Source.CALLBACK,
                Instant.EPOCH).record().resending(Instant.EPOCH);
        Delivery.Sent again = new Delivery.Sent(EmbeddedSandbox.TWILIO, resendId, PhoneNumber.parse("+447700900114"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
        record = record.routed(again, Instant.EPOCH);
        record = record.apply(VendorEvent.builder(EventKind.MESSAGE_STATUS, EmbeddedSandbox.TWILIO)
                .eventId("e-" + resendId).vendorId(resendId).messageStatus(MessageStatus.DELIVERED, "delivered")
                .occurredAt(Instant.EPOCH).build(), StatusChange.Source.CALLBACK, Instant.EPOCH).record();
        records.put(0, record);
    }

    @Test
    void aResendIsOneMoreAcceptanceWhereItsRecordSays() {
        accept("m1", TWO.get(0));
        ledger.record(new LedgerEntry(LedgerEntry.Kind.MESSAGE, "twilio", "AC1", "SM2", "+447700900114",
                TWO.get(0).to().e164(), TWO.get(0).text(), null, "sms", 1, "0.04", "USD", Instant.EPOCH));
        resent(ErrorClass.ROUTE, "SM2");

        DemoReport report = report(sent("m1"), notSent());

        assertThat(report.problems).isEmpty();
        assertThat(report.resent).isEqualTo(1);
        assertThat(report.deliveredAfterResend).isEqualTo(1);
        assertThat(report.resendBilled).containsOnlyKeys(EmbeddedSandbox.TWILIO);
        assertThat(report.accounts.get(PLIVO).billed).isEqualByComparingTo("0.038");
    }

    @Test
    void aResendTheLedgerDoesNotHoldOrAfterADestinationErrorFails() {
        accept("m1", TWO.get(0));
        resent(ErrorClass.DESTINATION, "SM2");

        assertThat(report(sent("m1"), notSent()).problems).contains(
                "message 1's re-send was sent through twilio:default as SM2, which its emulator's ledger does not hold",
                "message 1 was re-sent after a DESTINATION error, which no other provider can fix",
                "message 1 was accepted 1 times for 2 send(s)");
    }

    @Test
    void aSentMessageWithNoFinalStatusFails() {
        accept("m1", TWO.get(0));
        records.put(0, DeliveryRecord.open("k-m1", TWO.get(0), Instant.EPOCH).routed(sent("m1"), Instant.EPOCH));

        assertThat(report(sent("m1"), notSent()).problems)
                .containsExactly("1 sent message(s) have no final status: their callbacks never came");
    }
}
