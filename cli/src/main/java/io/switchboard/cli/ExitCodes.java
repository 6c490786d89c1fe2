package io.switchboard.cli;

/** The exit codes of the command-line program, as documented in {@code docs/cli.md}. */
public final class ExitCodes {

    /** Done: sent, listed, quoted; for {@code demo}, the ledger check held. */
    public static final int OK = 0;
    /** Any other failure: a vendor error on a read, an I/O error, a failed demo check. */
    public static final int FAILURE = 1;
    /** The command line or its input is wrong: unknown option, bad number, unreadable CSV row, unknown account. */
    public static final int USAGE = 2;
    /** The message or call was accepted by no account; every attempt says why. */
    public static final int NOT_SENT = 3;
    /** An account may have accepted it (a timeout after the request was sent); it was not sent anywhere else. */
    public static final int OUTCOME_UNKNOWN = 4;
    /** The configuration file is invalid, or an account in it cannot be set up. */
    public static final int CONFIGURATION = 5;

    private ExitCodes() {
    }
}
