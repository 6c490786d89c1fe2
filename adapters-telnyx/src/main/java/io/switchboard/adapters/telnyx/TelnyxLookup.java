package io.switchboard.adapters.telnyx;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.number.LineType;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.domain.port.LookupPort;

import java.util.ArrayList;
import java.util.List;
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

    @Override
    public NumberLookup lookup(PhoneNumber number, Set<LookupField> fields) {
        errors.required(number, "number");
        Set<LookupField> wanted = fields == null ? Set.of() : fields;
        List<String> types = new ArrayList<>();
        if (wanted.contains(LookupField.LINE_TYPE)) {
            types.add("carrier");
        }
        if (wanted.contains(LookupField.CALLER_NAME)) {
            types.add("caller-name");
        }
        try {
            return http.read(service -> service.lookup(number.e164(), types),
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
