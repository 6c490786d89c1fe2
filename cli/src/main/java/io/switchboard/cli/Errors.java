package io.switchboard.cli;

import io.switchboard.domain.SwitchboardException;

import java.util.Optional;

/** Finding the failure behind an exception that a framework (Guice, picocli) may have wrapped. */
final class Errors {

    private Errors() {
    }

    static Optional<SwitchboardException> switchboardCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SwitchboardException e) {
                return Optional.of(e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
