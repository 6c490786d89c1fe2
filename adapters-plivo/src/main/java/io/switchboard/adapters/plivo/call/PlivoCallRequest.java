package io.switchboard.adapters.plivo.call;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every parameter of Plivo's make a call (https://www.plivo.com/docs/voice/api/call/make-a-call), checked as Plivo
 * states: one to many destinations (numbers,
 * or SIP URIs {@code sip:user@host}), the answer URL (required), ring / hangup / fallback URLs with their methods,
 * caller name (at most 50 characters), DTMF digits sent on answer ({@code w} waits half a second, {@code W} one
 * second, {@code @ms} sets the tone length) optionally before answer, a time limit (&gt; 0 s), a hangup on ring
 * (&ge; 0 s), machine detection ({@code true} or {@code hangup}) with its analysis time (2000 to 10000 ms) and
 * asynchronous URL, SIP headers ({@code X-PH-} is added by Plivo; keys [A-Za-z0-9], values [A-Za-z0-9%]), a ring
 * timeout (&gt; 0 s), and the parent call of a conference with whether a missing parent is an error.
 */
public record PlivoCallRequest(
        PhoneNumber from,
        List<String> to,
        URI answerUrl,
        Optional<String> answerMethod,
        Optional<URI> ringUrl,
        Optional<String> ringMethod,
        Optional<URI> hangupUrl,
        Optional<String> hangupMethod,
        Optional<URI> fallbackUrl,
        Optional<String> fallbackMethod,
        Optional<String> callerName,
        Optional<String> sendDigits,
        Optional<Boolean> sendOnPreanswer,
        Optional<Integer> timeLimit,
        Optional<Integer> hangupOnRing,
        Optional<String> machineDetection,
        Optional<Integer> machineDetectionTime,
        Optional<URI> machineDetectionUrl,
        Optional<String> machineDetectionMethod,
        Map<String, String> sipHeaders,
        Optional<Integer> ringTimeout,
        Optional<String> parentCallUuid,
        Optional<Boolean> errorIfParentNotFound) {

    public static final int MAX_CALLER_NAME = 50;
    private static final Pattern SIP_URI = Pattern.compile("sip:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");

    public PlivoCallRequest {
        Checks.required(from, "from");
        Set<String> destinations = new LinkedHashSet<>();
        Checks.listOf(to, "to").forEach(d -> destinations.add(destination(d)));
        to = List.copyOf(destinations);
        if (to.isEmpty()) {
            throw SwitchboardException.invalid("to", "must hold at least one number or SIP URI");
        }
        PlivoChecks.url(answerUrl, "answer_url");
        answerMethod = PlivoChecks.method(answerMethod, "answer_method");
        ringUrl = PlivoChecks.url(ringUrl, "ring_url");
        ringMethod = PlivoChecks.method(ringMethod, "ring_method");
        hangupUrl = PlivoChecks.url(hangupUrl, "hangup_url");
        hangupMethod = PlivoChecks.method(hangupMethod, "hangup_method");
        fallbackUrl = PlivoChecks.url(fallbackUrl, "fallback_url");
        fallbackMethod = PlivoChecks.method(fallbackMethod, "fallback_method");
        callerName = PlivoChecks.text(callerName, "caller_name");
        if (callerName.isPresent() && callerName.get().length() > MAX_CALLER_NAME) {
            throw SwitchboardException.invalid("caller_name", "must be at most " + MAX_CALLER_NAME + " characters, got "
                    + callerName.get().length());
        }
        sendDigits = PlivoChecks.orEmpty(sendDigits).map(d -> PlivoChecks.digits(d, "send_digits"));
        sendOnPreanswer = PlivoChecks.orEmpty(sendOnPreanswer);
        if (sendOnPreanswer.orElse(false) && sendDigits.isEmpty()) {
            throw SwitchboardException.invalid("send_on_preanswer", "needs send_digits: there are no digits to send");
        }
        timeLimit = PlivoChecks.atLeast(timeLimit, 1, "time_limit");
        hangupOnRing = PlivoChecks.atLeast(hangupOnRing, 0, "hangup_on_ring");
        machineDetection = PlivoChecks.oneOf(machineDetection, Set.of("true", "hangup"), "machine_detection");
        machineDetectionTime = PlivoChecks.between(machineDetectionTime, 2000, 10_000, "machine_detection_time");
        machineDetectionUrl = PlivoChecks.url(machineDetectionUrl, "machine_detection_url");
        machineDetectionMethod = PlivoChecks.method(machineDetectionMethod, "machine_detection_method");
        if (machineDetection.isEmpty() && (machineDetectionTime.isPresent() || machineDetectionUrl.isPresent())) {
            throw SwitchboardException.invalid(machineDetectionTime.isPresent() ? "machine_detection_time"
                    : "machine_detection_url", "needs machine_detection (true or hangup)");
        }
        sipHeaders = checkHeaders(sipHeaders);
        ringTimeout = PlivoChecks.atLeast(ringTimeout, 1, "ring_timeout");
        parentCallUuid = PlivoChecks.text(parentCallUuid, "parent_call_uuid");
        errorIfParentNotFound = PlivoChecks.orEmpty(errorIfParentNotFound);
        if (errorIfParentNotFound.orElse(false) && parentCallUuid.isEmpty()) {
            throw SwitchboardException.invalid("error_if_parent_not_found", "needs parent_call_uuid");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A SIP URI as it is, or a number in E.164 (Plivo writes numbers without '+'). */
    static String destination(String raw) {
        String d = raw.trim();
        if (d.startsWith("sip:")) {
            if (!SIP_URI.matcher(d).matches()) {
                throw SwitchboardException.invalid("to", "holds '" + raw + "', which is not a SIP URI sip:user@host");
            }
            return d;
        }
        return PhoneNumber.parse(d.matches("[0-9]+") ? "+" + d : d, "to").e164();
    }

    private static Map<String, String> checkHeaders(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>(headers == null ? Map.of() : headers);
        copy.forEach((key, value) -> {
            if (key == null || !PlivoChecks.SIP_HEADER_KEY.matcher(key).matches()) {
                throw SwitchboardException.invalid("sip_headers",
                        "keys must be [A-Za-z0-9] only (Plivo adds X-PH-), got '"
                        + key + "'");
            }
            if (value == null || !PlivoChecks.SIP_HEADER_VALUE.matcher(value).matches()) {
                throw SwitchboardException.invalid("sip_headers", "values must be [A-Za-z0-9%] only, got '" + value
                        + "' for " + key);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Collects a call; {@code from}, at least one destination and the answer URL are required. */
    public static final class Builder {
        private PhoneNumber from;
        private final List<String> to = new ArrayList<>();
        private URI answerUrl;
        private String answerMethod;
        private URI ringUrl;
        private String ringMethod;
        private URI hangupUrl;
        private String hangupMethod;
        private URI fallbackUrl;
        private String fallbackMethod;
        private String callerName;
        private String sendDigits;
        private Boolean sendOnPreanswer;
        private Integer timeLimit;
        private Integer hangupOnRing;
        private String machineDetection;
        private Integer machineDetectionTime;
        private URI machineDetectionUrl;
        private String machineDetectionMethod;
        private final Map<String, String> sipHeaders = new LinkedHashMap<>();
        private Integer ringTimeout;
        private String parentCallUuid;
        private Boolean errorIfParentNotFound;

        private Builder() {
        }

        /** The caller id: a number with its country code. */
        public Builder from(PhoneNumber value) {
            this.from = value;
            return this;
        }

        public Builder to(PhoneNumber value) {
            Checks.required(value, "to");
            to.add(value.e164());
            return this;
        }

        /** A SIP endpoint, {@code sip:user@host}. */
        public Builder toSip(String sipUri) {
            to.add(destination(Checks.notBlank(sipUri, "to")));
            return this;
        }

        /** Destinations as Plivo's {@code to} takes them: numbers and SIP URIs joined with {@code <} (a bulk call). */
        public Builder to(String joined) {
            Checks.notBlank(joined, "to");
            for (String part : joined.split("<", -1)) {
                to.add(destination(part));
            }
            return this;
        }

        public Builder answerUrl(URI url) {
            this.answerUrl = url;
            return this;
        }

        public Builder answerUrl(URI url, String method) {
            this.answerUrl = url;
            this.answerMethod = method;
            return this;
        }

        /** Notified when the call starts ringing. */
        public Builder ringUrl(URI url, String method) {
            this.ringUrl = url;
            this.ringMethod = method;
            return this;
        }

        /** Notified when the call hangs up (Plivo's default: the answer URL). */
        public Builder hangupUrl(URI url, String method) {
            this.hangupUrl = url;
            this.hangupMethod = method;
            return this;
        }

        /** Fetched when the answer URL fails or answers invalid XML. */
        public Builder fallbackUrl(URI url, String method) {
            this.fallbackUrl = url;
            this.fallbackMethod = method;
            return this;
        }

        public Builder callerName(String value) {
            this.callerName = value;
            return this;
        }

        /** DTMF sent when the call is answered, e.g. {@code ww2410} or {@code 1w2w3@1000}. */
        public Builder sendDigits(String digits) {
            this.sendDigits = digits;
            return this;
        }

        /** Sends {@link #sendDigits} while the call is still in pre-answer. */
        public Builder sendOnPreanswer(boolean value) {
            this.sendOnPreanswer = value;
            return this;
        }

        /** Hangs up this many seconds (&gt; 0) after the call is answered. */
        public Builder timeLimit(int seconds) {
            this.timeLimit = seconds;
            return this;
        }

        /** Hangs up this many seconds (&ge; 0) after the call starts ringing. */
        public Builder hangupOnRing(int seconds) {
            this.hangupOnRing = seconds;
            return this;
        }

        /** {@code true} (report a machine) or {@code hangup} (hang up on one). */
        public Builder machineDetection(String value) {
            this.machineDetection = value;
            return this;
        }

        /** How long, 2000 to 10000 ms, Plivo analyses the answer for a machine (its default: 5000). */
        public Builder machineDetectionTime(int millis) {
            this.machineDetectionTime = millis;
            return this;
        }

        /** Where Plivo sends machine detection results asynchronously. */
        public Builder machineDetectionUrl(URI url, String method) {
            this.machineDetectionUrl = url;
            this.machineDetectionMethod = method;
            return this;
        }

        /** One SIP header, sent as {@code X-PH-key: value}. */
        public Builder sipHeader(String key, String value) {
            sipHeaders.put(key, value);
            return this;
        }

        /** SIP headers as Plivo's {@code sip_headers} takes them: {@code head1=val1,head2=val2}. */
        public Builder sipHeaders(String pairs) {
            Checks.notBlank(pairs, "sip_headers");
            for (String pair : pairs.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq != pair.lastIndexOf('=')) {
                    throw SwitchboardException.invalid("sip_headers",
                            "must be key=value pairs separated by commas, got '"
                            + pairs + "'");
                }
                sipHeaders.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return this;
        }

        /** Seconds (&gt; 0) the call may ring before it is cancelled (Plivo's default: 120). */
        public Builder ringTimeout(int seconds) {
            this.ringTimeout = seconds;
            return this;
        }

        /** The first leg of an ongoing conference call that this call joins. */
        public Builder parentCallUuid(String value) {
            this.parentCallUuid = value;
            return this;
        }

        /** Whether a parent call that cannot be found fails the request (Plivo's default: false). */
        public Builder errorIfParentNotFound(boolean value) {
            this.errorIfParentNotFound = value;
            return this;
        }

        public PlivoCallRequest build() {
            return new PlivoCallRequest(from, to, answerUrl, Optional.ofNullable(answerMethod),
                    Optional.ofNullable(ringUrl), Optional.ofNullable(ringMethod), Optional.ofNullable(hangupUrl),
                    Optional.ofNullable(hangupMethod), Optional.ofNullable(fallbackUrl),
                    Optional.ofNullable(fallbackMethod), Optional.ofNullable(callerName),
                    Optional.ofNullable(sendDigits), Optional.ofNullable(sendOnPreanswer),
                    Optional.ofNullable(timeLimit), Optional.ofNullable(hangupOnRing),
                    Optional.ofNullable(machineDetection), Optional.ofNullable(machineDetectionTime),
                    Optional.ofNullable(machineDetectionUrl), Optional.ofNullable(machineDetectionMethod),
                    sipHeaders, Optional.ofNullable(ringTimeout), Optional.ofNullable(parentCallUuid),
                    Optional.ofNullable(errorIfParentNotFound));
        }
    }
}
