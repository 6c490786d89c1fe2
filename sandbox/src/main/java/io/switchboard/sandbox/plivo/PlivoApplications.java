package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Application/}: create, list (optionally one subaccount's), get, modify, delete. At most one application is
 * the default for new numbers ({@code default_number_app}, shown as {@code default_app}) and one for new endpoints;
 * deleting an application unlinks the numbers and endpoints attached to it.
 */
final class PlivoApplications {
  private static final List<String> URLS = List.of("answer_url", "hangup_url", "fallback_answer_url", "message_url");
  private static final List<String> METHODS = List.of("answer_method", "hangup_method", "fallback_method",
      "message_method");

  private final PlivoEmulator emulator;

  PlivoApplications(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Router router, String base) {
    router.post(base + "Application/", this::create)
        .get(base + "Application/", this::list)
        .get(base + "Application/{app_id}/", this::get)
        .post(base + "Application/{app_id}/", this::modify)
        .delete(base + "Application/{app_id}/", this::delete);
  }

  Response create(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String name = p.required("app_name");
    p.required("answer_url");
    PlivoState.Account root = account.root();
    String appId = emulator.newDigits(17);
    synchronized (account.lock) {
      if (root.applications.stream().anyMatch(a -> a.name.equalsIgnoreCase(name))) {
        throw emulator.halt(400, "app_name '" + name + "' is already used by another application");
      }
      PlivoState.Application app = new PlivoState.Application(appId, name, emulator.now());
      app.owner = account.isSubaccount() ? account.authId : emulator.subaccountTag(root, p.text("subaccount"));
      apply(root, app, p);
      app.hangupUrl = app.hangupUrl == null ? app.answerUrl : app.hangupUrl; // Plivo's default
      root.applications.add(0, app);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    answer.put("app_id", appId);
    answer.put("message", "created");
    return Response.json(201, answer);
  }

  /** Applies the optional fields; callers hold the lock. */
  private void apply(PlivoState.Account root, PlivoState.Application app, PlivoParams p) {
    for (String name : URLS) {
      p.url(name);
    }
    for (String name : METHODS) {
      p.method(name, "POST");
    }
    app.answerUrl = p.url("answer_url") == null ? app.answerUrl : p.url("answer_url");
    app.hangupUrl = p.url("hangup_url") == null ? app.hangupUrl : p.url("hangup_url");
    app.fallbackAnswerUrl = p.has("fallback_answer_url") ? p.url("fallback_answer_url") : app.fallbackAnswerUrl;
    app.messageUrl = p.has("message_url") ? p.url("message_url") : app.messageUrl;
    app.answerMethod = p.method("answer_method", app.answerMethod);
    app.hangupMethod = p.method("hangup_method", app.hangupMethod);
    app.fallbackMethod = p.method("fallback_method", app.fallbackMethod);
    app.messageMethod = p.method("message_method", app.messageMethod);
    Boolean numberDefault = p.bool("default_number_app");
    Boolean endpointDefault = p.bool("default_endpoint_app");
    if (numberDefault != null) {
      if (numberDefault) {
        root.applications.forEach(a -> a.defaultNumberApp = false);
      }
      app.defaultNumberApp = numberDefault;
    }
    if (endpointDefault != null) {
      if (endpointDefault) {
        root.applications.forEach(a -> a.defaultEndpointApp = false);
      }
      app.defaultEndpointApp = endpointDefault;
    }
  }

  Response list(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoState.Account root = account.root();
    String sub = request.query().first("subaccount");
    String tag = sub == null || account.isSubaccount() ? null : emulator.subaccountTag(root, sub);
    List<PlivoState.Application> apps;
    synchronized (account.lock) {
      apps = root.applications.stream().filter(a -> account.sees(a.owner))
          .filter(a -> tag == null || tag.equals(a.owner)).toList();
    }
    return PlivoWire.page(emulator.newUuid(), request, apps, a -> render(root, a), true);
  }

  Response get(Request request) {
    PlivoState.Account account = emulator.account(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", emulator.newUuid());
    synchronized (account.lock) {
      body.putAll(render(account.root(), find(account, request)));
    }
    return Response.json(200, body);
  }

  Response modify(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    synchronized (account.lock) {
      PlivoState.Application app = find(account, request);
      if (p.text("subaccount") != null && account.isSubaccount()) {
        throw emulator.halt(403, "only the main account can move an application to a subaccount");
      }
      apply(account.root(), app, p);
      if (p.text("subaccount") != null) {
        app.owner = emulator.subaccountTag(account.root(), p.text("subaccount"));
      }
    }
    return PlivoWire.changed(emulator.newUuid());
  }

  Response delete(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoState.Account root = account.root();
    synchronized (account.lock) {
      PlivoState.Application app = find(account, request);
      root.applications.remove(app);
      root.numbers.stream().filter(n -> app.appId.equals(n.appId)).forEach(n -> n.appId = null);
      root.endpoints.stream().filter(e -> app.appId.equals(e.appId)).forEach(e -> e.appId = null);
    }
    return Response.noContent();
  }

  private PlivoState.Application find(PlivoState.Account account, Request request) {
    String id = request.pathVar("app_id");
    return account.root().applications.stream().filter(a -> a.appId.equals(id) && account.sees(a.owner))
        .findFirst().orElseThrow(() -> emulator.halt(404, "no application " + id));
  }

  static Map<String, Object> render(PlivoState.Account root, PlivoState.Application app) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("answer_method", app.answerMethod);
    o.put("answer_url", app.answerUrl);
    o.put("app_id", app.appId);
    o.put("app_name", app.name);
    o.put("default_app", app.defaultNumberApp);
    o.put("default_endpoint_app", app.defaultEndpointApp);
    o.put("enabled", true);
    o.put("fallback_answer_url", app.fallbackAnswerUrl);
    o.put("fallback_method", app.fallbackMethod);
    o.put("hangup_method", app.hangupMethod);
    o.put("hangup_url", app.hangupUrl);
    o.put("message_method", app.messageMethod);
    o.put("message_url", app.messageUrl);
    o.put("resource_uri", "/v1/Account/" + root.authId + "/Application/" + app.appId + "/");
    o.put("sip_uri", "sip:" + app.appId + "@app.plivo.com");
    o.put("sub_account", PlivoWire.subaccountUri(root, app.owner));
    return o;
  }
}
