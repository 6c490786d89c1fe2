package io.switchboard.application.lifecycle;

import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The opted-out numbers of one instance; kept until they opt in again. */
public final class InMemorySuppressionList implements SuppressionList {

    private final ConcurrentMap<PhoneNumber, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> find(PhoneNumber number) {
        return Optional.ofNullable(entries.get(Checks.required(number, "number")));
    }

    @Override
    public void add(Entry entry) {
        Checks.required(entry, "entry");
        entries.put(entry.number(), entry);
    }

    @Override
    public boolean remove(PhoneNumber number) {
        return entries.remove(Checks.required(number, "number")) != null;
    }

    @Override
    public List<Entry> all() {
        return entries.values().stream().sorted(Comparator.comparing(Entry::since)).toList();
    }
}
