package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code Number/}: the account's numbers (rented from Plivo, or its own carrier's), listed, read, added, changed
 * (application, subaccount, alias) and unrented; {@code PhoneNumber/}: the sandbox's numbers for sale
 * ({@link PlivoCatalog}), searched and bought. A bought number costs its first month's rental from the credit.
 */
final class PlivoNumbers {
  private static final Set<String> SEARCH_TYPES = Set.of("fixed", "mobile", "tollfree", "any");

  private final PlivoEmulator emulator;

  PlivoNumbers(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Router router, String base) {
    router.get(base + "Number/", this::list)
        .post(base + "Number/", this::addCarrierNumbers)
        .get(base + "Number/{number}/", this::get)
        .post(base + "Number/{number}/", this::modify)
        .delete(base + "Number/{number}/", this::unrent)
        .get(base + "PhoneNumber/", this::search)
        .post(base + "PhoneNumber/{number}/", this::buy);
  }

  /** The bundled numbers, rented by a new main account; voice numbers answer with its first application. */
  void seed(PlivoState.Account account) {
    String appId = account.applications.isEmpty() ? null : account.applications.get(0).appId;
    for (NumberInventory.OwnedNumber n : emulator.numbers().all()) {
      PlivoState.Number number = new PlivoState.Number(PlivoWire.digits(n.number()), n.country(), n.type(),
          n.can(Product.VOICE), n.can(Product.SMS), n.can(Product.MMS), "Sandbox region, " + n.country(), "Plivo",
          PlivoCatalog.LOCAL_RENTAL, Instant.parse("2024-01-15T00:00:00Z"));
      number.alias = "Sandbox " + n.country() + " " + n.type();
      number.appId = n.can(Product.VOICE) ? appId : null;
      account.numbers.add(number);
    }
  }

  Response list(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoState.Account root = account.root();
    Params q = request.query();
    String startsWith = PlivoWire.digits(q.first("number_startswith"));
    String type = q.first("number_type", q.first("type"));
    String alias = q.first("alias");
    String sub = q.first("subaccount");
    String tag = sub == null || account.isSubaccount() ? null : emulator.subaccountTag(root, sub);
    Predicate<PlivoState.Number> keep = n -> account.sees(n.owner) && (tag == null || tag.equals(n.owner));
    keep = keep.and(n -> startsWith == null || n.number.startsWith(startsWith))
        .and(n -> type == null || type.equalsIgnoreCase(n.type))
        .and(n -> alias == null || alias.equalsIgnoreCase(n.alias));
    String services = q.first("services");
    if (services != null) {
      for (String service : services.split(",")) {
        keep = keep.and(switch (service.trim().toLowerCase(Locale.ROOT)) {
          case "voice" -> n -> n.voice;
          case "sms" -> n -> n.sms;
          case "mms" -> n -> n.mms;
          default -> throw emulator.halt(400, "services must list voice, sms or mms, got '" + services + "'");
        });
      }
    }
    List<PlivoState.Number> matching;
    synchronized (account.lock) {
      matching = root.numbers.stream().filter(keep).toList();
    }
    return PlivoWire.page(emulator.newUuid(), request, matching, n -> render(root, n), true);
  }

