package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Quote;

import java.util.List;
import java.util.Optional;

/**
 * One message or call quoted on every account: priced rows first, cheapest first (ties by account id), then the
 * accounts that cannot serve it with their reason.
 *
 * @param units segments of an SMS (more under UCS-2), 1 for MMS and WhatsApp, minutes for a call
 */
public record CostTable(PhoneNumber destination, Product product, Optional<SmsEncoding> encoding, long units,
        List<Row> rows) {

    public CostTable {
        Checks.required(destination, "destination");
        Checks.required(product, "product");
        encoding = encoding == null ? Optional.empty() : encoding;
        rows = Checks.listOf(rows, "rows");
    }

    /** The cheapest row, if any account can serve the request. */
    public Optional<Row> cheapest() {
        return rows.isEmpty() || rows.get(0).quote().isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * One account: its quote (unit rate, units, encoding, total in its own currency) and the total in the query's
     * currency, or the reason it cannot serve the request.
     */
    public record Row(AccountId account, Optional<Quote> quote, Optional<Money> comparableTotal,
            Optional<Exclusion> exclusion) {

        public Row {
            Checks.required(account, "account");
            quote = quote == null ? Optional.empty() : quote;
            comparableTotal = comparableTotal == null ? Optional.empty() : comparableTotal;
            exclusion = exclusion == null ? Optional.empty() : exclusion;
        }
    }
}
