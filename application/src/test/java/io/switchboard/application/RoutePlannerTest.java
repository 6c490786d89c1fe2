package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutePlannerTest {

    private final Setup setup = new Setup();

    private List<AccountId> order(RoutePlan plan) {
        return plan.candidates().stream().map(Candidate::account).toList();
    }

    @Test
    void ordersCandidatesCheapestFirstWithTheirSenderAndQuote() {
        setup.account("twilio:work", "0.0079");
        setup.account("plivo:us", "0.0050");
        setup.account("telnyx:default", "0.0040");

        RoutePlan plan = setup.router().plan(sms(US, "hello"));

        assertThat(order(plan)).containsExactly(id("telnyx"), id("plivo:us"), id("twilio:work"));
        Candidate first = plan.first().orElseThrow();
        assertThat(first.from()).contains(OWN_NUMBER);
        assertThat(first.quote().orElseThrow().total()).isEqualTo(Money.of("0.004", "USD"));
        assertThat(plan.exclusions()).isEmpty();
    }

    @Test
    void breaksPriceTiesByPriorityListThenByAccountId() {
        setup.account("twilio:work", "0.0050");
        setup.account("plivo:us", "0.0050");
        setup.account("plivo:eu", "0.0050");

        assertThat(order(setup.router().plan(sms(US, "hi"))))
                .as("equal totals without a priority list: account id order")
                .containsExactly(id("plivo:eu"), id("plivo:us"), id("twilio:work"));

        RoutingPolicy preferTwilio = RoutingPolicy.builder().preferring(id("twilio:work")).build();
        assertThat(order(setup.router().plan(sms(US, "hi"), preferTwilio)))
                .containsExactly(id("twilio:work"), id("plivo:eu"), id("plivo:us"));
    }

    @Test
    void aTextThatNeedsUcs2CostsMoreSegmentsAndThePlanSaysSo() {
        setup.account("plivo:us", "0.01");
        String gsm = "a".repeat(100);
        String ucs2 = "ä€".repeat(10) + "😀".repeat(20);

        RoutePlan cheap = setup.router().plan(sms(US, gsm));
        RoutePlan dear = setup.router().plan(sms(US, "ł" + gsm));

        assertThat(cheap.encoding()).contains(SmsEncoding.GSM7);
        assertThat(cheap.units()).isEqualTo(1);
        assertThat(dear.encoding()).contains(SmsEncoding.UCS2);
        assertThat(dear.units()).isEqualTo(2);
        assertThat(dear.first().orElseThrow().quote().orElseThrow().total()).isEqualTo(Money.of("0.02", "USD"));
        assertThat(setup.router().plan(sms(US, ucs2)).first().orElseThrow().quote().orElseThrow().encoding())
                .contains(SmsEncoding.UCS2);
    }

    @Test
    void fixedPriorityKeepsTheListedOrderAndAppendsOthersCheapestFirst() {
        setup.account("twilio:work", "0.0079");
        setup.account("plivo:us", "0.0050");
        setup.account("telnyx:default", "0.0040");

        RoutingPolicy policy = RoutingPolicy.builder().priority(id("twilio:work")).build();

        assertThat(order(setup.router().plan(sms(US, "hi"), policy)))
                .containsExactly(id("twilio:work"), id("telnyx"), id("plivo:us"));
    }

    @Test
    void weightedOrderFollowsTheShares() {
        setup.account("twilio:work", "0.0079");
        setup.account("plivo:us", "0.0050");
        Router router = Router.builder().clock(setup.clock).prices(setup.prices.build()).senders(setup.pools.build())
                .account(setup.accounts.get("twilio:work")).account(setup.accounts.get("plivo:us"))
                .random(new SplittableRandom(42)).build();
        RoutingPolicy policy = RoutingPolicy.builder()
                .weighted(Map.of(id("twilio:work"), 3, id("plivo:us"), 1)).build();

        Map<AccountId, Integer> firsts = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            RoutePlan plan = router.plan(sms(US, "hi"), policy);
            assertThat(plan.candidates()).hasSize(2);
            firsts.merge(plan.candidates().get(0).account(), 1, Integer::sum);
        }
        assertThat(firsts.get(id("twilio:work"))).as("a 3:1 share goes first about 75% of the time")
                .isBetween(2800, 3200);
    }

    @Test
    void appliesCountryAllowAndDenyLists() {
        setup.account("twilio:work", "0.0079");
        setup.account("plivo:us", "0.0050");
        setup.account("telnyx:default", "0.0040");

        RoutingPolicy policy = RoutingPolicy.builder()
                .allow("GB", id("twilio:work"))
                .deny("US", id("telnyx"))
                .build();

        RoutePlan uk = setup.router().plan(sms(UK, "hi"), policy);
        assertThat(order(uk)).containsExactly(id("twilio:work"));
        assertThat(uk.exclusionOf(id("telnyx")).orElseThrow().reason()).isEqualTo(ExclusionReason.COUNTRY_RULE);
        RoutePlan us = setup.router().plan(sms(US, "hi"), policy);
        assertThat(order(us)).containsExactly(id("plivo:us"), id("twilio:work"));
        assertThat(us.exclusionOf(id("telnyx")).orElseThrow().detail()).contains("deny list for US");
    }

    @Test
    void excludesAccountsAboveThePriceCapAndPinsOneAccount() {
        setup.account("twilio:work", "0.0079");
        setup.account("plivo:us", "0.0050");

        RoutePlan capped = setup.router().plan(sms(US, "hi"),
                RoutingPolicy.builder().maxPrice(Money.of("0.006", "USD")).build());
        assertThat(order(capped)).containsExactly(id("plivo:us"));
        assertThat(capped.exclusionOf(id("twilio:work")).orElseThrow().reason())
                .isEqualTo(ExclusionReason.ABOVE_PRICE_CAP);

        RoutePlan pinned = setup.router().plan(sms(US, "hi"),
                RoutingPolicy.builder().pinned(id("twilio:work")).build());
        assertThat(order(pinned)).containsExactly(id("twilio:work"));
        assertThat(pinned.exclusionOf(id("plivo:us")).orElseThrow().reason()).isEqualTo(ExclusionReason.NOT_PINNED);
    }

    @Test
    void anUnpricedDestinationIsNeverTakenAsFree() {
        setup.account("twilio:work", usd("1=0.0079"));
        setup.account("plivo:us", usd("44=0.0300"));

        RoutePlan excluded = setup.router().plan(sms(US, "hi"));
        assertThat(order(excluded)).containsExactly(id("twilio:work"));
        assertThat(excluded.exclusionOf(id("plivo:us")).orElseThrow().reason()).isEqualTo(ExclusionReason.UNPRICED);

        RoutePlan last = setup.router().plan(sms(US, "hi"),
                RoutingPolicy.builder().unpriced(RoutingPolicy.UnpricedHandling.PLACE_LAST).build());
        assertThat(order(last)).containsExactly(id("twilio:work"), id("plivo:us"));
        assertThat(last.candidates().get(1).priced()).isFalse();

        RoutePlan lastButCapped = setup.router().plan(sms(US, "hi"), RoutingPolicy.builder()
                .unpriced(RoutingPolicy.UnpricedHandling.PLACE_LAST).maxPrice(Money.of("1", "USD")).build());
        assertThat(order(lastButCapped)).containsExactly(id("twilio:work"));
    }

    @Test
    void leavesOutAccountsWithoutTheCapabilitySenderOrWithinTheirVendorLimit() {
        setup.account("twilio:work", "0.0079").withoutMessaging();
        FakeConnector plivo = new FakeConnector("plivo:us", setup.clock);
        setup.accounts.put("plivo:us", plivo);
        setup.prices.deck(plivo.account(), Product.SMS, usd("1=0.005"));
        setup.account("telnyx:default", "0.0040");
        setup.settings.put("telnyx:default", AccountSettings.ofDefaults().withMaxSegments(2));

        RoutePlan plan = setup.router().plan(sms(US, "x".repeat(400)));

        assertThat(plan.candidates()).isEmpty();
        assertThat(plan.exclusionOf(id("twilio:work")).orElseThrow().reason())
                .isEqualTo(ExclusionReason.CAPABILITY_MISSING);
        assertThat(plan.exclusionOf(id("plivo:us")).orElseThrow().reason()).isEqualTo(ExclusionReason.NO_SENDER);
        assertThat(plan.exclusionOf(id("telnyx")).orElseThrow())
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ExclusionReason.VENDOR_LIMIT))
                .satisfies(e -> assertThat(e.detail()).contains("3 segments"));
    }

    @Test
    void picksTheCountrySenderOfAPoolAndRestrictsAConcreteSenderToItsOwners() {
        FakeConnector twilio = setup.account("twilio:work", "0.0079");
        setup.account("plivo:us", "0.0050");
        SenderId brand = SenderId.of("ACME");
        setup.pools.add("main", twilio.account(), brand, "GB");
        setup.pools.owns(twilio.account(), PhoneNumber.parse("+14155550199"));

        RoutePlan uk = setup.router().plan(sms(UK, "hi"));
        assertThat(uk.candidates()).filteredOn(c -> c.account().equals(twilio.account()))
                .singleElement().satisfies(c -> assertThat(c.from()).contains(brand));
        assertThat(setup.router().plan(sms(US, "hi")).candidates())
                .allSatisfy(c -> assertThat(c.from()).contains(OWN_NUMBER));

        RoutePlan concrete = setup.router().plan(MessageRequest.sms(US, PhoneNumber.parse("+14155550199"), "hi"));
        assertThat(order(concrete)).containsExactly(id("twilio:work"));
        assertThat(concrete.exclusionOf(id("plivo:us")).orElseThrow().reason())
                .isEqualTo(ExclusionReason.SENDER_NOT_OWNED);
    }

    @Test
    void aCallNeedsANumberFromThePoolAndIsQuotedPerMinute() {
        FakeConnector twilio = setup.account("twilio:work", "0.0079");
        setup.account("plivo:us", "0.0050").withoutVoice();
        setup.prices.deck(twilio.account(), Product.VOICE, RateDeck.builder()
                .add("1", Rate.perMinute("0.013", "USD")).build());

        RoutePlan plan = setup.router().plan(CallRequest.of(US, POOL, CallInstructions.url("https://example.com/x")),
                RoutingPolicy.builder().callMinutes(3).build());

        assertThat(order(plan)).containsExactly(id("twilio:work"));
        assertThat(plan.first().orElseThrow().quote().orElseThrow().total()).isEqualTo(Money.of("0.039", "USD"));
        assertThat(plan.exclusionOf(id("plivo:us")).orElseThrow().reason())
                .isEqualTo(ExclusionReason.CAPABILITY_MISSING);
    }

    @Test
    void badPolicyValuesNameTheField() {
        assertThatThrownBy(() -> RoutingPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(SwitchboardException.class).hasMessageContaining("'maxAttempts'");
        assertThatThrownBy(() -> RoutingPolicy.builder().allow("USA", id("plivo")).build())
                .hasMessageContaining("'allow country'");
        assertThatThrownBy(() -> RoutingPolicy.builder().maxPrice(Money.of("0.01", "EUR"))
                .currency(java.util.Currency.getInstance("USD")).build())
                .hasMessageContaining("'maxPrice'");
        assertThatThrownBy(() -> setup.router().plan((MessageRequest) null)).hasMessageContaining("'request'");
    }
}
