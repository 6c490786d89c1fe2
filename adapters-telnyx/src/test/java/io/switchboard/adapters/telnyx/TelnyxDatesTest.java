package io.switchboard.adapters.telnyx;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelnyxDatesTest {

    @Test
    void readsTelnyxTimestampsAsTheIsoFormatterDoes() {
        for (String text : List.of("2026-11-23T08:02:51.859+00:00", "2026-11-23T08:02:51Z", "2026-11-23T08:02:51.1Z",
                "2026-11-23T08:02:51.123456789-05:30", "2020-02-29T23:59:59.000+14:00", "1999-12-31T23:59:59+01:00")) {
            assertThat(TelnyxMapper.isoLayout(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            assertThat(TelnyxMapper.instant(text)).as(text).contains(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void leavesEverythingElseToTheFormatters() {
        for (String text : List.of("2026-02-30T08:02:51Z", "2026-11-23T24:00:00Z", "2026-11-23T08:02Z",
                "2026-11-23T08:02:51.1234567891Z", "2026-11-23T08:02:51+0000", "2026-11-23T08:02:51", "2026-11-23 08:02:51",
                "2026-11-23T08:02:51.Z", "2026-11-23T08:02:51+19:00")) {
            assertThat(TelnyxMapper.isoLayout(text)).as(text).isNull();
        }
        assertThat(TelnyxMapper.instant("2026-11-23 08:02:51")).contains(java.time.Instant.parse("2026-11-23T08:02:51Z"));
        assertThat(TelnyxMapper.instant("2026-11-23T08:02Z")).contains(java.time.Instant.parse("2026-11-23T08:02:00Z"));
        assertThat(TelnyxMapper.instant("2026-02-30T08:02:51Z")).isEmpty();
    }
}
