package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.application.PlivoApplication;
import io.switchboard.adapters.plivo.message.PlivoMessageFilter;
import io.switchboard.adapters.plivo.message.PlivoSendResult;
import io.switchboard.adapters.plivo.message.PlivoSmsRequest;
import io.switchboard.adapters.plivo.number.PlivoNumber;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.domain.Direction;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.port.VoicePort;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of the catalog's Lua reference and Power Automate connector rows for Plivo, with its parameters,
 * through the public API against the emulator. docs/seed-coverage.md names these methods per operation id.
 */
class PlivoCatalogOperationsTest {

    private static final PhoneNumber OWNED = PhoneNumber.parse("+12025550111");
    private static final PhoneNumber UK = PhoneNumber.parse("+447700900123");
    private static final PhoneNumber US = PhoneNumber.parse("+14155550142");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock);
    private final PlivoEmulator emulator = new PlivoEmulator(config);
    private final OkHttpClient shared = new OkHttpClient();
    private final PlivoConnector connector = connector("default", PlivoEmulator.AUTH_ID, PlivoEmulator.AUTH_TOKEN);
    private final PlivoApi api = connector.api();
    private final VoicePort voice = connector.voice().orElseThrow();

    private PlivoConnector connector(String name, String authId, String token) {
        return PlivoConnector.create(PlivoConfig.builder().accountName(name).authId(authId).authToken(token)
                .baseUrl(emulator.apiBaseUrl()).readTimeout(Duration.ofSeconds(2)).build(), shared);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Every item of a Plivo list, following its pages of 20. */
    private static <T> List<T> all(Function<PlivoPaging, Page<T>> list) {
        List<T> items = new ArrayList<>();
        Optional<PlivoPaging> paging = Optional.of(PlivoPaging.first());
        while (paging.isPresent()) {
            Page<T> page = list.apply(paging.get());
            items.addAll(page.items());
            paging = paging.get().next(page);
        }
        return items;
    }

    private List<Call> calls(CallQuery query) {
        return Pages.collect(page -> voice.list(query, page), 50, 20);
    }

    @Test
    void luaSendSms() {
        List<PlivoSendResult> results = api.messages().send(PlivoSmsRequest.builder().src(OWNED).dst(UK.e164() + "<" + US.e164())
                .text("Hello from Plivo!").type("sms").statusUrl(URI.create("https://cb.example/status"))
                .log(false).build());

        assertThat(results).extracting(r -> r.destination().e164()).containsExactly(UK.e164(), US.e164());
        assertThat(results).allSatisfy(r -> assertThat(r.isAccepted()).isTrue());
        assertThat(config.ledger().acceptances(UK.e164(), "Hello from Plivo!")).isEqualTo(1);
        assertThat(config.ledger().acceptances(US.e164(), "Hello from Plivo!")).isEqualTo(1);
        assertThat(api.messages().get(results.get(0).messageUuid().orElseThrow()).price()).isPresent();
    }

    @Test
    void connectorSendSms() {
        Message sent = connector.messaging().orElseThrow().send(MessageRequest.sms(UK, OWNED, "connector says hi"));
        assertThat(sent.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(config.ledger().acceptances(UK.e164(), "connector says hi")).isEqualTo(1);
    }

    @Test
    void connectorGetMessage() {
        String id = connector.messaging().orElseThrow().send(MessageRequest.sms(UK, OWNED, "fetch me")).id();
        emulator.setMessageState(id, "undelivered", "30");

        Message fetched = connector.messaging().orElseThrow().get(id);
        assertThat(fetched.status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(fetched.errorCode()).contains("30");
        assertThat(fetched.segments()).hasValue(1);
        assertThat(fetched.price().orElseThrow().amount()).isEqualByComparingTo("0.038");
    }

    @Test
    void luaListMessagesFollowsPagesOf20WithEveryFilter() {
        for (int i = 0; i < 23; i++) {
            api.messages().send(PlivoSmsRequest.builder().src(OWNED).dst(US).text("bulk " + i).build());
            clock.advance(Duration.ofMinutes(1));
        }
        api.messages().send(PlivoSmsRequest.builder().src(OWNED).dst(UK).text("elsewhere").build());
        emulator.receiveMessage(US.e164(), OWNED.e164(), "a reply");
        emulator.deliverQueuedMessages();

        PlivoMessageFilter filter = PlivoMessageFilter.all().withDirection("outbound").withState("delivered")
                .withSrc(OWNED.e164()).withDst(US.e164())
                .withTimeBetween(Instant.parse("2026-01-01T10:02:00Z"), Instant.parse("2026-01-01T10:30:00Z"));
        List<Message> all = all(paging -> api.messages().list(filter, paging));
        assertThat(all).hasSize(21).allSatisfy(m -> {
            assertThat(m.to()).isEqualTo(US.e164());
            assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
        });
        Page<Message> fromOffset = api.messages().list(filter, PlivoPaging.of(10, 15));
        assertThat(fromOffset.items()).hasSize(6);
        assertThat(fromOffset.hasNext()).isFalse();
    }

    @Test
    void connectorListMessages() {
        connector.messaging().orElseThrow().send(MessageRequest.sms(UK, OWNED, "one"));
        connector.messaging().orElseThrow().send(MessageRequest.sms(UK, OWNED, "two"));
        Page<Message> page = connector.messaging().orElseThrow().list(MessageQuery.all(), PageRequest.first(1));
        assertThat(page.items()).hasSize(1);
        assertThat(page.nextCursor()).contains("1");
    }

    @Test
    void luaListNumbersByTypeAndService() {
        List<PlivoNumber> smsOnly = all(paging -> api.numbers().list(PlivoNumberFilter.all().withService("sms"),
                paging));
        List<PlivoNumber> voiceAndSms = all(paging -> api.numbers().list(PlivoNumberFilter.all()
                .withService("voice,sms").withNumberType("local"), paging));
        assertThat(smsOnly).extracting(PlivoNumber::number).contains("+447700900115");
        assertThat(voiceAndSms).extracting(PlivoNumber::number).contains(OWNED.e164())
                .doesNotContain("+447700900115", "+447700900114");
        assertThat(voiceAndSms).allSatisfy(n -> assertThat(n.voiceEnabled() && n.smsEnabled()).isTrue());
    }

    @Test
    void luaGetNumber() {
        PlivoNumber number = api.numbers().get(OWNED.e164());
        assertThat(number.number()).isEqualTo(OWNED.e164());
        assertThat(number.alias()).isPresent();
        assertThat(number.applicationId()).isPresent();
    }

    @Test
    void connectorMakeCall() {
        Call placed = connector.voice().orElseThrow().place(CallRequest.of(UK, OWNED,
                new CallInstructions.Url(URI.create("https://example.com/answer.xml"), "GET")));
        assertThat(placed.status()).isEqualTo(CallStatus.QUEUED);
        assertThat(config.ledger().calls()).singleElement().satisfies(e -> assertThat(e.to()).isEqualTo(UK.e164()));
    }

    @Test
    void luaGetCallQueuedLiveAndEnded() {
        emulator.holdNewCalls("queued");
        String queued = connector.voice().orElseThrow().place(CallRequest.of(UK, OWNED,
                CallInstructions.url("https://example.com/answer.xml"))).id();
        assertThat(voice.get(queued).status()).isEqualTo(CallStatus.QUEUED);

        emulator.holdNewCalls("in-progress");
        String live = connector.voice().orElseThrow().place(CallRequest.of(US, OWNED,
                CallInstructions.url("https://example.com/answer.xml"))).id();
        assertThat(voice.get(live).status()).isEqualTo(CallStatus.IN_PROGRESS);

        emulator.endHeldCalls();
        Call ended = voice.get(live);
        assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(ended.duration()).contains(Duration.ofSeconds(30));
        assertThat(ended.price()).isPresent();
        assertThatThrownBy(() -> voice.get("00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
    }

    @Test
    void luaListCallsByStateDirectionNumbersAndTime() {
        for (int i = 0; i < 3; i++) {
            connector.voice().orElseThrow().place(CallRequest.of(UK, OWNED, CallInstructions.url("https://e.x/a")));
            clock.advance(Duration.ofMinutes(5));
        }
        emulator.holdNewCalls("ringing");
        connector.voice().orElseThrow().place(CallRequest.of(US, OWNED, CallInstructions.url("https://e.x/a")));

        CallQuery ended = CallQuery.all().withDirection(Direction.OUTBOUND).withFrom(OWNED.e164()).withTo(UK.e164())
                .withStartedBetween(Instant.parse("2026-01-01T10:04:00Z"), Instant.parse("2026-01-01T10:20:00Z"));
        assertThat(calls(ended)).hasSize(2).allSatisfy(c -> assertThat(c.to()).isEqualTo(UK.e164()));
        assertThat(calls(CallQuery.all().withStatus(CallStatus.COMPLETED))).hasSize(3)
                .allSatisfy(c -> assertThat(c.rawStatus()).isEqualTo("ANSWER"));
        assertThat(calls(CallQuery.all().withStatus(CallStatus.RINGING))).singleElement()
                .satisfies(c -> assertThat(c.to()).isEqualTo(US.e164()));
        assertThat(calls(CallQuery.all().withStatus(CallStatus.IN_PROGRESS))).isEmpty();
    }

    @Test
    void luaListApplications() {
        List<PlivoApplication> apps = all(paging -> api.applications().list(paging));
        assertThat(apps).hasSize(2).allSatisfy(app -> assertThat(app.answerUrl()).isPresent());
        assertThat(api.applications().list(PlivoPaging.of(20, 1)).items()).hasSize(1);
    }

    @Test
    void twoNamedAccountsShareOneConnectionPoolAndKeepTheirOwnData() {
        emulator.addAccount("MAPLIVOSANDBOX000002", "second-token");
        PlivoConnector second = connector("uk", "MAPLIVOSANDBOX000002", "second-token");

        String first = connector.messaging().orElseThrow().send(MessageRequest.sms(UK, OWNED, "from default")).id();
        String other = second.messaging().orElseThrow().send(MessageRequest.sms(UK, OWNED, "from uk")).id();

        assertThat(second.messaging().orElseThrow().get(other).account().toString()).isEqualTo("plivo:uk");
        assertThatThrownBy(() -> second.messaging().orElseThrow().get(first))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
        assertThat(emulator.stats().connections()).as("one pooled connection for both accounts").isEqualTo(1);
    }

    @Test
    void anUnpricedCountryIsOutsideTheGeoPermissions() {
        assertThatThrownBy(() -> connector.messaging().orElseThrow().send(MessageRequest.sms(
                PhoneNumber.parse("+819012345678"), OWNED, "to Japan")))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.DESTINATION_NOT_SUPPORTED));
        assertThat(config.ledger().size()).isZero();
    }

    @Test
    void anExhaustedBalanceIsInsufficientFunds() {
        emulator.setCashCredits(PlivoEmulator.AUTH_ID, java.math.BigDecimal.ZERO);
        assertThatThrownBy(() -> connector.messaging().orElseThrow().send(MessageRequest.sms(UK, OWNED, "broke")))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INSUFFICIENT_FUNDS));
        assertThat(connector.accountDetails().orElseThrow().info().balance().orElseThrow().isZero()).isTrue();
    }
}
