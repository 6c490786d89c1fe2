package io.switchboard.testing;

import io.switchboard.Switchboard;
import io.switchboard.application.CostTable;
import io.switchboard.application.Delivery;
import io.switchboard.config.ConfigLoader;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that builds a Switchboard from a configuration file and sends at once: every message goes to the
 * account that the cost query names cheapest, in the pools' countries (loaded while building) and in others (each
 * loaded once, by the first send there, which waits for it).
 */
class FirstSendRoutingTest {

    private static final List<String> DESTINATIONS = List.of("+447700900001", "+12025550199", "+4915112345678",
            "+33612345678", "+919812345678", "+5511987654321", "+61412345678");

    @TempDir
    Path dir;

    @Test
    void theFirstSendsFromAConfigurationFileGoToTheAccountTheQuoteNamesCheapest() throws Exception {
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            Path file = sandbox.writeConfiguration(dir, "alerts");
            Map<String, AccountId> sentBy = new LinkedHashMap<>();
            Map<String, AccountId> cheapest = new LinkedHashMap<>();
            try (Switchboard switchboard = Switchboard.builder()
                    .configuration(new ConfigLoader(sandbox.environment()::get).load(file)).build()) {
                for (String to : DESTINATIONS) {
                    Delivery delivery = switchboard.messages().send(
                            MessageRequest.sms(PhoneNumber.parse(to), new SenderPool("alerts"), "Hello " + to));
                    assertThat(delivery).as(to).isInstanceOf(Delivery.Sent.class);
                    sentBy.put(to, ((Delivery.Sent) delivery).account());
                }
                for (String to : DESTINATIONS) {
                    CostTable quote = switchboard.costs().quote(PhoneNumber.parse(to), "Hello " + to);
                    cheapest.put(to, quote.cheapest().orElseThrow().account());
                }
                assertThat(switchboard.pricingFailures()).as("no pricing failure on the sandbox").isEmpty();
            }

            assertThat(sentBy).isEqualTo(cheapest);
            assertThat(sentBy.values()).as("the vendor-priced accounts win somewhere, or this proves nothing")
                    .contains(EmbeddedSandbox.PLIVO);
        }
    }
}
