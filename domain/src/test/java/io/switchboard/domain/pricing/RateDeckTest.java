package io.switchboard.domain.pricing;

import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateDeckTest {

    private final RateDeck deck = RateDeck.builder()
            .add("1", Rate.perSegment("0.0079", "USD"))
            .add("1415", Rate.perSegment("0.0060", "USD"))
            .add("44", Rate.perSegment("0.0400", "USD"))
            .add("447", Rate.perSegment("0.0350", "USD"))
            .add("4479", Rate.perSegment("0.0500", "USD"))
            .build();

    @Test
    void theLongestMatchingPrefixWins() {
        assertThat(deck.match(PhoneNumber.parse("+14155552671"))).get()
                .extracting(RateDeck.Match::prefix).isEqualTo("1415");
        assertThat(deck.match(PhoneNumber.parse("+12125550100"))).get()
                .extracting(RateDeck.Match::prefix).isEqualTo("1");
        assertThat(deck.match(PhoneNumber.parse("+447911123456"))).get()
                .extracting(m -> m.rate().price().toString()).isEqualTo("0.05 USD");
        assertThat(deck.match(PhoneNumber.parse("+447700900123"))).get()
                .extracting(RateDeck.Match::prefix).isEqualTo("447");
        assertThat(deck.match(PhoneNumber.parse("+442071838750"))).get()
                .extracting(RateDeck.Match::prefix).isEqualTo("44");
    }

    @Test
    void theRateAloneIsTheRateOfTheLongestMatch() {
        for (String number : List.of("+14155552671", "+12125550100", "+447911123456", "+447700900123", "+4930123456")) {
            PhoneNumber to = PhoneNumber.parse(number);
            assertThat(deck.rate(to)).as(number).isEqualTo(deck.match(to).map(RateDeck.Match::rate));
        }
    }

    @Test
    void aMatchIsAValueOfItsPrefixAndRate() {
        RateDeck.Match found = deck.match(PhoneNumber.parse("+447911123456")).orElseThrow();

        assertThat(found).isEqualTo(new RateDeck.Match("4479", Rate.perSegment("0.0500", "USD")))
                .hasSameHashCodeAs(new RateDeck.Match("4479", Rate.perSegment("0.0500", "USD")))
                .isNotEqualTo(new RateDeck.Match("447", Rate.perSegment("0.0500", "USD")))
                .isNotEqualTo(new RateDeck.Match("4479", Rate.perSegment("0.0400", "USD")));
        assertThat(found).hasToString("Match[prefix=4479, rate=" + Rate.perSegment("0.0500", "USD") + "]");
        assertThat(deck.match("44791112").orElseThrow()).isEqualTo(found);
    }

    @Test
    void aDestinationWithNoPrefixIsUnpricedNotFree() {
        assertThat(deck.match(PhoneNumber.parse("+4930123456"))).isEmpty();
        assertThat(RateDeck.empty().match("14155552671")).isEmpty();
    }

    @Test
    void rejectsADuplicatePrefixNamingBothRows() {
        RateDeck.Builder builder = RateDeck.builder()
                .add(2, "44", Rate.perSegment("0.04", "USD"))
                .add(3, "447", Rate.perSegment("0.03", "USD"));

        assertThatThrownBy(() -> builder.add(7, "44", Rate.perSegment("0.05", "USD")))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("row 7")
                .hasMessageContaining("already defined at row 2");
    }

    @Test
    void rejectsANonDigitPrefixNamingTheRow() {
        assertThatThrownBy(() -> RateDeck.of(List.of(
                new RateDeck.Entry("44", Rate.perSegment("0.04", "USD")),
                new RateDeck.Entry("+1", Rate.perSegment("0.01", "USD")))))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("'+1'");
        assertThatThrownBy(() -> RateDeck.builder().add(4, "", Rate.perSegment("0.01", "USD")))
                .hasMessageContaining("row 4");
    }

    @Test
    void keepsItsRowsInOrder() {
        assertThat(deck.size()).isEqualTo(5);
        assertThat(deck.entries()).extracting(RateDeck.Entry::prefix).containsExactly("1", "1415", "44", "447", "4479");
    }

    @Test
    void quotesRateTimesUnitsAndExplainsWhy() {
        RateDeck.Match match = deck.match(PhoneNumber.parse("+447700900123")).orElseThrow();
        Quote quote = Quote.of(io.switchboard.domain.AccountId.parse("plivo:uk"), Product.SMS, match, 3,
                java.util.Optional.of(io.switchboard.domain.message.SmsEncoding.UCS2));

        assertThat(quote.total()).isEqualTo(io.switchboard.domain.Money.of("0.105", "USD"));
        assertThat(quote.explanation()).isEqualTo("3 segments (UCS-2) x 0.035 USD/segment at prefix 447 = 0.105 USD");
    }

    @Test
    void aRateIsNeverNegative() {
        assertThatThrownBy(() -> Rate.perSegment("-0.0075", "USD")).hasMessageContaining("'price'");
    }
}
