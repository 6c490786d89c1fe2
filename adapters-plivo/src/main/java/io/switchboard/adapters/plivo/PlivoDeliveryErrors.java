package io.switchboard.adapters.plivo;

import io.switchboard.domain.callback.ErrorClass;

import java.util.Map;
import java.util.Optional;

/**
 * What the error codes Plivo reports on a message's status callback ({@code ErrorCode}) mean, and whether the route
 * or the destination failed. Built from Plivo's public messaging error code list
 * (https://www.plivo.com/docs/messaging/troubleshooting/error-codes) and its note on code 900 (insufficient credit).
 * A code not listed here, such as a new one, is UNCLASSIFIED, so it is never re-sent.
 */
final class PlivoDeliveryErrors {

    /** A code's documented meaning and its class. */
    record Entry(String meaning, ErrorClass errorClass) {
    }

    private static final Map<String, Entry> TABLE = Map.ofEntries(
            // The content was refused downstream: another provider's carriers may refuse the same text.
            Map.entry("10", new Entry("Invalid message", ErrorClass.UNCLASSIFIED)),
            Map.entry("20", new Entry("Network error", ErrorClass.ROUTE)),
            Map.entry("30", new Entry("Spam detected", ErrorClass.ROUTE)),
            Map.entry("40", new Entry("Invalid source number", ErrorClass.ROUTE)),
            Map.entry("50", new Entry("Invalid destination number", ErrorClass.DESTINATION)),
            Map.entry("60", new Entry("Loop detected", ErrorClass.ROUTE)),
            Map.entry("70", new Entry("Destination permanently unavailable", ErrorClass.DESTINATION)),
            Map.entry("80", new Entry("Destination temporarily unavailable", ErrorClass.DESTINATION)),
            Map.entry("90", new Entry("No route available", ErrorClass.ROUTE)),
            Map.entry("100", new Entry("Prohibited by carrier", ErrorClass.ROUTE)),
            Map.entry("110", new Entry("Message too long", ErrorClass.UNCLASSIFIED)),
            Map.entry("200", new Entry("Source number blocked by STOP from destination number",
                    ErrorClass.OPTED_OUT)),
            Map.entry("300", new Entry("Failed to dispatch message", ErrorClass.ROUTE)),
            Map.entry("420", new Entry("Message expired", ErrorClass.ROUTE)),
            // The account ran out of credit: Plivo never handed the message to a carrier.
            Map.entry("900", new Entry("Insufficient credit", ErrorClass.ROUTE)),
            Map.entry("1000", new Entry("Unknown error", ErrorClass.UNCLASSIFIED)));

    private PlivoDeliveryErrors() {
    }

    /** The entry for a code as Plivo writes it ({@code "30"}; leading zeros ignored), if this table knows it. */
    static Optional<Entry> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().replaceFirst("^0+(?=.)", "");
        return Optional.ofNullable(TABLE.get(c));
    }
}
