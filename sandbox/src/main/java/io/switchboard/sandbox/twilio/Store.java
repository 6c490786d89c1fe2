package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.Product;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the Twilio emulator holds: the account and its subaccount, the seeded numbers, calls and recordings, and
 * everything sent or created through it. Lists come newest first, as Twilio lists them. Thread-safe.
 */
final class Store {

  /** The account resource. */
  record Account(String sid, String friendlyName, String type, String ownerSid, Instant created) {}

  /** An incoming phone number of the sandbox inventory, with the SID Twilio would give it. */
  record Number(String sid, NumberInventory.OwnedNumber owned, Instant created) {}

  /** A call recording. */
  record Recording(String sid, String accountSid, String callSid, int seconds, Instant created, BigDecimal price) {}

  /** A usage trigger. */
  record Trigger(String sid, String accountSid, String category, String value, String triggerBy, String recurring,
      String callbackUrl, String friendlyName, Instant created) {}

  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final List<Number> numbers = new ArrayList<>();
  private final List<StoredMessage> messages = new ArrayList<>();
  private final List<StoredCall> calls = new ArrayList<>();
  private final List<Recording> recordings = new ArrayList<>();
  private final List<Trigger> triggers = new ArrayList<>();

  Store(TwilioEmulator emulator) {
    Instant now = emulator.now();
    Instant opened = now.minus(Duration.ofDays(400));
    accounts.put(TwilioEmulator.ACCOUNT_SID, new Account(TwilioEmulator.ACCOUNT_SID, "Switchboard sandbox", "Full",
        TwilioEmulator.ACCOUNT_SID, opened));
    accounts.put(TwilioEmulator.SUBACCOUNT_SID, new Account(TwilioEmulator.SUBACCOUNT_SID,
        "Switchboard sandbox subaccount", "Full", TwilioEmulator.ACCOUNT_SID, opened.plus(Duration.ofDays(30))));
    for (NumberInventory.OwnedNumber owned : emulator.numbers().all()) {
      numbers.add(new Number(emulator.sid("PN"), owned, opened.plus(Duration.ofDays(1))));
    }
    seedHistory(emulator, now);
  }

  /** Two finished calls of yesterday and three recordings of them, so reads have something to find. */
  private void seedHistory(TwilioEmulator emulator, Instant now) {
    String from = emulator.numbers().with(Product.VOICE).get(0).number();
    Instant yesterday = now.minus(Duration.ofDays(1));
    StoredCall first = new StoredCall(emulator.sid("CA"), TwilioEmulator.ACCOUNT_SID, from, "+447700900123",
        "https://example.com/twiml/welcome.xml", null, yesterday);
    first.complete(yesterday.plusSeconds(5), Duration.ofSeconds(95), new BigDecimal("0.0800"), "USD");
    StoredCall second = new StoredCall(emulator.sid("CA"), TwilioEmulator.ACCOUNT_SID, from, "+14155550142",
        "https://example.com/twiml/survey.xml", null, yesterday.plusSeconds(600));
    second.complete(yesterday.plusSeconds(604), Duration.ofSeconds(30), new BigDecimal("0.0140"), "USD");
    calls.add(first);
    calls.add(second);
    recordings.add(new Recording(emulator.sid("RE"), TwilioEmulator.ACCOUNT_SID, first.sid, 60,
        yesterday.plusSeconds(10), new BigDecimal("0.0025")));
    recordings.add(new Recording(emulator.sid("RE"), TwilioEmulator.ACCOUNT_SID, first.sid, 25,
        yesterday.plusSeconds(70), new BigDecimal("0.0025")));
    recordings.add(new Recording(emulator.sid("RE"), TwilioEmulator.ACCOUNT_SID, second.sid, 28,
        yesterday.plusSeconds(605), new BigDecimal("0.0025")));
  }

  synchronized boolean ownsAccount(String sid) {
    return accounts.containsKey(sid);
  }

  synchronized Optional<Account> account(String sid) {
    return Optional.ofNullable(accounts.get(sid));
  }

  synchronized List<Number> numbers() {
    return List.copyOf(numbers);
  }

  synchronized void add(StoredMessage message) {
    messages.add(message);
  }

  synchronized Optional<StoredMessage> message(String sid) {
    return messages.stream().filter(m -> m.sid.equals(sid)).findFirst();
  }

  /** Messages matching {@code filter}, newest first. */
  synchronized List<StoredMessage> messages(Predicate<StoredMessage> filter) {
    return newestFirst(messages, filter);
  }

  synchronized List<StoredMessage> messages() {
    return List.copyOf(messages);
  }

  synchronized void add(StoredCall call) {
    calls.add(call);
  }

  synchronized Optional<StoredCall> call(String sid) {
    return calls.stream().filter(c -> c.sid.equals(sid)).findFirst();
  }

  synchronized List<StoredCall> calls(Predicate<StoredCall> filter) {
    return newestFirst(calls, filter);
  }

  synchronized List<Recording> recordings(Predicate<Recording> filter) {
    return newestFirst(recordings, filter);
  }

  synchronized boolean deleteRecording(String accountSid, String sid) {
    return recordings.removeIf(r -> r.sid().equals(sid) && r.accountSid().equals(accountSid));
  }

  synchronized void add(Trigger trigger) {
    triggers.add(trigger);
  }

  synchronized List<Trigger> triggers(Predicate<Trigger> filter) {
    return newestFirst(triggers, filter);
  }

  private static <T> List<T> newestFirst(List<T> items, Predicate<T> filter) {
    List<T> result = new ArrayList<>();
    for (int i = items.size() - 1; i >= 0; i--) {
      if (filter.test(items.get(i))) {
        result.add(items.get(i));
      }
    }
    return result;
  }
}
