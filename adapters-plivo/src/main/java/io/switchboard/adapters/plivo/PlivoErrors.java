package io.switchboard.adapters.plivo;

import com.squareup.moshi.JsonAdapter;
import io.switchboard.adapters.http.HttpOutcome;
import io.switchboard.adapters.http.RetryAfter;
import io.switchboard.adapters.plivo.PlivoDtos.ErrorBody;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Plivo's answers and transport failures into classified failures for one account. Plivo errors are
 * {@code {"api_id", "error"}} with the HTTP status carrying the class; the text refines it (insufficient credit,
 * geo permissions) and names the parameter at fault.
 */
final class PlivoErrors {

    /** Request parameters of the operations this adapter calls, as Plivo names them in its error texts. */
    private static final List<String> PARAMETERS = List.of("media_urls", "answer_method", "answer_url",
            "hangup_url", "hangup_method", "ring_url", "ring_method", "fallback_url", "fallback_method",
            "fallback_answer_url", "message_url", "message_method", "caller_name", "send_digits", "send_on_preanswer",
            "time_limit", "hangup_on_ring", "machine_detection", "machine_detection_time", "machine_detection_url",
            "machine_detection_method", "sip_headers", "ring_timeout", "parent_call_uuid", "error_if_parent_not_found",
            "legs", "leg", "aleg_url", "aleg_method", "bleg_url", "bleg_method", "file_format", "transcription_type",
            "transcription_url", "transcription_method", "callback_url", "callback_method", "urls", "length", "loop",
            "mix", "voice", "language", "digits", "app_name", "app_id", "default_number_app", "default_endpoint_app",
            "subaccount", "enabled", "username", "password", "alias", "numbers", "carrier", "region", "pattern",
            "lata", "rate_center", "ip_set", "member_id", "country_iso", "message_uuid", "call_uuid", "number_type",
            "services", "src", "dst", "text", "type", "url", "method", "log", "from", "to", "limit", "offset");
    private static final Pattern QUOTED = Pattern.compile("['\"`]([a-z_]+)['\"`]");
    private static final int MAX_TEXT = 200;
    private static final JsonAdapter<ErrorBody> ERROR_BODY = PlivoHttp.MOSHI.adapter(ErrorBody.class);

    private final AccountId account;
    private final RetryAfter retryAfter;

    PlivoErrors(AccountId account, Clock clock) {
        this.account = account;
        this.retryAfter = new RetryAfter(clock);
    }

    /** The failure for an exchange that did not end in a 2xx; {@code sends} when Plivo may act on it. */
    SwitchboardException failure(HttpOutcome<?> outcome, boolean sends) {
        if (outcome instanceof HttpOutcome.HttpError<?> error) {
            return fromResponse(error.status(), error.headers().get("Retry-After"), error.errorText());
        }
        if (outcome instanceof HttpOutcome.Unreadable<?> unreadable) {
            return malformed(sends, unreadable.cause());
        }
        HttpOutcome.TransportFailure<?> lost = (HttpOutcome.TransportFailure<?>) outcome;
        if (lost.unbuilt()) {
            return unbuilt(lost.cause());
        }
        return transport(sends && lost.mayHaveReachedVendor(), lost.cause());
    }

    /** A non-2xx answer. {@code body} is the raw error body; it never holds our credentials. */
    SwitchboardException fromResponse(int status, String retryAfter, String body) {
        ParsedError parsed = parse(body);
        String text = parsed.text.isEmpty() ? "HTTP " + status : parsed.text;
        String lower = text.toLowerCase(Locale.ROOT);
        FailureKind kind = kindOf(status, lower);
        Failure failure = Failure.of(kind, "Plivo answered " + status + ": " + text)
                .withAccount(account)
                .withHttpStatus(status); // Plivo's API errors carry no code of their own, only the status
        if (kind == FailureKind.INVALID_REQUEST) {
            String field = parsed.field != null ? parsed.field : fieldIn(lower);
            if (field != null) {
                failure = failure.withField(field);
            }
        }
        if (kind == FailureKind.RATE_LIMITED) {
            Optional<Duration> wait = this.retryAfter.parse(retryAfter);
            if (wait.isPresent()) {
                failure = failure.withRetryAfter(wait.get());
            }
        }
        return new SwitchboardException(failure);
    }

