package io.switchboard.adapters.plivo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Plivo operation of the catalog ({@code src/test/resources/operations.csv}) has a row in docs/seed-coverage.md
 * naming a test method of this module that exists and is a JUnit test; the marketplace package's rows are also in
 * docs/adapters/plivo.md, same form and same order.
 */
class PlivoCatalogCoverageTest {

    /** The source the catalog gives for Plivo's marketplace package, whose operations plivo.md maps one by one. */
    private static final String MARKETPLACE = "plivo-marketplace-package.txt";
    private static final Pattern ROW = Pattern.compile(
            "^\\| `(plivo\\.(?:lua|connector|api)\\.[a-z_.]+)` \\| (.+?) \\| `(\\w+)#(\\w+)` \\|$", Pattern.MULTILINE);

    @Test
    void everyCatalogOperationNamesAnExistingTest() throws Exception {
        Map<String, String> catalog = catalog();
        Map<String, String> covered = coveredIn(repositoryRoot().resolve("docs/seed-coverage.md"));

        assertThat(catalog).as("the Plivo rows of operations.csv").hasSize(79);
        assertThat(covered.keySet()).containsExactlyInAnyOrderElementsOf(catalog.keySet());
    }

    @Test
    void theAdapterDocsMapEveryMarketplaceOperationToItsMethodAndTest() throws Exception {
        List<String> marketplace = catalog().entrySet().stream().filter(e -> e.getValue().equals(MARKETPLACE))
                .map(Map.Entry::getKey).toList();
        Map<String, String> inDocs = coveredIn(repositoryRoot().resolve("docs/adapters/plivo.md"));
        Map<String, String> inCoverage = coveredIn(repositoryRoot().resolve("docs/seed-coverage.md"));

        assertThat(marketplace).as("the marketplace rows of operations.csv").hasSize(68);
        assertThat(inDocs.keySet()).containsExactlyElementsOf(marketplace);
        marketplace.forEach(id -> assertThat(inDocs.get(id)).as(id).isEqualTo(inCoverage.get(id)));
    }

    /** Id to source for every row of the catalog this module's tests ship, in its order. */
    private static Map<String, String> catalog() throws IOException {
        try (InputStream in = PlivoCatalogCoverageTest.class.getResourceAsStream("/operations.csv")) {
            assertThat(in).as("operations.csv on the test class path").isNotNull();
            Map<String, String> sources = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).forEach(line -> {
                String[] cells = line.split(",", 3);
                assertThat(sources.put(cells[0], cells[1])).as("%s appears once in operations.csv", cells[0])
                        .isNull();
            });
            return sources;
        }
    }

    /** Id to "method | test" for every row of {@code doc}, after checking that each named test exists. */
    private Map<String, String> coveredIn(Path doc) throws Exception {
        Map<String, String> covered = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(doc));
        while (m.find()) {
            Class<?> testClass = Class.forName(getClass().getPackageName() + "." + m.group(3));
            Method method = testClass.getDeclaredMethod(m.group(4));
            assertThat(method.isAnnotationPresent(Test.class)).as("%s is a @Test", m.group(3) + "#" + m.group(4))
                    .isTrue();
            assertThat(covered.put(m.group(1), m.group(2) + " | " + m.group(3) + "#" + m.group(4)))
                    .as("%s appears once in %s", m.group(1), doc.getFileName()).isNull();
        }
        return covered;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/seed-coverage.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
