package io.switchboard.domain;

/**
 * The one exception type of Switchboard: it carries a {@link Failure} that says what kind of failure this is and
 * whether the outcome is known. Invalid values are reported as {@link FailureKind#INVALID_REQUEST}.
 */
public class SwitchboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public SwitchboardException(Failure failure) {
        this(failure, null);
    }

    public SwitchboardException(Failure failure, Throwable cause) {
        super(failure == null ? "failure is required" : failure.toString(), cause);
        this.failure = failure == null ? Failure.of(FailureKind.INVALID_REQUEST, "failure is required") : failure;
    }

    /** An invalid value: {@code invalid("to", "must be an E.164 number, got '4155552671'")}. */
    public static SwitchboardException invalid(String field, String problem) {
        return new SwitchboardException(Failure.invalid(field, problem));
    }

    public Failure failure() {
        return failure;
    }

    public FailureKind kind() {
        return failure.kind();
    }
}
