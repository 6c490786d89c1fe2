package io.switchboard.state.postgres;

import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one way the stores talk to PostgreSQL: a connection per call from the pool, and every failure turned into an
 * UNAVAILABLE {@link SwitchboardException} whose message is one line and never holds the password.
 */
final class Jdbc {

    static final String UNREACHABLE = "PostgreSQL state store unreachable: ";

    /** Work on one connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String secret;

    /** {@code secret} is redacted from every message, in case a driver ever echoes it; null when not known. */
    Jdbc(DataSource dataSource, String secret) {
        this.dataSource = dataSource;
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /** Runs {@code work} with auto-commit on: each statement is its own transaction. */
    <T> T call(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. A
     * {@link RuntimeException} of the work itself (a caller's function that failed) is rethrown as it is.
     */
    <T> T transaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(new IllegalStateException("rollback failed too (SQLState "
                    + rollback.getSQLState() + ")"));
        }
    }

    /** The store's failure for any SQL or connection error: no cause attached, so no driver text travels further. */
    SwitchboardException unavailable(Throwable e) {
        return new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE, UNREACHABLE + describe(e)));
    }

    /** One line: the SQLState when there is one, and the innermost message, redacted and escaped. */
    String describe(Throwable e) {
        String state = null;
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (state == null && t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
            if (t.getMessage() != null) {
                innermost = t;
            }
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName()
                : innermost.getMessage();
        if (secret != null) {
            message = message.replace(secret, "****");
        }
        String line = message.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ").strip();
        if (line.length() > 300) {
            line = line.substring(0, 300) + "...";
        }
        return (state == null ? "" : "[SQLState " + state + "] ") + line;
    }

    /** An instant as PostgreSQL keeps it (microseconds; finer digits are cut, always downwards). */
    static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A duration as an SQL interval literal in seconds, for intervals fixed by the settings. */
    static String interval(Duration duration) {
        return "make_interval(secs => " + duration.toNanos() / 1_000 / 1e6 + ")";
    }

    /**
     * A value for a {@code text} column: PostgreSQL cannot hold U+0000, and an unpaired surrogate would be stored
     * as '?' (two keys made one), so both are refused as invalid rather than changed.
     */
    static String storable(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean broken = c == 0
                    || Character.isHighSurrogate(c) && (i + 1 == value.length()
                            || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (broken) {
                throw SwitchboardException.invalid(field, "cannot be stored in PostgreSQL: character " + (i + 1)
                        + " is " + (c == 0 ? "U+0000" : "an unpaired surrogate"));
            }
        }
        return value;
    }
}
