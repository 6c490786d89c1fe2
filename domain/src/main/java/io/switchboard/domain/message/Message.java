package io.switchboard.domain.message;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Money;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A message as a vendor reports it.
 *
 * @param id the vendor's id (Twilio SID, Plivo or Telnyx uuid)
 * @param account the account it went through
 * @param from the sender as the vendor reports it (E.164 for numbers)
 * @param to the recipient as the vendor reports it
 * @param text the body, empty when the vendor does not return it
 * @param direction outbound or inbound
 * @param status the unified status
 * @param rawStatus the vendor's own status word, kept verbatim
 * @param segments billed segments, when the vendor reports them
 * @param price what the vendor charged (a positive amount), when known
 * @param createdAt when the vendor created it
 * @param sentAt when it left the vendor
 * @param errorCode the vendor's delivery error code, if any
 * @param errorMessage the vendor's delivery error text, if any
 */
public record Message(
        String id,
        AccountId account,
        Channel channel,
        String from,
        String to,
        String text,
        Direction direction,
        MessageStatus status,
        String rawStatus,
        OptionalInt segments,
        Optional<Money> price,
        Optional<Instant> createdAt,
        Optional<Instant> sentAt,
        Optional<String> errorCode,
        Optional<String> errorMessage) {

    public Message {
        Checks.notBlank(id, "id");
        Checks.required(account, "account");
        Checks.required(channel, "channel");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        text = text == null ? "" : text;
        direction = direction == null ? Direction.UNKNOWN : direction;
        status = status == null ? MessageStatus.UNKNOWN : status;
        rawStatus = rawStatus == null ? "" : rawStatus;
        segments = segments == null ? OptionalInt.empty() : segments;
        price = price == null ? Optional.empty() : price;
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        sentAt = sentAt == null ? Optional.empty() : sentAt;
        errorCode = errorCode == null ? Optional.empty() : errorCode;
        errorMessage = errorMessage == null ? Optional.empty() : errorMessage;
    }
}
