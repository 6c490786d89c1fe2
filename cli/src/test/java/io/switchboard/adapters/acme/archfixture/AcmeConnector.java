package io.switchboard.adapters.acme.archfixture;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.port.ProviderConnector;

/**
 * Deliberately bad: the connector of a fourth vendor that offers its own API as {@code acme()} instead of
 * {@code api()}. Only for ArchitectureRulesCanFailTest.
 */
public final class AcmeConnector implements ProviderConnector {

    @Override
    public AccountId account() {
        return null;
    }

    public AcmeApi acme() {
        return new AcmeApi();
    }
}
