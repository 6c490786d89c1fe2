package io.switchboard.adapters.plivo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation id of the two Plivo seeds in this issue's scope has a row in docs/seed-coverage.md naming a test
 * method of this module that exists and is a JUnit test. The marketplace package's ids belong to another issue.
 */
class PlivoSeedCoverageTest {

    /** The ids of the two seeds, as ../shared/seed-operations.csv lists them. */
    private static final Set<String> IDS = Set.of("plivo.lua.list_messages", "plivo.lua.send_sms",
            "plivo.lua.list_numbers", "plivo.lua.get_number", "plivo.lua.list_calls", "plivo.lua.get_call",
            "plivo.lua.list_applications", "plivo.connector.get_message", "plivo.connector.list_messages",
            "plivo.connector.make_call", "plivo.connector.send_sms");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `(plivo\\.(?:lua|connector)\\.[a-z_]+)` \\| (.+?) \\| `(\\w+)#(\\w+)` \\|$", Pattern.MULTILINE);

    @Test
    void everySeedOperationNamesAnExistingTest() throws Exception {
        String table = Files.readString(repositoryRoot().resolve("docs/seed-coverage.md"));
        Map<String, String> covered = new LinkedHashMap<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) {
            Class<?> testClass = Class.forName(getClass().getPackageName() + "." + m.group(3));
            Method method = testClass.getDeclaredMethod(m.group(4));
            assertThat(method.isAnnotationPresent(Test.class)).as("%s is a @Test", m.group(3) + "#" + m.group(4))
                    .isTrue();
            covered.put(m.group(1), m.group(2));
        }
        assertThat(covered.keySet()).containsExactlyInAnyOrderElementsOf(IDS);
    }

    @Test
    void theIdsAreTheSharedCatalogsWhenItIsBesideTheRepository() throws IOException {
        Path csv = repositoryRoot().getParent().resolve("shared/seed-operations.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(csv), "the shared seed catalog is not here");
        Set<String> ids = new TreeSet<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines) {
            String id = line.split(",", 2)[0];
            if (id.startsWith("plivo.lua.") || id.startsWith("plivo.connector.")) {
                ids.add(id);
            }
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(IDS);
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
