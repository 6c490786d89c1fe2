package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Endpoint/}: SIP endpoints, created, read, listed, modified (password, alias, application) and deleted. As
 * Plivo does, the SIP username is the one asked for followed by twelve digits, the password is kept (and shown) only
 * as its MD5 hash, and an endpoint created without an application gets the default endpoint application.
 */
final class PlivoEndpoints {
  private final PlivoEmulator emulator;

  PlivoEndpoints(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Router router, String base) {
    router.post(base + "Endpoint/", this::create)
        .get(base + "Endpoint/", this::list)
        .get(base + "Endpoint/{endpoint_id}/", this::get)
        .post(base + "Endpoint/{endpoint_id}/", this::modify)
        .delete(base + "Endpoint/{endpoint_id}/", this::delete);
  }

  Response create(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoState.Account root = account.root();
    PlivoParams p = PlivoParams.of(emulator, request);
    String username = p.required("username");
    if (!username.matches("[A-Za-z0-9._-]{1,64}")) {
      throw emulator.halt(400, "username must be letters, digits, '.', '_' or '-', got '" + username + "'");
    }
    String password = p.required("password");
    String alias = p.required("alias");
    PlivoState.Endpoint endpoint = new PlivoState.Endpoint(emulator.newDigits(14), username + emulator.newDigits(12),
        emulator.now());
    endpoint.passwordHash = md5(password);
    endpoint.alias = alias;
    endpoint.owner = account.ownerTag();
    synchronized (account.lock) {
      endpoint.appId = app(root, p.text("app_id"));
      root.endpoints.add(0, endpoint);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("alias", alias);
    answer.put("api_id", emulator.newUuid());
    answer.put("endpoint_id", endpoint.id);
    answer.put("message", "created");
    answer.put("username", endpoint.username);
    return Response.json(201, answer);
  }

  Response list(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoState.Account root = account.root();
    List<PlivoState.Endpoint> visible;
    synchronized (account.lock) {
      visible = root.endpoints.stream().filter(e -> account.sees(e.owner)).toList();
    }
    return PlivoWire.page(emulator.newUuid(), request, visible, e -> render(root, e), true);
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
    String password = p.text("password");
    String alias = p.text("alias");
    synchronized (account.lock) {
      PlivoState.Endpoint endpoint = find(account, request);
      if (p.isCleared("app_id")) {
        endpoint.appId = null;
      } else if (p.text("app_id") != null) {
        endpoint.appId = app(account.root(), p.text("app_id"));
      }
      endpoint.passwordHash = password == null ? endpoint.passwordHash : md5(password);
      endpoint.alias = alias == null ? endpoint.alias : alias;
    }
    return PlivoWire.changed(emulator.newUuid());
  }

  Response delete(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      account.root().endpoints.remove(find(account, request));
    }
    return Response.noContent();
  }

  private PlivoState.Endpoint find(PlivoState.Account account, Request request) {
    String id = request.pathVar("endpoint_id");
    return account.root().endpoints.stream().filter(e -> e.id.equals(id) && account.sees(e.owner)).findFirst()
        .orElseThrow(() -> emulator.halt(404, "no endpoint " + id));
  }

  private String app(PlivoState.Account root, String appId) {
    if (appId == null) {
      return root.applications.stream().filter(a -> a.defaultEndpointApp).map(a -> a.appId).findFirst()
          .orElse(null);
    }
    if (root.applications.stream().noneMatch(a -> a.appId.equals(appId))) {
      throw emulator.halt(400, "app_id " + appId + " is not an application of this account");
    }
    return appId;
  }

  private static Map<String, Object> render(PlivoState.Account root, PlivoState.Endpoint e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("alias", e.alias);
    o.put("application", e.appId == null ? null : "/v1/Account/" + root.authId + "/Application/" + e.appId + "/");
    o.put("endpoint_id", e.id);
    o.put("password", e.passwordHash);
    o.put("resource_uri", "/v1/Account/" + root.authId + "/Endpoint/" + e.id + "/");
    o.put("sip_registered", "false");
    o.put("sip_uri", "sip:" + e.username + "@phone.plivo.com");
    o.put("sub_account", PlivoWire.subaccountUri(root, e.owner));
    o.put("username", e.username);
    return o;
  }

  private static String md5(String password) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
