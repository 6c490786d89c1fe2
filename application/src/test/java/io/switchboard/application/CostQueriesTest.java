package io.switchboard.application;

import io.switchboard.domain.Money;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class CostQueriesTest {

    private final Setup setup = new Setup();

    CostQueriesTest() {
        setup.account("twilio:work", usd("1=0.0079", "44=0.0400"));
        setup.account("plivo:us", usd("1=0.0050"));
        setup.account("telnyx:default", usd("1=0.0040", "44=0.0350")).withoutMessaging();
        setup.account("plivo:eu", deck("EUR", "44=0.0100"));
    }

    @Test
    void quotesOneMessageOnEveryAccountSortedByTotalWithReasons() {
        CostTable table = setup.router().costs().quote(UK, "héllo ł");

        assertThat(table.encoding()).contains(SmsEncoding.UCS2);
        assertThat(table.rows()).extracting(CostTable.Row::account)
                .containsExactly(id("twilio:work"), id("plivo:eu"), id("plivo:us"), id("telnyx"));
        CostTable.Row twilio = table.cheapest().orElseThrow();
        assertThat(twilio.quote().orElseThrow().rate()).isEqualTo(Rate.perSegment("0.04", "USD"));
        assertThat(table.rows().get(1).exclusion().orElseThrow().reason()).isEqualTo(ExclusionReason.CURRENCY_MISMATCH);
        assertThat(table.rows().get(2).exclusion().orElseThrow().reason()).isEqualTo(ExclusionReason.UNPRICED);
        assertThat(table.rows().get(3).exclusion().orElseThrow().reason())
                .isEqualTo(ExclusionReason.CAPABILITY_MISSING);
    }

    @Test
    void quotesACallByTheMinute() {
        setup.prices.deck(id("telnyx"), Product.VOICE, RateDeck.builder().add("1", Rate.perMinute("0.01", "USD")).build());

        CostTable table = setup.router().costs().quoteCall(US, 5);

        assertThat(table.cheapest().orElseThrow().quote().orElseThrow().total()).isEqualTo(Money.of("0.05", "USD"));
        assertThat(table.units()).isEqualTo(5);
    }

    @Test
    void comparesABatchWithTheCheapestMixAndItsSavings() {
        List<BatchComparison.Item> batch = List.of(
                new BatchComparison.Item(US, "hi"),
                new BatchComparison.Item(US, "hi"),
                new BatchComparison.Item(UK, "hi"),
                new BatchComparison.Item(DE, "hi"));

        BatchComparison comparison = setup.router().costs().compare(batch);

        assertThat(comparison.messages()).isEqualTo(4);
        assertThat(comparison.unroutable()).as("nobody prices Germany").isEqualTo(1);
        assertThat(comparison.cheapestMix()).isEqualTo(Money.of("0.05", "USD"));
        assertThat(comparison.mixShare()).containsEntry(id("plivo:us"), 2L).containsEntry(id("twilio:work"), 1L);
        assertThat(comparison.accounts()).filteredOn(t -> t.account().equals(id("twilio:work"))).singleElement()
                .satisfies(t -> assertThat(t.total()).isEqualTo(Money.of("0.0558", "USD")));
        assertThat(comparison.savings()).filteredOn(s -> s.account().equals(id("twilio:work"))).singleElement()
                .satisfies(s -> assertThat(s.saving()).contains(Money.of("0.0058", "USD")));
        assertThat(comparison.savings()).filteredOn(s -> s.account().equals(id("plivo:us"))).singleElement()
                .satisfies(s -> assertThat(s.saving()).isEmpty())
                .satisfies(s -> assertThat(s.itemsItCannotServe()).isEqualTo(1));
    }

    @Test
    void aBatchComparisonAddsUpTheQuotesOfItsItems() {
        setup.account("telnyx:backup", usd("1=0.0050", "44=0.0400")); // ties with plivo:us and twilio:work
        setup.settings.put("twilio:work", AccountSettings.ofDefaults().withMaxSegments(1));
        String longText = "x".repeat(200);
        List<BatchComparison.Item> batch = List.of(
                new BatchComparison.Item(US, "hi"), new BatchComparison.Item(UK, "héllo ł"),
                new BatchComparison.Item(UK, longText), new BatchComparison.Item(DE, "hi"),
                new BatchComparison.Item(US, longText), new BatchComparison.Item(UK, "hi"));
        RoutingPolicy preferring = RoutingPolicy.builder().preferring(id("telnyx:backup")).build();
        CurrencyConverter eurToUsd = (money, currency) -> Optional.of(
                new Money(money.amount().multiply(new java.math.BigDecimal("1.10")), currency));
        RoutingPolicy converting = RoutingPolicy.builder().converter(eurToUsd).build();

        for (RoutingPolicy policy : List.of(RoutingPolicy.ofDefaults(), preferring, converting)) {
            CostQueries costs = setup.router().costs(policy);
            BatchComparison comparison = costs.compare(batch);

            java.util.Map<io.switchboard.domain.AccountId, Money> totals = new java.util.LinkedHashMap<>();
            java.util.Map<io.switchboard.domain.AccountId, Long> unpriced = new java.util.LinkedHashMap<>();
            java.util.Map<io.switchboard.domain.AccountId, Long> share = new java.util.LinkedHashMap<>();
            Money mix = Money.of("0", "USD");
            long unroutable = 0;
            for (BatchComparison.Item item : batch) {
                CostTable table = costs.quote(item.to(), item.text());
                for (CostTable.Row row : table.rows()) {
                    row.comparableTotal().ifPresentOrElse(
                            t -> totals.merge(row.account(), t, Money::plus),
                            () -> unpriced.merge(row.account(), 1L, Long::sum));
                }
                if (table.cheapest().isPresent()) {
                    mix = mix.plus(table.cheapest().get().comparableTotal().orElseThrow());
                    share.merge(table.cheapest().get().account(), 1L, Long::sum);
                } else {
                    unroutable++;
                }
            }
            assertThat(comparison.cheapestMix()).isEqualTo(mix);
            assertThat(comparison.mixShare()).isEqualTo(share);
            assertThat(comparison.unroutable()).isEqualTo(unroutable);
            for (BatchComparison.AccountTotal total : comparison.accounts()) {
                assertThat(total.total()).as(total.account() + " total")
                        .isEqualTo(totals.getOrDefault(total.account(), Money.of("0", "USD")));
                assertThat(total.unpriced()).as(total.account() + " unpriced")
                        .isEqualTo(unpriced.getOrDefault(total.account(), 0L));
            }
        }
    }

    @Test
    void repricesPastTrafficOnEveryAccount() {
        Message past = new Message("SM1", id("twilio:work"), Channel.SMS, "+14155550100", US.e164(), "",
                null, MessageStatus.DELIVERED, "delivered", java.util.OptionalInt.of(2),
                Optional.of(Money.of("0.0158", "USD")), null, null, null, null);
        Message broken = new Message("SM2", id("twilio:work"), Channel.SMS, "", "not a number", "hi",
                null, null, null, null, null, null, null, null, null);

        Repricing repricing = setup.router().costs().reprice(List.of(past, broken));

        assertThat(repricing.skipped()).isEqualTo(1);
        Repricing.Row row = repricing.messages().get(0);
        assertThat(row.charged()).contains(Money.of("0.0158", "USD"));
        assertThat(row.alternatives().cheapest().orElseThrow().account()).isEqualTo(id("plivo:us"));
        assertThat(row.alternatives().cheapest().orElseThrow().quote().orElseThrow().total())
                .isEqualTo(Money.of("0.01", "USD"));
        assertThat(repricing.totals()).filteredOn(t -> t.account().equals(id("plivo:us"))).singleElement()
                .satisfies(t -> assertThat(t.total()).isEqualTo(Money.of("0.01", "USD")));
    }
}
