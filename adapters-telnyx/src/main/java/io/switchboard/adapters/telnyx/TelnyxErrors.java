package io.switchboard.adapters.telnyx;

import com.squareup.moshi.JsonAdapter;
import io.switchboard.adapters.http.HttpOutcome;
import io.switchboard.adapters.http.RetryAfter;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import okhttp3.Headers;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns Telnyx answers and transport failures into classified {@link Failure}s. The one place that knows what a
 * Telnyx status and error code mean for routing; messages carry the vendor's words, never a request header.
 */
final class TelnyxErrors {

    /** Telnyx "Authentication failed". */
    static final String AUTHENTICATION_FAILED = "10009";
    /** Telnyx "Too many requests". */
    static final String TOO_MANY_REQUESTS = "10011";
    /** Telnyx "Resource not found". */
    static final String NOT_FOUND = "10005";
    /**
     * Codes that say the account may not reach this destination: 10010 "Authorization failed" (no permission for the
     * action, as for a country not enabled) and 10039 "Only pre-verified destinations are allowed at this account
     * level" (trial accounts).
     */
    static final Set<String> DESTINATION_CODES = Set.of("10010", "10039");

    private static final int MAX_BODY_IN_MESSAGE = 200;
    private static final JsonAdapter<TelnyxDto.Errors> ERRORS = TelnyxJson.MOSHI.adapter(TelnyxDto.Errors.class);

    private final AccountId account;
    private final Clock clock;
    private final RetryAfter retryAfter;

    TelnyxErrors(AccountId account, Clock clock) {
        this.account = account;
        this.clock = clock;
        this.retryAfter = new RetryAfter(clock);
    }

    /** Whether a request may be sent again without risk of doing its effect twice. */
    enum Effect {
        /** Sends and dials: a lost answer means the outcome is unknown. */
        ONCE,
        /** Reads and deletes: a lost answer means the vendor was unavailable. */
        REPEATABLE
    }

    /** The failure for an exchange that did not end in a 2xx. */
    SwitchboardException failure(HttpOutcome<?> outcome, Effect effect) {
        if (outcome instanceof HttpOutcome.HttpError<?> error) {
            return fromResponse(error.status(), error.headers(), error.errorText());
        }
        if (outcome instanceof HttpOutcome.Unreadable<?> unreadable) {
            return malformed(unreadable.status(), effect, unreadable.cause());
        }
        HttpOutcome.TransportFailure<?> lost = (HttpOutcome.TransportFailure<?>) outcome;
        if (lost.unbuilt()) {
            return unbuilt(lost.cause());
        }
        return fromTransport(lost.cause(), lost.mayHaveReachedVendor(), effect);
    }

    /** A non-2xx answer, classified by HTTP status and the first Telnyx error code. */
    SwitchboardException fromResponse(int status, Headers headers, String body) {
        TelnyxDto.Error first = firstError(body);
        String code = first == null ? null : first.code();
        FailureKind kind = classify(status, code, first);
        Failure failure = Failure.of(kind, message(status, first, body)).withAccount(account).withHttpStatus(status);
        if (code != null && !code.isBlank()) {
            failure = failure.withVendorCode(code);
        }
        String field = first == null ? null : field(first.source());
        if (field != null) {
            failure = failure.withField(field);
        }
        if (kind == FailureKind.RATE_LIMITED) {
            Duration wait = retryAfter(headers);
            if (wait != null) {
                failure = failure.withRetryAfter(wait);
            }
        }
        return new SwitchboardException(failure);
    }