    private static FailureKind kindOf(int status, String lower) {
        if (status == 402 || lower.contains("insufficient credit") || lower.contains("insufficient balance")
                || lower.contains("insufficient fund")) {
            return FailureKind.INSUFFICIENT_FUNDS;
        }
        if (status == 401) {
            return FailureKind.AUTHENTICATION;
        }
        if (status == 403 || lower.contains("geo permission")) {
            // Plivo answers 403 when the destination country is not enabled in the account's geo permissions.
            return FailureKind.DESTINATION_NOT_SUPPORTED;
        }
        if (status == 404) {
            return FailureKind.NOT_FOUND;
        }
        if (status == 405) {
            return FailureKind.UNSUPPORTED;
        }
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status >= 500 || (status >= 300 && status < 400)) {
            // A redirect is no answer of Plivo's API (a proxy, a moved base URL); it is never followed.
            return FailureKind.UNAVAILABLE;
        }
        return FailureKind.INVALID_REQUEST;
    }

    /** No answer, or a broken one: UNAVAILABLE unless a non-idempotent request may have been accepted. */
    SwitchboardException transport(boolean maybeAccepted, Exception e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        if (maybeAccepted) {
            return new SwitchboardException(Failure.of(FailureKind.OUTCOME_UNKNOWN,
                    "the request reached Plivo but no answer came back: " + what).withAccount(account), e);
        }
        return new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE, "Plivo could not be reached: " + what)
                .withAccount(account), e);
    }

    /** A request that failed on our side before anything was written: the account's configuration, never sent. */
    SwitchboardException unbuilt(Exception e) {
        return new SwitchboardException(Failure.of(FailureKind.CONFIGURATION, "the request to Plivo could not be"
                + " built (" + e.getClass().getSimpleName() + "); nothing was sent: check this account's configuration")
                .withAccount(account));
    }

    /** An argument Retrofit would not put in a URL: the caller's, and nothing was sent. */
    SwitchboardException unusableInUrl(IllegalArgumentException e) {
        return new SwitchboardException(Failure.invalid("id", "cannot be used in a Plivo URL: " + e.getMessage())
                .withAccount(account), e);
    }

    /** A 2xx answer whose body is not what Plivo sends (malformed JSON, a proxy's HTML page, nothing). */
    SwitchboardException malformed(boolean sends, Exception cause) {
        String why = cause == null ? "an empty body" : "a body that cannot be read ("
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + ")";
        if (sends) {
            return new SwitchboardException(Failure.of(FailureKind.OUTCOME_UNKNOWN,
                    "Plivo answered a send with " + why + "; it may have accepted it").withAccount(account), cause);
        }
        return new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE, "Plivo answered with " + why)
                .withAccount(account), cause);
    }

    /** An answer that parsed but lacks what the operation needs (no uuid on a send, say). */
    SwitchboardException incomplete(boolean sends, String what) {
        return new SwitchboardException(Failure.of(sends ? FailureKind.OUTCOME_UNKNOWN : FailureKind.UNAVAILABLE,
                "Plivo's answer lacks " + what).withAccount(account));
    }

    private record ParsedError(String text, String field) {
    }

    private static ParsedError parse(String body) {
        String trimmed = body == null ? "" : body.trim();
        if (trimmed.startsWith("{")) {
            try {
                ErrorBody error = ERROR_BODY.fromJson(trimmed);
                if (error != null && error.error() instanceof String s) {
                    return new ParsedError(truncate(s), null);
                }
                if (error != null && error.error() instanceof Map<?, ?> map && !map.isEmpty()) {
                    Map.Entry<?, ?> first = map.entrySet().iterator().next();
                    String field = String.valueOf(first.getKey());
                    Object detail = first.getValue() instanceof List<?> list && !list.isEmpty() ? list.get(0)
                            : first.getValue();
                    return new ParsedError(truncate(field + ": " + detail), field);
                }
            } catch (IOException | RuntimeException e) {
                return new ParsedError("", null);
            }
            return new ParsedError("", null);
        }
        // An HTML page from a proxy, or plain text: keep it short and never parse it.
        return new ParsedError(trimmed.startsWith("<") ? "" : truncate(trimmed), null);
    }

    /** The parameter quoted in the text, else the one named earliest in it (the longest name when two start there). */
    private static String fieldIn(String lower) {
        Matcher quoted = QUOTED.matcher(lower);
        while (quoted.find()) {
            if (PARAMETERS.contains(quoted.group(1))) {
                return quoted.group(1);
            }
        }
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String parameter : PARAMETERS) {
            Matcher m = Pattern.compile("(^|[^a-z_])" + parameter + "([^a-z_]|$)").matcher(lower);
            if (m.find()) {
                int at = m.start() + m.group(1).length();
                if (at < bestAt || (at == bestAt && parameter.length() > best.length())) {
                    best = parameter;
                    bestAt = at;
                }
            }
        }
        return best;
    }

    private static String truncate(String text) {
        String single = text.replaceAll("\\s+", " ").trim();
        return single.length() <= MAX_TEXT ? single : single.substring(0, MAX_TEXT) + "...";
    }
}
