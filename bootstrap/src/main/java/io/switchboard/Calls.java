package io.switchboard;

import io.switchboard.application.Delivery;
import io.switchboard.application.Router;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.VoicePort;

import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Placing calls with routing and failover, and reading them back from any account. */
public final class Calls {

    private final Router router;
    private final Accounts accounts;
    private final Executor executor;

    Calls(Router router, Accounts accounts, Executor executor) {
        this.router = router;
        this.accounts = accounts;
        this.executor = executor;
    }

    public Delivery place(CallRequest request) {
        return router.place(request);
    }

    public Delivery place(CallRequest request, RoutingPolicy policy) {
        return router.place(request, policy);
    }

    public CompletableFuture<Delivery> placeAsync(CallRequest request) {
        Checks.required(request, "request");
        return CompletableFuture.supplyAsync(() -> router.place(request), executor);
    }

    public Call get(AccountId account, String id) {
        Checks.notBlank(id, "id");
        return voice(account).get(id);
    }

    public Page<Call> list(AccountId account, CallQuery query, PageRequest page) {
        return voice(account).list(Checks.required(query, "query"), Checks.required(page, "page"));
    }

    /** Up to {@code limitPerAccount} calls from every account with voice, newest first. */
    public AcrossAccounts<Call> list(CallQuery query, int limitPerAccount) {
        Checks.required(query, "query");
        return Gather.fromEach(accounts.with(Capability.VOICE), limitPerAccount,
                (connector, page) -> connector.voice().orElseThrow().list(query, page),
                Comparator.comparing((Call c) -> c.startedAt().orElse(java.time.Instant.EPOCH)).reversed());
    }

    private VoicePort voice(AccountId account) {
        return accounts.port(account, Capability.VOICE, ProviderConnector::voice);
    }
}
