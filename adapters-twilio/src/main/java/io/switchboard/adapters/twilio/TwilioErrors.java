package io.switchboard.adapters.twilio;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.switchboard.adapters.http.HttpOutcome;
import io.switchboard.adapters.http.RetryAfter;
import io.switchboard.adapters.twilio.TwilioDtos.ErrorDto;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Twilio's answers and transport failures into classified {@link Failure}s. Twilio's error code decides first
 * (a 401 carrying 20005 is an inactive, unfunded account, not bad credentials); the HTTP status decides when the code
 * is unknown or absent (an HTML page from a proxy has none).
 */
final class TwilioErrors {

    /** Twilio codes whose meaning is clear, with the kind they map to. */
    private static final Map<Integer, FailureKind> KINDS = Map.ofEntries(
            Map.entry(20003, FailureKind.AUTHENTICATION),
            Map.entry(20005, FailureKind.INSUFFICIENT_FUNDS),
            Map.entry(10001, FailureKind.INSUFFICIENT_FUNDS),
            Map.entry(20404, FailureKind.NOT_FOUND),
            Map.entry(20429, FailureKind.RATE_LIMITED),
            Map.entry(20008, FailureKind.UNSUPPORTED),
            Map.entry(21408, FailureKind.DESTINATION_NOT_SUPPORTED),
            Map.entry(21612, FailureKind.DESTINATION_NOT_SUPPORTED),
            Map.entry(21215, FailureKind.DESTINATION_NOT_SUPPORTED),
            Map.entry(21216, FailureKind.DESTINATION_NOT_SUPPORTED),
            Map.entry(13227, FailureKind.DESTINATION_NOT_SUPPORTED),
            // The sender is not usable on this account for this destination: another account's sender may be.
            Map.entry(21606, FailureKind.DESTINATION_NOT_SUPPORTED),
            Map.entry(21659, FailureKind.DESTINATION_NOT_SUPPORTED),
            Map.entry(21210, FailureKind.DESTINATION_NOT_SUPPORTED),
            // Opted out: no account should send it, so this does not fail over.
            Map.entry(21610, FailureKind.OPTED_OUT));

    /** The request field each code is about, in the domain's names. */
    private static final Map<Integer, String> FIELDS = Map.ofEntries(
            Map.entry(21211, "to"), Map.entry(21214, "to"), Map.entry(21217, "to"), Map.entry(21604, "to"),
            Map.entry(21610, "to"), Map.entry(21612, "to"), Map.entry(21614, "to"), Map.entry(21408, "to"),
            Map.entry(21215, "to"), Map.entry(21216, "to"), Map.entry(13227, "to"),
            Map.entry(21201, "to"), Map.entry(21213, "from"), Map.entry(21210, "from"), Map.entry(21910, "from"),
            Map.entry(21212, "from"), Map.entry(21603, "from"), Map.entry(21606, "from"), Map.entry(21659, "from"),
            Map.entry(21602, "text"), Map.entry(21617, "text"), Map.entry(21618, "text"), Map.entry(21619, "text"),
            Map.entry(21620, "media"), Map.entry(21623, "media"),
            Map.entry(21609, "statusCallback"), Map.entry(21205, "url"));

