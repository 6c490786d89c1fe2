package io.switchboard.domain.number;

import java.util.Optional;

/**
 * Filters for listing owned numbers.
 *
 * @param numberContains digits the number starts with or contains, as the vendor supports
 * @param capability only numbers with this capability
 */
public record NumberQuery(Optional<String> numberContains, Optional<NumberCapability> capability) {

    public NumberQuery {
        numberContains = numberContains == null ? Optional.empty() : numberContains;
        capability = capability == null ? Optional.empty() : capability;
    }

    public static NumberQuery all() {
        return new NumberQuery(null, null);
    }
}
