package io.switchboard.testing;

import io.switchboard.AcrossAccounts;
import io.switchboard.BulkProgress;
import io.switchboard.BulkSummary;
import io.switchboard.Switchboard;
import io.switchboard.SwitchboardBuilder;
import io.switchboard.application.CostTable;
import io.switchboard.application.Delivery;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.SmsEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The facade end to end against the three emulators of an embedded sandbox, over real loopback HTTP. */
class SwitchboardFacadeTest {

    private static final SenderPool POOL = new SenderPool(EmbeddedSandbox.POOL);
    private static final PhoneNumber UK = PhoneNumber.parse("+447700900001");
    private static final PhoneNumber US = PhoneNumber.parse("+12025550199");

    private EmbeddedSandbox sandbox;
    private Switchboard switchboard;

    private Switchboard start(RoutingPolicy policy) {
        sandbox = EmbeddedSandbox.start().readTimeout(Duration.ofMillis(700));
        switchboard = sandbox.configure(Switchboard.builder()).policy(policy).maxConcurrency(16).build();
        return switchboard;
    }

    @AfterEach
    void close() {
        if (switchboard != null) {
            switchboard.close();
        }
    }

    private static MessageRequest sms(PhoneNumber to, String text) {
        return MessageRequest.sms(to, POOL, text);
    }

    private long acceptances(String vendor) {
        return sandbox.ledger().byVendor(vendor).size();
    }

    @Test
    void sendsThroughTheCheapestAccountForEachDestination() {
        start(RoutingPolicy.ofDefaults());

        Delivery uk = switchboard.messages().send(sms(UK, "hello UK"));
        Delivery us = switchboard.messages().send(sms(US, "hello US"));

        assertThat(uk).isInstanceOfSatisfying(Delivery.Sent.class,
                sent -> assertThat(sent.account()).isEqualTo(EmbeddedSandbox.PLIVO));
        assertThat(us).isInstanceOfSatisfying(Delivery.Sent.class,
                sent -> assertThat(sent.account()).isEqualTo(EmbeddedSandbox.TELNYX));
        assertThat(sandbox.ledger().acceptances(UK.e164(), "hello UK")).isEqualTo(1);
        assertThat(sandbox.ledger().acceptances(US.e164(), "hello US")).isEqualTo(1);
    }

