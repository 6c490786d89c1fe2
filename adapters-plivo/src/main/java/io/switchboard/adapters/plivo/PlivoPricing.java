package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.adapters.plivo.pricing.PlivoCountryPricing;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.port.PricingPort;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;

import java.util.List;
import java.util.Locale;

/** Plivo's Pricing API as the pricing port; {@link PlivoPricingApi} answers a country's full price list. */
final class PlivoPricing implements PricingPort {

    private final PlivoContext ctx;

    PlivoPricing(PlivoContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<RateDeck.Entry> rates(String countryIso, Product product) {
        Checks.notBlank(countryIso, "countryIso");
        Checks.required(product, "product");
        String iso = countryIso.trim().toUpperCase(Locale.ROOT);
        if (!iso.matches("[A-Z]{2}")) {
            throw SwitchboardException.invalid("countryIso", "must be an ISO 3166 alpha-2 code, got '"
                    + countryIso + "'");
        }
        if (product != Product.SMS && product != Product.VOICE) {
            throw new SwitchboardException(Failure.of(FailureKind.UNSUPPORTED,
                    "Plivo's pricing API publishes SMS and voice rates, not " + product)
                    .withAccount(ctx.account()));
        }
        var pricing = ctx.read(ctx.service().getPricing(ctx.authId(), iso));
        return product == Product.SMS ? PlivoMapper.smsRates(pricing) : PlivoMapper.voiceRates(pricing);
    }

    /** Message, voice and number rental rates for {@code countryIso}, with Plivo's parameter name in failures. */
    PlivoCountryPricing country(String countryIso) {
        String iso = ctx.checked(() -> PlivoChecks.countryIso(countryIso, "country_iso"));
        return ctx.read(ctx.service().getPricing(ctx.authId(), iso), dto -> PlivoMarketplaceMapper.pricing(dto, iso));
    }
}
