package io.switchboard.domain.port.contract;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.UsageQuery;
import io.switchboard.domain.account.UsageRecord;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The contract every provider adapter meets, written once and run by each adapter against its vendor's emulator.
 * A subclass starts the emulator, builds a connector on it, and scripts the emulator's faults by failure kind; the
 * tests here speak only the ports. A port the vendor lacks must be absent, and the subclass says which ones exist.
 */
public abstract class ProviderConnectorContract {

    /** The failure kinds a send can end in; every adapter must be able to produce each from its vendor's answer. */
    public enum SendFailure {
        INVALID_REQUEST, DESTINATION_NOT_SUPPORTED, AUTHENTICATION, INSUFFICIENT_FUNDS, RATE_LIMITED, UNAVAILABLE,
        OUTCOME_UNKNOWN;

        FailureKind kind() {
            return FailureKind.valueOf(name());
        }
    }

    protected ProviderConnector connector;

    /** A connector on the running emulator, with a read timeout short enough for the unknown-outcome case (~1 s). */
    protected abstract ProviderConnector newConnector();

    /** A connector whose vendor host refuses connections (a closed local port). */
    protected abstract ProviderConnector unreachableConnector();

    /** The capabilities this vendor's adapter offers. */
    protected abstract Set<Capability> expectedCapabilities();

    /** A number the emulated account owns, usable as a sender for SMS and calls. */
    protected abstract PhoneNumber ownedNumber();

    /** Scripts the emulator so that the next send fails as the vendor would for {@code failure}. */
    protected abstract void failNextSend(SendFailure failure);

    /** A destination the emulated vendor serves (a UK mobile by default). */
    protected PhoneNumber destination() {
        return PhoneNumber.parse("+447700900123");
    }

    @BeforeEach
    void openConnector() {
        connector = newConnector();
    }

    @AfterEach
    void closeConnector() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void offersExactlyTheExpectedCapabilities() {
        assertThat(connector.capabilities()).containsExactlyInAnyOrderElementsOf(expectedCapabilities());
    }

    // ---- messaging

    @Test
    void sendsAnSmsAndFetchesItBack() {
        var messaging = connector.messaging().orElseThrow();
        Message sent = messaging.send(MessageRequest.sms(destination(), ownedNumber(), "contract hello"));

        assertThat(sent.id()).isNotBlank();
        assertThat(sent.account()).isEqualTo(connector.account());
        assertThat(sent.to()).isEqualTo(destination().e164());
        assertThat(sent.status()).isIn(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT,
                MessageStatus.DELIVERED);

        Message fetched = messaging.get(sent.id());
        assertThat(fetched.id()).isEqualTo(sent.id());
        assertThat(fetched.to()).isEqualTo(destination().e164());
        assertThat(fetched.from()).isEqualTo(ownedNumber().e164());
        assertThat(fetched.rawStatus()).isNotBlank();
    }

    @Test
    void listsMessagesAcrossSeveralPages() {
        var messaging = connector.messaging().orElseThrow();
        PhoneNumber to = PhoneNumber.parse("+14155550142");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(messaging.send(MessageRequest.sms(to, ownedNumber(), "page " + i)).id());
        }

        Function<PageRequest, Page<Message>> fetch = page -> messaging.list(MessageQuery.all().withTo(to.e164()), page);
        Page<Message> first = fetch.apply(PageRequest.first(2));
        assertThat(first.items()).hasSizeLessThanOrEqualTo(2);
        assertThat(first.hasNext()).as("a second page after two of five").isTrue();

