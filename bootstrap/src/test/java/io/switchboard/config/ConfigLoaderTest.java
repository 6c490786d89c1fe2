package io.switchboard.config;

import java.util.Optional;

import io.switchboard.application.BreakerSettings;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    private static final Map<String, String> ENV = Map.of(
            "TWILIO_TOKEN", "tw-secret-value", "PLIVO_TOKEN", "pl-secret-value", "TELNYX_KEY", "tx-secret-value");

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(ENV::get);

    private static final String VALID = """
            accounts:
              - id: twilio:work
                credentials: {accountSid: AC0123456789abcdef0123456789abcdef, authTokenEnv: TWILIO_TOKEN}
              - id: plivo
                credentials: {authId: MA0123456789ABCDEFGH, authTokenEnv: PLIVO_TOKEN}
                rateLimit: {permits: 50, period: 60s}
              - id: telnyx:eu
                credentials: {apiKeyEnv: TELNYX_KEY, connectionId: "1494404757140276705"}
                baseUrl: http://127.0.0.1:9999
            rateDecks:
              - {account: telnyx:eu, product: sms, file: telnyx.csv}
            senderPools:
              alerts:
                - {account: twilio:work, senders: ["+14155550100"], countries: [US, CA]}
                - {account: plivo, senders: [SWITCHBD]}
            routing:
              policy: least-cost
              deny: {KP: all}
              allow: {GB: [plivo]}
              maxPrice: 0.05 USD
              guarantee: at-least-once
              maxAttempts: 2
              deadline: 10s
              prices: {warmUp: [gb, US], products: [sms], loadTimeout: 3s}
              unpriced: {sms: place-last, voice: exclude}
            """;

    @Test
    void aValueThatDoesNotMatchItsYamlTagFailsTyped() {
        for (String yaml : java.util.List.of("accounts: !!float x\n", "accounts: !!map x\n",
                "accounts: !!int 1.5\n")) {
            assertThatThrownBy(() -> loader.parse(yaml, dir)).as(yaml).isExactlyInstanceOf(SwitchboardException.class)
                    .hasMessageContaining("not valid YAML");
        }
    }

    @Test
    void loadsAValidFile() throws Exception {
        Files.writeString(dir.resolve("telnyx.csv"), "prefix,rate,currency\n1,0.004,USD\n");
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, VALID);

        SwitchboardConfig config = loader.load(file);

        assertThat(config.accounts()).extracting(AccountConfig::id).containsExactly(
                AccountId.parse("twilio:work"), AccountId.parse("plivo:default"), AccountId.parse("telnyx:eu"));
        AccountConfig twilio = config.accounts().get(0);
        assertThat(twilio.identifiers()).containsEntry("accountSid", "AC0123456789abcdef0123456789abcdef");
        assertThat(twilio.secrets().get("authToken").reveal()).isEqualTo("tw-secret-value");
        assertThat(config.accounts().get(1).rateLimit()).hasValueSatisfying(limit -> {
            assertThat(limit.permits()).isEqualTo(50);
            assertThat(limit.period()).isEqualTo(Duration.ofSeconds(60));
        });
        assertThat(config.accounts().get(2).baseUrl()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(9999));
        assertThat(config.rateDecks()).singleElement().satisfies(deck -> {
            assertThat(deck.product()).isEqualTo(Product.SMS);
            assertThat(deck.file()).isEqualTo(dir.resolve("telnyx.csv"));
        });
        assertThat(config.senderPools()).hasSize(2);
        assertThat(config.senderPools().get(0).senders()).containsExactly(PhoneNumber.parse("+14155550100"));
        assertThat(config.senderPools().get(0).countries()).containsExactlyInAnyOrder("US", "CA");
        assertThat(config.senderPools().get(1).senders()).containsExactly(SenderId.of("SWITCHBD"));
        assertThat(config.routing().maxPrice()).contains(Money.of("0.05", "USD"));
        assertThat(config.routing().guarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(config.routing().maxAttempts()).isEqualTo(2);
        assertThat(config.routing().deadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.routing().deny().get("KP")).hasSize(3);
        assertThat(config.routing().allow()).containsOnlyKeys("GB");
        assertThat(config.routing().allow().get("GB")).containsExactly(AccountId.parse("plivo"));
        assertThat(config.routing().prices().warmUp()).contains(java.util.List.of("GB", "US"));
        assertThat(config.routing().prices().products()).containsExactly(Product.SMS);
        assertThat(config.routing().prices().loadTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.routing().unpriced()).containsEntry(Product.SMS,
                io.switchboard.application.RoutingPolicy.UnpricedHandling.PLACE_LAST).containsEntry(Product.MMS,
                io.switchboard.application.RoutingPolicy.UnpricedHandling.PLACE_LAST);
    }

    @Test
    void pricesDefaultToThePoolsCountriesSmsAndVoiceAndTenSeconds() {
        SwitchboardConfig config = loader.parse("{accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}]}", dir);

        assertThat(config.routing().prices().warmUp()).isEmpty();
        assertThat(config.routing().prices().products()).containsExactlyInAnyOrder(Product.SMS, Product.VOICE);
        assertThat(config.routing().prices().loadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.routing().unpriced()).isEqualTo(java.util.Map.of(
                Product.SMS, io.switchboard.application.RoutingPolicy.UnpricedHandling.EXCLUDE,
                Product.VOICE, io.switchboard.application.RoutingPolicy.UnpricedHandling.EXCLUDE,
                Product.MMS, io.switchboard.application.RoutingPolicy.UnpricedHandling.PLACE_LAST,
                Product.WHATSAPP, io.switchboard.application.RoutingPolicy.UnpricedHandling.PLACE_LAST));
    }

    @Test
    void timeoutsPerAccountAndTheBreakerAreRead() {
        SwitchboardConfig config = loader.parse("""
                accounts:
                  - id: telnyx
                    credentials: {apiKeyEnv: TELNYX_KEY}
                    timeouts: {connect: 2s, call: 15s}
                  - id: plivo
                    credentials: {authId: MA0123456789ABCDEFGH, authTokenEnv: PLIVO_TOKEN}
                breaker: {failureRate: 40, slowCallRate: 90.5, slowCall: 3s, window: 30, minimumCalls: 5,
                          openFor: 4s, probes: 2}
                """, dir);

        assertThat(config.accounts().get(0).timeouts()).isEqualTo(new AccountTimeouts(
                Optional.of(Duration.ofSeconds(2)), Optional.empty(), Optional.of(Duration.ofSeconds(15))));
        assertThat(config.accounts().get(1).timeouts()).isEqualTo(AccountTimeouts.DEFAULTS);
        assertThat(config.breaker()).isEqualTo(new BreakerSettings(40f, 90.5f, Duration.ofSeconds(3), 30, 5,
                Duration.ofSeconds(4), 2));
    }

    @Test
    void theCallbacksSectionIsRead() {
        SwitchboardConfig config = loader.parse("""
                accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}]
                callbacks:
                  baseUrl: https://example.com/sb/callbacks
                  resend: {enabled: true, window: 30m, maxResends: 2}
                  reconcile: {after: 10m, every: 30s, maxPerRun: 200}
                """, dir);

        CallbacksConfig callbacks = config.callbacks();
        assertThat(callbacks.baseUrl()).contains(java.net.URI.create("https://example.com/sb/callbacks"));
        assertThat(callbacks.resend()).isEqualTo(io.switchboard.application.lifecycle.ResendPolicy.within(
                Duration.ofMinutes(30), 2));
        assertThat(callbacks.reconcileAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(callbacks.reconcileEvery()).contains(Duration.ofSeconds(30));
        assertThat(callbacks.reconcileMaxPerRun()).isEqualTo(200);
        assertThat(loader.parse("accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}]", dir).callbacks())
                .isEqualTo(CallbacksConfig.DEFAULTS);
    }

    @Test
    void theStateSectionIsReadWithItsPasswordsFromTheEnvironment() {
        SwitchboardConfig config = loader.parse("""
                accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}]
                state:
                  postgres: {url: "jdbc:postgresql://db:5432/sb", user: sb, passwordEnv: TELNYX_KEY, poolSize: 4,
                             lease: 30s}
                  redis: {uri: "redis://cache:6379/0", passwordEnv: TELNYX_KEY, instances: 3, timeout: 200ms}
                """, dir);

        StateConfig.Postgres pg = config.state().postgres().orElseThrow();
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://db:5432/sb");
        assertThat(pg.user()).isEqualTo("sb");
        assertThat(pg.password()).hasValueSatisfying(p -> assertThat(p.variable()).isEqualTo("TELNYX_KEY"));
        assertThat(pg.poolSize()).isEqualTo(4);
        assertThat(pg.lease()).isEqualTo(Duration.ofSeconds(30));
        StateConfig.Redis redis = config.state().redis().orElseThrow();
        assertThat(redis.uri()).isEqualTo("redis://cache:6379/0");
        assertThat(redis.instances()).isEqualTo(3);
        assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.toString()).doesNotContain("tx-secret-value");
        assertThat(loader.parse("accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}]", dir).state())
                .isEqualTo(StateConfig.IN_MEMORY);
    }

    @Test
    void withoutABreakerKeyTheDefaultsHold() {
        SwitchboardConfig config = loader.parse("accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}]", dir);

        assertThat(config.breaker()).isEqualTo(BreakerSettings.ofDefaults());
    }

    @Test
    void secretsNeverShowInToStringOfTheLoadedConfiguration() throws Exception {
        Files.writeString(dir.resolve("telnyx.csv"), "prefix,rate,currency\n");
        SwitchboardConfig config = loader.parse(VALID, dir);

        assertThat(config.toString()).doesNotContain("tw-secret-value", "pl-secret-value", "tx-secret-value")
                .contains("TWILIO_TOKEN=****");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "sk_live-0123.4567", "Bearer abc", "a+b/c=",
            "KEY_0123456789_0123456789_0123456789_0123456789_0123456789_0123456789_0123456789_0123456789_0123456789"
                    + "_0123456789_0123456789_0123456789"})
    void aSecretWrittenWhereItsVariableNameBelongsIsRefusedWithoutBeingShown(String written) {
        // None of these is a variable name (the last is too long), and each could be the secret itself.
        String yaml = "accounts: [{id: telnyx, credentials: {apiKeyEnv: '" + written + "'}}]";
        assertThatThrownBy(() -> loader.parse(yaml, dir))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.failure().field()).contains("accounts[0].credentials.apiKeyEnv"))
                .hasMessageContaining("must name an environment variable")
                .hasMessageContaining("the value is not shown")
                .hasMessageNotContaining(written);
    }

    @Test
    void anUnsetVariableIsNamedOnlyWhenItLooksLikeAVariableName() {
        assertThatThrownBy(() -> loader.parse("accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY_2}}]", dir))
                .hasMessageContaining("TELNYX_KEY_2, which is not set");
        // A Telnyx key has this shape and is a valid variable name: it is not printed back.
        String keyLike = "KEY018C6Bd4aF2b3Cc1DdEe0Ff9Aa8Bb7_Z9y8X7w6V5u4";
        assertThatThrownBy(() -> loader.parse("accounts: [{id: telnyx, credentials: {apiKeyEnv: " + keyLike + "}}]",
                dir))
                .hasMessageContaining("which is not set")
                .hasMessageContaining("not shown")
                .hasMessageNotContaining(keyLike);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown vendor | accounts: [{id: nexmo:x, credentials: {apiKeyEnv: TELNYX_KEY}}]"
                    + " | accounts[0].id | unknown vendor 'nexmo'",
            "missing secret variable | accounts: [{id: telnyx, credentials: {apiKeyEnv: NOPE}}]"
                    + " | accounts[0].credentials.apiKeyEnv | NOPE, which is not set",
            "secret written in the file | accounts: [{id: telnyx, credentials: {apiKey: KEYabc}}]"
                    + " | accounts[0].credentials.apiKey | is a secret",
            "missing identifier | accounts: [{id: plivo, credentials: {authTokenEnv: PLIVO_TOKEN}}]"
                    + " | accounts[0].credentials.authId | is required for plivo",
            "no accounts | routing: {policy: least-cost} | accounts | at least one account",
            "postgres url not jdbc | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " state: {postgres: {url: 'postgres://db/sb', user: sb}}} | state.postgres.url | JDBC URL",
            "postgres password in the url | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " state: {postgres: {url: 'jdbc:postgresql://db/sb?password=hunter2', user: sb}}}"
                    + " | state.postgres.url | must not hold the password",
            "redis password in the uri | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " state: {redis: {uri: 'redis://:hunter2@cache:6379'}}} | state.redis.uri | must not hold",
            "unknown state store | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " state: {mysql: {}}} | state.mysql | not a known key",
            "callback base with a query | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " callbacks: {baseUrl: 'https://x.example/cb?a=1'}} | callbacks.baseUrl | no query",
            "callback base not http | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " callbacks: {baseUrl: 'ftp://x.example/cb'}} | callbacks.baseUrl | absolute http(s) URL",
            "resend window too long | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " callbacks: {resend: {enabled: true, window: 100h}}} | callbacks.resend | at most 3 days",
            "resend flag not boolean | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " callbacks: {resend: {enabled: yes please}}} | callbacks.resend.enabled | true or false",
            "unknown top-level key | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}], rooting: {}}"
                    + " | rooting | not a known key",
            "bad number in a pool | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " senderPools: {alerts: [{account: telnyx, senders: ['+1415']}]}}"
                    + " | senderPools.alerts[0].senders[0] | too short",
            "pool on an unknown account | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " senderPools: {alerts: [{account: twilio, senders: [ACME]}]}}"
                    + " | senderPools.alerts[0].account | not configured",
            "unknown policy | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {policy: cheapest}} | routing.policy | unknown policy 'cheapest'",
            "priority without order | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {policy: priority}} | routing.order | must list the accounts",
            "bad price cap | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {maxPrice: cheap}} | routing.maxPrice | '0.05 USD'",
            "bad duration | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {deadline: soon}} | routing.deadline | must be a duration",
            "bad country | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {deny: {XX: all}}} | routing.deny.XX | ISO 3166",
            "country rule naming no account | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {allow: {GB: some}}} | routing.allow.GB | must list accounts or say 'all'",
            "duplicate account | accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}},"
                    + " {id: 'telnyx:default', credentials: {apiKeyEnv: TELNYX_KEY}}] | accounts[1].id | duplicates",
            "missing deck file | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " rateDecks: [{account: telnyx, file: none.csv}]} | rateDecks[0].file | not a readable file",
            "unknown timeout | accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}, timeouts: {read: 2s,"
                    + " total: 3s}}] | accounts[0].timeouts.total | not a known key",
            "zero timeout | accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}, timeouts: {connect: 0s}}]"
                    + " | accounts[0].timeouts.connect | between 1ms and 24h",
            "huge timeout | accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}, timeouts: {call: 30000h}}]"
                    + " | accounts[0].timeouts.call | between 1ms and 24h",
            "timeout not a duration | accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY},"
                    + " timeouts: {read: long}}] | accounts[0].timeouts.read | must be a duration",
            "breaker rate above 100 | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " breaker: {failureRate: 150}} | breaker.failureRate | percentage",
            "breaker rate not a number | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " breaker: {failureRate: 1e400}} | breaker.failureRate | percentage",
            "breaker minimum above window | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " breaker: {window: 5, minimumCalls: 10}} | breaker.minimumCalls | at most the window",
            "breaker zero cooldown | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " breaker: {openFor: 0ms}} | breaker.openFor | between 1ms and 24h",
            "breaker no probes | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " breaker: {probes: 0}} | breaker.probes | positive whole number",
            "breaker unknown key | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " breaker: {cooldown: 5s}} | breaker.cooldown | not a known key",
            "not YAML | 'accounts: [' | config | not valid YAML",
            "unknown prices key | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {prices: {warmup: [GB]}}} | routing.prices.warmup | is not a known key here",
            "warm-up country | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {prices: {warmUp: [UK]}}} | routing.prices.warmUp[0] | ISO 3166",
            "prices product | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {prices: {products: [fax]}}} | routing.prices.products[0] | must be one of sms",
            "load timeout | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {prices: {loadTimeout: soon}}} | routing.prices.loadTimeout | must be a duration",
            "zero load timeout | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {prices: {loadTimeout: 0s}}} | routing.prices.loadTimeout | must be positive",
            "unpriced handling | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {unpriced: {mms: last}}} | routing.unpriced.mms | must be exclude or place-last,"
                    + " got 'last'",
            "unpriced product | {accounts: [{id: telnyx, credentials: {apiKeyEnv: TELNYX_KEY}}],"
                    + " routing: {unpriced: {fax: exclude}}} | routing.unpriced.fax | is not a known key here"})
    void failsFastNamingTheKeyPathAndTheReason(String name, String yaml, String path, String reason) {
        assertThatThrownBy(() -> loader.parse(yaml, dir))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.failure().field()).as("key path").contains(path))
                .hasMessageContaining(reason)
                .hasMessageNotContainingAny("tw-secret-value", "pl-secret-value", "tx-secret-value", "hunter2");
    }

    @Test
    void aMissingFileSaysNotFoundWithThePath() {
        Path missing = dir.resolve("none.yaml");

        assertThatThrownBy(() -> loader.load(missing)).isExactlyInstanceOf(SwitchboardException.class)
                .hasMessageContaining("'config' not found: '" + missing + "'");
    }

    @Test
    void aFileLargerThanOneMebibyteIsRefusedWithoutReadingItAll() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat(ConfigLoader.MAX_BYTES) + "\n" + VALID);

        assertThatThrownBy(() -> loader.load(big)).isExactlyInstanceOf(SwitchboardException.class)
                .hasMessageContaining("larger than the limit of 1 MiB (1048576 bytes)");
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "a system with /dev/zero");
        assertThatThrownBy(() -> loader.load(zero)).isExactlyInstanceOf(SwitchboardException.class)
                .hasMessageContaining("larger than the limit of 1 MiB");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "accounts: [{id: caf\u00e9}]\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> loader.load(latin1)).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn() {
        String yaml = "accounts:\n  - id: twilio\n    credentials: {accountSid: AC1, authTokenEnv: X\n  - id: plivo\n";

        assertThatThrownBy(() -> loader.parse(yaml, dir)).isExactlyInstanceOf(SwitchboardException.class)
                .hasMessageMatching("(?s)INVALID_REQUEST: 'config' is not valid YAML at line \\d+, column \\d+: [^\\n]+");
        assertThatThrownBy(() -> loader.parse("accounts:\n\t- id: twilio\n", dir))
                .hasMessageContaining("at line 2, column 1");
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorNamingBothLines() {
        String yaml = VALID + "routing:\n  policy: priority\n";

        assertThatThrownBy(() -> loader.parse(yaml, dir)).isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.failure().field()).contains("routing"))
                .hasMessageContaining("is defined twice, at line 16 and at line " + (VALID.lines().count() + 1));
        assertThatThrownBy(() -> loader.parse("accounts:\n  - id: twilio\n    id: plivo\n", dir))
                .hasMessageContaining("'accounts[0].id' is defined twice, at line 2 and at line 3");
    }

    @Test
    void tagsOtherThanPlainOnesAreRefused() {
        for (String yaml : java.util.List.of("accounts: !!binary aGVsbG8=\n", "accounts: !!set {a: null}\n",
                "accounts: !custom x\n", "accounts: !!timestamp 2025-01-01\n", "accounts: [{<<: {id: twilio}}]\n")) {
            assertThatThrownBy(() -> loader.parse(yaml, dir)).as(yaml).isExactlyInstanceOf(SwitchboardException.class)
                    .hasMessageContaining("has the YAML tag '!")
                    .hasMessageContaining("only plain values, lists and mappings are allowed");
        }
    }
}
