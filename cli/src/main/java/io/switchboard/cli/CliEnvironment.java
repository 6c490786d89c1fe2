package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the program takes from its surroundings: environment variables (where the configuration's secrets live),
 * how to start the embedded sandbox, and standard input. Tests pass their own; {@link #system()} is the real one.
 *
 * @param variables environment variable name to value, null when unset
 * @param sandbox starts the emulators the program runs against when no configuration file is given
 * @param stdin what {@code compare -} reads
 * @param terminal whether a person watches the output: progress bars are drawn only then, by default
 */
public record CliEnvironment(UnaryOperator<String> variables, Supplier<EmbeddedSandbox> sandbox,
        Supplier<InputStream> stdin, boolean terminal) {

    public CliEnvironment {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(stdin, "stdin");
    }

    /** Not a terminal: what tests and embedding programs use. */
    public CliEnvironment(UnaryOperator<String> variables, Supplier<EmbeddedSandbox> sandbox,
            Supplier<InputStream> stdin) {
        this(variables, sandbox, stdin, false);
    }

    /**
     * The process environment, a freshly started sandbox, {@code System.in}; a terminal when the JVM has a console
     * (neither standard input nor output redirected).
     */
    public static CliEnvironment system() {
        return new CliEnvironment(System::getenv, EmbeddedSandbox::start, () -> System.in, System.console() != null);
    }

    /** The same environment, with or without a terminal. */
    public CliEnvironment withTerminal(boolean isTerminal) {
        return new CliEnvironment(variables, sandbox, stdin, isTerminal);
    }
}
