package io.switchboard.application;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accounts, decks and requests shared by the routing tests. */
final class Fixtures {

    static final PhoneNumber US = PhoneNumber.parse("+14155552671");
    static final PhoneNumber UK = PhoneNumber.parse("+447400123456");
    static final PhoneNumber DE = PhoneNumber.parse("+4930123456");
    static final PhoneNumber OWN_NUMBER = PhoneNumber.parse("+14155550100");
    static final SenderPool POOL = new SenderPool("main");

    private Fixtures() {
    }

    /** A deck from "prefix=price" pairs, per segment in {@code currency}. */
    static RateDeck deck(String currency, String... prefixPrices) {
        RateDeck.Builder builder = RateDeck.builder();
        for (String pair : prefixPrices) {
            String[] parts = pair.split("=");
            builder.add(parts[0], Rate.perSegment(parts[1], currency));
        }
        return builder.build();
    }

    static RateDeck usd(String... prefixPrices) {
        return deck("USD", prefixPrices);
    }

    static MessageRequest sms(PhoneNumber to, String text) {
        return MessageRequest.sms(to, POOL, text);
    }

    static AccountId id(String account) {
        return AccountId.parse(account);
    }

    /** A router over fake accounts, each with an SMS deck and {@link #OWN_NUMBER} in pool "main" for any country. */
    static final class Setup {
        final MutableClock clock = new MutableClock();
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final Map<String, FakeConnector> accounts = new LinkedHashMap<>();
        final Map<String, AccountSettings> settings = new LinkedHashMap<>();
        final PriceBook.Builder prices = PriceBook.builder().clock(clock).executor(Runnable::run);
        final SenderPools.Builder pools = SenderPools.builder();
        RoutingPolicy policy = RoutingPolicy.ofDefaults();
        BreakerSettings breakers = BreakerSettings.ofDefaults();
        final List<Runnable> onBuild = new ArrayList<>();
        DeliveryHooks hooks;
        CallbackUrls callbackUrls;
        DeliveryLedger ledger;

        /** Adds an account priced with {@code deck} for SMS. */
        FakeConnector account(String name, RateDeck deck) {
            FakeConnector connector = new FakeConnector(name, clock);
            accounts.put(name, connector);
            if (deck != null) {
                prices.deck(connector.account(), Product.SMS, deck);
            }
            pools.add(POOL.name(), connector.account(), OWN_NUMBER);
            return connector;
        }

        /** Adds an account priced at {@code price} per segment for every destination. */
        FakeConnector account(String name, String price) {
            return account(name, usd("1=" + price, "44=" + price, "49=" + price));
        }

        Router router() {
            Router.Builder builder = Router.builder()
                    .clock(clock)
                    .sleeper(clock.sleeper())
                    .meterRegistry(meters)
                    .prices(prices.build())
                    .senders(pools.build())
                    .policy(policy)
                    .breakers(breakers);
            accounts.forEach((name, connector) ->
                    builder.account(connector, settings.getOrDefault(name, AccountSettings.ofDefaults())));
            if (hooks != null) {
                builder.hooks(hooks);
            }
            if (callbackUrls != null) {
                builder.callbackUrls(callbackUrls);
            }
            if (ledger != null) {
                builder.ledger(ledger);
            }
            return builder.build();
        }

        int totalVendorCalls() {
            return accounts.values().stream().mapToInt(FakeConnector::vendorCalls).sum();
        }
    }
}
