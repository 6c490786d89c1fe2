package io.switchboard.adapters.plivo;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that a webhook came from Plivo. V3 ({@code X-Plivo-Signature-V3}, which may hold several comma-separated
 * signatures, any of which counts) signs the URL, its query and the POST parameters with a nonce; legacy V2
 * ({@code X-Plivo-Signature-V2}) signs the URL without its query and the nonce. Both are Base64 HMAC-SHA256 keyed
 * with the (sub)account's auth token. Comparisons take constant time.
 */
public final class PlivoSignature {

    public static final String V3_HEADER = "X-Plivo-Signature-V3";
    public static final String V3_NONCE_HEADER = "X-Plivo-Signature-V3-Nonce";
    public static final String V2_HEADER = "X-Plivo-Signature-V2";
    public static final String V2_NONCE_HEADER = "X-Plivo-Signature-V2-Nonce";

    private PlivoSignature() {
    }

    /**
     * The text V3 signs, before {@code "." + nonce}. POST: {@code scheme://host/path}, then {@code ?} when the URL
     * has a query or there are body parameters, then the URL's query sorted by key as {@code k=v&k=v}, then
     * {@code .} when there are both, then every body parameter sorted by name as name and value with no separator.
     * GET: the URL's query and {@code params} merged and sorted, as {@code ?k=v&k=v}. Query values are compared
     * decoded. This follows Plivo's SDKs, which add the {@code ?} for body parameters even without a query.
     */
    public static String v3Base(String method, String url, Map<String, String> params) {
        String verb = Checks.notBlank(method, "method").trim().toUpperCase(Locale.ROOT);
        if (!verb.equals("GET") && !verb.equals("POST")) {
            throw SwitchboardException.invalid("method", "must be GET or POST, got '" + method + "'");
        }
        URI uri = parse(url);
        Map<String, List<String>> query = decodeQuery(uri.getRawQuery());
        Map<String, List<String>> body = new TreeMap<>();
        if (params != null) {
            params.forEach((k, v) -> body.computeIfAbsent(k, key -> new ArrayList<>()).add(v == null ? "" : v));
        }
        StringBuilder s = new StringBuilder(base(uri));
        if (verb.equals("GET")) {
            body.forEach((k, values) -> query.computeIfAbsent(k, key -> new ArrayList<>()).addAll(values));
            if (!query.isEmpty()) {
                s.append('?').append(join(query, true));
            }
            return s.toString();
        }
        if (!query.isEmpty() || !body.isEmpty()) {
            s.append('?');
        }
        if (!query.isEmpty()) {
            s.append(join(query, true));
            if (!body.isEmpty()) {
                s.append('.');
            }
        }
        return s.append(join(body, false)).toString();
    }

    /** The V3 signature Plivo would send for this request. */
    public static String signV3(String authToken, String method, String url, Map<String, String> params,
            String nonce) {
        Checks.required(nonce, "nonce");
        return hmac(authToken, v3Base(method, url, params) + "." + nonce);
    }

    /**
     * Whether {@code signatureHeader} (the V3 header's value, possibly several signatures joined with commas) holds
     * the signature of this request. {@code params} are the POST body's form parameters (for GET, extra ones).
     */
    public static boolean isValidV3(String authToken, String method, String url, Map<String, String> params,
            String nonce, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank() || nonce == null) {
            return false;
        }
        byte[] expected = signV3(authToken, method, url, params, nonce).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatureHeader.split(",")) {
            match |= MessageDigest.isEqual(expected, candidate.trim().getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    /** The legacy V2 signature: HMAC of the URL without its query, followed by the nonce. */
    public static String signV2(String authToken, String url, String nonce) {
        Checks.required(nonce, "nonce");
        return hmac(authToken, base(parse(url)) + nonce);
    }

    public static boolean isValidV2(String authToken, String url, String nonce, String signature) {
        if (signature == null || signature.isBlank() || nonce == null) {
            return false;
        }
        return MessageDigest.isEqual(signV2(authToken, url, nonce).getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private static URI parse(String url) {
        Checks.notBlank(url, "url");
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw SwitchboardException.invalid("url", "is not a URL, got '" + url + "'");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw SwitchboardException.invalid("url", "must be absolute, got '" + url + "'");
        }
        return uri;
    }

    /** {@code scheme://host[:port]/path}, the path as it was sent (still percent-encoded). */
    private static String base(URI uri) {
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    private static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> query = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Sorted by key, and by value within a key: {@code k=v&k=v} for a query, {@code kvkv} for body parameters. */
    private static String join(Map<String, List<String>> sorted, boolean asQuery) {
        StringBuilder s = new StringBuilder();
        sorted.forEach((key, values) -> values.stream().sorted().forEach(value -> {
            if (asQuery && s.length() > 0) {
                s.append('&');
            }
            s.append(key).append(asQuery ? "=" : "").append(value);
        }));
        return s.toString();
    }

    private static String hmac(String authToken, String data) {
        Checks.notBlank(authToken, "authToken");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
