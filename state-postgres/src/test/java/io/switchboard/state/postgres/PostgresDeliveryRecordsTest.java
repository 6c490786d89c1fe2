package io.switchboard.state.postgres;

import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.DeliveryRecord.Outcome;
import io.switchboard.application.lifecycle.InMemoryDeliveryRecords;
import io.switchboard.application.lifecycle.RecordQuery;
import io.switchboard.application.lifecycle.SendRecord;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresDeliveryRecordsTest {

    private static final AccountId TWILIO = AccountId.of(Vendor.TWILIO, "main");
    private static final AccountId PLIVO = AccountId.of(Vendor.PLIVO, "backup");
    private static final AccountId TELNYX = AccountId.of(Vendor.TELNYX, "eu");

    private static TestDatabase db;
    private static PostgresState instanceA;
    private static PostgresState instanceB;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        instanceA = db.state();
        instanceB = db.state();
    }

    @AfterAll
    static void stop() throws Exception {
        instanceA.close();
        instanceB.close();
        db.close();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static DeliveryRecord open(String to, Instant at) {
        String key = "rec-" + UUID.randomUUID();
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse(to), new SenderPool("alerts"), "Hello")
                .withClientReference(key);
        return DeliveryRecord.open(key, request, at);
    }

    private static SendRecord send(AccountId account, String vendorId, MessageStatus status, Instant at) {
        return new SendRecord(account, Optional.of(vendorId), true, status, status.name().toLowerCase(),
                Optional.empty(), Optional.empty(), ErrorClass.UNCLASSIFIED, Optional.of(Money.of("0.0075", "USD")),
                at);
    }

    private static DeliveryRecord with(DeliveryRecord r, Outcome outcome, SendRecord... sends) {
        return new DeliveryRecord(r.key(), r.request(), r.country(), r.createdAt(), r.updatedAt(), outcome,
                List.of(sends), List.of(), 0, 0, Optional.empty());
    }

    @Test
    void insertKeepsTheFirstRecordOfAKeyAndEveryInstanceReadsIt() {
        DeliveryRecord first = with(open("+447700900001", now()), Outcome.SENT,
                send(TWILIO, "SM1-" + UUID.randomUUID(), MessageStatus.QUEUED, now()));
        assertThat(instanceA.records().insert(first)).isTrue();
        assertThat(instanceB.records().insert(with(first, Outcome.NOT_SENT))).as("the key exists").isFalse();

        assertThat(instanceB.records().get(first.key())).contains(first);
        assertThat(instanceB.records().get("rec-missing")).isEmpty();
    }

    @Test
    void vendorIdsFindTheirRecordFromTheFirstSendAndFromEveryLaterOne() {
        String firstId = "SM-" + UUID.randomUUID();
        String resendId = "plivo-" + UUID.randomUUID();
        DeliveryRecord record = with(open("+14155552671", now()), Outcome.SENT,
                send(TWILIO, firstId, MessageStatus.QUEUED, now()));
        instanceA.records().insert(record);
        assertThat(instanceB.records().keyOf(TWILIO, firstId)).contains(record.key());
        assertThat(instanceB.records().keyOf(PLIVO, firstId)).as("the id belongs to one account").isEmpty();

        instanceB.records().update(record.key(), r -> with(r, Outcome.SENT, r.sends().get(0),
                send(PLIVO, resendId, MessageStatus.SENT, now())));

        assertThat(instanceA.records().keyOf(PLIVO, resendId)).contains(record.key());
        assertThat(instanceA.records().keyOf(TWILIO, firstId)).contains(record.key());
    }

    @Test
    void concurrentUpdatesOfOneKeyOnTwoInstancesLoseNothing() throws Exception {
        DeliveryRecord record = open("+447700900002", now());
        instanceA.records().insert(record);
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PostgresDeliveryRecords records = (t % 2 == 0 ? instanceA : instanceB).records();
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        assertThat(records.update(record.key(), r -> r.readBack(Instant.now()))).isPresent();
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
        assertThat(instanceA.records().get(record.key()).orElseThrow().readBacks())
                .as("every increment applied to the result of the one before").isEqualTo(threads * each);
    }

    @Test
    void theSendsOutcomeAfterItsOpeningIsOneStatementAndIndexesItsVendorId() {
        DeliveryRecord record = open("+447700900004", now());
        instanceA.records().insert(record);
        String vendorId = "SM-" + UUID.randomUUID();
        // The update an instance makes of the record it just opened: on the version it wrote, no read first.
        DeliveryRecord sent = instanceA.records().update(record.key(), r -> with(r, Outcome.SENT,
                send(TWILIO, vendorId, MessageStatus.QUEUED, now()))).orElseThrow();

        assertThat(instanceB.records().get(record.key())).contains(sent);
        assertThat(instanceB.records().keyOf(TWILIO, vendorId)).contains(record.key());
    }

    @Test
    void anUpdateOnTheVersionAnInstanceWroteSeesWhatAnotherInstanceChangedSince() {
        DeliveryRecord record = open("+447700900005", now());
        instanceA.records().insert(record);
        instanceB.records().update(record.key(), r -> r.readBack(now())); // a callback on another instance
        List<Integer> seen = new ArrayList<>();

        DeliveryRecord after = instanceA.records().update(record.key(), r -> {
            seen.add(r.readBacks());
            return r.readBack(now());
        }).orElseThrow();

        assertThat(seen).as("first on the version A wrote, then again on the row as B left it").containsExactly(0, 1);
        assertThat(after.readBacks()).isEqualTo(2);
        assertThat(instanceB.records().get(record.key())).contains(after);
        // A now knows the version it wrote: its next update needs no read, and still sees B's next change.
        instanceB.records().update(record.key(), r -> r.readBack(now()));
        assertThat(instanceA.records().update(record.key(), r -> r.readBack(now())).orElseThrow().readBacks())
                .isEqualTo(4);
    }

    @Test
    void aChangeThatFailsLeavesTheRecordAsItWasAndReachesTheCaller() {
        DeliveryRecord record = open("+447700900003", now());
        instanceA.records().insert(record);

        assertThatThrownBy(() -> instanceA.records().update(record.key(), r -> {
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the change failed");

        assertThat(instanceB.records().get(record.key())).contains(record);
        assertThat(instanceB.records().update("rec-missing", r -> r.readBack(now()))).isEmpty();
    }

    @Test
    void listFiltersInSqlAsTheInMemoryStoreDoesNewestFirst() {
        // Records of their own year, so that the records of the other tests stay out of every query.
        Instant year = Instant.parse("2031-01-01T00:00:00Z");
        InMemoryDeliveryRecords memory = new InMemoryDeliveryRecords();
        String[] numbers = {"+447700900001", "+14155552671", "+33612345678"};
        AccountId[] accounts = {TWILIO, PLIVO, TELNYX};
        MessageStatus[] statuses = {MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.DELIVERED,
                MessageStatus.UNDELIVERED};
        for (int i = 0; i < 36; i++) {
            Instant created = year.plus(i * 7L, ChronoUnit.MINUTES).plusNanos(i * 1_000L);
            DeliveryRecord r = open(numbers[i % 3], created);
            if (i % 6 == 5) {
                r = with(r, Outcome.NOT_SENT);
            } else if (i % 6 != 4) {
                r = with(r, i % 5 == 0 ? Outcome.OUTCOME_UNKNOWN : Outcome.SENT,
                        send(accounts[i % 3 == 0 ? 0 : i % 2 + 1], "v-" + UUID.randomUUID(), statuses[i % 4],
                                created));
            }
            instanceA.records().insert(r);
            memory.insert(r);
        }
        RecordQuery window = RecordQuery.all(100).createdAfter(year).createdBefore(year.plus(1, ChronoUnit.DAYS));
        List<RecordQuery> queries = List.of(window, window.withOutcome(Outcome.SENT),
                window.withOutcome(Outcome.NOT_SENT), window.withStatus(MessageStatus.DELIVERED),
                window.withAccount(PLIVO), window.withCountry("FR"), window.finalStatus(true),
                window.finalStatus(false), window.withCountry("GB").withAccount(TWILIO).finalStatus(false),
                window.createdAfter(year.plus(2, ChronoUnit.HOURS)),
                window.createdBefore(year.plus(35, ChronoUnit.MINUTES)),
                new RecordQuery(null, null, null, null, Optional.of(year), Optional.of(year.plus(1, ChronoUnit.DAYS)),
                        null, 5));
        for (RecordQuery query : queries) {
            List<DeliveryRecord> expected = memory.list(query);
            assertThat(instanceB.records().list(query)).as("%s", query).isNotEmpty().isEqualTo(expected);
        }
    }

    @Test
    void anEventIdIsSeenFirstOnceAcrossTheFleet() {
        String id = "evt-" + UUID.randomUUID();
        assertThat(instanceA.records().firstSight(id)).isTrue();
        assertThat(instanceB.records().firstSight(id)).as("a replay to another instance").isFalse();
        assertThat(instanceA.records().firstSight(id)).isFalse();

        String odd = "evt-\u0000-" + UUID.randomUUID();
        assertThat(instanceA.records().firstSight(odd)).as("an id PostgreSQL cannot hold as text").isTrue();
        assertThat(instanceB.records().firstSight(odd)).isFalse();
    }

    @Test
    void aKeyPostgresCannotHoldIsRefusedAsInvalid() {
        DeliveryRecord record = open("+447700900004", now());
        DeliveryRecord broken = new DeliveryRecord("rec-\uD800", record.request(), record.country(),
                record.createdAt(), record.updatedAt(), record.outcome(), List.of(), List.of(), 0, 0,
                Optional.empty());
        assertThatThrownBy(() -> instanceA.records().insert(broken))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST));
    }
}
