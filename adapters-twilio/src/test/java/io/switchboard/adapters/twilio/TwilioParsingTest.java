package io.switchboard.adapters.twilio;

import com.squareup.moshi.Moshi;
import io.switchboard.adapters.twilio.TwilioDtos.AccountDto;
import io.switchboard.adapters.twilio.TwilioDtos.CallDto;
import io.switchboard.adapters.twilio.TwilioDtos.ErrorDto;
import io.switchboard.adapters.twilio.TwilioDtos.LookupDto;
import io.switchboard.adapters.twilio.TwilioDtos.MessageDto;
import io.switchboard.adapters.twilio.TwilioDtos.MessagePage;
import io.switchboard.adapters.twilio.TwilioDtos.NumberPage;
import io.switchboard.adapters.twilio.TwilioDtos.RecordingPage;
import io.switchboard.adapters.twilio.TwilioDtos.UsageRecordPage;
import io.switchboard.adapters.twilio.TwilioDtos.UsageTriggerDto;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Money;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.AccountStatus;
import io.switchboard.domain.account.UsageRecord;
import io.switchboard.domain.account.UsageTrigger;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.LineType;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.recording.Recording;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Example responses written from Twilio's public API reference, read into domain values. */
class TwilioParsingTest {

    private final Moshi moshi = new Moshi.Builder().build();
    private final TwilioMapper mapper = new TwilioMapper(MockTwilio.ACCOUNT);

    private <T> T read(Class<T> type, String payload) throws IOException {
        return moshi.adapter(type).fromJson(MockTwilio.resource(payload));
    }

