package io.switchboard.adapters.twilio;

import io.switchboard.domain.callback.ErrorClass;

import java.util.Map;
import java.util.Optional;

/**
 * What the error codes Twilio reports on a message's status callback mean, and whether the route or the destination
 * failed. Built from Twilio's public error dictionary (https://www.twilio.com/docs/api/errors, one page per code, e.g.
 * https://www.twilio.com/docs/api/errors/30007). A code not listed here is UNCLASSIFIED, so it is never re-sent.
 */
final class TwilioDeliveryErrors {

    /** A code's documented meaning and its class. */
    record Entry(String meaning, ErrorClass errorClass) {
    }

    private static final Map<String, Entry> TABLE = Map.ofEntries(
            Map.entry("30001", new Entry("Queue overflow", ErrorClass.ROUTE)),
            Map.entry("30002", new Entry("Account suspended", ErrorClass.ROUTE)),
            Map.entry("30003", new Entry("Unreachable destination handset", ErrorClass.DESTINATION)),
            // Blocked by the destination's carrier or handset for reasons Twilio does not say: another route may be
            // blocked the same way, or not.
            Map.entry("30004", new Entry("Message blocked", ErrorClass.UNCLASSIFIED)),
            Map.entry("30005", new Entry("Unknown destination handset", ErrorClass.DESTINATION)),
            Map.entry("30006", new Entry("Landline or unreachable carrier", ErrorClass.DESTINATION)),
            Map.entry("30007", new Entry("Message filtered (carrier filtering)", ErrorClass.ROUTE)),
            Map.entry("30008", new Entry("Unknown error", ErrorClass.ROUTE)),
            // About the segments of an inbound message: nothing another provider could send better.
            Map.entry("30009", new Entry("Missing inbound segment", ErrorClass.UNCLASSIFIED)),
            // The message's MaxPrice was below Twilio's price: a cheaper provider may take it.
            Map.entry("30010", new Entry("Message price exceeds max price", ErrorClass.ROUTE)),
            Map.entry("30032", new Entry("Toll-free number has not been verified", ErrorClass.ROUTE)),
            Map.entry("30034", new Entry("Message from an unregistered number (US A2P 10DLC)", ErrorClass.ROUTE)),
            Map.entry("30410", new Entry("Provider timeout error", ErrorClass.ROUTE)),
            Map.entry("21610", new Entry("Attempt to send to unsubscribed recipient (replied STOP)",
                    ErrorClass.OPTED_OUT)),
            Map.entry("21211", new Entry("Invalid 'To' phone number", ErrorClass.DESTINATION)),
            Map.entry("21614", new Entry("'To' number is not a valid mobile number", ErrorClass.DESTINATION)));

    private TwilioDeliveryErrors() {
    }

    /** The entry for a code as Twilio writes it ({@code "30007"}), if this table knows it. */
    static Optional<Entry> of(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(TABLE.get(code.trim()));
    }
}