    /**
     * The HTTP status decides first; a Telnyx code only refines a 4xx whose status leaves the cause open (400, 422).
     * {@link #TOO_MANY_REQUESTS} comes with a 429, so only a 429 is rate-limited: the same code on a 422 is an
     * invalid request, which must neither back off nor fail over.
     */
    private static FailureKind classify(int status, String code, TelnyxDto.Error first) {
        if (status >= 500) {
            return FailureKind.UNAVAILABLE;
        }
        if (status >= 300 && status < 400) {
            // A redirect is no answer of Telnyx's API (a proxy, a moved base URL); it is never followed.
            return FailureKind.UNAVAILABLE;
        }
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status == 401 || AUTHENTICATION_FAILED.equals(code)) {
            return FailureKind.AUTHENTICATION;
        }
        if (status == 402 || mentionsInsufficientFunds(first)) {
            return FailureKind.INSUFFICIENT_FUNDS;
        }
        if (status == 403 || (code != null && DESTINATION_CODES.contains(code))) {
            return FailureKind.DESTINATION_NOT_SUPPORTED;
        }
        if (status == 404 || NOT_FOUND.equals(code)) {
            return FailureKind.NOT_FOUND;
        }
        return FailureKind.INVALID_REQUEST;
    }

    /** Telnyx has no documented code of its own for an exhausted balance; its words and HTTP 402 say it. */
    private static boolean mentionsInsufficientFunds(TelnyxDto.Error error) {
        if (error == null) {
            return false;
        }
        String words = ((error.title() == null ? "" : error.title()) + " "
                + (error.detail() == null ? "" : error.detail())).toLowerCase(Locale.ROOT);
        return words.contains("insufficient funds") || words.contains("insufficient balance");
    }

    /** The request field named by {@code source.pointer} ({@code "/to"} becomes {@code "to"}), or null. */
    static String field(TelnyxDto.Source source) {
        if (source == null) {
            return null;
        }
        String pointer = source.pointer();
        if (pointer != null && pointer.startsWith("/") && pointer.length() > 1) {
            return pointer.substring(1).replace('/', '.');
        }
        String parameter = source.parameter();
        return parameter == null || parameter.isBlank() ? null : parameter;
    }

    private static String message(int status, TelnyxDto.Error first, String body) {
        StringBuilder s = new StringBuilder("Telnyx answered HTTP ").append(status);
        if (first == null) {
            String trimmed = body == null ? "" : body.strip();
            if (trimmed.isEmpty()) {
                return s.append(" with an empty body").toString();
            }
            return s.append(" with a body that is not a Telnyx error: '")
                    .append(trimmed, 0, Math.min(trimmed.length(), MAX_BODY_IN_MESSAGE))
                    .append(trimmed.length() > MAX_BODY_IN_MESSAGE ? "...'" : "'").toString();
        }
        s.append(": ").append(first.title() == null ? "error" : first.title());
        if (first.detail() != null && !first.detail().isBlank() && !first.detail().equals(first.title())) {
            s.append(" - ").append(first.detail());
        }
        if (first.source() != null && first.source().pointer() != null) {
            s.append(" (field ").append(first.source().pointer()).append(')');
        }
        return s.toString();
    }

    private static TelnyxDto.Error firstError(String body) {
        if (body == null || body.isBlank() || body.stripLeading().charAt(0) != '{') {
            return null;
        }
        try {
            TelnyxDto.Errors errors = ERRORS.fromJson(body);
            List<TelnyxDto.Error> list = errors == null ? null : errors.errors();
            return list == null || list.isEmpty() || list.get(0) == null ? null : list.get(0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; else the wait {@code x-ratelimit-reset} implies. */
    Duration retryAfter(Headers headers) {
        String value = headers.get("Retry-After");
        if (value != null && !value.isBlank()) {
            return retryAfter.parse(value).orElse(null);
        }
        String reset = headers.get(TelnyxRateLimits.RESET_HEADER);
        Duration untilReset = reset == null ? null : TelnyxRateLimits.untilReset(reset, clock);
        return untilReset == null ? null : RetryAfter.capped(untilReset);
    }

    /** A request that failed on our side before anything was written: the account's configuration, never sent. */
    SwitchboardException unbuilt(Exception e) {
        return new SwitchboardException(Failure.of(FailureKind.CONFIGURATION, "the request to Telnyx could not be"
                + " built (" + e.getClass().getSimpleName() + "); nothing was sent: check this account's configuration")
                .withAccount(account));
    }

    /**
     * A transport failure. Before the request may have reached Telnyx (OkHttp had not started writing it on an open
     * connection) nothing happened: unavailable. After that, a lost answer to a send or dial may hide an accepted
     * request: outcome unknown; the same on a read is unavailable.
     */
    SwitchboardException fromTransport(Exception e, boolean mayHaveReachedTelnyx, Effect effect) {
        boolean neverConnected = !mayHaveReachedTelnyx;
        FailureKind kind = !neverConnected && effect == Effect.ONCE ? FailureKind.OUTCOME_UNKNOWN
                : FailureKind.UNAVAILABLE;
        String what = e instanceof InterruptedIOException ? "timed out"
                : "failed (" + e.getClass().getSimpleName() + ")";
        String message = neverConnected
                ? "could not reach Telnyx: the connection " + what
                : "the exchange with Telnyx " + what + " after the request was sent"
                        + (kind == FailureKind.OUTCOME_UNKNOWN ? "; Telnyx may have accepted it" : "");
        return new SwitchboardException(Failure.of(kind, message).withAccount(account), e);
    }

    /**
     * A 2xx answer whose body is not the expected JSON (a proxy's HTML page, a truncated or empty body). {@code status}
     * is 0 when only "a 2xx" is known.
     */
    SwitchboardException malformed(int status, Effect effect, Exception cause) {
        FailureKind kind = effect == Effect.ONCE ? FailureKind.OUTCOME_UNKNOWN : FailureKind.UNAVAILABLE;
        String message = "Telnyx answered HTTP " + (status > 0 ? String.valueOf(status) : "2xx")
                + " with a body that could not be read"
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                + (effect == Effect.ONCE ? "; Telnyx may have accepted the request" : "");
        Failure failure = Failure.of(kind, message).withAccount(account);
        return new SwitchboardException(status > 0 ? failure.withHttpStatus(status) : failure, cause);
    }

    /** {@code value}, or an INVALID_REQUEST naming {@code field} on this account when it is null. */
    <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        return value;
    }

    /** A trimmed id for a URL path, or an INVALID_REQUEST naming {@code field} when it is missing or blank. */
    String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, value == null ? "is required" : "must not be blank");
        }
        return value.trim();
    }

    /** An invalid argument of ours, tagged with the account. */
    SwitchboardException invalid(String field, String problem) {
        return new SwitchboardException(Failure.invalid(field, problem).withAccount(account));
    }

    SwitchboardException unsupported(String message) {
        return new SwitchboardException(Failure.of(FailureKind.UNSUPPORTED, message).withAccount(account));
    }

    SwitchboardException notFound(String message) {
        return new SwitchboardException(Failure.of(FailureKind.NOT_FOUND, message).withAccount(account));
    }

    /** Adds the account to a failure raised by a domain check (e.g. an invalid value) that lacks it. */
    SwitchboardException withAccount(SwitchboardException e) {
        if (e.failure().account().isPresent()) {
            return e;
        }
        return new SwitchboardException(e.failure().withAccount(account), e);
    }
}
