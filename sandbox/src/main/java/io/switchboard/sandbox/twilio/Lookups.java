package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.http.Request;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lookup v2: validation by country and length, and the data packages asked for in {@code Fields}. Line types follow
 * the sandbox's own ranges (UK 7x, German 15x-17x, French 6x-7x and Australian 4x mobiles; NANP toll-free codes);
 * caller names exist only in the US and Canada, as with Twilio's CNAM.
 */
final class Lookups {

  static final List<String> FIELDS = List.of("validation", "caller_name", "sim_swap", "call_forwarding",
      "line_status", "line_type_intelligence", "identity_match", "reassigned_number", "sms_pumping_risk",
      "phone_number_quality_score", "pre_fill");
  private static final List<String> MOBILE = List.of("447", "4915", "4916", "4917", "336", "337", "614");
  private static final Set<String> TOLL_FREE = Set.of("800", "833", "844", "855", "866", "877", "888");

  Map<String, Object> lookup(Request request, String baseUrl, NumberInventory owned) {
    String number = request.pathVar("PhoneNumber").trim();
    Set<String> fields = new LinkedHashSet<>();
    String asked = request.query().first("Fields", "");
    for (String field : asked.split(",")) {
      String name = field.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (!FIELDS.contains(name)) {
        throw TwilioFormat.halt(400, 60200, "Invalid parameter Fields: '" + name + "' is not a Lookup field");
      }
      fields.add(name);
    }
    String digits = number.startsWith("+") ? number.substring(1) : number;
    Countries.Country country = digits.matches("[1-9][0-9]{1,14}") ? Countries.of(digits).orElse(null) : null;
    String error = !digits.matches("[0-9]+") ? "NOT_A_NUMBER"
        : country == null ? "INVALID_COUNTRY_CODE"
        : !plausibleLength(country, digits) ? "INVALID_LENGTH" : null;
    boolean valid = number.startsWith("+") && error == null;

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calling_country_code", country == null ? null : Countries.callingCode(country));
    m.put("country_code", country == null ? null : country.iso());
    m.put("phone_number", number);
    m.put("national_format", valid ? national(country, digits) : null);
    m.put("valid", valid);
    m.put("validation_errors", error == null ? List.of() : List.of(error));
    m.put("caller_name", fields.contains("caller_name") ? callerName(country, valid) : null);
    for (String field : List.of("sim_swap", "call_forwarding", "line_status")) {
      m.put(field, fields.contains(field) ? Map.of("carrier_name", carrier(country, digits)) : null);
    }
    m.put("line_type_intelligence", fields.contains("line_type_intelligence")
        ? lineType(country, digits, valid, owned.find(number)) : null);
    for (String field : List.of("identity_match", "reassigned_number", "sms_pumping_risk",
        "phone_number_quality_score", "pre_fill")) {
      m.put(field, fields.contains(field) ? Map.of("sandbox", true) : null);
    }
    m.put("url", baseUrl + "/v2/PhoneNumbers/" + number);
    return m;
  }

  private static boolean plausibleLength(Countries.Country country, String digits) {
    String code = Countries.callingCode(country);
    int national = digits.length() - code.length();
    return code.equals("1") ? national == 10 : code.equals("44") ? national == 10 : national >= 6 && national <= 12;
  }

  private static String national(Countries.Country country, String digits) {
    String rest = digits.substring(Countries.callingCode(country).length());
    if (Countries.callingCode(country).equals("1")) {
      return "(" + rest.substring(0, 3) + ") " + rest.substring(3, 6) + "-" + rest.substring(6);
    }
    return "0" + rest.substring(0, Math.min(4, rest.length())) + (rest.length() > 4 ? " " + rest.substring(4) : "");
  }

  private static Map<String, Object> callerName(Countries.Country country, boolean valid) {
    boolean covered = valid && Countries.callingCode(country).equals("1");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("caller_name", covered ? "SANDBOX CALLER" : null);
    m.put("caller_type", covered ? "CONSUMER" : null);
    m.put("error_code", covered ? null : 60600);
    return m;
  }

  private static Map<String, Object> lineType(Countries.Country country, String digits, boolean valid,
      java.util.Optional<NumberInventory.OwnedNumber> owned) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!valid) {
      m.put("carrier_name", null);
      m.put("error_code", 60600);
      m.put("mobile_country_code", null);
      m.put("mobile_network_code", null);
      m.put("type", null);
      return m;
    }
    boolean mobile = MOBILE.stream().anyMatch(digits::startsWith) || owned.map(n -> n.type().equals("mobile"))
        .orElse(false);
    boolean tollFree = digits.startsWith("1") && TOLL_FREE.contains(digits.substring(1, 4));
    m.put("carrier_name", carrier(country, digits));
    m.put("error_code", null);
    m.put("mobile_country_code", mobile ? country.mcc() : null);
    m.put("mobile_network_code", mobile ? "01" : null);
    m.put("type", tollFree ? "tollFree" : mobile ? "mobile" : "landline");
    return m;
  }

  private static String carrier(Countries.Country country, String digits) {
    if (country == null) {
      return null;
    }
    return "Sandbox " + (MOBILE.stream().anyMatch(digits::startsWith) ? "Mobile " : "Fixed ") + country.iso();
  }
}
