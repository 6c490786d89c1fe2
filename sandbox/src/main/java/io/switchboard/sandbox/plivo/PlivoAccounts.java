package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The account ({@code Account/{auth_id}/}: details, and name, city and address changed by POST) and its subaccounts
 * ({@code Subaccount/}). A subaccount is an account of its own (its auth id and token work on this emulator while it
 * is enabled, and it is disabled unless created enabled), spending its parent's credit. Deleting one hands its
 * numbers, endpoints and applications to the main account, as Plivo's API reference describes.
 */
final class PlivoAccounts {
  private final PlivoEmulator emulator;

  PlivoAccounts(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Router router, String base) {
    router.get(base, this::get)
        .post(base, this::modify)
        .post(base + "Subaccount/", this::create)
        .get(base + "Subaccount/", this::list)
        .get(base + "Subaccount/{subauth_id}/", this::getSubaccount)
        .post(base + "Subaccount/{subauth_id}/", this::modifySubaccount)
        .delete(base + "Subaccount/{subauth_id}/", this::delete);
  }

  Response get(Request request) {
    PlivoState.Account a = emulator.account(request);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("account_type", a.isSubaccount() ? "subaccount" : "standard");
    synchronized (a.lock) {
      o.put("address", a.address);
      o.put("api_id", emulator.newUuid());
      o.put("auth_id", a.authId);
      o.put("auto_recharge", false);
      o.put("billing_mode", "prepaid");
      o.put("cash_credits", PlivoWire.amount(a.root().cashCredits));
      o.put("city", a.city);
      o.put("name", a.name);
    }
    o.put("resource_uri", "/v1/Account/" + a.authId + "/");
    o.put("state", "CA");
    o.put("timezone", "Etc/UTC");
    return Response.json(200, o);
  }

  /** Changes name, city and address; at least one must be given. */
  Response modify(Request request) {
    PlivoState.Account a = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String name = p.text("name");
    String city = p.text("city");
    String address = p.text("address");
    if (name == null && city == null && address == null) {
      throw emulator.halt(400, "name, city or address is required");
    }
    synchronized (a.lock) {
      a.name = name == null ? a.name : name;
      a.city = city == null ? a.city : city;
      a.address = address == null ? a.address : address;
      a.modified = emulator.now();
    }
    return PlivoWire.changed(emulator.newUuid());
  }

  Response create(Request request) {
    PlivoState.Account main = mainAccount(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String name = p.required("name");
    Boolean enabled = p.bool("enabled");
    String authId = "SA" + emulator.newHex(18).toUpperCase(Locale.ROOT);
    String token = emulator.newHex(40);
    PlivoState.Account sub = new PlivoState.Account(authId, token, name, null, main, emulator.now());
    sub.enabled = Boolean.TRUE.equals(enabled);
    synchronized (main.lock) {
      main.subaccounts.add(0, sub);
    }
    emulator.register(sub);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    answer.put("auth_id", authId);
    answer.put("auth_token", token);
    answer.put("message", "created");
    return Response.json(201, answer);
  }

  Response list(Request request) {
    PlivoState.Account main = mainAccount(request);
    List<PlivoState.Account> subs;
    synchronized (main.lock) {
      subs = List.copyOf(main.subaccounts);
    }
    return PlivoWire.page(emulator.newUuid(), request, subs, s -> render(main, s), true);
  }

  Response getSubaccount(Request request) {
    PlivoState.Account main = mainAccount(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", emulator.newUuid());
    synchronized (main.lock) {
      body.putAll(render(main, subaccount(main, request)));
    }
    return Response.json(200, body);
  }

  /** Plivo requires the name on every change; {@code enabled} is optional. */
  Response modifySubaccount(Request request) {
    PlivoState.Account main = mainAccount(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String name = p.required("name");
    Boolean enabled = p.bool("enabled");
    synchronized (main.lock) {
      PlivoState.Account sub = subaccount(main, request);
      sub.name = name;
      if (enabled != null) {
        sub.enabled = enabled;
      }
      sub.modified = emulator.now();
    }
    return PlivoWire.changed(emulator.newUuid());
  }

  /** Deletes the subaccount; what was linked to it (numbers, endpoints, applications) goes to the main account. */
  Response delete(Request request) {
    PlivoState.Account main = mainAccount(request);
    PlivoState.Account sub;
    synchronized (main.lock) {
      sub = subaccount(main, request);
      main.subaccounts.remove(sub);
      main.numbers.stream().filter(n -> sub.authId.equals(n.owner)).forEach(n -> n.owner = null);
      main.endpoints.stream().filter(e -> sub.authId.equals(e.owner)).forEach(e -> e.owner = null);
      main.applications.stream().filter(a -> sub.authId.equals(a.owner)).forEach(a -> a.owner = null);
    }
    emulator.unregister(sub);
    return Response.noContent();
  }

  private PlivoState.Account mainAccount(Request request) {
    PlivoState.Account account = emulator.account(request);
    if (account.isSubaccount()) {
      throw emulator.halt(403, "a subaccount cannot manage subaccounts");
    }
    return account;
  }

  private PlivoState.Account subaccount(PlivoState.Account main, Request request) {
    String id = request.pathVar("subauth_id");
    return main.subaccounts.stream().filter(s -> s.authId.equals(id)).findFirst()
        .orElseThrow(() -> emulator.halt(404, "no subaccount " + id));
  }

  private static Map<String, Object> render(PlivoState.Account main, PlivoState.Account s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("account", "/v1/Account/" + main.authId + "/");
    o.put("auth_id", s.authId);
    o.put("auth_token", s.authToken);
    o.put("created", day(s.created));
    o.put("enabled", s.enabled);
    o.put("modified", day(s.modified));
    o.put("name", s.name);
    o.put("resource_uri", "/v1/Account/" + main.authId + "/Subaccount/" + s.authId + "/");
    return o;
  }

  private static String day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
