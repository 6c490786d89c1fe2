package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.http.Halt;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Plivo's wire conventions, written from its public reference: numbers as digits without '+', times as
 * {@code yyyy-MM-dd HH:mm:ss+00:00}, amounts as strings with five decimals, and {@code limit}/{@code offset} paging
 * (limit 1 to 20) in a {@code meta} + {@code objects} envelope.
 */
final class PlivoWire {
  static final int MAX_LIMIT = 20;
  private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  /** Filter values: {@code YYYY-MM-DD HH:MM[:ss[.uuuuuu]]}, in UTC. */
  private static final DateTimeFormatter FILTER = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm")
      .optionalStart().appendPattern(":ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, true).optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT);

  private PlivoWire() {}

  /** A number as Plivo reports it: digits, no '+'. */
  static String digits(String number) {
    if (number == null) {
      return null;
    }
    String v = number.trim();
    return v.startsWith("+") ? v.substring(1) : v;
  }

  /** Whether {@code value} is a phone number Plivo would accept: an optional '+' and 7 to 15 digits. */
  static boolean isNumber(String value) {
    String d = digits(value);
    return d != null && d.matches("[1-9][0-9]{6,14}");
  }

  static String time(Instant instant) {
    return instant == null ? null : OUT.format(instant.atOffset(ZoneOffset.UTC)) + "+00:00";
  }

  static String amount(BigDecimal value) {
    return value.setScale(5, RoundingMode.HALF_UP).toPlainString();
  }

  static Response error(String apiId, int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", apiId);
    body.put("error", message);
    return Response.json(status, body);
  }

  /** Plivo's answer to a change: 202 with {@code "message": "changed"}. */
  static Response changed(String apiId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", apiId);
    body.put("message", "changed");
    return Response.json(202, body);
  }

  /** The resource URI of the subaccount {@code owner} of a main account's resource, or null for the main account. */
  static String subaccountUri(PlivoState.Account root, String owner) {
    return owner == null ? null : "/v1/Account/" + root.authId + "/Subaccount/" + owner + "/";
  }

  static Halt bad(String apiId, String message) {
    return new Halt(error(apiId, 400, message));
  }

  /** The time filters {@code <field>}, {@code __gt}, {@code __gte}, {@code __lt}, {@code __lte} of a list. */
  static Predicate<Instant> timeFilter(String apiId, Params query, String field) {
    Predicate<Instant> all = t -> true;
    for (String op : List.of("", "__gt", "__gte", "__lt", "__lte")) {
      String raw = query.first(field + op);
      if (raw == null) {
        continue;
      }
      Instant bound;
      try {
        bound = LocalDateTime.parse(raw.trim(), FILTER).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw bad(apiId, field + op + " must look like YYYY-MM-DD HH:MM[:ss[.uuuuuu]], got '" + raw + "'");
      }
      Predicate<Instant> p = switch (op) {
        case "__gt" -> t -> t != null && t.isAfter(bound);
        case "__gte" -> t -> t != null && !t.isBefore(bound);
        case "__lt" -> t -> t != null && t.isBefore(bound);
        case "__lte" -> t -> t != null && !t.isAfter(bound);
        default -> t -> t != null && t.equals(bound);
      };
      all = all.and(p);
    }
    return all;
  }

  /** The integer filters {@code <field>}, {@code __gt}, {@code __gte}, {@code __lt}, {@code __lte} of a list. */
  static Predicate<Long> rangeFilter(String apiId, Params query, String field) {
    Predicate<Long> all = d -> true;
    for (String op : List.of("", "__gt", "__gte", "__lt", "__lte")) {
      if (query.first(field + op) == null) {
        continue;
      }
      long bound = integer(apiId, query, field + op, 0);
      all = all.and(switch (op) {
        case "__gt" -> d -> d > bound;
        case "__gte" -> d -> d >= bound;
        case "__lt" -> d -> d < bound;
        case "__lte" -> d -> d <= bound;
        default -> d -> d == bound;
      });
    }
    return all;
  }

  /** A filter comparing a number field with the query's number, '+' or not. */
  static <T> Predicate<T> numberFilter(Params query, String name, Function<T, String> field) {
    String wanted = digits(query.first(name));
    return wanted == null ? t -> true : t -> wanted.equals(digits(field.apply(t)));
  }

  static <T> Predicate<T> textFilter(Params query, String name, Function<T, String> field) {
    String wanted = query.first(name);
    return wanted == null ? t -> true : t -> wanted.equalsIgnoreCase(String.valueOf(field.apply(t)));
  }

  /**
   * One page of {@code items} as Plivo's envelope. {@code limit} must be 1 to 20 (Plivo rejects more) and
   * {@code offset} not negative. {@code next} repeats the request's other parameters.
   */
  static <T> Response page(String apiId, Request request, List<T> items, Function<T, Object> render,
      boolean withTotal) {
    Params query = request.query();
    int limit = integer(apiId, query, "limit", MAX_LIMIT);
    int offset = integer(apiId, query, "offset", 0);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw bad(apiId, "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw bad(apiId, "offset must not be negative, got " + offset);
    }
    List<Object> objects = new ArrayList<>();
    for (int i = offset; i < Math.min(items.size(), offset + limit); i++) {
      objects.add(render.apply(items.get(i)));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("limit", limit);
    meta.put("next", offset + limit < items.size() ? link(request, limit, offset + limit) : null);
    meta.put("offset", offset);
    meta.put("previous", offset > 0 ? link(request, limit, Math.max(0, offset - limit)) : null);
    if (withTotal) {
      meta.put("total_count", items.size());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", apiId);
    body.put("meta", meta);
    body.put("objects", objects);
    return Response.json(200, body);
  }

  private static String link(Request request, int limit, int offset) {
    StringBuilder s = new StringBuilder(request.path()).append("?limit=").append(limit).append("&offset=")
        .append(offset);
    request.query().asMap().forEach((name, values) -> {
      if (!name.equals("limit") && !name.equals("offset")) {
        values.forEach(v -> s.append('&').append(encode(name)).append('=').append(encode(v)));
      }
    });
    return s.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static int integer(String apiId, Params query, String name, int fallback) {
    String raw = query.first(name);
    if (raw == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw bad(apiId, name + " must be an integer, got '" + raw + "'");
    }
  }

  /** A JSON body value as text: strings as they are, whole numbers without ".0", booleans as words. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }
}
