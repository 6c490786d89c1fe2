package io.switchboard.bootstrap;

import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Vendor;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.Ledger;
import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three vendor emulators running in this process on loopback, with the sandbox credentials, numbers and rate
 * decks: what Switchboard runs against when no configuration file is given. One ledger records every message and
 * call any of them accepted.
 */
public final class EmbeddedSandbox implements AutoCloseable {

    /** The sender pool holding each sandbox account's numbers, by country. */
    public static final String POOL = "sandbox";
    /** The countries the sandbox rate decks price. */
    public static final List<String> COUNTRIES = List.of("US", "CA", "GB", "DE", "FR", "IN", "BR", "AU");

    public static final AccountId TWILIO = AccountId.of(Vendor.TWILIO, AccountId.DEFAULT_NAME);
    public static final AccountId PLIVO = AccountId.of(Vendor.PLIVO, AccountId.DEFAULT_NAME);
    public static final AccountId TELNYX = AccountId.of(Vendor.TELNYX, AccountId.DEFAULT_NAME);

    private final EmulatorConfig config;
    private final TwilioEmulator twilio;
    private final PlivoEmulator plivo;
    private final TelnyxEmulator telnyx;
    private Duration readTimeout = Duration.ofSeconds(10);

    private EmbeddedSandbox(EmulatorConfig config) {
        this.config = config;
        this.twilio = new TwilioEmulator(config);
        this.plivo = new PlivoEmulator(config);
        this.telnyx = new TelnyxEmulator(config);
        twilio.start();
        plivo.start();
        telnyx.start();
    }

    /** Starts the three emulators on ephemeral loopback ports. */
    public static EmbeddedSandbox start() {
        return start(EmulatorConfig.ofDefaults());
    }

    public static EmbeddedSandbox start(EmulatorConfig config) {
        return new EmbeddedSandbox(config);
    }

    /** The read timeout the accounts get: short values make unknown outcomes quick to reach in tests. */
    public EmbeddedSandbox readTimeout(Duration value) {
        this.readTimeout = value;
        return this;
    }

    public TwilioEmulator twilio() {
        return twilio;
    }

    public PlivoEmulator plivo() {
        return plivo;
    }

    public TelnyxEmulator telnyx() {
        return telnyx;
    }

    /** Every message and call the three emulators accepted. */
    public Ledger ledger() {
        return config.ledger();
    }

    /**
     * Adds the three sandbox accounts to {@code builder}: credentials and base URLs, the {@value #POOL} sender pool
     * with each account's numbers per country (and its first number for any other country), Telnyx's rate deck
     * (Telnyx has no pricing API), and a price warm-up for the sandbox countries. The facade closes this sandbox.
     */
    public SwitchboardBuilder configure(SwitchboardBuilder builder) {
        builder.twilio(TwilioConfig.builder().account(TWILIO).accountSid(TwilioEmulator.ACCOUNT_SID)
                .authToken(TwilioEmulator.AUTH_TOKEN).allBaseUrls(twilio.baseUrl() + "/")
                .readTimeout(readTimeout).build());
        builder.plivo(PlivoConfig.builder().accountName(PLIVO.name()).authId(PlivoEmulator.AUTH_ID)
                .authToken(PlivoEmulator.AUTH_TOKEN).baseUrl(plivo.apiBaseUrl()).readTimeout(readTimeout).build());
        builder.telnyx(TelnyxConfig.builder().account(TELNYX).apiKey(telnyx.apiKey()).baseUrl(telnyx.apiBaseUrl())
                .connectionId(TelnyxEmulator.CONNECTION_ID).messagingProfileId(TelnyxEmulator.MESSAGING_PROFILE_ID)
                .readTimeout(readTimeout).build());
        addPool(builder, TWILIO, twilio);
        addPool(builder, PLIVO, plivo);
        addPool(builder, TELNYX, telnyx);
        deckOf(telnyx).forEach((product, deck) -> builder.rateDeck(TELNYX, product, deck));
        builder.warmUpPrices(COUNTRIES.toArray(String[]::new));
        return builder.closing(this);
    }

    private static void addPool(SwitchboardBuilder builder, AccountId account, VendorEmulator emulator) {
        boolean first = true;
        for (NumberInventory.OwnedNumber owned : emulator.numbers().all()) {
            PhoneNumber number = PhoneNumber.parse(owned.number());
            if (owned.can(io.switchboard.sandbox.Product.SMS)) {
                builder.senderPool(POOL, account, number, owned.country());
                if (first) {
                    builder.senderPool(POOL, account, number);
                    first = false;
                }
            } else {
                builder.owns(account, number);
            }
        }
    }

    /** The emulator's own deck turned into domain rate decks, one per product. */
    static Map<Product, RateDeck> deckOf(VendorEmulator emulator) {
        Map<Product, RateDeck.Builder> builders = new LinkedHashMap<>();
        int row = 1;
        for (io.switchboard.sandbox.RateDeck.Rate rate : emulator.deck().rates()) {
            Product product = Product.valueOf(rate.product().name());
            RateUnit unit = product == Product.VOICE ? RateUnit.MINUTE
                    : product == Product.MMS ? RateUnit.MESSAGE : RateUnit.SEGMENT;
            builders.computeIfAbsent(product, p -> RateDeck.builder())
                    .add(row++, rate.prefix(), new Rate(Money.of(rate.rate(), rate.currency()), unit));
        }
        Map<Product, RateDeck> decks = new LinkedHashMap<>();
        builders.forEach((product, deck) -> decks.put(product, deck.build()));
        return decks;
    }

    /** Base URLs and credentials of the three emulators, for other clients (official SDKs, curl). */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("twilio", Map.of("baseUrl", twilio.baseUrl(), "accountSid", TwilioEmulator.ACCOUNT_SID,
                "authToken", TwilioEmulator.AUTH_TOKEN));
        out.put("plivo", Map.of("baseUrl", plivo.apiBaseUrl(), "authId", PlivoEmulator.AUTH_ID,
                "authToken", PlivoEmulator.AUTH_TOKEN));
        out.put("telnyx", Map.of("baseUrl", telnyx.apiBaseUrl(), "apiKey", telnyx.apiKey(),
                "connectionId", TelnyxEmulator.CONNECTION_ID));
        return out;
    }

    @Override
    public void close() {
        twilio.close();
        plivo.close();
        telnyx.close();
    }
}
