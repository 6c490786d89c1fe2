package io.switchboard.adapters.http;

import java.time.Duration;

/**
 * How long one account's exchanges may take: {@code connect} to open a connection, {@code readWrite} for each read
 * or write on it, and {@code call} for the whole exchange, which cuts off an answer that trickles in a byte at a time
 * under the read timeout. Each lies between one millisecond and {@link Integer#MAX_VALUE} milliseconds, the range
 * OkHttp accepts, so that a value that passes here never fails later inside the client builder.
 */
public record HttpTimeouts(Duration connect, Duration readWrite, Duration call) {

    // Before DEFAULTS, which is checked against them as it is built.
    private static final Duration SHORTEST = Duration.ofMillis(1);
    private static final Duration LONGEST = Duration.ofMillis(Integer.MAX_VALUE);

    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_WRITE = Duration.ofSeconds(20);
    public static final Duration DEFAULT_CALL = Duration.ofSeconds(60);
    public static final HttpTimeouts DEFAULTS = new HttpTimeouts(DEFAULT_CONNECT, DEFAULT_READ_WRITE, DEFAULT_CALL);

    public HttpTimeouts {
        check(connect, "connect");
        check(readWrite, "readWrite");
        check(call, "call");
    }

    public HttpTimeouts withConnect(Duration value) {
        return new HttpTimeouts(value, readWrite, call);
    }

    public HttpTimeouts withReadWrite(Duration value) {
        return new HttpTimeouts(connect, value, call);
    }

    public HttpTimeouts withCall(Duration value) {
        return new HttpTimeouts(connect, readWrite, value);
    }

    private static void check(Duration value, String component) {
        if (value == null) {
            throw new Invalid(component, "is required");
        }
        if (value.compareTo(SHORTEST) < 0) {
            throw new Invalid(component, "must be at least 1 ms, got " + value);
        }
        if (value.compareTo(LONGEST) > 0) {
            throw new Invalid(component, "must be at most " + LONGEST + ", got " + value);
        }
    }

    /** A timeout out of range; {@link #component()} names the record component, for a config to name its field. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String component;
        private final String problem;

        Invalid(String component, String problem) {
            super("the " + component + " timeout " + problem);
            this.component = component;
            this.problem = problem;
        }

        /** {@code connect}, {@code readWrite} or {@code call}. */
        public String component() {
            return component;
        }

        /** What is wrong, without the component's name: {@code "must be at least 1 ms, got PT0S"}. */
        public String problem() {
            return problem;
        }
    }
}
