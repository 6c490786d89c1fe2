package io.switchboard.sandbox.telnyx;

import io.switchboard.sandbox.http.Halt;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Telnyx's wire conventions, written from its public API reference: the error array, {@code data}/{@code meta}
 * envelopes, {@code page[number]}/{@code page[size]} paging, deep-object filters and timestamps.
 */
final class TelnyxWire {
  static final int MAX_PAGE_SIZE = 250;
  static final int DEFAULT_PAGE_SIZE = 20;
  static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  /** Telnyx's title for each error code the emulator answers with. */
  private static final Map<String, String> TITLES = Map.ofEntries(
      Map.entry("10002", "Invalid phone number"),
      Map.entry("10003", "Invalid URL"),
      Map.entry("10004", "Missing required parameter"),
      Map.entry("10005", "Resource not found"),
      Map.entry("10007", "Unexpected error"),
      Map.entry("10009", "Authentication failed"),
      Map.entry("10010", "Authorization failed"),
      Map.entry("10011", "Too many requests"),
      Map.entry("10015", "Bad Request"),
      Map.entry("10016", "Phone number must be in +E.164 format"),
      Map.entry("10017", "Associated resource does not exist"),
      Map.entry("20100", "Insufficient funds"),
      Map.entry("40302", "Message too large"),
      Map.entry("40305", "Invalid 'from' address"),
      Map.entry("90018", "Call has already ended"),
      Map.entry("90103", "Too many dials"));

  private TelnyxWire() {}

  static String title(String code) {
    return TITLES.getOrDefault(code, "Error");
  }

  /** The Telnyx code that goes with a bare HTTP status. */
  static String codeFor(int status) {
    return switch (status) {
      case 401 -> "10009";
      case 403 -> "10010";
      case 404 -> "10005";
      case 429 -> "10011";
      case 402 -> "20100";
      default -> status >= 500 ? "10007" : "10015";
    };
  }

  /** {@code {"errors": [{code, title, detail, source?, meta{url}}]}}; {@code source} is a pointer or parameter. */
  static Response error(int status, String code, String detail, Map<String, String> source) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("title", title(code));
    error.put("detail", detail);
    if (source != null) {
      error.put("source", source);
    }
    error.put("meta", Map.of("url", "https://developers.telnyx.com/docs/overview/errors/" + code));
    return Response.json(status, Map.of("errors", List.of(error)));
  }

  static Response error(int status, String code, String detail) {
    return error(status, code, detail, null);
  }

  /** A 422 naming the body field at fault as a JSON pointer ({@code /to}). */
  static Halt invalidField(String field, String code, String detail) {
    return new Halt(error(422, code, detail, Map.of("pointer", "/" + field)));
  }

  /** A 400 naming the query parameter at fault. */
  static Halt invalidParameter(String parameter, String detail) {
    return new Halt(error(400, "10015", detail, Map.of("parameter", parameter)));
  }

  static Halt notFound(String what) {
    return new Halt(error(404, "10005", "The requested " + what + " could not be found."));
  }

  static String timestamp(Instant instant) {
    return instant == null ? null : TIMESTAMP.format(instant);
  }

  static Instant instantParameter(Params query, String name) {
    String value = query.first(name);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.length() == 10 ? value + "T00:00:00Z" : value);
    } catch (DateTimeParseException e) {
      throw invalidParameter(name, "must be an ISO 8601 date or time, got '" + value + "'");
    }
  }

  /** The page a list asks for: {@code page[number]} from 1, {@code page[size]} 1 to 250 (20 by default). */
  record PageParams(int number, int size) {
    static PageParams of(Params query) {
      return new PageParams(positive(query, "page[number]", 1, Integer.MAX_VALUE),
          positive(query, "page[size]", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    }

    private static int positive(Params query, String name, int fallback, int max) {
      String value = query.first(name);
      if (value == null) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(value.trim());
        if (n >= 1 && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw invalidParameter(name, "must be an integer from 1 to " + max + ", got '" + value + "'");
    }

    /** {@code {"data": [...], "meta": {total_pages, total_results, page_number, page_size}}}. */
    <T> Response render(List<T> all, Function<T, Object> view) {
      int from = (int) Math.min((long) (number - 1) * size, all.size());
      int to = Math.min(from + size, all.size());
      List<Object> data = new ArrayList<>(to - from);
      for (T item : all.subList(from, to)) {
        data.add(view.apply(item));
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("total_pages", (all.size() + size - 1) / size);
      meta.put("total_results", all.size());
      meta.put("page_number", number);
      meta.put("page_size", size);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("data", data);
      body.put("meta", meta);
      return Response.json(200, body);
    }
  }

  /** {@code {"data": {...}}}. */
  static Response data(Object data) {
    return Response.json(200, Map.of("data", data));
  }

  /**
   * The filters of a query: each {@code filter[name]} and {@code filter[name][op]}. Names outside {@code allowed}
   * are refused, as Telnyx refuses filters a resource does not have.
   */
  static Map<String, String> filters(Params query, List<String> allowed) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String name : query.names()) {
      if (!name.startsWith("filter[")) {
        continue;
      }
      int close = name.indexOf(']');
      String key = close < 0 ? "" : name.substring("filter[".length(), close);
      if (!allowed.contains(key)) {
        throw invalidParameter(name, "is not a filter of this resource; filters are " + allowed);
      }
      filters.put(name, query.first(name));
    }
    return filters;
  }

  /** Whether {@code at} passes the {@code [gt|gte|lt|lte|eq]} filters on {@code field}. */
  static boolean inRange(Params query, String field, Instant at) {
    for (String op : List.of("gt", "gte", "lt", "lte", "eq")) {
      Instant bound = instantParameter(query, "filter[" + field + "][" + op + "]");
      if (bound == null) {
        continue;
      }
      if (at == null) {
        return false;
      }
      int c = at.compareTo(bound);
      boolean ok = switch (op) {
        case "gt" -> c > 0;
        case "gte" -> c >= 0;
        case "lt" -> c < 0;
        case "lte" -> c <= 0;
        default -> c == 0;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} equals the plain {@code filter[field]} (absent filter: true). */
  static boolean matches(Params query, String field, String value) {
    String wanted = query.first("filter[" + field + "]");
    return wanted == null || wanted.equals(value);
  }
}
