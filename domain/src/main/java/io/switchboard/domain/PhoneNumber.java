package io.switchboard.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;

/**
 * A phone number in E.164 form ({@code +14155552671}). Parsing checks the shape and that the length is possible for
 * the country's numbering plan; whether the number is assigned is left to {@link #isValid()} and to the vendors.
 * Immutable; equal when the E.164 strings are equal.
 */
public final class PhoneNumber implements Sender, Comparable<PhoneNumber> {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_DIGITS = 15;

    private final String e164;
    private final int countryCallingCode;
    private final String regionCode;

    private PhoneNumber(String e164, int countryCallingCode, String regionCode) {
        this.e164 = e164;
        this.countryCallingCode = countryCallingCode;
        this.regionCode = regionCode;
    }

    /** Strict parse: a {@code +} and 2 to 15 digits, nothing else, with a length the country's plan allows. */
    public static PhoneNumber parse(String e164) {
        return parse(e164, "phone number");
    }

    /** Strict parse, naming {@code field} in the error ({@code "'to' must be ..."}). */
    public static PhoneNumber parse(String e164, String field) {
        Checks.required(e164, field);
        if (e164.isEmpty() || e164.charAt(0) != '+') {
            throw SwitchboardException.invalid(field, "must be an E.164 number starting with '+', got "
                    + ErrorText.quote(e164));
        }
        int digits = e164.length() - 1;
        for (int i = 1; i < e164.length(); i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                throw SwitchboardException.invalid(field,
                        "must be an E.164 number ('+' then digits only), got " + ErrorText.quote(e164) + " with "
                        + ErrorText.quote(c) + " at " + i);
            }
        }
        if (digits < 2 || digits > MAX_DIGITS) {
            throw SwitchboardException.invalid(field,
                    "must have 2 to " + MAX_DIGITS + " digits after '+', got " + digits + " in "
                    + ErrorText.quote(e164));
        }
        if (e164.charAt(1) == '0') {
            throw SwitchboardException.invalid(field, "has no country calling code starting with 0, got "
                    + ErrorText.quote(e164));
        }
        return fromLibrary(e164, field, e164);
    }

    /**
     * Lenient parse of a national or international format ({@code "(415) 555-2671"}) with a default region
     * ({@code "US"}) used when the text has no {@code +} and country code.
     */
    public static PhoneNumber parse(String text, String defaultRegion, String field) {
        Checks.required(text, field);
        Checks.notBlank(defaultRegion, "default region");
        String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw SwitchboardException.invalid("default region",
                    "must be an ISO 3166 alpha-2 region with a numbering plan, got "
                    + ErrorText.quote(defaultRegion));
        }
        return fromLibrary(text, field, region);
    }

    /** Lenient parse with a default region, as {@link #parse(String, String, String)} for a field called "phone number". */
    public static PhoneNumber parseLenient(String text, String defaultRegion) {
        return parse(text, defaultRegion, "phone number");
    }

    private static PhoneNumber fromLibrary(String text, String field, String regionOrE164) {
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(text, regionOrE164.startsWith("+") ? null : regionOrE164);
        } catch (NumberParseException e) {
            throw SwitchboardException.invalid(field, "is not a phone number (" + reason(e) + "), got "
                    + ErrorText.quote(text));
        }
        ValidationResult possible = UTIL.isPossibleNumberWithReason(parsed);
        if (possible != ValidationResult.IS_POSSIBLE && possible != ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
            throw SwitchboardException.invalid(field, "is not a possible number (" + reason(possible) + "), got "
                    + ErrorText.quote(text));
        }
        String e164 = UTIL.format(parsed, PhoneNumberFormat.E164);
        String region = UTIL.getRegionCodeForNumber(parsed);
        if (region == null) {
            // Not an assigned number in libphonenumber's data (a fictional or newly opened range): fall back to the
            // main region of its country code, so that pricing and country rules still know where it goes.
            region = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
        }
        return new PhoneNumber(e164, parsed.getCountryCode(), region);
    }

    private static String reason(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "unknown country calling code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }

    private static String reason(ValidationResult result) {
        return switch (result) {
            case INVALID_COUNTRY_CODE -> "unknown country calling code";
            case TOO_SHORT -> "too short for its country";
            case TOO_LONG -> "too long for its country";
            case INVALID_LENGTH -> "a length its country does not use";
            default -> result.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The number in E.164 form. */
    public String e164() {
        return e164;
    }

    /** The digits of the E.164 form without the {@code +}: what rate-deck prefixes match against. */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String value() {
        return e164;
    }

    /** The country calling code, e.g. 1 for the US and Canada, 44 for the UK. */
    public int countryCallingCode() {
        return countryCallingCode;
    }

    /**
     * The ISO 3166 region the number belongs to ({@code "US"}, {@code "GB"}). For a number outside the assigned ranges
     * it is the main region of the country calling code ({@code +1} gives {@code "US"}); {@code "001"} for
     * non-geographic codes and {@code "ZZ"} when the code is unknown.
     */
    public String regionCode() {
        return regionCode;
    }

    /** Whether libphonenumber considers the number assigned in its country's plan (a stricter check than parsing). */
    public boolean isValid() {
        try {
            return UTIL.isValidNumber(UTIL.parse(e164, null));
        } catch (NumberParseException e) {
            return false;
        }
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && e164.equals(other.e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return e164;
    }
}
