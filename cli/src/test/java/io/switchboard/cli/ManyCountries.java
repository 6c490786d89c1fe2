package io.switchboard.cli;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A batch to 40 countries and a configuration that prices all of them on the three sandbox accounts, from rate decks
 * written beside it (the emulators price only eight countries): each account is cheapest somewhere, and one country
 * is left out of Telnyx's deck, so that it is unpriced there.
 */
final class ManyCountries {

    static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "IN", "BR", "AU", "JP", "CN", "ES", "IT",
            "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "PT", "IE", "GR", "TR", "RU", "MX", "AR", "CL",
            "CO", "PE", "ZA", "NG", "KE", "EG", "SA", "AE", "IL", "SG", "KR", "NZ");
    /** Telnyx has no price for this country. */
    static final String NOT_ON_TELNYX = "NZ";

    private static final List<String> TEXTS = List.of("Your code is %d.", "Order %d shipped, track it online",
            "Ваш код: %d", "Reminder %d: your appointment is tomorrow at 09:30. Reply C to confirm or R to "
                    + "reschedule; call us if you need directions to the front desk, we are open from 8 until 6.");

    private ManyCountries() {
    }

    /** Writes the rate decks and the configuration for the sandbox's emulators into {@code dir}; the YAML file. */
    static Path config(Path dir, EmbeddedSandbox sandbox) throws IOException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String[] vendors = {"twilio", "plivo", "telnyx"};
        for (int v = 0; v < vendors.length; v++) {
            StringBuilder deck = new StringBuilder("prefix,rate,currency\n");
            for (int c = 0; c < COUNTRIES.size(); c++) {
                if (v == 2 && COUNTRIES.get(c).equals(NOT_ON_TELNYX)) {
                    continue;
                }
                // 0.0040 to 0.0939, scattered so that the cheapest account changes from country to country
                long scatter = Math.floorMod((c + 1) * (v + 3) * 2_654_435_761L, 900L);
                BigDecimal rate = BigDecimal.valueOf(40 + scatter).movePointLeft(4);
                deck.append(util.getCountryCodeForRegion(COUNTRIES.get(c))).append(',')
                        .append(rate.toPlainString()).append(",USD\n");
            }
            Files.writeString(dir.resolve(vendors[v] + "-deck.csv"), deck);
        }
        String yaml = "accounts:\n"
                + "  - id: twilio\n"
                + "    credentials: {accountSid: " + TwilioEmulator.ACCOUNT_SID + ", authTokenEnv: "
                + CliHarness.TWILIO_VAR + "}\n"
                + "    baseUrl: " + sandbox.twilio().baseUrl() + "\n"
                + "  - id: plivo\n"
                + "    credentials: {authId: " + PlivoEmulator.AUTH_ID + ", authTokenEnv: " + CliHarness.PLIVO_VAR
                + "}\n"
                + "    baseUrl: " + sandbox.plivo().apiBaseUrl() + "\n"
                + "  - id: telnyx\n"
                + "    credentials: {apiKeyEnv: " + CliHarness.TELNYX_VAR + ", connectionId: \""
                + TelnyxEmulator.CONNECTION_ID + "\"}\n"
                + "    baseUrl: " + sandbox.telnyx().apiBaseUrl() + "\n"
                + "rateDecks:\n"
                + "  - {account: twilio, file: twilio-deck.csv}\n"
                + "  - {account: plivo, file: plivo-deck.csv}\n"
                + "  - {account: telnyx, file: telnyx-deck.csv}\n";
        return Files.writeString(dir.resolve("forty.yaml"), yaml);
    }

    /** {@code rows} messages spread over the 40 countries in turn, GSM-7 and UCS-2, single and multi-part. */
    static Path batch(Path file, int rows) throws IOException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String[] examples = new String[COUNTRIES.size()];
        for (int c = 0; c < examples.length; c++) {
            Phonenumber.PhoneNumber example = util.getExampleNumberForType(COUNTRIES.get(c),
                    PhoneNumberUtil.PhoneNumberType.MOBILE);
            examples[c] = util.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("to,text\n");
            for (int i = 0; i < rows; i++) {
                String example = examples[i % examples.length];
                String number = example.substring(0, example.length() - 3) + String.format("%03d", (i / 40) % 1000);
                out.write(number + ",\"" + String.format(TEXTS.get(i % TEXTS.size()), i) + "\"\n");
            }
        }
        return file;
    }
}
