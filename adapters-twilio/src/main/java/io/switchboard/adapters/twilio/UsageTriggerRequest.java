package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A Twilio usage trigger to create: call {@code callbackUrl} when usage of {@code usageCategory} reaches
 * {@code triggerValue}.
 *
 * @param usageCategory Twilio's usage category ({@code sms}, {@code calls}, {@code totalprice}, ...)
 * @param triggerValue the threshold, a decimal number ({@code "50.00"}); its unit follows {@code triggerBy}
 * @param recurring {@code daily}, {@code monthly}, {@code yearly} or {@code alltime}; absent for a one-time trigger
 * @param triggerBy {@code count}, {@code usage} or {@code price}; absent for Twilio's default (usage)
 */
public record UsageTriggerRequest(
        String usageCategory,
        String triggerValue,
        URI callbackUrl,
        Optional<String> recurring,
        Optional<String> triggerBy,
        Optional<String> friendlyName) {

    private static final Set<String> RECURRING = Set.of("daily", "monthly", "yearly", "alltime");
    private static final Set<String> TRIGGER_BY = Set.of("count", "usage", "price");

    public UsageTriggerRequest {
        Checks.notBlank(usageCategory, "usageCategory");
        Checks.notBlank(triggerValue, "triggerValue");
        try {
            new BigDecimal(triggerValue.trim());
        } catch (NumberFormatException e) {
            throw SwitchboardException.invalid("triggerValue", "must be a decimal number, got '" + triggerValue + "'");
        }
        Checks.required(callbackUrl, "callbackUrl");
        String scheme = callbackUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || callbackUrl.getHost() == null) {
            throw SwitchboardException.invalid("callbackUrl", "must be an absolute http(s) URL, got '" + callbackUrl
                    + "'");
        }
        recurring = oneOf(recurring, RECURRING, "recurring");
        triggerBy = oneOf(triggerBy, TRIGGER_BY, "triggerBy");
        friendlyName = friendlyName == null ? Optional.empty() : friendlyName.filter(n -> !n.isBlank());
    }

    /** A one-time trigger with Twilio's default unit. */
    public static UsageTriggerRequest of(String usageCategory, String triggerValue, URI callbackUrl) {
        return new UsageTriggerRequest(usageCategory, triggerValue, callbackUrl, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public UsageTriggerRequest withRecurring(String value) {
        return new UsageTriggerRequest(usageCategory, triggerValue, callbackUrl, Optional.ofNullable(value), triggerBy,
                friendlyName);
    }

    public UsageTriggerRequest withTriggerBy(String value) {
        return new UsageTriggerRequest(usageCategory, triggerValue, callbackUrl, recurring, Optional.ofNullable(value),
                friendlyName);
    }

    public UsageTriggerRequest withFriendlyName(String value) {
        return new UsageTriggerRequest(usageCategory, triggerValue, callbackUrl, recurring, triggerBy,
                Optional.ofNullable(value));
    }

    private static Optional<String> oneOf(Optional<String> value, Set<String> allowed, String field) {
        if (value == null || value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        String normalized = value.get().trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw SwitchboardException.invalid(field, "must be one of " + new java.util.TreeSet<>(allowed) + ", got '"
                    + value.get() + "'");
        }
        return Optional.of(normalized);
    }
}
