package io.switchboard;

import io.switchboard.application.Delivery;
import io.switchboard.application.Router;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Page;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.ProviderConnector;

import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Sending with routing and failover, and reading messages back from any account. */
public final class Messages {

    private final Router router;
    private final Accounts accounts;
    private final Executor executor;
    private final BulkSender bulk;

    Messages(Router router, Accounts accounts, Executor executor, int maxConcurrency) {
        this.router = router;
        this.accounts = accounts;
        this.executor = executor;
        this.bulk = new BulkSender(executor, maxConcurrency);
    }

    /** Routes the message to the cheapest eligible account and fails over as the policy allows. Never throws for a
     * vendor failure: the {@link Delivery} says what happened. */
    public Delivery send(MessageRequest request) {
        return router.send(request);
    }

    public Delivery send(MessageRequest request, RoutingPolicy policy) {
        return router.send(request, policy);
    }

    /** {@link #send(MessageRequest)} on the facade's executor. */
    public CompletableFuture<Delivery> sendAsync(MessageRequest request) {
        Checks.required(request, "request");
        return CompletableFuture.supplyAsync(() -> router.send(request), executor);
    }

    /**
     * Sends every request of {@code requests}, at most {@code concurrency} at a time, reading the input lazily (it
     * is never held in memory), and reports each delivery to {@code progress} as it completes. Each account's rate
     * limit applies as for single sends.
     */
    public BulkSummary sendAll(Iterable<MessageRequest> requests, int concurrency, BulkProgress progress) {
        return bulk.run(requests, concurrency, progress, router::send);
    }

    public Message get(AccountId account, String id) {
        Checks.notBlank(id, "id");
        return messaging(account).get(id);
    }

    public Page<Message> list(AccountId account, MessageQuery query, PageRequest page) {
        return messaging(account).list(Checks.required(query, "query"), Checks.required(page, "page"));
    }

    /** Up to {@code limitPerAccount} messages from every account with messaging, newest first. */
    public AcrossAccounts<Message> list(MessageQuery query, int limitPerAccount) {
        Checks.required(query, "query");
        return Gather.fromEach(accounts.with(Capability.MESSAGING), limitPerAccount,
                (connector, page) -> connector.messaging().orElseThrow().list(query, page),
                Comparator.comparing((Message m) -> m.createdAt().orElse(java.time.Instant.EPOCH)).reversed());
    }

    private MessagingPort messaging(AccountId account) {
        return accounts.port(account, Capability.MESSAGING, ProviderConnector::messaging);
    }
}
