package io.switchboard.adapters.plivo.account;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.util.Optional;

/** The Plivo account's own details, beyond the domain's {@code AccountInfo}. Holds no secret. */
public record PlivoAccountDetails(
        String authId,
        Optional<String> name,
        Optional<String> accountType,
        Optional<Money> cashCredits,
        Optional<String> billingMode,
        boolean autoRecharge,
        Optional<String> city,
        Optional<String> address,
        Optional<String> timezone) {

    public PlivoAccountDetails {
        Checks.notBlank(authId, "authId");
    }
}
