package io.switchboard.cli;

import io.switchboard.cli.report.CostReport;
import io.switchboard.cli.report.CostReportHtml;
import io.switchboard.domain.ErrorText;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --html FILE} option of the cost commands: the report written as one self-contained HTML page. The
 * file's directory is checked before any pricing starts, so a typo costs no work.
 */
final class HtmlReport {

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as one self-contained "
            + "HTML page (charts and sortable tables; opens without a network) to FILE, replacing it.")
    Path file;

    /** A usage error naming the option when the page could not be written where asked. */
    void check() {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw CliException.usage("'--html' " + shown() + " is a directory; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw CliException.usage("'--html' " + shown() + ": directory " + ErrorText.quote(parent.toString())
                    + " does not exist");
        }
    }

    /** Writes the page when the option was given, and says where on stderr. */
    void write(CostReport report, Output output) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, CostReportHtml.render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fs && fs.getReason() != null
                    ? ErrorText.oneLine(fs.getReason()) : e.getClass().getSimpleName();
            throw CliException.usage("'--html' " + shown() + " cannot be written: " + reason);
        }
        output.note("wrote the HTML report to " + ErrorText.oneLine(file.toString()));
    }

    private String shown() {
        return ErrorText.quote(file.toString());
    }
}
