package io.switchboard.state.postgres;

import io.switchboard.application.lifecycle.SuppressionList;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The opted-out numbers of a fleet: a STOP received by any instance keeps every instance from sending to the number.
 * An entry's {@code since} is kept to the microsecond.
 */
public final class PostgresSuppressionList implements SuppressionList {

    private final Jdbc jdbc;

    PostgresSuppressionList(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(PhoneNumber number) {
        Checks.required(number, "number");
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT number, account, reason, since"
                    + " FROM switchboard.suppressions WHERE number = ?")) {
                s.setString(1, number.e164());
                try (ResultSet row = s.executeQuery()) {
                    return row.next() ? Optional.of(entry(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void add(Entry entry) {
        Checks.required(entry, "entry");
        String reason = Jdbc.storable(entry.reason(), "reason");
        jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO switchboard.suppressions"
                    + " (number, account, reason, since) VALUES (?, ?, ?, ?) ON CONFLICT (number) DO UPDATE SET"
                    + " account = EXCLUDED.account, reason = EXCLUDED.reason, since = EXCLUDED.since")) {
                s.setString(1, entry.number().e164());
                s.setString(2, entry.account().toString());
                s.setString(3, reason);
                s.setObject(4, Jdbc.timestamp(entry.since()));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(PhoneNumber number) {
        Checks.required(number, "number");
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "DELETE FROM switchboard.suppressions WHERE number = ?")) {
                s.setString(1, number.e164());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Entry> all() {
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT number, account, reason, since"
                    + " FROM switchboard.suppressions ORDER BY since, number");
                    ResultSet rows = s.executeQuery()) {
                List<Entry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(entry(rows));
                }
                return entries;
            }
        });
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(PhoneNumber.parse(row.getString(1), "number"), AccountId.parse(row.getString(2)),
                row.getString(3), row.getObject(4, OffsetDateTime.class).toInstant());
    }
}
