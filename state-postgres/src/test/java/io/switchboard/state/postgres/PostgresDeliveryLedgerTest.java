package io.switchboard.state.postgres;

import io.switchboard.application.Delivery;
import io.switchboard.application.DeliveryLedger.Claim;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PostgresDeliveryLedgerTest {

    private static final AccountId TWILIO = AccountId.of(Vendor.TWILIO, "main");
    private static final Duration LEASE = PostgresSettings.DEFAULT_LEASE;

    private static TestDatabase db;
    /** Two states on one database: two pools, as two instances of a fleet have. */
    private static PostgresState instanceA;
    private static PostgresState instanceB;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        instanceA = db.state(PostgresSettings.ofDefaults().withPoolSize(8).withInstanceId("instance-a"));
        instanceB = db.state(PostgresSettings.ofDefaults().withPoolSize(8).withInstanceId("instance-b"));
    }

    @AfterAll
    static void stop() throws Exception {
        instanceA.close();
        instanceB.close();
        db.close();
    }

    private static String reference() {
        return "ref-" + UUID.randomUUID();
    }

    private static Delivery.Sent sent(String reference) {
        return new Delivery.Sent(TWILIO, "SM" + reference.hashCode(), new SenderPool("alerts"), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.of(reference));
    }

    private static Delivery.NotSent notSent(String reference) {
        return new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE, "every account refused"), List.of(),
                Optional.of(reference));
    }

    private static Delivery.OutcomeUnknown unknown(String reference) {
        return new Delivery.OutcomeUnknown(TWILIO, Failure.of(FailureKind.OUTCOME_UNKNOWN, "read timed out")
                .withAccount(TWILIO), List.of(), Optional.of(reference));
    }

    /** A ledger of a third instance whose view of the database's clock is {@code shift} ahead. */
    private static PostgresDeliveryLedger later(PostgresState state, Duration shift) {
        // Its own connections, straight from the server: the shift must not leak into the states' ledgers.
        PostgresDeliveryLedger ledger = new PostgresDeliveryLedger(new Jdbc(db.server.getPostgresDatabase(), null),
                new StateJson(), state.settings().withInstanceId("instance-later"));
        ledger.shiftClock(shift);
        return ledger;
    }

    @Test
    void grantsOnceThenAnswersInFlightOnEveryInstanceThenTheDelivery() {
        String ref = reference();

        assertThat(instanceA.ledger().claim(ref)).isInstanceOf(Claim.Granted.class);
        assertThat(instanceB.ledger().claim(ref)).as("claimed on A, seen by B").isInstanceOf(Claim.InFlight.class);
        assertThat(instanceA.ledger().claim(ref)).isInstanceOf(Claim.InFlight.class);

        instanceA.ledger().complete(ref, sent(ref));

        Claim again = instanceB.ledger().claim(ref);
        assertThat(again).isInstanceOf(Claim.Done.class);
        Delivery earlier = ((Claim.Done) again).earlier();
        assertThat(earlier).as("what B gets back is what A sent, but its attempts, quote and message")
                .isEqualTo(sent(ref));
    }

    @Test
    void aClaimWhoseLeaseRanOutIsAbandonedUntilReadBackResolvesIt() {
        String dead = reference();
        String finished = reference();
        String found = reference();
        instanceA.ledger().claim(dead);
        instanceA.ledger().claim(found);
        instanceA.ledger().claim(finished);
        instanceA.ledger().complete(finished, sent(finished));
        assertThat(instanceB.ledger().abandoned(100_000)).as("leases still running").doesNotContain(dead, found);

        PostgresDeliveryLedger later = later(instanceA, instanceA.ledger().lease().plusSeconds(1));
        assertThat(later.abandoned(100_000)).contains(dead, found).doesNotContain(finished);
        assertThat(later.claim(dead)).as("a claim now reads it as unknown").isInstanceOf(Claim.Done.class);
        assertThat(later.abandoned(100_000)).as("expired, still unresolved").contains(dead);
        assertThat(later.abandoned(1)).hasSize(1);

        later.resolve(dead, notSent(dead));
        later.resolve(found, sent(found));
        assertThat(later.abandoned(100_000)).doesNotContain(dead, found);
        assertThat(later.claim(dead)).as("nothing was accepted: free again").isInstanceOf(Claim.Granted.class);
        assertThat(later.claim(found)).isEqualTo(new Claim.Done(sent(found)));
    }

    @Test
    void notSentFreesTheReferenceForTheNextRequest() {
        String ref = reference();
        assertThat(instanceA.ledger().claim(ref)).isInstanceOf(Claim.Granted.class);

        instanceA.ledger().complete(ref, notSent(ref));

        assertThat(instanceB.ledger().claim(ref)).as("nothing was accepted, so the reference is free")
                .isInstanceOf(Claim.Granted.class);
    }

    @Test
    void outcomeUnknownIsKeptWithItsFailure() {
        String ref = reference();
        instanceA.ledger().claim(ref);
        instanceA.ledger().complete(ref, unknown(ref));

        assertThat(instanceB.ledger().claim(ref)).isEqualTo(new Claim.Done(unknown(ref)));
    }

    @Test
    void eachReferenceIsGrantedExactlyOnceAcrossTwoInstancesUnderContention() throws Exception {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            refs.add(reference());
        }
        ConcurrentHashMap<String, AtomicInteger> granted = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PostgresDeliveryLedger ledger = (t % 2 == 0 ? instanceA : instanceB).ledger();
                List<String> order = new ArrayList<>(refs);
                Collections.shuffle(order, new Random(t));
                done.add(pool.submit(() -> {
                    go.await();
                    for (String ref : order) {
                        Claim claim = ledger.claim(ref);
                        if (claim instanceof Claim.Granted) {
                            granted.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
                        } else {
                            assertThat(claim).as("nobody completes, so a lost race is in flight")
                                    .isInstanceOf(Claim.InFlight.class);
                            inFlight.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(granted).as("every reference granted").hasSize(refs.size());
        assertThat(granted.values()).as("no reference granted twice").allMatch(n -> n.get() == 1);
        assertThat(inFlight.get()).isEqualTo(refs.size() * (threads - 1));
    }

    @Test
    void aClaimWhoseLeaseRanOutIsNeverSentAgainButAnsweredOutcomeUnknown() {
        String ref = reference();
        assertThat(instanceA.ledger().claim(ref)).isInstanceOf(Claim.Granted.class);

        PostgresDeliveryLedger justBefore = later(instanceB, LEASE.minusSeconds(5));
        assertThat(justBefore.claim(ref)).as("the lease still runs").isInstanceOf(Claim.InFlight.class);

        PostgresDeliveryLedger after = later(instanceB, LEASE.plusSeconds(1));
        Claim claim = after.claim(ref);
        assertThat(claim).isInstanceOf(Claim.Done.class);
        Delivery earlier = ((Claim.Done) claim).earlier();
        assertThat(earlier).isInstanceOf(Delivery.OutcomeUnknown.class);
        Delivery.OutcomeUnknown unknown = (Delivery.OutcomeUnknown) earlier;
        assertThat(unknown.failure().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(unknown.failure().message())
                .contains("instance 'instance-a'", "stopped before recording the outcome", "may have been sent");
        assertThat(unknown.account()).isEqualTo(PostgresDeliveryLedger.UNRECORDED_ACCOUNT);
        assertThat(unknown.clientReference()).contains(ref);

        assertThat(after.claim(ref)).as("and it stays so").isEqualTo(claim);
        assertThat(later(instanceA, LEASE.multipliedBy(10)).claim(ref)).isEqualTo(claim);
    }

    @Test
    void theLeaseRunsOnTheDatabaseClock() throws Exception {
        PostgresState shortLease = db.state(PostgresSettings.ofDefaults().withPoolSize(2)
                .withLease(Duration.ofMillis(300)).withInstanceId("short"));
        try {
            String ref = reference();
            assertThat(shortLease.ledger().claim(ref)).isInstanceOf(Claim.Granted.class);
            assertThat(shortLease.ledger().claim(ref)).isInstanceOf(Claim.InFlight.class);
            // Wait for the database's clock, whatever the JVM's says: poll until now() passed the lease.
            await("the database clock passes a 300 ms lease").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20)).until(() -> leaseOver(ref));
            Claim claim = shortLease.ledger().claim(ref);
            assertThat(claim).isInstanceOf(Claim.Done.class);
            assertThat(((Claim.Done) claim).earlier()).isInstanceOf(Delivery.OutcomeUnknown.class);
        } finally {
            shortLease.close();
        }
    }

    private static boolean leaseOver(String ref) throws Exception {
        try (Connection c = db.server.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT now() > lease_until FROM switchboard.ledger WHERE reference = ?")) {
            s.setString(1, ref);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBoolean(1);
            }
        }
    }

    @Test
    void aLateCompletionOfAnExpiredClaimStillRecordsWhatHappened() {
        String ref = reference();
        instanceA.ledger().claim(ref);
        later(instanceB, LEASE.plusSeconds(1)).claim(ref);

        instanceA.ledger().complete(ref, sent(ref));

        assertThat(instanceB.ledger().claim(ref)).as("the instance was slow, not dead: its answer is the truth")
                .isEqualTo(new Claim.Done(sent(ref)));
    }

    @Test
    void aLateNotSentNeverFreesANewerClaimOfTheReference() {
        String ref = reference();
        instanceA.ledger().claim(ref);
        PostgresDeliveryLedger later = later(instanceB, LEASE.plusSeconds(1));
        later.claim(ref);
        later.resolve(ref, notSent(ref));
        assertThat(instanceB.ledger().claim(ref)).as("read-back freed it").isInstanceOf(Claim.Granted.class);

        instanceA.ledger().complete(ref, notSent(ref));

        assertThat(instanceA.ledger().claim(ref)).as("B's claim still holds").isInstanceOf(Claim.InFlight.class);
    }

    @Test
    void resolveReplacesAnUnknownOutcomeOnly() {
        String unknownRef = reference();
        instanceA.ledger().claim(unknownRef);
        instanceA.ledger().complete(unknownRef, unknown(unknownRef));
        instanceB.ledger().resolve(unknownRef, sent(unknownRef));
        assertThat(instanceA.ledger().claim(unknownRef)).isEqualTo(new Claim.Done(sent(unknownRef)));

        String freedRef = reference();
        instanceA.ledger().claim(freedRef);
        instanceA.ledger().complete(freedRef, unknown(freedRef));
        instanceB.ledger().resolve(freedRef, notSent(freedRef));
        assertThat(instanceA.ledger().claim(freedRef)).isInstanceOf(Claim.Granted.class);

        String sentRef = reference();
        instanceA.ledger().claim(sentRef);
        instanceA.ledger().complete(sentRef, sent(sentRef));
        instanceB.ledger().resolve(sentRef, notSent(sentRef));
        assertThat(instanceA.ledger().claim(sentRef)).as("a send is never undone")
                .isEqualTo(new Claim.Done(sent(sentRef)));

        String runningRef = reference();
        instanceA.ledger().claim(runningRef);
        instanceB.ledger().resolve(runningRef, notSent(runningRef));
        assertThat(instanceB.ledger().claim(runningRef)).as("a running claim is left alone")
                .isInstanceOf(Claim.InFlight.class);

        String expiredRef = reference();
        instanceA.ledger().claim(expiredRef);
        PostgresDeliveryLedger later = later(instanceB, LEASE.plusSeconds(1));
        later.resolve(expiredRef, sent(expiredRef));
        assertThat(later.claim(expiredRef)).as("an expired claim is an unknown outcome read-back may settle")
                .isEqualTo(new Claim.Done(sent(expiredRef)));
    }

    @Test
    void purgeForgetsWhatIsOlderThanTheRetention() {
        String old = reference();
        instanceA.ledger().claim(old);
        instanceA.ledger().complete(old, sent(old));
        String running = reference();
        instanceA.ledger().claim(running);

        PostgresDeliveryLedger dayLater = later(instanceB, Duration.ofDays(1).plusMinutes(1));
        assertThat(dayLater.claim(old)).as("past the retention a reference is new again, purged or not")
                .isInstanceOf(Claim.Granted.class);
        dayLater.complete(old, sent(old));

        assertThat(later(instanceB, Duration.ofDays(2).plusMinutes(2)).purge()).isGreaterThanOrEqualTo(1);
        assertThat(instanceA.ledger().claim(running)).isInstanceOf(Claim.Granted.class);
    }

    @Test
    void aReferencePostgresCannotHoldIsRefusedAsInvalid() {
        assertThatThrownBy(() -> instanceA.ledger().claim("ref\u0000"))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST));
    }
}
