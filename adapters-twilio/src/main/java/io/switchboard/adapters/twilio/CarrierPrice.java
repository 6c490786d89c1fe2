package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

/**
 * One line of Twilio's outbound messaging prices for a country: a carrier and a number type, per segment.
 *
 * @param numberType Twilio's sender number type ({@code mobile}, {@code local}, {@code shortcode}, {@code tollfree})
 */
public record CarrierPrice(String carrier, String mcc, String mnc, String numberType, Money basePrice,
        Money currentPrice) {

    public CarrierPrice {
        carrier = carrier == null ? "" : carrier;
        mcc = mcc == null ? "" : mcc;
        mnc = mnc == null ? "" : mnc;
        numberType = numberType == null ? "" : numberType;
        Checks.required(currentPrice, "currentPrice");
        basePrice = basePrice == null ? currentPrice : basePrice;
    }
}
