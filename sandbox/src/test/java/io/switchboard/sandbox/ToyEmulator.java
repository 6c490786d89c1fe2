package io.switchboard.sandbox;

import io.switchboard.sandbox.http.Credentials;
import io.switchboard.sandbox.http.Halt;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor emulator as small as the real ones should be, exercising the base class: Basic auth against an account
 * in the path, a form-encoded send, a JSON call, a fetch, and a vendor error format.
 */
final class ToyEmulator extends VendorEmulator {
  static final Map<String, String> ACCOUNTS = Map.of("AC1", "token-1", "AC2", "token-2");

  ToyEmulator(String vendor, EmulatorConfig config) {
    super(vendor, config, RateDeck.forVendor("twilio"), NumberInventory.forVendor("twilio"));
  }

  @Override
  protected void routes(Router router) {
    router.post("/v1/Accounts/{account}/Messages.json", this::send)
        .get("/v1/Accounts/{account}/Messages/{sid}.json", this::fetch)
        .post("/v1/Accounts/{account}/Calls.json", this::dial)
        .get("/v1/Accounts/{account}/Broken.json", r -> {
          throw new IllegalStateException("bug in the emulator");
        });
  }

  @Override
  protected Response error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", status * 100);
    body.put("message", message);
    body.put("status", status);
    return Response.json(status, body);
  }

  @Override
  protected Optional<Response> authenticate(Request request) {
    Optional<Credentials> creds = Credentials.basic(request);
    String account = request.pathVars().getOrDefault("account", creds.map(Credentials::user).orElse(""));
    boolean ok = creds.isPresent() && creds.get().matches(account, ACCOUNTS.getOrDefault(account, ""));
    return ok ? Optional.empty() : Optional.of(error(401, "Authenticate"));
  }

  @Override
  protected String rateLimitKey(Request request) {
    return request.pathVar("account");
  }

  private Response send(Request request) {
    String from = request.form().first("From");
    if (!numbers().owns(from)) {
      throw new Halt(error(400, "'From' " + from + " is not a number of this account"));
    }
    LedgerEntry entry = accept(LedgerEntry.message(request.pathVar("account"), ids().prefixedHex("SM"))
        .from(from).to(request.form().first("To")).text(request.form().first("Body"))
        .clientReference(request.form().first("ClientRef")));
    return Response.json(201, Map.of("sid", entry.id(), "num_segments", String.valueOf(entry.units()),
        "price", "-" + entry.price()));
  }

  private Response fetch(Request request) {
    LedgerEntry entry = ledger().find(vendor(), request.pathVar("sid")).orElseThrow(() -> new Halt(notFound(request)));
    return Response.json(200, Map.of("sid", entry.id(), "to", entry.to()));
  }

  private Response dial(Request request) {
    Map<String, Object> body = request.jsonObject();
    LedgerEntry entry = accept(LedgerEntry.call(request.pathVar("account"), ids().prefixedHex("CA"))
        .from((String) body.get("from")).to((String) body.get("to")).minutes(2));
    return Response.json(201, Map.of("sid", entry.id(), "price", entry.price()));
  }
}
