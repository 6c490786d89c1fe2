package io.switchboard.cli;

import io.switchboard.AcrossAccounts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code messages list|get}: messages read back from the vendors. */
@Command(name = "messages", description = "Reads messages back from the accounts.",
        subcommands = {MessagesCommand.List.class, MessagesCommand.Get.class})
final class MessagesCommand {

    /** {@code messages list}. */
    @Command(name = "list", description = "Lists recent messages of one account, or of every account (newest first).")
    static final class List extends CliCommand {

        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account.")
        AccountId account;

        @Option(names = "--to", paramLabel = "NUMBER", description = "Only messages to this number.")
        String to;

        @Option(names = "--from", paramLabel = "SENDER", description = "Only messages from this sender.")
        String from;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
                description = "At most N messages in all, across accounts (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Listing.checkLimit(limit);
            try (Session session = session()) {
                MessageQuery query = MessageQuery.all().withTo(to).withFrom(from);
                var messages = session.switchboard().messages();
                AcrossAccounts<Message> result = account != null
                        ? Listing.one(page -> messages.list(account, query, page), limit)
                        : messages.list(query, limit);
                return Listing.print(output(), Listing.total(result, limit), "messages", JsonViews::message,
                        new Table("account", "id", "to", "from", "status", "segments", "price", "created"),
                        (table, m) -> table.row(m.account(), m.id(), m.to(), m.from(), m.status(),
                                m.segments().isPresent() ? m.segments().getAsInt() : null, m.price().orElse(null),
                                m.createdAt().orElse(null)));
            }
        }
    }

    /** {@code messages get}. */
    @Command(name = "get", description = "Shows one message.")
    static final class Get extends CliCommand {

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "The account it went through.")
        AccountId account;

        @Parameters(paramLabel = "ID", description = "The vendor's message id.")
        String id;

        @Override
        public Integer call() {
            try (Session session = session()) {
                return Listing.record(output(),
                        JsonViews.message(session.switchboard().messages().get(session.configured(account), id)));
            }
        }
    }
}
