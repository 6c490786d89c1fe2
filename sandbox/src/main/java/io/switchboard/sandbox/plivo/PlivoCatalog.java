package io.switchboard.sandbox.plivo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numbers Plivo's sandbox has for sale ({@code PhoneNumber/} search and buy), all in ranges reserved for
 * fiction: NANP 555-01xx (with US LATAs and rate centres), UK 07700 900xxx mobiles and 020 7946 0xxx London numbers,
 * AU 0491 570xxx mobiles and 02 5550 xxxx Sydney numbers. Other countries have none.
 */
final class PlivoCatalog {
  static final BigDecimal LOCAL_RENTAL = new BigDecimal("0.80000");
  static final BigDecimal TOLLFREE_RENTAL = new BigDecimal("1.00000");

  /** A number for sale. {@code type} is Plivo's search type: fixed, mobile or tollfree. */
  record Available(String number, String countryIso, String type, String prefix, String city, String region,
      String lata, String rateCenter, boolean voice, boolean sms, boolean mms) {
    BigDecimal monthlyRental() {
      return type.equals("tollfree") ? TOLLFREE_RENTAL : LOCAL_RENTAL;
    }

    /** The {@code number_type} the number has once rented. */
    String rentedType() {
      return type.equals("fixed") ? "local" : type;
    }
  }

  static final Map<String, String> COUNTRY_NAMES = Map.of("US", "United States", "CA", "Canada",
      "GB", "United Kingdom", "AU", "Australia", "DE", "Germany", "FR", "France", "IN", "India", "BR", "Brazil");

  private static final List<Available> NUMBERS = build();

  private PlivoCatalog() {}

  static List<Available> all() {
    return NUMBERS;
  }

  private static List<Available> build() {
    List<Available> out = new ArrayList<>();
    nanp(out, "US", "202", "Washington", "District of Columbia", "236", "WASHINGTON", true);
    nanp(out, "US", "312", "Chicago", "Illinois", "358", "CHICAGO", true);
    nanp(out, "US", "415", "San Francisco", "California", "722", "SNFC CNTRL", true);
    nanp(out, "US", "212", "New York", "New York", "132", "NWYRCYZN01", true);
    nanp(out, "CA", "416", "Toronto", "Ontario", "888", "TORONTO", false);
    for (int i = 0; i < 5; i++) {
      out.add(new Available("1800555010" + i, "US", "tollfree", "800", null, null, null, null, true, true, false));
    }
    for (int i = 0; i < 10; i++) {
      out.add(new Available("44770090020" + i, "GB", "mobile", "7700", null, "United Kingdom", null, null, true, true,
          false));
      out.add(new Available("44207946020" + i, "GB", "fixed", "20", "London", "London", null, null, true, false,
          false));
    }
    for (int i = 0; i < 5; i++) {
      out.add(new Available("6149157020" + i, "AU", "mobile", "491", null, "Australia", null, null, true, true,
          false));
      out.add(new Available("6125550020" + i, "AU", "fixed", "2", "Sydney", "New South Wales", null, null, true,
          false, false));
    }
    return List.copyOf(out);
  }

  private static void nanp(List<Available> out, String iso, String npa, String city, String region, String lata,
      String rateCenter, boolean mms) {
    for (int i = 0; i < 10; i++) {
      out.add(new Available("1" + npa + "555012" + i, iso, "fixed", npa, city, region, lata, rateCenter, true, true,
          mms));
    }
  }

  /** The ISO country of a number, by calling code (NANP numbers are US unless in the Canadian area codes used). */
  static String countryOf(String digits) {
    if (digits.startsWith("1")) {
      return digits.startsWith("1416") || digits.startsWith("1514") || digits.startsWith("1604")
          || digits.startsWith("1204") || digits.startsWith("1613") ? "CA" : "US";
    }
    for (Map.Entry<String, String> code : Map.of("44", "GB", "61", "AU", "49", "DE", "33", "FR", "91", "IN",
        "55", "BR").entrySet()) {
      if (digits.startsWith(code.getKey())) {
        return code.getValue();
      }
    }
    return "ZZ";
  }

  /** The calling code of a country the catalog knows. */
  static String callingCode(String iso) {
    return switch (iso) {
      case "US", "CA" -> "1";
      case "GB" -> "44";
      case "AU" -> "61";
      case "DE" -> "49";
      case "FR" -> "33";
      case "IN" -> "91";
      case "BR" -> "55";
      default -> null;
    };
  }
}
