package io.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void repeatedKeysKeepEveryValueInOrder() {
    Params p = Params.parse("To=%2B15005550006&MediaUrl=https%3A%2F%2Fa.example%2F1.png&MediaUrl=b&Body=hi");

    assertThat(p.all("MediaUrl")).containsExactly("https://a.example/1.png", "b");
    assertThat(p.first("MediaUrl")).isEqualTo("https://a.example/1.png");
    assertThat(p.first("To")).isEqualTo("+15005550006");
    assertThat(p.names()).containsExactly("To", "MediaUrl", "Body");
  }

  @Test
  void encodedInequalitySuffixesAreLiteralKeys() {
    Params p = Params.parse("DateSent%3C=2015-07-30&DateSent%3E=2015-07-01");

    assertThat(p.first("DateSent<")).isEqualTo("2015-07-30");
    assertThat(p.first("DateSent>")).isEqualTo("2015-07-01");
  }

  @Test
  void bracketedKeysRawOrEncodedAreLiteralKeys() {
    Params raw = Params.parse("page[number]=2&page[size]=50&filter[created_at][gte]=2024-01-01T00:00:00Z");
    Params encoded = Params.parse("page%5Bnumber%5D=2&filter%5Bcreated_at%5D%5Bgte%5D=2024-01-01");

    assertThat(raw.first("page[number]")).isEqualTo("2");
    assertThat(raw.first("page[size]")).isEqualTo("50");
    assertThat(raw.first("filter[created_at][gte]")).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(encoded.asMap()).containsOnlyKeys("page[number]", "filter[created_at][gte]");
  }

  @Test
  void plusIsASpaceAndEncodedPlusIsAPlus() {
    Params p = Params.parse("Body=hello+world&To=%2B44");

    assertThat(p.first("Body")).isEqualTo("hello world");
    assertThat(p.first("To")).isEqualTo("+44");
  }

  @Test
  void decodesMultiByteUtf8() {
    assertThat(Params.parse("text=%E2%82%AC%20%F0%9F%98%80").first("text")).isEqualTo("€ \uD83D\uDE00");
  }

  @Test
  void keyWithoutEqualsHasEmptyValueAndEmptyPairsAreSkipped() {
    Params p = Params.parse("a&&b=&c=1");

    assertThat(p.asMap()).isEqualTo(Map.of("a", java.util.List.of(""), "b", java.util.List.of(""),
        "c", java.util.List.of("1")));
    assertThat(p.first("missing")).isNull();
    assertThat(p.first("missing", "fallback")).isEqualTo("fallback");
    assertThat(p.all("missing")).isEmpty();
  }

  @Test
  void malformedPercentEscapeIsAMalformedRequest() {
    assertThatThrownBy(() -> Params.parse("a=%zz")).isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("invalid percent escape");
    assertThatThrownBy(() -> Params.parse("a=%2")).isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void formIsParsedOnlyForFormContentType() {
    Request form = Requests.request("POST", "/x", Map.of("content-type",
        "application/x-www-form-urlencoded; charset=UTF-8"), "To=1&To=2");
    Request json = Requests.request("POST", "/x", Map.of("Content-Type", "application/json"), "{\"to\":\"1\"}");

    assertThat(form.form().all("To")).containsExactly("1", "2");
    assertThat(json.form().isEmpty()).isTrue();
    assertThat(json.jsonObject()).containsEntry("to", "1");
  }

  @Test
  void queryOfARequestKeepsRepeatedAndBracketedKeys() {
    Request r = Requests.get("/v2/phone_numbers?filter%5Bstatus%5D=active&page[number]=3&tag=a&tag=b");

    assertThat(r.query().first("filter[status]")).isEqualTo("active");
    assertThat(r.query().first("page[number]")).isEqualTo("3");
    assertThat(r.query().all("tag")).containsExactly("a", "b");
  }

  @Test
  void jsonViewsParseObjectsAndRejectMalformedBodies() {
    Request nested = Requests.request("POST", "/x", Map.of(), "{\"to\":[\"+1\",\"+2\"],\"limit\":20}");
    Request broken = Requests.request("POST", "/x", Map.of(), "{\"to\": ");
    Request array = Requests.request("POST", "/x", Map.of(), "[1]");
    Request empty = Requests.request("POST", "/x", Map.of(), "");

    assertThat(nested.jsonObject()).containsEntry("to", java.util.List.of("+1", "+2")).containsEntry("limit", 20.0);
    assertThatThrownBy(broken::jsonObject).isInstanceOf(MalformedRequestException.class);
    assertThatThrownBy(array::jsonObject).isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("expected a JSON object");
    assertThat(empty.jsonObject()).isEmpty();
    assertThat(empty.json()).isNull();
  }

  @Test
  void headersAreCaseInsensitive() {
    Request r = Requests.request("GET", "/x", Map.of("X-Request-Id", "abc"), "");

    assertThat(r.header("x-request-id")).isEqualTo("abc");
    assertThat(r.header("X-REQUEST-ID")).isEqualTo("abc");
    assertThat(r.headers()).containsKey("x-Request-ID");
  }
}
