package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The account, its incoming numbers, usage records and triggers, and call recordings. */
final class AccountApi {

  private static final Set<String> RECURRING = Set.of("daily", "monthly", "yearly", "alltime");
  private static final Set<String> TRIGGER_BY = Set.of("count", "usage", "price");

  private final TwilioEmulator emulator;
  private final Store store;
  private final UsageLedger usage;

  AccountApi(TwilioEmulator emulator, Store store) {
    this.emulator = emulator;
    this.store = store;
    this.usage = new UsageLedger(emulator, store);
  }

  Response fetchAccount(Request request) {
    Store.Account account = store.account(request.pathVar("AccountSid")).orElseThrow(() -> notFound(request));
    Map<String, Object> m = new LinkedHashMap<>();
    // Twilio returns the auth token here: a client must not keep or log it.
    m.put("auth_token", account.sid().equals(TwilioEmulator.ACCOUNT_SID) ? TwilioEmulator.AUTH_TOKEN
        : "sandbox-subaccount-token");
    m.put("date_created", TwilioFormat.rfc2822(account.created()));
    m.put("date_updated", TwilioFormat.rfc2822(account.created()));
    m.put("friendly_name", account.friendlyName());
    m.put("owner_account_sid", account.ownerSid());
    m.put("sid", account.sid());
    m.put("status", "active");
    m.put("subresource_uris", Map.of("messages", "/2010-04-01/Accounts/" + account.sid() + "/Messages.json"));
    m.put("type", account.type());
    m.put("uri", "/2010-04-01/Accounts/" + account.sid() + ".json");
    return Response.json(200, m);
  }

  Response listNumbers(Request request) {
    String account = request.pathVar("AccountSid");
    Params q = request.query();
    Predicate<Store.Number> filter = n -> account.equals(TwilioEmulator.ACCOUNT_SID);
    String contains = q.first("PhoneNumber");
    if (contains != null) {
      String digits = contains.replaceAll("[^0-9]", "");
      filter = filter.and(n -> n.owned().number().contains(digits));
    }
    String name = q.first("FriendlyName");
    if (name != null) {
      filter = filter.and(n -> friendlyName(n).equals(name));
    }
    List<Store.Number> numbers = store.numbers().stream().filter(filter).toList();
    return Response.json(200, TwilioPaging.rest(request, numbers, "incoming_phone_numbers", Store.Number::sid,
        this::number));
  }

  Response fetchNumber(Request request) {
    String account = request.pathVar("AccountSid");
    String sid = request.pathVar("Sid");
    return store.numbers().stream()
        .filter(n -> n.sid().equals(sid) && account.equals(TwilioEmulator.ACCOUNT_SID)).findFirst()
        .map(n -> Response.json(200, number(n))).orElseThrow(() -> notFound(request));
  }

  private Map<String, Object> number(Store.Number n) {
    Map<String, Object> capabilities = new LinkedHashMap<>();
    // Twilio's own mix of key cases; clients must read them case-insensitively.
    capabilities.put("voice", n.owned().can(Product.VOICE));
    capabilities.put("SMS", n.owned().can(Product.SMS));
    capabilities.put("MMS", n.owned().can(Product.MMS));
    capabilities.put("fax", false);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", TwilioEmulator.ACCOUNT_SID);
    m.put("address_requirements", "none");
    m.put("api_version", TwilioFormat.API_VERSION);
    m.put("beta", false);
    m.put("capabilities", capabilities);
    m.put("date_created", TwilioFormat.rfc2822(n.created()));
    m.put("date_updated", TwilioFormat.rfc2822(n.created()));
    m.put("friendly_name", friendlyName(n));
    m.put("origin", "twilio");
    m.put("phone_number", n.owned().number());
    m.put("sid", n.sid());
    m.put("sms_url", emulator.smsUrl(n.owned().number()));
    m.put("status", "in-use");
    m.put("uri", "/2010-04-01/Accounts/" + TwilioEmulator.ACCOUNT_SID + "/IncomingPhoneNumbers/" + n.sid() + ".json");
    m.put("voice_url", "");
    return m;
  }

  private static String friendlyName(Store.Number n) {
    String e164 = n.owned().number();
    return e164.startsWith("+1") && e164.length() == 12
        ? "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8) : e164;
  }

  Response createTrigger(Request request) {
    String account = request.pathVar("AccountSid");
    Params form = request.form();
    String category = required(form, "UsageCategory");
    if (!UsageLedger.CATEGORIES.contains(category)) {
      throw TwilioFormat.halt(400, 20001, "Invalid usage category: " + category);
    }
    String value = required(form, "TriggerValue");
    try {
      new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw TwilioFormat.halt(400, 20001, "TriggerValue must be a number, got " + value);
    }
    String callback = required(form, "CallbackUrl");
    if (!TwilioFormat.isHttpUrl(callback)) {
      throw TwilioFormat.halt(400, 20001, "CallbackUrl is not a valid URL: " + callback);
    }
    String recurring = form.first("Recurring", "");
    if (!recurring.isEmpty() && !RECURRING.contains(recurring)) {
      throw TwilioFormat.halt(400, 20001, "Recurring must be one of " + RECURRING + ", got " + recurring);
    }
    String triggerBy = form.first("TriggerBy", "usage");
    if (!TRIGGER_BY.contains(triggerBy)) {
      throw TwilioFormat.halt(400, 20001, "TriggerBy must be one of " + TRIGGER_BY + ", got " + triggerBy);
    }
    Store.Trigger trigger = new Store.Trigger(emulator.sid("UT"), account, category, value, triggerBy, recurring,
        callback, form.first("FriendlyName", ""), emulator.now());
    store.add(trigger);
    return Response.json(201, trigger(trigger));
  }

