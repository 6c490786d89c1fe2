package io.switchboard.adapters.plivo;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that a webhook came from Plivo. V3 ({@code X-Plivo-Signature-V3}, which may hold several comma-separated
 * signatures, any of which counts) signs the URL, its query and the POST parameters with a nonce; legacy V2
 * ({@code X-Plivo-Signature-V2}) signs the URL without its query and the nonce. Both are Base64 HMAC-SHA256 keyed
 * with the (sub)account's auth token. The {@code isValid} methods answer false, never throw, whatever they are
 * given; comparisons take constant time.
 */
public final class PlivoSignature {

    public static final String V3_HEADER = "X-Plivo-Signature-V3";
    public static final String V3_NONCE_HEADER = "X-Plivo-Signature-V3-Nonce";
    public static final String V2_HEADER = "X-Plivo-Signature-V2";
    public static final String V2_NONCE_HEADER = "X-Plivo-Signature-V2-Nonce";

    private PlivoSignature() {
    }

    /**
     * The text V3 signs, before {@code "." + nonce}, as plivo-java 5.46.3 ({@code Utils.generateUrl}) builds it: the
     * whole URL percent-decoded ({@code +} a space; a malformed escape such as {@code %zz}, where the SDK throws, kept
     * as written), then {@code scheme://host/path} without the port, then {@code ?} (always when the URL has no
     * query; otherwise when it has a non-empty one or there are params). POST: the query's pairs sorted by key as
     * {@code k=v&k=v}, then {@code .}, then every body parameter sorted by name as name and value with no separator
     * (so a query with no body ends in {@code .}). GET: the query and {@code params} merged, sorted, as
     * {@code k=v&k=v}. {@link #isValidV3} also accepts the form Plivo's docs describe.
     */
    public static String v3Base(String method, String url, Map<String, String> params) {
        String verb = verb(Checks.notBlank(method, "method"));
        if (verb == null) {
            throw SwitchboardException.invalid("method", "must be GET or POST");
        }
        Url decoded = Url.parse(decode(Checks.notBlank(url, "url")));
        if (decoded == null || Url.parse(url) == null) {
            throw SwitchboardException.invalid("url", "must be an absolute http or https URL");
        }
        if (bodyParams(params) == null) { // not containsKey(null), which Map.of() answers with an exception
            throw SwitchboardException.invalid("params", "must not have a null name");
        }
        return sdkBase(verb, decoded, false, params == null ? Map.of() : params);
    }

    /**
     * The text V3 signs in the form Plivo's docs describe: {@code scheme://host[:port]/path}; POST: {@code ?} when
     * the URL has a query or there are body parameters, the query decoded pair by pair and sorted by key then value
     * as {@code k=v&k=v}, {@code .} only when there are both, then the body parameters as name and value; GET: the
     * query and params merged and sorted as {@code ?k=v&k=v}.
     */
    static String documentedV3Base(String method, String url, Map<String, String> params) {
        return documentedBase(verb(method), Url.parse(url), true, bodyParams(params));
    }

    /** The V3 signature Plivo would send for this request: the one plivo-java computes (see {@link #v3Base}). */
    public static String signV3(String authToken, String method, String url, Map<String, String> params,
            String nonce) {
        Checks.required(nonce, "nonce");
        String base = v3Base(method, url, params);
        return Base64.getEncoder().encodeToString(hmac(key(authToken), base + "." + nonce));
    }

