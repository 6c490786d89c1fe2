package io.switchboard.domain.call;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A call as a vendor reports it.
 *
 * @param id the vendor's id (Twilio call SID, Plivo call or request uuid, Telnyx call control id)
 * @param rawStatus the vendor's own status word, kept verbatim
 * @param duration how long it lasted, once known
 * @param price what the vendor charged (positive), once known
 */
public record Call(
        String id,
        AccountId account,
        String from,
        String to,
        Direction direction,
        CallStatus status,
        String rawStatus,
        Optional<Duration> duration,
        Optional<Money> price,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt) {

    public Call {
        Checks.notBlank(id, "id");
        Checks.required(account, "account");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        direction = direction == null ? Direction.UNKNOWN : direction;
        status = status == null ? CallStatus.UNKNOWN : status;
        rawStatus = rawStatus == null ? "" : rawStatus;
        duration = duration == null ? Optional.empty() : duration;
        price = price == null ? Optional.empty() : price;
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        endedAt = endedAt == null ? Optional.empty() : endedAt;
    }
}
