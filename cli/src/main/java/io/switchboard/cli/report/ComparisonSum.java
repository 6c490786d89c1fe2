package io.switchboard.cli.report;

import io.switchboard.application.BatchComparison;
import io.switchboard.application.CostTable;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds comparisons of parts of a batch (or single quoted messages) into the comparison of the whole, with the rules
 * of {@code CostQueries.compare}: totals, counts and the mix add up, and an account saves against the mix only when
 * it can price every message that some account can. Sums are exact.
 */
public final class ComparisonSum {

    private final Currency currency;
    private final Map<AccountId, Line> lines = new LinkedHashMap<>();
    private Money mix;
    private long messages;
    private long unroutable;

    private static final class Line {
        Money total;
        long priced;
        long unpriced;
        long share;

        Line(Money zero) {
            total = zero;
        }
    }

    /**
     * A sum that starts empty with the accounts and currency of {@code empty}, such as the comparison of no messages:
     * accounts are listed in that order, as the router lists them.
     */
    public ComparisonSum(BatchComparison empty) {
        this.currency = empty.cheapestMix().currency();
        this.mix = Money.zero(currency);
        for (BatchComparison.AccountTotal total : empty.accounts()) {
            lines.put(total.account(), new Line(mix));
        }
        add(empty);
    }

    /** Adds the comparison of more messages. */
    public ComparisonSum add(BatchComparison part) {
        messages += part.messages();
        unroutable += part.unroutable();
        mix = mix.plus(part.cheapestMix());
        for (BatchComparison.AccountTotal total : part.accounts()) {
            Line line = line(total.account());
            line.total = line.total.plus(total.total());
            line.priced += total.priced();
            line.unpriced += total.unpriced();
        }
        part.mixShare().forEach((account, n) -> line(account).share += n);
        return this;
    }

    /**
     * Adds one message quoted on every account: each row with a comparable total prices it, every other row does
     * not, and the cheapest row takes it in the mix.
     */
    public ComparisonSum add(CostTable message) {
        messages++;
        for (CostTable.Row row : message.rows()) {
            Line line = line(row.account());
            if (row.comparableTotal().isPresent()) {
                line.total = line.total.plus(row.comparableTotal().get());
                line.priced++;
            } else {
                line.unpriced++;
            }
        }
        Optional<CostTable.Row> cheapest = message.cheapest().filter(row -> row.comparableTotal().isPresent());
        if (cheapest.isEmpty()) {
            unroutable++;
        } else {
            mix = mix.plus(cheapest.get().comparableTotal().get());
            line(cheapest.get().account()).share++;
        }
        return this;
    }

    private Line line(AccountId account) {
        return lines.computeIfAbsent(account, a -> new Line(Money.zero(currency)));
    }

    /** The comparison of everything added. */
    public BatchComparison result() {
        List<BatchComparison.AccountTotal> accounts = new ArrayList<>(lines.size());
        List<BatchComparison.Saving> savings = new ArrayList<>(lines.size());
        Map<AccountId, Long> share = new LinkedHashMap<>();
        long served = messages - unroutable;
        lines.forEach((account, line) -> {
            accounts.add(new BatchComparison.AccountTotal(account, line.total, line.priced, line.unpriced));
            long missing = served - line.priced;
            savings.add(new BatchComparison.Saving(account,
                    missing == 0 ? Optional.of(line.total.minus(mix)) : Optional.empty(), missing));
            if (line.share > 0) {
                share.put(account, line.share);
            }
        });
        return new BatchComparison(messages, unroutable, accounts, mix, share, savings);
    }
}
