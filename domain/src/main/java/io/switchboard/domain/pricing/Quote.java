package io.switchboard.domain.pricing;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.SmsEncoding;

import java.util.Optional;

/**
 * What one message or call costs on one account, and why.
 *
 * @param account the account priced
 * @param product what was priced
 * @param rate the rate applied
 * @param prefix the rate-deck prefix that matched the destination
 * @param units units billed (segments, minutes or messages)
 * @param encoding the text's encoding, for a text message
 * @param total rate times units
 */
public record Quote(
        AccountId account,
        Product product,
        Rate rate,
        String prefix,
        long units,
        Optional<SmsEncoding> encoding,
        Money total) {

    public Quote {
        Checks.required(account, "account");
        Checks.required(product, "product");
        Checks.required(rate, "rate");
        Checks.required(prefix, "prefix");
        Checks.required(total, "total");
        encoding = encoding == null ? Optional.empty() : encoding;
        if (units < 0) {
            throw SwitchboardException.invalid("units", "must not be negative, got " + units);
        }
        if (!total.equals(rate.costOf(units))) {
            throw SwitchboardException.invalid("total", "must be rate x units = " + rate.costOf(units) + ", got " + total);
        }
    }

    /** Prices {@code units} units at {@code rate}. */
    public static Quote of(AccountId account, Product product, RateDeck.Match match, long units,
            Optional<SmsEncoding> encoding) {
        Checks.required(match, "match");
        return new Quote(account, product, match.rate(), match.prefix(), units, encoding, match.rate().costOf(units));
    }

    /** Why this price, in words: {@code "3 segments (UCS-2) x 0.04 USD/segment at prefix 44 = 0.12 USD"}. */
    public String explanation() {
        String unitWord = rate.unit().name().toLowerCase(java.util.Locale.ROOT) + (units == 1 ? "" : "s");
        return units + " " + unitWord + encoding.map(e -> " (" + e + ")").orElse("") + " x " + rate
                + " at prefix " + prefix + " = " + total;
    }
}