    /**
     * Whether {@code signatureHeader} (the V3 header's value, possibly several signatures joined with commas) holds
     * the signature of this request. {@code params} are the POST body's form parameters (for GET, extra ones).
     *
     * <p>Plivo's server is the truth and its SDKs the best witness of what it signs; they differ from the docs (and
     * from hand-made signers built on them), so each form is accepted. plivo-java 5.46.3 ({@code Utils.generateUrl}) URL-decodes the whole URL before
     * splitting it (so an escaped {@code &} or {@code =} in a query value splits there), drops the port, always adds
     * {@code ?} to a URL without a query (even with no body), and ends a POST with a query but no body with a
     * {@code .}. The documented form keeps the port and decodes each query key and value. Accepted: the documented
     * form with the port as given and without it, and the SDK's form without the port and with it. Each names the
     * same host, path, query and body as the SDK or the docs read them, so no form lets a signature stand for
     * another endpoint; the SDK's decoding does make {@code a=x%26b%3Dy} and {@code a=x&b=y} sign alike, which is
     * Plivo's scheme, not ours to tighten without refusing what its server may send.
     */
    public static boolean isValidV3(String authToken, String method, String url, Map<String, String> params,
            String nonce, String signatureHeader) {
        if (authToken == null || authToken.isBlank() || method == null || url == null || nonce == null
                || signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        String verb = verb(method);
        Url parsed = Url.parse(url);
        Map<String, List<String>> body = bodyParams(params);
        if (verb == null || parsed == null || body == null) {
            return false;
        }
        Set<String> bases = new LinkedHashSet<>(4);
        bases.add(documentedBase(verb, parsed, true, body));
        bases.add(documentedBase(verb, parsed, false, body));
        Url decoded = Url.parse(decode(url));
        if (decoded != null) {
            bases.add(sdkBase(verb, decoded, false, params == null ? Map.of() : params));
            bases.add(sdkBase(verb, decoded, true, params == null ? Map.of() : params));
        }
        SecretKeySpec key = key(authToken);
        List<byte[]> expected = new ArrayList<>(bases.size());
        for (String base : bases) {
            expected.add(Base64.getEncoder().encode(hmac(key, base + "." + nonce)));
        }
        return anyMatches(expected, signatureHeader);
    }

    /** The legacy V2 signature: HMAC of the URL without its query, followed by the nonce. */
    public static String signV2(String authToken, String url, String nonce) {
        Checks.required(nonce, "nonce");
        Url parsed = Url.parse(Checks.notBlank(url, "url"));
        if (parsed == null) {
            throw SwitchboardException.invalid("url", "must be an absolute http or https URL");
        }
        return Base64.getEncoder().encodeToString(hmac(key(authToken), parsed.base(true) + nonce));
    }

    /** Whether {@code signature} is the legacy V2 signature of {@code url} (as plivo-java computes it) and nonce. */
    public static boolean isValidV2(String authToken, String url, String nonce, String signature) {
        if (authToken == null || authToken.isBlank() || url == null || nonce == null || signature == null
                || signature.isBlank()) {
            return false;
        }
        Url parsed = Url.parse(url);
        if (parsed == null) {
            return false;
        }
        byte[] expected = Base64.getEncoder().encode(hmac(key(authToken), parsed.base(true) + nonce));
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** GET or POST, whatever the case and surrounding spaces; null for any other method. */
    private static String verb(String method) {
        String verb = method.trim().toUpperCase(Locale.ROOT);
        return verb.equals("GET") || verb.equals("POST") ? verb : null;
    }

    /** The body parameters as lists by name (sorted); a null value is empty; null if a name is null. */
    private static Map<String, List<String>> bodyParams(Map<String, String> params) {
        Map<String, List<String>> body = new TreeMap<>();
        if (params == null) {
            return body;
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey() == null) {
                return null;
            }
            body.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue() == null ? "" : e.getValue());
        }
        return body;
    }

