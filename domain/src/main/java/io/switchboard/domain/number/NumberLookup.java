package io.switchboard.domain.number;

import io.switchboard.domain.Checks;

import java.util.Optional;

/**
 * What a vendor's lookup says about a number.
 *
 * @param number the number looked up, E.164
 * @param valid whether the vendor considers it valid
 * @param countryIso ISO 3166 alpha-2 country
 * @param nationalFormat the number in its country's national format
 * @param carrier the carrier name, when line-type data was requested
 * @param lineType the kind of line, {@link LineType#UNKNOWN} when not requested
 * @param callerName the registered caller name, when requested
 */
public record NumberLookup(
        String number,
        boolean valid,
        Optional<String> countryIso,
        Optional<String> nationalFormat,
        Optional<String> carrier,
        LineType lineType,
        Optional<String> callerName) {

    public NumberLookup {
        Checks.notBlank(number, "number");
        countryIso = countryIso == null ? Optional.empty() : countryIso;
        nationalFormat = nationalFormat == null ? Optional.empty() : nationalFormat;
        carrier = carrier == null ? Optional.empty() : carrier;
        lineType = lineType == null ? LineType.UNKNOWN : lineType;
        callerName = callerName == null ? Optional.empty() : callerName;
    }
}
