package io.switchboard;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;

import java.util.List;
import java.util.Map;

/**
 * Items gathered from several accounts, and the failure of each account that could not answer: one account being
 * down never hides what the others returned.
 */
public record AcrossAccounts<T>(List<T> items, Map<AccountId, Failure> failures) {

    public AcrossAccounts {
        items = Checks.listOf(items, "items");
        failures = Map.copyOf(Checks.required(failures, "failures"));
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
