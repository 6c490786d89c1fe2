package io.switchboard.adapters.twilio;

import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.LineType;

import java.util.Locale;

/** Twilio's status words to the unified statuses; a word not listed here is UNKNOWN (the raw word is kept). */
final class TwilioStatuses {

    private TwilioStatuses() {
    }

    static MessageStatus message(String raw) {
        if (raw == null) {
            return MessageStatus.UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued" -> MessageStatus.QUEUED;
            case "sending", "receiving" -> MessageStatus.SENDING;
            case "sent" -> MessageStatus.SENT;
            case "delivered", "read" -> MessageStatus.DELIVERED;
            // Not every part or recipient got it: final, and not a full delivery.
            case "undelivered", "partially_delivered" -> MessageStatus.UNDELIVERED;
            case "failed" -> MessageStatus.FAILED;
            case "received" -> MessageStatus.RECEIVED;
            // A scheduled message cancelled before it was sent: final, never sent.
            case "canceled" -> MessageStatus.REJECTED;
            default -> MessageStatus.UNKNOWN;
        };
    }

    static CallStatus call(String raw) {
        if (raw == null) {
            return CallStatus.UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "queued", "initiated" -> CallStatus.QUEUED;
            case "ringing" -> CallStatus.RINGING;
            case "in-progress", "answered" -> CallStatus.IN_PROGRESS;
            case "completed" -> CallStatus.COMPLETED;
            case "busy" -> CallStatus.BUSY;
            case "no-answer" -> CallStatus.NO_ANSWER;
            case "failed" -> CallStatus.FAILED;
            case "canceled" -> CallStatus.CANCELED;
            default -> CallStatus.UNKNOWN;
        };
    }

    /** The domain word for a call status filter, in Twilio's spelling. */
    static String callFilter(CallStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Lookup v2 line types ({@code nonFixedVoip}, {@code tollFree}, ...). */
    static LineType lineType(String raw) {
        if (raw == null) {
            return LineType.UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "mobile" -> LineType.MOBILE;
            case "landline" -> LineType.LANDLINE;
            case "fixedvoip" -> LineType.FIXED_VOIP;
            case "nonfixedvoip" -> LineType.NON_FIXED_VOIP;
            case "tollfree" -> LineType.TOLL_FREE;
            case "premium" -> LineType.PREMIUM;
            case "sharedcost" -> LineType.SHARED_COST;
            case "pager" -> LineType.PAGER;
            default -> LineType.UNKNOWN;
        };
    }
}
