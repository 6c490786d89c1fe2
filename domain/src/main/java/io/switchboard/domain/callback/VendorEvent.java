package io.switchboard.domain.callback;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.MessageStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One vendor callback, verified and turned into the unified model: a message's or a call's status change, or an
 * inbound message.
 *
 * @param kind what it reports
 * @param account the account it came for
 * @param eventId what identifies this delivery of the event, so a replay applies once (Twilio's idempotency token,
 *     Telnyx's event id, Plivo's nonce; a digest of the content when the vendor sends none)
 * @param vendorId the vendor's id of the message or call
 * @param reference the delivery record the callback URL named, when it named one
 * @param messageStatus the unified status of a message event (RECEIVED for an inbound message)
 * @param callStatus the unified status of a call event
 * @param rawStatus the vendor's own status word, verbatim
 * @param errorCode the vendor's error code, when it gave one
 * @param errorMeaning what the vendor documents that code to mean
 * @param errorClass whether the route or the destination failed, for re-sending
 * @param price what the vendor charged, when the event says
 * @param occurredAt when it happened by the vendor's clock (when received, if the vendor gave no time)
 * @param sequence the vendor's order of the events of one call (Twilio's SequenceNumber), when given
 * @param from the sender as the vendor reports it
 * @param to the recipient as the vendor reports it
 * @param text the body of an inbound message, empty otherwise
 */
public record VendorEvent(
        EventKind kind,
        AccountId account,
        String eventId,
        String vendorId,
        Optional<String> reference,
        Optional<MessageStatus> messageStatus,
        Optional<CallStatus> callStatus,
        String rawStatus,
        Optional<String> errorCode,
        Optional<String> errorMeaning,
        ErrorClass errorClass,
        Optional<Money> price,
        Instant occurredAt,
        OptionalLong sequence,
        String from,
        String to,
        String text) {

    public VendorEvent {
        Checks.required(kind, "kind");
        Checks.required(account, "account");
        Checks.notBlank(eventId, "eventId");
        Checks.notBlank(vendorId, "vendorId");
        reference = reference == null ? Optional.empty() : reference;
        messageStatus = messageStatus == null ? Optional.empty() : messageStatus;
        callStatus = callStatus == null ? Optional.empty() : callStatus;
        rawStatus = rawStatus == null ? "" : rawStatus;
        errorCode = errorCode == null ? Optional.empty() : errorCode.filter(code -> !code.isBlank());
        errorMeaning = errorMeaning == null ? Optional.empty() : errorMeaning;
        errorClass = errorClass == null ? ErrorClass.UNCLASSIFIED : errorClass;
        price = price == null ? Optional.empty() : price;
        Checks.required(occurredAt, "occurredAt");
        sequence = sequence == null ? OptionalLong.empty() : sequence;
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        text = text == null ? "" : text;
        if (kind == EventKind.CALL_STATUS ? callStatus.isEmpty() : messageStatus.isEmpty()) {
            throw SwitchboardException.invalid(kind == EventKind.CALL_STATUS ? "callStatus" : "messageStatus",
                    "is required for a " + kind + " event");
        }
    }

    public static Builder builder(EventKind kind, AccountId account) {
        return new Builder(kind, account);
    }

    /** This event with the delivery record its callback URL named. */
    public VendorEvent withReference(String value) {
        return new VendorEvent(kind, account, eventId, vendorId, Optional.ofNullable(value), messageStatus,
                callStatus, rawStatus, errorCode, errorMeaning, errorClass, price, occurredAt, sequence, from, to,
                text);
    }

    /** Whether the event ends the message's or call's life (delivered, undelivered, failed, completed, ...). */
    public boolean isFinal() {
        return messageStatus.map(MessageStatus::isTerminal).orElse(false)
                || callStatus.map(CallStatus::isTerminal).orElse(false);
    }

    /** Fills an event; {@code eventId}, {@code vendorId}, a status and {@code occurredAt} are required. */
    public static final class Builder {
        private final EventKind kind;
        private final AccountId account;
        private String eventId;
        private String vendorId;
        private String reference;
        private MessageStatus messageStatus;
        private CallStatus callStatus;
        private String rawStatus;
        private String errorCode;
        private String errorMeaning;
        private ErrorClass errorClass;
        private Money price;
        private Instant occurredAt;
        private Long sequence;
        private String from;
        private String to;
        private String text;

        private Builder(EventKind kind, AccountId account) {
            this.kind = kind;
            this.account = account;
        }

        public Builder eventId(String value) {
            eventId = value;
            return this;
        }

        public Builder vendorId(String value) {
            vendorId = value;
            return this;
        }

        public Builder reference(String value) {
            reference = value;
            return this;
        }

        public Builder messageStatus(MessageStatus value, String raw) {
            messageStatus = value;
            rawStatus = raw;
            return this;
        }

        public Builder callStatus(CallStatus value, String raw) {
            callStatus = value;
            rawStatus = raw;
            return this;
        }

        public Builder error(String code, String meaning, ErrorClass cls) {
            errorCode = code;
            errorMeaning = meaning;
            errorClass = cls;
            return this;
        }

        public Builder price(Money value) {
            price = value;
            return this;
        }

        public Builder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        public Builder sequence(long value) {
            sequence = value;
            return this;
        }

        public Builder from(String value) {
            from = value;
            return this;
        }

        public Builder to(String value) {
            to = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public VendorEvent build() {
            return new VendorEvent(kind, account, eventId, vendorId, Optional.ofNullable(reference),
                    Optional.ofNullable(messageStatus), Optional.ofNullable(callStatus), rawStatus,
                    Optional.ofNullable(errorCode), Optional.ofNullable(errorMeaning), errorClass,
                    Optional.ofNullable(price), occurredAt, sequence == null ? OptionalLong.empty()
                            : OptionalLong.of(sequence), from, to, text);
        }
    }
}
