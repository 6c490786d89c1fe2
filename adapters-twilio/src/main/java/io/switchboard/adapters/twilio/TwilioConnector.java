package io.switchboard.adapters.twilio;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.message.Channel;
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
 * One Twilio account as a {@link ProviderConnector}: every port, plus {@link #api()} for what only Twilio offers.
 * Several accounts share the dispatcher of the {@link OkHttpClient} they are created with, and one connection pool that
 * the library derives from its pool to retire idle connections before Twilio closes them; each gets its own derived
 * client with its credentials and timeouts.
 */
public final class TwilioConnector implements ProviderConnector {

    /**
     * What Twilio accepts (Programmable Messaging and Voice API references): SMS, MMS and WhatsApp through
     * {@code Messages.json}; a call's instructions as a {@code Url} or inline {@code Twiml}; a {@code Body} of at most
     * 1,600 characters on every channel (error 21617).
     */
    static final SendCapabilities CAPABILITIES = SendCapabilities.builder()
            .channels(Channel.SMS, Channel.MMS, Channel.WHATSAPP)
            .inlineCallMarkup(true)
            .textLimit(Channel.SMS, SendCapabilities.TextLimit.characters(TwilioMessaging.MAX_BODY))
            .textLimit(Channel.MMS, SendCapabilities.TextLimit.characters(TwilioMessaging.MAX_BODY))
            .textLimit(Channel.WHATSAPP, SendCapabilities.TextLimit.characters(TwilioMessaging.MAX_BODY))
            .build();

    private final TwilioConfig config;
    private final TwilioHttp http;
    private final TwilioMessaging messaging;
    private final TwilioVoice voice;
    private final TwilioNumbers numbers;
    private final TwilioAccount account;
    private final TwilioPricing pricing;
    private final TwilioRecordings recordings;
    private final TwilioUsage usage;
    private final TwilioLookup lookup;
    private final TwilioApi api;
    private final TwilioCallbacks callbacks;

    private TwilioConnector(TwilioConfig config, OkHttpClient shared, Clock clock) {
        TwilioContext ctx = new TwilioContext(config, shared, clock);
        this.config = config;
        this.http = ctx.http;
        this.messaging = new TwilioMessaging(ctx);
        this.voice = new TwilioVoice(ctx);
        this.numbers = new TwilioNumbers(ctx);
        this.account = new TwilioAccount(ctx);
        this.pricing = new TwilioPricing(ctx);
        this.recordings = new TwilioRecordings(ctx);
        this.usage = new TwilioUsage(ctx);
        this.lookup = new TwilioLookup(ctx);
        this.api = new TwilioApi(ctx, messaging, lookup, account, pricing);
        this.callbacks = new TwilioCallbacks(config, clock);
    }

    /**
     * A connector for one account. {@code sharedHttp} is not modified and not closed by this connector: its owner
     * closes it once every account is done.
     */
    public static TwilioConnector create(TwilioConfig config, OkHttpClient sharedHttp) {
        return create(config, sharedHttp, Clock.systemUTC());
    }

    /**
     * As {@link #create(TwilioConfig, OkHttpClient)}, measuring Retry-After dates against {@code clock}, which also
     * dates a callback that carries no time of its own.
     */
    public static TwilioConnector create(TwilioConfig config, OkHttpClient sharedHttp, Clock clock) {
        Checks.required(config, "config");
        Checks.required(sharedHttp, "sharedHttp");
        Checks.required(clock, "clock");
        return new TwilioConnector(config, sharedHttp, clock);
    }

    @Override
    public AccountId account() {
        return config.account();
    }

    /** Twilio's own operations (usage triggers, WhatsApp, Lookup packages, subaccounts, detailed prices). */
    public TwilioApi api() {
        return api;
    }

    @Override
    public Optional<MessagingPort> messaging() {
        return Optional.of(messaging);
    }

    @Override
    public Optional<VoicePort> voice() {
        return Optional.of(voice);
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
        return Optional.of(account);
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
    public Optional<UsagePort> usage() {
        return Optional.of(usage);
    }

    @Override
    public Optional<LookupPort> lookup() {
        return Optional.of(lookup);
    }

    /**
     * Always present; an account that authenticates with an API key and has no auth token configured refuses every
     * callback as UNKNOWN_ACCOUNT, since Twilio signs webhooks with the auth token only.
     */
    @Override
    public Optional<CallbacksPort> callbacks() {
        return Optional.of(callbacks);
    }

    /** Gives back this account's share of the library's connection pool; the shared client stays open. */
    @Override
    public void close() {
        http.exchange.close();
    }

    @Override
    public String toString() {
        return "TwilioConnector[" + config.account() + ", " + config.accountSid() + "]";
    }
}
