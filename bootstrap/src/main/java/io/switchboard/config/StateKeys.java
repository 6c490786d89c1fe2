package io.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The keys of the {@code state} section (docs/configuration.md, docs/fleet.md). */
final class StateKeys {

    private StateKeys() {
    }

    static StateConfig state(Node node, Function<Node, Secret> secrets) {
        if (node.isMissing()) {
            return StateConfig.IN_MEMORY;
        }
        node.onlyKeys(Set.of("postgres", "redis"));
        Node pg = node.get("postgres");
        Node redis = node.get("redis");
        return new StateConfig(pg.isMissing() ? Optional.empty() : Optional.of(postgres(pg, secrets)),
                redis.isMissing() ? Optional.empty() : Optional.of(redis(redis, secrets)));
    }

    private static StateConfig.Postgres postgres(Node node, Function<Node, Secret> secrets) {
        node.onlyKeys(Set.of("url", "user", "passwordEnv", "poolSize", "lease"));
        Node urlNode = node.get("url");
        String url = urlNode.text().trim();
        if (!url.startsWith("jdbc:postgresql://")) {
            throw urlNode.error("must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/switchboard");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password")) {
            throw urlNode.error("must not hold the password (the value is not shown); name its environment variable "
                    + "in 'passwordEnv'");
        }
        String user = node.get("user").text().trim();
        Optional<Secret> password = node.get("passwordEnv").isMissing() ? Optional.empty()
                : Optional.of(secrets.apply(node.get("passwordEnv")));
        int poolSize = 10;
        if (!node.get("poolSize").isMissing()) {
            poolSize = node.get("poolSize").positiveInt();
            if (poolSize > 200) {
                throw node.get("poolSize").error("must be at most 200, got " + poolSize);
            }
        }
        Duration lease = node.get("lease").isMissing() ? Duration.ofMinutes(5)
                : ResilienceKeys.positiveDuration(node.get("lease"));
        return new StateConfig.Postgres(url, user, password, poolSize, lease);
    }

    private static StateConfig.Redis redis(Node node, Function<Node, Secret> secrets) {
        node.onlyKeys(Set.of("uri", "passwordEnv", "instances", "timeout"));
        Node uriNode = node.get("uri");
        String uri = uriNode.text().trim();
        try {
            URI parsed = new URI(uri);
            if (!"redis".equals(parsed.getScheme()) && !"rediss".equals(parsed.getScheme())
                    || parsed.getHost() == null) {
                throw uriNode.error("must look like redis://host[:port][/database]");
            }
            if (parsed.getRawUserInfo() != null) {
                throw uriNode.error("must not hold a user or password (the value is not shown); name the password's "
                        + "environment variable in 'passwordEnv'");
            }
        } catch (URISyntaxException e) {
            throw uriNode.error("must look like redis://host[:port][/database]");
        }
        Optional<Secret> password = node.get("passwordEnv").isMissing() ? Optional.empty()
                : Optional.of(secrets.apply(node.get("passwordEnv")));
        int instances = node.get("instances").isMissing() ? 1 : node.get("instances").positiveInt();
        Duration timeout = node.get("timeout").isMissing() ? Duration.ofMillis(500)
                : ResilienceKeys.positiveDuration(node.get("timeout"));
        return new StateConfig.Redis(uri, password, instances, timeout);
    }
}
