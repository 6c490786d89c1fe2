package io.switchboard.config;

import io.switchboard.domain.Checks;

/**
 * A credential read from an environment variable. Its {@code toString()} names the variable, never the value, so a
 * secret cannot leak through a log line, an exception message or a configuration dump.
 */
public final class Secret {

    private final String variable;
    private final String value;

    private Secret(String variable, String value) {
        this.variable = variable;
        this.value = value;
    }

    /** A secret that came from environment variable {@code variable}. */
    public static Secret fromEnvironment(String variable, String value) {
        return new Secret(Checks.notBlank(variable, "variable"), Checks.notBlank(value, variable));
    }

    /** A secret given in code (embedding applications, the sandbox's fixed credentials). */
    public static Secret of(String value) {
        return new Secret("(in code)", Checks.notBlank(value, "secret"));
    }

    /** The secret itself; pass it straight to the adapter and nowhere else. */
    public String reveal() {
        return value;
    }

    public String variable() {
        return variable;
    }

    @Override
    public String toString() {
        return "Secret[" + variable + "=****]";
    }
}
