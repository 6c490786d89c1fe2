package io.switchboard;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.NumbersPort;
import io.switchboard.domain.port.ProviderConnector;

/** The numbers each account rents. */
public final class Numbers {

    private final Accounts accounts;

    Numbers(Accounts accounts) {
        this.accounts = accounts;
    }

    public OwnedNumber get(AccountId account, String id) {
        return port(account).get(Checks.notBlank(id, "id"));
    }

    public Page<OwnedNumber> list(AccountId account, NumberQuery query, PageRequest page) {
        return port(account).list(Checks.required(query, "query"), Checks.required(page, "page"));
    }

    /** Up to {@code limitPerAccount} numbers of every account. */
    public AcrossAccounts<OwnedNumber> list(NumberQuery query, int limitPerAccount) {
        Checks.required(query, "query");
        return Gather.fromEach(accounts.with(Capability.NUMBERS), limitPerAccount,
                (connector, page) -> connector.numbers().orElseThrow().list(query, page), null);
    }

    private NumbersPort port(AccountId account) {
        return accounts.port(account, Capability.NUMBERS, ProviderConnector::numbers);
    }
}
