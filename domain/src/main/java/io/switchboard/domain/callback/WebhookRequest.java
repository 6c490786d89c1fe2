package io.switchboard.domain.callback;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as a web framework received it, before anything is trusted: the method, the full URL the vendor
 * called (scheme, host, port, path and query, as the vendor signed it), the headers and the raw body bytes. Header
 * names are matched without regard to case.
 */
public final class WebhookRequest {

    /** The largest body accepted; no vendor's callback comes near it. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final String method;
    private final String url;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private WebhookRequest(String method, String url, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
    }

    /**
     * A request; {@code headers} may map a name to several values (a null map or value list counts as none).
     *
     * @throws SwitchboardException INVALID_REQUEST naming the field when the method or URL is blank or the body is
     *     larger than {@link #MAX_BODY_BYTES}
     */
    public static WebhookRequest of(String method, String url, Map<String, ? extends List<String>> headers,
            byte[] body) {
        Checks.notBlank(method, "method");
        Checks.notBlank(url, "url");
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > MAX_BODY_BYTES) {
            throw SwitchboardException.invalid("body", "must be at most " + MAX_BODY_BYTES + " bytes, got "
                    + bytes.length);
        }
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    copy.computeIfAbsent(name, n -> new java.util.ArrayList<>())
                            .addAll(values.stream().filter(v -> v != null).toList());
                }
            });
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        return new WebhookRequest(method.trim().toUpperCase(Locale.ROOT), url.trim(),
                java.util.Collections.unmodifiableMap(copy), bytes.clone());
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    /** Every header, names case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A copy of the raw body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRequest other && method.equals(other.method) && url.equals(other.url)
                && headers.equals(other.headers) && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return url.hashCode() * 31 + Arrays.hashCode(body);
    }

    /** The method, URL and body size: header values (signatures) are left out. */
    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + url + ", " + body.length + " bytes]";
    }
}