    private static String documentedBase(String verb, Url url, boolean withPort, Map<String, List<String>> body) {
        Map<String, List<String>> query = decodeQuery(url.query());
        StringBuilder s = new StringBuilder(url.base(withPort));
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

    /**
     * What plivo-java 5.46.3's {@code Utils.generateUrl} builds, from the URL already decoded as a whole. Where the
     * SDK throws (a repeated query key, a GET with neither query nor params) this gives an answer instead: the last
     * value, and nothing after the {@code ?}.
     */
    private static String sdkBase(String verb, Url decoded, boolean withPort, Map<String, String> params) {
        StringBuilder s = new StringBuilder(decoded.base(withPort));
        String query = decoded.query();
        if (query == null || !params.isEmpty() || !query.isEmpty()) {
            s.append('?');
        }
        if (query != null && !query.isEmpty()) {
            Map<String, String> pairs = new TreeMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                pairs.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            if (verb.equals("GET")) {
                params.forEach((k, v) -> pairs.put(k, v == null ? "" : v));
                return s.append(sdkJoin(pairs, true)).toString();
            }
            s.append(sdkJoin(pairs, true)).append('.').append(sdkJoin(new TreeMap<>(nullsEmpty(params)), false));
            return s.toString().replace(".$", ""); // the SDK's replace is literal, not an end-of-text pattern
        }
        return s.append(sdkJoin(new TreeMap<>(nullsEmpty(params)), verb.equals("GET"))).toString();
    }

    private static Map<String, String> nullsEmpty(Map<String, String> params) {
        Map<String, String> copy = new java.util.HashMap<>(params.size());
        params.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return copy;
    }

    private static String sdkJoin(Map<String, String> sorted, boolean asQuery) {
        StringBuilder s = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (asQuery && s.length() > 0) {
                s.append('&');
            }
            s.append(k).append(asQuery ? "=" : "").append(v);
        });
        return s.toString();
    }

    /** Compares every non-empty comma-separated signature with every expected one, without stopping early. */
    private static boolean anyMatches(List<byte[]> expected, String header) {
        boolean match = false;
        int start = 0;
        while (start <= header.length()) {
            int comma = header.indexOf(',', start);
            int end = comma < 0 ? header.length() : comma;
            String candidate = header.substring(start, end).trim();
            if (!candidate.isEmpty()) {
                byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
                for (byte[] e : expected) {
                    match |= MessageDigest.isEqual(e, given);
                }
            }
            start = end + 1;
        }
        return match;
    }

    /**
     * An absolute http(s) URL cut at its first {@code ://}, {@code /}, {@code ?} and {@code #}, on the text: no
     * {@link java.net.URI}, which refuses what Plivo may still call (a space, {@code %zz}) and hosts with {@code _}.
     * The scheme is lower-cased and user info dropped, as {@link java.net.URL}, which the SDK uses, reads them.
     */
    private record Url(String scheme, String host, String port, String path, String query) {

        static Url parse(String url) {
            String text = url.trim();
            int colon = text.indexOf("://");
            if (colon < 0) {
                return null;
            }
            String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            int hash = text.indexOf('#', colon + 3);
            String rest = hash < 0 ? text.substring(colon + 3) : text.substring(colon + 3, hash);
            int q = rest.indexOf('?');
            String query = q < 0 ? null : rest.substring(q + 1);
            String beforeQuery = q < 0 ? rest : rest.substring(0, q);
            int slash = beforeQuery.indexOf('/');
            String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
            String path = slash < 0 ? "" : beforeQuery.substring(slash);
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            int portColon = hostPort.lastIndexOf(':');
            String host = hostPort;
            String port = null;
            if (portColon > hostPort.lastIndexOf(']')) {
                host = hostPort.substring(0, portColon);
                port = hostPort.substring(portColon + 1);
                port = port.isEmpty() ? null : port;
            }
            return host.isEmpty() ? null : new Url(scheme, host, port, path, query);
        }

        /** {@code scheme://host[:port]/path}, the path as it was sent. */
        String base(boolean withPort) {
            return scheme + "://" + host + (withPort && port != null ? ":" + port : "") + path;
        }
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

    /** {@link FormDecoding#lenient}: a malformed escape is kept as written, never an exception. */
    static String decode(String s) {
        return FormDecoding.lenient(s);
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

    private static SecretKeySpec key(String authToken) {
        Checks.notBlank(authToken, "authToken");
        return new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
