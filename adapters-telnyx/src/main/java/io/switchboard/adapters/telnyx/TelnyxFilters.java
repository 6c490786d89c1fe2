package io.switchboard.adapters.telnyx;

import io.switchboard.domain.SwitchboardException;

import java.util.Locale;
import java.util.Optional;

/**
 * Telnyx's own list filters, as its API reference (https://developers.telnyx.com/api) names them. Values are Telnyx's
 * words and travel verbatim as {@code filter[...]} parameters; Telnyx (and the emulator) reject a value they do not
 * know with a 4xx.
 */
public final class TelnyxFilters {

    private TelnyxFilters() {
    }

    /**
     * Messages (detail records): {@code direction} ({@code inbound}/{@code outbound}), {@code source} and
     * {@code destination} numbers, and a Telnyx status word ({@code delivered}, {@code sent} ...).
     */
    public record Messages(Optional<String> direction, Optional<String> source, Optional<String> destination,
            Optional<String> status) {
        public Messages {
            direction = clean(direction).map(d -> d.toLowerCase(Locale.ROOT));
            direction.filter(d -> !d.equals("inbound") && !d.equals("outbound")).ifPresent(d -> {
                throw SwitchboardException.invalid("direction", "must be inbound or outbound, got '" + d + "'");
            });
            source = clean(source);
            destination = clean(destination);
            status = clean(status);
        }

        public static Messages all() {
            return new Messages(null, null, null, null);
        }

        public Messages withDirection(String value) {
            return new Messages(Optional.ofNullable(value), source, destination, status);
        }

        public Messages withSource(String value) {
            return new Messages(direction, Optional.ofNullable(value), destination, status);
        }

        public Messages withDestination(String value) {
            return new Messages(direction, source, Optional.ofNullable(value), status);
        }

        public Messages withStatus(String value) {
            return new Messages(direction, source, destination, Optional.ofNullable(value));
        }
    }

    /** Call history: a status word ({@code completed}, {@code busy}, {@code no-answer} ...). */
    public record Calls(Optional<String> status) {
        public Calls {
            status = clean(status);
        }

        public static Calls all() {
            return new Calls(null);
        }

        public static Calls withStatus(String value) {
            return new Calls(Optional.ofNullable(value));
        }
    }

    /** Numbers: a phone number (or part of one) and a status ({@code active}, {@code port_pending} ...). */
    public record Numbers(Optional<String> phoneNumber, Optional<String> status) {
        public Numbers {
            phoneNumber = clean(phoneNumber);
            status = clean(status);
        }

        public static Numbers all() {
            return new Numbers(null, null);
        }

        public Numbers withPhoneNumber(String value) {
            return new Numbers(Optional.ofNullable(value), status);
        }

        public Numbers withStatus(String value) {
            return new Numbers(phoneNumber, Optional.ofNullable(value));
        }
    }

    /** Recordings: of a call session, a conference, or one call leg ({@code call_control_id}). */
    public record Recordings(Optional<String> callSessionId, Optional<String> conferenceId,
            Optional<String> callControlId) {
        public Recordings {
            callSessionId = clean(callSessionId);
            conferenceId = clean(conferenceId);
            callControlId = clean(callControlId);
        }

        public static Recordings all() {
            return new Recordings(null, null, null);
        }

        public Recordings withCallSessionId(String value) {
            return new Recordings(Optional.ofNullable(value), conferenceId, callControlId);
        }

        public Recordings withConferenceId(String value) {
            return new Recordings(callSessionId, Optional.ofNullable(value), callControlId);
        }

        public Recordings withCallControlId(String value) {
            return new Recordings(callSessionId, conferenceId, Optional.ofNullable(value));
        }
    }

    private static Optional<String> clean(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(v -> !v.isEmpty());
    }
}
