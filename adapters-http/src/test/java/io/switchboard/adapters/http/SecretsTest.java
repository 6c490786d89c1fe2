package io.switchboard.adapters.http;

import okhttp3.Credentials;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    private static final String ID = "MAODUZYTYWMJIYMDU2ZG";
    private static final String TOKEN = "tok/en+With=Specials99";
    private static final String BASIC = Credentials.basic(ID, TOKEN);
    private static final String BASE64 = BASIC.substring("Basic ".length());

    private final Secrets basic = Secrets.ofAuthorizations(List.of(BASIC));

    @Test
    void masksEveryFormOfABasicPair() {
        String unpadded = BASE64.replaceAll("=+$", "");
        List<String> forms = List.of(BASIC, BASE64, unpadded, unpadded.replace('+', '-').replace('/', '_'),
                ID + ":" + TOKEN, TOKEN, URLEncoder.encode(TOKEN, StandardCharsets.UTF_8), TOKEN.replace("/", "\\/"),
                BASE64.replace("/", "\\/"));
        for (String form : forms) {
            String redacted = basic.redact("{\"echo\": \"" + form + "\"}");
            assertThat(redacted).as(form).isEqualTo("{\"echo\": \"****\"}");
        }
    }

    @Test
    void theAccountIdAloneIsNotASecretAndStays() {
        assertThat(basic.redact("account " + ID + " refused")).isEqualTo("account " + ID + " refused");
    }

    @Test
    void masksABearerKeyWithOrWithoutItsScheme() {
        Secrets bearer = Secrets.ofAuthorizations(List.of("Bearer KEY0123456789"));
        assertThat(bearer.redact("Authorization: Bearer KEY0123456789\nkey=KEY0123456789"))
                .isEqualTo("Authorization: ****\nkey=****");
    }

    @Test
    void aHeaderEchoedWholeIsMaskedWhole() {
        assertThat(basic.redact("Authorization: " + BASIC)).isEqualTo("Authorization: ****");
    }

    @Test
    void textWithoutCredentialsAndNullPassUnchanged() {
        assertThat(basic.redact("{\"error\": \"not found\"}")).isEqualTo("{\"error\": \"not found\"}");
        assertThat(basic.redact(null)).isNull();
        assertThat(Secrets.none().redact(BASIC)).isEqualTo(BASIC);
    }

    @Test
    void theDecodedPairOfAnyBasicHeaderIsFound() {
        String other = Base64.getEncoder().encodeToString("ACid:s3cret-Token".getBytes(StandardCharsets.UTF_8));
        Secrets secrets = Secrets.ofAuthorizations(List.of("Basic " + other));
        assertThat(secrets.redact("user ACid:s3cret-Token")).isEqualTo("user ****");
        assertThat(secrets.redact("password s3cret-Token")).isEqualTo("password ****");
    }
}
