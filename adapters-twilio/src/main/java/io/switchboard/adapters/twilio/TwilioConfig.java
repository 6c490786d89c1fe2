package io.switchboard.adapters.twilio;

import io.switchboard.adapters.http.HttpTimeouts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One Twilio account's settings: who it is, how it authenticates, where the three Twilio hosts are and how long to
 * wait for them ({@link HttpTimeouts}, {@link HttpTimeouts#DEFAULTS} unless set). Immutable; {@link #toString()} never
 * shows the auth token or API key secret.
 */
public final class TwilioConfig {

    public static final String DEFAULT_API_BASE_URL = "https://api.twilio.com/";
    public static final String DEFAULT_LOOKUPS_BASE_URL = "https://lookups.twilio.com/";
    public static final String DEFAULT_PRICING_BASE_URL = "https://pricing.twilio.com/";

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-fA-F]{32}");

    private final AccountId account;
    private final String accountSid;
    private final String username;
    private final String secret;
    private final boolean apiKey;
    private final String webhookAuthToken;
    private final HttpUrl apiBaseUrl;
    private final HttpUrl lookupsBaseUrl;
    private final HttpUrl pricingBaseUrl;
    private final HttpTimeouts timeouts;

    private TwilioConfig(Builder b) {
        this.account = b.account == null ? AccountId.of(Vendor.TWILIO, AccountId.DEFAULT_NAME) : b.account;
        if (!account.vendor().equals(Vendor.TWILIO)) {
            throw SwitchboardException.invalid("account", "must be a twilio account, got '" + account + "'");
        }
        this.accountSid = sid(b.accountSid, ACCOUNT_SID, "accountSid", "AC");
        if (b.apiKeySid != null) {
            this.username = sid(b.apiKeySid, API_KEY_SID, "apiKeySid", "SK");
            this.secret = Checks.credential(b.apiKeySecret, "apiKeySecret");
            this.apiKey = true;
            this.webhookAuthToken = b.webhookAuthToken == null ? null
                    : Checks.credential(b.webhookAuthToken, "webhookAuthToken");
        } else {
            this.username = accountSid;
            this.secret = Checks.credential(b.authToken, "authToken");
            this.apiKey = false;
            if (b.webhookAuthToken != null && !b.webhookAuthToken.equals(secret)) {
                throw SwitchboardException.invalid("webhookAuthToken", "is only for an account that authenticates "
                        + "with an API key: this account's auth token already verifies its webhooks (the value is "
                        + "not shown)");
            }
            this.webhookAuthToken = secret;
        }
        this.apiBaseUrl = url(b.apiBaseUrl, "apiBaseUrl");
        this.lookupsBaseUrl = url(b.lookupsBaseUrl, "lookupsBaseUrl");
        this.pricingBaseUrl = url(b.pricingBaseUrl, "pricingBaseUrl");
        this.timeouts = timeouts(b.connectTimeout, b.readTimeout, b.callTimeout);
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

    /** How long to wait to connect, for each read or write, and for a whole exchange. */
    public HttpTimeouts timeouts() {
        return timeouts;
    }

    /**
     * Whether this account can verify the signatures of Twilio's webhooks: Twilio signs them with the auth token
     * only, so an account that authenticates with an API key needs its auth token set as well.
     */
    public boolean verifiesWebhooks() {
        return webhookAuthToken != null;
    }

    /** The auth token Twilio signs this account's webhooks with; package-private like {@link #secret()}. */
    java.util.Optional<String> webhookAuthToken() {
        return java.util.Optional.ofNullable(webhookAuthToken);
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
                .pricingBaseUrl(pricingBaseUrl.toString()).timeouts(timeouts);
        return apiKey ? b.apiKey(username, secret).webhookAuthToken(webhookAuthToken) : b.authToken(secret);
    }

    @Override
    public String toString() {
        return "TwilioConfig[account=" + account + ", accountSid=" + accountSid
                + (apiKey ? ", apiKeySid=" + username + ", apiKeySecret=****"
                        + (webhookAuthToken == null ? "" : ", webhookAuthToken=****") : ", authToken=****")
                + ", apiBaseUrl=" + apiBaseUrl + ", lookupsBaseUrl=" + lookupsBaseUrl + ", pricingBaseUrl="
                + pricingBaseUrl + ", timeouts=" + timeouts + "]";
    }

    private static String sid(String value, Pattern pattern, String field, String prefix) {
        Checks.notBlank(value, field);
        if (!pattern.matcher(value).matches()) {
            throw SwitchboardException.invalid(field, "must be '" + prefix + "' followed by 32 hex digits, got "
                    + ErrorText.quote(value));
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

    /** Collects settings; {@link #build()} checks them all and names the first field that is wrong. */
    public static final class Builder {
        private AccountId account;
        private String accountSid;
        private String authToken;
        private String apiKeySid;
        private String apiKeySecret;
        private String webhookAuthToken;
        private String apiBaseUrl = DEFAULT_API_BASE_URL;
        private String lookupsBaseUrl = DEFAULT_LOOKUPS_BASE_URL;
        private String pricingBaseUrl = DEFAULT_PRICING_BASE_URL;
        private Duration connectTimeout = HttpTimeouts.DEFAULT_CONNECT;
        private Duration readTimeout = HttpTimeouts.DEFAULT_READ_WRITE;
        private Duration callTimeout = HttpTimeouts.DEFAULT_CALL;

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

        /**
         * The account's auth token, used only to verify webhook signatures (Twilio signs webhooks with it, never with
         * an API key): for an account that authenticates with {@link #apiKey}. Optional; without it the account's
         * callbacks are refused as unverifiable.
         */
        public Builder webhookAuthToken(String authToken) {
            this.webhookAuthToken = authToken;
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

        public TwilioConfig build() {
            return new TwilioConfig(this);
        }

        @Override
        public String toString() {
            return "TwilioConfig.Builder[account=" + account + ", accountSid=" + accountSid + ", secret=****]";
        }
    }
}
