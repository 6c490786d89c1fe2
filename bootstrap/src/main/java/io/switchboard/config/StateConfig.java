package io.switchboard.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The {@code state} section: where a fleet keeps what its instances share (docs/fleet.md). Absent, everything stays in
 * the memory of each instance.
 *
 * @param postgres the idempotency ledger, the delivery records and the opt-out list
 * @param redis the accounts' rate-limit budgets and Retry-After marks
 */
public record StateConfig(Optional<Postgres> postgres, Optional<Redis> redis) {

    public static final StateConfig IN_MEMORY = new StateConfig(Optional.empty(), Optional.empty());

    /**
     * @param url a JDBC URL without credentials ({@code jdbc:postgresql://db:5432/switchboard})
     * @param password from the environment variable {@code passwordEnv} names
     * @param lease how long a claimed reference stays in flight before it reads as outcome unknown
     */
    public record Postgres(String url, String user, Optional<Secret> password, int poolSize, Duration lease) {
    }

    /**
     * @param uri {@code redis://host[:port][/database]}, without a password
     * @param password from the environment variable {@code passwordEnv} names
     * @param instances how many instances share each budget, for the fallback while Redis is away
     * @param timeout the longest a Redis command may take before the fallback is used
     */
    public record Redis(String uri, Optional<Secret> password, int instances, Duration timeout) {
    }
}
