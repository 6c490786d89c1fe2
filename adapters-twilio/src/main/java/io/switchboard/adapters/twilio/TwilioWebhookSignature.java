package io.switchboard.adapters.twilio;

import io.switchboard.adapters.http.FormDecoding;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks Twilio's {@code X-Twilio-Signature} on webhooks: Base64(HMAC-SHA1(auth token, URL + each POST parameter
 * sorted by name, as name then value)). For a JSON body Twilio signs the URL alone and puts the body's SHA-256 in the
 * URL's {@code bodySHA256} parameter. The URL is also tried with its port changed and its user info dropped (see
 * {@link #urlVariants}). The {@code isValid} methods answer false, never throw, whatever they are given. Comparisons
 * take constant time; {@link #toString()} never shows the token.
 */
public final class TwilioWebhookSignature {

    public static final String HEADER = "X-Twilio-Signature";
    static final String BODY_SHA256 = "bodySHA256";

    private final SecretKeySpec key;

    private TwilioWebhookSignature(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    /** A checker for webhooks of the account whose auth token this is. */
    public static TwilioWebhookSignature withAuthToken(String authToken) {
        return new TwilioWebhookSignature(Checks.notBlank(authToken, "authToken"));
    }

    /**
     * The signature Twilio computes for {@code url} and form {@code params}. A name may repeat: its values are signed
     * in sorted order, each after the name. A null value (or list) counts as one empty value, as twilio-java signs a
     * null value.
     */
    public String sign(String url, Map<String, ? extends Collection<String>> params) {
        Checks.required(url, "url");
        String signedParams = signedParams(params);
        if (signedParams == null) {
            throw SwitchboardException.invalid("params", "must not have a null name");
        }
        return Base64.getEncoder().encodeToString(hmac(url + signedParams));
    }

    /** Whether {@code signature} is Twilio's for a form-encoded webhook to {@code url} with {@code params}. */
    public boolean isValid(String url, Map<String, ? extends Collection<String>> params, String signature) {
        if (url == null || signature == null || signature.isBlank()) {
            return false;
        }
        String signedParams = signedParams(params);
        if (signedParams == null) {
            return false;
        }
        byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String candidate : urlVariants(url)) {
            byte[] expected = Base64.getEncoder().encode(hmac(candidate + signedParams));
            match |= MessageDigest.isEqual(expected, given);
        }
        return match;
    }

    /** Whether {@code signature} is Twilio's for a JSON webhook: the URL signed alone, the body matching bodySHA256. */
    public boolean isValidJson(String url, String body, String signature) {
        if (url == null || body == null) {
            return false;
        }
        Optional<String> expected = queryParameter(url, BODY_SHA256);
        if (expected.isEmpty() || !isValid(url, Map.of(), signature)) {
            return false;
        }
        byte[] actual = HexFormat.of().formatHex(sha256(body)).getBytes(StandardCharsets.UTF_8);
        byte[] wanted = expected.get().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(actual, wanted);
    }

    /** The hex SHA-256 of a JSON body, as Twilio puts it in {@code bodySHA256}. */
    public static String bodySha256(String body) {
        return HexFormat.of().formatHex(sha256(Checks.required(body, "body")));
    }

    /** The parameters as signed, sorted by name then value; null if a name is null (no form parser makes one). */
    private static String signedParams(Map<String, ? extends Collection<String>> params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>(params.size());
        for (String name : params.keySet()) {
            if (name == null) {
                return null;
            }
            names.add(name);
        }
        names.sort(null);
        StringBuilder data = new StringBuilder();
        for (String name : names) {
            Collection<String> given = params.get(name);
            List<String> values = new ArrayList<>(given == null ? 1 : given.size());
            if (given == null) {
                values.add("");
            } else {
                given.forEach(v -> values.add(v == null ? "" : v));
            }
            values.sort(null);
            for (String value : values) {
                data.append(name).append(value);
            }
        }
        return data.toString();
    }

    /**
     * The URL as given, then with its port changed, then each of those without user info. twilio-java's
     * {@code RequestValidator} tries the URL with the scheme's default port added (when it has none) and with any
     * port removed (when it has one), because Twilio has signed both ways: its docs say it drops the port of an
     * HTTPS URL, and webhooks to non-default ports have been seen signed with the port and without it. The same docs
     * say Twilio drops user name and password before signing, which the SDK does not; a receiver that knows the
     * configured URL with its credentials would otherwise never match. Each variant names the same host and path,
     * so none lets one webhook's signature stand for another resource's.
     *
     * <p>Built on the text, not on {@link java.net.URI}, which refuses hosts with {@code _} and re-encodes what it
     * rebuilds: the path and query are kept byte for byte, as Twilio signed them.
     */
    static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>(4);
        variants.add(url);
        int colon = url.indexOf("://");
        if (colon <= 0 || !isScheme(url, colon)) {
            return variants;
        }
        String scheme = url.substring(0, colon);
        int authorityStart = colon + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        String rest = url.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);
        int portColon = hostPort.lastIndexOf(':');
        boolean colonIsPort = portColon > hostPort.lastIndexOf(']') && isDigits(hostPort, portColon + 1);
        String host = colonIsPort ? hostPort.substring(0, portColon) : hostPort;
        boolean hasPort = colonIsPort && portColon < hostPort.length() - 1; // "host:" has none, as URI reads it
        String prefix = scheme + "://";
        List<String> hostForms = new ArrayList<>(2);
        hostForms.add(hostPort);
        if (hasPort) {
            hostForms.add(host);
        } else {
            int defaultPort = scheme.equalsIgnoreCase("https") ? 443 : scheme.equalsIgnoreCase("http") ? 80 : -1;
            if (defaultPort > 0 && !host.isEmpty()) {
                hostForms.add(host + ":" + defaultPort);
            }
        }
        for (String form : hostForms) {
            variants.add(prefix + (userInfo == null ? "" : userInfo) + form + rest);
        }
        if (userInfo != null) {
            for (String form : hostForms) {
                variants.add(prefix + form + rest);
            }
        }
        return variants;
    }

    private static boolean isScheme(String url, int end) {
        char first = url.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = url.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} from {@code from} on is ASCII digits only (true for an empty tail: {@code host:}). */
    private static boolean isDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The first value of {@code name} in the URL's query, decoded. Pairs are split at {@code &} and {@code ;}, as the
     * Apache parser twilio-java uses splits them; a malformed escape ({@code %zz}) is kept as written instead of
     * failing, as that parser keeps it.
     */
    private static Optional<String> queryParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        int hash = url.indexOf('#', q);
        String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
        int start = 0;
        while (start <= query.length()) {
            int end = start;
            while (end < query.length() && query.charAt(end) != '&' && query.charAt(end) != ';') {
                end++;
            }
            String pair = query.substring(start, end);
            int eq = pair.indexOf('=');
            if (decode(eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /** {@link FormDecoding#lenient}: a malformed escape is kept as written, never an exception. */
    private static String decode(String s) {
        return FormDecoding.lenient(s);
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "TwilioWebhookSignature[authToken=****]";
    }
}
