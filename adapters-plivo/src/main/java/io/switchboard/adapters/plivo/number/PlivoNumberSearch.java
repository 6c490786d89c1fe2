package io.switchboard.adapters.plivo.number;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.SwitchboardException;

import java.util.Optional;
import java.util.Set;

/**
 * A search for numbers to buy, with Plivo's rules (https://www.plivo.com/docs/numbers/api/phone-number): the country
 * (ISO alpha-2, required); the type ({@code fixed}, {@code mobile}, {@code tollfree} or {@code any}, Plivo's default);
 * a pattern (digits after the country code); a region (three characters or more, for fixed numbers only: a search with
 * a region and no type is for fixed numbers); services; and LATA and rate centre, for the US and Canada only.
 */
public record PlivoNumberSearch(
        String countryIso,
        Optional<String> type,
        Optional<String> pattern,
        Optional<String> region,
        Optional<String> services,
        Optional<String> lata,
        Optional<String> rateCenter) {

    public PlivoNumberSearch {
        countryIso = PlivoChecks.countryIso(countryIso, "country_iso");
        type = PlivoChecks.oneOf(type, Set.of("fixed", "mobile", "tollfree", "any"), "type");
        pattern = PlivoChecks.text(pattern, "pattern");
        if (pattern.isPresent() && !pattern.get().matches("[0-9]{1,14}")) {
            throw SwitchboardException.invalid("pattern", "must be the digits after the country code, got '"
                    + pattern.get() + "'");
        }
        region = PlivoChecks.text(region, "region");
        if (region.isPresent() && region.get().length() < 3) {
            throw SwitchboardException.invalid("region",
                    "must be three characters or more, got '" + region.get() + "'");
        }
        if (region.isPresent() && type.isPresent() && !type.get().equals("fixed")) {
            throw SwitchboardException.invalid("region", "applies to fixed numbers only, got type " + type.get());
        }
        services = PlivoChecks.services(services);
        lata = PlivoChecks.text(lata, "lata");
        if (lata.isPresent() && !lata.get().matches("[0-9]{3,5}")) {
            throw SwitchboardException.invalid("lata", "must be a LATA code (digits), got '" + lata.get() + "'");
        }
        rateCenter = PlivoChecks.text(rateCenter, "rate_center");
        boolean northAmerica = countryIso.equals("US") || countryIso.equals("CA");
        if (!northAmerica && (lata.isPresent() || rateCenter.isPresent())) {
            throw SwitchboardException.invalid(lata.isPresent() ? "lata" : "rate_center",
                    "applies to country_iso US and CA only, got " + countryIso);
        }
    }

    public static PlivoNumberSearch in(String countryIso) {
        return new PlivoNumberSearch(countryIso, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public PlivoNumberSearch withType(String value) {
        return new PlivoNumberSearch(countryIso, Optional.ofNullable(value), pattern, region, services, lata,
                rateCenter);
    }

    public PlivoNumberSearch withPattern(String digits) {
        return new PlivoNumberSearch(countryIso, type, Optional.ofNullable(digits), region, services, lata, rateCenter);
    }

    public PlivoNumberSearch withRegion(String value) {
        return new PlivoNumberSearch(countryIso, type, pattern, Optional.ofNullable(value), services, lata,
                rateCenter);
    }

    public PlivoNumberSearch withServices(String value) {
        return new PlivoNumberSearch(countryIso, type, pattern, region, Optional.ofNullable(value), lata, rateCenter);
    }

    public PlivoNumberSearch withLata(String value) {
        return new PlivoNumberSearch(countryIso, type, pattern, region, services, Optional.ofNullable(value),
                rateCenter);
    }

    public PlivoNumberSearch withRateCenter(String value) {
        return new PlivoNumberSearch(countryIso, type, pattern, region, services, lata, Optional.ofNullable(value));
    }
}
