package io.switchboard.state.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** A real PostgreSQL for one test class, started from Maven's copy of its binaries, and the states that use it. */
final class TestDatabase implements AutoCloseable {

    /** Embedded PostgreSQL trusts local connections, so any password works: this one must never be printed. */
    static final String PASSWORD = "pw-Never-Print-7f3a9c";

    final EmbeddedPostgres server;

    private TestDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    static TestDatabase start() {
        try {
            return new TestDatabase(EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30)).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    String url() {
        return url(server.getPort());
    }

    PostgresState state(PostgresSettings settings) {
        return PostgresState.start(url(), "postgres", PASSWORD, settings);
    }

    PostgresState state() {
        return state(PostgresSettings.ofDefaults().withPoolSize(4));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
