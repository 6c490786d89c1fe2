package io.switchboard.adapters.plivo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation id of the three Plivo seeds has a row in docs/seed-coverage.md naming a test method of this module
 * that exists and is a JUnit test; the marketplace package's rows are also in docs/adapters/plivo.md, same form.
 */
class PlivoSeedCoverageTest {

    /** The ids of the Lua and connector seeds, as ../shared/seed-operations.csv lists them. */
    private static final Set<String> LUA_AND_CONNECTOR = Set.of("plivo.lua.list_messages", "plivo.lua.send_sms",
            "plivo.lua.list_numbers", "plivo.lua.get_number", "plivo.lua.list_calls", "plivo.lua.get_call",
            "plivo.lua.list_applications", "plivo.connector.get_message", "plivo.connector.list_messages",
            "plivo.connector.make_call", "plivo.connector.send_sms");
    /** The marketplace package's 68 ids, in the catalog's order. */
    private static final List<String> MARKETPLACE = List.of("plivo.api.account.get", "plivo.api.account.modify",
            "plivo.api.subaccount.create", "plivo.api.subaccount.modify", "plivo.api.subaccount.get",
            "plivo.api.subaccount.list", "plivo.api.subaccount.delete", "plivo.api.application.create",
            "plivo.api.application.list", "plivo.api.application.get", "plivo.api.application.modify",
            "plivo.api.application.delete", "plivo.api.call.make", "plivo.api.call.list", "plivo.api.call.get",
            "plivo.api.livecall.list", "plivo.api.livecall.get", "plivo.api.call.hangup", "plivo.api.call.hangup_all",
            "plivo.api.call.transfer", "plivo.api.call.record.start", "plivo.api.call.record.stop",
            "plivo.api.call.play.start", "plivo.api.call.play.stop", "plivo.api.call.speak.start",
            "plivo.api.call.speak.stop", "plivo.api.call.dtmf", "plivo.api.request.hangup",
            "plivo.api.conference.list", "plivo.api.conference.get", "plivo.api.conference.hangup_all",
            "plivo.api.conference.hangup", "plivo.api.conference.record.start", "plivo.api.conference.record.stop",
            "plivo.api.conference.member.hangup", "plivo.api.conference.member.kick",
            "plivo.api.conference.member.mute", "plivo.api.conference.member.unmute",
            "plivo.api.conference.member.play.start", "plivo.api.conference.member.play.stop",
            "plivo.api.conference.member.speak.start", "plivo.api.conference.member.speak.stop",
            "plivo.api.conference.member.deaf", "plivo.api.conference.member.undeaf", "plivo.api.endpoint.create",
            "plivo.api.endpoint.get", "plivo.api.endpoint.list", "plivo.api.endpoint.modify",
            "plivo.api.endpoint.delete", "plivo.api.message.send", "plivo.api.message.list", "plivo.api.message.get",
            "plivo.api.number.list", "plivo.api.number.get", "plivo.api.number.add_carrier_numbers",
            "plivo.api.number.modify", "plivo.api.number.unrent", "plivo.api.number.search", "plivo.api.number.buy",
            "plivo.api.pricing.get", "plivo.api.recording.list", "plivo.api.recording.get",
            "plivo.api.recording.delete", "plivo.api.incoming_carrier.list", "plivo.api.incoming_carrier.get",
            "plivo.api.incoming_carrier.add", "plivo.api.incoming_carrier.modify",
            "plivo.api.incoming_carrier.delete");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `(plivo\\.(?:lua|connector|api)\\.[a-z_.]+)` \\| (.+?) \\| `(\\w+)#(\\w+)` \\|$", Pattern.MULTILINE);

    @Test
    void everySeedOperationNamesAnExistingTest() throws Exception {
        Map<String, String> covered = coveredIn(repositoryRoot().resolve("docs/seed-coverage.md"));
        assertThat(covered.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(LUA_AND_CONNECTOR.stream(), MARKETPLACE.stream()).toList());
    }

    @Test
    void theAdapterDocsMapEveryMarketplaceOperationToItsMethodAndTest() throws Exception {
        Map<String, String> inDocs = coveredIn(repositoryRoot().resolve("docs/adapters/plivo.md"));
        assertThat(inDocs.keySet()).containsExactlyElementsOf(MARKETPLACE);
        Map<String, String> inCoverage = coveredIn(repositoryRoot().resolve("docs/seed-coverage.md"));
        MARKETPLACE.forEach(id -> assertThat(inDocs.get(id)).as(id).isEqualTo(inCoverage.get(id)));
    }

    @Test
    void theIdsAreTheSharedCatalogsWhenItIsBesideTheRepository() throws IOException {
        Path csv = repositoryRoot().getParent().resolve("shared/seed-operations.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(csv), "the shared seed catalog is not here");
        Set<String> luaAndConnector = new TreeSet<>();
        List<String> marketplace = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String id = line.split(",", 2)[0];
            if (id.startsWith("plivo.lua.") || id.startsWith("plivo.connector.")) {
                luaAndConnector.add(id);
            } else if (line.contains(",plivo-marketplace-package.txt,")) {
                marketplace.add(id);
            }
        }
        assertThat(luaAndConnector).containsExactlyInAnyOrderElementsOf(LUA_AND_CONNECTOR);
        assertThat(marketplace).containsExactlyElementsOf(MARKETPLACE);
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
