package io.switchboard.adapters.telnyx;

import io.switchboard.adapters.http.HttpTimeouts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One Telnyx account's settings: its API key, the Call Control connection that places its calls, the messaging
 * profile used for alphanumeric senders, and timeouts ({@link HttpTimeouts}, {@link HttpTimeouts#DEFAULTS} unless set).
 * Immutable; {@link #toString()} never shows the API key.
 */
public final class TelnyxConfig {

    /** The real Telnyx API v2 root. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.telnyx.com/v2/");

    private final AccountId account;
    private final String apiKey;
    private final URI baseUrl;
    private final Optional<String> connectionId;
    private final Optional<String> messagingProfileId;
    private final Optional<String> vendorAccountId;
    private final Optional<RateLimit> declaredRateLimit;
    private final Optional<String> webhookPublicKey;
    private final HttpTimeouts timeouts;

    private TelnyxConfig(Builder b) {
        this.account = Checks.required(b.account, "account");
        if (!account.vendor().equals(Vendor.TELNYX)) {
            throw SwitchboardException.invalid("account", "must be a telnyx account, got '" + account + "'");
        }
        this.apiKey = Checks.credential(b.apiKey, "apiKey");
        this.baseUrl = normalise(Checks.required(b.baseUrl, "baseUrl"));
        this.connectionId = blankToEmpty(b.connectionId);
        this.messagingProfileId = blankToEmpty(b.messagingProfileId);
        this.vendorAccountId = blankToEmpty(b.vendorAccountId);
        this.declaredRateLimit = Optional.ofNullable(b.declaredRateLimit);
        this.webhookPublicKey = blankToEmpty(b.webhookPublicKey).map(TelnyxConfig::publicKey);
        this.timeouts = timeouts(b.connectTimeout, b.readTimeout, b.callTimeout);
    }

    /** A builder for the account's default name ({@code telnyx:default}) and the real API host. */
    public static Builder builder() {
        return new Builder();
    }

    private static URI normalise(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw SwitchboardException.invalid("baseUrl", "must be an absolute http(s) URL, got '" + url + "'");
        }
        String text = url.toString();
        return text.endsWith("/") ? url : URI.create(text + "/");
    }

    /** An Ed25519 public key as the portal shows it: Base64 of 32 bytes. Not a secret, so a wrong one is shown. */
    private static String publicKey(String value) {
        byte[] raw;
        try {
            raw = java.util.Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw SwitchboardException.invalid("webhookPublicKey", "must be Base64 (the public key the Telnyx "
                    + "portal shows), got " + io.switchboard.domain.ErrorText.quote(value));
        }
        if (raw.length != 32) {
            throw SwitchboardException.invalid("webhookPublicKey", "must be the Base64 of a 32-byte Ed25519 public "
                    + "key, got " + raw.length + " bytes");
        }
        try {
            TelnyxWebhookVerifier.forPublicKey(value);
        } catch (RuntimeException e) {
            throw SwitchboardException.invalid("webhookPublicKey", "is not an Ed25519 public key");
        }
        return value;
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
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

    public AccountId account() {
        return account;
    }

    /** The secret API key; kept out of {@link #toString()}, logs and failures. */
    public String apiKey() {
        return apiKey;
    }

    /** The API root, always ending in {@code /} (e.g. {@code https://api.telnyx.com/v2/}). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The Call Control connection (application) id that dials calls; without it the account has no voice port. */
    public Optional<String> connectionId() {
        return connectionId;
    }

    /** Sent as {@code messaging_profile_id} with every message; Telnyx requires it for alphanumeric senders. */
    public Optional<String> messagingProfileId() {
        return messagingProfileId;
    }

    /**
     * The Telnyx user or organization id reported as the account's vendor id. Telnyx's balance endpoint does not
     * return one, so without this setting the account id ({@code telnyx:default}) stands in.
     */
    public Optional<String> vendorAccountId() {
        return vendorAccountId;
    }

    /** A request budget the routing layer should apply for this account, when the operator knows one. */
    public Optional<RateLimit> declaredRateLimit() {
        return declaredRateLimit;
    }

    /**
     * The Base64 Ed25519 public key that verifies this account's webhooks (not a secret); without it the account's
     * callbacks are refused as unverifiable.
     */
    public Optional<String> webhookPublicKey() {
        return webhookPublicKey;
    }

    /** How long to wait to connect, for each read or write, and for a whole exchange. */
    public HttpTimeouts timeouts() {
        return timeouts;
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        return new Builder().account(account).apiKey(apiKey).baseUrl(baseUrl)
                .connectionId(connectionId.orElse(null)).messagingProfileId(messagingProfileId.orElse(null))
                .vendorAccountId(vendorAccountId.orElse(null)).declaredRateLimit(declaredRateLimit.orElse(null))
                .webhookPublicKey(webhookPublicKey.orElse(null)).timeouts(timeouts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelnyxConfig c && account.equals(c.account) && apiKey.equals(c.apiKey)
                && baseUrl.equals(c.baseUrl) && connectionId.equals(c.connectionId)
                && messagingProfileId.equals(c.messagingProfileId) && vendorAccountId.equals(c.vendorAccountId)
                && declaredRateLimit.equals(c.declaredRateLimit) && webhookPublicKey.equals(c.webhookPublicKey)
                && timeouts.equals(c.timeouts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, baseUrl, connectionId, messagingProfileId);
    }

    @Override
    public String toString() {
        return "TelnyxConfig[account=" + account + ", apiKey=****, baseUrl=" + baseUrl
                + ", connectionId=" + connectionId.orElse("-") + ", messagingProfileId="
                + messagingProfileId.orElse("-") + ", webhookPublicKey=" + webhookPublicKey.orElse("-")
                + ", timeouts=" + timeouts + "]";
    }

    /** Collects settings; every one but the API key has a default. */
    public static final class Builder {
        private AccountId account = AccountId.of(Vendor.TELNYX, AccountId.DEFAULT_NAME);
        private String apiKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private String connectionId;
        private String messagingProfileId;
        private String vendorAccountId;
        private RateLimit declaredRateLimit;
        private String webhookPublicKey;
        private Duration connectTimeout = HttpTimeouts.DEFAULT_CONNECT;
        private Duration readTimeout = HttpTimeouts.DEFAULT_READ_WRITE;
        private Duration callTimeout = HttpTimeouts.DEFAULT_CALL;

        private Builder() {
        }

        public Builder account(AccountId account) {
            this.account = account;
            return this;
        }

        /** The account by name: {@code "work"} becomes {@code telnyx:work}. */
        public Builder accountName(String name) {
            this.account = AccountId.of(Vendor.TELNYX, name);
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            Checks.notBlank(baseUrl, "baseUrl");
            try {
                return baseUrl(URI.create(baseUrl.trim()));
            } catch (IllegalArgumentException e) {
                throw SwitchboardException.invalid("baseUrl", "is not a URL, got '" + baseUrl + "'");
            }
        }

        public Builder connectionId(String connectionId) {
            this.connectionId = connectionId;
            return this;
        }

        public Builder messagingProfileId(String messagingProfileId) {
            this.messagingProfileId = messagingProfileId;
            return this;
        }

        public Builder vendorAccountId(String vendorAccountId) {
            this.vendorAccountId = vendorAccountId;
            return this;
        }

        public Builder declaredRateLimit(RateLimit limit) {
            this.declaredRateLimit = limit;
            return this;
        }

        /**
         * The account's webhook public key (Base64 of the 32-byte Ed25519 key in the Telnyx portal; not a secret),
         * which verifies its callbacks. Optional; checked by {@link #build()}.
         */
        public Builder webhookPublicKey(String base64PublicKey) {
            this.webhookPublicKey = base64PublicKey;
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

        public TelnyxConfig build() {
            return new TelnyxConfig(this);
        }
    }
}
