package io.switchboard.adapters.telnyx;

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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Telnyx operation of the catalog ({@code src/test/resources/operations.csv}) has a row in
 * docs/seed-coverage.md and is exercised by a test marked {@link CatalogOperation}; each row names that test's class
 * and a public method of the adapter.
 */
class TelnyxCatalogCoverageTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(telnyx\\.[a-z_.]+)` \\| (.+?) \\| (.+?) \\|$");

    @Test
    void everyCatalogOperationHasAMarkedTestAndADocumentedRow() throws IOException {
        List<String> catalog = catalogIds();
        Map<String, String[]> rows = rows();
        assertThat(catalog).as("the Telnyx rows of operations.csv").hasSize(7);
        assertThat(rows.keySet()).as("the Telnyx rows of docs/seed-coverage.md").containsExactlyElementsOf(catalog);

        Set<String> marked = Arrays.stream(TelnyxCatalogOperationsTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(CatalogOperation.class))
                .map(m -> m.getAnnotation(CatalogOperation.class).value()).collect(Collectors.toSet());
        assertThat(marked).containsExactlyInAnyOrderElementsOf(rows.keySet());

        Set<String> publicMethods = Arrays.stream(new Class<?>[] {TelnyxApi.class, TelnyxConnector.class})
                .flatMap(c -> Arrays.stream(c.getMethods())).map(Method::getName).collect(Collectors.toSet());
        rows.forEach((id, cells) -> {
            assertThat(cells[1]).as("covering test of %s", id).contains(TelnyxCatalogOperationsTest.class.getSimpleName());
            Matcher method = Pattern.compile("`\\w+\\.(\\w+)\\(").matcher(cells[0]);
            assertThat(method.find()).as("public method of %s names Class.method(", id).isTrue();
            assertThat(publicMethods).as("public method of %s", id).contains(method.group(1));
        });
    }

    /** The ids of the catalog this module's tests ship, in its order. */
    private static List<String> catalogIds() throws IOException {
        try (InputStream in = TelnyxCatalogCoverageTest.class.getResourceAsStream("/operations.csv")) {
            assertThat(in).as("operations.csv on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",", 2)[0]).filter(id -> !id.isBlank()).toList();
        }
    }

    private static Map<String, String[]> rows() throws IOException {
        Path doc = Path.of("..", "docs", "seed-coverage.md");
        List<String> lines = Files.readAllLines(doc);
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2), m.group(3)});
            }
        }
        return rows;
    }
}
