package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.port.SendCapabilities;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Quote;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Request + policy -> plan. Pure: reads the price book's in-memory decks, the sender pools and a health snapshot,
 * and makes no I/O call.
 */
final class RoutePlanner {

    private final List<AccountProfile> accounts;
    private final PriceBook prices;
    private final SenderPools pools;

    RoutePlanner(List<AccountProfile> accounts, PriceBook prices, SenderPools pools) {
        this.accounts = List.copyOf(accounts);
        this.prices = prices;
        this.pools = pools;
    }

    List<AccountProfile> accounts() {
        return accounts;
    }

    /**
     * Waits (at most {@code atMost}, and at most the price book's load timeout) for the first load of the vendor
     * prices {@code job} needs on every account, so that planning does not leave out an account only because its
     * price is late; answers whether it waited. Shared by concurrent callers: one load per account, product and
     * country.
     */
    boolean awaitPrices(Routable job, java.time.Duration atMost) {
        List<AccountId> ids = new ArrayList<>(accounts.size());
        for (AccountProfile account : accounts) {
            if (account.serves(job.product())) {
                ids.add(account.id());
            }
        }
        return prices.awaitFirstLoads(ids, job.product(), job.to().regionCode(), atMost);
    }

    /** With {@code quoteOnly}, only what prices the request is checked: no pin, country rule, sender or health. */
    RoutePlan plan(Routable job, RoutingPolicy policy, HealthView health, Instant now, RandomGenerator random,
            boolean quoteOnly) {
        Product product = job.product();
        PhoneNumber to = job.to();
        String country = to.regionCode();
        int segments = job instanceof Routable.Text text ? text.segments() : 1;
        long minutes = job instanceof Routable.Voice voice ? voice.minutes() : 0;
        Optional<SmsEncoding> encoding = product == Product.SMS && job instanceof Routable.Text text
                ? text.encoding() : Optional.empty();
        long planUnits = switch (product) {
            case SMS -> segments;
            case MMS, WHATSAPP -> 1;
            case VOICE -> minutes;
        };

        List<Candidate> priced = new ArrayList<>(accounts.size());
        List<Candidate> unpriced = new ArrayList<>(0);
        List<Exclusion> exclusions = new ArrayList<>(0);
        for (AccountProfile account : accounts) {
            AccountId id = account.id();
            Sender from = job.from();
            if (!quoteOnly) {
                Exclusion ruled = rules(id, country, policy);
                if (ruled != null) {
                    exclusions.add(ruled);
                    continue;
                }
            }
            if (!account.serves(product)) {
                exclusions.add(new Exclusion(id, ExclusionReason.CAPABILITY_MISSING, "no "
                        + (product == Product.VOICE ? "voice" : "messaging") + " port"));
                continue;
            }
            Exclusion incapable = capability(account, job);
            if (incapable != null) {
                exclusions.add(incapable);
                continue;
            }
            if (!quoteOnly) {
                Object chosen = sender(id, job, country);
                if (chosen instanceof Exclusion e) {
                    exclusions.add(e);
                    continue;
                }
                from = (Sender) chosen;
                Exclusion unhealthy = health(id, health, now);
                if (unhealthy != null) {
                    exclusions.add(unhealthy);
                    continue;
                }
            }
            Exclusion tooLong = textLimit(account, job, segments);
            if (tooLong != null) {
                exclusions.add(tooLong);
                continue;
            }
            PriceLookup lookup = prices.lookup(id, product, to);
            if (lookup instanceof PriceLookup.Unpriced none) {
                if (quoteOnly || policy.unpriced(product) == RoutingPolicy.UnpricedHandling.EXCLUDE
                        || policy.maxPrice().isPresent()) {
                    exclusions.add(new Exclusion(id, ExclusionReason.UNPRICED, none.reason(), none.failure()));
                } else {
                    unpriced.add(new Candidate(id, Optional.ofNullable(from), Optional.empty(), Optional.empty()));
                }
                continue;
            }
            RateDeck.Match match = ((PriceLookup.Priced) lookup).match();
            Rate rate = match.rate();
            long units = switch (rate.unit()) {
                case SEGMENT -> segments;
                case MESSAGE -> 1;
                case MINUTE -> Math.max(minutes, 1);
            };
            Quote quote = Quote.of(id, product, match, units, encoding);
            Money comparable = quote.total();
            if (!comparable.currency().equals(policy.currency())) {
                Optional<Money> converted = policy.converter()
                        .flatMap(c -> c.convert(quote.total(), policy.currency()))
                        .filter(m -> m.currency().equals(policy.currency()));
                if (converted.isEmpty()) {
                    exclusions.add(new Exclusion(id, ExclusionReason.CURRENCY_MISMATCH, "priced in "
                            + comparable.currency() + ", compared in " + policy.currency()
                            + (policy.converter().isPresent() ? ": the converter has no rate"
                                    : " and no exchange-rate source was given")));
                    continue;
                }
                comparable = converted.get();
            }
            if (!quoteOnly && policy.maxPrice().isPresent() && comparable.isGreaterThan(policy.maxPrice().get())) {
                exclusions.add(new Exclusion(id, ExclusionReason.ABOVE_PRICE_CAP, comparable + " is above the cap of "
                        + policy.maxPrice().get()));
                continue;
            }
            priced.add(new Candidate(id, Optional.ofNullable(from), Optional.of(quote), Optional.of(comparable)));
        }
        return new RoutePlan(product, to, encoding, planUnits, order(priced, unpriced, policy, random), exclusions);
    }

