package io.switchboard.adapters.plivo;

/** Plivo's pricing API: the rates of one country. */
public final class PlivoPrices {

    private final PlivoApi api;

    PlivoPrices(PlivoApi api) {
        this.api = api;
    }

    /** Message, voice (inbound and outbound) and number rental rates for {@code countryIso} (US, GB, QA ...). */
    public PlivoPricing get(String countryIso) {
        String iso = api.checked(() -> PlivoChecks.countryIso(countryIso, "country_iso"));
        return api.read(api.service().getPricing(api.authId(), iso), dto -> PlivoMarketplaceMapper.pricing(dto, iso));
    }
}
