package io.switchboard.application.lifecycle;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.message.MessageStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of a delivery record's history: a status one send reached, and what told us.
 *
 * @param at when it happened (the vendor's time for a callback, ours otherwise)
 * @param vendorId the vendor's id of the send, empty for a send whose outcome is unknown
 */
public record StatusChange(
        Instant at,
        AccountId account,
        Optional<String> vendorId,
        MessageStatus status,
        String rawStatus,
        Optional<String> errorCode,
        Source source) {

    public StatusChange {
        Checks.required(at, "at");
        Checks.required(account, "account");
        vendorId = vendorId == null ? Optional.empty() : vendorId;
        Checks.required(status, "status");
        rawStatus = rawStatus == null ? "" : rawStatus;
        errorCode = errorCode == null ? Optional.empty() : errorCode;
        Checks.required(source, "source");
    }

    /** What reported a status. */
    public enum Source {
        /** The vendor's answer to the send. */
        SEND,
        /** A verified status callback. */
        CALLBACK,
        /** Read back from the vendor because no final status came. */
        READ_BACK
    }
}
