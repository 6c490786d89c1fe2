package io.switchboard.cli;

import io.switchboard.application.BatchComparison;
import io.switchboard.cli.report.CostReport;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.pricing.Product;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code compare}: a batch of messages priced on every account, with the cheapest mix and what it saves. */
@Command(name = "compare", description = {"Prices every row of a CSV file of 'to,text' rows on every account: "
        + "per-account totals, the cheapest mix (each message through its cheapest account) and what the mix saves "
        + "against one provider, and per destination country the cheapest and dearest account. Reads the file "
        + "lazily, loading each country's prices before its first row; sends nothing."})
final class CompareCommand extends CliCommand {

    /** Inputs larger than this get a progress bar unless --no-progress. */
    static final long PROGRESS_THRESHOLD_BYTES = 64 * 1024;

    @Parameters(paramLabel = "FILE", description = "CSV of to,text rows (a 'to,text' header is skipped); '-' reads "
            + "standard input.")
    String file;

    @Option(names = "--progress", negatable = true, description = "Progress bar on stderr; by default shown for "
            + "files over 64 KiB when the program runs in a terminal.")
    Boolean progress;

    @Mixin
    HtmlReport html;

    @Override
    public Integer call() throws IOException {
        boolean stdin = "-".equals(file);
        Path path;
        try {
            path = stdin ? null : Converters.path(file);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw CliException.usage("'FILE' " + e.getMessage());
        }
        long size = stdin ? 0 : size(path);
        html.check();
        try (Session session = session()) {
            boolean show = progress != null ? progress
                    : root().environment().terminal() && size > PROGRESS_THRESHOLD_BYTES;
            ProgressBar bar = new ProgressBar(output().err(), "comparing", size);
            CostReport report;
            try (CsvItems items = new CsvItems(stdin ? "standard input" : file, open(path))) {
                items.onNewCountry(country -> session.warmUpCountries(List.of(country), Product.SMS));
                if (show) {
                    items.onProgress(bytes -> bar.update(bytes, items.rows()));
                }
                try {
                    report = CostReport.compare("compare", stdin ? "standard input" : file,
                            session.switchboard().costs().compare(List.of()), items,
                            session.switchboard().costs()::compare);
                } catch (RuntimeException e) {
                    bar.endLine(); // the error line that follows starts on a line of its own
                    throw e;
                }
                if (show) {
                    bar.finish(items.rows());
                }
            }
            html.write(report, output());
            if (output().isJson()) {
                output().json(JsonViews.comparison(report));
            } else {
                print(report.overall());
            }
            return ExitCodes.OK;
        }
    }

    private InputStream open(Path path) {
        if (path == null) {
            return root().environment().stdin().get();
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw CliException.usage("'FILE' " + ErrorText.quote(file) + " does not exist");
        } catch (IOException e) {
            throw CliException.usage("'FILE' " + ErrorText.quote(file) + " cannot be read: " + reason(e));
        }
    }

    private long size(Path path) {
        try {
            return Files.size(path);
        } catch (NoSuchFileException e) {
            throw CliException.usage("'FILE' " + ErrorText.quote(file) + " does not exist");
        } catch (IOException e) {
            throw CliException.usage("'FILE' " + ErrorText.quote(file) + " cannot be read: " + reason(e));
        }
    }

    /** Why a file could not be read, without the path that the message of a FileSystemException repeats. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return ErrorText.oneLine(fs.getReason());
        }
        return e.getClass().getSimpleName();
    }

    private void print(BatchComparison c) {
        Output out = output();
        out.line("Compared " + c.messages() + " message" + (c.messages() == 1 ? "" : "s")
                + (c.unroutable() == 0 ? "" : ", " + c.unroutable() + " that no account can price"));
        Table table = new Table("account", "total alone", "priced", "unpriced", "in cheapest mix", "mix saves");
        for (BatchComparison.AccountTotal total : c.accounts()) {
            AccountId account = total.account();
            String saves = c.savings().stream().filter(s -> s.account().equals(account)).findFirst()
                    .map(s -> s.saving().map(Object::toString)
                            .orElse("n/a: cannot serve " + s.itemsItCannotServe()))
                    .orElse("-");
            table.row(account, total.total(), total.priced(), total.unpriced(),
                    c.mixShare().getOrDefault(account, 0L), saves);
        }
        out.table(table);
        out.line("cheapest mix: " + c.cheapestMix() + " (each message through its cheapest account)");
    }
}
