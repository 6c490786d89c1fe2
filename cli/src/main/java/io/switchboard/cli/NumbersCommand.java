package io.switchboard.cli;

import io.switchboard.AcrossAccounts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code numbers list|get}: the numbers each account rents. */
@Command(name = "numbers", description = "Shows the numbers the accounts rent.",
        subcommands = {NumbersCommand.List.class, NumbersCommand.Get.class})
final class NumbersCommand {

    /** {@code numbers list}. */
    @Command(name = "list", description = "Lists the numbers of one account, or of every account.")
    static final class List extends CliCommand {

        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account.")
        AccountId account;

        @Option(names = "--contains", paramLabel = "DIGITS", description = "Only numbers containing these digits.")
        String contains;

        @Option(names = "--capability", paramLabel = "CAPABILITY", description = "Only numbers with this capability: "
                + "${COMPLETION-CANDIDATES}.")
        NumberCapability capability;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "At most N numbers in all, across accounts (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Listing.checkLimit(limit);
            try (Session session = session()) {
                NumberQuery query = new NumberQuery(Optional.ofNullable(contains), Optional.ofNullable(capability));
                var numbers = session.switchboard().numbers();
                AcrossAccounts<OwnedNumber> result = account != null
                        ? Listing.one(page -> numbers.list(session.configured(account), query, page), limit)
                        : numbers.list(query, limit);
                return Listing.print(output(), Listing.total(result, limit), "numbers", JsonViews::number,
                        new Table("account", "id", "number", "country", "capabilities", "status"),
                        (table, n) -> table.row(n.account(), n.id(), n.number(), n.countryIso().orElse(null),
                                String.join(",", n.capabilities().stream().map(Enum::name).sorted().toList()),
                                n.rawStatus()));
            }
        }
    }

    /** {@code numbers get}. */
    @Command(name = "get", description = "Shows one number.")
    static final class Get extends CliCommand {

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "The account renting it.")
        AccountId account;

        @Parameters(paramLabel = "ID", description = "The vendor's id of the number (for some vendors, the number).")
        String id;

        @Override
        public Integer call() {
            try (Session session = session()) {
                return Listing.record(output(),
                        JsonViews.number(session.switchboard().numbers().get(session.configured(account), id)));
            }
        }
    }
}
