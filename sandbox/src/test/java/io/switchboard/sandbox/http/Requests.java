package io.switchboard.sandbox.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds {@link Request}s without a server, for unit tests of routing, parsing and auth. */
final class Requests {
  private Requests() {}

  static Request get(String pathAndQuery) {
    return request("GET", pathAndQuery, Map.of(), "");
  }

  static Request request(String method, String pathAndQuery, Map<String, String> headers, String body) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    Map<String, List<String>> multi = new java.util.HashMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    return new Request(method, path, query, multi, body.getBytes(StandardCharsets.UTF_8),
        new InetSocketAddress("127.0.0.1", 50000), Map.of());
  }
}
