package io.switchboard.state.postgres;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How the PostgreSQL state store behaves. Start from {@link #ofDefaults()} and change what differs.
 *
 * @param poolSize connections the store's own pool keeps (ignored when the store uses an application's pool)
 * @param connectionTimeout the longest a call waits for a connection before it fails as unavailable
 * @param socketTimeout the longest a statement waits for the server's answer before it fails as unavailable
 * @param lease how long a claim of a client reference holds before an instance that stopped is presumed dead
 * @param ledgerRetention how long the ledger remembers a reference after its last change ({@code purge})
 * @param recordRetention how long delivery records and seen callback events are kept after their last change
 * @param instanceId this instance's name in the ledger, shown when its claim expires
 */
public record PostgresSettings(
        int poolSize,
        Duration connectionTimeout,
        Duration socketTimeout,
        Duration lease,
        Duration ledgerRetention,
        Duration recordRetention,
        String instanceId) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_LEDGER_RETENTION = Duration.ofDays(1);
    public static final Duration DEFAULT_RECORD_RETENTION = Duration.ofDays(7);

    public PostgresSettings {
        if (poolSize < 1 || poolSize > 1000) {
            throw SwitchboardException.invalid("poolSize", "must be 1 to 1000, got " + poolSize);
        }
        atLeast(connectionTimeout, Duration.ofMillis(250), "connectionTimeout");
        atLeast(socketTimeout, Duration.ofSeconds(1), "socketTimeout");
        atLeast(lease, Duration.ofMillis(1), "lease");
        atLeast(ledgerRetention, Duration.ofMillis(1), "ledgerRetention");
        atLeast(recordRetention, Duration.ofMillis(1), "recordRetention");
        if (ledgerRetention.compareTo(lease) <= 0) {
            // A remembered claim must outlive its lease, or a running send could be forgotten and claimed again.
            throw SwitchboardException.invalid("ledgerRetention", "must be longer than the lease (" + lease
                    + "), got " + ledgerRetention);
        }
        Checks.notBlank(instanceId, "instanceId");
    }

    /** Ten connections, 2 s to get one, a five-minute lease, a day of ledger and a week of records. */
    public static PostgresSettings ofDefaults() {
        return new PostgresSettings(DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_SOCKET_TIMEOUT,
                DEFAULT_LEASE, DEFAULT_LEDGER_RETENTION, DEFAULT_RECORD_RETENTION, defaultInstanceId());
    }

    /** {@code pid@host} of this JVM, as the JDK names it. */
    static String defaultInstanceId() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name == null || name.isBlank() ? "pid-" + ProcessHandle.current().pid() : name;
    }

    public PostgresSettings withPoolSize(int value) {
        return new PostgresSettings(value, connectionTimeout, socketTimeout, lease, ledgerRetention, recordRetention,
                instanceId);
    }

    public PostgresSettings withConnectionTimeout(Duration value) {
        return new PostgresSettings(poolSize, value, socketTimeout, lease, ledgerRetention, recordRetention,
                instanceId);
    }

    public PostgresSettings withSocketTimeout(Duration value) {
        return new PostgresSettings(poolSize, connectionTimeout, value, lease, ledgerRetention, recordRetention,
                instanceId);
    }

    public PostgresSettings withLease(Duration value) {
        return new PostgresSettings(poolSize, connectionTimeout, socketTimeout, value, ledgerRetention,
                recordRetention, instanceId);
    }

    public PostgresSettings withLedgerRetention(Duration value) {
        return new PostgresSettings(poolSize, connectionTimeout, socketTimeout, lease, value, recordRetention,
                instanceId);
    }

    public PostgresSettings withRecordRetention(Duration value) {
        return new PostgresSettings(poolSize, connectionTimeout, socketTimeout, lease, ledgerRetention, value,
                instanceId);
    }

    public PostgresSettings withInstanceId(String value) {
        return new PostgresSettings(poolSize, connectionTimeout, socketTimeout, lease, ledgerRetention,
                recordRetention, value);
    }

    private static void atLeast(Duration value, Duration min, String field) {
        Checks.required(value, field);
        if (value.compareTo(min) < 0) {
            throw SwitchboardException.invalid(field, "must be at least " + min + ", got " + value);
        }
    }
}