    @Test
    void failsOverToTheNextCheapestWhenTheCheapestAnswers503() {
        start(RoutingPolicy.ofDefaults());
        sandbox.plivo().failNextSend(503, "service unavailable");

        Delivery delivery = switchboard.messages().send(sms(UK, "after a 503"));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Sent.class, sent -> {
            assertThat(sent.account()).isEqualTo(EmbeddedSandbox.TELNYX);
            assertThat(sent.attempts()).hasSize(2);
            assertThat(sent.attempts().get(0).failure()).hasValueSatisfying(
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.UNAVAILABLE));
        });
        assertThat(acceptances("plivo")).isZero();
        assertThat(sandbox.ledger().acceptances(UK.e164(), "after a 503")).isEqualTo(1);
    }

    @Test
    void failsOverWhenTheCheapestIsRateLimitedAndHonoursItsRetryAfter() {
        start(RoutingPolicy.ofDefaults());
        sandbox.plivo().rateLimitNextSend(30);

        Delivery limited = switchboard.messages().send(sms(UK, "rate limited"));
        Delivery next = switchboard.messages().send(sms(UK, "still waiting"));

        assertThat(limited).isInstanceOfSatisfying(Delivery.Sent.class,
                sent -> assertThat(sent.account()).isEqualTo(EmbeddedSandbox.TELNYX));
        assertThat(next).isInstanceOfSatisfying(Delivery.Sent.class, sent -> {
            assertThat(sent.account()).isEqualTo(EmbeddedSandbox.TELNYX);
            assertThat(sent.vendorCalls()).as("Plivo skipped during its Retry-After").isEqualTo(1);
        });
    }

    @Test
    void failsOverWhenTheCheapestRejectsItsCredentialsAndOpensItsBreaker() {
        start(RoutingPolicy.ofDefaults());
        sandbox.telnyx().failNextSend(401, "10009");

        Delivery auth = switchboard.messages().send(sms(US, "bad key"));

        assertThat(auth).isInstanceOfSatisfying(Delivery.Sent.class,
                sent -> assertThat(sent.account()).isEqualTo(EmbeddedSandbox.PLIVO));
        assertThat(switchboard.router().breakerState(EmbeddedSandbox.TELNYX)).isEqualTo("OPEN");
    }

    @Test
    void failsOverWhenTheCheapestRefusesConnections() throws Exception {
        sandbox = EmbeddedSandbox.start();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SwitchboardBuilder builder = Switchboard.builder()
                .twilio(io.switchboard.adapters.twilio.TwilioConfig.builder().account(EmbeddedSandbox.TWILIO)
                        .accountSid(io.switchboard.sandbox.twilio.TwilioEmulator.ACCOUNT_SID)
                        .authToken(io.switchboard.sandbox.twilio.TwilioEmulator.AUTH_TOKEN)
                        .allBaseUrls(sandbox.twilio().baseUrl() + "/").build())
                .plivo(io.switchboard.adapters.plivo.PlivoConfig.builder().authId("MAPLIVOSANDBOX000001")
                        .authToken("token").baseUrl("http://127.0.0.1:" + closedPort + "/v1/").build())
                .senderPool(EmbeddedSandbox.POOL, EmbeddedSandbox.PLIVO, PhoneNumber.parse("+447700900114"))
                .senderPool(EmbeddedSandbox.POOL, EmbeddedSandbox.TWILIO, PhoneNumber.parse("+447700900105"))
                .warmUpPrices("GB")
                .closing(sandbox);
        EmbeddedSandbox.deckOf(sandbox.plivo()).forEach((p, deck) -> builder.rateDeck(EmbeddedSandbox.PLIVO, p, deck));
        switchboard = builder.build();

        Delivery delivery = switchboard.messages().send(sms(UK, "plivo is down"));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Sent.class, sent -> {
            assertThat(sent.account()).isEqualTo(EmbeddedSandbox.TWILIO);
            assertThat(sent.attempts().get(0).failure()).hasValueSatisfying(
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.UNAVAILABLE));
        });
    }

    @Test
    void anUnknownOutcomeStopsTheChainUnderAtMostOnce() {
        start(RoutingPolicy.ofDefaults());
        sandbox.plivo().hangNextSend();

        Delivery delivery = switchboard.messages().send(sms(UK, "maybe sent"));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.OutcomeUnknown.class,
                unknown -> assertThat(unknown.account()).isEqualTo(EmbeddedSandbox.PLIVO));
        assertThat(sandbox.ledger().acceptances(UK.e164(), "maybe sent")).as("no second send").isEqualTo(1);
    }

    @Test
    void anUnknownOutcomeFailsOverUnderAtLeastOnce() {
        start(RoutingPolicy.builder().guarantee(DeliveryGuarantee.AT_LEAST_ONCE).build());
        sandbox.plivo().hangNextSend();

        Delivery delivery = switchboard.messages().send(sms(UK, "surely sent"));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Sent.class,
                sent -> assertThat(sent.account()).isEqualTo(EmbeddedSandbox.TELNYX));
        assertThat(sandbox.ledger().acceptances(UK.e164(), "surely sent")).as("sent twice, as chosen").isEqualTo(2);
    }

    @Test
    void aRepeatedClientReferenceSendsNothingTheSecondTime() {
        start(RoutingPolicy.ofDefaults());
        MessageRequest request = sms(UK, "once only").withClientReference("order-7");

        Delivery first = switchboard.messages().send(request);
        Delivery second = switchboard.messages().send(request);

        assertThat(second).isEqualTo(first);
        assertThat(sandbox.ledger().acceptances(UK.e164(), "once only")).isEqualTo(1);
    }

    @Test
    void quotesEveryAccountCheapestFirstWithEncodingAndSegments() {
        start(RoutingPolicy.ofDefaults());

        CostTable table = switchboard.costs().quote(UK, "Привет, это Switchboard");

        assertThat(table.encoding()).contains(SmsEncoding.UCS2);
        assertThat(table.rows()).extracting(CostTable.Row::account).containsExactly(
                EmbeddedSandbox.PLIVO, EmbeddedSandbox.TELNYX, EmbeddedSandbox.TWILIO);
        assertThat(table.cheapest()).hasValueSatisfying(row ->
                assertThat(row.quote().orElseThrow().total().toString()).isEqualTo("0.038 USD"));
    }

    @Test
    void placesACallThroughTheCheapestVoiceAccount() {
        start(RoutingPolicy.ofDefaults());

        Delivery delivery = switchboard.calls().place(CallRequest.of(US, POOL,
                CallInstructions.url("https://example.com/answer.xml")));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Sent.class, sent -> {
            assertThat(sent.account()).isEqualTo(EmbeddedSandbox.TELNYX);
            assertThat(sent.call()).isPresent();
        });
        assertThat(sandbox.ledger().calls()).hasSize(1);
    }

    @Test
    void bulkSendReportsEveryDeliveryAndAcceptsEachMessageOnce() {
        start(RoutingPolicy.ofDefaults());
        ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        Iterable<MessageRequest> requests = () -> IntStream.range(0, 60)
                .mapToObj(i -> sms(i % 2 == 0 ? UK : US, "bulk " + i)).iterator();

        BulkSummary summary = switchboard.messages().sendAll(requests, 8, (index, delivery) -> seen.add(index));

        assertThat(summary).isEqualTo(new BulkSummary(60, 60, 0, 0));
        assertThat(seen).hasSize(60).doesNotHaveDuplicates();
        assertThat(sandbox.ledger().messages()).hasSize(60);
        assertThat(IntStream.range(0, 60).mapToLong(i -> sandbox.ledger().acceptances(
                (i % 2 == 0 ? UK : US).e164(), "bulk " + i)).distinct()).containsExactly(1L);
    }

    @Test
    void sendAsyncCompletesWithTheDelivery() throws Exception {
        start(RoutingPolicy.ofDefaults());

        Delivery delivery = switchboard.messages().sendAsync(sms(US, "async")).get();

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
    }

    @Test
    void readsMessagesBackAcrossAccounts() {
        start(RoutingPolicy.ofDefaults());
        switchboard.messages().send(sms(UK, "to read back"));
        switchboard.messages().send(sms(US, "to read back"));

        AcrossAccounts<io.switchboard.domain.message.Message> all =
                switchboard.messages().list(MessageQuery.all(), 50);

        assertThat(all.failures()).isEmpty();
        assertThat(all.items()).extracting(m -> m.account().vendor().name()).contains("plivo", "telnyx");
    }

    @Test
    void invalidInputNeverReachesAVendor() {
        start(RoutingPolicy.ofDefaults());

        Delivery delivery = switchboard.messages().send(sms(UK, "x".repeat(20_000)));

        assertThat(delivery).isInstanceOf(Delivery.NotSent.class);
        assertThat(sandbox.ledger().entries()).isEmpty();
    }

    @Test
    void noSecretAppearsInWhatTheFacadePrints() {
        start(RoutingPolicy.ofDefaults());
        Delivery delivery = switchboard.messages().send(sms(UK, "secret check"));

        String printed = switchboard + " " + delivery + " " + switchboard.accounts()
                + switchboard.connector(EmbeddedSandbox.TWILIO);
        assertThat(printed).doesNotContain(io.switchboard.sandbox.twilio.TwilioEmulator.AUTH_TOKEN,
                io.switchboard.sandbox.plivo.PlivoEmulator.AUTH_TOKEN, sandbox.telnyx().apiKey());
    }

    @Test
    void closeReleasesTheFacadesThreadsAndTheSandbox() {
        start(RoutingPolicy.ofDefaults());
        switchboard.messages().sendAll(List.of(sms(UK, "a"), sms(US, "b")), 2, BulkProgress.NONE);

        switchboard.close();
        switchboard = null;

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && t.getName().startsWith("switchboard-send-"));
    }

    @Test
    void unknownAccountsAreNamedInTheError() {
        start(RoutingPolicy.ofDefaults());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> switchboard.messages().get(AccountId.parse("twilio:nope"), "SM1"))
                .hasMessageContaining("'twilio:nope' is not configured");
    }
}
