package io.switchboard;

import io.switchboard.config.ConfigLoader;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.domain.SwitchboardException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Telnyx account's {@code webhookPublicKey}: a plain value in the file, checked, and handed to TelnyxConfig. */
class ConfigLoaderWebhookPublicKeyTest {

    private static final Map<String, String> ENV = Map.of("TX", "tx-secret-key");

    private final ConfigLoader loader = new ConfigLoader(ENV::get);

    private static String publicKey() {
        try {
            byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            return Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SwitchboardConfig parse(String key) {
        return loader.parse("""
                accounts:
                  - id: telnyx:eu
                    credentials: {apiKeyEnv: TX, connectionId: "1494404757140276705", webhookPublicKey: "%s"}
                """.formatted(key), Path.of("."));
    }

    @Test
    void theKeyIsReadAsAPlainValueAndReachesTelnyxConfig() {
        String key = publicKey();
        SwitchboardConfig config = parse(key);

        assertThat(config.accounts().get(0).identifiers()).containsEntry("webhookPublicKey", key);
        assertThat(config.accounts().get(0).secrets()).containsOnlyKeys("apiKey");

        SwitchboardBuilder builder = Switchboard.builder().configuration(config);
        assertThat(builder.telnyx.get(0).webhookPublicKey()).contains(key);
        assertThat(builder.telnyx.get(0).connectionId()).contains("1494404757140276705");
    }

    @Test
    void withoutTheKeyTheAccountHasNone() {
        SwitchboardConfig config = loader.parse("""
                accounts:
                  - id: telnyx
                    credentials: {apiKeyEnv: TX}
                """, Path.of("."));
        assertThat(Switchboard.builder().configuration(config).telnyx.get(0).webhookPublicKey()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all", "c2hvcnQ="})
    void aKeyThatIsNotBase64Of32BytesIsAnErrorAtItsKeyPath(String key) {
        assertThatThrownBy(() -> parse(key)).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("accounts[0].credentials.webhookPublicKey")
                .hasMessageNotContaining("tx-secret-key");
    }

    @Test
    void theKeyIsNotAnEnvironmentVariableReference() {
        assertThatThrownBy(() -> loader.parse("""
                accounts:
                  - id: telnyx
                    credentials: {apiKeyEnv: TX, webhookPublicKeyEnv: TX}
                """, Path.of("."))).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("webhookPublicKeyEnv").hasMessageContaining("webhookPublicKey");
    }
}
