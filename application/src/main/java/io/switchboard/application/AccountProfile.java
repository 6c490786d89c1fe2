package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.SendCapabilities;
import io.switchboard.domain.port.VoicePort;
import io.switchboard.domain.pricing.Product;

import java.util.Optional;

/** One account as routing sees it, resolved once when the router is built. */
record AccountProfile(
        AccountId id,
        Optional<MessagingPort> messaging,
        Optional<VoicePort> voice,
        AccountSettings settings,
        Optional<RateLimit> rateLimit,
        SendCapabilities accepts) {

    static AccountProfile of(ProviderConnector connector, AccountSettings settings) {
        Optional<RateLimit> limit = settings.rateLimit().isPresent() ? settings.rateLimit()
                : connector.declaredRateLimit();
        return new AccountProfile(connector.account(), connector.messaging(), connector.voice(), settings, limit,
                connector.sendCapabilities());
    }

    boolean serves(Product product) {
        return product == Product.VOICE ? voice.isPresent() : messaging.isPresent();
    }
}
