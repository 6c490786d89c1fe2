package io.switchboard.adapters.http;

import okhttp3.Headers;

import java.util.Objects;
import java.util.function.Function;

/**
 * How one exchange ended, in the four ways an adapter classifies differently: a 2xx with its body, a non-2xx with the
 * start of its body, a 2xx whose body could not be read, or no answer at all. Each adapter's error table turns the
 * last three into its own failures; this module knows no vendor and no failure kinds.
 */
public sealed interface HttpOutcome<T> {

    /** The body of a {@link Success}, or the exception {@code failure} makes of any other outcome, thrown. */
    default T orElseThrow(Function<? super HttpOutcome<T>, ? extends RuntimeException> failure) {
        if (this instanceof Success<T> success) {
            return success.body();
        }
        throw failure.apply(this);
    }

    /** A 2xx answer; {@code body} is null when the answer had none (a 204). */
    record Success<T>(int status, Headers headers, T body) implements HttpOutcome<T> {
        public Success {
            Objects.requireNonNull(headers, "headers");
        }
    }

    /**
     * A non-2xx answer, redirects included (none is ever followed). {@code errorText} is at most
     * {@link ErrorBodies#MAX_BYTES} of its body, empty when it had none or it could not be read.
     */
    record HttpError<T>(int status, Headers headers, String errorText) implements HttpOutcome<T> {
        public HttpError {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(errorText, "errorText");
        }
    }

    /**
     * A 2xx answer whose body could not be read: malformed, cut short, larger than the cap, or arriving past a
     * timeout. The vendor answered, so a send it acknowledged may well have been accepted.
     */
    record Unreadable<T>(int status, Exception cause) implements HttpOutcome<T> {
        public Unreadable {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * No answer: the connection could not be made, or broke, or timed out. {@code mayHaveReachedVendor} is false only
     * when the failure came before OkHttp started writing the request on an open connection (see
     * {@link AccountHttp} for why that is the line).
     */
    record TransportFailure<T>(Exception cause, boolean mayHaveReachedVendor) implements HttpOutcome<T> {
        public TransportFailure {
            Objects.requireNonNull(cause, "cause");
        }

        /**
         * Whether our side failed while building the request, before anything was written: a runtime error, not an
         * I/O one (a credential that cannot go into a header, an interceptor that threw). Nothing reached the vendor,
         * and sending again through the same account fails the same way: the account's configuration is at fault.
         * Adapters report it without the cause's message, which may quote a header value.
         */
        public boolean unbuilt() {
            return !mayHaveReachedVendor && !(cause instanceof java.io.IOException);
        }
    }
}
