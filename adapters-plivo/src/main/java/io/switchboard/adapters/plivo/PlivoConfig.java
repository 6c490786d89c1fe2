package io.switchboard.adapters.plivo;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;

import java.net.URI;
import java.time.Duration;

/**
 * One Plivo account's settings: its name, credentials, API base URL and timeouts. Immutable; {@link #toString()}
 * never shows the auth token.
 */
public final class PlivoConfig {

    /** Plivo's REST API, version 1; every resource lives under {@code Account/{auth_id}/}. */
    public static final String DEFAULT_BASE_URL = "https://api.plivo.com/v1/";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Bound on a whole exchange (connect, write, read): the read timeout applies to each read, so an answer that
     * trickles in a byte at a time would otherwise hold a send for as long as the vendor likes.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    private final AccountId account;
    private final String authId;
    private final String authToken;
    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;

    private PlivoConfig(Builder b) {
        this.account = AccountId.of(Vendor.PLIVO, b.accountName == null ? AccountId.DEFAULT_NAME : b.accountName);
        this.authId = Checks.notBlank(b.authId, "authId").trim();
        this.authToken = Checks.notBlank(b.authToken, "authToken");
        this.baseUrl = normaliseBaseUrl(b.baseUrl == null ? DEFAULT_BASE_URL : b.baseUrl);
        this.connectTimeout = positive(b.connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : b.connectTimeout,
                "connectTimeout");
        this.readTimeout = positive(b.readTimeout == null ? DEFAULT_READ_TIMEOUT : b.readTimeout, "readTimeout");
        this.callTimeout = positive(b.callTimeout == null ? DEFAULT_CALL_TIMEOUT : b.callTimeout, "callTimeout");
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

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** The most one request may take from start to last byte. */
    public Duration callTimeout() {
        return callTimeout;
    }

    private static Duration positive(Duration d, String field) {
        if (d.isZero() || d.isNegative()) {
            throw SwitchboardException.invalid(field, "must be positive, got " + d);
        }
        return d;
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
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout
                + "]";
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

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public PlivoConfig build() {
            return new PlivoConfig(this);
        }
    }
}
