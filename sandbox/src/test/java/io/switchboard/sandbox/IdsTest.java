package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void sameSeedGivesTheSameIds() {
    Ids a = new Ids(42);
    Ids b = new Ids(42);

    for (int i = 0; i < 5; i++) {
      assertThat(a.prefixedHex("SM")).isEqualTo(b.prefixedHex("SM"));
      assertThat(a.uuid()).isEqualTo(b.uuid());
    }
    assertThat(new Ids(43).prefixedHex("SM")).isNotEqualTo(new Ids(42).prefixedHex("SM"));
  }

  @Test
  void idsHaveTheVendorShapes() {
    Ids ids = new Ids(7);

    assertThat(ids.prefixedHex("SM")).matches("SM[0-9a-f]{32}");
    assertThat(ids.digits(19)).matches("[1-9][0-9]{18}");
    String uuid = ids.uuid();
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(UUID.fromString(uuid).version()).isEqualTo(4);
    assertThat(UUID.fromString(uuid).variant()).isEqualTo(2);
  }

  @Test
  void idsDoNotRepeat() {
    Ids ids = new Ids(1);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(ids.uuid())).isTrue();
    }
  }
}
