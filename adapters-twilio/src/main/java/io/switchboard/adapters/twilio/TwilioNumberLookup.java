package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.number.LineType;
import io.switchboard.domain.number.NumberLookup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Twilio Lookup v2 answered about a number: validation, and the data packages asked for. Packages this
 * type has no record for (SIM swap, call forwarding, ...) are kept as Twilio's JSON objects in {@link #otherFields}.
 *
 * @param lineTypeIntelligence present when {@link TwilioLookupField#LINE_TYPE_INTELLIGENCE} was asked and answered
 * @param callerName present when {@link TwilioLookupField#CALLER_NAME} was asked and answered
 * @param otherFields other answered packages by Twilio's field name ({@code sim_swap})
 */
public record TwilioNumberLookup(
        String phoneNumber,
        boolean valid,
        List<String> validationErrors,
        Optional<String> countryIso,
        Optional<String> callingCountryCode,
        Optional<String> nationalFormat,
        Optional<LineTypeIntelligence> lineTypeIntelligence,
        Optional<CallerName> callerName,
        Map<String, Map<String, Object>> otherFields) {

    public TwilioNumberLookup {
        Checks.notBlank(phoneNumber, "phoneNumber");
        validationErrors = Checks.listOf(validationErrors, "validationErrors");
        countryIso = countryIso == null ? Optional.empty() : countryIso;
        callingCountryCode = callingCountryCode == null ? Optional.empty() : callingCountryCode;
        nationalFormat = nationalFormat == null ? Optional.empty() : nationalFormat;
        lineTypeIntelligence = lineTypeIntelligence == null ? Optional.empty() : lineTypeIntelligence;
        callerName = callerName == null ? Optional.empty() : callerName;
        otherFields = otherFields == null ? Map.of() : Map.copyOf(otherFields);
    }

    /**
     * Twilio's line type intelligence.
     *
     * @param rawType Twilio's word ({@code mobile}, {@code nonFixedVoip}, ...), kept verbatim
     */
    public record LineTypeIntelligence(Optional<String> carrierName, LineType type, String rawType,
            Optional<String> mobileCountryCode, Optional<String> mobileNetworkCode, Optional<String> errorCode) {
    }

    /** Twilio's caller name (CNAM) package. */
    public record CallerName(Optional<String> name, Optional<String> callerType, Optional<String> errorCode) {
    }

    /** The part every vendor shares. */
    public NumberLookup toNumberLookup() {
        return new NumberLookup(phoneNumber, valid, countryIso, nationalFormat,
                lineTypeIntelligence.flatMap(LineTypeIntelligence::carrierName),
                lineTypeIntelligence.map(LineTypeIntelligence::type).orElse(LineType.UNKNOWN),
                callerName.flatMap(CallerName::name));
    }
}
