package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.EmulatorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookup v2 and Pricing on the emulator, in Twilio's shapes and from the sandbox deck. */
class TwilioEmulatorProductsTest {

  private final TwilioEmulator twilio = new TwilioEmulator(EmulatorConfig.ofDefaults().withSeed(3));
  private final Client client = Client.of(twilio);

  @AfterEach
  void close() {
    twilio.close();
  }

  @Test
  void looksUpAValidUkMobileWithLineTypeAndNoCallerName() {
    Map<String, Object> lookup = client.get("/v2/PhoneNumbers/+447700900123?Fields=line_type_intelligence,caller_name")
        .json();
    assertThat(lookup).containsEntry("valid", true).containsEntry("country_code", "GB")
        .containsEntry("calling_country_code", "44").containsEntry("national_format", "07700 900123")
        .containsEntry("validation_errors", List.of()).containsEntry("sim_swap", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> lineType = (Map<String, Object>) lookup.get("line_type_intelligence");
    assertThat(lineType).containsEntry("type", "mobile").containsEntry("mobile_country_code", "234")
        .containsEntry("mobile_network_code", "01").containsEntry("carrier_name", "Sandbox Mobile GB")
        .containsEntry("error_code", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> callerName = (Map<String, Object>) lookup.get("caller_name");
    assertThat(callerName).containsEntry("caller_name", null).containsEntry("error_code", 60600.0);
  }

  @Test
  void reportsAnInvalidNumberAsInvalidAndAnUnknownFieldAsAnError() {
    assertThat(client.get("/v2/PhoneNumbers/+44770").json()).containsEntry("valid", false)
        .containsEntry("validation_errors", List.of("INVALID_LENGTH"));
    Client.Reply bad = client.get("/v2/PhoneNumbers/+447700900123?Fields=horoscope");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json()).containsEntry("code", 60200.0);
  }

  @Test
  void listsPricedCountriesWithMetaPaging() {
    Client.Reply first = client.get("/v1/Messaging/Countries?PageSize=3");
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) first.get("meta");
    assertThat(first.list("countries")).extracting(c -> c.get("iso_country")).containsExactly("AU", "BR", "CA");
    assertThat(meta).containsEntry("key", "countries").containsEntry("page_size", 3.0);
    String next = (String) meta.get("next_page_url");
    assertThat(next).startsWith(twilio.baseUrl() + "/v1/Messaging/Countries?PageSize=3&Page=1&PageToken=PAC");
    Client.Reply second = client.get(next.substring(twilio.baseUrl().length()));
    assertThat(second.list("countries")).extracting(c -> c.get("iso_country")).containsExactly("DE", "FR", "GB");
  }

  @Test
  void publishesMessagingPricesPerCarrierAndVoicePricesPerPrefixFromTheDeck() {
    Client.Reply canada = client.get("/v1/Messaging/Countries/CA");
    assertThat(canada.json()).containsEntry("iso_country", "CA").containsEntry("price_unit", "USD");
    assertThat(canada.list("outbound_sms_prices")).hasSize(5).allSatisfy(c -> assertThat(c.get("prices"))
        .asList().hasSize(3));

    Client.Reply uk = client.get("/v2/Voice/Countries/GB");
    assertThat(uk.list("outbound_prefix_prices")).extracting(p -> p.get("destination_prefixes"), p -> p.get(
        "current_price"), p -> p.get("friendly_name")).containsExactly(
        org.assertj.core.groups.Tuple.tuple(List.of("44"), "0.0150", "United Kingdom"),
        org.assertj.core.groups.Tuple.tuple(List.of("447"), "0.0400", "United Kingdom - Mobile"));

    Client.Reply number = client.get("/v2/Voice/Numbers/+447700900123");
    assertThat(number.list("outbound_call_prices")).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("current_price", "0.0400"));
    assertThat(client.get("/v1/Messaging/Countries/JP").status()).isEqualTo(404);
    assertThat(client.get("/v2/Voice/Numbers/+81312345678").status()).isEqualTo(404);
  }
}