    /** Twilio's parameter names, as its messages quote them, to the domain's field names. */
    private static final Map<String, String> PARAMS = Map.ofEntries(
            Map.entry("to", "to"), Map.entry("from", "from"), Map.entry("body", "text"),
            Map.entry("mediaurl", "media"), Map.entry("statuscallback", "statusCallback"), Map.entry("url", "url"),
            Map.entry("twiml", "markup"), Map.entry("usagecategory", "usageCategory"),
            Map.entry("triggervalue", "triggerValue"), Map.entry("callbackurl", "callbackUrl"),
            Map.entry("recurring", "recurring"), Map.entry("triggerby", "triggerBy"),
            Map.entry("pagesize", "page size"));

    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z]+)'");

    private final AccountId account;
    private final JsonAdapter<ErrorDto> errorAdapter;
    private final RetryAfter retryAfter;

    TwilioErrors(AccountId account, Moshi moshi, Clock clock) {
        this.account = account;
        this.errorAdapter = moshi.adapter(ErrorDto.class);
        this.retryAfter = new RetryAfter(clock);
    }

    /** The failure for an exchange that did not end in a 2xx with a body. */
    SwitchboardException failure(HttpOutcome<?> outcome, boolean write, String operation) {
        if (outcome instanceof HttpOutcome.HttpError<?> error) {
            return fromResponse(error, operation);
        }
        if (outcome instanceof HttpOutcome.Unreadable<?> unreadable) {
            return unreadable(write, operation, unreadable.cause());
        }
        HttpOutcome.TransportFailure<?> lost = (HttpOutcome.TransportFailure<?>) outcome;
        if (lost.unbuilt()) {
            return unbuilt(lost.cause(), operation);
        }
        return fromTransport(lost.cause(), write, lost.mayHaveReachedVendor(), operation);
    }

    /** The failure for a non-2xx answer. */
    SwitchboardException fromResponse(HttpOutcome.HttpError<?> response, String operation) {
        int status = response.status();
        ErrorDto error = parse(response.errorText());
        Integer code = error == null ? null : integer(error.code());
        FailureKind kind = kindOf(status, code);
        String vendorMessage = error != null && error.message() != null ? ": " + error.message()
                : error == null ? " with a body that is not Twilio's error JSON" : "";
        Failure failure = Failure.of(kind, "Twilio answered HTTP " + status + (code == null ? "" : " [" + code + "]")
                        + " to " + operation + vendorMessage)
                .withAccount(account)
                .withHttpStatus(status);
        if (code != null) {
            failure = failure.withVendorCode(code.toString());
        }
        Optional<String> field = fieldOf(code, error == null ? null : error.message());
        if (field.isPresent()) {
            failure = failure.withField(field.get());
        }
        if (kind == FailureKind.RATE_LIMITED) {
            Optional<Duration> wait = retryAfter.parse(response.headers().get("Retry-After"));
            if (wait.isPresent()) {
                failure = failure.withRetryAfter(wait.get());
            }
        }
        return new SwitchboardException(failure);
    }

    /**
     * The failure for an exchange that ended without an HTTP answer. Before a write may have reached Twilio nothing
     * can have happened; after it, Twilio may have acted, and saying otherwise could send a message twice.
     */
    SwitchboardException fromTransport(Exception e, boolean write, boolean mayHaveReachedTwilio, String operation) {
        if (write && mayHaveReachedTwilio) {
            return new SwitchboardException(Failure.of(FailureKind.OUTCOME_UNKNOWN, operation
                    + " was sent to Twilio but no answer came back (" + describe(e) + "): it may have been accepted")
                    .withAccount(account), e);
        }
        return new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE, "Twilio could not be reached for "
                + operation + " (" + describe(e) + ")").withAccount(account), e);
    }

    /** A request that failed on our side before anything was written: the account's configuration, never sent. */
    SwitchboardException unbuilt(Exception e, String operation) {
        return new SwitchboardException(Failure.of(FailureKind.CONFIGURATION, "the request to Twilio for " + operation
                + " could not be built (" + e.getClass().getSimpleName() + "); nothing was sent: check this account's"
                + " configuration").withAccount(account));
    }

    /** An argument Retrofit would not put in a URL: the caller's, and nothing was sent. */
    SwitchboardException unusableInUrl(IllegalArgumentException e) {
        return new SwitchboardException(Failure.invalid("id", "cannot be used in a Twilio URL: " + e.getMessage())
                .withAccount(account), e);
    }

    /** A 2xx whose body cannot be read: on a write Twilio probably acted, on a read nothing happened. */
    SwitchboardException unreadable(boolean write, String operation, Throwable cause) {
        FailureKind kind = write ? FailureKind.OUTCOME_UNKNOWN : FailureKind.UNAVAILABLE;
        String message = "Twilio answered " + operation + " with a success status but a body that cannot be read"
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                + (write ? ": it may have been accepted" : "");
        return new SwitchboardException(Failure.of(kind, message).withAccount(account), cause);
    }

    static FailureKind kindOf(int status, Integer code) {
        FailureKind byCode = code == null ? null : KINDS.get(code);
        if (byCode != null) {
            return byCode;
        }
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status >= 500) {
            return FailureKind.UNAVAILABLE;
        }
        return switch (status) {
            case 400, 409, 413, 422 -> FailureKind.INVALID_REQUEST;
            case 401 -> FailureKind.AUTHENTICATION;
            case 402 -> FailureKind.INSUFFICIENT_FUNDS;
            case 403 -> FailureKind.DESTINATION_NOT_SUPPORTED;
            case 404, 410 -> FailureKind.NOT_FOUND;
            case 405, 501 -> FailureKind.UNSUPPORTED;
            default -> FailureKind.UNAVAILABLE;
        };
    }

    /** The field a code is about, or the first parameter the message quotes ({@code "The 'To' number ..."}). */
    static Optional<String> fieldOf(Integer code, String message) {
        String known = code == null ? null : FIELDS.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        if (message != null) {
            Matcher m = QUOTED.matcher(message);
            if (m.find()) {
                return Optional.ofNullable(PARAMS.get(m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }

    private ErrorDto parse(String text) {
        try {
            return text.isBlank() ? null : errorAdapter.fromJson(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Integer integer(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Integer.valueOf(code.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
