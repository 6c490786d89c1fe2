package io.switchboard.application.lifecycle;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever order callbacks arrive in, and however often, a send's status only moves forward. */
class DeliveryRecordProperties {

    private static final AccountId ACCOUNT = AccountId.parse("twilio:main");
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    @Property(tries = 500)
    void status_never_moves_back_and_the_first_final_status_stays(
            @ForAll @Size(max = 12) List<MessageStatus> arrivals) {
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse("+447700900001"), new SenderPool("p"), "x");
        DeliveryRecord record = DeliveryRecord.open("k", request, T0);
        MessageStatus firstFinal = null;
        int i = 0;
        for (MessageStatus status : arrivals) {
            if (status == MessageStatus.UNKNOWN) {
                continue;
            }
            VendorEvent event = VendorEvent.builder(EventKind.MESSAGE_STATUS, ACCOUNT).eventId("e" + i)
                    .vendorId("SM1").messageStatus(status, status.name()).occurredAt(T0.plusSeconds(i++)).build();
            int before = record.status().map(DeliveryRecord::rank).orElse(0);
            record = record.apply(event, StatusChange.Source.CALLBACK, T0).record();
            int after = record.status().map(DeliveryRecord::rank).orElse(0);
            assertThat(after).isGreaterThanOrEqualTo(before);
            if (firstFinal == null && status.isTerminal()) {
                firstFinal = status;
            }
            if (firstFinal != null) {
                assertThat(record.status()).contains(firstFinal);
            }
        }
        assertThat(record.sends()).hasSizeLessThanOrEqualTo(1);
        assertThat(record.history()).extracting(StatusChange::status).doesNotHaveDuplicates();
    }
}
