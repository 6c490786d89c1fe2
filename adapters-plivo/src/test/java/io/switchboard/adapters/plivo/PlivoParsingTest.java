package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.account.PlivoAccountDetails;
import io.switchboard.adapters.plivo.application.PlivoApplication;
import io.switchboard.adapters.plivo.message.PlivoMessageFilter;
import io.switchboard.adapters.plivo.number.PlivoNumber;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Money;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.AccountStatus;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Example answers written from Plivo's public API reference (test resources under plivo/), parsed end to end. */
class PlivoParsingTest {

    private final MockPlivo plivo = new MockPlivo();

    @AfterEach
    void stop() {
        plivo.close();
    }

    @Test
    void aMessageKeepsItsRawStateUnitsPriceAndTime() {
        plivo.enqueueResource(200, "message.json");
        Message m = plivo.connector.messaging().orElseThrow().get("db3ce55a-7f1d-11e1-8ea7-1231380bc196");
        assertThat(m.from()).isEqualTo("+14155552671");
        assertThat(m.to()).isEqualTo("+447700900123");
        assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(m.rawStatus()).isEqualTo("delivered");
        assertThat(m.segments()).hasValue(2);
        assertThat(m.price()).contains(Money.of("0.08", "USD"));
        assertThat(m.createdAt()).contains(Instant.parse("2017-05-22T16:06:14Z"));
        assertThat(m.sentAt()).as("message_sent_time").contains(Instant.parse("2017-05-22T16:06:15.482113Z"));
        assertThat(m.channel()).isEqualTo(Channel.SMS);
        assertThat(m.errorCode()).isEmpty();
    }

