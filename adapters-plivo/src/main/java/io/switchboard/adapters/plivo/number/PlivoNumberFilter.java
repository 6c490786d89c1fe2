package io.switchboard.adapters.plivo.number;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.util.Optional;

/**
 * The filters of a number list: {@code numberType} ({@code local}, {@code tollfree}, {@code mobile}, {@code national};
 * Plivo's {@code type}), {@code service} ({@code voice}, {@code sms}, {@code voice,sms}), the digits a
 * number starts with, the subaccount (auth id) whose numbers to list, and the alias.
 */
public record PlivoNumberFilter(
        Optional<String> numberType,
        Optional<String> service,
        Optional<String> startsWith,
        Optional<String> subaccount,
        Optional<String> alias) {

    public PlivoNumberFilter {
        numberType = numberType == null ? Optional.empty() : numberType;
        service = PlivoChecks.services(service);
        startsWith = startsWith == null ? Optional.empty() : startsWith;
        subaccount = PlivoChecks.text(subaccount, "subaccount");
        alias = PlivoChecks.text(alias, "alias");
    }

    public static PlivoNumberFilter all() {
        return new PlivoNumberFilter(null, null, null, null, null);
    }

    public PlivoNumberFilter withNumberType(String value) {
        return new PlivoNumberFilter(Optional.ofNullable(value), service, startsWith, subaccount, alias);
    }

    public PlivoNumberFilter withService(String value) {
        return new PlivoNumberFilter(numberType, Optional.ofNullable(value), startsWith, subaccount, alias);
    }

    public PlivoNumberFilter withStartsWith(String digits) {
        return new PlivoNumberFilter(numberType, service, Optional.ofNullable(digits), subaccount, alias);
    }

    public PlivoNumberFilter withSubaccount(String subauthId) {
        return new PlivoNumberFilter(numberType, service, startsWith, Optional.ofNullable(subauthId), alias);
    }

    public PlivoNumberFilter withAlias(String value) {
        return new PlivoNumberFilter(numberType, service, startsWith, subaccount, Optional.ofNullable(value));
    }
}
