package io.switchboard.application;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.SendCapabilities;
import io.switchboard.domain.port.SendCapabilities.TextLimit;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The planner leaves out, with a typed reason, an account whose vendor would refuse the request. */
class CapabilityPlanningTest {

    /** Like Twilio: every channel, inline markup, 1,600 characters. */
    static final SendCapabilities LIKE_TWILIO = SendCapabilities.builder()
            .channels(Channel.SMS, Channel.MMS, Channel.WHATSAPP).inlineCallMarkup(true)
            .textLimit(Channel.SMS, TextLimit.characters(1600)).build();
    /** Like Plivo: no inline markup, 1,600 GSM-7 or 737 UCS-2 characters. */
    static final SendCapabilities LIKE_PLIVO = SendCapabilities.builder()
            .channels(Channel.SMS, Channel.MMS, Channel.WHATSAPP).inlineCallMarkup(false)
            .textLimit(Channel.SMS, TextLimit.characters(1600, 737)).build();
    /** Like Telnyx: no WhatsApp, no inline markup, 10 segments. */
    static final SendCapabilities LIKE_TELNYX = SendCapabilities.builder()
            .channels(Channel.SMS, Channel.MMS).inlineCallMarkup(false)
            .textLimit(Channel.SMS, TextLimit.segments(10)).build();

    private final Setup setup = new Setup();

    private void threeVendors() {
        setup.account("twilio:work", "0.0079").accepting(LIKE_TWILIO);
        setup.account("plivo:us", "0.0050").accepting(LIKE_PLIVO);
        setup.account("telnyx:default", "0.0040").accepting(LIKE_TELNYX);
    }

    private static List<String> order(RoutePlan plan) {
        return plan.candidates().stream().map(c -> c.account().toString()).toList();
    }

    private static MessageRequest message(Channel channel) {
        return MessageRequest.builder().to(US).from(POOL).text("look").media(URI.create("https://example.com/a.png"))
                .channel(channel).build();
    }

    private void priceEverywhere(Product product, String rate) {
        for (FakeConnector account : setup.accounts.values()) {
            setup.prices.deck(account.account(), product, RateDeck.builder()
                    .add("1", product == Product.VOICE ? Rate.perMinute(rate, "USD") : Rate.perMessage(rate, "USD"))
                    .build());
        }
    }

