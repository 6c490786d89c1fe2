package io.switchboard.state.postgres;

import io.switchboard.application.Delivery;
import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.SendRecord;
import io.switchboard.application.lifecycle.StatusChange;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.Vendor;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a delivery record holds comes back equal, through the JSON alone and through PostgreSQL's jsonb. */
class PostgresStateJsonProperties {

    private static TestDatabase db;
    private static PostgresState state;
    private final StateJson json = new StateJson();

    @BeforeContainer
    static void start() {
        db = TestDatabase.start();
        state = db.state();
    }

    @AfterContainer
    static void stop() throws Exception {
        state.close();
        db.close();
    }

    @Property(tries = 1000)
    void aRecordSurvivesItsJson(@ForAll("records") DeliveryRecord record) {
        assertThat(json.readRecord(json.write(record))).isEqualTo(record);
    }

    @Property(tries = 200)
    void aRecordSurvivesPostgres(@ForAll("records") DeliveryRecord generated) {
        // A fresh key per try: jqwik shrinks by retrying, and insert keeps the first record of a key.
        DeliveryRecord record = rekeyed(generated, "prop-" + UUID.randomUUID());
        assertThat(state.records().insert(record)).isTrue();
        assertThat(state.records().get(record.key())).contains(record);
    }

    @Property(tries = 300)
    void aDeliveryKeepsWhatTheLedgerStores(@ForAll("deliveries") Delivery delivery) {
        assertThat(json.readDelivery(json.write(delivery))).isEqualTo(delivery);
    }

    private static DeliveryRecord rekeyed(DeliveryRecord r, String key) {
        return new DeliveryRecord(key, r.request(), r.country(), r.createdAt(), r.updatedAt(), r.outcome(),
                r.sends(), r.history(), r.resends(), r.readBacks(), r.failure());
    }

    /** Any text at all: control characters, U+0000, unpaired surrogates, emoji. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("", "\u0000", "a\uD800b", "\uDC00", "😀", "Привет", "\"\\/\b\f\n\r\t", "\u2028"));
    }

    private static Arbitrary<String> nonBlank() {
        return text().filter(s -> !s.isBlank());
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-2_000_000_000L, 8_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    private static Arbitrary<AccountId> accounts() {
        return Combinators.combine(Arbitraries.of(Vendor.TWILIO, Vendor.PLIVO, Vendor.TELNYX, new Vendor("acme-2")),
                Arbitraries.strings().withChars("abcxyz019_.-").ofMinLength(0).ofMaxLength(12))
                .as((vendor, name) -> AccountId.of(vendor, "a" + name));
    }

    private static Arbitrary<PhoneNumber> numbers() {
        return Arbitraries.of("+447700900001", "+14155552671", "+33612345678", "+4915112345678", "+819012345678",
                "+61412345678").map(PhoneNumber::parse);
    }

    private static Arbitrary<Sender> senders() {
        return Arbitraries.oneOf(numbers().map(Sender.class::cast),
                Arbitraries.strings().withChars("AZaz09 ").ofMinLength(0).ofMaxLength(10)
                        .map(s -> (Sender) new SenderId("S" + s)),
                Arbitraries.strings().withChars("abz09_.-").ofMaxLength(20).map(s -> (Sender) new SenderPool("p" + s)));
    }

    private static Arbitrary<URI> uris() {
        return Arbitraries.strings().withChars("abc123-_~%").ofMaxLength(12)
                .map(s -> URI.create("https://media.example.com/m/" + s.replace("%", "%25") + "?q=1"));
    }

    private static Arbitrary<Money> money() {
        return Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000L),
                        BigInteger.valueOf(1_000_000_000_000L)), Arbitraries.integers().between(-3, 12),
                Arbitraries.of("USD", "EUR", "GBP", "JPY", "INR"))
                .as((unscaled, scale, currency) -> Money.of(new BigDecimal(unscaled, scale), currency));
    }

    private static Arbitrary<MessageRequest> requests() {
        Arbitrary<Channel> channels = Arbitraries.of(Channel.class);
        return Combinators.combine(numbers(), senders(), text(), uris().list().ofMaxSize(3), channels,
                uris().optional(), nonBlank().filter(s -> s.length() <= 128).optional())
                .as((to, from, text, media, channel, callback, reference) -> {
                    List<URI> attached = channel == Channel.SMS ? List.of() : media;
                    String body = text.isEmpty() && attached.isEmpty() ? "x" : text;
                    return new MessageRequest(to, from, body, attached, channel, callback, reference);
                });
    }

    private static Arbitrary<SendRecord> sends() {
        Arbitrary<Tuple.Tuple3<ErrorClass, Optional<Money>, Instant>> tail = Combinators.combine(
                Arbitraries.of(ErrorClass.class), money().optional(), instants()).as(Tuple::of);
        return Combinators.combine(accounts(), nonBlank().optional(), Arbitraries.of(true, false),
                Arbitraries.of(MessageStatus.class), text(), text().optional(), text().optional(), tail)
                .as((account, id, accepted, status, raw, code, meaning, t) -> new SendRecord(account, id, accepted,
                        status, raw, code, meaning, t.get1(), t.get2(), t.get3()));
    }

    private static Arbitrary<StatusChange> changes() {
        return Combinators.combine(instants(), accounts(), nonBlank().optional(), Arbitraries.of(MessageStatus.class),
                text(), text().optional(), Arbitraries.of(StatusChange.Source.class)).as(StatusChange::new);
    }

    @Provide
    Arbitrary<DeliveryRecord> records() {
        Arbitrary<Tuple.Tuple4<List<StatusChange>, Integer, Integer, Optional<String>>> tail = Combinators.combine(
                changes().list().ofMaxSize(5), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), text().optional()).as(Tuple::of);
        return Combinators.combine(nonBlank(), requests(), Arbitraries.of("GB", "US", "FR", "ZZ", "001"),
                        instants(), instants(), Arbitraries.of(DeliveryRecord.Outcome.class), sends().list().ofMaxSize(4),
                        tail)
                .as((key, request, country, created, updated, outcome, sends, t) -> new DeliveryRecord(key, request,
                        country, created, updated, outcome, sends, t.get1(), t.get2(), t.get3(), t.get4()));
    }

    private static Arbitrary<Failure> failures() {
        return Combinators.combine(Arbitraries.of(FailureKind.class), text(), accounts().optional(),
                        Arbitraries.integers().between(100, 599).optional(), text().optional(),
                        text().optional(), Arbitraries.longs().between(0, 100_000).map(Duration::ofMillis).optional())
                .as((kind, message, account, http, code, field, retry) -> new Failure(kind, account,
                        http.map(OptionalInt::of).orElse(OptionalInt.empty()), code, field, message, retry));
    }

    @Provide
    Arbitrary<Delivery> deliveries() {
        Arbitrary<Optional<String>> references = nonBlank().optional();
        Arbitrary<Delivery> sent = Combinators.combine(accounts(), nonBlank(), senders(), references)
                .as((account, id, from, ref) -> new Delivery.Sent(account, id, from, Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), ref));
        Arbitrary<Delivery> unknown = Combinators.combine(accounts(), failures(), references)
                .as((account, failure, ref) -> new Delivery.OutcomeUnknown(account, failure, List.of(), ref));
        Arbitrary<Delivery> notSent = Combinators.combine(failures(), references)
                .as((failure, ref) -> new Delivery.NotSent(failure, List.of(), ref));
        return Arbitraries.oneOf(sent, unknown, notSent);
    }
}
