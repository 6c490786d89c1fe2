package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;

/** An account left out of a plan, with a typed reason and a sentence for people. */
public record Exclusion(AccountId account, ExclusionReason reason, String detail) {

    public Exclusion {
        Checks.required(account, "account");
        Checks.required(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return account + " " + reason + (detail.isEmpty() ? "" : ": " + detail);
    }
}