  Response get(Request request) {
    PlivoState.Account account = emulator.account(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_id", emulator.newUuid());
    synchronized (account.lock) {
      body.putAll(render(account.root(), find(account, request.pathVar("number"))));
    }
    return Response.json(200, body);
  }

  /** Numbers of the account's own carrier: voice only, pointed at the application given or the default one. */
  Response addCarrierNumbers(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoState.Account root = account.root();
    PlivoParams p = PlivoParams.of(emulator, request);
    List<String> numbers = p.list("numbers");
    if (numbers.isEmpty()) {
      throw emulator.halt(400, "numbers is a mandatory parameter");
    }
    String carrier = p.required("carrier");
    String region = p.required("region");
    String type = p.text("number_type") == null ? "local" : p.text("number_type").toLowerCase(Locale.ROOT);
    synchronized (account.lock) {
      if (root.carriers.stream().noneMatch(c -> c.id.equals(carrier))) {
        throw emulator.halt(400, "carrier " + carrier + " is not an incoming carrier of this account");
      }
      String appId = app(root, p.text("app_id"));
      String owner = account.isSubaccount() ? account.authId : emulator.subaccountTag(root, p.text("subaccount"));
      List<String> digits = new ArrayList<>();
      for (String raw : numbers) {
        String d = PlivoWire.digits(raw);
        if (!PlivoWire.isNumber(d)) {
          throw emulator.halt(400, "numbers holds '" + raw + "', which is not a phone number");
        }
        if (root.numbers.stream().anyMatch(n -> n.number.equals(d))) {
          throw emulator.halt(400, "numbers holds " + d + ", which is already on this account");
        }
        digits.add(d);
      }
      for (String d : digits) {
        PlivoState.Number n = new PlivoState.Number(d, PlivoCatalog.countryOf(d), type, true, false, false, region,
            carrier, BigDecimal.ZERO, emulator.now());
        n.appId = appId;
        n.owner = owner;
        root.numbers.add(0, n);
      }
    }
    return PlivoWire.changed(emulator.newUuid());
  }

  /** {@code app_id} null (or "") unlinks the application; {@code subaccount} is for the main account only. */
  Response modify(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoState.Account root = account.root();
    PlivoParams p = PlivoParams.of(emulator, request);
    synchronized (account.lock) {
      PlivoState.Number n = find(account, request.pathVar("number"));
      if (p.isCleared("app_id")) {
        n.appId = null;
      } else if (p.text("app_id") != null) {
        n.appId = app(root, p.text("app_id"));
      }
      if (p.text("subaccount") != null) {
        if (account.isSubaccount()) {
          throw emulator.halt(403, "only the main account can move a number to a subaccount");
        }
        n.owner = emulator.subaccountTag(root, p.text("subaccount"));
      }
      if (p.text("alias") != null) {
        n.alias = p.text("alias");
      }
    }
    return PlivoWire.changed(emulator.newUuid());
  }

  Response unrent(Request request) {
    PlivoState.Account account = emulator.account(request);
    synchronized (account.lock) {
      account.root().numbers.remove(find(account, request.pathVar("number")));
    }
    return Response.noContent();
  }

  Response search(Request request) {
    PlivoState.Account account = emulator.account(request);
    Params q = request.query();
    String apiId = emulator.newUuid();
    String iso = q.first("country_iso");
    if (iso == null || !iso.matches("[A-Za-z]{2}")) {
      throw emulator.halt(400, "country_iso must be a two-letter ISO 3166 code, got '" + iso + "'");
    }
    String country = iso.toUpperCase(Locale.ROOT);
    String region = q.first("region");
    // Plivo: the region filter applies to fixed numbers only, and a search with a region but no type is for fixed.
    String type = q.first("type", region == null ? "any" : "fixed").toLowerCase(Locale.ROOT);
    if (!SEARCH_TYPES.contains(type)) {
      throw emulator.halt(400, "type must be fixed, mobile, tollfree or any, got '" + type + "'");
    }
    if (region != null && (region.trim().length() < 3 || !type.equals("fixed"))) {
      throw emulator.halt(400, "region needs three or more characters and applies to fixed numbers only");
    }
    String pattern = q.first("pattern");
    if (pattern != null && !pattern.matches("[0-9]{1,14}")) {
      throw emulator.halt(400, "pattern must be digits, got '" + pattern + "'");
    }
    String lata = q.first("lata");
    String rateCenter = q.first("rate_center");
    if ((lata != null || rateCenter != null) && !country.equals("US") && !country.equals("CA")) {
      throw emulator.halt(400, "lata and rate_center apply to country_iso US and CA only");
    }
    String services = q.first("services");
    Predicate<PlivoCatalog.Available> keep = a -> a.countryIso().equals(country)
        && (type.equals("any") || a.type().equals(type));
    if (pattern != null) {
      String prefix = PlivoCatalog.callingCode(country) + pattern;
      keep = keep.and(a -> a.number().startsWith(prefix));
    }
    if (region != null) {
      String wanted = region.trim().toLowerCase(Locale.ROOT);
      keep = keep.and(a -> (a.region() != null && a.region().toLowerCase(Locale.ROOT).contains(wanted))
          || (a.city() != null && a.city().toLowerCase(Locale.ROOT).contains(wanted)));
    }
    keep = keep.and(a -> lata == null || lata.equals(a.lata()))
        .and(a -> rateCenter == null || rateCenter.equalsIgnoreCase(a.rateCenter()));
    if (services != null) {
      for (String service : services.split(",")) {
        keep = keep.and(switch (service.trim().toLowerCase(Locale.ROOT)) {
          case "voice" -> a -> a.voice();
          case "sms" -> a -> a.sms();
          case "mms" -> a -> a.mms();
          default -> throw emulator.halt(400, "services must list voice, sms or mms, got '" + services + "'");
        });
      }
    }
    Predicate<PlivoCatalog.Available> wanted = keep;
    List<PlivoCatalog.Available> matching;
    synchronized (account.lock) {
      Set<String> rented = rented(account.root());
      matching = PlivoCatalog.all().stream().filter(wanted).filter(a -> !rented.contains(a.number())).toList();
    }
    return PlivoWire.page(apiId, request, matching, a -> available(account.root(), a), true);
  }

  Response buy(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoState.Account root = account.root();
    PlivoParams p = PlivoParams.of(emulator, request);
    String wanted = PlivoWire.digits(request.pathVar("number"));
    synchronized (account.lock) {
      PlivoCatalog.Available a = PlivoCatalog.all().stream()
          .filter(x -> x.number().equals(wanted) && !rented(root).contains(x.number())).findFirst()
          .orElseThrow(() -> emulator.halt(404, "number " + wanted + " is not available"));
      String appId = app(root, p.text("app_id"));
      if (root.cashCredits.compareTo(a.monthlyRental()) < 0) {
        throw emulator.halt(400, "Insufficient Credit");
      }
      root.cashCredits = root.cashCredits.subtract(a.monthlyRental());
      PlivoState.Number n = new PlivoState.Number(a.number(), a.countryIso(), a.rentedType(), a.voice(), a.sms(),
          a.mms(), a.region(), "Plivo", a.monthlyRental(), emulator.now());
      n.appId = appId;
      n.owner = account.ownerTag();
      root.numbers.add(0, n);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    answer.put("message", "created");
    answer.put("numbers", List.of(Map.of("number", wanted, "status", "Success")));
    answer.put("status", "fulfilled");
    return Response.json(201, answer);
  }

  // ---- helpers (callers hold the lock)

  private static Set<String> rented(PlivoState.Account root) {
    Set<String> out = new HashSet<>();
    root.numbers.forEach(n -> out.add(n.number));
    return out;
  }

  /** An application of the account by id, or the default number application when none is given. */
  private String app(PlivoState.Account root, String appId) {
    if (appId == null) {
      return root.applications.stream().filter(a -> a.defaultNumberApp).map(a -> a.appId).findFirst().orElse(null);
    }
    if (root.applications.stream().noneMatch(a -> a.appId.equals(appId))) {
      throw emulator.halt(400, "app_id " + appId + " is not an application of this account");
    }
    return appId;
  }

  private PlivoState.Number find(PlivoState.Account account, String raw) {
    String wanted = PlivoWire.digits(raw);
    return account.root().numbers.stream().filter(n -> n.number.equals(wanted) && account.sees(n.owner))
        .findFirst().orElseThrow(() -> emulator.halt(404, "not found"));
  }

  private static Map<String, Object> render(PlivoState.Account root, PlivoState.Number n) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("added_on", n.addedOn.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    o.put("alias", n.alias);
    o.put("application", n.appId == null ? null : "/v1/Account/" + root.authId + "/Application/" + n.appId + "/");
    o.put("carrier", n.carrier);
    o.put("country", PlivoCatalog.COUNTRY_NAMES.getOrDefault(n.country, n.country));
    o.put("mms_enabled", n.mms);
    o.put("mms_rate", "0.00000");
    o.put("monthly_rental_rate", PlivoWire.amount(n.monthlyRental));
    o.put("number", n.number);
    o.put("number_type", n.type);
    o.put("region", n.region);
    o.put("resource_uri", "/v1/Account/" + root.authId + "/Number/" + n.number + "/");
    o.put("sms_enabled", n.sms);
    o.put("sms_rate", "0.00000");
    o.put("sub_account", PlivoWire.subaccountUri(root, n.owner));
    o.put("voice_enabled", n.voice);
    o.put("voice_rate", "0.00850");
    return o;
  }

  private static Map<String, Object> available(PlivoState.Account root, PlivoCatalog.Available a) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("city", a.city());
    o.put("country", PlivoCatalog.COUNTRY_NAMES.get(a.countryIso()));
    o.put("lata", a.lata() == null ? null : Integer.parseInt(a.lata()));
    o.put("mms_enabled", a.mms());
    o.put("mms_rate", "0.00000");
    o.put("monthly_rental_rate", PlivoWire.amount(a.monthlyRental()));
    o.put("number", a.number());
    o.put("prefix", a.prefix());
    o.put("rate_center", a.rateCenter());
    o.put("region", a.region());
    o.put("resource_uri", "/v1/Account/" + root.authId + "/PhoneNumber/" + a.number() + "/");
    o.put("restriction", null);
    o.put("restriction_text", null);
    o.put("setup_rate", "0.00000");
    o.put("sms_enabled", a.sms());
    o.put("sms_rate", "0.00000");
    o.put("sub_type", a.type().equals("fixed") ? "local" : a.type());
    o.put("type", a.type());
    o.put("voice_enabled", a.voice());
    o.put("voice_rate", "0.00850");
    return o;
  }
}
