package io.switchboard.adapters.plivo;

import io.switchboard.adapters.http.HttpTimeouts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;

import java.net.URI;
import java.time.Duration;

/**
 * One Plivo account's settings: its name, credentials, API base URL and timeouts ({@link HttpTimeouts},
 * {@link HttpTimeouts#DEFAULTS} unless set). Immutable; {@link #toString()} never shows the auth token.
 */
public final class PlivoConfig {

    /** Plivo's REST API, version 1; every resource lives under {@code Account/{auth_id}/}. */
    public static final String DEFAULT_BASE_URL = "https://api.plivo.com/v1/";

    private final AccountId account;
    private final String authId;
    private final String authToken;
    private final String baseUrl;
    private final HttpTimeouts timeouts;

    private PlivoConfig(Builder b) {
        this.account = AccountId.of(Vendor.PLIVO, b.accountName == null ? AccountId.DEFAULT_NAME : b.accountName);
        this.authId = Checks.credential(b.authId == null ? null : b.authId.trim(), "authId");
        this.authToken = Checks.credential(b.authToken, "authToken");
        this.baseUrl = normaliseBaseUrl(b.baseUrl == null ? DEFAULT_BASE_URL : b.baseUrl);
        // An unset (null) timeout is the default, as it has always been for Plivo's builder.
        this.timeouts = timeouts(b.connectTimeout == null ? HttpTimeouts.DEFAULT_CONNECT : b.connectTimeout,
                b.readTimeout == null ? HttpTimeouts.DEFAULT_READ_WRITE : b.readTimeout,
                b.callTimeout == null ? HttpTimeouts.DEFAULT_CALL : b.callTimeout);
        for (int i = 0; i < authId.length(); i++) {
            if (!Character.isLetterOrDigit(authId.charAt(i))) {
                throw SwitchboardException.invalid("authId", "must hold letters and digits only");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The account these settings belong to ({@code plivo:default} unless named). */
    public AccountId account() {
        return account;
    }

    public String authId() {
        return authId;
    }

    /** The secret; kept out of {@link #toString()}, exceptions and logs. */
    public String authToken() {
        return authToken;
    }

    /** The API root ending in {@code /}, e.g. {@value #DEFAULT_BASE_URL}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** How long to wait to connect, for each read or write, and for a whole exchange. */
    public HttpTimeouts timeouts() {
        return timeouts;
    }

    private static HttpTimeouts timeouts(Duration connect, Duration read, Duration call) {
        try {
            return new HttpTimeouts(connect, read, call);
        } catch (HttpTimeouts.Invalid e) {
            String field = switch (e.component()) {
                case "connect" -> "connectTimeout";
                case "call" -> "callTimeout";
                default -> "readTimeout";
            };
            throw SwitchboardException.invalid(field, e.problem());
        }
    }

    private static String normaliseBaseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw SwitchboardException.invalid("baseUrl", "is not a URL, got '" + url + "'");
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw SwitchboardException.invalid("baseUrl", "must be an absolute http(s) URL, got '" + url + "'");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    @Override
    public String toString() {
        return "PlivoConfig[account=" + account + ", authId=" + authId + ", authToken=***, baseUrl=" + baseUrl
                + ", timeouts=" + timeouts + "]";
    }

    /** Collects settings; {@link #authId} and {@link #authToken} are required, the rest have defaults. */
    public static final class Builder {
        private String accountName;
        private String authId;
        private String authToken;
        private String baseUrl;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;

        private Builder() {
        }

        /** The account's name in Switchboard ({@code us} for {@code plivo:us}); {@code default} when unset. */
        public Builder accountName(String name) {
            this.accountName = name;
            return this;
        }

        public Builder authId(String authId) {
            this.authId = authId;
            return this;
        }

        public Builder authToken(String authToken) {
            this.authToken = authToken;
            return this;
        }

        /** The API root, e.g. an emulator's {@code http://127.0.0.1:PORT/v1/}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** All three timeouts at once. */
        public Builder timeouts(HttpTimeouts timeouts) {
            Checks.required(timeouts, "timeouts");
            return connectTimeout(timeouts.connect()).readTimeout(timeouts.readWrite()).callTimeout(timeouts.call());
        }

        /** The connect timeout alone, checked by {@link #build()}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** The timeout for each read and each write, checked by {@link #build()}. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** The bound on a whole exchange, checked by {@link #build()}. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public PlivoConfig build() {
            return new PlivoConfig(this);
        }
    }
}
