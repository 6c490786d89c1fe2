package io.switchboard;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;

import java.util.List;
import java.util.Set;

/** Number lookups through the vendors that offer them. */
public final class Lookups {

    private final Accounts accounts;

    Lookups(Accounts accounts) {
        this.accounts = accounts;
    }

    public NumberLookup lookup(AccountId account, PhoneNumber number, Set<LookupField> fields) {
        return accounts.port(account, Capability.LOOKUP, ProviderConnector::lookup)
                .lookup(Checks.required(number, "number"), Checks.required(fields, "fields"));
    }

    /** Asks the first account, in configuration order, that offers lookups. */
    public NumberLookup lookup(PhoneNumber number, Set<LookupField> fields) {
        List<ProviderConnector> able = accounts.with(Capability.LOOKUP);
        if (able.isEmpty()) {
            throw new SwitchboardException(Failure.of(FailureKind.UNSUPPORTED, "no configured account offers lookups"));
        }
        return lookup(able.get(0).account(), number, fields);
    }
}
