package io.switchboard.reliability;

import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.application.AccountSettings;
import io.switchboard.application.BreakerSettings;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.Switchboard;
import io.switchboard.SwitchboardBuilder;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A facade wired by hand to the three emulators of an {@link EmbeddedSandbox}: every account priced from its
 * emulator's own deck (so no pricing call happens and an unreachable account stays in the plan), the sandbox pool,
 * timeouts per account (generous by default), and any vendor pointed at a closed port instead of its emulator.
 */
final class SandboxFacade {

    static final AccountId TWILIO = EmbeddedSandbox.TWILIO;
    static final AccountId PLIVO = EmbeddedSandbox.PLIVO;
    static final AccountId TELNYX = EmbeddedSandbox.TELNYX;

    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofSeconds(20);
    private final Map<AccountId, Duration[]> timeouts = new LinkedHashMap<>();
    private Set<AccountId> unreachable = Set.of();
    private RoutingPolicy policy = RoutingPolicy.ofDefaults();
    private BreakerSettings breakers = BreakerSettings.ofDefaults();
    private final Map<AccountId, AccountSettings> settings = new LinkedHashMap<>();
    private int maxConcurrency = 8;
    private UnaryOperator<SwitchboardBuilder> extra = b -> b;

    SandboxFacade readTimeout(Duration value) {
        readTimeout = value;
        return this;
    }

    SandboxFacade callTimeout(Duration value) {
        callTimeout = value;
        return this;
    }

    /** Timeouts for one account only, so that a slow machine cannot time out the others. */
    SandboxFacade timeouts(AccountId account, Duration read, Duration call) {
        timeouts.put(account, new Duration[] {read, call});
        return this;
    }

    private Duration read(AccountId account) {
        return timeouts.containsKey(account) ? timeouts.get(account)[0] : readTimeout;
    }

    private Duration call(AccountId account) {
        return timeouts.containsKey(account) ? timeouts.get(account)[1] : callTimeout;
    }

    /** These accounts get the address of a closed port: every request to them is refused. */
    SandboxFacade unreachable(Set<AccountId> accounts) {
        unreachable = Set.copyOf(accounts);
        return this;
    }

    SandboxFacade policy(RoutingPolicy value) {
        policy = value;
        return this;
    }

    SandboxFacade breakers(BreakerSettings value) {
        breakers = value;
        return this;
    }

    SandboxFacade settings(AccountId account, AccountSettings value) {
        settings.put(account, value);
        return this;
    }

    SandboxFacade maxConcurrency(int value) {
        maxConcurrency = value;
        return this;
    }

    SandboxFacade customize(UnaryOperator<SwitchboardBuilder> value) {
        extra = value;
        return this;
    }

    /** The builder for a facade over {@code sandbox}; the facade does not close the sandbox. */
    SwitchboardBuilder builder(EmbeddedSandbox sandbox) {
        Socket reserved = unreachable.isEmpty() ? null : reservedPort();
        String refused = reserved == null ? null : "http://127.0.0.1:" + reserved.getLocalPort();
        SwitchboardBuilder b = Switchboard.builder()
                .twilio(TwilioConfig.builder().account(TWILIO).accountSid(TwilioEmulator.ACCOUNT_SID)
                        .authToken(TwilioEmulator.AUTH_TOKEN)
                        .allBaseUrls(unreachable.contains(TWILIO) ? refused + "/" : sandbox.twilio().baseUrl() + "/")
                        .readTimeout(read(TWILIO)).callTimeout(call(TWILIO)).build())
                .plivo(PlivoConfig.builder().accountName(PLIVO.name()).authId(PlivoEmulator.AUTH_ID)
                        .authToken(PlivoEmulator.AUTH_TOKEN)
                        .baseUrl(unreachable.contains(PLIVO) ? refused + "/v1/" : sandbox.plivo().apiBaseUrl())
                        .readTimeout(read(PLIVO)).callTimeout(call(PLIVO)).build())
                .telnyx(TelnyxConfig.builder().account(TELNYX).apiKey(sandbox.telnyx().apiKey())
                        .baseUrl(unreachable.contains(TELNYX) ? refused + "/v2" : sandbox.telnyx().apiBaseUrl())
                        .connectionId(TelnyxEmulator.CONNECTION_ID)
                        .messagingProfileId(TelnyxEmulator.MESSAGING_PROFILE_ID)
                        .readTimeout(read(TELNYX)).callTimeout(call(TELNYX)).build())
                .policy(policy)
                .breakers(breakers)
                .maxConcurrency(maxConcurrency);
        settings.forEach(b::accountSettings);
        if (reserved != null) {
            b.closing(reserved); // held until the facade closes, so no other server can take the port meanwhile
        }
        pool(b, TWILIO, sandbox.twilio());
        pool(b, PLIVO, sandbox.plivo());
        pool(b, TELNYX, sandbox.telnyx());
        decks(b, TWILIO, sandbox.twilio());
        decks(b, PLIVO, sandbox.plivo());
        decks(b, TELNYX, sandbox.telnyx());
        return extra.apply(b);
    }

    Switchboard build(EmbeddedSandbox sandbox) {
        return builder(sandbox).build();
    }

    /** A sandbox with a fixed id seed and a few handler threads per emulator. */
    static EmbeddedSandbox sandbox(long seed, int threads) {
        return EmbeddedSandbox.start(EmulatorConfig.ofDefaults().withSeed(seed).withThreads(threads));
    }

    /** The sandbox pool as {@link EmbeddedSandbox} declares it: each number for its country, the first for all. */
    static void pool(SwitchboardBuilder builder, AccountId account, VendorEmulator emulator) {
        boolean first = true;
        for (NumberInventory.OwnedNumber owned : emulator.numbers().all()) {
            PhoneNumber number = PhoneNumber.parse(owned.number());
            if (owned.can(io.switchboard.sandbox.Product.SMS)) {
                builder.senderPool(EmbeddedSandbox.POOL, account, number, owned.country());
                if (first) {
                    builder.senderPool(EmbeddedSandbox.POOL, account, number);
                    first = false;
                }
            } else {
                builder.owns(account, number);
            }
        }
    }

    static void decks(SwitchboardBuilder builder, AccountId account, VendorEmulator emulator) {
        Map<Product, RateDeck.Builder> decks = new LinkedHashMap<>();
        int row = 1;
        for (io.switchboard.sandbox.RateDeck.Rate rate : emulator.deck().rates()) {
            Product product = Product.valueOf(rate.product().name());
            RateUnit unit = product == Product.VOICE ? RateUnit.MINUTE
                    : product == Product.MMS ? RateUnit.MESSAGE : RateUnit.SEGMENT;
            decks.computeIfAbsent(product, p -> RateDeck.builder())
                    .add(row++, rate.prefix(), new Rate(Money.of(rate.rate(), rate.currency()), unit));
        }
        decks.forEach((product, deck) -> builder.rateDeck(account, product, deck.build()));
    }

    /**
     * A loopback port bound by a socket that does not listen: connecting to it is refused, and while the socket is
     * held no server of another test can be given that port.
     */
    static Socket reservedPort() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
