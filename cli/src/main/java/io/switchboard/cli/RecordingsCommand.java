package io.switchboard.cli;

import io.switchboard.AcrossAccounts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code recordings list|delete}: call recordings held by the vendors. */
@Command(name = "recordings", description = "Lists and deletes call recordings.",
        subcommands = {RecordingsCommand.List.class, RecordingsCommand.Delete.class})
final class RecordingsCommand {

    /** {@code recordings list}. */
    @Command(name = "list", description = "Lists the recordings of one account, or of every account.")
    static final class List extends CliCommand {

        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account.")
        AccountId account;

        @Option(names = "--call", paramLabel = "CALL_ID", description = "Only recordings of this call.")
        String call;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
                description = "At most N recordings in all, across accounts (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Listing.checkLimit(limit);
            try (Session session = session()) {
                RecordingQuery query = new RecordingQuery(Optional.ofNullable(call), Optional.empty(), Optional.empty());
                var recordings = session.switchboard().recordings();
                AcrossAccounts<Recording> result = account != null
                        ? Listing.one(page -> recordings.list(session.configured(account), query, page), limit)
                        : recordings.list(query, limit);
                return Listing.print(output(), Listing.total(result, limit), "recordings", JsonViews::recording,
                        new Table("account", "id", "call", "duration", "created", "price"),
                        (table, r) -> table.row(r.account(), r.id(), r.callId().orElse(null),
                                r.duration().toSeconds() + " s", r.createdAt().orElse(null), r.price().orElse(null)));
            }
        }
    }

    /** {@code recordings delete}. */
    @Command(name = "delete", description = "Deletes one recording.")
    static final class Delete extends CliCommand {

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "The account holding it.")
        AccountId account;

        @Parameters(paramLabel = "ID", description = "The vendor's recording id.")
        String id;

        @Override
        public Integer call() {
            try (Session session = session()) {
                session.switchboard().recordings().delete(session.configured(account), id);
                if (output().isJson()) {
                    output().json(Json.obj().with("deleted", id).with("account", account.toString()));
                } else {
                    output().line("deleted recording " + id + " on " + account);
                }
                return ExitCodes.OK;
            }
        }
    }
}
