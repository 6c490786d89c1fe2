package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;

import java.util.Optional;

/**
 * An account left out of a plan, with a typed reason and a sentence for people; {@code failure} is the failure behind
 * it when there is one (the vendor's pricing API refused the credentials, was unreachable, ...).
 */
public record Exclusion(AccountId account, ExclusionReason reason, String detail, Optional<Failure> failure) {

    public Exclusion {
        Checks.required(account, "account");
        Checks.required(reason, "reason");
        detail = detail == null ? "" : detail;
        failure = failure == null ? Optional.empty() : failure;
    }

    public Exclusion(AccountId account, ExclusionReason reason, String detail) {
        this(account, reason, detail, Optional.empty());
    }

    @Override
    public String toString() {
        return account + " " + reason + (detail.isEmpty() ? "" : ": " + detail);
    }
}
