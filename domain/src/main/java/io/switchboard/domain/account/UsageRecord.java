package io.switchboard.domain.account;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Usage of one category over a period, as the vendor bills it.
 *
 * @param category the vendor's usage category ({@code sms}, {@code calls-outbound} ...)
 * @param count how many events
 * @param usage how much, in {@code usageUnit}
 */
public record UsageRecord(
        AccountId account,
        String category,
        String description,
        BigDecimal count,
        String countUnit,
        BigDecimal usage,
        String usageUnit,
        Optional<Money> price,
        LocalDate startDate,
        LocalDate endDate) {

    public UsageRecord {
        Checks.required(account, "account");
        Checks.notBlank(category, "category");
        description = description == null ? "" : description;
        count = count == null ? BigDecimal.ZERO : count;
        countUnit = countUnit == null ? "" : countUnit;
        usage = usage == null ? BigDecimal.ZERO : usage;
        usageUnit = usageUnit == null ? "" : usageUnit;
        price = price == null ? Optional.empty() : price;
        Checks.required(startDate, "startDate");
        Checks.required(endDate, "endDate");
    }
}
