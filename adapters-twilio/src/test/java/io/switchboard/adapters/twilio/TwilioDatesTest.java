package io.switchboard.adapters.twilio;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioDatesTest {

    @Test
    void readsTwilioDatesAsTheRfc1123FormatterDoes() {
        for (String text : List.of("Thu, 30 Jul 2015 20:12:31 +0000", "Mon, 23 Nov 2026 08:02:51 +0000",
                "Sat, 29 Feb 2020 23:59:59 +0000", "Fri, 01 Jan 1971 00:00:00 +0000")) {
            assertThat(TwilioValues.twilioLayout(text)).as(text)
                    .isEqualTo(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            assertThat(TwilioValues.instant(text)).as(text).contains(TwilioValues.twilioLayout(text));
        }
    }

    @Test
    void leavesEverythingElseToTheFormatters() {
        for (String text : List.of("Wed, 30 Jul 2015 20:12:31 +0000", "Thu, 31 Jun 2015 20:12:31 +0000",
                "Thu, 30 Jul 2015 24:12:31 +0000", "Thu, 30 Jul 2015 20:12:31 +0100", "Thu, 30 Jly 2015 20:12:31 +0000",
                "Thu, 3 Jul 2015 20:12:31 +0000", "2015-07-30T20:12:31Z", "")) {
            assertThat(TwilioValues.twilioLayout(text)).as(text).isNull();
            assertThat(TwilioValues.instant(text)).as(text).isEqualTo(formatters(text));
        }
    }

    /** What instant() answered before it had a layout of its own. */
    private static java.util.Optional<Instant> formatters(String text) {
        if (text.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return java.util.Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return java.util.Optional.empty();
            }
        }
    }
}
