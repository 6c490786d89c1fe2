package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Usage records: this month's computed from what the account sent through the emulator, last month's seeded.
 * Prices come as strings this month and as JSON numbers last month: Twilio has sent both.
 */
final class UsageLedger {

  static final Set<String> CATEGORIES = Set.of("sms", "sms-outbound", "mms", "calls", "calls-outbound",
      "recordings", "phonenumbers", "totalprice");
  private static final BigDecimal NUMBER_RENT = new BigDecimal("1.15");

  private record Row(String category, String description, BigDecimal count, String countUnit, BigDecimal usage,
      String usageUnit, BigDecimal price, LocalDate start, LocalDate end, boolean priceAsNumber) {
    String id() {
      return category + "@" + start;
    }
  }

  private final TwilioEmulator emulator;
  private final Store store;

  UsageLedger(TwilioEmulator emulator, Store store) {
    this.emulator = emulator;
    this.store = store;
  }

  Map<String, Object> list(Request request) {
    String account = request.pathVar("AccountSid");
    Params q = request.query();
    String category = q.first("Category");
    LocalDate from = q.first("StartDate") == null ? null : TwilioFormat.day(q.first("StartDate"), "StartDate");
    LocalDate to = q.first("EndDate") == null ? null : TwilioFormat.day(q.first("EndDate"), "EndDate");
    if (from != null && to != null && to.isBefore(from)) {
      throw TwilioFormat.halt(400, 20001, "EndDate " + to + " is before StartDate " + from);
    }
    List<Row> rows = rows(account).stream()
        .filter(r -> category == null || r.category().equals(category))
        .filter(r -> from == null || !r.end().isBefore(from))
        .filter(r -> to == null || !r.start().isAfter(to))
        .toList();
    return TwilioPaging.rest(request, rows, "usage_records", Row::id, r -> json(account, r));
  }

  /** What a trigger on {@code category} has counted this month, in its unit. */
  String currentValue(String account, String category, String triggerBy) {
    return rows(account).stream().filter(r -> r.category().equals(category)).findFirst()
        .map(r -> switch (triggerBy) {
          case "count" -> r.count();
          case "price" -> r.price();
          default -> r.usage();
        })
        .orElse(BigDecimal.ZERO).toPlainString();
  }

