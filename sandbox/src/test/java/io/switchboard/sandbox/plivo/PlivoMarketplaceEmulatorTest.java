package io.switchboard.sandbox.plivo;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's marketplace resources on the wire, with the JDK client: subaccounts, applications, endpoints,
 * numbers (search, buy, carrier numbers, unlink) and incoming carriers.
 */
class PlivoMarketplaceEmulatorTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T12:00:00Z"));
  private final PlivoEmulator plivo = new PlivoEmulator(EmulatorConfig.ofDefaults().withClock(clock).withSeed(3));
  private final PlivoClient client = new PlivoClient(plivo);

  @AfterEach
  void stop() {
    plivo.close();
  }

  private PlivoClient.Answer call(String method, String path, String json) {
    return client.call(method, path, json);
  }

  @Test
  void subaccountsAreDisabledByDefaultAuthenticateWhenEnabledAndCannotManageSubaccounts() {
    PlivoClient.Answer created = call("POST", "Subaccount/", "{\"name\":\"Ops\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).containsOnlyKeys("api_id", "auth_id", "auth_token", "message");
    String id = created.text("auth_id");
    String token = created.text("auth_token");
    assertThat(id).matches("SA[0-9A-F]{18}");

    assertThat(client.call("GET", "", null, id, token).status()).as("disabled").isEqualTo(401);
    assertThat(call("POST", "Subaccount/" + id + "/", "{\"enabled\":true}").status()).as("name required")
        .isEqualTo(400);
    assertThat(call("POST", "Subaccount/" + id + "/", "{\"name\":\"Ops\",\"enabled\":\"True\"}").status())
        .isEqualTo(202);
    assertThat(client.call("GET", "", null, id, token).get("account_type")).isEqualTo("subaccount");
    assertThat(client.call("GET", "Subaccount/", null, id, token).status()).isEqualTo(403);
    assertThat(call("GET", "Subaccount/" + id + "/", null).get("enabled")).isEqualTo(true);
    assertThat(call("GET", "Subaccount/?limit=21", null).status()).isEqualTo(400);
  }

  @Test
  void deletingASubaccountHandsItsResourcesToTheMainAccountAndRevokesItsCredentials() {
    PlivoClient.Answer created = call("POST", "Subaccount/", "{\"name\":\"Temp\",\"enabled\":true}");
    String id = created.text("auth_id");
    String token = created.text("auth_token");
    client.call("POST", "Endpoint/", "{\"username\":\"kiosk\",\"password\":\"p\",\"alias\":\"Kiosk\"}", id, token);
    call("POST", "Number/12025550111/", "{\"subaccount\":\"" + id + "\"}");
    assertThat(call("GET", "Number/12025550111/", null).text("sub_account")).endsWith("/Subaccount/" + id + "/");
    assertThat(client.call("GET", "Number/", null, id, token).objects()).hasSize(1);

    assertThat(call("DELETE", "Subaccount/" + id + "/", null).status()).isEqualTo(204);

    assertThat(call("GET", "Number/12025550111/", null).get("sub_account")).isNull();
    assertThat(call("GET", "Endpoint/", null).objects()).singleElement()
        .satisfies(e -> assertThat(e.get("sub_account")).isNull());
    assertThat(client.call("GET", "", null, id, token).status()).isEqualTo(401);
  }

  @Test
  void applicationsKeepOneDefaultForNumbersAndUnlinkWhenDeleted() {
    assertThat(call("POST", "Application/", "{\"app_name\":\"x\"}").text("error")).startsWith("answer_url");
    PlivoClient.Answer created = call("POST", "Application/", "{\"app_name\":\"New default\",\"answer_url\":"
        + "\"https://a.example/x\",\"default_number_app\":true,\"message_method\":\"GET\"}");
    assertThat(created.status()).isEqualTo(201);
    String appId = created.text("app_id");

    PlivoClient.Answer app = call("GET", "Application/" + appId + "/", null);
    assertThat(app.get("hangup_url")).as("defaults to the answer URL").isEqualTo("https://a.example/x");
    assertThat(app.get("message_method")).isEqualTo("GET");
    assertThat(call("GET", "Application/", null).objects()).filteredOn(a -> Boolean.TRUE.equals(a.get("default_app")))
        .extracting(a -> a.get("app_id")).containsExactly(appId);

    call("POST", "Number/12025550111/", "{\"app_id\":\"" + appId + "\"}");
    assertThat(call("DELETE", "Application/" + appId + "/", null).status()).isEqualTo(204);
    assertThat(call("GET", "Number/12025550111/", null).get("application")).isNull();
  }

  @Test
  void endpointsGetADigitSuffixAndKeepOnlyAPasswordHash() throws Exception {
    PlivoClient.Answer created = call("POST", "Endpoint/", "{\"username\":\"zumba\",\"password\":\"pa55\","
        + "\"alias\":\"Zumba\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("username")).matches("zumba[0-9]{12}");

    PlivoClient.Answer endpoint = call("GET", "Endpoint/" + created.text("endpoint_id") + "/", null);
    assertThat(endpoint.text("password")).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("MD5").digest("pa55".getBytes(StandardCharsets.UTF_8))));
    assertThat(endpoint.get("sip_uri")).isEqualTo("sip:" + created.text("username") + "@phone.plivo.com");
    assertThat(call("POST", "Endpoint/", "{\"username\":\"a b\",\"password\":\"p\",\"alias\":\"x\"}").status())
        .isEqualTo(400);
  }

  @Test
  void numberSearchFollowsPlivosRulesAndBuyingRentsTheNumber() {
    assertThat(call("GET", "PhoneNumber/?country_iso=US&region=Illinois", null).objects())
        .hasSize(10).allSatisfy(n -> assertThat(n.get("type")).isEqualTo("fixed"));
    assertThat(call("GET", "PhoneNumber/?country_iso=GB&type=mobile&region=London", null).status()).isEqualTo(400);
    assertThat(call("GET", "PhoneNumber/?country_iso=GB&lata=722", null).status()).isEqualTo(400);
    assertThat(call("GET", "PhoneNumber/?country_iso=US&lata=358&rate_center=CHICAGO&limit=3", null).objects())
        .hasSize(3).allSatisfy(n -> assertThat(n.get("lata")).isEqualTo(358.0));
    assertThat(call("GET", "PhoneNumber/", null).status()).isEqualTo(400);

    PlivoClient.Answer bought = call("POST", "PhoneNumber/13125550125/", "{}");
    assertThat(bought.status()).isEqualTo(201);
    assertThat(bought.get("status")).isEqualTo("fulfilled");
    assertThat(call("GET", "", null).get("cash_credits")).isEqualTo("999.20000");
    assertThat(call("GET", "Number/13125550125/", null).text("application")).isNotNull();
    assertThat(call("POST", "PhoneNumber/13125550125/", "{}").status()).isEqualTo(404);
    assertThat(call("DELETE", "Number/13125550125/", null).status()).isEqualTo(204);
    assertThat(call("GET", "PhoneNumber/?country_iso=US&pattern=312", null).objects()).hasSize(10);
  }

  @Test
  void aNumbersApplicationIsUnlinkedByAJsonNull() {
    assertThat(call("GET", "Number/12025550111/", null).get("application")).isNotNull();
    assertThat(call("POST", "Number/12025550111/", "{\"app_id\":null,\"alias\":\"Main\"}").status()).isEqualTo(202);
    PlivoClient.Answer number = call("GET", "Number/12025550111/", null);
    assertThat(number.get("application")).isNull();
    assertThat(number.get("alias")).isEqualTo("Main");
  }

  @Test
  void carrierNumbersNeedAKnownCarrierAndLeaveWithIt() {
    assertThat(call("POST", "IncomingCarrier/", "{\"name\":\"Acme\",\"ip_set\":\"host.example\"}").status())
        .isEqualTo(400);
    String carrier = call("POST", "IncomingCarrier/", "{\"name\":\"Acme\",\"ip_set\":\"203.0.113.4,2001:db8::1\"}")
        .text("carrier_id");
    assertThat(call("GET", "IncomingCarrier/" + carrier + "/", null).body())
        .containsEntry("ip_set", "203.0.113.4,2001:db8::1").containsEntry("voice", true);
    assertThat(call("POST", "Number/", "{\"numbers\":\"18554675486\",\"carrier\":\"1\",\"region\":\"x\"}").status())
        .isEqualTo(400);
    assertThat(call("POST", "Number/", "{\"numbers\":\"18554675486,18554675487\",\"carrier\":\"" + carrier
        + "\",\"region\":\"Toll free\",\"number_type\":\"tollfree\"}").status()).isEqualTo(202);
    assertThat(call("GET", "Number/?number_type=tollfree", null).objects()).hasSize(2)
        .allSatisfy(n -> assertThat(n.get("carrier")).isEqualTo(carrier));

    assertThat(call("DELETE", "IncomingCarrier/" + carrier + "/", null).status()).isEqualTo(204);
    assertThat(call("GET", "Number/18554675486/", null).status()).isEqualTo(404);
    assertThat(call("GET", "IncomingCarrier/", null).objects()).isEmpty();
  }

  @Test
  void accountModifyNeedsSomethingToChange() {
    assertThat(call("POST", "", "{}").status()).isEqualTo(400);
    assertThat(call("POST", "", "{\"city\":\"Lyon\"}").status()).isEqualTo(202);
    assertThat(call("GET", "", null).body()).containsAllEntriesOf(Map.of("city", "Lyon"));
  }
}
