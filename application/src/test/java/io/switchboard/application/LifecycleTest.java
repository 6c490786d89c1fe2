package io.switchboard.application;

import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.Lifecycle;
import io.switchboard.application.lifecycle.Reconciler;
import io.switchboard.application.lifecycle.ResendPolicy;
import io.switchboard.application.lifecycle.StatusChange;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.callback.EventKind;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.switchboard.application.Fixtures.UK;
import static io.switchboard.application.Fixtures.sms;
import static org.assertj.core.api.Assertions.assertThat;

/** A message's life after routing: records, forward-only status, early and replayed events, opt-outs, re-sends. */
class LifecycleTest {

    private final Fixtures.Setup setup = new Fixtures.Setup();
    private final FakeConnector cheap = setup.account("twilio:cheap", "0.01");
    private final FakeConnector dear = setup.account("plivo:dear", "0.02");
    private final AtomicInteger ids = new AtomicInteger();

    private Lifecycle lifecycle(ResendPolicy resend) {
        Lifecycle lifecycle = Lifecycle.builder().clock(setup.clock).meterRegistry(setup.meters).resend(resend)
                .build();
        setup.hooks = lifecycle;
        setup.callbackUrls = CallbackUrls.under(URI.create("https://hooks.example.com/sb/"));
        return lifecycle;
    }

    private Router router(Lifecycle lifecycle) {
        Router router = setup.router();
        lifecycle.bind(router);
        return router;
    }

    private VendorEvent status(FakeConnector account, String vendorId, MessageStatus status, String code,
            ErrorClass cls) {
        return VendorEvent.builder(EventKind.MESSAGE_STATUS, account.account())
                .eventId("evt-" + ids.incrementAndGet())
                .vendorId(vendorId)
                .messageStatus(status, status.name().toLowerCase())
                .error(code, code == null ? null : "scripted " + code, cls)
                .occurredAt(setup.clock.instant())
                .build();
    }

    private VendorEvent inbound(FakeConnector account, String from, String text) {
        return VendorEvent.builder(EventKind.INBOUND_MESSAGE, account.account())
                .eventId("in-" + ids.incrementAndGet())
                .vendorId("in-" + ids.get())
                .messageStatus(MessageStatus.RECEIVED, "received")
                .occurredAt(setup.clock.instant())
                .from(from)
                .to(Fixtures.OWN_NUMBER.e164())
                .text(text)
                .build();
    }

    @Test
    void every_send_carries_the_callback_url_of_its_record_and_account() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Router router = router(lifecycle);

