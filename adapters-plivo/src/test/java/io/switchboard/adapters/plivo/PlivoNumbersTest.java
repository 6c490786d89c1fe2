package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.application.PlivoApplicationRequest;
import io.switchboard.adapters.plivo.carrier.PlivoCarrierRequest;
import io.switchboard.adapters.plivo.number.PlivoAvailableNumber;
import io.switchboard.adapters.plivo.number.PlivoCarrierNumbers;
import io.switchboard.adapters.plivo.number.PlivoNumber;
import io.switchboard.adapters.plivo.number.PlivoNumberChanges;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.adapters.plivo.number.PlivoNumberSearch;
import io.switchboard.adapters.plivo.number.PlivoPurchase;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountSettings;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers through {@code api().numbers()}: the account's (list with every filter, get, add carrier numbers,
 * modify, unrent) and Plivo's for sale (search with every filter, buy).
 */
class PlivoNumbersTest {

    private static final String OWNED = "+12025550111";

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoNumbersApi numbers = plivo.api().numbers();

    @AfterEach
    void stop() {
        plivo.close();
    }

    private List<String> listed(PlivoNumberFilter filter) {
        return numbers.list(filter, PlivoPaging.first()).items().stream().map(PlivoNumber::number).toList();
    }

    @Test
    void listFiltersByTypeStartAliasServicesAndSubaccountAndPages() {
        assertThat(listed(PlivoNumberFilter.all().withNumberType("mobile")))
                .containsExactly("+447700900114", "+447700900115", "+61491570116");
        assertThat(listed(PlivoNumberFilter.all().withStartsWith("+44"))).containsExactly("+447700900114",
                "+447700900115");
        assertThat(listed(PlivoNumberFilter.all().withAlias("Sandbox CA local"))).containsExactly("+14165550113");
        assertThat(listed(PlivoNumberFilter.all().withService("voice,sms").withNumberType("local")))
                .containsExactly(OWNED, "+13125550112", "+14165550113");
        String sub = plivo.api().subaccounts().create(PlivoSubaccountSettings.named("Numbers").enabled(true)).authId();
        numbers.modify("+61491570116", PlivoNumberChanges.none().withSubaccount(sub));
        assertThat(listed(PlivoNumberFilter.all().withSubaccount(sub))).containsExactly("+61491570116");

        Page<PlivoNumber> first = numbers.list(PlivoNumberFilter.all(), PlivoPaging.of(4, 0));
        assertThat(first.items()).hasSize(4);
        assertThat(numbers.list(PlivoNumberFilter.all(), PlivoPaging.of(4, 0).next(first).orElseThrow()).items())
                .hasSize(2);
    }

    @Test
    void getAnswersOneNumberWithItsPlivoFields() {
        PlivoNumber number = numbers.get("12025550111");

        assertThat(number.number()).isEqualTo(OWNED);
        assertThat(number.numberType()).contains("local");
        assertThat(number.voiceEnabled()).isTrue();
        assertThat(number.monthlyRentalRate()).isPresent();
        failure(FailureKind.NOT_FOUND, () -> numbers.get("+12025550199"));
    }

    @Test
    void addCarrierNumbersWithEveryField() {
        String carrier = plivo.api().carriers().add(PlivoCarrierRequest.of("Own carrier", List.of("203.0.113.5")));
        String sub = plivo.api().subaccounts().create(PlivoSubaccountSettings.named("Carrier").enabled(true))
                .authId();
        String appId = plivo.api().applications().create(PlivoApplicationRequest.builder().appName("Carrier app")
                .answerUrl(URI.create("https://voice.example/carrier")).build());

        numbers.addCarrierNumbers(PlivoCarrierNumbers.of(List.of(PhoneNumber.parse("+18554675486"),
                PhoneNumber.parse("+18554675487")), carrier, "Toll free pool").withNumberType("tollfree")
                .withAppId(appId).withSubaccount(sub));

        PlivoNumber added = numbers.get("+18554675486");
        assertThat(added.carrier()).contains(carrier);
        assertThat(added.region()).contains("Toll free pool");
        assertThat(added.numberType()).contains("tollfree");
        assertThat(added.applicationId()).contains(appId);
        assertThat(added.subaccount()).contains(sub);
        assertThat(listed(PlivoNumberFilter.all().withSubaccount(sub))).containsExactly("+18554675487",
                "+18554675486");
        failure(FailureKind.INVALID_REQUEST, () -> numbers.addCarrierNumbers(PlivoCarrierNumbers.of(
                List.of(PhoneNumber.parse("+18554675488")), "99999999999999", "Nowhere")));
    }

