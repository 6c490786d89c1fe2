package io.switchboard;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The configured accounts by id, and the lookup of one account's port with errors that say what is missing. */
final class Accounts {

    private final Map<AccountId, ProviderConnector> connectors;

    Accounts(Collection<ProviderConnector> connectors) {
        Map<AccountId, ProviderConnector> byId = new LinkedHashMap<>();
        for (ProviderConnector connector : connectors) {
            if (byId.putIfAbsent(connector.account(), connector) != null) {
                throw SwitchboardException.invalid("accounts", "lists " + connector.account() + " twice");
            }
        }
        this.connectors = java.util.Collections.unmodifiableMap(byId);
    }

    List<AccountId> ids() {
        return List.copyOf(connectors.keySet());
    }

    Collection<ProviderConnector> all() {
        return connectors.values();
    }

    ProviderConnector connector(AccountId account) {
        Checks.required(account, "account");
        ProviderConnector connector = connectors.get(account);
        if (connector == null) {
            throw SwitchboardException.invalid("account", "'" + account + "' is not configured; configured: "
                    + connectors.keySet());
        }
        return connector;
    }

    /** The port of {@code capability} on {@code account}, or an UNSUPPORTED failure naming both. */
    <P> P port(AccountId account, Capability capability, Function<ProviderConnector, Optional<P>> port) {
        return port.apply(connector(account)).orElseThrow(() -> new SwitchboardException(Failure.of(
                FailureKind.UNSUPPORTED, account + " has no " + capability.name().toLowerCase(java.util.Locale.ROOT)
                        + " capability").withAccount(account)));
    }

    /** Every account offering {@code capability}, in configuration order. */
    List<ProviderConnector> with(Capability capability) {
        List<ProviderConnector> result = new ArrayList<>();
        for (ProviderConnector connector : connectors.values()) {
            if (connector.has(capability)) {
                result.add(connector);
            }
        }
        return result;
    }
}
