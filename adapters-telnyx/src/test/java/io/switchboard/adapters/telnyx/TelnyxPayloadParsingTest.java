package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Direction;
import io.switchboard.domain.Money;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.account.AccountStatus;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.LineType;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Example payloads written from Telnyx's public API reference (test resources under telnyx/), mapped to the domain. */
class TelnyxPayloadParsingTest {

    private final MockTelnyx telnyx = new MockTelnyx();
    private final TelnyxConnector connector = telnyx.connector();

    @AfterEach
    void close() {
        telnyx.close();
    }

    @Test
    void readsAMessageWithItsRecipientStatusPartsAndCost() {
        telnyx.answerFile(200, "message.json");
        Message m = connector.messaging().orElseThrow().get("40385f64-5717-4562-b3fc-2c963f66afa6");

        assertThat(m.id()).isEqualTo("40385f64-5717-4562-b3fc-2c963f66afa6");
        assertThat(m.account()).isEqualTo(connector.account());
        assertThat(m.channel()).isEqualTo(Channel.SMS);
        assertThat(m.from()).isEqualTo("+12025550121");
        assertThat(m.to()).isEqualTo("+447700900123");
        assertThat(m.text()).isEqualTo("Hello from Switchboard");
        assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(m.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(m.rawStatus()).isEqualTo("queued");
        assertThat(m.segments()).isEqualTo(OptionalInt.of(1));
        assertThat(m.price()).contains(Money.of("0.045", "USD"));
        assertThat(m.createdAt()).contains(Instant.parse("2026-03-01T12:00:00.120Z"));
        assertThat(m.sentAt()).isEmpty();
        assertThat(m.errorCode()).isEmpty();
    }

    @Test
    void readsAnOlderMessageShapeWithAStringSenderAndANumericNegativeCost() {
        telnyx.answerFile(200, "message-delivered-legacy.json");
        Message m = connector.messaging().orElseThrow().get("834f3d53-8a3c-4aa0-a733-7f2d682a72df");

        assertThat(m.from()).isEqualTo("+18445550001");
        assertThat(m.channel()).isEqualTo(Channel.MMS);
        assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(m.price()).as("prices are positive").contains(Money.of("0.015", "USD"));
        assertThat(m.createdAt()).contains(Instant.parse("2026-01-23T18:10:02.574Z"));
        assertThat(m.sentAt()).contains(Instant.parse("2026-01-23T18:10:03Z"));
    }

    @Test
    void anInboundMessageIsReceivedThoughItsRecipientSaysDelivered() {
        telnyx.answerFile(200, "message-inbound.json");
        Message m = connector.messaging().orElseThrow().get("b6a4c1e2-93d0-4f57-8b21-5c0e7d9a3f18");

        assertThat(m.direction()).isEqualTo(Direction.INBOUND);
        assertThat(m.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(m.rawStatus()).isEqualTo("delivered");
        assertThat(m.from()).isEqualTo("+447700900555");
        assertThat(m.to()).isEqualTo("+12025550121");
        assertThat(m.createdAt()).contains(Instant.parse("2026-03-01T11:58:07.431Z"));
    }

    @Test
    void anUnknownStatusIsUnknownAndKeepsTheRawWordAndTheError() {
        telnyx.answerFile(200, "message-failed.json");
        Message m = connector.messaging().orElseThrow().get("0d1c4c2e-7c3b-4a3e-9f6b-1f1b8e0a0c11");

        assertThat(m.status()).isEqualTo(MessageStatus.UNKNOWN);
        assertThat(m.rawStatus()).isEqualTo("carrier_pondering");
        assertThat(m.price()).isEmpty();
        assertThat(m.sentAt()).as("an unreadable time is absent, not an error").isEmpty();
        assertThat(m.errorCode()).contains("40008");
        assertThat(m.errorMessage()).contains("The recipient carrier did not accept the message.");
    }

    @Test
    void readsMessageDetailRecordsAsMessagesWithTheNextPageNumberAsCursor() {
        telnyx.answerFile(200, "message-records.json");
        Page<Message> page = connector.messaging().orElseThrow().list(MessageQuery.all(), PageRequest.first(3));

        assertThat(page.nextCursor()).contains("2");
        assertThat(page.items()).extracting(Message::status)
                .containsExactly(MessageStatus.DELIVERED, MessageStatus.RECEIVED, MessageStatus.REJECTED);
        Message first = page.items().get(0);
        assertThat(first.id()).isEqualTo("3ca7bd3d-7d82-4e07-9df4-009123068320");
        assertThat(first.from()).isEqualTo("+12025550121");
        assertThat(first.to()).isEqualTo("+14155550142");
        assertThat(first.segments()).isEqualTo(OptionalInt.of(2));
        assertThat(first.price()).contains(Money.of("0.008", "USD"));
        assertThat(page.items().get(1).direction()).isEqualTo(Direction.INBOUND);
        assertThat(page.items().get(2).errorCode()).contains("40001");
    }

    @Test
    void readsADialledCallByItsCallControlId() {
        telnyx.answerFile(200, "call.json");
        Call call = connector.voice().orElseThrow().get("v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg");

        assertThat(call.id()).isEqualTo("v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg");
        assertThat(call.status()).isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(call.rawStatus()).isEqualTo("alive");
        assertThat(call.duration()).contains(Duration.ZERO);
        assertThat(call.startedAt()).contains(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(call.endedAt()).isEmpty();
    }

    @Test
    void aJustDialledCallIsQueuedThoughTheDialAnswerSaysItIsNotAlive() {
        telnyx.answerFile(200, "call-dialled.json");
        Call call = connector.voice().orElseThrow().place(CallRequest.of(PhoneNumber.parse("+447700900123"),
                PhoneNumber.parse("+12025550121"), CallInstructions.url("https://example.com/call")));

        assertThat(call.id()).isEqualTo("v3:Xq3vH8pD0kR2mY5tN7bW1cZ9aF4gJ6sL0eU2iO8rT5yQ3wE1uP7oA");
        assertThat(call.status()).as("dialling is asynchronous: is_alive is always false on the dial answer")
                .isEqualTo(CallStatus.QUEUED);
        assertThat(call.status().isTerminal()).isFalse();
        assertThat(call.endedAt()).isEmpty();
    }

    @Test
    void aCallThatGetNoLongerReportsAliveHasEnded() {
        telnyx.answerFile(200, "call-ended.json");
        Call call = connector.voice().orElseThrow().get("v3:Xq3vH8pD0kR2mY5tN7bW1cZ9aF4gJ6sL0eU2iO8rT5yQ3wE1uP7oA");

        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.duration()).contains(Duration.ofSeconds(42));
        assertThat(call.endedAt()).contains(Instant.parse("2026-03-01T12:00:42Z"));
    }

    @Test
    void readsCallDetailRecordsWithDurationsCostsAndStatuses() {
        telnyx.answerFile(200, "call-records.json");
        Page<Call> page = connector.voice().orElseThrow().list(CallQuery.all().withStatus(CallStatus.COMPLETED)
                .withTo("+447700900123"), PageRequest.first());

        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("v3:ended-1");
            assertThat(call.from()).isEqualTo("+12025550121");
            assertThat(call.to()).isEqualTo("+447700900123");
            assertThat(call.duration()).contains(Duration.ofSeconds(95));
            assertThat(call.price()).contains(Money.of("0.06", "USD"));
            assertThat(call.endedAt()).contains(Instant.parse("2026-02-27T12:01:35Z"));
        });
    }

