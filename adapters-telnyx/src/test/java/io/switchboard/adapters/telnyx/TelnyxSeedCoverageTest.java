package io.switchboard.adapters.telnyx;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
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
 * Every Telnyx seed operation id in docs/seed-coverage.md is exercised by a test marked {@link SeedOperation}, and
 * its row names that test's class and a public method of the adapter.
 */
class TelnyxSeedCoverageTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(telnyx\\.[a-z_.]+)` \\| (.+?) \\| (.+?) \\|$");

    @Test
    void everyTelnyxSeedOperationHasAMarkedTestAndADocumentedRow() throws IOException {
        Map<String, String[]> rows = rows();
        assertThat(rows).as("the Telnyx rows of docs/seed-coverage.md").hasSize(7);

        Set<String> marked = Arrays.stream(TelnyxSeedOperationsTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(SeedOperation.class))
                .map(m -> m.getAnnotation(SeedOperation.class).value()).collect(Collectors.toSet());
        assertThat(marked).containsExactlyInAnyOrderElementsOf(rows.keySet());

        Set<String> publicMethods = Arrays.stream(new Class<?>[] {TelnyxApi.class, TelnyxConnector.class})
                .flatMap(c -> Arrays.stream(c.getMethods())).map(Method::getName).collect(Collectors.toSet());
        rows.forEach((id, cells) -> {
            assertThat(cells[1]).as("covering test of %s", id).contains(TelnyxSeedOperationsTest.class.getSimpleName());
            Matcher method = Pattern.compile("`\\w+\\.(\\w+)\\(").matcher(cells[0]);
            assertThat(method.find()).as("public method of %s names Class.method(", id).isTrue();
            assertThat(publicMethods).as("public method of %s", id).contains(method.group(1));
        });
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
