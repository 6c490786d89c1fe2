package io.switchboard.testing;

import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.SwitchboardBuilder;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** The environment variables a configuration file from {@link #writeConfiguration} reads the secrets from. */
    public static final String TWILIO_AUTH_TOKEN_ENV = "SANDBOX_TWILIO_AUTH_TOKEN";
    public static final String PLIVO_AUTH_TOKEN_ENV = "SANDBOX_PLIVO_AUTH_TOKEN";
    public static final String TELNYX_API_KEY_ENV = "SANDBOX_TELNYX_API_KEY";

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
                .webhookPublicKey(telnyx.webhookPublicKey()).readTimeout(readTimeout).build());
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

    /**
     * Writes a configuration file for these emulators, {@code switchboard.yaml}, into {@code directory}, with Telnyx's
     * rate deck beside it ({@code telnyx-deck.csv}): the three accounts by base URL, their secrets named by
     * environment variable (values in {@link #environment()}), and a sender pool {@code pool} with each account's
     * numbers by country and its first number for any other country. For testing an application that loads its
     * configuration from a file, as {@code ConfigLoader} does.
     *
     * @return the configuration file
     */
    public Path writeConfiguration(Path directory, String pool) throws IOException {
        Files.writeString(directory.resolve("telnyx-deck.csv"), deckCsv(telnyx));
        StringBuilder yaml = new StringBuilder("accounts:\n")
                .append("  - id: twilio\n    credentials: {accountSid: ").append(TwilioEmulator.ACCOUNT_SID)
                .append(", authTokenEnv: ").append(TWILIO_AUTH_TOKEN_ENV).append("}\n    baseUrl: ")
                .append(twilio.baseUrl()).append('\n')
                .append("  - id: plivo\n    credentials: {authId: ").append(PlivoEmulator.AUTH_ID)
                .append(", authTokenEnv: ").append(PLIVO_AUTH_TOKEN_ENV).append("}\n    baseUrl: ")
                .append(plivo.apiBaseUrl()).append('\n')
                .append("  - id: telnyx\n    credentials: {apiKeyEnv: ").append(TELNYX_API_KEY_ENV)
                .append(", connectionId: \"").append(TelnyxEmulator.CONNECTION_ID)
                .append("\", webhookPublicKey: \"").append(telnyx.webhookPublicKey()).append("\"}\n    baseUrl: ")
                .append(telnyx.apiBaseUrl()).append('\n')
                .append("rateDecks:\n  - {account: telnyx, file: telnyx-deck.csv}\nsenderPools:\n  ")
                .append(pool).append(":\n");
        poolYaml(yaml, "twilio", twilio);
        poolYaml(yaml, "plivo", plivo);
        poolYaml(yaml, "telnyx", telnyx);
        return Files.writeString(directory.resolve("switchboard.yaml"), yaml);
    }

    /** The secrets a configuration from {@link #writeConfiguration} names, by environment variable. */
    public Map<String, String> environment() {
        return Map.of(TWILIO_AUTH_TOKEN_ENV, TwilioEmulator.AUTH_TOKEN, PLIVO_AUTH_TOKEN_ENV, PlivoEmulator.AUTH_TOKEN,
                TELNYX_API_KEY_ENV, telnyx.apiKey());
    }

    private static void poolYaml(StringBuilder yaml, String account, VendorEmulator emulator) {
        List<NumberInventory.OwnedNumber> sms = emulator.numbers().all().stream()
                .filter(n -> n.can(io.switchboard.sandbox.Product.SMS)).toList();
        for (NumberInventory.OwnedNumber number : sms) {
            yaml.append("    - {account: ").append(account).append(", senders: [\"").append(number.number())
                    .append("\"], countries: [").append(number.country()).append("]}\n");
        }
        yaml.append("    - {account: ").append(account).append(", senders: [\"").append(sms.get(0).number())
                .append("\"]}\n");
    }

    private static String deckCsv(VendorEmulator emulator) {
        StringBuilder csv = new StringBuilder("prefix,rate,currency,channel\n");
        for (io.switchboard.sandbox.RateDeck.Rate rate : emulator.deck().rates()) {
            csv.append(rate.prefix()).append(',').append(rate.rate().toPlainString()).append(',')
                    .append(rate.currency()).append(',').append(rate.product().name().toLowerCase(Locale.ROOT))
                    .append('\n');
        }
        return csv.toString();
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
