package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Money;
import io.switchboard.domain.Page;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.recording.Recording;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the Telnyx seed ({@code telnyx-lua-reference.txt}) with every one of its parameters, through
 * the adapter's typed API against the emulator.
 */
class TelnyxCatalogOperationsTest {

    private static final String FROM = "+12025550121";
    private static final PhoneNumber US = PhoneNumber.parse("+14155550142");
    private static final PhoneNumber GB = PhoneNumber.parse("+447700900123");

    private final TelnyxEmulator emulator = new TelnyxEmulator(EmulatorConfig.ofDefaults());
    private final TelnyxConnector connector = TelnyxConnector.create(
            TelnyxConnectorContractTest.config(emulator).readTimeout(Duration.ofSeconds(5)).build(),
            MockTelnyx.SHARED);
    private final TelnyxApi api = connector.api();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    @CatalogOperation("telnyx.lua.list_phone_numbers")
    void listsPhoneNumbersByPageWithTheNumberAndStatusFilters() {
        TelnyxFilters.Numbers filter = TelnyxFilters.Numbers.all().withPhoneNumber("+1202555").withStatus("active");
        Page<OwnedNumber> first = api.listPhoneNumbers(filter, TelnyxApi.page(1, 1));
        assertThat(first.items()).singleElement().satisfies(n -> assertThat(n.number()).startsWith("+1202555"));
        assertThat(first.nextCursor()).contains("2");
        Page<OwnedNumber> second = api.listPhoneNumbers(filter, TelnyxApi.page(2, 1));
        assertThat(second.items()).hasSize(1);
        assertThat(second.hasNext()).isFalse();

        emulator.setNumberStatus("+13125550123", "port_pending");
        assertThat(api.listPhoneNumbers(TelnyxFilters.Numbers.all().withStatus("port_pending"),
                TelnyxApi.page(1, 250)).items()).extracting(OwnedNumber::number).containsExactly("+13125550123");
    }

    @Test
    @CatalogOperation("telnyx.lua.get_phone_number")
    void getsAPhoneNumberByItsTelnyxId() {
        OwnedNumber number = api.phoneNumber(emulator.phoneNumberId(FROM));
        assertThat(number.number()).isEqualTo(FROM);
        assertThat(number.rawStatus()).isEqualTo("active");
        assertThat(number.countryIso()).contains("US");
    }

    @Test
    @CatalogOperation("telnyx.lua.send_sms")
    void sendsAnSmsAndAnMmsWithSubjectAndMedia() {
        Message sms = api.sendSms(TelnyxSendRequest.sms(FROM, GB, "Hello from Telnyx!"));
        assertThat(sms.id()).isNotBlank();
        assertThat(sms.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(sms.rawStatus()).isEqualTo("queued");
        assertThat(sms.segments()).isEqualTo(OptionalInt.of(1));
        assertThat(sms.price()).contains(Money.of("0.045", "USD"));

        Message mms = api.sendSms(TelnyxSendRequest.mms(FROM, US, "A picture", "Look",
                List.of(URI.create("https://example.com/cat.png"))));
        assertThat(mms.channel()).isEqualTo(Channel.MMS);
        assertThat(mms.price()).contains(Money.of("0.015", "USD"));
        assertThat(emulator.ledger().find("telnyx", mms.id())).hasValueSatisfying(e ->
                assertThat(e.channel()).isEqualTo("mms"));
    }

    @Test
    @CatalogOperation("telnyx.lua.list_messages")
    void listsMessagesByDirectionSourceDestinationAndStatus() {
        String delivered = api.sendSms(TelnyxSendRequest.sms(FROM, US, "one")).id();
        api.sendSms(TelnyxSendRequest.sms(FROM, US, "two"));
        api.sendSms(TelnyxSendRequest.sms(FROM, GB, "three"));
        emulator.setMessageStatus(delivered, "delivered");
        emulator.receiveMessage(US.e164(), FROM, "reply");

        TelnyxFilters.Messages outbound = TelnyxFilters.Messages.all().withDirection("outbound").withSource(FROM)
                .withDestination(US.e164());
        Page<Message> first = api.listMessages(outbound, TelnyxApi.page(1, 1));
        assertThat(first.items()).hasSize(1);
        assertThat(first.nextCursor()).contains("2");
        assertThat(api.listMessages(outbound, TelnyxApi.page(2, 1)).hasNext()).isFalse();

        assertThat(api.listMessages(outbound.withStatus("delivered"), TelnyxApi.page(1, 50)).items())
                .extracting(Message::id).containsExactly(delivered);
        assertThat(api.listMessages(TelnyxFilters.Messages.all().withDirection("inbound"), TelnyxApi.page(1, 50))
                .items()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.RECEIVED));
    }

