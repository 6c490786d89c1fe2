package io.switchboard.application;

import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.MessageRequest;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.switchboard.application.Fixtures.UK;
import static io.switchboard.application.Fixtures.sms;
import static org.assertj.core.api.Assertions.assertThat;

/** A shared store that fails is a defined state: never a duplicate, never an exception out of the router. */
class StoreFailureTest {

    private final Fixtures.Setup setup = new Fixtures.Setup();
    private final FakeConnector account = setup.account("twilio:main", "0.01");

    private static SwitchboardException down() {
        return new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE, "PostgreSQL state store unreachable"));
    }

    /** A ledger whose store is down for claims, or only for recording outcomes. */
    private static final class BrokenLedger implements DeliveryLedger {
        final boolean claims;
        final InMemoryDeliveryLedger inner = new InMemoryDeliveryLedger();

        BrokenLedger(boolean claims) {
            this.claims = claims;
        }

        @Override
        public Claim claim(String reference) {
            if (claims) {
                throw down();
            }
            return inner.claim(reference);
        }

        @Override
        public void complete(String reference, Delivery delivery) {
            throw down();
        }

        @Override
        public void resolve(String reference, Delivery delivery) {
            throw down();
        }
    }

    private Router router(DeliveryLedger ledger) {
        Router.Builder builder = Router.builder().clock(setup.clock).sleeper(setup.clock.sleeper())
                .prices(setup.prices.build()).senders(setup.pools.build()).ledger(ledger)
                .account(account);
        if (setup.hooks != null) {
            builder.hooks(setup.hooks);
        }
        return builder.build();
    }

    @Test
    void anUnreachableLedgerSendsNothingAndSaysWhy() {
        Delivery delivery = router(new BrokenLedger(true)).send(sms(UK, "hi").withClientReference("r-1"));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.NotSent.class, n -> {
            assertThat(n.failure().kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(n.failure().message()).contains("idempotency ledger is unreachable",
                    "PostgreSQL state store unreachable", "nothing was sent");
        });
        assertThat(account.vendorCalls()).isZero();
    }

    @Test
    void aSendWithoutAReferenceNeedsNoLedger() {
        assertThat(router(new BrokenLedger(true)).send(sms(UK, "hi"))).isInstanceOf(Delivery.Sent.class);
    }

    @Test
    void aLedgerThatCannotRecordTheOutcomeStillAnswersWithTheDelivery() {
        Delivery delivery = router(new BrokenLedger(false)).send(sms(UK, "hi").withClientReference("r-2"));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(account.vendorCalls()).isEqualTo(1);
    }

    @Test
    void anOutcomeTheLedgerCouldNotRecordIsRecordedOnceItAnswersAgain() {
        InMemoryDeliveryLedger store = new InMemoryDeliveryLedger();
        boolean[] down = {true};
        DeliveryLedger flaky = new DeliveryLedger() {
            @Override
            public Claim claim(String reference) {
                return store.claim(reference);
            }

            @Override
            public void complete(String reference, Delivery delivery) {
                if (down[0]) {
                    throw down();
                }
                store.complete(reference, delivery);
            }

            @Override
            public void resolve(String reference, Delivery delivery) {
                store.resolve(reference, delivery);
            }
        };
        Router router = router(flaky);
        Delivery.Sent first = (Delivery.Sent) router.send(sms(UK, "hi").withClientReference("r-3"));
        assertThat(router.send(sms(UK, "hi").withClientReference("r-3"))).as("its claim is still in flight")
                .isInstanceOf(Delivery.NotSent.class);

        down[0] = false;
        router.send(sms(UK, "other").withClientReference("r-4")); // the next claim records what was kept

        assertThat(router.send(sms(UK, "hi").withClientReference("r-3")))
                .isInstanceOfSatisfying(Delivery.Sent.class, s -> assertThat(s.vendorId()).isEqualTo(first.vendorId()));
        assertThat(account.vendorCalls()).isEqualTo(2);
    }

    @Test
    void anUnreachableOptOutListSendsNothingAndABrokenRecordStoreCostsOnlyTheRecord() {
        setup.hooks = new DeliveryHooks() {
            boolean listDown = true;

            @Override
            public Optional<Failure> refusal(MessageRequest request) {
                if (listDown) {
                    listDown = false;
                    throw down();
                }
                return Optional.empty();
            }

            @Override
            public String opened(MessageRequest request) {
                throw down();
            }

            @Override
            public void routed(String key, Delivery delivery) {
                throw down();
            }
        };
        Router router = router(new InMemoryDeliveryLedger());

        assertThat(router.send(sms(UK, "one"))).isInstanceOfSatisfying(Delivery.NotSent.class,
                n -> assertThat(n.failure().message()).contains("opt-out list is unreachable"));
        assertThat(account.vendorCalls()).isZero();
        assertThat(router.send(sms(UK, "two"))).as("the list answers again; the record store still fails")
                .isInstanceOf(Delivery.Sent.class);
        assertThat(account.sent.get(0).statusCallback()).isEmpty();
    }
}
