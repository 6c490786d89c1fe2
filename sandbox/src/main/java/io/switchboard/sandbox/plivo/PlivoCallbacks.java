package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.callbacks.Callbacks;
import io.switchboard.sandbox.callbacks.Forms;
import io.switchboard.sandbox.callbacks.Outcome;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Plivo's message webhooks, to the send's {@code url} with its {@code method} (POST: form data; GET: the query).
 * Status callbacks at each change, {@code queued}, {@code sent}, then {@code delivered} or {@code undelivered}, or
 * {@code queued} then {@code failed}, with {@code MessageUUID}, {@code ParentMessageUUID}, {@code From}, {@code To}
 * (digits, as Plivo writes numbers), {@code Type}, {@code Status}, {@code Units}, {@code TotalRate},
 * {@code TotalAmount}, {@code MCC}, {@code MNC}, {@code ErrorCode} (only on failed and undelivered), {@code Sequence}
 * and the times {@code MessageTime}, {@code QueuedTime}, {@code SentTime}, {@code DeliveryReportTime}; inbound
 * messages with {@code From}, {@code To}, {@code Type}, {@code Text}, {@code MessageUUID}, {@code Units},
 * {@code TotalRate}, {@code TotalAmount}. Signed with the account's auth token: {@code X-Plivo-Signature-V3} and its
 * nonce as WIRE.md describes plivo-java's {@code Utils.computeSignatureV3}, and the legacy {@code
 * X-Plivo-Signature-V2} (HMAC-SHA256 over the URL without its query, then the nonce) with its own nonce header. From
 * Plivo's "Message Status Callbacks", "Handling incoming messages" and error-code pages.
 */
