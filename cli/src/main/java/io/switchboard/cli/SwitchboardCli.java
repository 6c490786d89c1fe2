package io.switchboard.cli;

import io.switchboard.domain.ErrorText;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The command-line program: {@code java -jar switchboard.jar <command>}. Every command runs on the embedded sandbox
 * unless {@code --config} names a configuration file; {@code --json} prints one JSON document instead of tables.
 * Exit codes are those of {@link ExitCodes}.
 */
@Command(name = "switchboard", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = SwitchboardCli.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Sends messages and places calls through Twilio, Plivo and Telnyx with least-cost routing "
                + "and failover.", "Without --config, every command runs against the embedded sandbox: the "
                + "three vendors' emulators started in this process."},
        subcommands = {SendCommand.class, CallCommand.class, QuoteCommand.class, CompareCommand.class,
                RepriceCommand.class, MessagesCommand.class, CallsCommand.class, NumbersCommand.class,
                RecordingsCommand.class, UsageCommand.class, LookupCommand.class, AccountCommand.class,
                SandboxCommand.class, DemoCommand.class, ServeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:other failure", "2:usage error", "3:not sent", "4:outcome unknown",
                "5:configuration error"})
public final class SwitchboardCli implements Callable<Integer> {

    /** Held so that java.util.logging, which keeps loggers weakly, does not forget the level set on it. */
    private static final java.util.logging.Logger CAFFEINE_LOG =
            java.util.logging.Logger.getLogger("com.github.benmanes.caffeine");

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "YAML configuration (accounts, rate decks, sender pools, routing); secrets come from the "
                    + "environment variables it names. Without it: the embedded sandbox.")
    private Path config;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document on stdout instead of tables.")
    private boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print more: every attempt, the configuration and price loading, error causes (never a "
                    + "secret).")
    private boolean verbose;

    private final CliEnvironment environment;
    private final Redactor redactor = new Redactor();
    private Output output;

    private SwitchboardCli(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String... args) {
        quietLogging();
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        Writer err = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
        int code = commandLine(CliEnvironment.system(), out, err).execute(args);
        System.exit(code);
    }

    /**
     * Library log lines stay quiet unless something is wrong, one line each and never a stack trace: SLF4J's simple
     * logger at warn (HikariCP's pool at error), and java.util.logging (Caffeine, OkHttp) on one line. Caffeine's warning about a failed price
     * refresh is dropped: the failure is the same one {@code --verbose} reports from the warm-up.
     */
    private static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // HikariCP warns with a stack trace for each connection a database outage breaks; the state store's own
        // one-line warnings say what matters (the store is away, nothing is sent twice).
        if (System.getProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "error");
        }
        CAFFEINE_LOG.setLevel(Level.OFF);
        for (Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new Formatter() {
                @Override
                public String format(LogRecord record) {
                    return Output.PROGRAM + ": " + record.getLevel() + " " + record.getLoggerName() + ": "
                            + formatMessage(record) + (record.getThrown() == null ? ""
                            : " (" + record.getThrown().getClass().getSimpleName() + ")") + System.lineSeparator();
                }
            });
        }
    }

    /** The program over the given environment and writers, ready to {@code execute(args)}; for tests and embedding. */
    public static CommandLine commandLine(CliEnvironment environment, Writer out, Writer err) {
        SwitchboardCli root = new SwitchboardCli(environment);
        CommandLine commandLine = new CommandLine(root);
        PrintWriter o = root.redactor.wrap(out);
        PrintWriter e = root.redactor.wrap(err);
        commandLine.setOut(o);
        commandLine.setErr(e);
        root.output = new Output(o, e, () -> root.json, () -> root.verbose);
        Converters.register(commandLine);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --channel whatsapp
        commandLine.setExpandAtFiles(false); // an argument starting with '@' is a value, never a file to read
        commandLine.setParameterExceptionHandler(root::usageError);
        commandLine.setExecutionExceptionHandler(root::failure);
        return commandLine;
    }

    /** Without a command: the usage, and a usage error. */
    @Override
    public Integer call() {
        output.note("a command is required; see 'switchboard --help'");
        return ExitCodes.USAGE;
    }

    Path config() {
        return config;
    }

    CliEnvironment environment() {
        return environment;
    }

    Redactor redactor() {
        return redactor;
    }

    Output output() {
        return output;
    }

    private int usageError(ParameterException e, String[] args) {
        String name = e.getCommandLine().getCommandSpec().qualifiedName();
        output.err().println(name + ": " + picocliMessage(e.getMessage()) + " (see '" + name + " --help')");
        output.err().flush();
        return ExitCodes.USAGE;
    }

    /**
     * Picocli's own messages quote the arguments they could not match whole ({@code Unmatched argument at index 1:
     * '...'}): each quoted value is cut as {@link ErrorText#quote} cuts, and the line escaped.
     */
    static String picocliMessage(String message) {
        return message == null ? "" : ErrorText.requote(message);
    }

    private int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
        int code;
        String message;
        Optional<SwitchboardException> failure = Errors.switchboardCause(e);
        if (e instanceof CliException cli) {
            code = cli.exitCode();
            message = cli.getMessage();
        } else if (failure.isPresent()) {
            code = failure.get().kind() == FailureKind.INVALID_REQUEST ? ExitCodes.USAGE : ExitCodes.FAILURE;
            message = failure.get().failure().toString();
        } else if (e instanceof UncheckedIOException || e instanceof IOException) {
            code = ExitCodes.FAILURE;
            Throwable io = e.getCause() != null ? e.getCause() : e;
            message = "input/output error: " + (io instanceof java.nio.file.FileSystemException fs
                    ? ErrorText.quote(fs.getFile()) + (fs.getReason() == null ? "" : ": " + fs.getReason())
                    : io.getMessage());
        } else {
            code = ExitCodes.FAILURE;
            message = "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        message = ErrorText.oneLine(message); // whatever the cause quoted, the error stays one line
        if (json) {
            Json.Obj error = Json.obj().with("exitCode", code).with("message", message);
            failure.ifPresent(f -> error.with("failure", JsonViews.failure(f.failure())));
            output.json(Json.obj().with("error", error));
        }
        PrintWriter err = output.err();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + message);
        if (verbose) {
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                err.println("  caused by " + cause.getClass().getName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            }
        }
        err.flush();
        return code;
    }

    /** The version from the runnable jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SwitchboardCli.class.getPackage().getImplementationVersion();
            return new String[] {"switchboard " + (version == null ? "(development build)" : version)};
        }
    }
}
