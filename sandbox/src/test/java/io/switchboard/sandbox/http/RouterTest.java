package io.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterTest {
  private static final Handler A = r -> Response.text(200, "text/plain", "a");
  private static final Handler B = r -> Response.text(200, "text/plain", "b");

  @Test
  void extractsVariablesIncludingOneFollowedByALiteralSuffix() {
    Router router = new Router().get("/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json", A);

    Router.Resolution res = router.resolve(Requests.get("/2010-04-01/Accounts/AC123/Messages/SM456.json"));

    assertThat(res.found()).isTrue();
    assertThat(res.request().pathVars()).containsEntry("AccountSid", "AC123").containsEntry("Sid", "SM456");
    assertThat(res.pattern()).isEqualTo("/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json");
  }

  @Test
  void decodesPathVariablesKeepingPlusLiteral() {
    Router router = new Router().get("/v2/PhoneNumbers/{number}", A);

    assertThat(router.resolve(Requests.get("/v2/PhoneNumbers/+14155552671")).request().pathVar("number"))
        .isEqualTo("+14155552671");
    assertThat(router.resolve(Requests.get("/v2/PhoneNumbers/%2B14155552671")).request().pathVar("number"))
        .isEqualTo("+14155552671");
  }

  @Test
  void aVariableDoesNotSpanSegmentsNorMatchAnEmptySegment() {
    Router router = new Router().get("/v1/Account/{id}/Message/", A);

    assertThat(router.resolve(Requests.get("/v1/Account/a/b/Message/")).found()).isFalse();
    assertThat(router.resolve(Requests.get("/v1/Account//Message/")).found()).isFalse();
    assertThat(router.resolve(Requests.get("/v1/Account/MA1/Message")).found())
        .as("Plivo paths end in '/', and the route says so").isFalse();
  }

  @Test
  void routeWithFewerVariablesWinsOverEarlierRegisteredOne() {
    Router router = new Router().get("/v2/calls/{id}", A).get("/v2/calls/live", B);

    assertThat(router.resolve(Requests.get("/v2/calls/live")).handler()).isSameAs(B);
    assertThat(router.resolve(Requests.get("/v2/calls/abc")).handler()).isSameAs(A);
  }

  @Test
  void knownPathWithWrongMethodReportsTheAllowedMethods() {
    Router router = new Router().get("/v2/messages/{id}", A).delete("/v2/messages/{id}", B);

    Router.Resolution res = router.resolve(Requests.request("PUT", "/v2/messages/1", java.util.Map.of(), ""));

    assertThat(res.found()).isFalse();
    assertThat(res.allowedMethods()).containsExactlyInAnyOrder("GET", "DELETE");
  }

  @Test
  void unknownPathHasNoAllowedMethods() {
    Router router = new Router().get("/v2/messages", A);

    Router.Resolution res = router.resolve(Requests.get("/v2/nothing"));

    assertThat(res.found()).isFalse();
    assertThat(res.allowedMethods()).isEmpty();
  }

  @Test
  void rejectsPatternsWithARepeatedVariableOrNoLeadingSlash() {
    assertThatThrownBy(() -> new Router().get("/a/{x}/b/{x}", A)).hasMessageContaining("{x} appears twice");
    assertThatThrownBy(() -> new Router().get("a/b", A)).hasMessageContaining("must start with '/'");
  }

  @Test
  void regexCharactersInPatternsAreLiteral() {
    Router router = new Router().get("/v1/Messages.json", A);

    assertThat(router.resolve(Requests.get("/v1/MessagesXjson")).found()).isFalse();
    assertThat(router.resolve(Requests.get("/v1/Messages.json")).found()).isTrue();
  }
}
