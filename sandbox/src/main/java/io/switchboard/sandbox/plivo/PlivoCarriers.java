package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code IncomingCarrier/}: the carriers whose IP addresses may send calls to the account. Listed (filtered by name:
 * the exact name or a phrase in it), read, added, modified and removed; removing one deletes every number added for
 * it. Main accounts only.
 */
final class PlivoCarriers {
  private final PlivoEmulator emulator;

  PlivoCarriers(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Router router, String base) {
    router.get(base + "IncomingCarrier/", this::list)
        .post(base + "IncomingCarrier/", this::add)
        .get(base + "IncomingCarrier/{carrier_id}/", this::get)
        .post(base + "IncomingCarrier/{carrier_id}/", this::modify)
        .delete(base + "IncomingCarrier/{carrier_id}/", this::delete);
  }

  Response list(Request request) {
    PlivoState.Account account = main(request);
    String name = request.query().first("name");
    String wanted = name == null ? null : name.toLowerCase(Locale.ROOT);
    List<PlivoState.Carrier> matching;
    synchronized (account.lock) {
      matching = account.carriers.stream()
          .filter(c -> wanted == null || c.name.toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }
    return PlivoWire.page(emulator.newUuid(), request, matching, c -> render(account, c), true);
  }

  Response get(Request request) {
    PlivoState.Account account = main(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", emulator.newUuid());
    synchronized (account.lock) {
      body.putAll(render(account, find(account, request)));
    }
    return Response.json(200, body);
  }

  Response add(Request request) {
    PlivoState.Account account = main(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String name = p.required("name");
    p.required("ip_set");
    List<String> ips = p.ipSet("ip_set");
    PlivoState.Carrier carrier = new PlivoState.Carrier(emulator.newDigits(14), name, ips);
    synchronized (account.lock) {
      account.carriers.add(0, carrier);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    answer.put("carrier_id", carrier.id);
    answer.put("message", "created");
    return Response.json(201, answer);
  }

  Response modify(Request request) {
    PlivoState.Account account = main(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String name = p.text("name");
    List<String> ips = p.ipSet("ip_set");
    synchronized (account.lock) {
      PlivoState.Carrier carrier = find(account, request);
      carrier.name = name == null ? carrier.name : name;
      carrier.ipSet = ips.isEmpty() ? carrier.ipSet : List.copyOf(ips);
    }
    return PlivoWire.changed(emulator.newUuid());
  }

  /** Removes the carrier and, as Plivo warns, every number associated with it. */
  Response delete(Request request) {
    PlivoState.Account account = main(request);
    synchronized (account.lock) {
      PlivoState.Carrier carrier = find(account, request);
      account.carriers.remove(carrier);
      account.numbers.removeIf(n -> carrier.id.equals(n.carrier));
    }
    return Response.noContent();
  }

  private PlivoState.Account main(Request request) {
    PlivoState.Account account = emulator.account(request);
    if (account.isSubaccount()) {
      throw emulator.halt(403, "incoming carriers belong to the main account");
    }
    return account;
  }

  private PlivoState.Carrier find(PlivoState.Account account, Request request) {
    String id = request.pathVar("carrier_id");
    return account.carriers.stream().filter(c -> c.id.equals(id)).findFirst()
        .orElseThrow(() -> emulator.halt(404, "no incoming carrier " + id));
  }

  private static Map<String, Object> render(PlivoState.Account account, PlivoState.Carrier c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("carrier_id", c.id);
    o.put("ip_set", String.join(",", c.ipSet));
    o.put("name", c.name);
    o.put("resource_uri", "/v1/Account/" + account.authId + "/IncomingCarrier/" + c.id + "/");
    o.put("sms", false);
    o.put("voice", true);
    return o;
  }
}
