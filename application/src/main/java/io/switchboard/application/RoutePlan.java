package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Failure;
import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.pricing.Product;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ordered accounts to try for one request, and every account left out with its reason. Built without I/O.
 *
 * @param encoding the text's encoding, for a text message
 * @param units what each candidate is billed for: segments of an SMS (more under UCS-2), one MMS, or call minutes
 */
public record RoutePlan(
        Product product,
        PhoneNumber destination,
        Optional<SmsEncoding> encoding,
        long units,
        List<Candidate> candidates,
        List<Exclusion> exclusions) {

    public RoutePlan {
        Checks.required(product, "product");
        Checks.required(destination, "destination");
        encoding = encoding == null ? Optional.empty() : encoding;
        candidates = Checks.listOf(candidates, "candidates");
        exclusions = Checks.listOf(exclusions, "exclusions");
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    /** The first candidate, the one routing tries first. */
    public Optional<Candidate> first() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** The reason an account was left out, if it was. */
    public Optional<Exclusion> exclusionOf(AccountId account) {
        return exclusions.stream().filter(e -> e.account().equals(account)).findFirst();
    }

    /** Why nothing can take the request when the plan is empty: the accounts' common failure, or a summary. */
    Failure noRouteFailure() {
        boolean allOpen = !exclusions().isEmpty() && exclusions().stream()
                .allMatch(e -> e.reason() == ExclusionReason.CIRCUIT_OPEN);
        String why = exclusions().isEmpty() ? "no account is configured"
                : exclusions().stream().map(Exclusion::toString).collect(Collectors.joining("; "));
        String message = "no account can take this request to " + destination() + ": " + why;
        Failure cause = commonCause();
        if (cause != null) {
            return new Failure(cause.kind(), cause.account(), cause.httpStatus(), cause.vendorCode(),
                    Optional.empty(), message, cause.retryAfter());
        }
        return Failure.of(allOpen ? FailureKind.UNAVAILABLE : FailureKind.DESTINATION_NOT_SUPPORTED, message);
    }

    /**
     * The failure behind a plan that is empty because every account the policy lets serve the destination failed
     * with one kind (its pricing API refused the credentials, say): then that kind is the answer, not "destination
     * not supported". Null when the reasons differ or none carries a failure.
     */
    private Failure commonCause() {
        Failure cause = null;
        for (Exclusion e : exclusions()) {
            if (e.reason() == ExclusionReason.NOT_PINNED || e.reason() == ExclusionReason.COUNTRY_RULE) {
                continue;
            }
            if (e.failure().isEmpty() || (cause != null && cause.kind() != e.failure().get().kind())) {
                return null;
            }
            cause = cause == null ? e.failure().get() : cause;
        }
        return cause;
    }
}
