package io.switchboard.state.postgres;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
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
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stored JSON of delivery records and ledger deliveries (format version {@value #VERSION}). Its own document
 * records with stable names, so that renaming a domain field never breaks what a fleet has stored. Every field of a
 * {@link DeliveryRecord} comes back equal; a {@link Delivery} keeps its kind, account, vendor id, sender, client
 * reference and whole failure, and drops its attempts, quote and the vendor's message or call record.
 */
final class StateJson {

    static final int VERSION = 1;

    // The documents are public only because Moshi reads records through method handles of its own package.

    public record RecordDoc(int v, String key, RequestDoc request, String country, String createdAt, String updatedAt,
            String outcome, List<SendDoc> sends, List<ChangeDoc> history, int resends, int readBacks,
            String failure) {
    }

    public record RequestDoc(String to, SenderDoc from, String text, List<String> media, String channel,
            String statusCallback, String clientReference) {
    }

    /** Exactly one of the three is set. */
    public record SenderDoc(String number, String senderId, String pool) {
    }

    public record SendDoc(String account, String vendorId, boolean accepted, String status, String rawStatus,
            String errorCode, String errorMeaning, String errorClass, MoneyDoc price, String since) {
    }

    /** The amount as {@link BigDecimal#toString()} writes it, so that its scale comes back too. */
    public record MoneyDoc(String amount, String currency) {
    }

    public record ChangeDoc(String at, String account, String vendorId, String status, String rawStatus, String errorCode,
            String source) {
    }

    public record DeliveryDoc(int v, String kind, String account, String vendorId, SenderDoc from, String clientReference,
            FailureDoc failure) {
    }

    public record FailureDoc(String kind, String message, String account, Integer httpStatus, String vendorCode,
            String field, String retryAfter) {
    }

    private final JsonAdapter<RecordDoc> records;
    private final JsonAdapter<DeliveryDoc> deliveries;

    StateJson() {
        Moshi moshi = new Moshi.Builder().add(String.class, new JsonbSafeString().nullSafe()).build();
        this.records = moshi.adapter(RecordDoc.class);
        this.deliveries = moshi.adapter(DeliveryDoc.class);
    }

    String write(DeliveryRecord r) {
        MessageRequest q = r.request();
        RequestDoc request = new RequestDoc(q.to().e164(), sender(q.from()), q.text(),
                q.media().stream().map(URI::toString).toList(), q.channel().name(),
                q.statusCallback().map(URI::toString).orElse(null), q.clientReference().orElse(null));
        List<SendDoc> sends = r.sends().stream().map(s -> new SendDoc(s.account().toString(),
                s.vendorId().orElse(null), s.accepted(), s.status().name(), s.rawStatus(), s.errorCode().orElse(null),
                s.errorMeaning().orElse(null), s.errorClass().name(),
                s.price().map(p -> new MoneyDoc(p.amount().toString(), p.currency().getCurrencyCode())).orElse(null),
                s.since().toString())).toList();
        List<ChangeDoc> history = r.history().stream().map(c -> new ChangeDoc(c.at().toString(),
                c.account().toString(), c.vendorId().orElse(null), c.status().name(), c.rawStatus(),
                c.errorCode().orElse(null), c.source().name())).toList();
        return records.toJson(new RecordDoc(VERSION, r.key(), request, r.country(), r.createdAt().toString(),
                r.updatedAt().toString(), r.outcome().name(), sends, history, r.resends(), r.readBacks(),
                r.failure().orElse(null)));
    }

    DeliveryRecord readRecord(String json) {
        RecordDoc d = parse(records, json);
        RequestDoc q = d.request();
        MessageRequest request = new MessageRequest(PhoneNumber.parse(q.to(), "to"), sender(q.from()), q.text(),
                list(q.media()).stream().map(URI::create).toList(), Channel.valueOf(q.channel()),
                Optional.ofNullable(q.statusCallback()).map(URI::create), Optional.ofNullable(q.clientReference()));
        List<SendRecord> sends = list(d.sends()).stream().map(s -> new SendRecord(AccountId.parse(s.account()),
                Optional.ofNullable(s.vendorId()), s.accepted(), status(s.status()), s.rawStatus(),
                Optional.ofNullable(s.errorCode()), Optional.ofNullable(s.errorMeaning()), errorClass(s.errorClass()),
                Optional.ofNullable(s.price()).map(p -> new Money(new BigDecimal(p.amount()),
                        Money.currency(p.currency()))),
                Instant.parse(s.since()))).toList();
        List<StatusChange> history = list(d.history()).stream().map(c -> new StatusChange(Instant.parse(c.at()),
                AccountId.parse(c.account()), Optional.ofNullable(c.vendorId()), status(c.status()), c.rawStatus(),
                Optional.ofNullable(c.errorCode()), StatusChange.Source.valueOf(c.source()))).toList();
        return new DeliveryRecord(d.key(), request, d.country(), Instant.parse(d.createdAt()),
                Instant.parse(d.updatedAt()), DeliveryRecord.Outcome.valueOf(d.outcome()), sends, history,
                d.resends(), d.readBacks(), Optional.ofNullable(d.failure()));
    }

    String write(Delivery delivery) {
        DeliveryDoc doc;
        String reference = delivery.clientReference().orElse(null);
        if (delivery instanceof Delivery.Sent s) {
            doc = new DeliveryDoc(VERSION, "sent", s.account().toString(), s.vendorId(), sender(s.from()), reference,
                    null);
        } else if (delivery instanceof Delivery.OutcomeUnknown u) {
            doc = new DeliveryDoc(VERSION, "outcome_unknown", u.account().toString(), null, null, reference,
                    failure(u.failure()));
        } else {
            Delivery.NotSent n = (Delivery.NotSent) delivery;
            doc = new DeliveryDoc(VERSION, "not_sent", null, null, null, reference, failure(n.failure()));
        }
        return deliveries.toJson(doc);
    }

    Delivery readDelivery(String json) {
        DeliveryDoc d = parse(deliveries, json);
        Optional<String> reference = Optional.ofNullable(d.clientReference());
        return switch (d.kind()) {
            case "sent" -> new Delivery.Sent(AccountId.parse(d.account()), d.vendorId(), sender(d.from()),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(), reference);
            case "outcome_unknown" -> new Delivery.OutcomeUnknown(AccountId.parse(d.account()), failure(d.failure()),
                    List.of(), reference);
            case "not_sent" -> new Delivery.NotSent(failure(d.failure()), List.of(), reference);
            default -> throw new IllegalStateException("unknown stored delivery kind '" + d.kind() + "'");
        };
    }

    private static <T> T parse(JsonAdapter<T> adapter, String json) {
        try {
            T doc = adapter.fromJson(json);
            if (doc == null) {
                throw new IllegalStateException("stored document is null");
            }
            return doc;
        } catch (IOException e) {
            throw new IllegalStateException("stored document is not readable: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static SenderDoc sender(Sender from) {
        if (from instanceof PhoneNumber n) {
            return new SenderDoc(n.e164(), null, null);
        }
        if (from instanceof SenderId id) {
            return new SenderDoc(null, id.value(), null);
        }
        return new SenderDoc(null, null, ((SenderPool) from).name());
    }

    private static Sender sender(SenderDoc doc) {
        if (doc.number() != null) {
            return PhoneNumber.parse(doc.number(), "from");
        }
        if (doc.senderId() != null) {
            return new SenderId(doc.senderId());
        }
        return new SenderPool(doc.pool());
    }

    private static FailureDoc failure(Failure f) {
        return new FailureDoc(f.kind().name(), f.message(), f.account().map(AccountId::toString).orElse(null),
                f.httpStatus().isPresent() ? f.httpStatus().getAsInt() : null, f.vendorCode().orElse(null),
                f.field().orElse(null), f.retryAfter().map(Duration::toString).orElse(null));
    }

    private static Failure failure(FailureDoc d) {
        return new Failure(FailureKind.valueOf(d.kind()), Optional.ofNullable(d.account()).map(AccountId::parse),
                d.httpStatus() == null ? OptionalInt.empty() : OptionalInt.of(d.httpStatus()),
                Optional.ofNullable(d.vendorCode()), Optional.ofNullable(d.field()), d.message(),
                Optional.ofNullable(d.retryAfter()).map(Duration::parse));
    }

    /** A status a newer instance wrote and this one does not know reads as UNKNOWN, as a vendor's would. */
    private static MessageStatus status(String name) {
        try {
            return MessageStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return MessageStatus.UNKNOWN;
        }
    }

    private static ErrorClass errorClass(String name) {
        try {
            return ErrorClass.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ErrorClass.UNCLASSIFIED;
        }
    }

    /**
     * Strings as jsonb can hold them. jsonb refuses U+0000 and unpaired surrogates (and UTF-8 has no form for the
     * latter), yet a caller's text may hold either: such a string is written as {@code {"utf16": "<Base64 of its
     * UTF-16BE code units>"}}, every other string as itself.
     */
    static final class JsonbSafeString extends JsonAdapter<String> {

        @Override
        public String fromJson(JsonReader reader) throws IOException {
            if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
                return reader.nextString();
            }
            String value = null;
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("utf16")) {
                    value = fromCodeUnits(Base64.getDecoder().decode(reader.nextString()));
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (value == null) {
                throw new IOException("an encoded string without 'utf16' at " + reader.getPath());
            }
            return value;
        }

        @Override
        public void toJson(JsonWriter writer, String value) throws IOException {
            if (jsonbCanHold(value)) {
                writer.value(value);
                return;
            }
            writer.beginObject();
            writer.name("utf16").value(Base64.getEncoder().encodeToString(codeUnits(value)));
            writer.endObject();
        }

        // By hand: the JDK's UTF-16 charsets replace an unpaired surrogate, the very thing this must keep.
        private static byte[] codeUnits(String value) {
            ByteBuffer bytes = ByteBuffer.allocate(value.length() * 2);
            bytes.asCharBuffer().put(value);
            return bytes.array();
        }

        private static String fromCodeUnits(byte[] bytes) throws IOException {
            if (bytes.length % 2 != 0) {
                throw new IOException("an encoded string of an odd number of bytes");
            }
            return ByteBuffer.wrap(bytes).asCharBuffer().toString();
        }

        static boolean jsonbCanHold(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == 0) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
