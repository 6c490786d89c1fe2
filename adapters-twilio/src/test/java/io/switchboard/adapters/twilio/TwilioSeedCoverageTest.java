package io.switchboard.adapters.twilio;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Twilio seed operation listed in {@code docs/seed-coverage.md} is exercised by the test that the table names,
 * and that test says so with {@link SeedOperation}; no id is claimed that no test exercises.
 */
class TwilioSeedCoverageTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(twilio\\.lua\\.[a-z_]+)` \\| (.+?) \\| (.+?) \\|$");

    @Test
    void everyTwilioSeedOperationIsCoveredByTheTestTheTableNames() throws IOException {
        Map<String, String> table = twilioRows();
        Map<String, String> annotated = Arrays.stream(TwilioSeedOperationsTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(SeedOperation.class))
                .collect(Collectors.toMap(m -> m.getAnnotation(SeedOperation.class).value(), Method::getName));

        assertThat(table).as("the Twilio block of docs/seed-coverage.md").hasSize(15);
        assertThat(annotated.keySet()).containsExactlyInAnyOrderElementsOf(table.keySet());
        table.forEach((id, test) -> assertThat(test).as(id)
                .isEqualTo("`TwilioSeedOperationsTest#" + annotated.get(id) + "`"));
    }

    private static Map<String, String> twilioRows() throws IOException {
        Path doc = Path.of("..", "docs", "seed-coverage.md");
        List<String> lines = Files.readAllLines(doc);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                rows.put(m.group(1), m.group(3));
            }
        }
        return rows;
    }
}
