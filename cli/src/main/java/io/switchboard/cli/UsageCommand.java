package io.switchboard.cli;

import io.switchboard.AcrossAccounts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.account.UsageQuery;
import io.switchboard.domain.account.UsageRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.Optional;

/** {@code usage}: billing usage records as the vendors report them. */
@Command(name = "usage", description = "Lists billing usage records of one account, or of every account that "
        + "reports usage.")
final class UsageCommand extends CliCommand {

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account.")
    AccountId account;

    @Option(names = "--category", paramLabel = "NAME", description = "Only this usage category (vendor's name, e.g. sms).")
    String category;

    @Option(names = "--start", paramLabel = "DATE", description = "From this day (YYYY-MM-DD).")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", description = "Until this day (YYYY-MM-DD).")
    LocalDate end;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "At most N records in all, across accounts (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (start != null && end != null && end.isBefore(start)) {
            throw CliException.usage("'--end' " + end + " is before '--start' " + start);
        }
        Listing.checkLimit(limit);
        try (Session session = session()) {
            UsageQuery query = new UsageQuery(Optional.ofNullable(category), Optional.ofNullable(start),
                    Optional.ofNullable(end));
            var usage = session.switchboard().usage();
            AcrossAccounts<UsageRecord> result = account != null
                    ? Listing.one(page -> usage.records(session.configured(account), query, page), limit)
                    : usage.records(query, limit);
            return Listing.print(output(), Listing.total(result, limit), "usage records", JsonViews::usage,
                    new Table("account", "category", "count", "usage", "price", "from", "to"),
                    (table, u) -> table.row(u.account(), u.category(),
                            u.count().toPlainString() + " " + u.countUnit(),
                            u.usage().toPlainString() + " " + u.usageUnit(), u.price().orElse(null), u.startDate(),
                            u.endDate()));
        }
    }
}
