package io.switchboard.application.lifecycle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Delivery records of one instance, each kept for a retention period after its last change (a week by default),
 * at most {@code maxRecords} of them (the oldest go first). Listing scans every record: fine for the numbers one
 * process holds, and the reason a fleet uses a database.
 */
public final class InMemoryDeliveryRecords implements DeliveryRecords {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final long DEFAULT_MAX_RECORDS = 1_000_000;

    private final ConcurrentMap<String, DeliveryRecord> records;
    private final ConcurrentMap<String, String> byVendorId;
    private final ConcurrentMap<String, Boolean> seen;

    public InMemoryDeliveryRecords(Duration retention, long maxRecords, Clock clock) {
        Checks.required(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw SwitchboardException.invalid("retention", "must be positive, got " + retention);
        }
        if (maxRecords < 1) {
            throw SwitchboardException.invalid("maxRecords", "must be at least 1, got " + maxRecords);
        }
        Checks.required(clock, "clock");
        this.records = cache(retention, maxRecords, clock);
        this.byVendorId = cache(retention, maxRecords * 2, clock);
        this.seen = cache(retention, maxRecords * 4, clock);
    }

    public InMemoryDeliveryRecords() {
        this(DEFAULT_RETENTION, DEFAULT_MAX_RECORDS, Clock.systemUTC());
    }

    private static <V> ConcurrentMap<String, V> cache(Duration retention, long max, Clock clock) {
        Cache<String, V> cache = Caffeine.newBuilder()
                .expireAfterWrite(retention)
                .maximumSize(max)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
        return cache.asMap();
    }

    @Override
    public boolean insert(DeliveryRecord record) {
        Checks.required(record, "record");
        if (records.putIfAbsent(record.key(), record) != null) {
            return false;
        }
        index(record);
        return true;
    }

    @Override
    public Optional<DeliveryRecord> get(String key) {
        return Optional.ofNullable(records.get(Checks.required(key, "key")));
    }

    @Override
    public Optional<String> keyOf(AccountId account, String vendorId) {
        return Optional.ofNullable(byVendorId.get(indexKey(account, vendorId)));
    }

    @Override
    public Optional<DeliveryRecord> update(String key, UnaryOperator<DeliveryRecord> change) {
        Checks.required(change, "change");
        DeliveryRecord next = records.computeIfPresent(Checks.required(key, "key"), (k, record) -> change.apply(record));
        if (next != null) {
            index(next);
        }
        return Optional.ofNullable(next);
    }

    @Override
    public List<DeliveryRecord> list(RecordQuery query) {
        Checks.required(query, "query");
        return records.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing(DeliveryRecord::createdAt).reversed())
                .limit(query.limit())
                .toList();
    }

    @Override
    public boolean firstSight(String eventId) {
        return seen.putIfAbsent(Checks.notBlank(eventId, "eventId"), Boolean.TRUE) == null;
    }

    private void index(DeliveryRecord record) {
        for (SendRecord send : record.sends()) {
            send.vendorId().ifPresent(id -> byVendorId.putIfAbsent(indexKey(send.account(), id), record.key()));
        }
    }

    private static String indexKey(AccountId account, String vendorId) {
        return account + "|" + vendorId;
    }
}
