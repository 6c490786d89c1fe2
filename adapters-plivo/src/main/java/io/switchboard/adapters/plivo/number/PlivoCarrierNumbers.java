package io.switchboard.adapters.plivo.number;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Numbers of the account's own carrier added to Plivo (they must point at Plivo's SIP server): the numbers, the
 * incoming carrier they arrive from, a region to organise them by (all three required), a number type
 * ({@code local} by default; informative only), the application they use, and the subaccount they belong to.
 */
public record PlivoCarrierNumbers(
        List<PhoneNumber> numbers,
        String carrier,
        String region,
        Optional<String> numberType,
        Optional<String> appId,
        Optional<String> subaccount) {

    public PlivoCarrierNumbers {
        numbers = List.copyOf(new LinkedHashSet<>(Checks.listOf(numbers, "numbers")));
        if (numbers.isEmpty()) {
            throw SwitchboardException.invalid("numbers", "must hold at least one number");
        }
        carrier = PlivoChecks.text(carrier, "carrier");
        region = PlivoChecks.text(region, "region");
        numberType = PlivoChecks.text(numberType, "number_type");
        appId = PlivoChecks.text(appId, "app_id");
        subaccount = PlivoChecks.text(subaccount, "subaccount");
    }

    public static PlivoCarrierNumbers of(List<PhoneNumber> numbers, String carrierId, String region) {
        return new PlivoCarrierNumbers(numbers, carrierId, region, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public PlivoCarrierNumbers withNumberType(String value) {
        return new PlivoCarrierNumbers(numbers, carrier, region, Optional.ofNullable(value), appId, subaccount);
    }

    public PlivoCarrierNumbers withAppId(String value) {
        return new PlivoCarrierNumbers(numbers, carrier, region, numberType, Optional.ofNullable(value), subaccount);
    }

    public PlivoCarrierNumbers withSubaccount(String subauthId) {
        return new PlivoCarrierNumbers(numbers, carrier, region, numberType, appId, Optional.ofNullable(subauthId));
    }
}
