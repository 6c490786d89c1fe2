package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compare --html} and {@code reprice --html}: one self-contained page whose numbers are the JSON's. */
class CostReportHtmlTest {

    /** UK (Plivo cheapest) twice, US (Telnyx cheapest) once, one UCS-2 text. */
    private static final String BATCH = "to,text\n+447700900001,hello\n+447700900002,Привет\n+12025550199,hi\n";

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    @SuppressWarnings("unchecked")
    void comparePageHoldsTheNumbersOfTheJsonOutput() throws IOException {
        Path page = dir.resolve("report.html");
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "--json", "compare",
                "--html", page.toString(), csv("batch.csv", BATCH).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("switchboard: wrote the HTML report to " + page);
        Map<String, Object> json = run.json();
        ReportPage html = ReportPage.read(page);

        List<Map<String, Object>> accounts = (List<Map<String, Object>>) json.get("accounts");
        assertThat(accounts).hasSize(3);
        Map<String, Object> share = (Map<String, Object>) ((Map<String, Object>) json.get("cheapestMix")).get("share");
        List<Map<String, String>> rows = html.rows("accounts");
        assertThat(rows).extracting(r -> r.get("account"))
                .containsExactlyElementsOf(accounts.stream().map(a -> (String) a.get("account")).toList());
        for (Map<String, Object> account : accounts) {
            String id = (String) account.get("account");
            Map<String, String> row = rows.stream().filter(r -> r.get("account").equals(id)).findFirst().orElseThrow();
            assertThat(row.get("total alone")).as(id).isEqualTo(money(account.get("total")));
            assertThat(row.get("priced")).as(id).isEqualTo(count(account.get("priced")));
            assertThat(row.get("unpriced")).as(id).isEqualTo(count(account.get("unpriced")));
            assertThat(row.get("in cheapest mix")).as(id).isEqualTo(count(share.getOrDefault(id, 0.0)));
            Map<String, Object> saving = ((List<Map<String, Object>>) json.get("savings")).stream()
                    .filter(s -> s.get("account").equals(id)).findFirst().orElseThrow();
            assertThat(row.get("mix saves")).as(id).isEqualTo(money(saving.get("saving")));
        }
        assertThat(html.footer("accounts").get(1)).isEqualTo(money(json.get("cheapestMix")));

        List<Map<String, Object>> countries = (List<Map<String, Object>>) json.get("countries");
        assertThat(countries).extracting(c -> c.get("country")).containsExactly("GB", "US");
        List<Map<String, String>> countryRows = html.rows("countries-table");
        assertThat(countryRows).hasSameSizeAs(countries);
        for (int i = 0; i < countries.size(); i++) {
            Map<String, Object> country = countries.get(i);
            Map<String, String> row = countryRows.get(i);
            Map<String, Object> cheapest = (Map<String, Object>) country.get("cheapest");
            Map<String, Object> dearest = (Map<String, Object>) country.get("dearest");
            assertThat(row.get("country")).isEqualTo(country.get("country"));
            assertThat(row.get("messages")).isEqualTo(count(country.get("messages")));
            assertThat(row.get("cheapest account")).isEqualTo(cheapest.get("account"));
            assertThat(row.get("cheapest total")).isEqualTo(money(cheapest.get("total")));
            assertThat(row.get("dearest account")).isEqualTo(dearest.get("account"));
            assertThat(row.get("dearest total")).isEqualTo(money(dearest.get("total")));
            assertThat(row.get("spread")).isEqualTo(money(country.get("spread")));
            assertThat(row.get("cheapest mix")).isEqualTo(money(country.get("cheapestMix")));
            for (Map<String, Object> total : (List<Map<String, Object>>) country.get("accounts")) {
                assertThat(row.get((String) total.get("account"))).isEqualTo(money(total.get("total")));
            }
        }
        // UK: Plivo 0.038 + 0.038 cheapest, Twilio 0.0463 x 2 dearest; US: Telnyx 0.004, Twilio 0.0079
        assertThat(countryRows.get(0)).containsEntry("cheapest account", "plivo:default")
                .containsEntry("cheapest total", "0.076 USD").containsEntry("dearest account", "twilio:default")
                .containsEntry("spread", "0.0166 USD");
        assertThat(countryRows.get(1)).containsEntry("cheapest account", "telnyx:default")
                .containsEntry("spread", "0.0039 USD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCountriesAddUpToTheBatch() throws IOException {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "--json", "compare",
                csv("batch.csv", BATCH).toString());

        Map<String, Object> json = run.json();
        assertThat(json).containsEntry("messages", 3.0);
        assertThat((Map<String, Object>) json.get("cheapestMix")).containsEntry("amount", "0.08");
        List<Map<String, Object>> countries = (List<Map<String, Object>>) json.get("countries");
        assertThat(countries.stream().mapToDouble(c -> (Double) c.get("messages")).sum()).isEqualTo(3.0);
        assertThat(countries.stream().map(c -> new java.math.BigDecimal((String) ((Map<String, Object>)
                c.get("cheapestMix")).get("amount"))).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("0.08");
    }

    @Test
    void drawsOneBarPerAccountAndWellFormedSvgWithNothingFromTheNetwork() throws IOException {
        Path page = dir.resolve("report.html");
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "compare", "--html",
                page.toString(), csv("batch.csv", BATCH).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as("the table is still printed").startsWith("Compared 3 messages\n");
        ReportPage html = ReportPage.read(page);
        List<Element> svgs = html.elements("svg");
        assertThat(svgs).extracting(s -> s.getAttribute("id"))
                .containsExactly("chart-totals", "chart-share", "chart-savings", "chart-countries");
        assertThat(svgs).allSatisfy(svg -> assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg"));
        List<Element> bars = ReportPage.withClass(html.byId("chart-totals"), "g", "account-bar");
        assertThat(bars).extracting(b -> b.getAttribute("data-account"))
                .containsExactly("twilio:default", "plivo:default", "telnyx:default");
        assertThat(bars).allSatisfy(bar -> assertThat(ReportPage.withClass(bar, "rect", "bar")).singleElement()
                .satisfies(rect -> assertThat(Double.parseDouble(rect.getAttribute("width"))).isPositive()));
        // Twilio 0.1005, Plivo 0.0815, Telnyx 0.094; the mix 0.08
        List<Double> widths = bars.stream().map(b -> Double.parseDouble(ReportPage.withClass(b, "rect", "bar").get(0)
                .getAttribute("width"))).toList();
        double mix = Double.parseDouble(ReportPage.withClass(html.byId("chart-totals"), "rect", "mix").get(0)
                .getAttribute("width"));
        assertThat(widths.get(0)).isGreaterThan(widths.get(2));
        assertThat(widths.get(2)).isGreaterThan(widths.get(1));
        assertThat(widths).allSatisfy(w -> assertThat(w).isGreaterThan(mix));
        assertThat(ReportPage.withClass(html.byId("chart-countries"), "g", "country")).hasSize(2);

        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(text.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", "")
                .replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
                .as("no address to fetch anything from").doesNotContain("http:", "https:", "url(", "@import");
        assertThat(html.elements("script")).singleElement()
                .satisfies(script -> assertThat(script.hasAttribute("src")).isFalse());
        assertThat(html.elements("link")).isEmpty();
        assertThat(html.elements("img")).isEmpty();
    }

    @Test
    void anAccountThatPricesNothingIsShownAsUnpricedNeverAsZero() throws IOException {
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            Path config = CliHarness.config(dir, sandbox).telnyxDeck("prefix,rate,currency\n1,0.0040,USD\n").write();
            CliEnvironment environment = CliHarness.environment(CliHarness.sandboxSecrets(sandbox), () -> {
                throw new AssertionError("configured runs never start the sandbox");
            }, "");
            Path page = dir.resolve("report.html");

            CliHarness.Run run = CliHarness.run(environment, "--config", config.toString(), "compare", "--html",
                    page.toString(), csv("uk.csv", "+447700900001,hello\n+447700900002,hello again\n").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            ReportPage html = ReportPage.read(page);
            Element telnyx = ReportPage.withClass(html.byId("chart-totals"), "g", "account-bar").stream()
                    .filter(b -> b.getAttribute("data-account").equals("telnyx:default")).findFirst().orElseThrow();
            assertThat(ReportPage.elements(telnyx, "rect")).as("no bar for an account without a price").isEmpty();
            assertThat(telnyx.getTextContent()).contains("unpriced").doesNotContain("0 USD");
            assertThat(html.rows("accounts")).filteredOn(r -> r.get("account").equals("telnyx:default"))
                    .singleElement().satisfies(r -> {
                        assertThat(r).containsEntry("total alone", "unpriced").containsEntry("priced", "0")
                                .containsEntry("unpriced", "2");
                        assertThat(r.get("mix saves")).startsWith("n/a");
                    });
            assertThat(html.rows("countries-table")).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("telnyx:default", "unpriced")
                            .containsEntry("cheapest account", "plivo:default"));
        }
    }

    @Test
    void inputIsEscapedWhereverItIsShown() throws IOException {
        String name = "q<script>alert('x')<script>&amp;\".csv";
        Path page = dir.resolve("report.html");

        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "compare", "--html",
                page.toString(), csv(name, BATCH).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;script&gt;"
                + "&amp;amp;&quot;.csv");
        ReportPage html = ReportPage.read(page);
        assertThat(html.elements("script")).as("only the page's own sorting script").hasSize(1);
        assertThat(html.elements("strong")).filteredOn(e -> e.getAttribute("class").equals("source"))
                .singleElement().satisfies(e -> assertThat(e.getTextContent()).endsWith(name));
    }

    @Test
    void aDirectoryThatDoesNotExistIsAUsageErrorNamingTheOption() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("report.html");
        Path batch = csv("batch.csv", BATCH);

        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), () -> {
            throw new AssertionError("the option is checked before anything starts");
        }, ""), "compare", "--html", missing.toString(), batch.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("switchboard compare: '--html' ").contains("does not exist"));

        CliHarness.Run directory = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "compare", "--html",
                dir.toString(), batch.toString());
        assertThat(directory.exitCode()).as(directory.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(directory.err()).contains("'--html' ").contains("is a directory");
    }

    @Test
    @SuppressWarnings("unchecked")
    void repricePageHoldsTheTotalsOfTheJsonOutput() {
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            String config = CliHarness.config(dir, sandbox).write().toString();
            CliEnvironment environment = CliHarness.environment(CliHarness.sandboxSecrets(sandbox), () -> {
                throw new AssertionError("configured runs never start the sandbox");
            }, "");
            for (String to : List.of("+447700900001", "+12025550199", "+447700900003")) {
                CliHarness.Run sent = CliHarness.run(environment, "--config", config, "send", "--to", to, "--text",
                        "past", "--account", "twilio", "--from", "alerts");
                assertThat(sent.exitCode()).as(sent.toString()).isZero();
            }
            Path page = dir.resolve("reprice.html");

            CliHarness.Run run = CliHarness.run(environment, "--config", config, "--json", "reprice", "--account",
                    "twilio", "--html", page.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Map<String, Object> json = run.json();
            ReportPage html = ReportPage.read(page);
            List<Map<String, String>> rows = html.rows("accounts");
            List<Map<String, Object>> totals = (List<Map<String, Object>>) json.get("totals");
            assertThat(rows).hasSameSizeAs(totals);
            for (Map<String, Object> total : totals) {
                assertThat(rows).filteredOn(r -> r.get("account").equals(total.get("account"))).singleElement()
                        .satisfies(r -> assertThat(r.get("total alone")).isEqualTo(money(total.get("total"))));
            }
            Map<String, Object> comparison = (Map<String, Object>) json.get("comparison");
            assertThat(html.footer("accounts").get(1)).isEqualTo(money(comparison.get("cheapestMix")));
            assertThat(html.rows("countries-table")).extracting(r -> r.get("country")).containsExactly("GB", "US");
        }
    }

    @Test
    void fortyCountriesAndTenThousandRowsMakeAPageUnderOneMegabyte() throws IOException {
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            Path config = ManyCountries.config(dir, sandbox);
            Path batch = ManyCountries.batch(dir.resolve("forty.csv"), 10_000);
            Path page = dir.resolve("forty.html");

            CliHarness.Run run = CliHarness.run(CliHarness.environment(CliHarness.sandboxSecrets(sandbox), () -> {
                throw new AssertionError("configured runs never start the sandbox");
            }, ""), "--config", config.toString(), "compare", "--html", page.toString(), batch.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Compared 10000 messages\n");
            assertThat(Files.size(page)).isLessThan(1_000_000);
            ReportPage html = ReportPage.read(page);
            assertThat(html.rows("countries-table")).hasSize(40)
                    .filteredOn(r -> r.get("country").equals(ManyCountries.NOT_ON_TELNYX)).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("telnyx:default", "unpriced"));
            assertThat(html.rows("countries-table")).extracting(r -> r.get("cheapest account"))
                    .as("each account is cheapest somewhere")
                    .contains("twilio:default", "plivo:default", "telnyx:default");
        }
    }

    /** A JSON amount as the page writes it. */
    @SuppressWarnings("unchecked")
    private static String money(Object json) {
        Map<String, Object> money = (Map<String, Object>) json;
        return money.get("amount") + " " + money.get("currency");
    }

    private static String count(Object json) {
        return Long.toString(Math.round((Double) json));
    }
}
