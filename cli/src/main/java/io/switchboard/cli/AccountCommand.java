package io.switchboard.cli;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.account.AccountInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code account}: the configured accounts with their status and balance, as each vendor reports them. */
@Command(name = "account", description = "Shows each configured account (or one): the vendor's account id, "
        + "status, type and balance.")
final class AccountCommand extends CliCommand {

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account.")
    AccountId account;

    @Override
    public Integer call() {
        try (Session session = session()) {
            List<AccountId> accounts = account != null ? List.of(session.configured(account))
                    : session.switchboard().accounts();
            List<Object> json = new ArrayList<>();
            Table table = new Table("account", "vendor id", "name", "status", "type", "balance");
            int failed = 0;
            for (AccountId id : accounts) {
                try {
                    AccountInfo info = session.switchboard().usage().account(id);
                    json.add(JsonViews.accountInfo(info));
                    table.row(info.account(), info.vendorAccountId(), info.name().orElse(null), info.status(),
                            info.type().orElse(null), info.balance().orElse(null));
                } catch (SwitchboardException e) {
                    failed++;
                    json.add(Json.obj().with("account", id.toString()).with("failure", JsonViews.failure(e.failure())));
                    output().note(id + ": " + Output.failureWithoutAccount(e.failure()));
                }
            }
            if (output().isJson()) {
                output().json(Json.obj().with("accounts", json));
            } else if (!table.isEmpty()) {
                output().table(table);
            }
            return failed == accounts.size() ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }
}
