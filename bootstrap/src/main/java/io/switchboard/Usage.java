package io.switchboard;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.UsageQuery;
import io.switchboard.domain.account.UsageRecord;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;

/** Billing usage and account details, per account. */
public final class Usage {

    private final Accounts accounts;

    Usage(Accounts accounts) {
        this.accounts = accounts;
    }

    public Page<UsageRecord> records(AccountId account, UsageQuery query, PageRequest page) {
        return accounts.port(account, Capability.USAGE, ProviderConnector::usage)
                .list(Checks.required(query, "query"), Checks.required(page, "page"));
    }

    /** Up to {@code limitPerAccount} usage records of every account that reports usage. */
    public AcrossAccounts<UsageRecord> records(UsageQuery query, int limitPerAccount) {
        Checks.required(query, "query");
        return Gather.fromEach(accounts.with(Capability.USAGE), limitPerAccount,
                (connector, page) -> connector.usage().orElseThrow().list(query, page), null);
    }

    public AccountInfo account(AccountId account) {
        return accounts.port(account, Capability.ACCOUNT, ProviderConnector::accountDetails).info();
    }
}