  private List<Row> rows(String account) {
    LocalDate today = LocalDate.ofInstant(emulator.now(), ZoneOffset.UTC);
    LocalDate monthStart = today.withDayOfMonth(1);
    Instant since = monthStart.atStartOfDay().toInstant(ZoneOffset.UTC);
    List<StoredMessage> messages = store.messages(m -> m.accountSid.equals(account) && !m.created.isBefore(since));
    List<StoredCall> calls = store.calls(c -> c.accountSid.equals(account) && !c.created.isBefore(since));
    List<Store.Recording> recordings = store.recordings(r -> r.accountSid().equals(account)
        && !r.created().isBefore(since));

    BigDecimal smsCount = BigDecimal.ZERO;
    BigDecimal segments = BigDecimal.ZERO;
    BigDecimal smsPrice = BigDecimal.ZERO;
    BigDecimal mmsCount = BigDecimal.ZERO;
    BigDecimal mmsPrice = BigDecimal.ZERO;
    for (StoredMessage m : messages) {
      if (m.media.isEmpty()) {
        smsCount = smsCount.add(BigDecimal.ONE);
        segments = segments.add(BigDecimal.valueOf(m.segments));
        smsPrice = smsPrice.add(m.price);
      } else {
        mmsCount = mmsCount.add(BigDecimal.ONE);
        mmsPrice = mmsPrice.add(m.price);
      }
    }
    BigDecimal minutes = BigDecimal.ZERO;
    BigDecimal callPrice = BigDecimal.ZERO;
    for (StoredCall c : calls) {
      Duration d = c.duration();
      minutes = minutes.add(BigDecimal.valueOf(d == null ? 0 : (d.toSeconds() + 59) / 60));
      callPrice = callPrice.add(c.price() == null ? BigDecimal.ZERO : c.price());
    }
    BigDecimal recordingMinutes = BigDecimal.ZERO;
    BigDecimal recordingPrice = BigDecimal.ZERO;
    for (Store.Recording r : recordings) {
      recordingMinutes = recordingMinutes.add(BigDecimal.valueOf((r.seconds() + 59) / 60));
      recordingPrice = recordingPrice.add(r.price());
    }
    BigDecimal numbers = BigDecimal.valueOf(account.equals(TwilioEmulator.ACCOUNT_SID) ? store.numbers().size() : 0);
    BigDecimal rent = numbers.multiply(NUMBER_RENT);
    BigDecimal total = smsPrice.add(mmsPrice).add(callPrice).add(recordingPrice).add(rent);
    BigDecimal callCount = BigDecimal.valueOf(calls.size());

    List<Row> rows = new ArrayList<>();
    rows.add(new Row("sms", "SMS", smsCount, "messages", segments, "segments", smsPrice, monthStart, today, false));
    rows.add(new Row("sms-outbound", "Outbound SMS", smsCount, "messages", segments, "segments", smsPrice,
        monthStart, today, false));
    rows.add(new Row("mms", "MMS", mmsCount, "messages", mmsCount, "messages", mmsPrice, monthStart, today, false));
    rows.add(new Row("calls", "Voice Minutes", callCount, "calls", minutes, "minutes", callPrice, monthStart, today,
        false));
    rows.add(new Row("calls-outbound", "Outbound Voice Minutes", callCount, "calls", minutes, "minutes", callPrice,
        monthStart, today, false));
    rows.add(new Row("recordings", "Voice Minutes Recorded", BigDecimal.valueOf(recordings.size()), "recordings",
        recordingMinutes, "minutes", recordingPrice, monthStart, today, false));
    rows.add(new Row("phonenumbers", "Phone Numbers", numbers, "phone-numbers", numbers, "phone-numbers", rent,
        monthStart, today, false));
    rows.add(new Row("totalprice", "Total Price", total, "usd", total, "usd", total, monthStart, today, false));
    if (account.equals(TwilioEmulator.ACCOUNT_SID)) {
      LocalDate lastStart = monthStart.minusMonths(1);
      LocalDate lastEnd = monthStart.minusDays(1);
      rows.add(new Row("sms", "SMS", new BigDecimal("1217"), "messages", new BigDecimal("1240"), "segments",
          new BigDecimal("9.61"), lastStart, lastEnd, true));
      rows.add(new Row("calls", "Voice Minutes", new BigDecimal("84"), "calls", new BigDecimal("212"), "minutes",
          new BigDecimal("3.02"), lastStart, lastEnd, true));
      rows.add(new Row("totalprice", "Total Price", new BigDecimal("19.53"), "usd", new BigDecimal("19.53"), "usd",
          new BigDecimal("19.53"), lastStart, lastEnd, true));
    }
    return rows;
  }

  private Map<String, Object> json(String account, Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", account);
    m.put("api_version", TwilioFormat.API_VERSION);
    m.put("as_of", emulator.now().toString());
    m.put("category", r.category());
    m.put("count", r.count().toPlainString());
    m.put("count_unit", r.countUnit());
    m.put("description", r.description());
    m.put("end_date", r.end().toString());
    m.put("price", r.priceAsNumber() ? (Object) r.price().doubleValue() : r.price().toPlainString());
    m.put("price_unit", "usd");
    m.put("start_date", r.start().toString());
    m.put("subresource_uris", Map.of());
    m.put("uri", "/2010-04-01/Accounts/" + account + "/Usage/Records.json?Category=" + r.category()
        + "&StartDate=" + r.start() + "&EndDate=" + r.end());
    m.put("usage", r.usage().toPlainString());
    m.put("usage_unit", r.usageUnit());
    return m;
  }
}
