package io.switchboard.benchmarks;

import io.switchboard.application.PriceBook;
import io.switchboard.application.Router;
import io.switchboard.application.SenderPools;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.pricing.Product;

import java.util.List;
import java.util.Optional;

/** Six accounts across the three vendors, each with its own full-size SMS deck, behind one router. */
final class Accounts {

    static final List<String> NAMES = List.of("twilio:work", "twilio:marketing", "plivo:us", "plivo:eu",
            "telnyx:default", "telnyx:backup");

    private Accounts() {
    }

    static Router router() {
        return router(Integer.MAX_VALUE);
    }

    /** Six accounts whose decks hold {@code prefixes} prefixes each (see {@link PrefixData#deck(long, int)}). */
    static Router router(int prefixes) {
        PriceBook.Builder prices = PriceBook.builder();
        SenderPools.Builder pools = SenderPools.builder();
        Router.Builder router = Router.builder();
        PhoneNumber from = PhoneNumber.parse("+14155550100");
        long seed = 11;
        for (String name : NAMES) {
            AccountId id = AccountId.parse(name);
            prices.deck(id, Product.SMS, PrefixData.deck(seed++, prefixes));
            pools.add("main", id, from);
            router.account(new Connector(id));
        }
        return router.prices(prices.build()).senders(pools.build()).build();
    }

    /** An account whose messaging port is never called by planning or quoting. */
    private record Connector(AccountId account) implements ProviderConnector {
        @Override
        public Optional<MessagingPort> messaging() {
            return Optional.of(new MessagingPort() {
                @Override
                public Message send(MessageRequest request) {
                    throw new UnsupportedOperationException("benchmarks do not send");
                }

                @Override
                public Message get(String id) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Page<Message> list(MessageQuery query, PageRequest page) {
                    throw new UnsupportedOperationException();
                }
            });
        }
    }
}
