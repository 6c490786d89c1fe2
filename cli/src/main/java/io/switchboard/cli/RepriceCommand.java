package io.switchboard.cli;

import io.switchboard.application.BatchComparison;
import io.switchboard.application.CostTable;
import io.switchboard.application.Repricing;
import io.switchboard.cli.report.CostReport;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.pricing.Product;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code reprice}: one account's past messages priced on every account. */
@Command(name = "reprice", description = {"Lists past messages of one account and prices each of them on every "
        + "account: what that traffic would have cost elsewhere. Sends nothing."})
final class RepriceCommand extends CliCommand {

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "The account whose traffic "
            + "to reprice (twilio:work).")
    AccountId account;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N recent messages "
            + "(default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--to", paramLabel = "NUMBER", description = "Only messages to this number.")
    String to;

    @Mixin
    HtmlReport html;

    @Override
    public Integer call() {
        Listing.checkLimit(limit);
        html.check();
        try (Session session = session()) {
            session.configured(account);
            MessageQuery query = to == null ? MessageQuery.all() : MessageQuery.all().withTo(to);
            List<Message> past = Pages.collect(page -> session.switchboard().messages().list(account, query, page),
                    limit, Math.min(limit, 100));
            session.warmUp(destinations(past), past.stream().map(m -> Product.of(m.channel())).distinct()
                    .toArray(Product[]::new));
            Repricing repricing = session.switchboard().router().costs().reprice(past);
            CostReport report = CostReport.quoted("reprice", "past messages of " + account,
                    session.switchboard().router().costs().compare(List.of()),
                    repricing.messages().stream().map(Repricing.Row::alternatives).toList());
            html.write(report, output());
            if (output().isJson()) {
                output().json(JsonViews.repricing(repricing).with("account", account.toString())
                        .with("comparison", JsonViews.comparison(report)));
            } else {
                print(repricing);
            }
            return ExitCodes.OK;
        }
    }

    private static List<PhoneNumber> destinations(List<Message> messages) {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (Message message : messages) {
            try {
                numbers.add(PhoneNumber.parse(message.to(), "to"));
            } catch (SwitchboardException e) {
                // not an E.164 destination: reprice skips it and counts it
            }
        }
        return numbers;
    }

    private void print(Repricing r) {
        Output out = output();
        out.line("Repriced " + r.messages().size() + " past message" + (r.messages().size() == 1 ? "" : "s")
                + " of " + account + (r.skipped() == 0 ? "" : " (" + r.skipped() + " skipped: no E.164 destination)"));
        if (r.messages().isEmpty()) {
            return;
        }
        Map<Currency, Money> charged = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        r.messages().stream().map(Repricing.Row::charged).flatMap(Optional::stream)
                .forEach(price -> charged.merge(price.currency(), price, Money::plus));
        if (!charged.isEmpty()) {
            out.line("charged by " + account + " (as the vendor reports it): "
                    + charged.values().stream().map(Money::toString).collect(Collectors.joining(" + ")));
        }
        Table totals = new Table("account", "would have cost", "priced", "unpriced");
        for (BatchComparison.AccountTotal total : r.totals()) {
            totals.row(total.account(), total.total(), total.priced(), total.unpriced());
        }
        out.table(totals);
        if (out.isVerbose()) {
            Table rows = new Table("message", "to", "charged", "cheapest account", "cheapest price");
            for (Repricing.Row row : r.messages()) {
                CostTable alternatives = row.alternatives();
                rows.row(row.messageId(), alternatives.destination().e164(), row.charged().orElse(null),
                        alternatives.cheapest().map(CostTable.Row::account).orElse(null),
                        alternatives.cheapest().flatMap(CostTable.Row::quote).map(q -> q.total()).orElse(null));
            }
            out.table(rows);
        }
    }
}
