package io.switchboard.adapters.plivo.number;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.util.Optional;

/**
 * A number Plivo has for sale, as the search answers it: E.164 and Plivo's spelling (the id to buy it by), type
 * ({@code fixed}, {@code mobile}, {@code tollfree}), where it is, what it can do, and what it costs.
 */
public record PlivoAvailableNumber(
        String number,
        String id,
        String type,
        Optional<String> subType,
        Optional<String> prefix,
        Optional<String> city,
        Optional<String> country,
        Optional<String> region,
        Optional<String> rateCenter,
        Optional<String> lata,
        boolean voiceEnabled,
        boolean smsEnabled,
        boolean mmsEnabled,
        Optional<Money> setupRate,
        Optional<Money> monthlyRentalRate,
        Optional<Money> voiceRate,
        Optional<Money> smsRate,
        Optional<String> restriction) {

    public PlivoAvailableNumber {
        Checks.notBlank(number, "number");
        Checks.notBlank(id, "id");
        type = type == null ? "" : type;
    }
}
