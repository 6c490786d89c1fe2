package io.switchboard.sandbox.telnyx;

import java.util.Map;
import java.util.Set;

/**
 * Countries of E.164 numbers by calling code, for the lookup and for per-country messaging restrictions. A small
 * table of the sandbox's countries and their neighbours, not a numbering plan: an unknown code has no country.
 */
final class TelnyxCountries {
  /** NANP area codes of Canada that the sandbox uses; every other +1 number is taken as the US. */
  private static final Set<String> CANADA = Set.of("204", "226", "236", "250", "289", "306", "343", "365", "403",
      "416", "418", "431", "437", "438", "450", "506", "514", "519", "548", "579", "581", "587", "604", "613", "639",
      "647", "672", "705", "709", "778", "780", "782", "807", "819", "825", "867", "873", "902", "905");

  private static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("44", "GB"), Map.entry("49", "DE"), Map.entry("33", "FR"), Map.entry("34", "ES"),
      Map.entry("39", "IT"), Map.entry("31", "NL"), Map.entry("32", "BE"), Map.entry("41", "CH"),
      Map.entry("43", "AT"), Map.entry("45", "DK"), Map.entry("46", "SE"), Map.entry("47", "NO"),
      Map.entry("48", "PL"), Map.entry("351", "PT"), Map.entry("353", "IE"), Map.entry("358", "FI"),
      Map.entry("91", "IN"), Map.entry("55", "BR"), Map.entry("61", "AU"), Map.entry("64", "NZ"),
      Map.entry("52", "MX"), Map.entry("81", "JP"), Map.entry("65", "SG"), Map.entry("27", "ZA"),
      Map.entry("971", "AE"), Map.entry("972", "IL"));

  private TelnyxCountries() {}

  /** ISO 3166 alpha-2 of an E.164 number, or null when the table does not know its code. */
  static String of(String e164) {
    if (e164 == null || !e164.startsWith("+") || e164.length() < 3) {
      return null;
    }
    String digits = e164.substring(1);
    if (digits.startsWith("1")) {
      return digits.length() >= 4 && CANADA.contains(digits.substring(1, 4)) ? "CA" : "US";
    }
    for (int n = 3; n >= 2; n--) {
      String country = digits.length() > n ? CODES.get(digits.substring(0, n)) : null;
      if (country != null) {
        return country;
      }
    }
    return null;
  }

  /** The national form: {@code (202) 555-0121} for NANP, else a trunk 0 and the national digits. */
  static String nationalFormat(String e164) {
    String digits = e164.substring(1);
    if (digits.startsWith("1") && digits.length() == 11) {
      return "(" + digits.substring(1, 4) + ") " + digits.substring(4, 7) + "-" + digits.substring(7);
    }
    String country = of(e164);
    int codeLength = country == null ? 2 : CODES.entrySet().stream().filter(e -> e.getValue().equals(country))
        .mapToInt(e -> e.getKey().length()).findFirst().orElse(2);
    return "0" + digits.substring(Math.min(codeLength, digits.length()));
  }
}
