package io.switchboard.adapters.twilio;

import io.switchboard.domain.Direction;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.AccountStatus;
import io.switchboard.domain.account.UsageQuery;
import io.switchboard.domain.account.UsageRecord;
import io.switchboard.domain.account.UsageTrigger;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.number.LineType;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import io.switchboard.sandbox.twilio.TwilioEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation of the Twilio seed, with its parameters, through the adapter's public API on the emulator. */
class TwilioCatalogOperationsTest {

    private static final PhoneNumber OWNED = TwilioConnectorContractTest.OWNED;
    private static final PhoneNumber UK = PhoneNumber.parse("+447700900123");
    private static final PhoneNumber US = PhoneNumber.parse("+14155550142");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock);
    private final TwilioEmulator emulator = new TwilioEmulator(config);
    private final TwilioConnector connector = TwilioConnector.create(
            TwilioConnectorContractTest.configFor(emulator).build(), MockTwilio.SHARED);

    @AfterEach
    void close() {
        connector.close();
        emulator.close();
    }

    private Message sendSms(PhoneNumber to, String text) {
        return connector.messaging().orElseThrow().send(MessageRequest.sms(to, OWNED, text));
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_send_sms")
    void sendsAnSmsOrMmsWithMediaAndStatusCallback() {
        Message sms = sendSms(UK, "Hello from Twilio!");
        Message mms = connector.messaging().orElseThrow().send(MessageRequest.builder().to(US).from(OWNED)
                .text("with a picture").media(URI.create("https://example.com/cat.png"))
                .statusCallback(URI.create("https://example.com/status")).build());

        assertThat(sms.id()).matches("SM[0-9a-f]{32}");
        assertThat(sms.rawStatus()).isEqualTo("queued");
        assertThat(mms.id()).startsWith("MM");
        assertThat(mms.channel()).isEqualTo(Channel.MMS);
        assertThat(config.ledger().acceptances(UK.e164(), "Hello from Twilio!")).isEqualTo(1);
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_get_message")
    void getsAMessageBySidWithItsPrice() {
        Message sent = sendSms(UK, "fetch me");
        Message fetched = connector.messaging().orElseThrow().get(sent.id());

        assertThat(fetched.text()).isEqualTo("fetch me");
        assertThat(fetched.rawStatus()).isEqualTo("sent");
        assertThat(fetched.price()).contains(io.switchboard.domain.Money.of("0.0463", "USD"));
        assertThat(fetched.sentAt()).contains(clock.instant());
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_list_messages")
    void listsMessagesByToFromAndDateSentUpToALimit() {
        for (int i = 0; i < 5; i++) {
            sendSms(US, "to list " + i);
        }
        sendSms(UK, "not this one");

        List<Message> listed = connector.api().listMessages(MessageQuery.all().withTo(US.e164())
                .withFrom(OWNED.e164()), LocalDate.parse("2026-03-10"), 4, 2);
        List<Message> otherDay = connector.api().listMessages(MessageQuery.all(), LocalDate.parse("2026-03-09"),
                10, 50);

        assertThat(listed).hasSize(4).allSatisfy(m -> assertThat(m.to()).isEqualTo(US.e164()))
                .extracting(Message::text).containsExactly("to list 4", "to list 3", "to list 2", "to list 1");
        assertThat(otherDay).isEmpty();
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_make_call")
    void placesACallWithAUrlOrInlineTwimlAndAStatusCallback() {
        var voice = connector.voice().orElseThrow();
        Call byUrl = voice.place(CallRequest.of(UK, OWNED, CallInstructions.url("https://example.com/answer.xml"))
                .withStatusCallback(URI.create("https://example.com/call-status")));
        Call byTwiml = voice.place(CallRequest.of(US, OWNED,
                CallInstructions.markup("<Response><Say>Hello from Twilio!</Say></Response>")));

        assertThat(byUrl.id()).matches("CA[0-9a-f]{32}");
        assertThat(byUrl.status()).isEqualTo(CallStatus.QUEUED);
        assertThat(byTwiml.id()).isNotEqualTo(byUrl.id());
        assertThat(config.ledger().calls()).hasSize(2);
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_get_call")
    void getsACallWithDurationAndPriceOnceCompleted() {
        var voice = connector.voice().orElseThrow();
        Call placed = voice.place(CallRequest.of(UK, OWNED, CallInstructions.url("https://example.com/a.xml")));
        emulator.completeCall(placed.id(), java.time.Duration.ofSeconds(125));

        Call fetched = voice.get(placed.id());

        assertThat(fetched.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(fetched.duration()).contains(java.time.Duration.ofSeconds(125));
        assertThat(fetched.price()).contains(io.switchboard.domain.Money.of("0.12", "USD"));
        assertThat(fetched.direction()).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_list_calls")
    void listsCallsByToFromAndStatusUpToALimit() {
        var voice = connector.voice().orElseThrow();
        voice.place(CallRequest.of(UK, OWNED, CallInstructions.url("https://example.com/a.xml")));

        List<Call> completed = Pages.collect(page -> voice.list(CallQuery.all().withStatus(CallStatus.COMPLETED)
                .withFrom(OWNED.e164()), page), 10, 1);
        List<Call> queuedToUk = Pages.collect(page -> voice.list(CallQuery.all().withTo(UK.e164())
                .withStatus(CallStatus.QUEUED), page), 10, 50);

        assertThat(completed).hasSize(2).allSatisfy(c -> assertThat(c.status()).isEqualTo(CallStatus.COMPLETED));
        assertThat(queuedToUk).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo(UK.e164()));
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_list_phone_numbers")
    void listsTheAccountsNumbersWithCapabilitiesUpToALimit() {
        var numbers = connector.numbers().orElseThrow();
        List<OwnedNumber> all = Pages.collect(page -> numbers.list(NumberQuery.all(), page), 100, 2);
        List<OwnedNumber> three = Pages.collect(page -> numbers.list(NumberQuery.all(), page), 3, 2);

        assertThat(all).hasSize(6);
        assertThat(three).hasSize(3);
        assertThat(all.get(0).capabilities()).containsExactlyInAnyOrder(NumberCapability.VOICE, NumberCapability.SMS,
                NumberCapability.MMS);
        assertThat(all).extracting(OwnedNumber::friendlyName).contains(Optional.of("(202) 555-0101"));
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_get_phone_number")
    void getsANumberBySid() {
        var numbers = connector.numbers().orElseThrow();
        OwnedNumber first = numbers.list(NumberQuery.all(), PageRequest.first()).items().get(0);

        assertThat(first.id()).matches("PN[0-9a-f]{32}");
        assertThat(numbers.get(first.id())).isEqualTo(first);
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_lookup_phone")
    void looksUpANumberWithTheRequestedFields() {
        TwilioNumberLookup lookup = connector.api().lookup(UK,
                TwilioLookupField.parseList("line_type_intelligence,caller_name"));
        TwilioNumberLookup plain = connector.api().lookup(US, TwilioLookupField.parseList(""));

        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.countryIso()).contains("GB");
        assertThat(lookup.lineTypeIntelligence()).hasValueSatisfying(t -> assertThat(t.type()).isEqualTo(LineType.MOBILE));
        assertThat(lookup.callerName()).hasValueSatisfying(c -> assertThat(c.errorCode()).contains("60600"));
        assertThat(plain.lineTypeIntelligence()).isEmpty();
        assertThat(plain.nationalFormat()).contains("(415) 555-0142");
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_create_usage_trigger")
    void createsARecurringUsageTrigger() {
        sendSms(UK, "counted");
        UsageTrigger trigger = connector.api().createUsageTrigger(UsageTriggerRequest.of("sms", "50.00",
                URI.create("https://example.com/twilio/callback")).withRecurring("monthly"));

        assertThat(trigger.id()).matches("UT[0-9a-f]{32}");
        assertThat(trigger.account()).isEqualTo(connector.account());
        assertThat(trigger.recurring()).isEqualTo("monthly");
        assertThat(trigger.triggerValue()).isEqualTo("50.00");
        assertThat(trigger.currentValue()).contains("1");
        assertThatThrownBy(() -> UsageTriggerRequest.of("sms", "fifty", URI.create("https://example.com/")))
                .hasMessageContaining("triggerValue");
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_list_usage_records")
    void listsUsageRecordsByCategoryAndDatesUpToALimit() {
        sendSms(UK, "one");
        sendSms(UK, "two");
        var usage = connector.usage().orElseThrow();

        List<UsageRecord> march = Pages.collect(page -> usage.list(new UsageQuery(Optional.of("sms"),
                Optional.of(LocalDate.parse("2026-03-01")), Optional.of(LocalDate.parse("2026-03-31"))), page), 10, 50);
        List<UsageRecord> limited = Pages.collect(page -> usage.list(UsageQuery.all(), page), 2, 50);

        assertThat(march).singleElement().satisfies(r -> {
            assertThat(r.count()).isEqualByComparingTo("2");
            assertThat(r.price()).contains(io.switchboard.domain.Money.of("0.0926", "USD"));
        });
        assertThat(limited).hasSize(2);
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_send_whatsapp")
    void sendsWhatsAppWithThePrefixOnBothNumbersAndMedia() {
        Message sent = connector.api().sendWhatsApp(UK, OWNED, "Hello via WhatsApp!",
                List.of(URI.create("https://example.com/menu.pdf")));

        assertThat(sent.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(sent.to()).isEqualTo(UK.e164());
        var entry = config.ledger().find("twilio", sent.id()).orElseThrow();
        assertThat(entry.to()).isEqualTo("whatsapp:" + UK.e164());
        assertThat(entry.from()).isEqualTo("whatsapp:" + OWNED.e164());
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_get_account")
    void getsTheOwnAccountOrASubaccount() {
        AccountInfo own = connector.accountDetails().orElseThrow().info();
        AccountInfo sub = connector.api().account(TwilioEmulator.SUBACCOUNT_SID);

        assertThat(own.vendorAccountId()).isEqualTo(TwilioEmulator.ACCOUNT_SID);
        assertThat(own.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(own.type()).contains("Full");
        assertThat(own.toString()).doesNotContain(TwilioEmulator.AUTH_TOKEN);
        assertThat(sub.vendorAccountId()).isEqualTo(TwilioEmulator.SUBACCOUNT_SID);
        assertThat(sub.name()).contains("Switchboard sandbox subaccount");
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_list_recordings")
    void listsRecordingsByCallAndDateUpToALimit() {
        var recordings = connector.recordings().orElseThrow();
        List<Recording> all = Pages.collect(page -> recordings.list(RecordingQuery.all(), page), 10, 50);
        String callId = all.get(all.size() - 1).callId().orElseThrow();

        List<Recording> ofCall = Pages.collect(page -> recordings.list(RecordingQuery.forCall(callId), page), 10, 1);
        List<Recording> yesterday = Pages.collect(page -> recordings.list(new RecordingQuery(Optional.empty(),
                Optional.empty(), Optional.of(LocalDate.parse("2026-03-09"))), page), 1, 50);

        assertThat(all).hasSize(3);
        assertThat(ofCall).hasSize(2).allSatisfy(r -> assertThat(r.callId()).contains(callId));
        assertThat(yesterday).hasSize(1);
    }

    @Test
    @CatalogOperation("twilio.lua.twilio_delete_recording")
    void deletesARecording() {
        var recordings = connector.recordings().orElseThrow();
        Recording first = recordings.list(RecordingQuery.all(), PageRequest.first()).items().get(0);

        recordings.delete(first.id());

        assertThat(recordings.list(RecordingQuery.all(), PageRequest.first()).items()).extracting(Recording::id)
                .doesNotContain(first.id());
    }
}
