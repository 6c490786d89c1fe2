package io.switchboard.sandbox.telnyx;

import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The account's phone numbers (GET /v2/phone_numbers, GET /v2/phone_numbers/{id}), call recordings (GET
 * /v2/recordings, GET and DELETE /v2/recordings/{id}) and number lookup (GET /v2/number_lookup/{phone_number}).
 */
final class TelnyxResources {
  static final Set<String> NUMBER_STATUSES = Set.of("active", "deleted", "purchase_pending", "purchase_failed",
      "port_pending", "port_failed");
  static final List<String> NUMBER_FILTERS = List.of("phone_number", "status", "tag", "country_iso_alpha2");
  static final List<String> RECORDING_FILTERS = List.of("call_session_id", "call_control_id", "call_leg_id",
      "conference_id", "created_at", "from", "to", "connection_id");

  private final TelnyxEmulator emulator;
  private final List<Number> numbers = new ArrayList<>();
  private final List<Recording> recordings = new ArrayList<>();

  TelnyxResources(TelnyxEmulator emulator) {
    this.emulator = emulator;
    Instant purchased = emulator.clock().instant().minus(Duration.ofDays(30));
    for (NumberInventory.OwnedNumber owned : emulator.numbers().all()) {
      numbers.add(new Number(emulator.idGenerator().digits(19), owned, purchased));
    }
  }

  /** A number of the inventory with the Telnyx id and status it has here. */
  static final class Number {
    final String id;
    final NumberInventory.OwnedNumber owned;
    final Instant purchasedAt;
    volatile String status = "active";

    Number(String id, NumberInventory.OwnedNumber owned, Instant purchasedAt) {
      this.id = id;
      this.owned = owned;
      this.purchasedAt = purchasedAt;
    }
  }

  /** A recording of a call leg or a conference. */
  record Recording(String id, String callControlId, String callLegId, String callSessionId, String conferenceId,
      String from, String to, long durationMillis, Instant startedAt) {}

  Response listNumbers(Request request) {
    Params query = request.query();
    TelnyxWire.filters(query, NUMBER_FILTERS);
    String status = query.first("filter[status]");
    if (status != null && !NUMBER_STATUSES.contains(status)) {
      throw TelnyxWire.invalidParameter("filter[status]", "must be one of " + NUMBER_STATUSES + ", got '"
          + status + "'");
    }
    String digits = query.first("filter[phone_number]");
    String wanted = digits == null ? null : digits.replace("+", "");
    TelnyxWire.PageParams page = TelnyxWire.PageParams.of(query);
    List<Number> matching = new ArrayList<>();
    synchronized (this) {
      for (Number n : numbers) {
        if ((wanted == null || n.owned.number().substring(1).contains(wanted))
            && (status == null || status.equals(n.status))
            && TelnyxWire.matches(query, "country_iso_alpha2", n.owned.country())) {
          matching.add(n);
        }
      }
    }
    return page.render(matching, this::view);
  }

  Response getNumber(Request request) {
    return TelnyxWire.data(view(number(request.pathVar("id"))));
  }

  synchronized Number number(String id) {
    for (Number n : numbers) {
      if (n.id.equals(id)) {
        return n;
      }
    }
    throw TelnyxWire.notFound("phone number '" + id + "'");
  }

  synchronized Number numberOf(String e164) {
    for (Number n : numbers) {
      if (n.owned.number().equals(e164)) {
        return n;
      }
    }
    throw new IllegalArgumentException("the Telnyx sandbox does not own " + e164);
  }

