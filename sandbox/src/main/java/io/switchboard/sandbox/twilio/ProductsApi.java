package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's product APIs on the emulator's port: Pricing (messaging v1, voice v2), served from the sandbox deck so
 * that published prices and billed prices agree, and Lookup v2 ({@link Lookups}).
 */
final class ProductsApi {

  private final TwilioEmulator emulator;
  private final Lookups lookups = new Lookups();

  ProductsApi(TwilioEmulator emulator) {
    this.emulator = emulator;
  }

  Response lookup(Request request) {
    return Response.json(200, lookups.lookup(request, emulator.baseUrl(), emulator.numbers()));
  }

  Response messagingCountries(Request request) {
    return countries(request, Product.SMS, "/v1/Messaging/Countries/");
  }

  Response voiceCountries(Request request) {
    return countries(request, Product.VOICE, "/v2/Voice/Countries/");
  }

  /** Per-carrier prices: one sandbox carrier per deck prefix of the country, the same price for each number type. */
  Response messagingCountry(Request request) {
    Countries.Country country = priced(request, Product.SMS);
    List<RateDeck.Rate> rates = byCountry(Product.SMS).get(country.iso());
    List<Object> outbound = new ArrayList<>();
    for (int i = 0; i < rates.size(); i++) {
      RateDeck.Rate rate = rates.get(i);
      List<Object> prices = new ArrayList<>();
      for (String type : List.of("mobile", "local", "tollfree")) {
        prices.add(price("number_type", type, TwilioFormat.listPrice(rate.rate())));
      }
      Map<String, Object> carrier = new LinkedHashMap<>();
      carrier.put("carrier", "Sandbox " + country.name() + " " + rate.prefix());
      carrier.put("mcc", country.mcc());
      carrier.put("mnc", String.format("%02d", i + 1));
      carrier.put("prices", prices);
      outbound.add(carrier);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("country", country.name());
    m.put("inbound_sms_prices", List.of(price("number_type", "local", "0.0075")));
    m.put("iso_country", country.iso());
    m.put("outbound_sms_prices", outbound);
    m.put("price_unit", rates.get(0).currency());
    m.put("url", emulator.baseUrl() + request.path());
    return Response.json(200, m);
  }

  /** Per-prefix prices: one group per deck prefix; prefixes longer than the country's own are its mobiles. */
  Response voiceCountry(Request request) {
    Countries.Country country = priced(request, Product.VOICE);
    List<RateDeck.Rate> rates = byCountry(Product.VOICE).get(country.iso());
    List<Object> outbound = new ArrayList<>();
    for (RateDeck.Rate rate : rates) {
      Map<String, Object> group = new LinkedHashMap<>();
      String list = TwilioFormat.listPrice(rate.rate());
      group.put("base_price", list);
      group.put("current_price", list);
      group.put("destination_prefixes", List.of(rate.prefix()));
      group.put("friendly_name", country.name() + (country.prefixes().contains(rate.prefix()) ? "" : " - Mobile"));
      group.put("origination_prefixes", List.of("ALL"));
      outbound.add(group);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("country", country.name());
    m.put("inbound_call_prices", List.of(price("number_type", "local", "0.0085")));
    m.put("iso_country", country.iso());
    m.put("outbound_prefix_prices", outbound);
    m.put("price_unit", rates.get(0).currency());
    m.put("url", emulator.baseUrl() + request.path());
    return Response.json(200, m);
  }

  Response voiceNumber(Request request) {
    String number = request.pathVar("Number").trim();
    RateDeck.Rate rate = emulator.deck().lookup(number, Product.VOICE)
        .filter(r -> TwilioFormat.E164.matcher(number).matches())
        .orElseThrow(() -> TwilioFormat.halt(404, 20404, "The requested resource " + request.path()
            + " was not found"));
    Countries.Country country = Countries.of(number.substring(1)).orElseThrow(() -> TwilioFormat.halt(404, 20404,
        "The requested resource " + request.path() + " was not found"));
    Map<String, Object> inbound = new LinkedHashMap<>();
    inbound.put("base_price", null);
    inbound.put("current_price", null);
    inbound.put("number_type", null);
    Map<String, Object> outbound = price("origination_prefixes", List.of("ALL"), TwilioFormat.listPrice(rate.rate()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("country", country.name());
    m.put("destination_number", number);
    m.put("inbound_call_price", inbound);
    m.put("iso_country", country.iso());
    m.put("origination_number", null);
    m.put("outbound_call_prices", List.of(outbound));
    m.put("price_unit", rate.currency());
    m.put("url", emulator.baseUrl() + request.path());
    return Response.json(200, m);
  }

  private Response countries(Request request, Product product, String path) {
    List<Countries.Country> priced = byCountry(product).keySet().stream()
        .map(iso -> Countries.byIso(iso).orElseThrow()).toList();
    return Response.json(200, TwilioPaging.meta(request, emulator.baseUrl(), priced, "countries",
        Countries.Country::iso, c -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("country", c.name());
          m.put("iso_country", c.iso());
          m.put("url", emulator.baseUrl() + path + c.iso());
          return m;
        }));
  }

  private Countries.Country priced(Request request, Product product) {
    String iso = request.pathVar("IsoCountry").trim();
    if (!byCountry(product).containsKey(iso)) {
      throw TwilioFormat.halt(404, 20404, "The requested resource " + request.path() + " was not found");
    }
    return Countries.byIso(iso).orElseThrow();
  }

  /** The deck's rates of {@code product} by the country their prefix belongs to, countries in ISO order. */
  private Map<String, List<RateDeck.Rate>> byCountry(Product product) {
    Map<String, List<RateDeck.Rate>> grouped = new TreeMap<>();
    for (RateDeck.Rate rate : emulator.deck().rates(product)) {
      Countries.of(rate.prefix()).ifPresent(c -> grouped.computeIfAbsent(c.iso(), k -> new ArrayList<>()).add(rate));
    }
    return grouped;
  }

  private static Map<String, Object> price(String key, Object value, String amount) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("base_price", amount);
    m.put("current_price", amount);
    m.put(key, value);
    return m;
  }
}
