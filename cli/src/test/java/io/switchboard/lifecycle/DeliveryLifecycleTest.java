package io.switchboard.lifecycle;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.CallbackHttpHandler;
import io.switchboard.Switchboard;
import io.switchboard.application.Delivery;
import io.switchboard.application.MetricNames;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.ResendPolicy;
import io.switchboard.application.lifecycle.StatusChange;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.callbacks.CallbackRecord;
import io.switchboard.sandbox.callbacks.Outcome;
import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message lifecycle end to end over the three emulators, each sending its vendor's signed callbacks over real
 * loopback HTTP to the library's receiver mounted on the JDK's HTTP server: send, callback, record, re-send,
 * delivered; forged, replayed, duplicated and out-of-order callbacks; a STOP on one provider; an unknown outcome
 * resolved by read-back. The emulators' own ledgers and callback records are compared with the library's records.
 */
class DeliveryLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final SenderPool POOL = new SenderPool(EmbeddedSandbox.POOL);

    private EmbeddedSandbox sandbox;
    private HttpServer server;
    private Switchboard switchboard;
    private SimpleMeterRegistry meters;
    private String base;

    @BeforeEach
    void start() throws Exception {
        sandbox = EmbeddedSandbox.start();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Switchboard switchboard(ResendPolicy resend) {
        meters = new SimpleMeterRegistry();
        switchboard = sandbox.configure(Switchboard.builder())
                .callbackBaseUrl(URI.create(base + "/callbacks"))
                .resend(resend)
                .reconcile(Duration.ofMillis(1), Duration.ofHours(1), 100)
                .meterRegistry(meters)
                .build();
        server.createContext("/callbacks", new CallbackHttpHandler(switchboard.deliveries(), URI.create(base)));
        return switchboard;
    }

    @AfterEach
    void stop() {
        server.stop(0);
        if (switchboard != null) {
            switchboard.close();
        } else {
            sandbox.close();
        }
    }

    private List<VendorEmulator> emulators() {
        return List.of(sandbox.twilio(), sandbox.plivo(), sandbox.telnyx());
    }

    private VendorEmulator emulator(AccountId account) {
        return emulators().stream().filter(e -> e.vendor().equals(account.vendor().name())).findFirst().orElseThrow();
    }

    private void callbacksDone() throws InterruptedException {
        for (VendorEmulator e : emulators()) {
            assertThat(e.callbacks().awaitIdle(WAIT)).as(e.vendor() + " callbacks idle").isTrue();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for " + what).isLessThan(end);
            Thread.sleep(10);
        }
    }

    private DeliveryRecord record(String key) {
        return switchboard.deliveries().record(key).orElseThrow();
    }

    private double events(String result) {
        return meters.find(MetricNames.CALLBACK_EVENTS).tag("result", result).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"twilio", "plivo", "telnyx"})
    void eachVendorsSignedCallbacksCarryAMessageToDelivered(String vendor) throws Exception {
        switchboard(ResendPolicy.OFF);
        AccountId account = AccountId.parse(vendor);
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse("+447700900101"), POOL, "hello " + vendor)
                .withClientReference("e2e-" + vendor);

        Delivery delivery = switchboard.messages().send(request, RoutingPolicy.builder().pinned(account).build());
        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        callbacksDone();
        await(() -> record("e2e-" + vendor).isFinal(), "the final status");

        DeliveryRecord record = record("e2e-" + vendor);
        assertThat(record.status()).contains(MessageStatus.DELIVERED);
        assertThat(record.current().orElseThrow().account()).isEqualTo(account);
        assertThat(record.history()).extracting(StatusChange::status).endsWith(MessageStatus.SENT,
                MessageStatus.DELIVERED);
        List<CallbackRecord> sent = emulator(account).callbacks().records(((Delivery.Sent) delivery).vendorId());
        assertThat(sent).isNotEmpty().allSatisfy(c -> assertThat(c.url()).startsWith(base + "/callbacks/" + vendor
                + "/default?record=e2e-" + vendor));
        assertThat(sent).allSatisfy(c -> assertThat(c.answer()).isEqualTo(200));
        assertThat(meters.find(MetricNames.CALLBACKS_REFUSED).counters()).isEmpty();
    }

    @Test
    void anUndeliveredRouteErrorIsResentThroughAnotherProviderAndDelivered() throws Exception {
        switchboard(ResendPolicy.within(Duration.ofHours(1), 2));
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse("+447700900102"), POOL, "resend me")
                .withClientReference("e2e-resend");
        AccountId first = switchboard.router().plan(request).candidates().get(0).account();
        // Carrier filtering on the cheapest provider for this destination.
        String routeError = switch (first.vendor().name()) {
            case "twilio" -> "30007";
            case "plivo" -> "30";
            default -> "40002";
        };
        emulator(first).callbacks().outcomes().set("+44", Outcome.undelivered(routeError));

        assertThat(switchboard.messages().send(request)).isInstanceOfSatisfying(Delivery.Sent.class,
                s -> assertThat(s.account()).isEqualTo(first));
        await(() -> record("e2e-resend").sends().size() == 2 && record("e2e-resend").isFinal(),
                "the re-send's final status");
        callbacksDone();

        DeliveryRecord record = record("e2e-resend");
        assertThat(record.resends()).isEqualTo(1);
        assertThat(record.sends().get(0).status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(record.sends().get(0).errorCode()).contains(routeError);
        assertThat(record.sends().get(1).account()).isNotEqualTo(first);
        assertThat(record.status()).contains(MessageStatus.DELIVERED);
        // The emulators' own books: accepted once by the first provider, once by the second, by no one else.
        assertThat(sandbox.ledger().acceptances("+447700900102", "resend me")).isEqualTo(2);
        for (VendorEmulator e : emulators()) {
            long expected = record.sends().stream().filter(s -> s.account().vendor().name().equals(e.vendor()))
                    .count();
            assertThat(sandbox.ledger().count(entry -> entry.vendor().equals(e.vendor())
                    && entry.to().equals("+447700900102") && entry.text().equals("resend me")))
                    .as(e.vendor()).isEqualTo(expected);
        }
    }

    @Test
    void callbacksThatArriveBeforeTheSendReturnsAreKept() throws Exception {
        switchboard(ResendPolicy.OFF);
        // The vendor takes the message and calls back at once, while its answer is still dripping in.
        sandbox.twilio().dripNextSend(Duration.ofMillis(6));
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse("+447700900107"), POOL, "early")
                .withClientReference("e2e-early");

        Delivery delivery = switchboard.messages().send(request,
                RoutingPolicy.builder().pinned(EmbeddedSandbox.TWILIO).build());
        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        String vendorId = ((Delivery.Sent) delivery).vendorId();
        List<CallbackRecord> callbacks = sandbox.twilio().callbacks().records(vendorId);
        callbacksDone();

        assertThat(callbacks).as("answered before the send returned").isNotEmpty()
                .allSatisfy(c -> assertThat(c.answer()).isEqualTo(200));
        DeliveryRecord record = record("e2e-early");
        assertThat(record.status()).contains(MessageStatus.DELIVERED);
        assertThat(record.sends()).singleElement().satisfies(s -> assertThat(s.accepted()).isTrue());
        assertThat(record.history()).extracting(StatusChange::source).as("no status from the late answer")
                .doesNotContain(StatusChange.Source.SEND);
    }

    @Test
    void aDestinationErrorIsNeverResent() throws Exception {
        switchboard(ResendPolicy.within(Duration.ofHours(1), 2));
        emulators().forEach(e -> e.callbacks().outcomes().set("+44", Outcome.undelivered(switch (e.vendor()) {
            case "twilio" -> "30006";
            case "plivo" -> "50";
            default -> "40001";
        })));
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse("+447700900103"), POOL, "landline")
                .withClientReference("e2e-landline");

        switchboard.messages().send(request);
        await(() -> record("e2e-landline").isFinal(), "the final status");
        callbacksDone();

        assertThat(record("e2e-landline").status()).contains(MessageStatus.UNDELIVERED);
        assertThat(record("e2e-landline").resends()).isZero();
        assertThat(sandbox.ledger().acceptances("+447700900103", "landline")).isEqualTo(1);
    }

    @Test
    void duplicatedAndOutOfOrderCallbacksNeverMoveAStatusBack() throws Exception {
        switchboard(ResendPolicy.OFF);
        emulators().forEach(e -> {
            e.callbacks().outcomes().set("+4477009002", Outcome.delivered().finalTwice());
            e.callbacks().outcomes().set("+4477009003", Outcome.delivered().finalFirst());
        });
        for (String vendor : List.of("twilio", "plivo", "telnyx")) {
            RoutingPolicy pinned = RoutingPolicy.builder().pinned(AccountId.parse(vendor)).build();
            switchboard.messages().send(MessageRequest.sms(PhoneNumber.parse("+447700900201"), POOL, "twice")
                    .withClientReference("dup-" + vendor), pinned);
            switchboard.messages().send(MessageRequest.sms(PhoneNumber.parse("+447700900301"), POOL, "reversed")
                    .withClientReference("ooo-" + vendor), pinned);
        }
        callbacksDone();

        for (String vendor : List.of("twilio", "plivo", "telnyx")) {
            await(() -> record("dup-" + vendor).isFinal() && record("ooo-" + vendor).isFinal(), vendor + " finals");
            assertThat(record("dup-" + vendor).history()).extracting(StatusChange::status).as(vendor)
                    .containsOnlyOnce(MessageStatus.DELIVERED);
            DeliveryRecord reversed = record("ooo-" + vendor);
            assertThat(reversed.status()).as(vendor).contains(MessageStatus.DELIVERED);
            assertThat(reversed.history().get(reversed.history().size() - 1).status()).as(vendor + ": nothing after"
                    + " the final status").isEqualTo(MessageStatus.DELIVERED);
        }
        assertThat(events("stale")).as("the late 'sent' of each reversed message").isGreaterThanOrEqualTo(3);
        assertThat(events("replay") + events("duplicate")).as("each final sent twice").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aForgedCallbackIsRefusedAndAppliesNothing() throws Exception {
        switchboard(ResendPolicy.OFF);
        Delivery.Sent sent = (Delivery.Sent) switchboard.messages().send(MessageRequest.sms(
                PhoneNumber.parse("+447700900104"), POOL, "forge").withClientReference("e2e-forged"),
                RoutingPolicy.builder().pinned(EmbeddedSandbox.TWILIO).build());
        callbacksDone();
        await(() -> record("e2e-forged").isFinal(), "the final status");
        int before = record("e2e-forged").history().size();

        HttpClient client = HttpClient.newHttpClient();
        String form = "MessageSid=" + sent.vendorId() + "&MessageStatus=undelivered&ErrorCode=30007&AccountSid=AC"
                + "0".repeat(32);
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/callbacks/twilio/default?record=e2e-forged"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/callbacks/telnyx/default")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> nobody = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/callbacks/nexmo/default")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(record("e2e-forged").history()).hasSize(before);
        assertThat(record("e2e-forged").status()).contains(MessageStatus.DELIVERED);
        assertThat(meters.get(MetricNames.CALLBACKS_REFUSED).tag("reason", "signature").counters()).hasSize(2);
    }

    @Test
    void aStopToOneProviderBlocksSendsOnEveryProvider() throws Exception {
        switchboard(ResendPolicy.OFF);
        String subscriber = "+447700900105";
        String telnyxNumber = sandbox.telnyx().numbers().all().get(0).number();
        sandbox.telnyx().deliverInbound(subscriber, telnyxNumber, "STOP", base + "/callbacks/telnyx/default");
        await(() -> switchboard.deliveries().suppressions().find(PhoneNumber.parse(subscriber)).isPresent(),
                "the opt-out");

        for (AccountId account : switchboard.accounts()) {
            Delivery blocked = switchboard.messages().send(MessageRequest.sms(PhoneNumber.parse(subscriber), POOL,
                    "offer"), RoutingPolicy.builder().pinned(account).build());
            assertThat(blocked).as(account.toString()).isInstanceOfSatisfying(Delivery.NotSent.class,
                    n -> assertThat(n.failure().kind()).isEqualTo(FailureKind.OPTED_OUT));
        }
        assertThat(sandbox.ledger().acceptances(subscriber, "offer")).isZero();

        String twilioNumber = sandbox.twilio().numbers().all().get(0).number();
        sandbox.twilio().deliverInbound(subscriber, twilioNumber, "START", base + "/callbacks/twilio/default");
        await(() -> switchboard.deliveries().suppressions().find(PhoneNumber.parse(subscriber)).isEmpty(),
                "the opt-in");
        assertThat(switchboard.messages().send(MessageRequest.sms(PhoneNumber.parse(subscriber), POOL, "offer")))
                .isInstanceOf(Delivery.Sent.class);
    }

    @Test
    void anUnknownOutcomeIsResolvedByReadingTheVendorBack() throws Exception {
        switchboard(ResendPolicy.OFF);
        AccountId account = EmbeddedSandbox.TWILIO;
        // The vendor takes the message, then the connection drops before its answer; no callback will tell.
        sandbox.twilio().callbacks().outcomes().set("+4477009001", Outcome.delivered().noCallbacks());
        sandbox.twilio().faults().next(1, io.switchboard.sandbox.http.Fault.resetMidResponse());
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse("+447700900106"), POOL, "lost answer")
                .withClientReference("e2e-unknown");

        Delivery delivery = switchboard.messages().send(request, RoutingPolicy.builder().pinned(account).build());
        assertThat(delivery).isInstanceOf(Delivery.OutcomeUnknown.class);
        assertThat(record("e2e-unknown").outcome()).isEqualTo(DeliveryRecord.Outcome.OUTCOME_UNKNOWN);

        await(() -> switchboard.deliveries().reconcile().resolvedSent() == 1
                || record("e2e-unknown").outcome() == DeliveryRecord.Outcome.SENT, "the read-back");

        DeliveryRecord record = record("e2e-unknown");
        assertThat(record.outcome()).isEqualTo(DeliveryRecord.Outcome.SENT);
        String vendorId = record.current().orElseThrow().vendorId().orElseThrow();
        assertThat(sandbox.twilio().ledger().find("twilio", vendorId)).isPresent();
        Delivery retry = switchboard.messages().send(request, RoutingPolicy.builder().pinned(account).build());
        assertThat(retry).as("a retry with the reference gets the read-back's answer and sends nothing")
                .isInstanceOfSatisfying(Delivery.Sent.class, s -> assertThat(s.vendorId()).isEqualTo(vendorId));
        assertThat(sandbox.ledger().acceptances("+447700900106", "lost answer")).isEqualTo(1);
    }
}
