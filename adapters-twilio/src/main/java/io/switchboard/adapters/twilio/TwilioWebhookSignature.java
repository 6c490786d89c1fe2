package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks Twilio's {@code X-Twilio-Signature} on webhooks: Base64(HMAC-SHA1(auth token, URL + each POST parameter
 * sorted by name, as name then value)). For a JSON body Twilio signs the URL alone and puts the body's SHA-256 in the
 * URL's {@code bodySHA256} parameter. Like Twilio's own validators, the URL is tried as given, with the default port
 * and without it. Comparisons take constant time; {@link #toString()} never shows the token.
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

    /** The signature Twilio computes for {@code url} and form {@code params} (a name may repeat). */
    public String sign(String url, Map<String, ? extends Collection<String>> params) {
        Checks.required(url, "url");
        StringBuilder data = new StringBuilder(url);
        if (params != null) {
            for (Map.Entry<String, ? extends Collection<String>> e : new TreeMap<>(params).entrySet()) {
                List<String> values = new ArrayList<>(e.getValue() == null ? List.of() : e.getValue());
                values.removeIf(v -> v == null);
                values.sort(null);
                for (String value : values) {
                    data.append(e.getKey()).append(value);
                }
            }
        }
        return Base64.getEncoder().encodeToString(hmac(data.toString()));
    }

    /** Whether {@code signature} is Twilio's for a form-encoded webhook to {@code url} with {@code params}. */
    public boolean isValid(String url, Map<String, ? extends Collection<String>> params, String signature) {
        if (url == null || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
        for (String candidate : urlVariants(url)) {
            if (MessageDigest.isEqual(sign(candidate, params).getBytes(StandardCharsets.UTF_8), given)) {
                return true;
            }
        }
        return false;
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
        byte[] wanted = expected.get().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(actual, wanted);
    }

    /** The hex SHA-256 of a JSON body, as Twilio puts it in {@code bodySHA256}. */
    public static String bodySha256(String body) {
        return HexFormat.of().formatHex(sha256(Checks.required(body, "body")));
    }

    /** The URL as given, then with the scheme's default port added or removed. */
    static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) {
                return variants;
            }
            int defaultPort = scheme.equalsIgnoreCase("https") ? 443 : scheme.equalsIgnoreCase("http") ? 80 : -1;
            if (defaultPort < 0) {
                return variants;
            }
            if (uri.getPort() == -1) {
                variants.add(rebuild(uri, defaultPort));
            } else if (uri.getPort() == defaultPort) {
                variants.add(rebuild(uri, -1));
            }
        } catch (URISyntaxException e) {
            return variants;
        }
        return variants;
    }

    private static String rebuild(URI uri, int port) {
        StringBuilder s = new StringBuilder(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            s.append(uri.getRawUserInfo()).append('@');
        }
        s.append(uri.getHost());
        if (port != -1) {
            s.append(':').append(port);
        }
        s.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        return s.toString();
    }

    private static Optional<String> queryParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
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
