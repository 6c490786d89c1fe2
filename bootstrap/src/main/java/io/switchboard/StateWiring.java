package io.switchboard;

import io.switchboard.config.StateConfig;
import io.switchboard.state.postgres.PostgresSettings;
import io.switchboard.state.postgres.PostgresState;
import io.switchboard.state.redis.RedisState;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Connects the shared stores a configuration's {@code state} section names and hands them to the builder, which
 * closes them with the facade. Only loaded when there is such a section: the stores' modules are optional
 * dependencies of the library, which an application that wants them adds itself.
 */
final class StateWiring {

    private StateWiring() {
    }

    static void apply(StateConfig state, SwitchboardBuilder builder) {
        java.util.List<AutoCloseable> started = new java.util.ArrayList<>();
        try {
            connect(state, builder, started);
        } catch (RuntimeException e) {
            // One store could not start: the ones already connected are closed, not left to the facade never built.
            for (AutoCloseable store : started) {
                try {
                    store.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static void connect(StateConfig state, SwitchboardBuilder builder, java.util.List<AutoCloseable> started) {
        state.postgres().ifPresent(pg -> {
            PostgresState store = PostgresState.start(pg.url(), pg.user(),
                    pg.password().map(secret -> secret.reveal()).orElse(null),
                    PostgresSettings.ofDefaults().withPoolSize(pg.poolSize()).withLease(pg.lease()));
            started.add(store);
            builder.closing(store).ledger(store.ledger()).deliveryRecords(store.records())
                    .suppressions(store.suppressions());
        });
        state.redis().ifPresent(redis -> {
            String uri = redis.password().map(secret -> redis.uri().replaceFirst("^(rediss?://)",
                    "$1:" + URLEncoder.encode(secret.reveal(), StandardCharsets.UTF_8)
                            .replace("$", "\\$") + "@")).orElse(redis.uri());
            RedisState store = RedisState.builder(uri).instances(redis.instances())
                    .commandTimeout(redis.timeout()).build();
            started.add(store);
            builder.closing(store).budgets(store.budgets()).retryAfterMarks(store.retryAfterMarks());
        });
    }
}
