package io.switchboard.cli;

import io.switchboard.AcrossAccounts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calls list|get}: calls read back from the vendors. */
@Command(name = "calls", description = "Reads calls back from the accounts.",
        subcommands = {CallsCommand.List.class, CallsCommand.Get.class})
final class CallsCommand {

    /** {@code calls list}. */
    @Command(name = "list", description = "Lists recent calls of one account, or of every account (newest first).")
    static final class List extends CliCommand {

        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account.")
        AccountId account;

        @Option(names = "--to", paramLabel = "NUMBER", description = "Only calls to this number.")
        String to;

        @Option(names = "--from", paramLabel = "NUMBER", description = "Only calls from this number.")
        String from;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
                description = "At most N calls in all, across accounts (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Listing.checkLimit(limit);
            try (Session session = session()) {
                CallQuery query = CallQuery.all().withTo(to).withFrom(from);
                var calls = session.switchboard().calls();
                AcrossAccounts<Call> result = account != null
                        ? Listing.one(page -> calls.list(session.configured(account), query, page), limit)
                        : calls.list(query, limit);
                return Listing.print(output(), Listing.total(result, limit), "calls", JsonViews::call,
                        new Table("account", "id", "to", "from", "status", "duration", "price", "started"),
                        (table, c) -> table.row(c.account(), c.id(), c.to(), c.from(), c.status(),
                                c.duration().map(d -> d.toSeconds() + " s").orElse(null), c.price().orElse(null),
                                c.startedAt().orElse(null)));
            }
        }
    }

    /** {@code calls get}. */
    @Command(name = "get", description = "Shows one call.")
    static final class Get extends CliCommand {

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "The account it went through.")
        AccountId account;

        @Parameters(paramLabel = "ID", description = "The vendor's call id.")
        String id;

        @Override
        public Integer call() {
            try (Session session = session()) {
                return Listing.record(output(),
                        JsonViews.call(session.switchboard().calls().get(session.configured(account), id)));
            }
        }
    }
}
