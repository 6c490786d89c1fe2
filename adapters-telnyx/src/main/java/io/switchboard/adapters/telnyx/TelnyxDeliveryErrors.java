package io.switchboard.adapters.telnyx;

import io.switchboard.domain.callback.ErrorClass;

import java.util.Map;
import java.util.Optional;

/**
 * What the delivery error codes Telnyx reports in a message's {@code errors[]} mean, and whether the route or the
 * destination failed. Built from Telnyx's "Messaging Error Code Reference", delivery errors (40xxx)
 * (https://developers.telnyx.com/docs/messaging/messages/error-codes), its page for 40300
 * (https://developers.telnyx.com/api/errors/40300) and, for 40007, the earlier messaging error code list. A code not
 * listed here is UNCLASSIFIED, so it is never re-sent.
 */
final class TelnyxDeliveryErrors {

    /** A code's documented meaning and its class. */
    record Entry(String meaning, ErrorClass errorClass) {
    }

    private static final Map<String, Entry> TABLE = Map.ofEntries(
            Map.entry("40001", new Entry("Not routable: the destination is a landline or non-routable number",
                    ErrorClass.DESTINATION)),
            Map.entry("40002", new Entry("Blocked as spam (temporary)", ErrorClass.ROUTE)),
            Map.entry("40003", new Entry("Blocked as spam (permanent): the sending number is blocked by the carrier",
                    ErrorClass.ROUTE)),
            // The recipient's carrier refused it for a reason it does not give.
            Map.entry("40004", new Entry("Rejected by destination", ErrorClass.UNCLASSIFIED)),
            Map.entry("40005", new Entry("Message expired before delivery", ErrorClass.ROUTE)),
            // The recipient's carrier is down: another provider reaches the same carrier.
            Map.entry("40006", new Entry("Recipient unavailable", ErrorClass.DESTINATION)),
            Map.entry("40007", new Entry("Loop detected", ErrorClass.ROUTE)),
            // Telnyx's general-purpose refusal: it may be the route or the number.
            Map.entry("40008", new Entry("Undeliverable", ErrorClass.UNCLASSIFIED)),
            // The text itself was refused: another provider's carriers may refuse it too.
            Map.entry("40009", new Entry("Invalid message body", ErrorClass.UNCLASSIFIED)),
            Map.entry("40011", new Entry("Rate limit exceeded (upstream)", ErrorClass.ROUTE)),
            Map.entry("40012", new Entry("Invalid destination number", ErrorClass.DESTINATION)),
            Map.entry("40013", new Entry("Invalid source number", ErrorClass.ROUTE)),
            Map.entry("40014", new Entry("Expired in queue", ErrorClass.ROUTE)),
            Map.entry("40015", new Entry("Internal spam filter", ErrorClass.ROUTE)),
            Map.entry("40300", new Entry("Blocked due to STOP message", ErrorClass.OPTED_OUT)));

    private TelnyxDeliveryErrors() {
    }

    /** The entry for a code as Telnyx writes it ({@code "40001"}), if this table knows it. */
    static Optional<Entry> of(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(TABLE.get(code.trim()));
    }
}