        List<Message> all = Pages.collect(fetch, 100, 2);
        assertThat(all).extracting(Message::id).containsAll(ids);
        assertThat(all).extracting(Message::to).containsOnly(to.e164());
        assertThat(all.stream().map(Message::id).collect(Collectors.toSet())).hasSize(all.size());
    }

    @Test
    void anUnknownMessageIsNotFound() {
        var messaging = connector.messaging().orElseThrow();
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> messaging.get(unknownMessageId()));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(e.failure().account()).contains(connector.account());
    }

    /** An id of the vendor's form that the emulator never issued. */
    protected abstract String unknownMessageId();

    @ParameterizedTest
    @EnumSource(SendFailure.class)
    void mapsEveryVendorFailureOfASendToItsKind(SendFailure failure) {
        var messaging = connector.messaging().orElseThrow();
        failNextSend(failure);

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> messaging.send(MessageRequest.sms(destination(), ownedNumber(), "will fail")));

        assertThat(e).as("send should fail with %s", failure).isNotNull();
        assertThat(e.kind()).isEqualTo(failure.kind());
        assertThat(e.failure().account()).contains(connector.account());
        assertThat(e.failure().outcomeKnown()).isEqualTo(failure != SendFailure.OUTCOME_UNKNOWN);
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        try (ProviderConnector unreachable = unreachableConnector()) {
            var messaging = unreachable.messaging().orElseThrow();
            assertThatThrownBy(() -> messaging.send(MessageRequest.sms(destination(), ownedNumber(), "nobody home")))
                    .isInstanceOfSatisfying(SwitchboardException.class,
                            e -> assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE));
        }
    }

    // ---- voice

    @Test
    void placesACallAndFetchesIt() {
        if (!expectedCapabilities().contains(Capability.VOICE)) {
            assertThat(connector.voice()).isEmpty();
            return;
        }
        var voice = connector.voice().orElseThrow();
        Call placed = voice.place(CallRequest.of(destination(), ownedNumber(),
                CallInstructions.url("https://example.com/answer.xml")));

        assertThat(placed.id()).isNotBlank();
        assertThat(placed.account()).isEqualTo(connector.account());
        assertThat(placed.status().isTerminal()).as("a just-placed call has not ended: %s", placed).isFalse();
        assertThat(voice.get(placed.id()).id()).isEqualTo(placed.id());
        List<Call> calls = Pages.collect(page -> voice.list(CallQuery.all(), page), 1000, 20);
        assertThat(calls).extracting(Call::id).contains(placed.id());
    }

    // ---- numbers

    @Test
    void listsOwnedNumbersAndFetchesOne() {
        var numbers = connector.numbers().orElseThrow();
        List<OwnedNumber> owned = Pages.collect(page -> numbers.list(NumberQuery.all(), page), 1000, 20);

        assertThat(owned).extracting(OwnedNumber::number).contains(ownedNumber().e164());
        OwnedNumber first = owned.get(0);
        assertThat(numbers.get(first.id())).isEqualTo(first);
    }

    // ---- account

    @Test
    void describesTheAccountWithoutSecrets() {
        if (!expectedCapabilities().contains(Capability.ACCOUNT)) {
            assertThat(connector.accountDetails()).isEmpty();
            return;
        }
        AccountInfo info = connector.accountDetails().orElseThrow().info();
        assertThat(info.account()).isEqualTo(connector.account());
        assertThat(info.vendorAccountId()).isNotBlank();
        assertThat(info.toString()).doesNotContainIgnoringCase("token").doesNotContainIgnoringCase("secret");
    }

    // ---- recordings

    @Test
    void listsFetchesAndDeletesARecording() {
        if (!expectedCapabilities().contains(Capability.RECORDINGS)) {
            assertThat(connector.recordings()).isEmpty();
            return;
        }
        var recordings = connector.recordings().orElseThrow();
        List<Recording> all = Pages.collect(page -> recordings.list(RecordingQuery.all(), page), 1000, 20);
        assertThat(all).as("the emulator seeds recordings").isNotEmpty();

        Recording first = all.get(0);
        assertThat(recordings.get(first.id()).id()).isEqualTo(first.id());
        recordings.delete(first.id());
        assertThatThrownBy(() -> recordings.get(first.id()))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
    }

    // ---- pricing

    @Test
    void publishesSmsAndVoiceRatesByPrefix() {
        if (!expectedCapabilities().contains(Capability.PRICING)) {
            assertThat(connector.pricing()).isEmpty();
            return;
        }
        var pricing = connector.pricing().orElseThrow();
        List<RateDeck.Entry> sms = pricing.rates("GB", Product.SMS);
        List<RateDeck.Entry> voice = pricing.rates("GB", Product.VOICE);

        assertThat(sms).isNotEmpty().allSatisfy(e -> assertThat(e.prefix()).startsWith("44"));
        assertThat(voice).isNotEmpty().allSatisfy(e -> assertThat(e.prefix()).startsWith("44"));
        RateDeck deck = RateDeck.of(sms);
        assertThat(deck.match(destination())).isPresent();
    }

    // ---- usage

    @Test
    void listsUsageRecords() {
        if (!expectedCapabilities().contains(Capability.USAGE)) {
            assertThat(connector.usage()).isEmpty();
            return;
        }
        List<UsageRecord> records = Pages.collect(page -> connector.usage().orElseThrow().list(UsageQuery.all(), page),
                1000, 20);
        assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r.account()).isEqualTo(connector.account()));
    }

    // ---- lookup

    @Test
    void looksUpANumber() {
        if (!expectedCapabilities().contains(Capability.LOOKUP)) {
            assertThat(connector.lookup()).isEmpty();
            return;
        }
        NumberLookup lookup = connector.lookup().orElseThrow().lookup(destination(), Set.of(LookupField.LINE_TYPE));
        assertThat(lookup.number()).isEqualTo(destination().e164());
        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.countryIso()).contains("GB");
    }
}
