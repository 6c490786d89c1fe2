package io.switchboard.cli;

import io.switchboard.application.Attempt;
import io.switchboard.application.Delivery;
import io.switchboard.domain.Failure;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * Where and how the program prints: results on stdout (a table for people, or one JSON document with {@code --json}),
 * notes and errors on stderr, details only with {@code --verbose}. Both writers mask configured secrets.
 */
final class Output {

    static final String PROGRAM = "switchboard";

    private final PrintWriter out;
    private final PrintWriter err;
    private final BooleanSupplier json;
    private final BooleanSupplier verbose;

    Output(PrintWriter out, PrintWriter err, BooleanSupplier json, BooleanSupplier verbose) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
    }

    boolean isJson() {
        return json.getAsBoolean();
    }

    boolean isVerbose() {
        return verbose.getAsBoolean();
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** The one JSON document of a command. */
    void json(Object tree) {
        out.println(Json.pretty(tree));
        out.flush();
    }

    void line(String text) {
        out.println(text);
    }

    void table(Table table) {
        table.lines().forEach(out::println);
    }

    /** One line on stderr, prefixed with the program's name. */
    void note(String text) {
        err.println(PROGRAM + ": " + text);
        err.flush();
    }

    /** A line on stderr only with {@code --verbose}. */
    void detail(String text) {
        if (isVerbose()) {
            err.println(PROGRAM + ": " + text);
            err.flush();
        }
    }

    /** People's view of a delivery: what happened, then the attempts when there was more than one, or always with -v. */
    void delivery(Delivery delivery, String what) {
        if (delivery instanceof Delivery.Sent sent) {
            line("sent " + what + " through " + sent.account() + " from " + sent.from() + ", id " + sent.vendorId());
            sent.quote().ifPresent(q -> line("  price: " + q.explanation()));
        } else if (delivery instanceof Delivery.NotSent notSent) {
            line("not sent: " + notSent.failure());
        } else if (delivery instanceof Delivery.OutcomeUnknown unknown) {
            line("outcome unknown on " + unknown.account() + ": " + unknown.failure().message()
                    + " (not tried anywhere else, so it is never sent twice)");
        }
        if (delivery.attempts().size() > 1 || isVerbose()) {
            line("  attempts:");
            for (Attempt attempt : delivery.attempts()) {
                line("    " + attempt(attempt));
            }
        }
    }

    static String attempt(Attempt attempt) {
        StringBuilder s = new StringBuilder(attempt.account().toString()).append(' ').append(attempt.outcome());
        attempt.failure().ifPresent(f -> s.append(": ").append(failureWithoutAccount(f)));
        s.append(" (").append(attempt.latency().toMillis()).append(" ms)");
        return s.toString();
    }

    /** A failure in one line without its account, for places where the account is already named. */
    static String failureWithoutAccount(Failure failure) {
        StringBuilder s = new StringBuilder(failure.kind().name());
        failure.httpStatus().ifPresent(h -> s.append(" (HTTP ").append(h).append(')'));
        failure.vendorCode().ifPresent(c -> s.append(" [code ").append(c).append(']'));
        return s.append(": ").append(failure.message()).toString();
    }
}
