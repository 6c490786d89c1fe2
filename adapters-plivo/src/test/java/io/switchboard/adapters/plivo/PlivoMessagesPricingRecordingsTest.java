package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.message.PlivoMessageFilter;
import io.switchboard.adapters.plivo.message.PlivoSendResult;
import io.switchboard.adapters.plivo.message.PlivoSmsRequest;
import io.switchboard.adapters.plivo.pricing.PlivoCountryPricing;
import io.switchboard.adapters.plivo.recording.PlivoRecordingFilter;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountSettings;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.recording.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketplace seed's messages (send with every field, list with every filter, get), pricing by country and
 * recordings (list with every filter, get, delete), through {@code api().messages()}, {@code pricing()} and
 * {@code recordings()}.
 */
class PlivoMessagesPricingRecordingsTest {

    private static final PhoneNumber OWNED = PhoneNumber.parse("+12025550111");
    private static final PhoneNumber UK = PhoneNumber.parse("+447700900123");
    private static final PhoneNumber US = PhoneNumber.parse("+14155550142");

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoApi api = plivo.api();

    @AfterEach
    void stop() {
        plivo.close();
    }

    @Test
    void messageSendTakesEveryField() {
        List<PlivoSendResult> sent = api.messages().send(PlivoSmsRequest.builder().src(OWNED)
                .dst(UK.e164() + "<" + US.e164()).text("Your code is 1234").type("sms")
                .statusUrl(URI.create("https://sms.example/status")).statusMethod("GET").log(false).build());

        assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(r.isAccepted()).isTrue());
        var request = plivo.emulator.stats().recent().stream().filter(r -> r.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(request.bodyText()).contains("\"type\":\"sms\"", "\"url\":\"https://sms.example/status\"",
                "\"method\":\"GET\"", "\"log\":false");
        assertThat(plivo.config.ledger().acceptances(UK.e164(), "Your code is 1234")).isEqualTo(1);
    }

    @Test
    void messageGetAnswersOneMessage() {
        String uuid = api.messages().send(PlivoSmsRequest.builder().src(OWNED).dst(UK).text("one").build()).get(0)
                .messageUuid().orElseThrow();
        plivo.emulator.setMessageState(uuid, "delivered", null);

        Message message = api.messages().get(uuid);
        assertThat(message.id()).isEqualTo(uuid);
        assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
        failure(FailureKind.NOT_FOUND, () -> api.messages().get("00000000-0000-4000-8000-000000000000"));
    }

    @Test
    void messageListFiltersBySubaccountDirectionTimeAndErrorCodeAndPages() {
        for (int i = 0; i < 3; i++) {
            api.messages().send(PlivoSmsRequest.builder().src(OWNED).dst(UK).text("out " + i).build());
            plivo.clock.advance(Duration.ofMinutes(1));
        }
        String failed = api.messages().send(PlivoSmsRequest.builder().src(OWNED).dst(US).text("bounced").build())
                .get(0).messageUuid().orElseThrow();
        plivo.emulator.setMessageState(failed, "undelivered", "200");
        plivo.emulator.receiveMessage(US.e164(), OWNED.e164(), "reply");

        assertThat(api.messages().list(PlivoMessageFilter.all().withDirection("inbound"), PlivoPaging.first())
                .items()).hasSize(1);
        assertThat(api.messages().list(PlivoMessageFilter.all().withErrorCode("200"), PlivoPaging.first()).items())
                .extracting(Message::id).containsExactly(failed);
        assertThat(api.messages().list(PlivoMessageFilter.all().withDirection("outbound").withTimeBetween(
                Instant.parse("2026-03-02T09:01:00Z"), Instant.parse("2026-03-02T09:03:00Z")), PlivoPaging.first())
                .items()).hasSize(2);
        Page<Message> first = api.messages().list(PlivoMessageFilter.all(), PlivoPaging.of(3, 0));
        assertThat(first.items()).hasSize(3);
        assertThat(api.messages().list(PlivoMessageFilter.all(), PlivoPaging.of(3, 0).next(first).orElseThrow())
                .items()).hasSize(2);
        String sub = api.subaccounts().create(PlivoSubaccountSettings.named("Quiet").enabled(true)).authId();
        assertThat(api.messages().list(PlivoMessageFilter.all().withSubaccount(sub), PlivoPaging.first()).items())
                .isEmpty();
    }

    @Test
    void pricingGetAnswersACountrysRates() {
        PlivoCountryPricing gb = api.pricing().get("gb");

        assertThat(gb.countryIso()).isEqualTo("GB");
        assertThat(gb.country()).contains("United Kingdom");
        assertThat(gb.countryCode()).contains(44);
        assertThat(gb.messageOutbound().orElseThrow().amount()).isEqualByComparingTo("0.038");
        assertThat(gb.messageInbound()).isPresent();
        assertThat(gb.voiceOutboundLocal()).isPresent();
        assertThat(gb.voiceOutboundIp()).isPresent();
        assertThat(gb.voiceInboundLocal()).isPresent();
        assertThat(gb.voiceInboundTollfree()).isPresent();
        assertThat(gb.localNumberMonthly()).isPresent();
        assertThat(gb.voiceOutboundByPrefix()).anySatisfy(rate -> {
            assertThat(rate.prefixes()).containsExactly("447");
            assertThat(rate.rate().amount()).isEqualByComparingTo("0.035");
        });
        failure(FailureKind.NOT_FOUND, () -> api.pricing().get("JP"));
    }

    @Test
    void recordingListFiltersByAddTimeCallAndSubaccountThenGetAndDelete() {
        List<Recording> seeded = api.recordings().list(PlivoRecordingFilter.all(), PlivoPaging.first()).items();
        assertThat(seeded).hasSize(3);
        plivo.clock.advance(Duration.ofHours(1));
        String later = plivo.emulator.addRecording("2b4c0e0e-1111-4222-8333-444455556666");

        assertThat(api.recordings().list(PlivoRecordingFilter.all().withAddTime(Instant.parse("2026-03-02T09:30:00Z"),
                null), PlivoPaging.first()).items()).extracting(Recording::id).containsExactly(later);
        assertThat(api.recordings().list(PlivoRecordingFilter.all().withCallUuid(
                "2b4c0e0e-1111-4222-8333-444455556666"), PlivoPaging.first()).items()).extracting(Recording::id)
                .containsExactly(later);
        assertThat(api.recordings().list(PlivoRecordingFilter.all(), PlivoPaging.of(2, 2)).items()).hasSize(2);
        String sub = api.subaccounts().create(PlivoSubaccountSettings.named("Recorded").enabled(true)).authId();
        assertThat(api.recordings().list(PlivoRecordingFilter.all().withSubaccount(sub), PlivoPaging.first())
                .items()).isEmpty();

        Recording fetched = api.recordings().get(later);
        assertThat(fetched.callId()).contains("2b4c0e0e-1111-4222-8333-444455556666");
        api.recordings().delete(later);
        failure(FailureKind.NOT_FOUND, () -> api.recordings().get(later));
    }
}
