package io.switchboard.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One failed operation, as the routing layer classifies it.
 *
 * @param kind what went wrong, which decides whether routing fails over
 * @param account the account the operation ran on, absent for a request rejected before any vendor was chosen
 * @param httpStatus the vendor's HTTP status, absent when no response arrived
 * @param vendorCode the vendor's own error code (Twilio 21211, Telnyx "10015"), when it sent one
 * @param field the request field at fault, when one is known
 * @param message a human-readable explanation; never contains a secret
 * @param retryAfter how long the vendor asked to wait, for {@link FailureKind#RATE_LIMITED}
 */
public record Failure(
        FailureKind kind,
        Optional<AccountId> account,
        OptionalInt httpStatus,
        Optional<String> vendorCode,
        Optional<String> field,
        String message,
        Optional<Duration> retryAfter) {

    public Failure {
        if (kind == null) {
            throw new IllegalArgumentException("'kind' is required");
        }
        account = account == null ? Optional.empty() : account;
        httpStatus = httpStatus == null ? OptionalInt.empty() : httpStatus;
        vendorCode = vendorCode == null ? Optional.empty() : vendorCode;
        field = field == null ? Optional.empty() : field;
        message = message == null || message.isBlank() ? kind.name().toLowerCase() : message;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    /** A failure of the given kind with only a message. */
    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), message,
                Optional.empty());
    }

    /** An invalid request, naming the field and what is wrong with its value. */
    public static Failure invalid(String field, String problem) {
        return new Failure(FailureKind.INVALID_REQUEST, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.ofNullable(field), "'" + field + "' " + problem, Optional.empty());
    }

    /** Whether the vendor may have accepted the request even though it failed from the caller's view. */
    public boolean outcomeKnown() {
        return kind.outcomeKnown();
    }

    public Failure withAccount(AccountId account) {
        return new Failure(kind, Optional.ofNullable(account), httpStatus, vendorCode, field, message, retryAfter);
    }

    public Failure withHttpStatus(int status) {
        return new Failure(kind, account, OptionalInt.of(status), vendorCode, field, message, retryAfter);
    }

    public Failure withVendorCode(String code) {
        return new Failure(kind, account, httpStatus, Optional.ofNullable(code), field, message, retryAfter);
    }

    public Failure withField(String name) {
        return new Failure(kind, account, httpStatus, vendorCode, Optional.ofNullable(name), message, retryAfter);
    }

    public Failure withRetryAfter(Duration wait) {
        return new Failure(kind, account, httpStatus, vendorCode, field, message, Optional.ofNullable(wait));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.name());
        account.ifPresent(a -> s.append(" on ").append(a));
        httpStatus.ifPresent(h -> s.append(" (HTTP ").append(h).append(')'));
        vendorCode.ifPresent(c -> s.append(" [code ").append(c).append(']'));
        s.append(": ").append(message);
        return s.toString();
    }
}
