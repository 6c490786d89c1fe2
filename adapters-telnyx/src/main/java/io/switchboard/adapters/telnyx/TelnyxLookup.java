package io.switchboard.adapters.telnyx;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.number.LineType;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.domain.port.LookupPort;

import java.util.Optional;
import java.util.Set;

/**
 * Number lookup: GET /number_lookup/{phone_number}, with {@code type=carrier} for the line type and carrier and
 * {@code type=caller-name} for the CNAM name. Telnyx answers a number it considers invalid with a 4xx error
 * (10002 "Invalid phone number", 10016 "must be in +E.164 format"); that answer is reported as an invalid number.
 */
final class TelnyxLookup implements LookupPort {

    static final Set<String> INVALID_NUMBER_CODES = Set.of("10002", "10016");

    private final TelnyxHttp http;
    private final TelnyxMapper mapper;
    private final TelnyxErrors errors;

    TelnyxLookup(TelnyxHttp http, TelnyxMapper mapper, TelnyxErrors errors) {
        this.http = http;
        this.mapper = mapper;
        this.errors = errors;
    }

    /**
     * Telnyx's number lookup reference takes one {@code type} per request ({@code carrier} or {@code caller-name}), so
     * asking for both fields makes two requests: the carrier lookup first (its answer gives the basic data too), then
     * the caller-name lookup, whose name is added to it. No field asks for the basic lookup, without {@code type}.
     */
    @Override
    public NumberLookup lookup(PhoneNumber number, Set<LookupField> fields) {
        errors.required(number, "number");
        Set<LookupField> wanted = fields == null ? Set.of() : fields;
        boolean carrier = wanted.contains(LookupField.LINE_TYPE);
        boolean callerName = wanted.contains(LookupField.CALLER_NAME);
        NumberLookup first = lookup(number, carrier ? "carrier" : callerName ? "caller-name" : null);
        if (!(carrier && callerName) || !first.valid()) {
            return first;
        }
        NumberLookup named = lookup(number, "caller-name");
        return new NumberLookup(first.number(), first.valid(), first.countryIso(), first.nationalFormat(),
                first.carrier(), first.lineType(), named.callerName());
    }

    /** One GET /number_lookup/{phone_number}, with {@code type} when it is not null. */
    private NumberLookup lookup(PhoneNumber number, String type) {
        try {
            return http.read(service -> service.lookup(number.e164(), type),
                    one -> mapper.lookup(one.data(), number.e164()));
        } catch (SwitchboardException e) {
            if (e.kind() == FailureKind.INVALID_REQUEST
                    && e.failure().vendorCode().filter(INVALID_NUMBER_CODES::contains).isPresent()) {
                return new NumberLookup(number.e164(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                        LineType.UNKNOWN, Optional.empty());
            }
            throw e;
        }
    }
}