final class PlivoCallbacks {
  static final String DEFAULT_UNDELIVERED = "80"; // Destination temporarily unavailable
  static final String DEFAULT_FAILED = "20"; // Network error
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);
  /** A plausible mobile network (MCC, MNC) per calling code, for the MCC and MNC fields. */
  private static final Map<String, String[]> NETWORKS = Map.of("1", new String[] {"310", "260"},
      "44", new String[] {"234", "15"}, "49", new String[] {"262", "01"}, "33", new String[] {"208", "01"},
      "91", new String[] {"404", "10"}, "55", new String[] {"724", "05"}, "61", new String[] {"505", "01"});
  private static final SecureRandom NONCES = new SecureRandom();

  private final PlivoEmulator emulator;

  PlivoCallbacks(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  /** Starts a sent message's life, if it has one (a {@code url} on the send, or an outcome scripted for it). */
  void afterSend(PlivoState.Account account, PlivoState.StoredMessage m, String url, String method) {
    Optional<Outcome> outcome = emulator.callbacks().lifecycle("+" + m.to, url);
    if (outcome.isEmpty()) {
      return;
    }
    Outcome o = outcome.get();
    List<String> statuses = switch (o.result()) {
      case DELIVERED -> List.of("queued", "sent", "delivered");
      case UNDELIVERED -> List.of("queued", "sent", "undelivered");
      case FAILED -> List.of("queued", "failed");
    };
    String code = o.errorCodeOr(o.result() == Outcome.Result.FAILED ? DEFAULT_FAILED : DEFAULT_UNDELIVERED);
    List<Callbacks.Step> steps = new ArrayList<>();
    for (int i = 0; i < statuses.size(); i++) {
      String status = statuses.get(i);
      boolean last = i == statuses.size() - 1;
      steps.add(step(account, m, url, method, status, last ? code : null, i + 1));
    }
    emulator.callbacks().start(m.uuid, url, o, steps);
  }

  private Callbacks.Step step(PlivoState.Account account, PlivoState.StoredMessage m, String url, String method,
      String status, String errorCode, int sequence) {
    Instant now = emulator.now();
    String[] network = network(m.to);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("MessageUUID", m.uuid);
    p.put("ParentMessageUUID", m.uuid);
    p.put("From", m.from);
    p.put("To", m.to);
    p.put("Type", m.type);
    p.put("Status", status);
    p.put("Units", Integer.toString(m.units));
    p.put("TotalRate", PlivoWire.amount(m.rate));
    p.put("TotalAmount", PlivoWire.amount(m.amount));
    p.put("MCC", network[0]);
    p.put("MNC", network[1]);
    if (errorCode != null) {
      p.put("ErrorCode", errorCode);
    }
    p.put("Sequence", Integer.toString(sequence));
    p.put("MessageTime", TIME.format(m.time));
    p.put("QueuedTime", TIME.format(m.time));
    if (!status.equals("queued") && !status.equals("failed")) {
      p.put("SentTime", TIME.format(now));
    }
    if (status.equals("delivered") || status.equals("undelivered")) {
      p.put("DeliveryReportTime", TIME.format(now));
    }
    String token = m.uuid + "#" + sequence;
    Runnable apply = () -> {
      synchronized (account.lock) {
        m.moveTo(status, emulator.now());
        // Plivo shows 000 for a delivered message, the failure's code otherwise.
        m.errorCode = status.equals("delivered") ? "000" : errorCode;
      }
    };
    return new Callbacks.Step(apply, new Callbacks.Callback("message.status", status, token,
        attempt -> post(account.authToken, url, method, p)));
  }

  String inbound(PlivoState.Account account, String uuid, String from, String to, String text, String url,
      String method) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("From", PlivoWire.digits(from));
    p.put("To", PlivoWire.digits(to));
    p.put("Type", "sms");
    p.put("Text", text);
    p.put("MessageUUID", uuid);
    p.put("Units", Integer.toString(io.switchboard.sandbox.SmsSegments.segments(text)));
    p.put("TotalRate", PlivoWire.amount(java.math.BigDecimal.ZERO));
    p.put("TotalAmount", PlivoWire.amount(java.math.BigDecimal.ZERO));
    emulator.callbacks().send(uuid, url, new Callbacks.Callback("message.inbound", "received", uuid,
        attempt -> post(account.authToken, url, method, p)));
    return uuid;
  }

  private static String[] network(String digits) {
    for (int n = 3; n >= 1; n--) {
      String[] found = digits.length() >= n ? NETWORKS.get(digits.substring(0, n)) : null;
      if (found != null) {
        return found;
      }
    }
    return new String[] {"", ""};
  }

  /** A new nonce for each attempt, as each of Plivo's requests has its own. */
  private static Callbacks.Post post(String authToken, String url, String method, Map<String, String> params) {
    String nonce = nonce();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Plivo-Signature-V2", signatureV2(authToken, url, nonce));
    headers.put("X-Plivo-Signature-V2-Nonce", nonce);
    headers.put("X-Plivo-Signature-V3", signatureV3(authToken, url, method, params, nonce));
    headers.put("X-Plivo-Signature-V3-Nonce", nonce);
    return new Callbacks.Post(url, method, method.equals("GET") ? null : "application/x-www-form-urlencoded",
        Forms.encode(params).getBytes(StandardCharsets.UTF_8), headers);
  }

  private static String nonce() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      s.append((char) ('0' + NONCES.nextInt(10)));
    }
    return s.toString();
  }

  /** Legacy V2: Base64(HMAC-SHA256(token, the URL without its query, then the nonce)). */
  static String signatureV2(String authToken, String url, String nonce) {
    int q = url.indexOf('?');
    return Forms.hmacBase64("HmacSHA256", authToken, (q < 0 ? url : url.substring(0, q)) + nonce);
  }

  /**
   * V3 as plivo-java computes it (WIRE.md): the URL decoded, as {@code scheme://host/path} without the port, then
   * {@code ?}; for POST the URL's query sorted as {@code k=v&k=v} and a {@code .} if it has one, then the body
   * parameters sorted, each name then value; for GET the query and the parameters together, sorted, as {@code
   * k=v&k=v}. Signed with the nonce after a {@code .}.
   */
  static String signatureV3(String authToken, String url, String method, Map<String, String> params, String nonce) {
    URI uri = URI.create(URLDecoder.decode(url, StandardCharsets.UTF_8).replace(" ", "%20"));
    String base = uri.getScheme() + "://" + uri.getHost() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    Map<String, String> query = new TreeMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    StringBuilder data = new StringBuilder(base).append('?');
    if (method.equals("GET")) {
      query.putAll(params);
      data.append(pairs(query));
    } else {
      if (!query.isEmpty()) {
        data.append(pairs(query)).append('.');
      }
      new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    }
    return Forms.hmacBase64("HmacSHA256", authToken, data + "." + nonce);
  }

  private static String pairs(Map<String, String> sorted) {
    return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
  }
}
