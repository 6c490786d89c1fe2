package io.switchboard.state.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Locale;

/**
 * Switchboard's shared state in PostgreSQL: the delivery ledger, the delivery records and the suppression list that
 * every instance of a fleet reads and writes. Starting it migrates the schema {@value #SCHEMA} (Flyway, its own
 * history table there). Every failure to reach the database is a {@link SwitchboardException} of kind UNAVAILABLE
 * whose message never holds the password.
 */
public final class PostgresState implements AutoCloseable {

    /** The schema every table lives in. */
    public static final String SCHEMA = "switchboard";

    static final String MIGRATIONS = "classpath:io/switchboard/state/postgres/migration";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresState.class);

    private final HikariDataSource ownPool;
    private final String description;
    private final PostgresSettings settings;
    private final PostgresDeliveryLedger ledger;
    private final PostgresDeliveryRecords records;
    private final PostgresSuppressionList suppressions;

    private PostgresState(DataSource dataSource, HikariDataSource ownPool, String secret, String description,
            PostgresSettings settings) {
        this.ownPool = ownPool;
        this.description = description;
        this.settings = settings;
        Jdbc jdbc = new Jdbc(dataSource, secret);
        StateJson json = new StateJson();
        this.ledger = new PostgresDeliveryLedger(jdbc, json, settings);
        this.records = new PostgresDeliveryRecords(jdbc, json, settings);
        this.suppressions = new PostgresSuppressionList(jdbc);
    }

    /** Connects with the default settings; see {@link #start(String, String, String, PostgresSettings)}. */
    public static PostgresState start(String jdbcUrl, String user, String password) {
        return start(jdbcUrl, user, password, PostgresSettings.ofDefaults());
    }

    /**
     * Opens a pool of {@code settings.poolSize()} connections to {@code jdbcUrl} ({@code jdbc:postgresql://host/db};
     * the password goes here, never in the URL) and migrates the schema. Fails as UNAVAILABLE when the database
     * cannot be reached.
     */
    public static PostgresState start(String jdbcUrl, String user, String password, PostgresSettings settings) {
        Checks.notBlank(jdbcUrl, "jdbcUrl");
        Checks.notBlank(user, "user");
        Checks.required(settings, "settings");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw SwitchboardException.invalid("jdbcUrl", "must start with 'jdbc:postgresql:' (the URL is not shown)");
        }
        if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password=")) {
            throw SwitchboardException.invalid("jdbcUrl", "must not carry the password: give it as its own argument"
                    + " (the URL is not shown)");
        }
        String where = withoutParameters(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("switchboard-state");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        // A fixed-size pool: connections are made once, not on the send path.
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.addDataSourceProperty("connectTimeout",
                String.valueOf(Math.max(1, settings.connectionTimeout().toSeconds())));
        config.addDataSourceProperty("socketTimeout", String.valueOf(settings.socketTimeout().toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "switchboard " + settings.instanceId());
        Jdbc errors = new Jdbc(null, password);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw errors.unavailable(e);
        }
        try {
            return migrated(new PostgresState(pool, pool, password, where + " as " + user, settings), pool, errors);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Uses an application's own pool, which {@link #close()} leaves open; {@code settings.poolSize()} is not used.
     * Migrates the schema first.
     */
    public static PostgresState using(DataSource dataSource, PostgresSettings settings) {
        Checks.required(dataSource, "dataSource");
        Checks.required(settings, "settings");
        return migrated(new PostgresState(dataSource, null, null, "an application's DataSource", settings),
                dataSource, new Jdbc(null, null));
    }

    private static PostgresState migrated(PostgresState state, DataSource dataSource, Jdbc errors) {
        // Instances of a fleet starting together race to create the schema (PostgreSQL's CREATE SCHEMA IF NOT EXISTS
        // can still fail on a concurrent one) before Flyway's lock protects them: the loser tries again.
        for (int attempt = 1; ; attempt++) {
            try {
                return migrateOnce(state, dataSource, errors);
            } catch (RuntimeException e) {
                if (attempt == MIGRATION_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final int MIGRATION_ATTEMPTS = 3;

    private static PostgresState migrateOnce(PostgresState state, DataSource dataSource, Jdbc errors) {
        try {
            MigrateResult result = Flyway.configure(PostgresState.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(SCHEMA)
                    .createSchemas(true)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info("PostgreSQL state store ready on {}: schema {} at version {} ({} migration(s) applied now)",
                    state.description, SCHEMA, result.targetSchemaVersion != null ? result.targetSchemaVersion
                            : result.initialSchemaVersion, result.migrationsExecuted);
            return state;
        } catch (RuntimeException e) {
            throw errors.unavailable(e);
        }
    }

    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    public PostgresDeliveryLedger ledger() {
        return ledger;
    }

    public PostgresDeliveryRecords records() {
        return records;
    }

    public PostgresSuppressionList suppressions() {
        return suppressions;
    }

    public PostgresSettings settings() {
        return settings;
    }

    /** Closes the pool this store opened; an application's own pool stays open. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    @Override
    public String toString() {
        return "PostgresState[" + description + ", schema " + SCHEMA + (ownPool != null ? ", pool of "
                + settings.poolSize() : "") + "]";
    }
}
