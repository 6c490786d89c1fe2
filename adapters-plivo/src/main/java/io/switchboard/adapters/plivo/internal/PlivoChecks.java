package io.switchboard.adapters.plivo.internal;

import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Not API: the checks Plivo's API reference states for its parameters, shared by the request values of every
 * resource package and run before any request. Each failure is an INVALID_REQUEST naming the parameter as Plivo
 * spells it on the wire ({@code machine_detection_time}).
 */
public final class PlivoChecks {

    /** DTMF: digits, {@code *} and {@code #}, {@code w} (wait 0.5 s) and {@code W} (wait 1 s), then {@code @ms}. */
    public static final Pattern DIGITS = Pattern.compile("[0-9*#wW]*[0-9*#][0-9*#wW]*(@[1-9][0-9]{0,4})?");
    /** {@code key=value} pairs joined by commas; keys [A-Za-z0-9], values [A-Za-z0-9%]. */
    public static final Pattern SIP_HEADER_KEY = Pattern.compile("[A-Za-z0-9]+");
    public static final Pattern SIP_HEADER_VALUE = Pattern.compile("[A-Za-z0-9%]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Pattern MEMBER_IDS = Pattern.compile("all|[0-9]+(,[0-9]+)*");

    private PlivoChecks() {
    }

    public static SwitchboardException invalid(String field, String problem) {
        return SwitchboardException.invalid(field, problem);
    }

    /** An absolute http(s) URL (Plivo fetches it), or INVALID_REQUEST. */
    public static URI url(URI value, String field) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
        if (!value.isAbsolute() || value.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw invalid(field, "must be an absolute http(s) URL, got '" + value + "'");
        }
        return value;
    }

    public static Optional<URI> url(Optional<URI> value, String field) {
        return value == null ? Optional.empty() : value.map(v -> url(v, field));
    }

    /** GET or POST, in upper case. */
    public static Optional<String> method(Optional<String> value, String field) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String upper = value.get().trim().toUpperCase(Locale.ROOT);
        if (!upper.equals("GET") && !upper.equals("POST")) {
            throw invalid(field, "must be GET or POST, got '" + value.get() + "'");
        }
        return Optional.of(upper);
    }

    public static Optional<String> oneOf(Optional<String> value, Set<String> allowed, String field) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String lower = value.get().trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw invalid(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ", got '"
                    + value.get() + "'");
        }
        return Optional.of(lower);
    }

    public static Optional<Integer> atLeast(Optional<Integer> value, int min, String field) {
        return between(value, min, Integer.MAX_VALUE, field);
    }

    public static Optional<Integer> between(Optional<Integer> value, int min, int max, String field) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        int v = value.get();
        if (v < min || v > max) {
            throw invalid(field, max == Integer.MAX_VALUE ? "must be at least " + min + ", got " + v
                    : "must be from " + min + " to " + max + ", got " + v);
        }
        return value;
    }

    /** Text that must be present and not blank. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
        return value.trim();
    }

    public static Optional<String> text(Optional<String> value, String field) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().isBlank()) {
            throw invalid(field, "must not be blank when given");
        }
        return Optional.of(value.get().trim());
    }

    /** DTMF tones with the {@code w}/{@code W} waits and an optional {@code @duration} in ms. */
    public static String digits(String value, String field) {
        String v = text(value, field);
        if (!DIGITS.matcher(v).matches()) {
            throw invalid(field, "must be digits, '*' and '#' with 'w' (0.5 s) and 'W' (1 s) waits and an optional"
                    + " '@' tone length in ms, as in 1w2w3@1000; got '" + value + "'");
        }
        return v;
    }

    /** {@code MAN} or {@code WOMAN}. */
    public static Optional<String> voice(Optional<String> value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String upper = value.get().trim().toUpperCase(Locale.ROOT);
        if (!upper.equals("MAN") && !upper.equals("WOMAN")) {
            throw invalid("voice", "must be MAN or WOMAN, got '" + value.get() + "'");
        }
        return Optional.of(upper);
    }

    /** A language tag as Plivo's voices take it: {@code en-US}, {@code fr-FR}, {@code arb}. */
    public static Optional<String> language(Optional<String> value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!LANGUAGE.matcher(value.get().trim()).matches()) {
            throw invalid("language", "must be a language tag such as en-US, got '" + value.get() + "'");
        }
        return Optional.of(value.get().trim());
    }

    /** One conference member id, several joined with commas, or {@code all}. */
    public static String memberIds(String value) {
        String v = text(value, "member_id").replace(" ", "");
        if (!MEMBER_IDS.matcher(v).matches()) {
            throw invalid("member_id", "must be a member id, several joined with commas, or all; got '" + value + "'");
        }
        return v;
    }

    /** An IPv4 or IPv6 address literal (never resolved: a host name is refused). */
    public static String ipAddress(String value, String field) {
        String v = text(value, field);
        if (!IPV4.matcher(v).matches() && !(v.contains(":") && IPV6.matcher(v).matches())) {
            throw invalid(field, "must hold IP addresses only, got '" + value + "'");
        }
        return v;
    }

    /** An ISO 3166 alpha-2 code in upper case. */
    public static String countryIso(String value, String field) {
        String v = text(value, field).toUpperCase(Locale.ROOT);
        if (!v.matches("[A-Z]{2}")) {
            throw invalid(field, "must be an ISO 3166 alpha-2 code such as US or GB, got '" + value + "'");
        }
        return v;
    }

    /** Plivo's {@code services} filter: voice, sms, mms, or several joined with commas. */
    public static Optional<String> services(Optional<String> value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().replace(" ", "").toLowerCase(Locale.ROOT);
        for (String part : v.split(",", -1)) {
            if (!Set.of("voice", "sms", "mms").contains(part)) {
                throw invalid("services", "must be voice, sms, mms or several joined with commas, got '"
                        + value.get() + "'");
            }
        }
        return Optional.of(v);
    }

    public static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
