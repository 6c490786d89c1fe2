package io.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  private static Request withAuthorization(String value) {
    return Requests.request("GET", "/", Map.of("Authorization", value), "");
  }

  private static String basic(String userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void basicCredentialsThatMatchAreAccepted() {
    Credentials c = Credentials.basic(withAuthorization(basic("AC123:s3cr:et"))).orElseThrow();

    assertThat(c.user()).isEqualTo("AC123");
    assertThat(c.secret()).as("only the first colon separates user and password").isEqualTo("s3cr:et");
    assertThat(c.matches("AC123", "s3cr:et")).isTrue();
  }

  @Test
  void basicCredentialsWithWrongPasswordOrUserAreRejected() {
    Credentials c = Credentials.basic(withAuthorization(basic("AC123:token"))).orElseThrow();

    assertThat(c.matches("AC123", "other")).isFalse();
    assertThat(c.matches("AC999", "token")).isFalse();
    assertThat(c.matches("AC123", "token-longer")).isFalse();
    assertThat(c.matches("AC123", null)).isFalse();
  }

  @Test
  void schemeIsCaseInsensitive() {
    assertThat(Credentials.basic(withAuthorization(basic("u:p").replace("Basic", "basic")))).isPresent();
  }

  @Test
  void missingOrMalformedBasicHeaderGivesNothing() {
    assertThat(Credentials.basic(Requests.get("/"))).isEmpty();
    assertThat(Credentials.basic(withAuthorization("Basic %%%not-base64"))).isEmpty();
    assertThat(Credentials.basic(withAuthorization(basic("no-colon")))).isEmpty();
    assertThat(Credentials.basic(withAuthorization("Bearer KEY123"))).isEmpty();
  }

  @Test
  void bearerTokenIsRead() {
    Credentials c = Credentials.bearer(withAuthorization("Bearer KEY0123")).orElseThrow();

    assertThat(c.secret()).isEqualTo("KEY0123");
    assertThat(Credentials.constantTimeEquals(c.secret(), "KEY0123")).isTrue();
    assertThat(Credentials.constantTimeEquals(c.secret(), "KEY0124")).isFalse();
    assertThat(Credentials.bearer(withAuthorization("Bearer "))).isEmpty();
    assertThat(Credentials.bearer(withAuthorization(basic("u:p")))).isEmpty();
  }

  @Test
  void toStringNeverShowsTheSecret() {
    Credentials c = new Credentials("AC123", "hunter2");

    assertThat(c.toString()).contains("AC123").doesNotContain("hunter2");
  }
}
