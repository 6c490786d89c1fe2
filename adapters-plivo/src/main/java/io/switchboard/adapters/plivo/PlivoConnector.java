package io.switchboard.adapters.plivo;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.port.AccountPort;
import io.switchboard.domain.port.CallbacksPort;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.NumbersPort;
import io.switchboard.domain.port.PricingPort;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.RecordingsPort;
import io.switchboard.domain.port.SendCapabilities;
import io.switchboard.domain.port.VoicePort;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One Plivo account as a {@link ProviderConnector}: messaging, voice, numbers, account, pricing and recordings
 * (Plivo has no usage or lookup port here), plus {@link #api()} for what only Plivo offers. Several accounts
 * share one OkHttp dispatcher and one connection pool the library derives from its pool: pass the same client to each
 * {@link #create}, close each connector, and close the client yourself.
 */
public final class PlivoConnector implements ProviderConnector {

    /**
     * What Plivo accepts (Message and Call API references): SMS, MMS and WhatsApp through {@code Message/}; a call's
     * instructions only as an {@code answer_url} (no inline XML); an SMS text of at most 1,600 GSM-7 characters or
     * 737 characters when it needs UCS-2.
     */
    static final SendCapabilities CAPABILITIES = SendCapabilities.builder()
            .channels(Channel.SMS, Channel.MMS, Channel.WHATSAPP)
            .inlineCallMarkup(false)
            .textLimit(Channel.SMS, SendCapabilities.TextLimit.characters(PlivoMessaging.MAX_GSM7_TEXT,
                    PlivoMessaging.MAX_UCS2_TEXT))
            .build();

    /**
     * The client-side budget Plivo publishes for its Power Automate connector: 100 calls per 60 seconds per
     * connection. Plivo's own API allows more (300 requests per 5 s), so this is the conservative default.
     */
    public static final RateLimit DECLARED_RATE_LIMIT = RateLimit.of(100, Duration.ofSeconds(60));

    private final AccountId account;
    private final PlivoHttp http;
    private final PlivoMessaging messaging;
    private final PlivoVoice voice;
    private final PlivoNumbers numbers;
    private final PlivoAccount accountDetails;
    private final PlivoPricing pricing;
    private final PlivoRecordings recordings;
    private final PlivoApi api;
    private final PlivoCallbacks callbacks;

    private PlivoConnector(PlivoConfig config, OkHttpClient sharedHttp, Clock clock) {
        this.account = config.account();
        this.http = new PlivoHttp(config, sharedHttp, clock);
        PlivoContext ctx = new PlivoContext(http, config.authId());
        this.messaging = new PlivoMessaging(ctx);
        this.voice = new PlivoVoice(ctx);
        this.numbers = new PlivoNumbers(ctx);
        this.accountDetails = new PlivoAccount(ctx);
        this.pricing = new PlivoPricing(ctx);
        this.recordings = new PlivoRecordings(ctx);
        this.api = new PlivoApi(ctx, messaging, voice, numbers, accountDetails, pricing, recordings);
        this.callbacks = new PlivoCallbacks(config, clock);
    }

    /**
     * A connector for one account. {@code sharedHttp} is the application's client, whose connection pool and
     * dispatcher every account reuses; this account adds its credentials and timeouts to a derived client.
     */
    public static PlivoConnector create(PlivoConfig config, OkHttpClient sharedHttp) {
        return create(config, sharedHttp, Clock.systemUTC());
    }

    /**
     * As {@link #create(PlivoConfig, OkHttpClient)}, measuring Retry-After dates against {@code clock}, which also
     * dates a callback that carries no time of its own.
     */
    public static PlivoConnector create(PlivoConfig config, OkHttpClient sharedHttp, Clock clock) {
        Checks.required(config, "config");
        Checks.required(sharedHttp, "sharedHttp");
        Checks.required(clock, "clock");
        return new PlivoConnector(config, sharedHttp, clock);
    }

    /**
     * Plivo's own operations beyond the ports, by resource ({@code api().calls()}, {@code conferences()},
     * {@code endpoints()}, {@code numbers()}, {@code subaccounts()} ...): multi-destination sends, Plivo's own
     * filters and types.
     */
    public PlivoApi api() {
        return api;
    }

    @Override
    public AccountId account() {
        return account;
    }

    @Override
    public Optional<MessagingPort> messaging() {
        return Optional.of(messaging);
    }

    @Override
    public Optional<VoicePort> voice() {
        return Optional.of(voice);
    }

    /** Verifies callbacks with the account's auth token, which Plivo signs them with. */
    @Override
    public Optional<CallbacksPort> callbacks() {
        return Optional.of(callbacks);
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
        return Optional.of(accountDetails);
    }

    @Override
    public Optional<PricingPort> pricing() {
        return Optional.of(pricing);
    }

    @Override
    public Optional<RecordingsPort> recordings() {
        return Optional.of(recordings);
    }

    @Override
    public Optional<RateLimit> declaredRateLimit() {
        return Optional.of(DECLARED_RATE_LIMIT);
    }

    /** Gives back this account's share of the library's connection pool; the shared client stays open. */
    @Override
    public void close() {
        http.http().close();
    }

    @Override
    public String toString() {
        return "PlivoConnector[" + account + "]";
    }
}
