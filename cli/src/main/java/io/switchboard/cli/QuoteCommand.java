package io.switchboard.cli;

import io.switchboard.application.CostTable;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.message.SmsText;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Quote;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/** {@code quote}: what one message (or call) costs on every account, cheapest first. Sends nothing. */
@Command(name = "quote", description = {"Prices one SMS (or a call with --minutes) on every account: cheapest first, "
        + "with encoding, segments and rate, then the accounts that cannot serve it and why. Sends nothing.",
        "Exit 0 when at least one account can serve it, 3 when none can."})
final class QuoteCommand extends CliCommand {

    @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "Destination, E.164.")
    PhoneNumber to;

    @ArgGroup(multiplicity = "1")
    What what;

    /** A text to price as SMS, or minutes of a call. */
    static final class What {
        @Option(names = "--text", paramLabel = "TEXT", description = "The SMS text (decides encoding and segments).")
        String text;

        @Option(names = "--minutes", paramLabel = "N", description = "Price a call of N minutes instead.")
        Long minutes;
    }

    @Override
    public Integer call() {
        if (what.minutes != null && what.minutes <= 0) {
            throw CliException.usage("'--minutes' must be positive, got " + what.minutes);
        }
        try (Session session = session()) {
            boolean call = what.minutes != null;
            session.warmUp(List.of(to), call ? Product.VOICE : Product.SMS);
            CostTable table = call ? session.switchboard().costs().quoteCall(to, what.minutes)
                    : session.switchboard().costs().quote(to, what.text);
            if (output().isJson()) {
                output().json(JsonViews.costTable(table));
            } else {
                print(table, call);
            }
            // Nothing could be sent there: a script must see it without parsing the table.
            return table.cheapest().isEmpty() ? ExitCodes.NOT_SENT : ExitCodes.OK;
        }
    }

    private void print(CostTable table, boolean call) {
        Output out = output();
        if (call) {
            out.line("Call to " + table.destination().e164() + " (" + table.destination().regionCode() + "), "
                    + table.units() + " minute" + (table.units() == 1 ? "" : "s"));
        } else {
            SmsText sms = SmsText.of(what.text);
            String why = sms.ucs2Forcers().isEmpty() ? ""
                    : ", UCS-2 because of " + String.join(" ", sms.ucs2Forcers().stream().limit(5).map(ErrorText::oneLine).toList());
            out.line("SMS to " + table.destination().e164() + " (" + table.destination().regionCode() + "), "
                    + sms.encoding().label() + ", " + sms.segmentCount() + " segment"
                    + (sms.segmentCount() == 1 ? "" : "s") + why);
        }
        Table rows = new Table("account", "encoding", call ? "minutes" : "segments", "rate", "total", "note");
        boolean first = true;
        for (CostTable.Row row : table.rows()) {
            if (row.quote().isPresent()) {
                Quote q = row.quote().get();
                rows.row(row.account(), q.encoding().map(SmsEncoding::label).orElse("-"), q.units(),
                        q.rate(), q.total(), first ? "cheapest" : "");
                first = false;
            } else {
                rows.row(row.account(), "-", "-", "-", "-", row.exclusion()
                        .map(e -> "cannot serve: " + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")")).orElse(""));
            }
        }
        out.table(rows);
        if (table.cheapest().isEmpty()) {
            out.note("no account can serve " + table.destination().e164());
        }
    }
}
