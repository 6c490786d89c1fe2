package io.switchboard;

import io.switchboard.application.BatchComparison;
import io.switchboard.application.CostTable;
import io.switchboard.application.PriceBook;
import io.switchboard.application.Repricing;
import io.switchboard.application.Router;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Pages;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.pricing.Product;

import java.util.Collection;
import java.util.List;

/** What a message or call costs on every account, batch comparisons and repricing of past traffic. No sending. */
public final class Costs {

    private final Router router;
    private final Accounts accounts;
    private final PriceBook prices;

    Costs(Router router, Accounts accounts, PriceBook prices) {
        this.router = router;
        this.accounts = accounts;
        this.prices = prices;
    }

    /**
     * Loads the vendors' prices for these countries and products now (in parallel, waiting at most the price load
     * timeout), so that quotes and sends there make no pricing request. Failures are returned with their real kind,
     * not thrown; a pricing API in back-off is not asked again.
     */
    public List<Failure> warmUp(Collection<String> countries, Collection<Product> products) {
        return prices.warmUp(countries, products);
    }

    /** One SMS to {@code to} with {@code text}, priced on every account, cheapest first. */
    public CostTable quote(PhoneNumber to, String text) {
        return router.costs().quote(to, text);
    }

    public CostTable quote(PhoneNumber to, String text, Channel channel) {
        return router.costs().quote(to, text, channel);
    }

    public CostTable quoteCall(PhoneNumber to, long minutes) {
        return router.costs().quoteCall(to, minutes);
    }

    /** Per-account totals, the cheapest mix and its savings for a batch; the items are read once, lazily. */
    public BatchComparison compare(Iterable<BatchComparison.Item> items) {
        return router.costs().compare(items);
    }

    /** Up to {@code limit} past messages of {@code account}, each priced on every account. */
    public Repricing reprice(AccountId account, MessageQuery query, int limit) {
        Checks.required(query, "query");
        var port = accounts.port(account, Capability.MESSAGING, ProviderConnector::messaging);
        return router.costs().reprice(Pages.collect(page -> port.list(query, page), limit, 100));
    }
}
