package io.switchboard.config;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Sender;

import java.util.List;
import java.util.Set;

/**
 * The senders one account offers for a logical sender pool, optionally only for some destination countries.
 *
 * @param countries ISO 3166 alpha-2 destination countries; empty means every country
 */
public record SenderPoolConfig(String pool, AccountId account, List<Sender> senders, Set<String> countries) {

    public SenderPoolConfig {
        senders = List.copyOf(senders);
        countries = Set.copyOf(countries);
    }
}
