package io.switchboard.domain.message;

import io.switchboard.domain.Direction;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters for listing messages; every filter is optional and adapters send those their vendor supports.
 *
 * @param to recipient (E.164)
 * @param from sender (E.164 or sender ID)
 * @param sentAfter inclusive lower bound of the send time
 * @param sentBefore exclusive upper bound of the send time
 * @param direction inbound or outbound
 * @param status unified status
 */
public record MessageQuery(
        Optional<String> to,
        Optional<String> from,
        Optional<Instant> sentAfter,
        Optional<Instant> sentBefore,
        Optional<Direction> direction,
        Optional<MessageStatus> status) {

    public MessageQuery {
        to = to == null ? Optional.empty() : to;
        from = from == null ? Optional.empty() : from;
        sentAfter = sentAfter == null ? Optional.empty() : sentAfter;
        sentBefore = sentBefore == null ? Optional.empty() : sentBefore;
        direction = direction == null ? Optional.empty() : direction;
        status = status == null ? Optional.empty() : status;
    }

    /** No filter: every message. */
    public static MessageQuery all() {
        return new MessageQuery(null, null, null, null, null, null);
    }

    public MessageQuery withTo(String value) {
        return new MessageQuery(Optional.ofNullable(value), from, sentAfter, sentBefore, direction, status);
    }

    public MessageQuery withFrom(String value) {
        return new MessageQuery(to, Optional.ofNullable(value), sentAfter, sentBefore, direction, status);
    }

    public MessageQuery withSentBetween(Instant after, Instant before) {
        return new MessageQuery(to, from, Optional.ofNullable(after), Optional.ofNullable(before), direction, status);
    }

    public MessageQuery withDirection(Direction value) {
        return new MessageQuery(to, from, sentAfter, sentBefore, Optional.ofNullable(value), status);
    }

    public MessageQuery withStatus(MessageStatus value) {
        return new MessageQuery(to, from, sentAfter, sentBefore, direction, Optional.ofNullable(value));
    }
}
