package io.switchboard.domain.account;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;

import java.net.URI;
import java.util.Optional;

/**
 * A vendor-side alert that calls back when usage of a category crosses a value (Twilio usage triggers).
 *
 * @param triggerBy what the value counts: {@code count}, {@code usage} or {@code price}
 * @param recurring {@code daily}, {@code monthly}, {@code yearly} or {@code alltime}
 */
public record UsageTrigger(
        String id,
        AccountId account,
        String usageCategory,
        String triggerValue,
        String triggerBy,
        String recurring,
        URI callbackUrl,
        Optional<String> currentValue,
        Optional<String> friendlyName) {

    public UsageTrigger {
        Checks.notBlank(id, "id");
        Checks.required(account, "account");
        Checks.notBlank(usageCategory, "usageCategory");
        Checks.notBlank(triggerValue, "triggerValue");
        triggerBy = triggerBy == null ? "" : triggerBy;
        recurring = recurring == null ? "" : recurring;
        Checks.required(callbackUrl, "callbackUrl");
        currentValue = currentValue == null ? Optional.empty() : currentValue;
        friendlyName = friendlyName == null ? Optional.empty() : friendlyName;
    }
}