    @Test
    void readsNumbersWithCapabilitiesFromTheirAssignments() {
        telnyx.answerFile(200, "phone-numbers.json");
        Page<OwnedNumber> page = connector.numbers().orElseThrow().list(NumberQuery.all(), PageRequest.first());

        OwnedNumber us = page.items().get(0);
        assertThat(us.id()).isEqualTo("1293384261075731499");
        assertThat(us.number()).isEqualTo("+12025550121");
        assertThat(us.capabilities()).containsExactlyInAnyOrder(NumberCapability.VOICE, NumberCapability.SMS,
                NumberCapability.MMS);
        assertThat(us.friendlyName()).contains("front desk");
        assertThat(us.countryIso()).contains("US");
        assertThat(us.rawStatus()).isEqualTo("active");
        assertThat(page.items().get(1).capabilities()).containsExactly(NumberCapability.VOICE);
        assertThat(page.items().get(1).rawStatus()).isEqualTo("port_pending");
    }

    @Test
    void readsRecordingsOfCallsAndConferences() {
        telnyx.answerFile(200, "recordings.json");
        Page<Recording> page = connector.recordings().orElseThrow().list(RecordingQuery.all(), PageRequest.first());

        Recording call = page.items().get(0);
        assertThat(call.callId()).contains("v3:ended-1");
        assertThat(call.duration()).isEqualTo(Duration.ofSeconds(95));
        assertThat(call.mediaUrl()).contains(URI.create("https://example.com/rec.mp3"));
        assertThat(call.createdAt()).contains(Instant.parse("2026-02-27T12:00:01Z"));
        Recording conference = page.items().get(1);
        assertThat(conference.callId()).isEmpty();
        assertThat(conference.conferenceId()).contains("41b9acd4-f4da-4ff5-a85c-e07e90b53f46");
        assertThat(conference.mediaUrl()).contains(URI.create("https://example.com/conf.wav"));
        assertThat(conference.createdAt()).as("falls back to recording_started_at")
                .contains(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @Test
    void readsTheBalanceWithItsSignAndTheAccountWithoutSecrets() {
        telnyx.answerFile(200, "balance.json").answerFile(200, "balance.json");
        TelnyxBalance balance = connector.api().balance();
        assertThat(balance.balance()).contains(Money.of("-12.50", "USD"));
        assertThat(balance.creditLimit()).contains(Money.of("100", "USD"));
        assertThat(balance.availableCredit()).contains(Money.of("87.5", "USD"));
        assertThat(balance.pending()).contains(Money.of("1.25", "USD"));

        var info = connector.accountDetails().orElseThrow().info();
        assertThat(info.vendorAccountId()).isEqualTo("telnyx:default");
        assertThat(info.status()).isEqualTo(AccountStatus.UNKNOWN);
        assertThat(info.balance()).as("money owed is not credit").contains(Money.of("-12.50", "USD"));
        assertThat(info.toString()).doesNotContain(MockTelnyx.API_KEY);
    }

    @Test
    void readsALookupWithCarrierLineTypeAndCallerNameFromOneAnswerOfEachType() {
        telnyx.answerFile(200, "lookup-carrier.json").answerFile(200, "lookup-caller-name.json");
        var lookup = connector.lookup().orElseThrow().lookup(PhoneNumber.parse("+447700900123"),
                Set.of(LookupField.LINE_TYPE, LookupField.CALLER_NAME));

        assertThat(lookup.number()).isEqualTo("+447700900123");
        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.countryIso()).contains("GB");
        assertThat(lookup.nationalFormat()).contains("07700 900123");
        assertThat(lookup.carrier()).contains("Sandbox Telecom GB");
        assertThat(lookup.lineType()).isEqualTo(LineType.MOBILE);
        assertThat(lookup.callerName()).isEqualTo(Optional.of("JANE DOE"));
    }
}
