package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumberInventoryTest {

  @Test
  void bundledNumbersAreE164WithCapabilities() {
    NumberInventory twilio = NumberInventory.forVendor("twilio");

    assertThat(twilio.all()).isNotEmpty().allSatisfy(n -> assertThat(n.number()).matches("\\+[1-9][0-9]{7,14}"));
    assertThat(twilio.find("+12025550101").orElseThrow().capabilities())
        .containsExactlyInAnyOrder(Product.SMS, Product.MMS, Product.VOICE);
    assertThat(twilio.owns("+12025550101")).isTrue();
    assertThat(twilio.owns("+12025550111")).as("a Plivo number").isFalse();
    assertThat(twilio.with(Product.MMS)).extracting(NumberInventory.OwnedNumber::country).containsOnly("US", "CA");
    assertThat(twilio.inCountry("GB")).hasSize(1);
  }

  @Test
  void vendorsOwnDistinctNumbers() {
    Set<String> seen = new HashSet<>();
    for (String vendor : List.of("twilio", "plivo", "telnyx")) {
      for (NumberInventory.OwnedNumber n : NumberInventory.forVendor(vendor).all()) {
        assertThat(seen.add(n.number())).as("%s listed by two vendors", n.number()).isTrue();
      }
    }
  }

  @Test
  void parseRejectsBadRowsNamingTheLine() {
    assertThatThrownBy(() -> NumberInventory.parse("number,country,capabilities,type\n2025550101,US,sms,local\n"))
        .hasMessageStartingWith("line 2:").hasMessageContaining("E.164");
    assertThatThrownBy(() -> NumberInventory.parse("number,country,capabilities,type\n+12025550101,US,fax,local\n"))
        .hasMessageContaining("fax");
    assertThatThrownBy(() -> NumberInventory.parse(
        "number,country,capabilities,type\n+12025550101,US,sms,local\n+12025550101,US,sms,local\n"))
        .hasMessageContaining("listed twice");
  }
}