    @Test
    void modifyLinksUnlinksAndRenames() {
        String appId = plivo.api().applications().create(PlivoApplicationRequest.builder().appName("Linked")
                .answerUrl(URI.create("https://voice.example/linked")).build());

        numbers.modify(OWNED, PlivoNumberChanges.none().withAppId(appId).withAlias("Main line"));
        assertThat(numbers.get(OWNED)).satisfies(n -> {
            assertThat(n.applicationId()).contains(appId);
            assertThat(n.alias()).contains("Main line");
        });

        numbers.modify(OWNED, PlivoNumberChanges.none().withoutApp());
        assertThat(numbers.get(OWNED)).satisfies(n -> {
            assertThat(n.applicationId()).isEmpty();
            assertThat(n.alias()).contains("Main line");
        });
    }

    @Test
    void unrentGivesTheNumberBack() {
        numbers.unrent("+13125550112");

        failure(FailureKind.NOT_FOUND, () -> numbers.get("+13125550112"));
        assertThat(listed(PlivoNumberFilter.all())).doesNotContain("+13125550112").hasSize(5);
    }

    @Test
    void searchFiltersByTypePatternRegionServicesLataAndRateCenter() {
        Page<PlivoAvailableNumber> us = numbers.search(PlivoNumberSearch.in("US"), PlivoPaging.first());
        assertThat(us.items()).hasSize(20);
        assertThat(us.hasNext()).isTrue();

        assertThat(numbers.search(PlivoNumberSearch.in("us").withType("tollfree"), PlivoPaging.first()).items())
                .hasSize(5).allSatisfy(n -> assertThat(n.number()).startsWith("+1800"));
        assertThat(numbers.search(PlivoNumberSearch.in("US").withPattern("415"), PlivoPaging.first()).items())
                .hasSize(10).allSatisfy(n -> assertThat(n.city()).contains("San Francisco"));
        assertThat(numbers.search(PlivoNumberSearch.in("US").withRegion("Illinois"), PlivoPaging.first()).items())
                .hasSize(10).allSatisfy(n -> assertThat(n.rateCenter()).contains("CHICAGO"));
        assertThat(numbers.search(PlivoNumberSearch.in("US").withLata("722").withRateCenter("SNFC CNTRL"),
                PlivoPaging.of(3, 0)).items()).hasSize(3).allSatisfy(n -> assertThat(n.lata()).contains("722"));
        assertThat(numbers.search(PlivoNumberSearch.in("GB").withServices("voice,sms"), PlivoPaging.first()).items())
                .hasSize(10).allSatisfy(n -> {
                    assertThat(n.type()).isEqualTo("mobile");
                    assertThat(n.smsEnabled() && n.voiceEnabled()).isTrue();
                });
        assertThat(numbers.search(PlivoNumberSearch.in("GB").withType("fixed").withRegion("London"),
                PlivoPaging.of(20, 5)).items()).hasSize(5);
        assertThat(numbers.search(PlivoNumberSearch.in("JP"), PlivoPaging.first()).items()).isEmpty();
    }

    @Test
    void buyRentsASearchedNumberAndChargesItsFirstMonth() {
        PlivoAvailableNumber forSale = numbers.search(PlivoNumberSearch.in("GB").withType("mobile"),
                PlivoPaging.of(1, 0)).items().get(0);
        String appId = plivo.api().applications().create(PlivoApplicationRequest.builder().appName("Bought")
                .answerUrl(URI.create("https://voice.example/bought")).build());
        BigDecimal before = plivo.credit();

        PlivoPurchase purchase = numbers.buy(forSale.number(), appId);

        assertThat(purchase.status()).isEqualTo("fulfilled");
        assertThat(purchase.numbers()).containsExactly(new PlivoPurchase.Item(forSale.number(), "Success"));
        PlivoNumber bought = numbers.get(forSale.number());
        assertThat(bought.applicationId()).contains(appId);
        assertThat(bought.numberType()).contains("mobile");
        assertThat(plivo.credit()).isEqualByComparingTo(before.subtract(forSale.monthlyRentalRate().orElseThrow()
                .amount()));
        assertThat(numbers.search(PlivoNumberSearch.in("GB").withType("mobile"), PlivoPaging.first()).items())
                .extracting(PlivoAvailableNumber::number).doesNotContain(forSale.number());
        failure(FailureKind.NOT_FOUND, () -> numbers.buy(forSale.number()));
    }
}
