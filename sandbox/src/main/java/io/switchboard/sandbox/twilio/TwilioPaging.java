package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.http.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Twilio's two paging envelopes. The REST (2010) API: {@code PageSize} (1 to 1000, default 50), {@code Page} and a
 * {@code PageToken} ({@code PA<sid>}: after that item; {@code PB<sid>}: before it), with relative
 * {@code next_page_uri} and friends. The product APIs (Pricing): the same parameters, with absolute URLs in
 * {@code meta}. Filters of the request are carried into every page URI.
 */
final class TwilioPaging {

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 1000;

  private TwilioPaging() {}

  private record Slice(int page, int pageSize, int start, int end, String filters) {}

  /** One REST page of {@code items} (already filtered and ordered) under {@code key}. */
  static <T> Map<String, Object> rest(Request request, List<T> items, String key, Function<T, String> sid,
      Function<T, Object> render) {
    Slice s = slice(request, items, sid);
    String path = request.path();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("first_page_uri", uri(path, s, 0, null));
    body.put("end", Math.max(s.start(), s.end() - 1));
    body.put("previous_page_uri", s.start() > 0 && !items.isEmpty()
        ? uri(path, s, Math.max(0, s.page() - 1), "PB" + sid.apply(items.get(Math.min(s.start(), items.size() - 1))))
        : null);
    body.put(key, items.subList(s.start(), s.end()).stream().map(render).toList());
    body.put("uri", path + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
    body.put("page_size", s.pageSize());
    body.put("start", s.start());
    body.put("next_page_uri", s.end() < items.size()
        ? uri(path, s, s.page() + 1, "PA" + sid.apply(items.get(s.end() - 1))) : null);
    body.put("page", s.page());
    return body;
  }

  /** One product-API page of {@code items} under {@code key}, with {@code meta} holding absolute URLs. */
  static <T> Map<String, Object> meta(Request request, String baseUrl, List<T> items, String key,
      Function<T, String> sid, Function<T, Object> render) {
    Slice s = slice(request, items, sid);
    String url = baseUrl + request.path();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("page", s.page());
    meta.put("page_size", s.pageSize());
    meta.put("first_page_url", baseUrl + uri(request.path(), s, 0, null));
    meta.put("previous_page_url", s.start() > 0 && !items.isEmpty()
        ? baseUrl + uri(request.path(), s, Math.max(0, s.page() - 1),
            "PB" + sid.apply(items.get(Math.min(s.start(), items.size() - 1))))
        : null);
    meta.put("url", url + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
    meta.put("next_page_url", s.end() < items.size()
        ? baseUrl + uri(request.path(), s, s.page() + 1, "PA" + sid.apply(items.get(s.end() - 1))) : null);
    meta.put("key", key);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, items.subList(s.start(), s.end()).stream().map(render).toList());
    body.put("meta", meta);
    return body;
  }

  private static <T> Slice slice(Request request, List<T> items, Function<T, String> sid) {
    int pageSize = integer(request, "PageSize", DEFAULT_PAGE_SIZE);
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw TwilioFormat.halt(400, 20001, "PageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
    int page = integer(request, "Page", 0);
    if (page < 0) {
      throw TwilioFormat.halt(400, 20001, "Page must not be negative, got " + page);
    }
    String token = request.query().first("PageToken");
    int start = (int) Math.min((long) page * pageSize, items.size());
    if (token != null && token.length() > 2) {
      int at = indexOf(items, sid, token.substring(2));
      if (at >= 0) {
        start = token.startsWith("PB") ? Math.max(0, at - pageSize) : at + 1;
      }
    }
    StringBuilder filters = new StringBuilder();
    request.query().asMap().forEach((name, values) -> {
      if (!name.equals("PageSize") && !name.equals("Page") && !name.equals("PageToken")) {
        for (String value : values) {
          filters.append(TwilioFormat.encode(name)).append('=').append(TwilioFormat.encode(value)).append('&');
        }
      }
    });
    return new Slice(page, pageSize, start, Math.min(start + pageSize, items.size()), filters.toString());
  }

  private static String uri(String path, Slice s, int page, String token) {
    return path + "?" + s.filters() + "PageSize=" + s.pageSize() + "&Page=" + page
        + (token == null ? "" : "&PageToken=" + TwilioFormat.encode(token));
  }

  private static <T> int indexOf(List<T> items, Function<T, String> sid, String wanted) {
    for (int i = 0; i < items.size(); i++) {
      if (sid.apply(items.get(i)).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  private static int integer(Request request, String name, int fallback) {
    String value = request.query().first(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw TwilioFormat.halt(400, 20001, name + " must be an integer, got '" + value + "'");
    }
  }
}