    @Test
    void aChannelTheVendorDoesNotSendIsCapabilityMissingWithAnUnsupportedFailure() {
        threeVendors();
        priceEverywhere(Product.WHATSAPP, "0.005");

        RoutePlan plan = setup.router().plan(message(Channel.WHATSAPP));

        assertThat(order(plan)).containsExactly("plivo:us", "twilio:work");
        Exclusion telnyx = plan.exclusionOf(id("telnyx")).orElseThrow();
        assertThat(telnyx.reason()).isEqualTo(ExclusionReason.CAPABILITY_MISSING);
        assertThat(telnyx.detail()).contains("WHATSAPP");
        assertThat(telnyx.failure().orElseThrow().kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(telnyx.failure().orElseThrow().field()).contains("channel");
    }

    @Test
    void inlineCallMarkupGoesOnlyToAccountsThatTakeIt() {
        threeVendors();
        priceEverywhere(Product.VOICE, "0.01");
        CallRequest markup = CallRequest.of(US, POOL, CallInstructions.markup("<Response><Say>hi</Say></Response>"));
        CallRequest url = CallRequest.of(US, POOL, CallInstructions.url("https://example.com/answer"));

        RoutePlan withMarkup = setup.router().plan(markup, RoutingPolicy.ofDefaults());
        RoutePlan withUrl = setup.router().plan(url, RoutingPolicy.ofDefaults());

        assertThat(order(withMarkup)).containsExactly("twilio:work");
        for (String out : List.of("plivo:us", "telnyx")) {
            Exclusion e = withMarkup.exclusionOf(id(out)).orElseThrow();
            assertThat(e.reason()).as(out).isEqualTo(ExclusionReason.CAPABILITY_MISSING);
            assertThat(e.failure().orElseThrow().kind()).as(out).isEqualTo(FailureKind.UNSUPPORTED);
        }
        assertThat(order(withUrl)).containsExactlyInAnyOrder("twilio:work", "plivo:us", "telnyx:default");
    }

    @Test
    void aTextOverTheVendorsCharacterLimitIsVendorLimit() {
        threeVendors();
        String text = "a".repeat(1601); // 11 segments: over Twilio's and Plivo's 1,600 characters and Telnyx's 10

        RoutePlan plan = setup.router().plan(sms(US, text));

        assertThat(plan.candidates()).isEmpty();
        for (String out : List.of("twilio:work", "plivo:us", "telnyx")) {
            Exclusion e = plan.exclusionOf(id(out)).orElseThrow();
            assertThat(e.reason()).as(out).isEqualTo(ExclusionReason.VENDOR_LIMIT);
            assertThat(e.failure().orElseThrow().kind()).as(out).isEqualTo(FailureKind.INVALID_REQUEST);
        }
        assertThat(plan.exclusionOf(id("plivo:us")).orElseThrow().detail()).contains("1601 GSM-7 characters");
        assertThat(plan.exclusionOf(id("telnyx")).orElseThrow().detail()).contains("11 segments");
    }

    @Test
    void aUcs2TextIsMeasuredAgainstTheUcs2LimitAndSegments() {
        threeVendors();
        String ucs2 = "ł".repeat(700); // 11 UCS-2 segments, under Plivo's 737 characters
        String longer = "ł".repeat(738);

        assertThat(order(setup.router().plan(sms(US, ucs2)))).containsExactly("plivo:us", "twilio:work");
        RoutePlan plan = setup.router().plan(sms(US, longer));
        assertThat(order(plan)).containsExactly("twilio:work");
        assertThat(plan.exclusionOf(id("plivo:us")).orElseThrow().detail()).contains("738 UCS-2 characters");
        assertThat(plan.exclusionOf(id("telnyx")).orElseThrow().reason()).isEqualTo(ExclusionReason.VENDOR_LIMIT);
    }

    @Test
    void quoteAndSendLeaveOutTheSameAccountsForTheSameReasonAndPickTheSameOne() {
        threeVendors();
        String text = "b".repeat(1540); // 11 segments: Telnyx (cheapest) refuses it, Plivo is next

        CostTable quote = setup.router().costs().quote(US, text);
        Delivery delivery = setup.router().send(sms(US, text));

        assertThat(quote.rows().get(0).account()).isEqualTo(id("plivo:us"));
        CostTable.Row telnyxRow = quote.rows().stream().filter(r -> r.account().equals(id("telnyx"))).findFirst()
                .orElseThrow();
        assertThat(telnyxRow.exclusion().map(Exclusion::reason)).contains(ExclusionReason.VENDOR_LIMIT);
        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(((Delivery.Sent) delivery).account()).isEqualTo(id("plivo:us"));
        assertThat(setup.accounts.get("telnyx:default").vendorCalls()).isZero();

        BatchComparison batch = setup.router().costs().compare(List.of(new BatchComparison.Item(US, text)));
        assertThat(batch.mixShare()).containsOnlyKeys(id("plivo:us"));
    }

    @Test
    void aTextNoAccountTakesIsNotSentAsInvalidWithoutAnyVendorCall() {
        threeVendors();
        String text = "c".repeat(3000);

        CostTable quote = setup.router().costs().quote(US, text);
        Delivery delivery = setup.router().send(sms(US, text));

        assertThat(quote.rows()).allSatisfy(row ->
                assertThat(row.exclusion().map(Exclusion::reason)).contains(ExclusionReason.VENDOR_LIMIT));
        assertThat(delivery).isInstanceOf(Delivery.NotSent.class);
        assertThat(((Delivery.NotSent) delivery).failure().kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(setup.totalVendorCalls()).isZero();
    }

    @Test
    void unpricedMmsIsPlacedLastByDefaultAndUnpricedSmsExcluded() {
        threeVendors();
        setup.prices.deck(id("telnyx"), Product.MMS, RateDeck.builder().add("1", Rate.perMessage("0.02", "USD")).build());

        RoutePlan mms = setup.router().plan(message(Channel.MMS));

        assertThat(order(mms)).as("priced first, then the unpriced by account id")
                .containsExactly("telnyx:default", "plivo:us", "twilio:work");
        assertThat(mms.candidates().get(1).quote()).isEmpty();

        RoutingPolicy excludeMms = RoutingPolicy.builder()
                .unpriced(Product.MMS, RoutingPolicy.UnpricedHandling.EXCLUDE).build();
        RoutePlan strict = setup.router().plan(message(Channel.MMS), excludeMms);
        assertThat(order(strict)).containsExactly("telnyx:default");
        assertThat(strict.exclusionOf(id("twilio:work")).orElseThrow().reason()).isEqualTo(ExclusionReason.UNPRICED);

        FakeConnector unpriced = setup.account("plivo:eu", (RateDeck) null);
        assertThat(unpriced).isNotNull();
        assertThat(setup.router().plan(sms(US, "hi")).exclusionOf(id("plivo:eu")).orElseThrow().reason())
                .isEqualTo(ExclusionReason.UNPRICED);
    }

    @Test
    void theDefaultUnpricedHandlingIsPerProduct() {
        RoutingPolicy defaults = RoutingPolicy.ofDefaults();

        assertThat(defaults.unpriced(Product.SMS)).isEqualTo(RoutingPolicy.UnpricedHandling.EXCLUDE);
        assertThat(defaults.unpriced(Product.VOICE)).isEqualTo(RoutingPolicy.UnpricedHandling.EXCLUDE);
        assertThat(defaults.unpriced(Product.MMS)).isEqualTo(RoutingPolicy.UnpricedHandling.PLACE_LAST);
        assertThat(defaults.unpriced(Product.WHATSAPP)).isEqualTo(RoutingPolicy.UnpricedHandling.PLACE_LAST);
        RoutingPolicy all = RoutingPolicy.builder().unpriced(RoutingPolicy.UnpricedHandling.EXCLUDE).build();
        assertThat(all.unpriced(Product.MMS)).isEqualTo(RoutingPolicy.UnpricedHandling.EXCLUDE);
        assertThat(all.toBuilder().unpriced(Product.SMS, RoutingPolicy.UnpricedHandling.PLACE_LAST).build()
                .unpriced()).containsEntry(Product.SMS, RoutingPolicy.UnpricedHandling.PLACE_LAST)
                .containsEntry(Product.MMS, RoutingPolicy.UnpricedHandling.EXCLUDE);
        assertThat(Optional.of(defaults.unpriced())).get().extracting(java.util.Map::size).isEqualTo(4);
    }

    @Test
    void anUnsupportedAnswerFailsOverToTheNextAccount() {
        FakeConnector first = setup.account("telnyx:default", "0.001").failing(FailureKind.UNSUPPORTED);
        FakeConnector second = setup.account("plivo:us", "0.002");

        Delivery delivery = setup.router().send(sms(US, "hello"));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(((Delivery.Sent) delivery).account()).isEqualTo(id("plivo:us"));
        assertThat(first.vendorCalls()).isEqualTo(1);
        assertThat(second.vendorCalls()).isEqualTo(1);
    }
}
