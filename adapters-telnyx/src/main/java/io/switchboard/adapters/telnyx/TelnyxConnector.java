package io.switchboard.adapters.telnyx;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.port.AccountPort;
import io.switchboard.domain.port.CallbacksPort;
import io.switchboard.domain.port.LookupPort;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.NumbersPort;
import io.switchboard.domain.port.PricingPort;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.RecordingsPort;
import io.switchboard.domain.port.SendCapabilities;
import io.switchboard.domain.port.UsagePort;
import io.switchboard.domain.port.VoicePort;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.Optional;

/**
 * One Telnyx account as a {@link ProviderConnector}: messaging, numbers, account balance, recordings and number
 * lookup always; voice when the account has a Call Control connection; no pricing (Telnyx has no pricing API: its
 * accounts are priced from rate-deck CSVs through the price book) and no usage records. {@link #api()} offers the
 * Telnyx operations the ports do not cover, and {@link #rateLimits()} the request budget Telnyx last reported.
 */
public final class TelnyxConnector implements ProviderConnector {

    /**
     * What Telnyx accepts (Messaging and Call Control references): SMS and MMS through {@code /messages} (no
     * WhatsApp); a call's instructions only as the {@code webhook_url} Call Control drives it by (no inline markup);
     * an SMS of at most 10 segments (error 40302, "Message too large", unless the messaging profile chunks).
     */
    static final SendCapabilities CAPABILITIES = SendCapabilities.builder()
            .channels(Channel.SMS, Channel.MMS)
            .inlineCallMarkup(false)
            .textLimit(Channel.SMS, SendCapabilities.TextLimit.segments(TelnyxMessaging.MAX_SEGMENTS))
            .build();

    private final TelnyxConfig config;
    private final TelnyxHttp http;
    private final TelnyxRateLimits rateLimits;
    private final TelnyxMessaging messaging;
    private final Optional<VoicePort> voice;
    private final TelnyxNumbers numbers;
    private final TelnyxAccount accountPort;
    private final TelnyxRecordings recordings;
    private final TelnyxLookup lookup;
    private final TelnyxApi api;
    private final TelnyxCallbacks callbacks;

    private TelnyxConnector(TelnyxConfig config, OkHttpClient sharedHttp, Clock clock) {
        this.config = config;
        AccountId account = config.account();
        TelnyxErrors errors = new TelnyxErrors(account, clock);
        this.rateLimits = new TelnyxRateLimits(account, clock);
        this.http = new TelnyxHttp(config, sharedHttp, errors, rateLimits);
        TelnyxMapper mapper = new TelnyxMapper(account);
        TelnyxPager pager = new TelnyxPager(errors);
        this.messaging = new TelnyxMessaging(config, http, mapper, errors, pager);
        Optional<TelnyxVoice> telnyxVoice = config.connectionId()
                .map(connection -> new TelnyxVoice(connection, http, mapper, errors, pager));
        this.voice = telnyxVoice.map(VoicePort.class::cast);
        this.numbers = new TelnyxNumbers(http, mapper, errors, pager);
        this.accountPort = new TelnyxAccount(config, http, mapper);
        this.recordings = new TelnyxRecordings(http, mapper, errors, pager);
        this.lookup = new TelnyxLookup(http, mapper, errors);
        this.api = new TelnyxApi(config, errors, pager, messaging, telnyxVoice, numbers, recordings, accountPort,
                lookup);
        this.callbacks = new TelnyxCallbacks(config, clock);
    }

    /**
     * A connector for one account. {@code sharedHttp} is the client every account shares: its dispatcher is reused,
     * connections go to one pool that the library keeps per application pool to retire idle connections before Telnyx
     * closes them, and this account's client is derived from it with its own key and timeouts.
     */
    public static TelnyxConnector create(TelnyxConfig config, OkHttpClient sharedHttp) {
        return create(config, sharedHttp, Clock.systemUTC());
    }

    /**
     * As {@link #create(TelnyxConfig, OkHttpClient)}, reading time (Retry-After dates, rate-limit resets) from
     * {@code clock}, which also dates a callback that carries no time and judges a callback's timestamp fresh or stale.
     */
    public static TelnyxConnector create(TelnyxConfig config, OkHttpClient sharedHttp, Clock clock) {
        Checks.required(config, "config");
        Checks.required(sharedHttp, "sharedHttp");
        Checks.required(clock, "clock");
        return new TelnyxConnector(config, sharedHttp, clock);
    }

    @Override
    public AccountId account() {
        return config.account();
    }

    public TelnyxConfig config() {
        return config;
    }

    /** Telnyx operations beyond the ports: Telnyx's list filters, MMS subject, calls by session, the full balance. */
    public TelnyxApi api() {
        return api;
    }

    /** The request budget Telnyx reported in its last {@code x-ratelimit-*} headers for this account. */
    public TelnyxRateLimits rateLimits() {
        return rateLimits;
    }

    @Override
    public Optional<MessagingPort> messaging() {
        return Optional.of(messaging);
    }

    /** Present only when the account's configuration names the Call Control connection that dials. */
    @Override
    public Optional<VoicePort> voice() {
        return voice;
    }

    @Override
    public SendCapabilities sendCapabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<NumbersPort> numbers() {
        return Optional.of(numbers);
    }

    @Override
    public Optional<AccountPort> accountDetails() {
        return Optional.of(accountPort);
    }

    /** Always empty: Telnyx has no pricing API; its rates come from rate-deck CSVs loaded into the price book. */
    @Override
    public Optional<PricingPort> pricing() {
        return Optional.empty();
    }

    @Override
    public Optional<RecordingsPort> recordings() {
        return Optional.of(recordings);
    }

    /** Always empty: Telnyx serves no usage records this adapter could map (detail records are per event). */
    @Override
    public Optional<UsagePort> usage() {
        return Optional.empty();
    }

    @Override
    public Optional<LookupPort> lookup() {
        return Optional.of(lookup);
    }

    /**
     * Always present; without a {@link TelnyxConfig#webhookPublicKey() webhook public key} it refuses every callback
     * as UNKNOWN_ACCOUNT, since nothing could verify them.
     */
    @Override
    public Optional<CallbacksPort> callbacks() {
        return Optional.of(callbacks);
    }

    @Override
    public Optional<RateLimit> declaredRateLimit() {
        return config.declaredRateLimit();
    }

    /** Gives back this account's share of the library's connection pool; the shared client stays open. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "TelnyxConnector[" + config.account() + " at " + config.baseUrl() + "]";
    }
}
