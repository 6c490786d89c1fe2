package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Seeding of a new account (applications, recordings; {@link PlivoNumbers} seeds its numbers), pricing by country
 * from the sandbox deck, and recordings ({@code Recording/}: list with its filters, get, delete).
 */
final class PlivoResources {
  /** Countries the sandbox deck prices: name and calling code. */
  private static final Map<String, String[]> COUNTRIES = Map.of("US", new String[] {"United States", "1"},
      "CA", new String[] {"Canada", "1"}, "GB", new String[] {"United Kingdom", "44"},
      "DE", new String[] {"Germany", "49"}, "FR", new String[] {"France", "33"}, "IN", new String[] {"India", "91"},
      "BR", new String[] {"Brazil", "55"}, "AU", new String[] {"Australia", "61"});
  /** The deck's Canadian area codes; every other +1 prefix is the US. */
  private static final Set<String> CANADA = Set.of("1204", "1416", "1514", "1604", "1613");

  private final PlivoEmulator emulator;

  PlivoResources(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Router router, String base) {
    router.get(base + "Pricing/", this::pricing)
        .get(base + "Recording/", this::listRecordings)
        .get(base + "Recording/{id}/", this::getRecording)
        .delete(base + "Recording/{id}/", this::deleteRecording);
  }

  /** Two applications (the first the default for new numbers) and three recordings, so every list has something. */
  void seed(PlivoState.Account account) {
    PlivoState.Application ivr = new PlivoState.Application(emulator.newDigits(17), "Sandbox IVR", emulator.now());
    ivr.answerUrl = "https://example.com/plivo/answer/";
    ivr.hangupUrl = "https://example.com/plivo/hangup/";
    ivr.messageUrl = "https://example.com/plivo/message/";
    ivr.defaultNumberApp = true;
    PlivoState.Application forwarding = new PlivoState.Application(emulator.newDigits(17), "Sandbox forwarding",
        emulator.now());
    forwarding.answerUrl = "https://example.com/plivo/forward/";
    forwarding.answerMethod = "GET";
    forwarding.fallbackAnswerUrl = "https://example.com/plivo/fallback/";
    account.applications.add(ivr);
    account.applications.add(forwarding);
    for (int i = 0; i < 3; i++) {
      addRecording(account, emulator.newUuid());
    }
  }

  String addRecording(PlivoState.Account account, String callUuid) {
    String id = emulator.newUuid();
    synchronized (account.lock) {
      account.recordings.add(0, new PlivoState.StoredRecording(id, callUuid, "", emulator.now(),
          12_000L + 1_000L * account.recordings.size(), "12025550111", "447700900123", "mp3"));
    }
    return id;
  }

  // ---- pricing

  Response pricing(Request request) {
    String iso = request.query().first("country_iso");
    if (iso == null || !iso.matches("[A-Za-z]{2}")) {
      throw emulator.halt(400, "country_iso must be a two-letter ISO 3166 code, got '" + iso + "'");
    }
    iso = iso.toUpperCase(Locale.ROOT);
    String[] country = COUNTRIES.get(iso);
    List<RateDeck.Rate> sms = inCountry(Product.SMS, iso);
    List<RateDeck.Rate> voice = inCountry(Product.VOICE, iso);
    if (country == null || (sms.isEmpty() && voice.isEmpty())) {
      throw emulator.halt(404, "no pricing for country_iso " + iso);
    }
    List<Map<String, Object>> networks = new ArrayList<>();
    BigDecimal highest = null;
    for (RateDeck.Rate rate : sms) {
      networks.add(Map.of("group_name", country[0] + " - numbers " + rate.prefix() + "...",
          "rate", PlivoWire.amount(rate.rate())));
      highest = highest == null ? rate.rate() : highest.max(rate.rate());
    }
    List<Map<String, Object>> voiceRates = new ArrayList<>();
    BigDecimal local = null;
    for (RateDeck.Rate rate : voice) {
      voiceRates.add(Map.of("prefix", List.of(rate.prefix()), "origination_prefix", List.of(""),
          "rate", PlivoWire.amount(rate.rate())));
      local = rate.prefix().equals(country[1]) || local == null ? rate.rate() : local;
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("inbound", Map.of("rate", "0.00000"));
    message.put("outbound", rateOrNull(highest));
    message.put("outbound_networks_list", networks);
    Map<String, Object> outbound = new LinkedHashMap<>();
    outbound.put("ip", Map.of("rate", "0.00300"));
    outbound.put("local", rateOrNull(local));
    outbound.put("rates", voiceRates);
    outbound.put("tollfree", rateOrNull(null));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", emulator.newUuid());
    body.put("country", country[0]);
    body.put("country_code", Integer.parseInt(country[1]));
    body.put("country_iso", iso);
    body.put("message", message);
    body.put("phone_numbers", Map.of("local", Map.of("rate", "0.80000"), "tollfree", Map.of("rate", "1.00000")));
    body.put("voice", Map.of("inbound", Map.of("ip", Map.of("rate", "0.00300"), "local", Map.of("rate", "0.00850"),
        "tollfree", Map.of("rate", "0.02100")), "outbound", outbound));
    return Response.json(200, body);
  }

  private static Map<String, Object> rateOrNull(BigDecimal rate) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("rate", rate == null ? null : PlivoWire.amount(rate));
    return o;
  }