        Delivery delivery = router.send(sms(UK, "hi").withClientReference("order 7/a"));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(cheap.sent.get(0).statusCallback()).contains(
                URI.create("https://hooks.example.com/sb/twilio/cheap?record=order+7%2Fa"));
        DeliveryRecord record = lifecycle.records().get("order 7/a").orElseThrow();
        assertThat(record.outcome()).isEqualTo(DeliveryRecord.Outcome.SENT);
        assertThat(record.status()).contains(MessageStatus.QUEUED);
        assertThat(lifecycle.records().keyOf(cheap.account(), "cheap-msg-1")).contains("order 7/a");
    }

    @Test
    void a_request_with_its_own_callback_keeps_it() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        URI own = URI.create("https://mine.example.com/status");
        router(lifecycle).send(sms(UK, "hi").withStatusCallback(own));
        assertThat(cheap.sent.get(0).statusCallback()).contains(own);
    }

    @Test
    void status_only_moves_forward_and_a_final_status_is_never_overwritten() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Delivery.Sent sent = (Delivery.Sent) router(lifecycle).send(sms(UK, "hi").withClientReference("r1"));

        assertThat(lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.SENT, null, null)))
                .isEqualTo(Lifecycle.Result.APPLIED);
        assertThat(lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.DELIVERED, null, null)))
                .isEqualTo(Lifecycle.Result.APPLIED);
        assertThat(lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.SENT, null, null)))
                .as("a late 'sent'").isEqualTo(Lifecycle.Result.STALE);
        assertThat(lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.UNDELIVERED, "30008",
                ErrorClass.ROUTE))).as("another final status").isEqualTo(Lifecycle.Result.STALE);
        assertThat(lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.DELIVERED, null, null)))
                .as("the same status again, under a new event id").isEqualTo(Lifecycle.Result.DUPLICATE);

        DeliveryRecord record = lifecycle.records().get("r1").orElseThrow();
        assertThat(record.status()).contains(MessageStatus.DELIVERED);
        assertThat(record.history()).extracting(StatusChange::status)
                .containsExactly(MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.DELIVERED);
        assertThat(setup.meters.get(MetricNames.DELIVERY_FINAL).tag("status", "delivered").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void a_replayed_event_applies_once() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Delivery.Sent sent = (Delivery.Sent) router(lifecycle).send(sms(UK, "hi"));
        VendorEvent delivered = status(cheap, sent.vendorId(), MessageStatus.DELIVERED, null, null);

        assertThat(lifecycle.apply(delivered)).isEqualTo(Lifecycle.Result.APPLIED);
        assertThat(lifecycle.apply(delivered)).isEqualTo(Lifecycle.Result.REPLAY);
    }

    @Test
    void events_that_arrive_before_the_send_returns_are_kept() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        // With the record named by the callback URL: kept on a send of its own until the answer joins it.
        MessageRequest request = sms(UK, "hi").withClientReference("early");
        String key = lifecycle.opened(request);
        assertThat(lifecycle.apply(status(cheap, "v-1", MessageStatus.DELIVERED, null, null).withReference(key)))
                .isEqualTo(Lifecycle.Result.APPLIED);
        lifecycle.routed(key, new Delivery.Sent(cheap.account(), "v-1", Fixtures.OWN_NUMBER,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), List.of(),
                request.clientReference()));
        DeliveryRecord record = lifecycle.records().get(key).orElseThrow();
        assertThat(record.sends()).hasSize(1);
        assertThat(record.current().orElseThrow().accepted()).isTrue();
        assertThat(record.status()).as("the answer's 'queued' does not undo the early 'delivered'")
                .contains(MessageStatus.DELIVERED);

        // With no record named: parked, then applied once the answer names the vendor id.
        MessageRequest other = sms(UK, "again");
        String second = lifecycle.opened(other);
        assertThat(lifecycle.apply(status(cheap, "v-2", MessageStatus.SENT, null, null)))
                .isEqualTo(Lifecycle.Result.PARKED);
        lifecycle.routed(second, new Delivery.Sent(cheap.account(), "v-2", Fixtures.OWN_NUMBER,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), List.of(),
                java.util.Optional.empty()));
        assertThat(lifecycle.records().get(second).orElseThrow().status()).contains(MessageStatus.SENT);
    }

    @Test
    void a_stop_on_one_provider_blocks_sends_on_every_provider_until_start() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Router router = router(lifecycle);

        assertThat(lifecycle.apply(inbound(dear, UK.e164(), " stop "))).isEqualTo(Lifecycle.Result.OPT_OUT);
        Delivery blocked = router.send(sms(UK, "offer"));

        assertThat(blocked).isInstanceOfSatisfying(Delivery.NotSent.class, notSent -> {
            assertThat(notSent.failure().kind()).isEqualTo(FailureKind.OPTED_OUT);
            assertThat(notSent.failure().message()).contains("inbound STOP", "plivo:dear");
        });
        assertThat(setup.totalVendorCalls()).isZero();

        assertThat(lifecycle.apply(inbound(cheap, UK.e164(), "START"))).isEqualTo(Lifecycle.Result.OPT_IN);
        assertThat(router.send(sms(UK, "offer"))).isInstanceOf(Delivery.Sent.class);
        assertThat(lifecycle.apply(inbound(cheap, UK.e164(), "stop it please"))).as("not a keyword")
                .isEqualTo(Lifecycle.Result.NOTED);
    }

    @Test
    void an_opted_out_delivery_error_suppresses_the_number() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.within(Duration.ofHours(1), 1));
        Router router = router(lifecycle);
        Delivery.Sent sent = (Delivery.Sent) router.send(sms(UK, "hi"));

        lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.UNDELIVERED, "21610", ErrorClass.OPTED_OUT));

        assertThat(lifecycle.suppressions().find(UK)).isPresent();
        assertThat(dear.vendorCalls()).as("never re-sent").isZero();
    }

    @Test
    void a_vendor_refusing_a_send_as_opted_out_suppresses_the_number_everywhere() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Router router = router(lifecycle);
        cheap.failingWith(io.switchboard.domain.Failure.of(FailureKind.OPTED_OUT, "unsubscribed recipient")
                .withVendorCode("21610"));

        assertThat(router.send(sms(UK, "hi"))).isInstanceOf(Delivery.NotSent.class);
        assertThat(dear.vendorCalls()).as("opted out does not fail over").isZero();
        assertThat(lifecycle.suppressions().find(UK)).hasValueSatisfying(e -> {
            assertThat(e.account()).isEqualTo(cheap.account());
            assertThat(e.reason()).contains("21610");
        });
        assertThat(router.send(sms(UK, "again"))).isInstanceOf(Delivery.NotSent.class);
        assertThat(cheap.vendorCalls()).as("the second send calls no vendor").isEqualTo(1);
    }

    @Test
    void an_undelivered_route_error_is_resent_once_through_the_next_account() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.within(Duration.ofHours(1), 2));
        Router router = router(lifecycle);
        Delivery.Sent sent = (Delivery.Sent) router.send(sms(UK, "hi").withClientReference("resend-me"));

        setup.clock.advance(Duration.ofSeconds(30));
        lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.UNDELIVERED, "30007", ErrorClass.ROUTE));

        assertThat(dear.sent).hasSize(1);
        assertThat(dear.sent.get(0).statusCallback()).contains(
                URI.create("https://hooks.example.com/sb/plivo/dear?record=resend-me"));
        DeliveryRecord record = lifecycle.records().get("resend-me").orElseThrow();
        assertThat(record.resends()).isEqualTo(1);
        assertThat(record.sends()).extracting(s -> s.account().toString())
                .containsExactly("twilio:cheap", "plivo:dear");
        assertThat(record.status()).contains(MessageStatus.QUEUED);

        // The re-send fails too: no account is left that this message has not been through.
        lifecycle.apply(status(dear, "dear-msg-1", MessageStatus.UNDELIVERED, "30", ErrorClass.ROUTE));
        assertThat(cheap.sent).hasSize(1);
        assertThat(dear.sent).hasSize(1);
        assertThat(lifecycle.records().get("resend-me").orElseThrow().sends()).hasSize(2);
        assertThat(setup.meters.get(MetricNames.RESENDS).tag("outcome", "sent").counter().count()).isEqualTo(1.0);
    }

    @Test
    void errors_no_provider_can_fix_and_late_failures_are_never_resent() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.within(Duration.ofMinutes(10), 1));
        Router router = router(lifecycle);
        Delivery.Sent landline = (Delivery.Sent) router.send(sms(UK, "one"));
        lifecycle.apply(status(cheap, landline.vendorId(), MessageStatus.UNDELIVERED, "30006",
                ErrorClass.DESTINATION));
        Delivery.Sent unclassified = (Delivery.Sent) router.send(sms(UK, "two"));
        lifecycle.apply(status(cheap, unclassified.vendorId(), MessageStatus.FAILED, "99999",
                ErrorClass.UNCLASSIFIED));
        Delivery.Sent late = (Delivery.Sent) router.send(sms(UK, "three"));
        setup.clock.advance(Duration.ofMinutes(11));
        lifecycle.apply(status(cheap, late.vendorId(), MessageStatus.UNDELIVERED, "30007", ErrorClass.ROUTE));

        assertThat(dear.vendorCalls()).isZero();
    }

    @Test
    void resending_is_off_by_default() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Delivery.Sent sent = (Delivery.Sent) router(lifecycle).send(sms(UK, "hi"));
        lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.UNDELIVERED, "30007", ErrorClass.ROUTE));
        assertThat(dear.vendorCalls()).isZero();
    }

    @Test
    void read_back_turns_an_unknown_outcome_into_sent_and_frees_nothing() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Router router = router(lifecycle);
        cheap.losingAnswer();
        Delivery unknown = router.send(sms(UK, "lost").withClientReference("lost-1"));
        assertThat(unknown).isInstanceOf(Delivery.OutcomeUnknown.class);
        Reconciler reconciler = new Reconciler(lifecycle, List.of(cheap, dear), Duration.ofMinutes(5), 10);

        assertThat(reconciler.run().resolvedSent()).as("not due yet").isZero();
        setup.clock.advance(Duration.ofMinutes(6));
        Reconciler.Summary summary = reconciler.run();

        assertThat(summary.resolvedSent()).isEqualTo(1);
        DeliveryRecord record = lifecycle.records().get("lost-1").orElseThrow();
        assertThat(record.outcome()).isEqualTo(DeliveryRecord.Outcome.SENT);
        assertThat(record.current().orElseThrow().vendorId()).contains("cheap-msg-1");
        assertThat(router.send(sms(UK, "lost").withClientReference("lost-1")))
                .as("a retry with the reference now gets the truth, and sends nothing")
                .isInstanceOfSatisfying(Delivery.Sent.class, s -> assertThat(s.vendorId()).isEqualTo("cheap-msg-1"));
        assertThat(cheap.sent).hasSize(1);
    }

    @Test
    void read_back_of_an_unknown_outcome_the_vendor_never_had_makes_it_not_sent() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Router router = router(lifecycle);
        cheap.failing(FailureKind.OUTCOME_UNKNOWN); // timed out, and the vendor has nothing
        assertThat(router.send(sms(UK, "lost").withClientReference("lost-2")))
                .isInstanceOf(Delivery.OutcomeUnknown.class);
        setup.clock.advance(Duration.ofMinutes(6));

        Reconciler.Summary summary = new Reconciler(lifecycle, List.of(cheap, dear), Duration.ofMinutes(5), 10).run();

        assertThat(summary.resolvedNotSent()).isEqualTo(1);
        assertThat(lifecycle.records().get("lost-2").orElseThrow().outcome())
                .isEqualTo(DeliveryRecord.Outcome.NOT_SENT);
        assertThat(router.send(sms(UK, "lost").withClientReference("lost-2")))
                .as("the reference is free again").isInstanceOf(Delivery.Sent.class);
    }

    /**
     * A shared ledger in which another instance claimed some references and stopped: they read as outcome unknown and
     * are listed as abandoned until resolved.
     */
    private static final class LedgerWithADeadInstance implements DeliveryLedger {
        final InMemoryDeliveryLedger live = new InMemoryDeliveryLedger();
        final java.util.Set<String> abandoned = new java.util.LinkedHashSet<>();

        @Override
        public Claim claim(String reference) {
            if (abandoned.contains(reference)) {
                return new Claim.Done(new Delivery.OutcomeUnknown(Fixtures.id("twilio:cheap"), io.switchboard.domain
                        .Failure.of(FailureKind.OUTCOME_UNKNOWN, "the claiming instance stopped"), List.of(),
                        java.util.Optional.of(reference)));
            }
            return live.claim(reference);
        }

        @Override
        public void complete(String reference, Delivery delivery) {
            live.complete(reference, delivery);
        }

        @Override
        public void resolve(String reference, Delivery delivery) {
            if (abandoned.remove(reference) && delivery instanceof Delivery.Sent) {
                live.claim(reference);
                live.complete(reference, delivery);
            }
        }

        @Override
        public List<String> abandoned(int limit) {
            return abandoned.stream().limit(limit).toList();
        }
    }

    @Test
    void a_reference_is_claimed_only_once_its_record_exists_and_a_duplicate_leaves_the_record_alone() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        List<Boolean> recordAtClaim = new java.util.ArrayList<>();
        InMemoryDeliveryLedger inner = new InMemoryDeliveryLedger();
        setup.ledger = new DeliveryLedger() {
            @Override
            public Claim claim(String reference) {
                recordAtClaim.add(lifecycle.records().get(reference).isPresent());
                return inner.claim(reference);
            }

            @Override
            public void complete(String reference, Delivery delivery) {
                inner.complete(reference, delivery);
            }

            @Override
            public void resolve(String reference, Delivery delivery) {
                inner.resolve(reference, delivery);
            }
        };
        Router router = router(lifecycle);

        assertThat(router.send(sms(UK, "once").withClientReference("r-1"))).isInstanceOf(Delivery.Sent.class);
        DeliveryRecord afterSend = lifecycle.records().get("r-1").orElseThrow();
        assertThat(router.send(sms(UK, "once").withClientReference("r-1"))).isInstanceOf(Delivery.Sent.class);

        assertThat(recordAtClaim).as("a stopped instance's claim always has a record to read back").containsExactly(
                true, true);
        assertThat(lifecycle.records().get("r-1")).contains(afterSend);
        assertThat(cheap.sent).hasSize(1);
    }

    @Test
    void read_back_recovers_the_references_an_instance_that_stopped_left_claimed() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        LedgerWithADeadInstance ledger = new LedgerWithADeadInstance();
        setup.ledger = ledger;
        Router router = router(lifecycle);
        // The dead instance had opened three records; the vendor took the first message before the instance died.
        for (String ref : List.of("dead-sent", "dead-never", "dead-unrecorded")) {
            ledger.abandoned.add(ref);
        }
        MessageRequest sentOne = sms(UK, "went out").withClientReference("dead-sent");
        lifecycle.records().insert(DeliveryRecord.open("dead-sent", sentOne, setup.clock.instant()));
        cheap.messaging().orElseThrow().send(sentOne.withFrom(Fixtures.OWN_NUMBER));
        MessageRequest neverOne = sms(Fixtures.DE, "never went").withClientReference("dead-never");
        lifecycle.records().insert(DeliveryRecord.open("dead-never", neverOne, setup.clock.instant()));
        MessageRequest unrecorded = sms(Fixtures.US, "no record").withClientReference("dead-unrecorded");
        int vendorCallsBefore = setup.totalVendorCalls();

        Reconciler reconciler = new Reconciler(lifecycle, List.of(cheap, dear), Duration.ofMinutes(5), 10);
        Reconciler.Summary summary = reconciler.run();

        assertThat(summary.resolvedSent()).isEqualTo(1);
        assertThat(summary.resolvedNotSent()).isEqualTo(1);
        assertThat(summary.failed()).as("no record tells where the third went").isEqualTo(1);
        assertThat(reconciler.run()).as("what it could not decide is not read again")
                .isEqualTo(new Reconciler.Summary(0, 0, 0, 0));
        DeliveryRecord found = lifecycle.records().get("dead-sent").orElseThrow();
        assertThat(found.outcome()).isEqualTo(DeliveryRecord.Outcome.SENT);
        assertThat(found.current().orElseThrow().vendorId()).contains("cheap-msg-1");
        assertThat(lifecycle.records().get("dead-never").orElseThrow().outcome())
                .isEqualTo(DeliveryRecord.Outcome.NOT_SENT);
        assertThat(ledger.abandoned).containsExactly("dead-unrecorded");

        assertThat(router.send(sentOne)).as("answered from the ledger, nothing sent again")
                .isInstanceOfSatisfying(Delivery.Sent.class, s -> assertThat(s.vendorId()).isEqualTo("cheap-msg-1"));
        assertThat(router.send(neverOne)).as("free again: sent now, once").isInstanceOf(Delivery.Sent.class);
        assertThat(router.send(unrecorded)).isInstanceOf(Delivery.OutcomeUnknown.class);
        assertThat(setup.totalVendorCalls() - vendorCallsBefore).as("only the message that never went").isEqualTo(1);
    }

    @Test
    void read_back_finishes_a_message_no_callback_finished() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        Router router = router(lifecycle);
        Delivery.Sent sent = (Delivery.Sent) router.send(sms(UK, "quiet").withClientReference("quiet"));
        cheap.vendorStatus(sent.vendorId(), MessageStatus.DELIVERED, null);
        setup.clock.advance(Duration.ofMinutes(6));

        Reconciler reconciler = new Reconciler(lifecycle, List.of(cheap, dear), Duration.ofMinutes(5), 10);
        assertThat(reconciler.run().readBack()).isEqualTo(1);
        assertThat(reconciler.run().readBack()).as("read back once").isZero();

        DeliveryRecord record = lifecycle.records().get("quiet").orElseThrow();
        assertThat(record.status()).contains(MessageStatus.DELIVERED);
        assertThat(record.history().get(record.history().size() - 1).source())
                .isEqualTo(StatusChange.Source.READ_BACK);
    }

    @Test
    void subscribers_see_each_change() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        List<MessageStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        lifecycle.subscribe(r -> r.status().ifPresent(seen::add));
        Delivery.Sent sent = (Delivery.Sent) router(lifecycle).send(sms(UK, "hi"));
        lifecycle.apply(status(cheap, sent.vendorId(), MessageStatus.DELIVERED, null, null));
        assertThat(seen).containsExactly(MessageStatus.QUEUED, MessageStatus.DELIVERED);
    }

    @Test
    void a_number_that_is_no_phone_number_cannot_opt_out() {
        Lifecycle lifecycle = lifecycle(ResendPolicy.OFF);
        assertThat(lifecycle.apply(inbound(cheap, "ACME", "STOP"))).isEqualTo(Lifecycle.Result.NOTED);
        assertThat(lifecycle.suppressions().all()).isEmpty();
        assertThat(AccountId.parse("twilio:cheap")).isEqualTo(cheap.account());
        assertThat(PhoneNumber.parse(UK.e164())).isEqualTo(UK);
    }
}
