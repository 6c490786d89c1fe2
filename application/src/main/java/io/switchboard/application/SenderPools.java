package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each account may send from. A pool name maps, per account, to that account's numbers and sender IDs, each
 * optionally limited to destination countries; the planner picks one per candidate. Every sender in a pool is also
 * owned by its account, and further owned senders can be declared, so that a request with a concrete {@code from}
 * goes only to accounts that own it.
 */
public final class SenderPools {

    private record Binding(Sender sender, Set<String> countries) {
    }

    private final Map<String, Map<AccountId, List<Binding>>> pools;
    private final Map<AccountId, Set<Sender>> owned;

    private SenderPools(Builder b) {
        Map<String, Map<AccountId, List<Binding>>> copy = new HashMap<>();
        b.pools.forEach((pool, byAccount) -> {
            Map<AccountId, List<Binding>> accounts = new HashMap<>();
            byAccount.forEach((account, bindings) -> accounts.put(account, List.copyOf(bindings)));
            copy.put(pool, Map.copyOf(accounts));
        });
        this.pools = Map.copyOf(copy);
        Map<AccountId, Set<Sender>> ownedCopy = new HashMap<>();
        b.owned.forEach((account, senders) -> ownedCopy.put(account, Set.copyOf(senders)));
        this.owned = Map.copyOf(ownedCopy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SenderPools none() {
        return builder().build();
    }

    /**
     * The sender of {@code pool} on {@code account} for a destination in {@code country}: a sender listed for that
     * country first, else one listed for any country, in the order they were added. A call needs a number.
     */
    public Optional<Sender> pick(SenderPool pool, AccountId account, String country, boolean needsNumber) {
        Map<AccountId, List<Binding>> byAccount = pools.get(Checks.required(pool, "pool").name());
        List<Binding> bindings = byAccount == null ? null : byAccount.get(account);
        if (bindings == null) {
            return Optional.empty();
        }
        Sender anyCountry = null;
        for (Binding binding : bindings) {
            if (needsNumber && !(binding.sender() instanceof PhoneNumber)) {
                continue;
            }
            if (binding.countries().contains(country)) {
                return Optional.of(binding.sender());
            }
            if (anyCountry == null && binding.countries().isEmpty()) {
                anyCountry = binding.sender();
            }
        }
        return Optional.ofNullable(anyCountry);
    }

    /** Whether {@code account} owns the concrete sender (a number or sender ID). */
    public boolean owns(AccountId account, Sender sender) {
        Set<Sender> senders = owned.get(account);
        return senders != null && senders.contains(sender);
    }

    /** Whether the pool is known at all. */
    public boolean hasPool(SenderPool pool) {
        return pools.containsKey(pool.name());
    }

    /** Collects pools and owned senders. */
    public static final class Builder {
        private final Map<String, Map<AccountId, List<Binding>>> pools = new HashMap<>();
        private final Map<AccountId, Set<Sender>> owned = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds {@code sender} of {@code account} to {@code pool}, for destinations in {@code countries} (ISO alpha-2),
         * or for any destination when none is given.
         */
        public Builder add(String pool, AccountId account, Sender sender, String... countries) {
            String name = new SenderPool(pool).name();
            Checks.required(account, "account");
            requireConcrete(sender);
            Set<String> set = new HashSet<>();
            for (String country : countries) {
                set.add(RoutingPolicy.country(country, "sender pool"));
            }
            pools.computeIfAbsent(name, p -> new HashMap<>()).computeIfAbsent(account, a -> new ArrayList<>())
                    .add(new Binding(sender, Set.copyOf(set)));
            return owns(account, sender);
        }

        /** Declares that {@code account} owns these numbers or sender IDs. */
        public Builder owns(AccountId account, Sender... senders) {
            Checks.required(account, "account");
            for (Sender sender : senders) {
                owned.computeIfAbsent(account, a -> new HashSet<>()).add(requireConcrete(sender));
            }
            return this;
        }

        private static Sender requireConcrete(Sender sender) {
            Checks.required(sender, "sender");
            if (sender instanceof SenderPool pool) {
                throw SwitchboardException.invalid("sender", "must be a number or sender ID, got pool '"
                        + pool.name() + "'");
            }
            return sender;
        }

        public SenderPools build() {
            return new SenderPools(this);
        }
    }
}