    /**
     * The cost-query total of {@code job} on every account, in {@link #accounts()} order and the policy's currency,
     * or null where {@link #plan} with {@code quoteOnly} would exclude the account: the same checks in the same order
     * (capability, vendor text limit, rate, currency), without building candidates, quotes and a plan. For
     * batches, where millions of plans would be built only to be summed.
     */
    void comparableTotals(Routable job, RoutingPolicy policy, BigDecimal[] into) {
        Product product = job.product();
        PhoneNumber to = job.to();
        int segments = job instanceof Routable.Text text ? text.segments() : 1;
        long minutes = job instanceof Routable.Voice voice ? voice.minutes() : 0;
        for (int i = 0; i < accounts.size(); i++) {
            AccountProfile account = accounts.get(i);
            into[i] = null;
            if (!account.serves(product) || capability(account, job) != null
                    || textLimit(account, job, segments) != null) {
                continue;
            }
            Optional<Rate> found = prices.rate(account.id(), product, to);
            if (found.isEmpty()) {
                continue;
            }
            Rate rate = found.get();
            long units = switch (rate.unit()) {
                case SEGMENT -> segments;
                case MESSAGE -> 1;
                case MINUTE -> Math.max(minutes, 1);
            };
            Money total = rate.costOf(units);
            if (!total.currency().equals(policy.currency())) {
                Optional<Money> converted = policy.converter()
                        .flatMap(c -> c.convert(total, policy.currency()))
                        .filter(m -> m.currency().equals(policy.currency()));
                if (converted.isEmpty()) {
                    continue;
                }
                into[i] = converted.get().amount();
            } else {
                into[i] = total.amount();
            }
        }
    }

    /**
     * Whether account {@code a} with total {@code ta} comes before account {@code b} with total {@code tb} in a
     * least-cost plan: cheaper, then earlier in the priority list, then the smaller account id.
     */
    static boolean before(BigDecimal ta, AccountId a, BigDecimal tb, AccountId b, List<AccountId> priority) {
        int byTotal = ta.compareTo(tb);
        if (byTotal != 0) {
            return byTotal < 0;
        }
        int byPriority = Integer.compare(rank(priority, a), rank(priority, b));
        return byPriority != 0 ? byPriority < 0 : a.compareTo(b) < 0;
    }

    /**
     * CAPABILITY_MISSING when the account's vendor does not send the message's channel or does not take a call's
     * inline markup: what the vendor would refuse as UNSUPPORTED, so the exclusion carries that failure.
     */
    private static Exclusion capability(AccountProfile account, Routable job) {
        SendCapabilities accepts = account.accepts();
        String missing = null;
        String field = null;
        if (job instanceof Routable.Text text && !accepts.sends(text.channel())) {
            missing = "the vendor does not send " + text.channel() + " messages";
            field = "channel";
        } else if (job instanceof Routable.Voice voice && voice.inlineMarkup() && !accepts.inlineCallMarkup()) {
            missing = "the vendor takes call instructions only as a URL, not inline markup";
            field = "instructions";
        }
        if (missing == null) {
            return null;
        }
        return new Exclusion(account.id(), ExclusionReason.CAPABILITY_MISSING, missing, Optional.of(
                Failure.of(FailureKind.UNSUPPORTED, missing).withAccount(account.id()).withField(field)));
    }

    /**
     * VENDOR_LIMIT when the text is longer than the vendor accepts on the channel (its published limit) or than the
     * account's own {@link AccountSettings#maxSegments()}: what the vendor would refuse as INVALID_REQUEST, so the
     * exclusion carries that failure (and a request that no account takes is not sent, with that kind).
     */
    private static Exclusion textLimit(AccountProfile account, Routable job, int segments) {
        if (!(job instanceof Routable.Text text)) {
            return null;
        }
        String why = null;
        if (text.body().isPresent()) {
            why = account.accepts().tooLong(text.channel(), text.body().get()).orElse(null);
        }
        if (why == null && text.product() == Product.SMS && account.settings().maxSegments().isPresent()
                && segments > account.settings().maxSegments().getAsInt()) {
            why = "text needs " + segments + " segments, the account accepts "
                    + account.settings().maxSegments().getAsInt();
        }
        if (why == null) {
            return null;
        }
        return new Exclusion(account.id(), ExclusionReason.VENDOR_LIMIT, why, Optional.of(
                Failure.of(FailureKind.INVALID_REQUEST, why).withAccount(account.id()).withField("text")));
    }

