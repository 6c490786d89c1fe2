package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Direction;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.MessageStatus;

import java.util.Locale;

/**
 * Telnyx's status words mapped to the unified ones. Several vocabularies meet here: a message's per-recipient
 * {@code to[].status}, a messaging detail record's final {@code status}, and the call statuses of detail records and
 * live calls. Anything unknown maps to UNKNOWN, never to an error.
 */
final class TelnyxStatuses {

    private TelnyxStatuses() {
    }

    static MessageStatus message(String raw) {
        if (raw == null) {
            return MessageStatus.UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "queued", "scheduled" -> MessageStatus.QUEUED;
            case "sending" -> MessageStatus.SENDING;
            // delivery_unconfirmed / dlr_unconfirmed / dlr_timeout: the carrier took it but never confirmed.
            case "sent", "delivery_unconfirmed", "dlr_unconfirmed", "dlr_timeout" -> MessageStatus.SENT;
            case "delivered" -> MessageStatus.DELIVERED;
            case "delivery_failed", "undeliverable" -> MessageStatus.UNDELIVERED;
            case "sending_failed", "failed", "gw_timeout" -> MessageStatus.FAILED;
            case "gw_reject", "rejected" -> MessageStatus.REJECTED;
            case "expired" -> MessageStatus.EXPIRED;
            case "received", "webhook_delivered" -> MessageStatus.RECEIVED;
            default -> MessageStatus.UNKNOWN;
        };
    }

    /** The status word Telnyx filters on for a unified status (the inverse of {@link #message}, first choice). */
    static String messageFilter(MessageStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case SENDING -> "sending";
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case UNDELIVERED -> "delivery_failed";
            case FAILED -> "sending_failed";
            case REJECTED -> "gw_reject";
            case EXPIRED -> "expired";
            case RECEIVED -> "received";
            case UNKNOWN -> null;
        };
    }

    static CallStatus call(String raw) {
        if (raw == null) {
            return CallStatus.UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "initiating", "initiated", "queued" -> CallStatus.QUEUED;
            case "ringing" -> CallStatus.RINGING;
            case "in-progress", "answered", "active", "bridged" -> CallStatus.IN_PROGRESS;
            case "completed", "hangup", "ended" -> CallStatus.COMPLETED;
            case "busy" -> CallStatus.BUSY;
            case "no-answer", "timeout" -> CallStatus.NO_ANSWER;
            case "failed" -> CallStatus.FAILED;
            case "canceled", "cancelled" -> CallStatus.CANCELED;
            default -> CallStatus.UNKNOWN;
        };
    }

    /**
     * How a call ended, from a {@code call.hangup} webhook's {@code hangup_cause} (Telnyx Call Control's callback
     * reference): a normal clearing or the time limit ends an answered call; a busy line or a declined call is BUSY;
     * no answer before the timeout is NO_ANSWER; the caller's cancel is CANCELED; anything else (not found,
     * unspecified, a new cause) is FAILED, so that the call still ends.
     */
    static CallStatus hangup(String cause) {
        if (cause == null) {
            return CallStatus.FAILED;
        }
        return switch (cause.trim().toLowerCase(Locale.ROOT)) {
            case "normal_clearing", "time_limit" -> CallStatus.COMPLETED;
            case "user_busy", "call_rejected" -> CallStatus.BUSY;
            case "timeout", "no_answer" -> CallStatus.NO_ANSWER;
            case "originator_cancel" -> CallStatus.CANCELED;
            default -> CallStatus.FAILED;
        };
    }

    static String callFilter(CallStatus status) {
        return switch (status) {
            case QUEUED -> "initiating";
            case RINGING -> "ringing";
            case IN_PROGRESS -> "in-progress";
            case COMPLETED -> "completed";
            case BUSY -> "busy";
            case NO_ANSWER -> "no-answer";
            case FAILED -> "failed";
            case CANCELED -> "canceled";
            case UNKNOWN -> null;
        };
    }

    static Direction direction(String raw) {
        if (raw == null) {
            return Direction.UNKNOWN;
        }
        String d = raw.trim().toLowerCase(Locale.ROOT);
        if (d.startsWith("outbound")) {
            return Direction.OUTBOUND;
        }
        return d.startsWith("inbound") ? Direction.INBOUND : Direction.UNKNOWN;
    }

    static String directionFilter(Direction direction) {
        return switch (direction) {
            case OUTBOUND -> "outbound";
            case INBOUND -> "inbound";
            case UNKNOWN -> null;
        };
    }
}