  Response listTriggers(Request request) {
    String account = request.pathVar("AccountSid");
    return Response.json(200, TwilioPaging.rest(request, store.triggers(t -> t.accountSid().equals(account)),
        "usage_triggers", Store.Trigger::sid, this::trigger));
  }

  Response fetchTrigger(Request request) {
    String account = request.pathVar("AccountSid");
    String sid = request.pathVar("Sid");
    return store.triggers(t -> t.accountSid().equals(account) && t.sid().equals(sid)).stream().findFirst()
        .map(t -> Response.json(200, trigger(t))).orElseThrow(() -> notFound(request));
  }

  private Map<String, Object> trigger(Store.Trigger t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", t.accountSid());
    m.put("api_version", TwilioFormat.API_VERSION);
    m.put("callback_method", "POST");
    m.put("callback_url", t.callbackUrl());
    m.put("current_value", usage.currentValue(t.accountSid(), t.category(), t.triggerBy()));
    m.put("date_created", TwilioFormat.rfc2822(t.created()));
    m.put("date_fired", null);
    m.put("date_updated", TwilioFormat.rfc2822(t.created()));
    m.put("friendly_name", t.friendlyName());
    m.put("recurring", t.recurring());
    m.put("sid", t.sid());
    m.put("trigger_by", t.triggerBy());
    m.put("trigger_value", t.value());
    m.put("uri", "/2010-04-01/Accounts/" + t.accountSid() + "/Usage/Triggers/" + t.sid() + ".json");
    m.put("usage_category", t.category());
    m.put("usage_record_uri", "/2010-04-01/Accounts/" + t.accountSid() + "/Usage/Records.json?Category="
        + t.category());
    return m;
  }

  Response listUsage(Request request) {
    return Response.json(200, usage.list(request));
  }

  Response listRecordings(Request request) {
    String account = request.pathVar("AccountSid");
    Params q = request.query();
    Predicate<Store.Recording> filter = r -> r.accountSid().equals(account);
    String call = q.first("CallSid");
    if (call != null) {
      filter = filter.and(r -> r.callSid().equals(call));
    }
    if (q.first("ConferenceSid") != null) {
      filter = filter.and(r -> false);
    }
    String on = q.first("DateCreated");
    if (on != null) {
      LocalDate day = TwilioFormat.day(on, "DateCreated");
      filter = filter.and(r -> LocalDate.ofInstant(r.created(), ZoneOffset.UTC).equals(day));
    }
    String after = q.first("DateCreated>");
    if (after != null) {
      Instant bound = TwilioFormat.bound(after, false, "DateCreated>");
      filter = filter.and(r -> !r.created().isBefore(bound));
    }
    String before = q.first("DateCreated<");
    if (before != null) {
      Instant bound = TwilioFormat.bound(before, true, "DateCreated<");
      filter = filter.and(r -> !r.created().isAfter(bound));
    }
    return Response.json(200, TwilioPaging.rest(request, store.recordings(filter), "recordings",
        Store.Recording::sid, this::recording));
  }

  Response fetchRecording(Request request) {
    String account = request.pathVar("AccountSid");
    String sid = request.pathVar("Sid");
    return store.recordings(r -> r.accountSid().equals(account) && r.sid().equals(sid)).stream().findFirst()
        .map(r -> Response.json(200, recording(r))).orElseThrow(() -> notFound(request));
  }

  Response deleteRecording(Request request) {
    if (!store.deleteRecording(request.pathVar("AccountSid"), request.pathVar("Sid"))) {
      throw notFound(request);
    }
    return Response.noContent();
  }

  private Map<String, Object> recording(Store.Recording r) {
    String path = "/2010-04-01/Accounts/" + r.accountSid() + "/Recordings/" + r.sid();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", r.accountSid());
    m.put("api_version", TwilioFormat.API_VERSION);
    m.put("call_sid", r.callSid());
    m.put("channels", 1);
    m.put("conference_sid", null);
    m.put("date_created", TwilioFormat.rfc2822(r.created()));
    m.put("date_updated", TwilioFormat.rfc2822(r.created().plusSeconds(r.seconds())));
    m.put("duration", Integer.toString(r.seconds()));
    m.put("encryption_details", null);
    m.put("error_code", null);
    m.put("media_url", emulator.baseUrl() + path);
    m.put("price", TwilioFormat.charge(r.price()));
    m.put("price_unit", "USD");
    m.put("sid", r.sid());
    m.put("source", "OutboundAPI");
    m.put("start_time", TwilioFormat.rfc2822(r.created()));
    m.put("status", "completed");
    m.put("track", "both");
    m.put("uri", path + ".json");
    return m;
  }

  private static String required(Params form, String name) {
    String value = form.first(name, "").trim();
    if (value.isEmpty()) {
      throw TwilioFormat.halt(400, 20001, "Missing required parameter " + name + " in the post body");
    }
    return value;
  }

  private static io.switchboard.sandbox.http.Halt notFound(Request request) {
    return TwilioFormat.halt(404, 20404, "The requested resource " + request.path() + " was not found");
  }
}