    @Test
    @CatalogOperation("telnyx.lua.list_calls")
    void listsCallsByStatusAndPage() {
        Call live = connector.voice().orElseThrow().place(CallRequest.of(GB, PhoneNumber.parse(FROM),
                CallInstructions.url("https://example.com/hook")));
        emulator.endCall(live.id(), "completed", 30);

        Page<Call> completed = api.listCalls(TelnyxFilters.Calls.withStatus("completed"), TelnyxApi.page(1, 1));
        assertThat(completed.items()).singleElement().satisfies(c -> assertThat(c.status())
                .isEqualTo(CallStatus.COMPLETED));
        assertThat(completed.nextCursor()).contains("2");
        assertThat(api.listCalls(TelnyxFilters.Calls.withStatus("completed"), TelnyxApi.page(2, 1)).hasNext())
                .isFalse();
        assertThat(api.listCalls(TelnyxFilters.Calls.withStatus("no-answer"), TelnyxApi.page(1, 20)).items())
                .extracting(Call::status).containsExactly(CallStatus.NO_ANSWER);
    }

    @Test
    @CatalogOperation("telnyx.lua.get_call")
    void getsACallByItsSessionWhetherEndedOrLive() {
        Call ended = api.callBySession(emulator.seeded().completedCallSessionId());
        assertThat(ended.id()).isEqualTo(emulator.seeded().completedCallControlId());
        assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(ended.duration()).contains(Duration.ofSeconds(95));

        Call placed = connector.voice().orElseThrow().place(CallRequest.of(US, PhoneNumber.parse(FROM),
                CallInstructions.url("https://example.com/hook")));
        Call live = api.callBySession(emulator.callSessionOf(placed.id()));
        assertThat(live.id()).isEqualTo(placed.id());
        assertThat(live.status()).isEqualTo(CallStatus.IN_PROGRESS);
    }

    @Test
    @CatalogOperation("telnyx.lua.list_call_records")
    void listsRecordingsByCallSessionOrConferenceByPage() {
        TelnyxEmulator.Seeded seeded = emulator.seeded();
        TelnyxFilters.Recordings ofSession = TelnyxFilters.Recordings.all()
                .withCallSessionId(seeded.completedCallSessionId());
        Page<Recording> first = api.listCallRecordings(ofSession, TelnyxApi.page(1, 1));
        assertThat(first.items()).singleElement().satisfies(r -> {
            assertThat(r.callId()).contains(seeded.completedCallControlId());
            assertThat(r.mediaUrl()).isPresent();
        });
        assertThat(first.nextCursor()).contains("2");
        assertThat(api.listCallRecordings(ofSession, TelnyxApi.page(2, 1)).hasNext()).isFalse();

        assertThat(api.listCallRecordings(TelnyxFilters.Recordings.all().withConferenceId(seeded.conferenceId()),
                TelnyxApi.page(1, 20)).items()).singleElement()
                .satisfies(r -> assertThat(r.duration()).isEqualTo(Duration.ofSeconds(60)));

        Recording one = first.items().get(0);
        assertThat(api.recording(one.id()).id()).isEqualTo(one.id());
        api.deleteRecording(one.id());
        assertThat(emulator.recordingCount()).isEqualTo(2);
    }

    @Test
    void reportsTheBalanceDebitedByWhatWasSent() {
        api.sendSms(TelnyxSendRequest.sms(FROM, GB, "costs 0.045"));
        TelnyxBalance balance = api.balance();
        assertThat(balance.balance()).contains(Money.of("99.955", "USD"));
        assertThat(balance.availableCredit()).contains(Money.of("99.955", "USD"));
    }
}