    private static Exclusion rules(AccountId id, String country, RoutingPolicy policy) {
        if (policy.pinned().isPresent() && !policy.pinned().get().equals(id)) {
            return new Exclusion(id, ExclusionReason.NOT_PINNED, "the policy pins " + policy.pinned().get());
        }
        Set<AccountId> allowed = policy.allow().get(country);
        if (allowed != null && !allowed.contains(id)) {
            return new Exclusion(id, ExclusionReason.COUNTRY_RULE, "not on the allow list for " + country);
        }
        Set<AccountId> denied = policy.deny().get(country);
        if (denied != null && denied.contains(id)) {
            return new Exclusion(id, ExclusionReason.COUNTRY_RULE, "on the deny list for " + country);
        }
        return null;
    }

    /** The concrete sender for this account, or the exclusion saying why there is none. */
    private Object sender(AccountId id, Routable job, String country) {
        Sender requested = job.from();
        if (requested instanceof SenderPool pool) {
            Optional<Sender> picked = pools.pick(pool, id, country, job.product() == Product.VOICE);
            if (picked.isPresent()) {
                return picked.get();
            }
            return new Exclusion(id, ExclusionReason.NO_SENDER, "pool '" + pool.name() + "' has no "
                    + (job.product() == Product.VOICE ? "number" : "sender") + " on this account for " + country);
        }
        if (pools.owns(id, requested)) {
            return requested;
        }
        return new Exclusion(id, ExclusionReason.SENDER_NOT_OWNED, requested.value() + " is not owned by this account");
    }

    private static Exclusion health(AccountId id, HealthView health, Instant now) {
        if (health.circuitOpen(id, now)) {
            return new Exclusion(id, ExclusionReason.CIRCUIT_OPEN, "circuit breaker open");
        }
        return null;
    }

    private static List<Candidate> order(List<Candidate> priced, List<Candidate> unpriced, RoutingPolicy policy,
            RandomGenerator random) {
        List<AccountId> priority = policy.priority();
        if (policy.strategy() == RoutingPolicy.Strategy.LEAST_COST && unpriced.isEmpty()) {
            sortCheapestFirst(priced, priority);
            return priced;
        }
        Comparator<Candidate> byPriority = Comparator.comparingInt(c -> rank(priority, c.account()));
        Comparator<Candidate> cheapest = Comparator
                .<Candidate, java.math.BigDecimal>comparing(c -> c.comparableTotal().orElseThrow().amount())
                .thenComparing(byPriority)
                .thenComparing(Candidate::account);
        List<Candidate> ordered = new ArrayList<>(priced.size() + unpriced.size());
        switch (policy.strategy()) {
            case LEAST_COST -> {
                sortCheapestFirst(priced, priority);
                ordered.addAll(priced);
            }
            case PRIORITY -> {
                priced.sort(byPriority.thenComparing(cheapest));
                ordered.addAll(priced);
            }
            case WEIGHTED -> ordered.addAll(weighted(priced, policy, random, cheapest));
        }
        unpriced.sort(byPriority.thenComparing(Candidate::account));
        ordered.addAll(unpriced);
        return ordered;
    }

    /**
     * The order of the {@code cheapest} comparator (total, then priority, then account), by insertion sort over the
     * totals taken out once: a plan has a handful of candidates, and cost queries plan millions of times.
     */
    private static void sortCheapestFirst(List<Candidate> candidates, List<AccountId> priority) {
        int n = candidates.size();
        if (n < 2) {
            return;
        }
        Candidate[] sorted = candidates.toArray(new Candidate[0]);
        BigDecimal[] totals = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            totals[i] = sorted[i].comparableTotal().orElseThrow().amount();
        }
        for (int i = 1; i < n; i++) {
            Candidate c = sorted[i];
            BigDecimal total = totals[i];
            int j = i - 1;
            while (j >= 0 && before(total, c.account(), totals[j], sorted[j].account(), priority)) {
                sorted[j + 1] = sorted[j];
                totals[j + 1] = totals[j];
                j--;
            }
            sorted[j + 1] = c;
            totals[j + 1] = total;
        }
        for (int i = 0; i < n; i++) {
            candidates.set(i, sorted[i]);
        }
    }


    private static int rank(List<AccountId> priority, AccountId account) {
        int index = priority.indexOf(account);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /**
     * A random order where each weighted account comes first with probability proportional to its weight
     * (exponential keys, -ln(u)/w, smallest first); accounts without weight follow, cheapest first.
     */
    private static List<Candidate> weighted(List<Candidate> priced, RoutingPolicy policy, RandomGenerator random,
            Comparator<Candidate> cheapest) {
        List<Candidate> drawn = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        List<Candidate> rest = new ArrayList<>();
        for (Candidate c : priced) {
            int weight = policy.weights().getOrDefault(c.account(), 0);
            if (weight > 0) {
                double key = -Math.log(1.0 - random.nextDouble()) / weight;
                int at = 0;
                while (at < keys.size() && keys.get(at) <= key) {
                    at++;
                }
                keys.add(at, key);
                drawn.add(at, c);
            } else {
                rest.add(c);
            }
        }
        rest.sort(cheapest);
        drawn.addAll(rest);
        return drawn;
    }
}
