package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** {@code Messages.json}: send (SMS, MMS, WhatsApp), fetch and list, validated as Twilio validates. */
final class MessagesApi {

  static final int MAX_BODY = 1600;
  static final int MAX_MEDIA = 10;
  private static final String WHATSAPP = "whatsapp:";
  private static final Pattern ALPHANUMERIC = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");
  private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-f]{32}");

  private final TwilioEmulator emulator;
  private final Store store;

  MessagesApi(TwilioEmulator emulator, Store store) {
    this.emulator = emulator;
    this.store = store;
  }

  Response create(Request request) {
    String account = request.pathVar("AccountSid");
    Params form = request.form();
    String to = form.first("To", "").trim();
    if (to.isEmpty()) {
      throw TwilioFormat.halt(400, 21604, "A 'To' phone number is required.");
    }
    boolean whatsapp = to.startsWith(WHATSAPP);
    String toNumber = whatsapp ? to.substring(WHATSAPP.length()) : to;
    if (!TwilioFormat.isDialable(toNumber)) {
      throw TwilioFormat.halt(400, 21211, "The 'To' number " + to + " is not a valid phone number.");
    }
    String from = sender(form, to, whatsapp);
    String body = form.first("Body", "");
    List<String> media = form.all("MediaUrl");
    if (body.isEmpty() && media.isEmpty()) {
      throw TwilioFormat.halt(400, 21602, "Message body is required.");
    }
    if (body.codePointCount(0, body.length()) > MAX_BODY) {
      throw TwilioFormat.halt(400, 21617, "The concatenated message body exceeds the " + MAX_BODY
          + " character limit.");
    }
    if (media.size() > MAX_MEDIA) {
      throw TwilioFormat.halt(400, 21623, "Number of media files exceeds allowed limit of " + MAX_MEDIA + ".");
    }
    if (media.stream().anyMatch(url -> !TwilioFormat.isHttpUrl(url))) {
      throw TwilioFormat.halt(400, 21620, "Invalid media URL(s)");
    }
    String callback = form.first("StatusCallback");
    if (callback != null && !TwilioFormat.isHttpUrl(callback)) {
      throw TwilioFormat.halt(400, 21609, "Invalid StatusCallback url: " + callback);
    }
    // Outside the countries with an MMS rate, Twilio converts MMS to an SMS with a link: billed as SMS.
    boolean mms = !whatsapp && !media.isEmpty() && emulator.deck().lookup(toNumber, Product.MMS).isPresent();
    String channel = whatsapp ? "whatsapp" : mms ? "mms" : "sms";
    String sid = emulator.sid(media.isEmpty() ? "SM" : "MM");
    LedgerEntry entry = emulator.record(LedgerEntry.message(account, sid).from(from).to(to).text(body)
        .channel(channel));
    StoredMessage message = new StoredMessage(sid, account, from, to, body, media, entry.units(),
        new BigDecimal(entry.price()), entry.currency(), form.first("MessagingServiceSid"), entry.acceptedAt());
    store.add(message);
    Response answer = Response.json(201, message.queuedJson());
    emulator.afterSend(message, callback);
    return answer;
  }

  /** The From of a send: an owned number, an alphanumeric sender ID, or one chosen by a messaging service. */
  private String sender(Params form, String to, boolean whatsapp) {
    String from = form.first("From", "").trim();
    if (from.isEmpty()) {
      String service = form.first("MessagingServiceSid", "").trim();
      if (service.isEmpty()) {
        throw TwilioFormat.halt(400, 21603, "A 'From' phone number is required.");
      }
      if (!SERVICE_SID.matcher(service).matches()) {
        throw TwilioFormat.halt(400, 21701, "The Messaging Service Sid " + service + " is invalid.");
      }
      String number = emulator.numbers().with(Product.SMS).get(0).number();
      return whatsapp ? WHATSAPP + number : number;
    }
    if (whatsapp != from.startsWith(WHATSAPP)) {
      throw TwilioFormat.halt(400, 21910, "Invalid From and To pair. From and To should be of the same channel");
    }
    String number = whatsapp ? from.substring(WHATSAPP.length()) : from;
    if (TwilioFormat.E164.matcher(number).matches()) {
      boolean usable = emulator.numbers().find(number).filter(n -> n.can(Product.SMS)).isPresent();
      if (!usable) {
        throw TwilioFormat.halt(400, 21606, "The From phone number " + from + " is not a valid, SMS-capable "
            + "inbound phone number or short code for your account.");
      }
      return from;
    }
    if (whatsapp || !ALPHANUMERIC.matcher(number).matches()) {
      throw TwilioFormat.halt(400, 21212, "The 'From' number " + from + " is not a valid phone number, shortcode, "
          + "or alphanumeric sender ID.");
    }
    if (to.startsWith("+1")) {
      throw TwilioFormat.halt(400, 21612, "The 'To' phone number: " + to + ", is not currently reachable using the "
          + "'From' phone number: " + from + " via SMS.");
    }
    return from;
  }

  Response fetch(Request request) {
    String account = request.pathVar("AccountSid");
    StoredMessage message = store.message(request.pathVar("Sid")).filter(m -> m.accountSid.equals(account))
        .orElseThrow(() -> TwilioFormat.halt(404, 20404, "The requested resource " + request.path()
            + " was not found"));
    return Response.json(200, message.json());
  }

  Response list(Request request) {
    String account = request.pathVar("AccountSid");
    Params q = request.query();
    Predicate<StoredMessage> filter = m -> m.accountSid.equals(account);
    String to = q.first("To");
    if (to != null) {
      filter = filter.and(m -> m.to.equals(to));
    }
    String from = q.first("From");
    if (from != null) {
      filter = filter.and(m -> m.from.equals(from));
    }
    String on = q.first("DateSent");
    if (on != null) {
      LocalDate day = TwilioFormat.day(on, "DateSent");
      filter = filter.and(m -> LocalDate.ofInstant(m.sent(), ZoneOffset.UTC).equals(day));
    }
    String after = q.first("DateSent>");
    if (after != null) {
      Instant bound = TwilioFormat.bound(after, false, "DateSent>");
      filter = filter.and(m -> !m.sent().isBefore(bound));
    }
    String before = q.first("DateSent<");
    if (before != null) {
      Instant bound = TwilioFormat.bound(before, true, "DateSent<");
      filter = filter.and(m -> !m.sent().isAfter(bound));
    }
    return Response.json(200, TwilioPaging.rest(request, store.messages(filter), "messages", m -> m.sid,
        StoredMessage::json));
  }
}
