package io.switchboard.state.postgres;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.DeliveryRecords;
import io.switchboard.application.lifecycle.RecordQuery;
import io.switchboard.application.lifecycle.SendRecord;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Delivery records of a fleet. Each record is one jsonb document, with the fields {@link RecordQuery} filters on
 * beside it as indexed columns; the vendor-id index is written in the same statement or transaction as its record,
 * and concurrent updates of one key on any instances see each other's results. Time filters and the order of records
 * compare creation times to the microsecond, as PostgreSQL keeps them.
 *
 * <p>An {@link #update} of a record this object wrote a moment ago (the send's outcome after its opening, the usual
 * case) is one statement: the change runs on the version remembered here and is written only if the row is still that
 * version (PostgreSQL's row version {@code xmin}); any other update, or one that finds the row changed meanwhile by
 * another instance or thread, locks the row ({@code SELECT ... FOR UPDATE}), runs the change on what it holds and
 * writes it, in one transaction. A change may therefore run twice; the result of its last run is what is stored.
 */
public final class PostgresDeliveryRecords implements DeliveryRecords {

    private static final String COLUMNS = "created_at, updated_at, outcome, status, account, country, is_final, record";

    /**
     * How long a record written here is remembered for a one-statement update (the send's outcome follows its opening
     * within the routing deadline), and how many at most: 16,384 in 10 s is 1,600 sends a second per instance before
     * the bound, not the time, decides; past it more updates take the locked path.
     */
    static final int REMEMBERED = 16_384;
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(10);

    private static final String UPDATE_COLUMNS = "created_at = ?, updated_at = ?, outcome = ?, status = ?,"
            + " account = ?, country = ?, is_final = ?, record = ?::jsonb";

    private final Jdbc jdbc;
    private final StateJson json;
    private final Duration retention;
    /** The records this object last wrote, with the row version PostgreSQL gave each. */
    private final Cache<String, Written> written = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .expireAfterWrite(REMEMBERED_FOR).build();

    /** A record as written, and the row version ({@code xmin}) of that write. */
    private record Written(DeliveryRecord record, String version) {
    }

    PostgresDeliveryRecords(Jdbc jdbc, StateJson json, PostgresSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.retention = settings.recordRetention();
    }

    @Override
    public boolean insert(DeliveryRecord record) {
        Checks.required(record, "record");
        String key = key(record.key());
        String doc = json.write(record);
        String insert = "INSERT INTO switchboard.delivery_records (record_key, " + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (record_key) DO NOTHING RETURNING xmin::text";
        Jdbc.Work<String> write = connection -> {
            try (PreparedStatement s = connection.prepareStatement(insert)) {
                s.setString(1, key);
                bindColumns(s, 2, record, doc);
                try (ResultSet row = s.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    index(connection, key, record);
                    return row.getString(1);
                }
            }
        };
        // A new record has no vendor ids as a rule: then the insert is one statement, not a transaction.
        String version = vendorIds(record).isEmpty() ? jdbc.call(write) : jdbc.transaction(write);
        if (version == null) {
            return false;
        }
        written.put(key, new Written(record, version));
        return true;
    }

    @Override
    public Optional<DeliveryRecord> get(String key) {
        String k = key(Checks.required(key, "key"));
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT record::text FROM switchboard.delivery_records WHERE record_key = ?")) {
                s.setString(1, k);
                try (ResultSet row = s.executeQuery()) {
                    return row.next() ? Optional.of(json.readRecord(row.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<String> keyOf(AccountId account, String vendorId) {
        Checks.required(account, "account");
        Checks.required(vendorId, "vendorId");
        if (!StateJson.JsonbSafeString.jsonbCanHold(vendorId)) {
            return Optional.empty(); // never indexed: see index()
        }
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT record_key FROM"
                    + " switchboard.delivery_vendor_ids WHERE account = ? AND vendor_id = ?")) {
                s.setString(1, account.toString());
                s.setString(2, vendorId);
                try (ResultSet row = s.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * One statement when the row is still the version this object wrote last, else one transaction that locks the row
     * (see the class). A {@code change} that throws writes nothing and its exception reaches the caller as it was;
     * one that returns null deletes the record, as the in-memory store does.
     */
    @Override
    public Optional<DeliveryRecord> update(String key, UnaryOperator<DeliveryRecord> change) {
        String k = key(Checks.required(key, "key"));
        Checks.required(change, "change");
        Written last = written.getIfPresent(k);
        if (last != null) {
            DeliveryRecord next = change.apply(last.record());
            if (next != null && updateIfStill(k, last.version(), next)) {
                return Optional.of(next);
            }
            written.invalidate(k);
        }
        return lockedUpdate(k, change);
    }

    /** Writes {@code next} and its vendor ids in one statement if the row is still {@code version}. */
    private boolean updateIfStill(String key, String version, DeliveryRecord next) {
        String doc = json.write(next);
        List<String[]> ids = vendorIds(next);
        String newVersion = jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement("WITH u AS (UPDATE switchboard.delivery_records"
                    + " SET " + UPDATE_COLUMNS + " WHERE record_key = ? AND xmin = ?::xid RETURNING xmin::text AS v),"
                    + " i AS (INSERT INTO switchboard.delivery_vendor_ids (account, vendor_id, record_key)"
                    + " SELECT x.a, x.id, ? FROM unnest(?::text[], ?::text[]) AS x(a, id) WHERE EXISTS (SELECT 1 FROM u)"
                    + " ON CONFLICT (account, vendor_id) DO NOTHING) SELECT v FROM u")) {
                bindColumns(s, 1, next, doc);
                s.setString(9, key);
                s.setString(10, version);
                s.setString(11, key);
                s.setArray(12, connection.createArrayOf("text", ids.stream().map(id -> id[0]).toArray()));
                s.setArray(13, connection.createArrayOf("text", ids.stream().map(id -> id[1]).toArray()));
                try (ResultSet row = s.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
        if (newVersion == null) {
            return false;
        }
        written.put(key, new Written(next, newVersion));
        return true;
    }

    /** One transaction: the row locked, {@code change} run on what it holds, the result written with its vendor ids. */
    private Optional<DeliveryRecord> lockedUpdate(String k, UnaryOperator<DeliveryRecord> change) {
        Optional<Written> done = jdbc.transaction(connection -> {
            DeliveryRecord current;
            try (PreparedStatement s = connection.prepareStatement("SELECT record::text FROM"
                    + " switchboard.delivery_records WHERE record_key = ? FOR UPDATE")) {
                s.setString(1, k);
                try (ResultSet row = s.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    current = json.readRecord(row.getString(1));
                }
            }
            DeliveryRecord next = change.apply(current);
            if (next == current) {
                return Optional.of(new Written(current, null)); // nothing changed: nothing written
            }
            if (next == null) {
                try (PreparedStatement s = connection.prepareStatement(
                        "DELETE FROM switchboard.delivery_records WHERE record_key = ?")) {
                    s.setString(1, k);
                    s.executeUpdate();
                }
                return Optional.empty();
            }
            String version;
            try (PreparedStatement s = connection.prepareStatement("UPDATE switchboard.delivery_records SET "
                    + UPDATE_COLUMNS + " WHERE record_key = ? RETURNING xmin::text")) {
                bindColumns(s, 1, next, json.write(next));
                s.setString(9, k);
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    version = row.getString(1);
                }
            }
            index(connection, k, next);
            // Remembered once committed: the version is this transaction's, which the row keeps after the commit.
            return Optional.of(new Written(next, version));
        });
        done.filter(w -> w.version() != null).ifPresent(w -> written.put(k, w));
        return done.map(Written::record);
    }

    @Override
    public List<DeliveryRecord> list(RecordQuery query) {
        Checks.required(query, "query");
        StringBuilder sql = new StringBuilder("SELECT record::text FROM switchboard.delivery_records WHERE true");
        List<Object> args = new ArrayList<>();
        query.outcome().ifPresent(o -> filter(sql, args, " AND outcome = ?", o.name()));
        query.status().ifPresent(st -> filter(sql, args, " AND status = ?", st.name()));
        query.account().ifPresent(a -> filter(sql, args, " AND account = ?", a.toString()));
        query.country().ifPresent(c -> filter(sql, args, " AND country = ?", c));
        query.createdAfter().ifPresent(t -> filter(sql, args, " AND created_at >= ?", Jdbc.timestamp(t)));
        query.createdBefore().ifPresent(t -> filter(sql, args, " AND created_at < ?", Jdbc.timestamp(t)));
        query.finalStatus().ifPresent(f -> filter(sql, args, " AND is_final = ?", f));
        sql.append(" ORDER BY created_at DESC, record_key LIMIT ?");
        args.add(query.limit());
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                List<DeliveryRecord> found = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(json.readRecord(rows.getString(1)));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public boolean firstSight(String eventId) {
        String id = eventKey(Checks.notBlank(eventId, "eventId"));
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO switchboard.seen_events"
                    + " (event_id) VALUES (?) ON CONFLICT (event_id) DO NOTHING")) {
                s.setString(1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes records unchanged for longer than the record retention (a week by default) with their vendor ids, and
     * callback event ids seen longer ago than that; returns how many records went.
     */
    public int purge() {
        String before = "now() - " + Jdbc.interval(retention);
        return jdbc.transaction(connection -> {
            int records;
            try (PreparedStatement s = connection.prepareStatement(
                    "DELETE FROM switchboard.delivery_records WHERE updated_at < " + before)) {
                records = s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "DELETE FROM switchboard.seen_events WHERE seen_at < " + before)) {
                s.executeUpdate();
            }
            return records;
        });
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, Object value) {
        sql.append(condition);
        args.add(value);
    }

    private static void bindColumns(PreparedStatement s, int from, DeliveryRecord r, String doc) throws SQLException {
        s.setObject(from, Jdbc.timestamp(r.createdAt()));
        s.setObject(from + 1, Jdbc.timestamp(r.updatedAt()));
        s.setString(from + 2, r.outcome().name());
        s.setString(from + 3, r.status().map(Enum::name).orElse(null));
        s.setString(from + 4, r.current().map(c -> c.account().toString()).orElse(null));
        s.setString(from + 5, r.country());
        s.setBoolean(from + 6, r.isFinal());
        s.setString(from + 7, doc);
    }

    /** Adds the vendor ids of the record's sends; an id already indexed keeps the record it names. */
    private static void index(Connection connection, String key, DeliveryRecord record) throws SQLException {
        List<String[]> ids = vendorIds(record);
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO switchboard.delivery_vendor_ids"
                + " (account, vendor_id, record_key) VALUES (?, ?, ?) ON CONFLICT (account, vendor_id) DO NOTHING")) {
            for (String[] id : ids) {
                s.setString(1, id[0]);
                s.setString(2, id[1]);
                s.setString(3, key);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The (account, vendor id) pairs of the record's sends that the index holds. */
    private static List<String[]> vendorIds(DeliveryRecord record) {
        List<String[]> ids = new ArrayList<>();
        for (SendRecord send : record.sends()) {
            // A vendor id PostgreSQL cannot hold as text is left out of the index; keyOf answers empty for it.
            if (send.vendorId().isPresent() && StateJson.JsonbSafeString.jsonbCanHold(send.vendorId().get())) {
                ids.add(new String[] {send.account().toString(), send.vendorId().get()});
            }
        }
        return ids;
    }

    private static String key(String key) {
        return Jdbc.storable(key, "key");
    }

    /** Event ids come from vendors: one PostgreSQL cannot hold as text is kept as its digest instead of refused. */
    private static String eventKey(String eventId) {
        if (StateJson.JsonbSafeString.jsonbCanHold(eventId)) {
            return eventId;
        }
        try {
            byte[] utf16 = new byte[eventId.length() * 2];
            for (int i = 0; i < eventId.length(); i++) {
                utf16[2 * i] = (byte) (eventId.charAt(i) >> 8);
                utf16[2 * i + 1] = (byte) eventId.charAt(i);
            }
            return "sha256-utf16:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
