package io.switchboard.cli;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.EnumSet;
import java.util.Set;

/** {@code lookup}: what a vendor's lookup API knows about a number. */
@Command(name = "lookup", description = "Looks a number up (validity, country, carrier, line type, caller name) "
        + "through the first account that offers lookups, or through --account.")
final class LookupCommand extends CliCommand {

    @Parameters(paramLabel = "NUMBER", description = "The number, E.164.")
    PhoneNumber number;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Ask this account.")
    AccountId account;

    @Option(names = "--caller-name", description = "Also ask for the caller name (some vendors bill for it).")
    boolean callerName;

    @Override
    public Integer call() {
        Set<LookupField> fields = EnumSet.of(LookupField.LINE_TYPE);
        if (callerName) {
            fields.add(LookupField.CALLER_NAME);
        }
        try (Session session = session()) {
            var lookups = session.switchboard().lookup();
            NumberLookup result = account != null
                    ? lookups.lookup(session.configured(account), number, fields)
                    : lookups.lookup(number, fields);
            return Listing.record(output(), JsonViews.lookup(result));
        }
    }
}
