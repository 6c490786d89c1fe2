package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.http.Halt;
import io.switchboard.sandbox.http.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Twilio's wire conventions: error bodies, RFC 2822 dates, negative price strings, E.164 checks. */
final class TwilioFormat {

  static final String API_VERSION = "2010-04-01";
  static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private TwilioFormat() {}

  /**
   * Whether a To number is one Twilio could dial or text: E.164 ('+', a country code not starting with 0, at most 15
   * digits in all) of a plausible length. Twilio answers anything else with 21211 ("The 'To' number +12 is not a
   * valid phone number."). Twilio checks each country's numbering plan; the sandbox depends on nothing but the JDK
   * and Moshi, so it checks only what holds in every plan: at least 7 digits in all (the shortest numbers in service,
   * Niue's and Tokelau's, are 4 digits after a 3-digit country code), and for country code 1 exactly 10 more digits
   * (the North American Numbering Plan's 3-digit area code and 7-digit number). A number of the right length that
   * its country never assigned passes.
   */
  static boolean isDialable(String number) {
    if (number == null || !E164.matcher(number).matches() || number.length() < 8) {
      return false;
    }
    return number.charAt(1) != '1' || number.length() == 12;
  }

  /** Twilio's error JSON: {@code {"code", "message", "more_info", "status"}}. */
  static Response error(int status, int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    body.put("status", status);
    return Response.json(status, body);
  }

  /** Stops the handler with a Twilio error. */
  static Halt halt(int status, int code, String message) {
    return new Halt(error(status, code, message));
  }

  /** The Twilio code that goes with a bare HTTP status. */
  static int defaultCode(int status) {
    return switch (status) {
      case 401 -> 20003;
      case 404 -> 20404;
      case 405 -> 20004;
      case 429 -> 20429;
      case 503 -> 20503;
      default -> status >= 500 ? 20500 : 20001;
    };
  }

  /** {@code Thu, 30 Jul 2015 20:12:31 +0000}; null stays null. */
  static String rfc2822(Instant instant) {
    return instant == null ? null : RFC_2822.format(instant);
  }

  /** A charge as Twilio shows it: negative, at least five decimals ({@code "-0.00790"}); null stays null. */
  static String charge(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal scaled = amount.setScale(Math.max(5, amount.scale()), RoundingMode.UNNECESSARY);
    return scaled.signum() == 0 ? scaled.toPlainString() : scaled.negate().toPlainString();
  }

  /** A list price as Twilio's Pricing API shows it: positive, four decimals at least. */
  static String listPrice(BigDecimal amount) {
    return amount.setScale(Math.max(4, amount.scale()), RoundingMode.UNNECESSARY).toPlainString();
  }

  static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** A query filter bound: {@code YYYY-MM-DD} or an ISO instant; {@code endOfDay} extends a bare date to its end. */
  static Instant bound(String value, boolean endOfDay, String name) {
    String text = value.trim();
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
            : day.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw halt(400, 20001, "Invalid value '" + value + "' for parameter " + name
          + ": expected YYYY-MM-DD or an ISO 8601 date-time");
    }
  }

  static LocalDate day(String value, String name) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw halt(400, 20001, "Invalid value '" + value + "' for parameter " + name + ": expected YYYY-MM-DD");
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
