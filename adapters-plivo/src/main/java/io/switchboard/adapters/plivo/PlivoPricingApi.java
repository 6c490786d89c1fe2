package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.pricing.PlivoCountryPricing;

/** Plivo's pricing API: the rates of one country. */
public final class PlivoPricingApi {

    private final PlivoPricing pricing;

    PlivoPricingApi(PlivoPricing pricing) {
        this.pricing = pricing;
    }

    /** Message, voice (inbound and outbound) and number rental rates for {@code countryIso} (US, GB, QA ...). */
    public PlivoCountryPricing get(String countryIso) {
        return pricing.country(countryIso);
    }
}
