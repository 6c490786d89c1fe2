package io.switchboard.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every message and call accepted by the emulators that share this instance, in acceptance order. Pass one ledger
 * to all emulators of a test to assert that a message was accepted exactly once across vendors. Thread-safe.
 */
public final class Ledger {
  private final List<LedgerEntry> entries = new ArrayList<>();

  public void record(LedgerEntry entry) {
    Objects.requireNonNull(entry, "entry");
    synchronized (entries) {
      entries.add(entry);
    }
  }

  /** A snapshot of every entry, oldest first. */
  public List<LedgerEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  public List<LedgerEntry> entries(Predicate<LedgerEntry> filter) {
    return entries().stream().filter(filter).toList();
  }

  public List<LedgerEntry> byVendor(String vendor) {
    return entries(e -> e.vendor().equals(vendor));
  }

  public List<LedgerEntry> messages() {
    return entries(e -> e.kind() == LedgerEntry.Kind.MESSAGE);
  }

  public List<LedgerEntry> calls() {
    return entries(e -> e.kind() == LedgerEntry.Kind.CALL);
  }

  public long count(Predicate<LedgerEntry> filter) {
    synchronized (entries) {
      return entries.stream().filter(filter).count();
    }
  }

  /** How many times, across vendors, a message with exactly this text was accepted for {@code to}. */
  public long acceptances(String to, String text) {
    return count(e -> e.kind() == LedgerEntry.Kind.MESSAGE && e.to().equals(to) && Objects.equals(e.text(), text));
  }

  /** How many messages and calls, across vendors, were accepted with this client reference. */
  public long acceptancesOfReference(String clientReference) {
    Objects.requireNonNull(clientReference, "clientReference");
    return count(e -> clientReference.equals(e.clientReference()));
  }

  public Optional<LedgerEntry> find(String vendor, String id) {
    return entries(e -> e.vendor().equals(vendor) && e.id().equals(id)).stream().findFirst();
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
