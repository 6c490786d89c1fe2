package io.switchboard.config;

import io.switchboard.application.BreakerSettings;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.pricing.Product;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated configuration file: accounts, rate decks, sender pools, routing and the accounts' circuit breakers.
 * See {@code docs/configuration.md}.
 */
public record SwitchboardConfig(
        List<AccountConfig> accounts,
        List<RateDeckFile> rateDecks,
        List<SenderPoolConfig> senderPools,
        RoutingConfig routing,
        BreakerSettings breaker,
        CallbacksConfig callbacks,
        StateConfig state) {

    /** A user-supplied CSV rate deck for one account and product. */
    public record RateDeckFile(AccountId account, Product product, Path file) {
    }

    public SwitchboardConfig {
        accounts = List.copyOf(accounts);
        rateDecks = List.copyOf(rateDecks);
        senderPools = List.copyOf(senderPools);
        callbacks = callbacks == null ? CallbacksConfig.DEFAULTS : callbacks;
        state = state == null ? StateConfig.IN_MEMORY : state;
    }
}
