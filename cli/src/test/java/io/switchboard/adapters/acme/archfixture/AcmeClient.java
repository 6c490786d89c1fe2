package io.switchboard.adapters.acme.archfixture;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.port.ProviderConnector;

/**
 * Deliberately bad: a second ProviderConnector in one adapter, not named AcmeConnector. Only for
 * ArchitectureRulesCanFailTest.
 */
public final class AcmeClient implements ProviderConnector {

    @Override
    public AccountId account() {
        return null;
    }
}
