package io.switchboard.adapters.plivo.number;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.util.Optional;

/**
 * A number the account rents, with Plivo's own fields (the domain's {@code OwnedNumber} keeps only the shared ones).
 *
 * @param number E.164 ({@code +} added when Plivo leaves it out)
 * @param id the number as Plivo spells it, which is also its id in {@code Number/{id}/}
 * @param applicationId the app the number is attached to, from its {@code application} resource URI
 * @param subaccount the auth id of the subaccount the number belongs to, if any
 */
public record PlivoNumber(
        String number,
        String id,
        Optional<String> alias,
        Optional<String> applicationId,
        Optional<String> carrier,
        Optional<String> numberType,
        Optional<String> region,
        Optional<String> country,
        boolean smsEnabled,
        boolean voiceEnabled,
        boolean mmsEnabled,
        Optional<Money> smsRate,
        Optional<Money> voiceRate,
        Optional<Money> monthlyRentalRate,
        Optional<String> addedOn,
        Optional<String> subaccount) {

    public PlivoNumber {
        Checks.notBlank(number, "number");
        Checks.notBlank(id, "id");
        subaccount = subaccount == null ? Optional.empty() : subaccount;
    }
}