  private Map<String, Object> view(Number n) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", n.id);
    v.put("record_type", "phone_number");
    v.put("phone_number", n.owned.number());
    v.put("status", n.status);
    v.put("phone_number_type", n.owned.type());
    v.put("country_iso_alpha2", n.owned.country());
    v.put("connection_id", n.owned.can(Product.VOICE) ? TelnyxEmulator.CONNECTION_ID : null);
    v.put("connection_name", n.owned.can(Product.VOICE) ? "sandbox-call-control" : null);
    v.put("messaging_profile_id", n.owned.can(Product.SMS) ? TelnyxEmulator.MESSAGING_PROFILE_ID : null);
    v.put("tags", List.of());
    v.put("purchased_at", TelnyxWire.timestamp(n.purchasedAt));
    v.put("created_at", TelnyxWire.timestamp(n.purchasedAt));
    v.put("updated_at", TelnyxWire.timestamp(n.purchasedAt));
    return v;
  }

  synchronized Recording addRecording(String callControlId, String callLegId, String callSessionId,
      String conferenceId, String from, String to, long durationMillis, Instant startedAt) {
    Recording r = new Recording(emulator.idGenerator().uuid(), callControlId, callLegId, callSessionId,
        conferenceId, from, to, durationMillis, startedAt);
    recordings.add(r);
    return r;
  }

  Response listRecordings(Request request) {
    Params query = request.query();
    TelnyxWire.filters(query, RECORDING_FILTERS);
    TelnyxWire.PageParams page = TelnyxWire.PageParams.of(query);
    List<Recording> matching = new ArrayList<>();
    synchronized (this) {
      for (int i = recordings.size() - 1; i >= 0; i--) {
        Recording r = recordings.get(i);
        if (TelnyxWire.matches(query, "call_session_id", r.callSessionId())
            && TelnyxWire.matches(query, "call_control_id", r.callControlId())
            && TelnyxWire.matches(query, "call_leg_id", r.callLegId())
            && TelnyxWire.matches(query, "conference_id", r.conferenceId())
            && TelnyxWire.matches(query, "from", r.from()) && TelnyxWire.matches(query, "to", r.to())
            && TelnyxWire.matches(query, "connection_id", TelnyxEmulator.CONNECTION_ID)
            && TelnyxWire.inRange(query, "created_at", r.startedAt())) {
          matching.add(r);
        }
      }
    }
    return page.render(matching, this::view);
  }

  Response getRecording(Request request) {
    return TelnyxWire.data(view(recording(request.pathVar("id"))));
  }

  Response deleteRecording(Request request) {
    Recording r;
    synchronized (this) {
      r = recording(request.pathVar("id"));
      recordings.remove(r);
    }
    Map<String, Object> v = view(r);
    v.put("status", "deleted");
    return TelnyxWire.data(v);
  }

  private synchronized Recording recording(String id) {
    for (Recording r : recordings) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    throw TelnyxWire.notFound("recording '" + id + "'");
  }

  synchronized int recordingCount() {
    return recordings.size();
  }

  private Map<String, Object> view(Recording r) {
    String base = "https://sandbox.telnyx.invalid/recordings/" + r.id();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", r.id());
    v.put("record_type", "recording");
    v.put("call_control_id", r.callControlId());
    v.put("call_leg_id", r.callLegId());
    v.put("call_session_id", r.callSessionId());
    v.put("conference_id", r.conferenceId());
    v.put("connection_id", TelnyxEmulator.CONNECTION_ID);
    v.put("channels", "single");
    v.put("download_urls", Map.of("mp3", base + ".mp3", "wav", base + ".wav"));
    v.put("duration_millis", r.durationMillis());
    v.put("from", r.from());
    v.put("to", r.to());
    v.put("source", r.conferenceId() == null ? "call" : "conference");
    v.put("status", "completed");
    v.put("recording_started_at", TelnyxWire.timestamp(r.startedAt()));
    v.put("recording_ended_at", TelnyxWire.timestamp(r.startedAt().plusMillis(r.durationMillis())));
    v.put("created_at", TelnyxWire.timestamp(r.startedAt()));
    v.put("updated_at", TelnyxWire.timestamp(r.startedAt()));
    return v;
  }

  /**
   * Number lookup: basic data always; {@code type=carrier} or {@code type=caller-name} adds its section. Telnyx's
   * reference declares {@code type} as one value of that enumeration, so a request repeating it is refused with a 400
   * rather than guessed at.
   */
  Response lookup(Request request) {
    String number = request.pathVar("phone_number");
    if (!TelnyxWire.E164.matcher(number).matches()) {
      throw TelnyxWire.invalidField("phone_number", "10016", "The phone number must be in +E.164 format, got '"
          + number + "'.");
    }
    String country = TelnyxCountries.of(number);
    if (country == null) {
      throw TelnyxWire.invalidField("phone_number", "10002", "The phone number " + number + " is invalid.");
    }
    List<String> types = request.query().all("type");
    if (types.size() > 1) {
      throw TelnyxWire.invalidParameter("type", "takes one value, carrier or caller-name, got " + types);
    }
    for (String type : types) {
      if (!type.equals("carrier") && !type.equals("caller-name")) {
        throw TelnyxWire.invalidParameter("type", "must be carrier or caller-name, got '" + type + "'");
      }
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("record_type", "number_lookup");
    v.put("phone_number", number);
    v.put("country_code", country);
    v.put("national_format", TelnyxCountries.nationalFormat(number));
    v.put("fraud", null);
    if (types.contains("carrier")) {
      Map<String, Object> carrier = new LinkedHashMap<>();
      carrier.put("name", "Sandbox Telecom " + country);
      carrier.put("normalized_carrier", "Sandbox Telecom");
      carrier.put("type", lineType(number));
      carrier.put("mobile_country_code", null);
      carrier.put("mobile_network_code", null);
      carrier.put("error_code", null);
      v.put("carrier", carrier);
    }
    if (types.contains("caller-name")) {
      Map<String, Object> callerName = new LinkedHashMap<>();
      boolean nanp = number.startsWith("+1");
      callerName.put("caller_name", nanp ? "SANDBOX SUBSCRIBER" : null);
      callerName.put("error_code", nanp ? null : "10001");
      v.put("caller_name", callerName);
    }
    return TelnyxWire.data(v);
  }

  /** Owned numbers have their inventory type; UK 07, Australian 04 and German 015-017 are mobile. */
  private String lineType(String number) {
    var owned = emulator.numbers().find(number);
    if (owned.isPresent()) {
      return owned.get().type().toLowerCase(Locale.ROOT).equals("mobile") ? "mobile" : "fixed line";
    }
    if (number.startsWith("+447") || number.startsWith("+614") || number.matches("\\+491[5-7].*")) {
      return "mobile";
    }
    return number.startsWith("+1") ? "fixed line or mobile" : "fixed line";
  }
}
