package io.switchboard.sandbox.twilio;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calling codes to ISO 3166 countries, for lookups and for grouping the sandbox deck's prefixes by country as
 * Twilio's Pricing API does. NANP numbers are US unless their area code is one the sandbox deck prices as Canada.
 * Written here on purpose: the emulator shares no numbering code with what it tests.
 */
final class Countries {

  /** ISO country, name, mobile country code, and the calling-code prefixes that belong to it. */
  record Country(String iso, String name, String mcc, List<String> prefixes) {}

  private static final List<Country> ALL = List.of(
      new Country("US", "United States", "310", List.of("1")),
      new Country("CA", "Canada", "302", List.of("1204", "1416", "1514", "1604", "1613")),
      new Country("GB", "United Kingdom", "234", List.of("44")),
      new Country("DE", "Germany", "262", List.of("49")),
      new Country("FR", "France", "208", List.of("33")),
      new Country("IN", "India", "404", List.of("91")),
      new Country("BR", "Brazil", "724", List.of("55")),
      new Country("AU", "Australia", "505", List.of("61")),
      new Country("ES", "Spain", "214", List.of("34")),
      new Country("IT", "Italy", "222", List.of("39")),
      new Country("NL", "Netherlands", "204", List.of("31")),
      new Country("IE", "Ireland", "272", List.of("353")),
      new Country("MX", "Mexico", "334", List.of("52")),
      new Country("JP", "Japan", "440", List.of("81")),
      new Country("SG", "Singapore", "525", List.of("65")),
      new Country("ZA", "South Africa", "655", List.of("27")));

  private static final Map<String, Country> BY_ISO = ALL.stream()
      .collect(Collectors.toUnmodifiableMap(Country::iso, c -> c));

  private Countries() {}

  static Optional<Country> byIso(String iso) {
    return Optional.ofNullable(BY_ISO.get(iso));
  }

  /** The country whose longest prefix starts {@code digits} (an E.164 number or a deck prefix without '+'). */
  static Optional<Country> of(String digits) {
    Country best = null;
    int bestLength = 0;
    for (Country country : ALL) {
      for (String prefix : country.prefixes()) {
        if (digits.startsWith(prefix) && prefix.length() > bestLength) {
          best = country;
          bestLength = prefix.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The calling code of a country: its shortest prefix, cut to the NANP's "1" for Canada. */
  static String callingCode(Country country) {
    String shortest = country.prefixes().get(0);
    return shortest.startsWith("1") ? "1" : shortest;
  }
}
