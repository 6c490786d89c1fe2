package io.switchboard;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.RecordingsPort;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;

/** Call recordings held by each account's vendor. */
public final class Recordings {

    private final Accounts accounts;

    Recordings(Accounts accounts) {
        this.accounts = accounts;
    }

    public Recording get(AccountId account, String id) {
        return port(account).get(Checks.notBlank(id, "id"));
    }

    public void delete(AccountId account, String id) {
        port(account).delete(Checks.notBlank(id, "id"));
    }

    public Page<Recording> list(AccountId account, RecordingQuery query, PageRequest page) {
        return port(account).list(Checks.required(query, "query"), Checks.required(page, "page"));
    }

    /** Up to {@code limitPerAccount} recordings of every account. */
    public AcrossAccounts<Recording> list(RecordingQuery query, int limitPerAccount) {
        Checks.required(query, "query");
        return Gather.fromEach(accounts.with(Capability.RECORDINGS), limitPerAccount,
                (connector, page) -> connector.recordings().orElseThrow().list(query, page), null);
    }

    private RecordingsPort port(AccountId account) {
        return accounts.port(account, Capability.RECORDINGS, ProviderConnector::recordings);
    }
}
