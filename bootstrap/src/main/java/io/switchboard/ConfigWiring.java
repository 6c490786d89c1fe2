package io.switchboard;

import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.application.AccountSettings;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.config.AccountConfig;
import io.switchboard.config.AccountTimeouts;
import io.switchboard.config.CallbacksConfig;
import io.switchboard.config.StateConfig;
import io.switchboard.config.PricesConfig;
import io.switchboard.config.RoutingConfig;
import io.switchboard.config.SenderPoolConfig;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;

/** Turns a validated {@link SwitchboardConfig} into builder calls. */
final class ConfigWiring {

    private ConfigWiring() {
    }

    static SwitchboardBuilder apply(SwitchboardConfig config, SwitchboardBuilder builder) {
        for (int i = 0; i < config.accounts().size(); i++) {
            AccountConfig account = config.accounts().get(i);
            try {
                addAccount(account, builder);
            } catch (SwitchboardException e) {
                throw atKeyPath(e, i, account);
            }
            account.rateLimit().ifPresent(limit ->
                    builder.accountSettings(account.id(), AccountSettings.ofDefaults().withRateLimit(limit)));
        }
        for (SwitchboardConfig.RateDeckFile deck : config.rateDecks()) {
            builder.rateDeck(deck.account(), deck.file(), deck.product());
        }
        for (SenderPoolConfig pool : config.senderPools()) {
            for (Sender sender : pool.senders()) {
                builder.senderPool(pool.pool(), pool.account(), sender, pool.countries().toArray(String[]::new));
            }
        }
        PricesConfig prices = config.routing().prices();
        prices.warmUp().ifPresent(countries -> builder.warmUpPrices(countries.toArray(String[]::new)));
        builder.warmUpProducts(prices.products().toArray(Product[]::new)).priceLoadTimeout(prices.loadTimeout());
        if (!config.state().equals(StateConfig.IN_MEMORY)) {
            // Checked here, before StateWiring (which links against the stores' classes) is loaded.
            config.state().postgres().ifPresent(pg -> require("io.switchboard.state.postgres.PostgresState",
                    "state.postgres", "switchboard-state-postgres"));
            config.state().redis().ifPresent(redis -> require("io.switchboard.state.redis.RedisState",
                    "state.redis", "switchboard-state-redis"));
            StateWiring.apply(config.state(), builder);
        }
        CallbacksConfig callbacks = config.callbacks();
        callbacks.baseUrl().ifPresent(builder::callbackBaseUrl);
        builder.resend(callbacks.resend());
        builder.reconcileAfter = callbacks.reconcileAfter();
        builder.reconcileMaxPerRun = callbacks.reconcileMaxPerRun();
        callbacks.reconcileEvery().ifPresent(every -> builder.reconcile(callbacks.reconcileAfter(), every,
                callbacks.reconcileMaxPerRun()));
        return builder.policy(policy(config.routing())).breakers(config.breaker());
    }

    /**
     * An adapter's error about one of its settings ({@code 'accountSid' must be ...}) restated at the key path of the
     * file ({@code 'accounts[0].credentials.accountSid' must be ...}), so that the user knows which line to fix.
     */
    private static SwitchboardException atKeyPath(SwitchboardException e, int index, AccountConfig account) {
        String field = e.failure().field().orElse(null);
        if (field == null) {
            return e;
        }
        String path;
        if (account.identifiers().containsKey(field) || account.secrets().containsKey(field)) {
            path = "accounts[" + index + "].credentials."
                    + (account.secrets().containsKey(field) ? field + "Env" : field);
        } else if (field.equals("baseUrl") || field.endsWith("BaseUrl")) {
            path = "accounts[" + index + "].baseUrl";
        } else {
            path = "accounts[" + index + "] (" + field + ")";
        }
        String message = e.failure().message();
        String prefix = "'" + field + "' ";
        String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return new SwitchboardException(Failure.invalid(path, problem), e);
    }

