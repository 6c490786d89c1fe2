package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.SmsText;
import io.switchboard.domain.pricing.Product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What messages and calls cost on every account, without sending anything: one quote table, a batch compared
 * across accounts, past traffic repriced. Only pricing matters here (capability, rate, vendor limit, currency):
 * senders, health and the policy's country rules and cap are not applied. Totals are in the policy's currency.
 */
public final class CostQueries {

    private final RoutePlanner planner;
    private final RoutingPolicy policy;
    private final RandomGenerator unused = new SplittableRandom(0);

    CostQueries(RoutePlanner planner, RoutingPolicy policy) {
        this.planner = planner;
        this.policy = policy.toBuilder().leastCost().build();
    }

    /** One SMS ({@code text} to {@code to}) on every account. */
    public CostTable quote(PhoneNumber to, String text) {
        return quote(to, text, Channel.SMS);
    }

    /** One message on every account. */
    public CostTable quote(PhoneNumber to, String text, Channel channel) {
        Checks.required(to, "to");
        Checks.required(text, "text");
        Checks.required(channel, "channel");
        return table(Routable.Text.quote(to, Product.of(channel), SmsText.of(text)));
    }

    /** One call of {@code minutes} on every account. */
    public CostTable quoteCall(PhoneNumber to, long minutes) {
        Checks.required(to, "to");
        if (minutes <= 0) {
            throw SwitchboardException.invalid("minutes", "must be positive, got " + minutes);
        }
        return table(new Routable.Voice(null, to, minutes));
    }

    private CostTable table(Routable job) {
        planner.awaitPrices(job, policy.deadline());
        RoutePlan plan = plan(job);
        List<CostTable.Row> rows = new ArrayList<>(plan.candidates().size() + plan.exclusions().size());
        for (Candidate c : plan.candidates()) {
            rows.add(new CostTable.Row(c.account(), c.quote(), c.comparableTotal(), Optional.empty()));
        }
        List<Exclusion> excluded = new ArrayList<>(plan.exclusions());
        excluded.sort(Comparator.comparing(Exclusion::account));
        for (Exclusion e : excluded) {
            rows.add(new CostTable.Row(e.account(), Optional.empty(), Optional.empty(), Optional.of(e)));
        }
        return new CostTable(plan.destination(), plan.product(), plan.encoding(), plan.units(), rows);
    }

    private RoutePlan plan(Routable job) {
        return planner.plan(job, policy, HealthView.ALL_HEALTHY, Instant.EPOCH, unused, true);
    }

    /** Prices every SMS of {@code items} on every account, with the cheapest mix and its savings. */
    public BatchComparison compare(Iterable<BatchComparison.Item> items) {
        Checks.required(items, "items");
        Tally tally = new Tally();
        BigDecimal[] totals = new BigDecimal[planner.accounts().size()];
        String lastText = null;
        SmsText lastAnalysis = null;
        long index = 0;
        for (BatchComparison.Item item : items) {
            if (item == null) {
                Checks.required(item, "items[" + index + "]"); // the message is built only when it is needed
            }
            index++;
            if (!item.text().equals(lastText)) {
                lastText = item.text();
                lastAnalysis = SmsText.of(lastText);
            }
            planner.comparableTotals(Routable.Text.quote(item.to(), Product.SMS, lastAnalysis), policy, totals);
            tally.add(totals);
        }
        return tally.comparison();
    }