    @Test
    void anUnknownStateIsUnknownAndKeptRawAndFractionsOfSecondsParse() {
        plivo.enqueueResource(200, "message-list-page1.json");
        List<Message> page = plivo.api().messages().list(PlivoMessageFilter.all(), PlivoPaging.of(2, 0)).items();
        assertThat(page.get(0).errorCode()).contains("30");
        assertThat(page.get(0).createdAt()).contains(Instant.parse("2024-03-01T10:00:00.123456Z"));
        assertThat(page.get(1).status()).isEqualTo(MessageStatus.UNKNOWN);
        assertThat(page.get(1).rawStatus()).isEqualTo("sideways");
        assertThat(page.get(1).direction()).isEqualTo(Direction.INBOUND);
        assertThat(page.get(1).channel()).isEqualTo(Channel.MMS);
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "sent,SENT", "delivered,DELIVERED", "undelivered,UNDELIVERED", "failed,FAILED",
            "rejected,REJECTED", "received,RECEIVED", "read,DELIVERED", "brand-new,UNKNOWN"})
    void messageStatesMapToUnifiedStatuses(String raw, MessageStatus expected) {
        assertThat(PlivoMapper.messageStatus(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "ringing,RINGING", "in-progress,IN_PROGRESS", "completed,COMPLETED",
            "ANSWER,COMPLETED", "BUSY,BUSY", "NO_ANSWER,NO_ANSWER", "timeout,NO_ANSWER", "no-answer,NO_ANSWER",
            "FAILED,FAILED", "CANCEL,CANCELED", "EXPIRED,UNKNOWN"})
    void callStatesMapToUnifiedStatuses(String raw, CallStatus expected) {
        assertThat(PlivoMapper.callStatus(raw)).isEqualTo(expected);
    }

    @Test
    void aCallRecordGivesDurationPriceAndTimes() {
        plivo.enqueueResource(200, "call.json");
        Call call = plivo.connector.voice().orElseThrow().get("34a17f97-b594-4018-9615-75b11f427b32");
        assertThat(call.from()).isEqualTo("+14155552671");
        assertThat(call.to()).isEqualTo("+447700900123");
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.rawStatus()).isEqualTo("ANSWER");
        assertThat(call.duration()).contains(Duration.ofSeconds(4));
        assertThat(call.price()).contains(Money.of("0.0068", "USD"));
        assertThat(call.startedAt()).contains(Instant.parse("2020-12-05T12:32:26Z"));
        assertThat(call.endedAt()).contains(Instant.parse("2020-12-05T12:32:36Z"));
    }

    @Test
    void callRecordsWithoutAStateTakeTheirStatusFromHowTheyEnded() {
        plivo.enqueueResource(200, "call-records.json");
        List<Call> calls = plivo.connector.voice().orElseThrow().list(CallQuery.all(), PageRequest.first()).items();

        assertThat(calls).extracting(Call::status).containsExactly(CallStatus.COMPLETED, CallStatus.BUSY,
                CallStatus.NO_ANSWER, CallStatus.CANCELED, CallStatus.FAILED, CallStatus.COMPLETED);
        assertThat(calls).extracting(Call::rawStatus).containsExactly("Normal Hangup", "Busy Line", "No Answer",
                "Canceled", "Destination Out Of Service", "End Of XML Instructions");
        assertThat(calls).allSatisfy(c -> assertThat(c.status().isTerminal()).isTrue());
        assertThat(calls.get(0).duration()).contains(Duration.ofSeconds(95));
        assertThat(calls.get(5).direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void listingCompletedCallsFindsTheAnsweredRecordsThatStateNoStatus() {
        plivo.enqueueResource(200, "call-records.json");
        List<Call> completed = plivo.connector.voice().orElseThrow()
                .list(CallQuery.all().withStatus(CallStatus.COMPLETED), PageRequest.first()).items();

        assertThat(completed).extracting(Call::id).containsExactly("0c7e5b52-7a2f-4d8e-9b7a-1f3c2d4e5a01",
                "0c7e5b52-7a2f-4d8e-9b7a-1f3c2d4e5a06");
    }

    @Test
    void numbersBecomeE164WithCapabilitiesAndTheirApplication() {
        plivo.enqueueResource(200, "number-list.json");
        OwnedNumber owned = plivo.connector.numbers().orElseThrow().list(NumberQuery.all(), PageRequest.first())
                .items().get(0);
        assertThat(owned.id()).isEqualTo("14155552671");
        assertThat(owned.number()).isEqualTo("+14155552671");
        assertThat(owned.capabilities()).containsExactlyInAnyOrder(NumberCapability.VOICE, NumberCapability.SMS);
        assertThat(owned.countryIso()).contains("US");
        assertThat(owned.friendlyName()).contains("support line");

        plivo.enqueueResource(200, "number-list.json");
        PlivoNumber number = plivo.api().numbers().list(PlivoNumberFilter.all(), PlivoPaging.of(1, 0)).items().get(0);
        assertThat(number.applicationId()).contains("29986316244302815");
        assertThat(number.monthlyRentalRate()).contains(Money.of("0.8", "USD"));
        assertThat(number.numberType()).contains("local");
    }

    @Test
    void applicationsAndTheAccountParse() {
        plivo.enqueueResource(200, "application-list.json");
        PlivoApplication app = plivo.api().applications().list(PlivoPaging.of(5, 0)).items().get(0);
        assertThat(app.appId()).isEqualTo("20372631212782780");
        assertThat(app.appName()).isEqualTo("Support IVR");
        assertThat(app.answerUrl()).contains("https://example.com/answer/");
        assertThat(app.messageUrl()).contains("https://example.com/message/");

        plivo.enqueueResource(200, "account.json");
        AccountInfo info = plivo.connector.accountDetails().orElseThrow().info();
        assertThat(info.vendorAccountId()).isEqualTo("MAXXXXXXXXXXXXXXXXXX");
        assertThat(info.balance()).contains(Money.of("23.4569", "USD"));
        assertThat(info.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(info.type()).contains("standard");

        plivo.enqueueResource(200, "account.json");
        PlivoAccountDetails account = plivo.api().accounts().get();
        assertThat(account.billingMode()).contains("prepaid");
        assertThat(account.timezone()).contains("America/New_York");
    }

    @Test
    void smsPricingNeverUnderQuotesAcrossNetworks() {
        plivo.enqueueResource(200, "pricing-gb.json");
        List<RateDeck.Entry> sms = plivo.connector.pricing().orElseThrow().rates("GB", Product.SMS);
        assertThat(sms).singleElement().satisfies(e -> {
            assertThat(e.prefix()).isEqualTo("44");
            assertThat(e.rate().price()).isEqualTo(Money.of("0.045", "USD"));
            assertThat(e.rate().unit()).isEqualTo(RateUnit.SEGMENT);
        });
    }

    @Test
    void voicePricingIsByPrefixTakingTheHighestOriginationRow() {
        plivo.enqueueResource(200, "pricing-gb.json");
        List<RateDeck.Entry> voice = plivo.connector.pricing().orElseThrow().rates("GB", Product.VOICE);
        assertThat(voice).extracting(RateDeck.Entry::prefix).containsExactly("44", "447", "4420");
        RateDeck deck = RateDeck.of(voice);
        assertThat(deck.match("447700900123").orElseThrow().rate().price()).isEqualTo(Money.of("0.03", "USD"));
        assertThat(deck.match("442071234567").orElseThrow().rate().price()).isEqualTo(Money.of("0.025", "USD"));
        assertThat(deck.match("441134960000").orElseThrow().rate().unit()).isEqualTo(RateUnit.MINUTE);
    }

    @Test
    void recordingsParseTheirDurationAndMedia() {
        plivo.enqueueResource(200, "recording-list.json");
        Recording r = plivo.connector.recordings().orElseThrow().list(RecordingQuery.all(), PageRequest.first())
                .items().get(0);
        assertThat(r.id()).isEqualTo("c2186400-1c8c-11e4-a664-0026b945b52x");
        assertThat(r.callId()).contains("34a17f97-b594-4018-9615-75b11f427b32");
        assertThat(r.conferenceId()).isEmpty();
        assertThat(r.duration()).isEqualTo(Duration.ofMillis(345_100));
        assertThat(r.mediaUrl()).isPresent();
        assertThat(r.createdAt()).contains(Instant.parse("2024-03-01T10:01:00.533002Z"));
        assertThat(r.rawStatus()).as("a Plivo recording has no status; recording_format is not one").isEmpty();
    }

    @Test
    void oddValuesNeverBreakParsing() {
        assertThat(PlivoMapper.time("yesterday")).isEmpty();
        assertThat(PlivoMapper.time("2024-03-01 10:00:00")).contains(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(PlivoMapper.money("-0.0050")).contains(Money.of("0.005", "USD"));
        assertThat(PlivoMapper.money("n/a")).isEqualTo(Optional.empty());
        assertThat(PlivoMapper.e164("ACME")).isEqualTo("ACME");
        assertThat(PlivoMapper.e164(null)).isEmpty();
    }
}
