package io.switchboard.application.lifecycle;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;
import io.switchboard.domain.callback.ErrorClass;
import io.switchboard.domain.message.MessageStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * One send of a delivery record: the account that accepted it (or may have) and the status it reached there.
 *
 * @param vendorId the vendor's id; empty while the outcome of the send is unknown
 * @param accepted whether the vendor's answer to the send has been seen (a callback may come first)
 * @param since when the status was reached
 */
public record SendRecord(
        AccountId account,
        Optional<String> vendorId,
        boolean accepted,
        MessageStatus status,
        String rawStatus,
        Optional<String> errorCode,
        Optional<String> errorMeaning,
        ErrorClass errorClass,
        Optional<Money> price,
        Instant since) {

    public SendRecord {
        Checks.required(account, "account");
        vendorId = vendorId == null ? Optional.empty() : vendorId;
        Checks.required(status, "status");
        rawStatus = rawStatus == null ? "" : rawStatus;
        errorCode = errorCode == null ? Optional.empty() : errorCode;
        errorMeaning = errorMeaning == null ? Optional.empty() : errorMeaning;
        errorClass = errorClass == null ? ErrorClass.UNCLASSIFIED : errorClass;
        price = price == null ? Optional.empty() : price;
        Checks.required(since, "since");
    }

    /** Whether this send has reached a status that never changes. */
    public boolean isFinal() {
        return status.isTerminal();
    }

    boolean is(AccountId other, String id) {
        return account.equals(other) && vendorId.isPresent() && vendorId.get().equals(id);
    }
}