    /**
     * What past messages (as listed from their account) would have cost on every account. A message whose text the
     * vendor did not return is quoted with the segments it reported (one when it reported none).
     */
    public Repricing reprice(Iterable<Message> past) {
        Checks.required(past, "messages");
        List<Repricing.Row> rows = new ArrayList<>();
        Tally tally = new Tally();
        long skipped = 0;
        for (Message message : past) {
            PhoneNumber to;
            try {
                to = PhoneNumber.parse(message.to(), "to");
            } catch (SwitchboardException e) {
                skipped++;
                continue;
            }
            Product product = Product.of(message.channel());
            Routable.Text job;
            if (!message.text().isEmpty()) {
                job = Routable.Text.quote(to, product, SmsText.of(message.text()));
            } else {
                job = new Routable.Text(null, to, product, message.segments().orElse(1), Optional.empty(),
                        Optional.empty());
            }
            RoutePlan plan = plan(job);
            tally.add(plan);
            rows.add(new Repricing.Row(message.id(), message.account(), message.price(), table(job)));
        }
        return new Repricing(rows, tally.comparison().accounts(), skipped);
    }

    /** Running totals of a batch, per account and for the cheapest mix; arrays in the planner's account order. */
    private final class Tally {
        final List<AccountId> ids = new ArrayList<>();
        final Map<AccountId, Integer> index = new HashMap<>();
        final BigDecimal[] totals;
        final long[] priced;
        final long[] unpriced;
        final long[] share;
        BigDecimal mix = BigDecimal.ZERO;
        long messages;
        long unroutable;

        Tally() {
            for (AccountProfile account : planner.accounts()) {
                index.put(account.id(), ids.size());
                ids.add(account.id());
            }
            int n = ids.size();
            totals = new BigDecimal[n];
            java.util.Arrays.fill(totals, BigDecimal.ZERO);
            priced = new long[n];
            unpriced = new long[n];
            share = new long[n];
        }

        void add(RoutePlan plan) {
            messages++;
            List<Candidate> candidates = plan.candidates();
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                int at = index.get(c.account());
                totals[at] = totals[at].add(c.comparableTotal().orElseThrow().amount());
                priced[at]++;
            }
            List<Exclusion> exclusions = plan.exclusions();
            for (int i = 0; i < exclusions.size(); i++) {
                unpriced[index.get(exclusions.get(i).account())]++;
            }
            if (candidates.isEmpty()) {
                unroutable++;
            } else {
                Candidate cheapest = candidates.get(0);
                mix = mix.add(cheapest.comparableTotal().orElseThrow().amount());
                share[index.get(cheapest.account())]++;
            }
        }

        /** One item by its totals per account in account order (null: the account cannot price it). */
        void add(BigDecimal[] item) {
            messages++;
            int cheapest = -1;
            for (int i = 0; i < item.length; i++) {
                BigDecimal amount = item[i];
                if (amount == null) {
                    unpriced[i]++;
                    continue;
                }
                totals[i] = totals[i].add(amount);
                priced[i]++;
                if (cheapest < 0 || RoutePlanner.before(amount, ids.get(i), item[cheapest], ids.get(cheapest),
                        policy.priority())) {
                    cheapest = i;
                }
            }
            if (cheapest < 0) {
                unroutable++;
            } else {
                mix = mix.add(item[cheapest]);
                share[cheapest]++;
            }
        }

        BatchComparison comparison() {
            List<BatchComparison.AccountTotal> accounts = new ArrayList<>();
            List<BatchComparison.Saving> savings = new ArrayList<>();
            Map<AccountId, Long> mixShare = new LinkedHashMap<>();
            Money mixTotal = new Money(mix, policy.currency());
            long served = messages - unroutable;
            for (int i = 0; i < ids.size(); i++) {
                AccountId account = ids.get(i);
                Money money = new Money(totals[i], policy.currency());
                accounts.add(new BatchComparison.AccountTotal(account, money, priced[i], unpriced[i]));
                long missing = served - priced[i];
                savings.add(new BatchComparison.Saving(account,
                        missing == 0 ? Optional.of(money.minus(mixTotal)) : Optional.empty(), missing));
                if (share[i] > 0) {
                    mixShare.put(account, share[i]);
                }
            }
            return new BatchComparison(messages, unroutable, accounts, mixTotal, mixShare, savings);
        }
    }
}
