package io.switchboard.adapters.twilio;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
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
 * Every Twilio operation of the catalog ({@code src/test/resources/operations.csv}) has a row in
 * {@code docs/seed-coverage.md}, and the test that row names exercises it and says so with {@link CatalogOperation};
 * no id is claimed that no test exercises.
 */
class TwilioCatalogCoverageTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(twilio\\.lua\\.[a-z_]+)` \\| (.+?) \\| (.+?) \\|$");

    @Test
    void everyCatalogOperationIsCoveredByTheTestTheTableNames() throws IOException {
        List<String> catalog = catalogIds();
        Map<String, String> table = twilioRows();
        Map<String, String> annotated = Arrays.stream(TwilioCatalogOperationsTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(CatalogOperation.class))
                .collect(Collectors.toMap(m -> m.getAnnotation(CatalogOperation.class).value(), Method::getName));

        assertThat(catalog).as("the Twilio rows of operations.csv").hasSize(15);
        assertThat(table.keySet()).as("the Twilio block of docs/seed-coverage.md")
                .containsExactlyElementsOf(catalog);
        assertThat(annotated.keySet()).containsExactlyInAnyOrderElementsOf(catalog);
        table.forEach((id, test) -> assertThat(test).as(id)
                .isEqualTo("`TwilioCatalogOperationsTest#" + annotated.get(id) + "`"));
    }

    /** The ids of the catalog this module's tests ship, in its order. */
    static List<String> catalogIds() throws IOException {
        try (InputStream in = TwilioCatalogCoverageTest.class.getResourceAsStream("/operations.csv")) {
            assertThat(in).as("operations.csv on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",", 2)[0]).filter(id -> !id.isBlank()).toList();
        }
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