    private static void addAccount(AccountConfig account, SwitchboardBuilder builder) {
        AccountId id = account.id();
        String baseUrl = account.baseUrl().map(u -> u.toString().endsWith("/") ? u.toString() : u + "/").orElse(null);
        switch (id.vendor().name()) {
            case "twilio" -> {
                TwilioConfig.Builder twilio = TwilioConfig.builder().account(id)
                        .accountSid(account.identifiers().get("accountSid"));
                if (account.secrets().containsKey("authToken")) {
                    twilio.authToken(account.secrets().get("authToken").reveal());
                } else {
                    twilio.apiKey(account.identifiers().get("apiKeySid"), account.secrets().get("apiKeySecret").reveal());
                }
                if (baseUrl != null) {
                    twilio.allBaseUrls(baseUrl);
                }
                AccountTimeouts t = account.timeouts();
                t.connect().ifPresent(twilio::connectTimeout);
                t.read().ifPresent(twilio::readTimeout);
                t.call().ifPresent(twilio::callTimeout);
                builder.twilio(twilio.build());
            }
            case "plivo" -> {
                PlivoConfig.Builder plivo = PlivoConfig.builder().accountName(id.name())
                        .authId(account.identifiers().get("authId"))
                        .authToken(account.secrets().get("authToken").reveal());
                if (baseUrl != null) {
                    plivo.baseUrl(baseUrl);
                }
                AccountTimeouts t = account.timeouts();
                t.connect().ifPresent(plivo::connectTimeout);
                t.read().ifPresent(plivo::readTimeout);
                t.call().ifPresent(plivo::callTimeout);
                builder.plivo(plivo.build());
            }
            case "telnyx" -> {
                TelnyxConfig.Builder telnyx = TelnyxConfig.builder().account(id)
                        .apiKey(account.secrets().get("apiKey").reveal());
                String connection = account.identifiers().get("connectionId");
                if (connection != null) {
                    telnyx.connectionId(connection);
                }
                String publicKey = account.identifiers().get("webhookPublicKey");
                if (publicKey != null) {
                    telnyx.webhookPublicKey(publicKey);
                }
                if (baseUrl != null) {
                    telnyx.baseUrl(baseUrl);
                }
                AccountTimeouts t = account.timeouts();
                t.connect().ifPresent(telnyx::connectTimeout);
                t.read().ifPresent(telnyx::readTimeout);
                t.call().ifPresent(telnyx::callTimeout);
                builder.telnyx(telnyx.build());
            }
            default -> throw SwitchboardException.invalid("accounts", "names unknown vendor '" + id.vendor() + "'");
        }
    }

    static RoutingPolicy policy(RoutingConfig routing) {
        RoutingPolicy.Builder policy = RoutingPolicy.builder();
        switch (routing.policy()) {
            case LEAST_COST -> policy.leastCost();
            case PRIORITY -> policy.priority(routing.order().toArray(AccountId[]::new));
            case WEIGHTED -> policy.weighted(routing.weights());
        }
        routing.allow().forEach((country, accounts) -> policy.allow(country, accounts.toArray(AccountId[]::new)));
        routing.deny().forEach((country, accounts) -> policy.deny(country, accounts.toArray(AccountId[]::new)));
        routing.maxPrice().ifPresent(cap -> policy.currency(cap.currency()).maxPrice(cap));
        routing.pinned().ifPresent(policy::pinned);
        routing.unpriced().forEach(policy::unpriced);
        return policy.guarantee(routing.guarantee()).maxAttempts(routing.maxAttempts()).deadline(routing.deadline())
                .build();
    }

    private static void require(String className, String key, String artifact) {
        try {
            Class.forName(className, false, ConfigWiring.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw io.switchboard.domain.SwitchboardException.invalid(key, "needs io.switchboard:" + artifact
                    + " on the classpath; add it beside io.switchboard:switchboard");
        }
    }
}
