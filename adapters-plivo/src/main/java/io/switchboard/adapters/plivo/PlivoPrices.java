package io.switchboard.adapters.plivo;

import io.switchboard.domain.SwitchboardException;

/** Plivo's pricing API: the rates of one country. */
public final class PlivoPrices {

    private final PlivoApi api;

    PlivoPrices(PlivoApi api) {
        this.api = api;
    }

    /** Message, voice (inbound and outbound) and number rental rates for {@code countryIso} (US, GB, QA ...). */
    public PlivoPricing get(String countryIso) {
        String iso;
        try {
            iso = PlivoChecks.countryIso(countryIso, "country_iso");
        } catch (SwitchboardException e) {
            throw new SwitchboardException(e.failure().withAccount(api.http().account()));
        }
        return PlivoMarketplaceMapper.pricing(api.read(api.service().getPricing(api.authId(), iso)), iso);
    }
}
