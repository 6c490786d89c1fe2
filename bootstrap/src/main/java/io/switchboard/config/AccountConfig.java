package io.switchboard.config;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.RateLimit;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One provider account of the configuration file.
 *
 * @param id the account ({@code twilio:work})
 * @param identifiers non-secret credentials (Twilio account SID, Plivo auth id, Telnyx connection id and webhook
 *     public key)
 * @param secrets secret credentials, each read from the environment variable the file names
 * @param baseUrl the vendor host to use instead of the real one (an emulator, a proxy)
 * @param rateLimit the client-side request budget, overriding the vendor's published default
 * @param timeouts the HTTP timeouts the file sets, the adapter's defaults for the others
 */
public record AccountConfig(
        AccountId id,
        Map<String, String> identifiers,
        Map<String, Secret> secrets,
        Optional<URI> baseUrl,
        Optional<RateLimit> rateLimit,
        AccountTimeouts timeouts) {

    public AccountConfig {
        identifiers = Map.copyOf(identifiers);
        secrets = Map.copyOf(secrets);
    }
}
