package io.switchboard.domain.port;

import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;

import java.util.Set;

/** Asks the vendor what it knows about a number. */
public interface LookupPort {

    /** Validation always; the extra {@code fields} (line type, caller name) where the vendor offers them. */
    NumberLookup lookup(PhoneNumber number, Set<LookupField> fields);
}
