package io.switchboard.adapters.twilio;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One Twilio account's settings: who it is, how it authenticates, where the three Twilio hosts are and how long to
 * wait for them. Immutable; {@link #toString()} never shows the auth token or API key secret.
 */
public final class TwilioConfig {

    public static final String DEFAULT_API_BASE_URL = "https://api.twilio.com/";
    public static final String DEFAULT_LOOKUPS_BASE_URL = "https://lookups.twilio.com/";
    public static final String DEFAULT_PRICING_BASE_URL = "https://pricing.twilio.com/";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Bound on a whole exchange (connect, write, read): the read timeout applies to each read, so an answer that
     * trickles in a byte at a time would otherwise hold a send for as long as the vendor likes.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-fA-F]{32}");

    private final AccountId account;
    private final String accountSid;
    private final String username;
    private final String secret;
    private final boolean apiKey;
    private final HttpUrl apiBaseUrl;
    private final HttpUrl lookupsBaseUrl;
    private final HttpUrl pricingBaseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;

    private TwilioConfig(Builder b) {
        this.account = b.account == null ? AccountId.of(Vendor.TWILIO, AccountId.DEFAULT_NAME) : b.account;
        if (!account.vendor().equals(Vendor.TWILIO)) {
            throw SwitchboardException.invalid("account", "must be a twilio account, got '" + account + "'");
        }
        this.accountSid = sid(b.accountSid, ACCOUNT_SID, "accountSid", "AC");
        if (b.apiKeySid != null) {
            this.username = sid(b.apiKeySid, API_KEY_SID, "apiKeySid", "SK");
            this.secret = Checks.notBlank(b.apiKeySecret, "apiKeySecret");
            this.apiKey = true;
        } else {
            this.username = accountSid;
            this.secret = Checks.notBlank(b.authToken, "authToken");
            this.apiKey = false;
        }
        this.apiBaseUrl = url(b.apiBaseUrl, "apiBaseUrl");
        this.lookupsBaseUrl = url(b.lookupsBaseUrl, "lookupsBaseUrl");
        this.pricingBaseUrl = url(b.pricingBaseUrl, "pricingBaseUrl");
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.readTimeout = positive(b.readTimeout, "readTimeout");
        this.callTimeout = positive(b.callTimeout, "callTimeout");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An account SID and auth token on the real Twilio hosts, with the default timeouts. */
    public static TwilioConfig of(AccountId account, String accountSid, String authToken) {
        return builder().account(account).accountSid(accountSid).authToken(authToken).build();
    }

    public AccountId account() {
        return account;
    }

    /** The account SID that goes in every REST path ({@code AC...}); not a secret. */
    public String accountSid() {
        return accountSid;
    }

    /** Whether requests authenticate with an API key ({@code SK...}) rather than the account's auth token. */
    public boolean usesApiKey() {
        return apiKey;
    }

    public HttpUrl apiBaseUrl() {
        return apiBaseUrl;
    }

    public HttpUrl lookupsBaseUrl() {
        return lookupsBaseUrl;
    }

    public HttpUrl pricingBaseUrl() {
        return pricingBaseUrl;
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

    /** The Basic-auth user: the account SID, or the API key SID. */
    String username() {
        return username;
    }

    /** The Basic-auth password; package-private so that it leaves this package only in the Authorization header. */
    String secret() {
        return secret;
    }

    public Builder toBuilder() {
        Builder b = new Builder().account(account).accountSid(accountSid)
                .apiBaseUrl(apiBaseUrl.toString()).lookupsBaseUrl(lookupsBaseUrl.toString())
                .pricingBaseUrl(pricingBaseUrl.toString()).connectTimeout(connectTimeout).readTimeout(readTimeout)
                .callTimeout(callTimeout);
        return apiKey ? b.apiKey(username, secret) : b.authToken(secret);
    }

    @Override
    public String toString() {
        return "TwilioConfig[account=" + account + ", accountSid=" + accountSid
                + (apiKey ? ", apiKeySid=" + username + ", apiKeySecret=****" : ", authToken=****")
                + ", apiBaseUrl=" + apiBaseUrl + ", lookupsBaseUrl=" + lookupsBaseUrl + ", pricingBaseUrl="
                + pricingBaseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout + "]";
    }

    private static String sid(String value, Pattern pattern, String field, String prefix) {
        Checks.notBlank(value, field);
        if (!pattern.matcher(value).matches()) {
            throw SwitchboardException.invalid(field, "must be '" + prefix + "' followed by 32 hex digits, got '"
                    + value + "'");
        }
        return value;
    }

    private static HttpUrl url(String value, String field) {
        Checks.notBlank(value, field);
        HttpUrl url = HttpUrl.parse(value.trim());
        if (url == null) {
            throw SwitchboardException.invalid(field, "must be an absolute http(s) URL, got '" + value + "'");
        }
        if (!url.encodedPath().endsWith("/")) {
            url = url.newBuilder().addPathSegment("").build();
        }
        return url;
    }

    private static Duration positive(Duration value, String field) {
        Checks.required(value, field);
        if (value.isZero() || value.isNegative()) {
            throw SwitchboardException.invalid(field, "must be positive, got " + value);
        }
        return value;
    }

    /** Collects settings; {@link #build()} checks them all and names the first field that is wrong. */
    public static final class Builder {
        private AccountId account;
        private String accountSid;
        private String authToken;
        private String apiKeySid;
        private String apiKeySecret;
        private String apiBaseUrl = DEFAULT_API_BASE_URL;
        private String lookupsBaseUrl = DEFAULT_LOOKUPS_BASE_URL;
        private String pricingBaseUrl = DEFAULT_PRICING_BASE_URL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

        private Builder() {
        }

        /** The configured account ({@code twilio:work}); {@code twilio:default} when not set. */
        public Builder account(AccountId account) {
            this.account = account;
            return this;
        }

        public Builder accountSid(String accountSid) {
            this.accountSid = accountSid;
            return this;
        }

        /** Authenticates as the account itself; replaces an API key set before. */
        public Builder authToken(String authToken) {
            this.authToken = authToken;
            this.apiKeySid = null;
            this.apiKeySecret = null;
            return this;
        }

        /** Authenticates with an API key ({@code SK...}) and its secret; the account SID stays in the paths. */
        public Builder apiKey(String keySid, String keySecret) {
            this.apiKeySid = keySid;
            this.apiKeySecret = keySecret;
            this.authToken = null;
            return this;
        }

        public Builder apiBaseUrl(String url) {
            this.apiBaseUrl = url;
            return this;
        }

        public Builder lookupsBaseUrl(String url) {
            this.lookupsBaseUrl = url;
            return this;
        }

        public Builder pricingBaseUrl(String url) {
            this.pricingBaseUrl = url;
            return this;
        }

        /** Points all three hosts at one server (an emulator serving every Twilio path). */
        public Builder allBaseUrls(String url) {
            return apiBaseUrl(url).lookupsBaseUrl(url).pricingBaseUrl(url);
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

        public TwilioConfig build() {
            return new TwilioConfig(this);
        }

        @Override
        public String toString() {
            return "TwilioConfig.Builder[account=" + account + ", accountSid=" + accountSid + ", secret=****]";
        }
    }
}
