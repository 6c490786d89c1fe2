package io.switchboard.domain.account;

import io.switchboard.domain.SwitchboardException;

import java.time.LocalDate;
import java.util.Optional;

/** Filters for usage records: a category and an inclusive date range, each optional. */
public record UsageQuery(Optional<String> category, Optional<LocalDate> startDate, Optional<LocalDate> endDate) {

    public UsageQuery {
        category = category == null ? Optional.empty() : category;
        startDate = startDate == null ? Optional.empty() : startDate;
        endDate = endDate == null ? Optional.empty() : endDate;
        if (startDate.isPresent() && endDate.isPresent() && endDate.get().isBefore(startDate.get())) {
            throw SwitchboardException.invalid("endDate", "must not be before startDate " + startDate.get()
                    + ", got " + endDate.get());
        }
    }

    public static UsageQuery all() {
        return new UsageQuery(null, null, null);
    }
}