  private List<RateDeck.Rate> inCountry(Product product, String iso) {
    return emulator.deck().rates(product).stream().filter(r -> iso.equals(countryOf(r.prefix()))).toList();
  }

  private static String countryOf(String prefix) {
    if (prefix.startsWith("1")) {
      return CANADA.contains(prefix) ? "CA" : "US";
    }
    return COUNTRIES.entrySet().stream().filter(e -> !e.getValue()[1].equals("1"))
        .filter(e -> prefix.startsWith(e.getValue()[1])).map(Map.Entry::getKey).findFirst().orElse(null);
  }

  // ---- recordings

  Response listRecordings(Request request) {
    PlivoState.Account account = emulator.listed(request);
    Params q = request.query();
    String apiId = emulator.newUuid();
    String callUuid = q.first("call_uuid");
    Predicate<Instant> added = PlivoWire.timeFilter(apiId, q, "add_time");
    List<PlivoState.StoredRecording> matching;
    synchronized (account.lock) {
      matching = account.recordings.stream().filter(r -> callUuid == null || callUuid.equals(r.callUuid()))
          .filter(r -> added.test(r.addTime())).toList();
    }
    return PlivoWire.page(apiId, request, matching, r -> recording(account, r), true);
  }

  Response getRecording(Request request) {
    PlivoState.Account account = emulator.account(request);
    String id = request.pathVar("id");
    synchronized (account.lock) {
      for (PlivoState.StoredRecording r : account.recordings) {
        if (r.id().equals(id)) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("api_id", emulator.newUuid());
          body.putAll(recording(account, r));
          return Response.json(200, body);
        }
      }
    }
    throw emulator.halt(404, "not found");
  }

  Response deleteRecording(Request request) {
    PlivoState.Account account = emulator.account(request);
    String id = request.pathVar("id");
    synchronized (account.lock) {
      if (account.recordings.removeIf(r -> r.id().equals(id))) {
        return Response.noContent();
      }
    }
    throw emulator.halt(404, "not found");
  }

  private static Map<String, Object> recording(PlivoState.Account account, PlivoState.StoredRecording r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("add_time", PlivoWire.time(r.addTime()));
    o.put("call_uuid", r.callUuid());
    o.put("conference_name", r.conferenceName());
    o.put("from_number", r.from());
    o.put("recording_duration_ms", PlivoWire.amount(BigDecimal.valueOf(r.durationMs())));
    o.put("recording_format", r.format());
    o.put("recording_id", r.id());
    o.put("recording_type", r.type());
    o.put("recording_url", PlivoLiveCalls.mediaUrl(account, r.id(), r.format()));
    o.put("resource_uri", "/v1/Account/" + account.authId + "/Recording/" + r.id() + "/");
    o.put("rounded_recording_duration", (r.durationMs() / 60_000 + 1) * 60);
    o.put("to_number", r.to());
    return o;
  }
}
