package io.switchboard.domain.number;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A number an account rents from its vendor.
 *
 * @param id the vendor's id for it (Twilio {@code PN...}, Telnyx numeric id; Plivo uses the number itself)
 * @param number the number in E.164 form, as the vendor reports it
 * @param countryIso ISO 3166 alpha-2 country, when the vendor reports it
 * @param rawStatus the vendor's status word, empty when it has none
 */
public record OwnedNumber(
        String id,
        AccountId account,
        String number,
        Set<NumberCapability> capabilities,
        Optional<String> friendlyName,
        Optional<String> countryIso,
        String rawStatus) {

    public OwnedNumber {
        Checks.notBlank(id, "id");
        Checks.required(account, "account");
        Checks.notBlank(number, "number");
        capabilities = capabilities == null || capabilities.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        friendlyName = friendlyName == null ? Optional.empty() : friendlyName;
        countryIso = countryIso == null ? Optional.empty() : countryIso;
        rawStatus = rawStatus == null ? "" : rawStatus;
    }

    public boolean can(NumberCapability capability) {
        return capabilities.contains(capability);
    }
}
