package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateDeckTest {
  private static final List<String> VENDORS = List.of("twilio", "plivo", "telnyx");
  private static final Map<String, RateDeck> DECKS =
      VENDORS.stream().collect(Collectors.toMap(Function.identity(), RateDeck::forVendor));

  private static String cheapest(String number, Product product) {
    return VENDORS.stream().min(Comparator.comparing(v -> DECKS.get(v).lookup(number, product).orElseThrow().rate()))
        .orElseThrow();
  }

  @Test
  void longestPrefixWins() {
    RateDeck twilio = DECKS.get("twilio");

    assertThat(twilio.lookup("+14165550100", Product.SMS).orElseThrow().prefix()).isEqualTo("1416");
    assertThat(twilio.lookup("+12025550100", Product.SMS).orElseThrow().prefix()).isEqualTo("1");
    assertThat(twilio.lookup("+447700900123", Product.VOICE).orElseThrow().prefix()).isEqualTo("447");
    assertThat(twilio.lookup("+442071838750", Product.VOICE).orElseThrow().prefix()).isEqualTo("44");
    assertThat(twilio.lookup("4915123456789", Product.VOICE).orElseThrow().prefix())
        .as("the '+' is optional").isEqualTo("4915");
  }

  @Test
  void noRateForAnUnlistedCountryOrProduct() {
    RateDeck plivo = DECKS.get("plivo");

    assertThat(plivo.lookup("+81312345678", Product.SMS)).isEmpty();
    assertThat(plivo.lookup("+447700900123", Product.MMS)).as("MMS only in North America").isEmpty();
    assertThat(plivo.lookup("whatsapp:+1202", Product.SMS)).as("not a number").isEmpty();
  }

  @Test
  void vendorsDifferSoLeastCostRoutingHasAChoice() {
    assertThat(cheapest("+447700900123", Product.SMS)).isEqualTo("plivo");
    assertThat(cheapest("+12025550100", Product.SMS)).isEqualTo("telnyx");
    assertThat(cheapest("+919812345678", Product.SMS)).isEqualTo("plivo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"twilio", "plivo", "telnyx"})
  void everyBundledDeckPricesSmsAndVoiceInTheSevenCountries(String vendor) {
    RateDeck deck = DECKS.get(vendor);
    for (String number : List.of("+12025550100", "+14165550100", "+447700900123", "+4930123456", "+33612345678",
        "+919812345678", "+5511912345678", "+61491570123")) {
      assertThat(deck.lookup(number, Product.SMS)).as("%s sms %s", vendor, number).isPresent();
      assertThat(deck.lookup(number, Product.VOICE)).as("%s voice %s", vendor, number).isPresent();
    }
    assertThat(deck.rates()).allSatisfy(r -> assertThat(r.currency()).isEqualTo("USD"));
  }

  @Test
  void priceIsRateTimesUnitsExactly() {
    RateDeck.Rate rate = DECKS.get("twilio").lookup("+12025550100", Product.SMS).orElseThrow();

    assertThat(rate.rate()).isEqualByComparingTo("0.0079");
    assertThat(rate.times(3).toPlainString()).isEqualTo("0.0237");
  }

  @Test
  void parseNamesTheLineOfABadRow() {
    String csv = "prefix,rate,currency,product\n1,0.01,USD,sms\n44,0.02,USD,fax\n";

    assertThatThrownBy(() -> RateDeck.parse(csv)).hasMessageStartingWith("line 3:").hasMessageContaining("fax");
    assertThatThrownBy(() -> RateDeck.parse("prefix,rate\n1,2\n")).hasMessageContaining("expected header");
    assertThatThrownBy(() -> RateDeck.parse("prefix,rate,currency,product\n+1,0.01,USD,sms\n"))
        .hasMessageContaining("'prefix' must be 1 to 15 digits");
    assertThatThrownBy(() -> RateDeck.parse("prefix,rate,currency,product\n1,0.01,USD,sms\n1,0.02,USD,sms\n"))
        .hasMessageContaining("two SMS rates for prefix 1");
  }

  @Test
  void ratesCanBeBuiltInCode() {
    RateDeck deck = RateDeck.of(List.of(new RateDeck.Rate("49", new BigDecimal("0.05"), "EUR", Product.SMS)));

    assertThat(deck.lookup("+4915112345678", Product.SMS).orElseThrow().currency()).isEqualTo("EUR");
    assertThat(deck.rates(Product.VOICE)).isEmpty();
  }
}