    @Test
    void readsAMessageWithRfc2822DatesAndANegativePriceAsAPositiveCharge() throws IOException {
        Message m = mapper.message(read(MessageDto.class, "message.json"));

        assertThat(m.id()).isEqualTo("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(m.channel()).isEqualTo(Channel.SMS);
        assertThat(m.from()).isEqualTo("+14155552345");
        assertThat(m.to()).isEqualTo("+14155552346");
        assertThat(m.text()).isEqualTo("Hello from Switchboard");
        assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(m.rawStatus()).isEqualTo("delivered");
        assertThat(m.segments()).hasValue(2);
        assertThat(m.price()).contains(Money.of("0.0075", "USD"));
        assertThat(m.createdAt()).contains(Instant.parse("2015-07-30T20:12:31Z"));
        assertThat(m.sentAt()).contains(Instant.parse("2015-07-30T20:12:33Z"));
        assertThat(m.errorCode()).isEmpty();
    }

    @Test
    void readsAFailedWhatsAppMessageWithoutPriceAndStripsThePrefix() throws IOException {
        Message m = mapper.message(read(MessageDto.class, "message-whatsapp-failed.json"));

        assertThat(m.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(m.from()).isEqualTo("+14155238886");
        assertThat(m.to()).isEqualTo("+447700900123");
        assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(m.price()).isEmpty();
        assertThat(m.sentAt()).isEmpty();
        assertThat(m.errorCode()).contains("63016");
        assertThat(m.errorMessage()).hasValueSatisfying(text -> assertThat(text).contains("outside the allowed window"));
    }

    @Test
    void readsAMessagePageWhoseCountsAndPricesAreNumbersOrStrings() throws IOException {
        MessagePage page = read(MessagePage.class, "messages-page.json");
        List<Message> messages = page.items().stream().map(mapper::message).toList();

        assertThat(page.nextPageUri()).endsWith("PageToken=PASM22222222222222222222222222222222");
        assertThat(messages.get(0).segments()).hasValue(1);
        assertThat(messages.get(0).price()).contains(Money.of("0.0079", "USD"));
        assertThat(messages.get(1).direction()).isEqualTo(Direction.INBOUND);
        assertThat(messages.get(1).status()).isEqualTo(MessageStatus.UNKNOWN);
    }

    @Test
    void readsACall() throws IOException {
        Call c = mapper.call(read(CallDto.class, "call.json"));

        assertThat(c.id()).isEqualTo("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(c.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(c.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(c.duration()).contains(Duration.ofSeconds(42));
        assertThat(c.price()).contains(Money.of("0.03", "USD"));
        assertThat(c.startedAt()).contains(Instant.parse("2010-08-31T20:36:28Z"));
        assertThat(c.endedAt()).contains(Instant.parse("2010-08-31T20:37:10Z"));
    }

    @Test
    void readsNumberCapabilitiesWhateverTheCaseOfTheirKeys() throws IOException {
        List<OwnedNumber> numbers = read(NumberPage.class, "incoming-numbers-page.json").items().stream()
                .map(mapper::number).toList();

        assertThat(numbers.get(0).capabilities()).containsExactlyInAnyOrder(NumberCapability.VOICE, NumberCapability.MMS);
        assertThat(numbers.get(0).friendlyName()).contains("(808) 925-5327");
        assertThat(numbers.get(1).capabilities()).containsExactlyInAnyOrder(NumberCapability.VOICE, NumberCapability.SMS);
        assertThat(numbers.get(1).number()).isEqualTo("+447700900105");
        assertThat(numbers.get(1).rawStatus()).isEqualTo("in-use");
    }

    @Test
    void readsTheAccountAndNeverKeepsItsAuthToken() throws IOException {
        AccountInfo info = mapper.accountInfo(read(AccountDto.class, "account.json"));

        assertThat(info.vendorAccountId()).isEqualTo("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(info.name()).contains("Switchboard production");
        assertThat(info.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(info.type()).contains("Full");
        assertThat(info.toString()).doesNotContain("0123456789abcdef0123456789abcdef");
        assertThat(AccountDto.class.getRecordComponents()).extracting(c -> c.getName()).doesNotContain("authToken");
    }

    @Test
    void readsAUsageTrigger() throws IOException {
        UsageTrigger t = mapper.usageTrigger(read(UsageTriggerDto.class, "usage-trigger.json"));

        assertThat(t.id()).isEqualTo("UTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(t.usageCategory()).isEqualTo("sms");
        assertThat(t.triggerValue()).isEqualTo("50.00");
        assertThat(t.triggerBy()).isEqualTo("price");
        assertThat(t.recurring()).isEqualTo("monthly");
        assertThat(t.callbackUrl()).isEqualTo(URI.create("https://example.com/twilio/callback"));
        assertThat(t.currentValue()).contains("12.34");
        assertThat(t.friendlyName()).contains("sms over 50");
    }

    @Test
    void readsUsageRecordsWhosePricesAreStringsOrNumbers() throws IOException {
        List<UsageRecord> records = read(UsageRecordPage.class, "usage-records-page.json").items().stream()
                .map(mapper::usageRecord).toList();

        assertThat(records.get(0).category()).isEqualTo("sms");
        assertThat(records.get(0).count()).isEqualByComparingTo("1217");
        assertThat(records.get(0).price()).contains(Money.of("9.6143", "USD"));
        assertThat(records.get(0).startDate()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(records.get(0).endDate()).isEqualTo(LocalDate.parse("2026-01-31"));
        assertThat(records.get(1).usage()).isEqualByComparingTo(new BigDecimal("1200"));
        assertThat(records.get(1).price()).contains(Money.of("9.48", "USD"));
    }

    @Test
    void readsARecording() throws IOException {
        Recording r = mapper.recording(read(RecordingPage.class, "recordings-page.json").items().get(0));

        assertThat(r.id()).isEqualTo("REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(r.callId()).contains("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(r.conferenceId()).isEmpty();
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(r.rawStatus()).isEqualTo("completed");
        assertThat(r.mediaUrl()).hasValueSatisfying(u -> assertThat(u.toString()).endsWith("/Recordings/REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        assertThat(r.createdAt()).contains(Instant.parse("2016-10-14T21:56:34Z"));
        assertThat(r.price()).contains(Money.of("0.0025", "USD"));
    }

    @Test
    void readsALookupWithLineTypeCallerNameAndOtherPackages() throws IOException {
        TwilioNumberLookup lookup = mapper.lookup(read(LookupDto.class, "lookup.json"));

        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.countryIso()).contains("GB");
        assertThat(lookup.callingCountryCode()).contains("44");
        assertThat(lookup.nationalFormat()).contains("07700 900123");
        assertThat(lookup.lineTypeIntelligence()).hasValueSatisfying(t -> {
            assertThat(t.type()).isEqualTo(LineType.NON_FIXED_VOIP);
            assertThat(t.rawType()).isEqualTo("nonFixedVoip");
            assertThat(t.carrierName()).contains("Vodafone UK");
            assertThat(t.mobileNetworkCode()).contains("15");
        });
        assertThat(lookup.callerName()).hasValueSatisfying(c -> assertThat(c.name()).contains("SWITCHBOARD LTD"));
        assertThat(lookup.otherFields()).containsOnlyKeys("sim_swap");
        assertThat(lookup.toNumberLookup().carrier()).contains("Vodafone UK");
        assertThat(lookup.toNumberLookup().callerName()).contains("SWITCHBOARD LTD");
    }

    @Test
    void readsTwiliosErrorBody() throws IOException {
        ErrorDto error = read(ErrorDto.class, "error-21211.json");
        assertThat(error.code()).isEqualTo("21211");
        assertThat(error.status()).isEqualTo("400");
        assertThat(TwilioErrors.fieldOf(null, error.message())).contains("to");
    }

    @Test
    void readsUnknownEnumsAndOddScalarsWithoutThrowing() throws IOException {
        MessageDto odd = moshi.adapter(MessageDto.class).fromJson("{\"sid\": \"SM1\", \"status\": \"quantum\","
                + " \"direction\": \"sideways\", \"num_segments\": \"many\", \"price\": \"free\", \"price_unit\": \"XXX1\","
                + " \"date_created\": \"yesterday\", \"error_code\": 0}");
        Message m = mapper.message(odd);
        assertThat(m.status()).isEqualTo(MessageStatus.UNKNOWN);
        assertThat(m.direction()).isEqualTo(Direction.UNKNOWN);
        assertThat(m.segments()).isEmpty();
        assertThat(m.price()).isEmpty();
        assertThat(m.createdAt()).isEmpty();
        assertThat(m.errorCode()).isEmpty();
    }
}
