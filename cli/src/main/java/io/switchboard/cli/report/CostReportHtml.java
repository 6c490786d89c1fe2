package io.switchboard.cli.report;

import io.switchboard.application.BatchComparison;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CostReport} as one self-contained HTML page: charts drawn as inline SVG, then the numbers in sortable
 * tables. Nothing is fetched when it opens (no script, font or style sheet from elsewhere). Amounts are written as
 * the JSON view writes them, exact; an account that cannot price is written "unpriced", never 0. The page is
 * well-formed XML as well as HTML.
 */
public final class CostReportHtml {

    /** Colours of the accounts, in the router's order; they repeat after the eighth. */
    private static final String[] PALETTE = {"#3366aa", "#e08a2c", "#3a9a5b", "#8e5ea2", "#c2413b", "#1b9aaa",
        "#8c7b3a", "#d16ba5"};

    private static final int WIDTH = 1000;
    private static final int LABEL_X = 200;
    private static final int BAR_MAX = 420;
    private static final int ROW = 34;
    private static final int BAR = 20;

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
              color: #1d2430; background: #f6f7f9; margin: 0; }
            main { max-width: 1320px; margin: 0 auto; padding: 24px 20px 48px; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 0 0 4px; }
            p { margin: 4px 0 10px; }
            .lead { color: #4a5565; }
            section { background: #fff; border: 1px solid #dde2e8; border-radius: 8px; padding: 16px 18px;
              margin: 16px 0; }
            .note { color: #5b6676; font-size: 13px; }
            svg { display: block; width: 100%; max-width: 1000px; height: auto; }
            svg text { font-size: 13px; fill: #1d2430; }
            svg .label { text-anchor: end; }
            svg .value { fill: #374151; }
            svg .muted, .unpriced { fill: #8a94a3; color: #8a94a3; font-style: italic; }
            svg .mixline { stroke: #1d2430; stroke-width: 1.5; stroke-dasharray: 5 4; }
            svg text.inside { fill: #fff; font-weight: 600; text-anchor: middle; }
            svg .axis { stroke: #c9d0d9; stroke-width: 1; }
            svg .spread { stroke: #9aa5b4; stroke-width: 4; stroke-linecap: round; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0 18px; font-size: 12.5px; }
            th, td { padding: 4px 7px; border-bottom: 1px solid #e5e9ee; text-align: right; white-space: nowrap; }
            th:first-child, td:first-child { text-align: left; }
            td.name { text-align: left; }
            th { background: #eef1f5; cursor: pointer; user-select: none; position: sticky; top: 0; }
            th:hover { background: #e2e7ee; }
            th[aria-sort="ascending"]::after { content: " \\25B2"; font-size: 10px; }
            th[aria-sort="descending"]::after { content: " \\25BC"; font-size: 10px; }
            tbody tr:hover { background: #f3f6fa; }
            tfoot td { font-weight: 600; border-top: 2px solid #c9d0d9; }
            .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
            .scroll { overflow-x: auto; }
            """;

    /** Sorts a table by the clicked column: by data-sort when a cell has one, numbers before words. */
    private static final String SCRIPT = """
            //<![CDATA[
            (function () {
              function key(cell) {
                var v = cell.getAttribute('data-sort');
                return v === null ? cell.textContent.trim() : v;
              }
              function order(a, b) {
                var x = parseFloat(a), y = parseFloat(b), nx = isNaN(x), ny = isNaN(y);
                if (!nx && !ny) { return x - y; }
                if (nx !== ny) { return nx ? 1 : -1; }
                return a.localeCompare(b);
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                var heads = table.querySelectorAll('thead th');
                heads.forEach(function (th, column) {
                  th.addEventListener('click', function () {
                    var up = th.getAttribute('aria-sort') !== 'ascending';
                    heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (r, s) {
                      var d = order(key(r.cells[column]), key(s.cells[column]));
                      return up ? d : -d;
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                  });
                });
              });
            })();
            //]]>
            """;

    private CostReportHtml() {
    }

    /** The page for {@code report}. */
    public static String render(CostReport report) {
        BatchComparison all = report.overall();
        Map<AccountId, String> colours = new HashMap<>();
        for (BatchComparison.AccountTotal total : all.accounts()) {
            colours.put(total.account(), PALETTE[colours.size() % PALETTE.length]);
        }
        Markup m = new Markup(32 * 1024 + report.countries().size() * 2048);
        m.raw("<!DOCTYPE html>\n");
        m.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").newline();
        m.open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", "Switchboard costs: " + report.title() + " " + report.source())
                .open("style").raw(STYLE).close("style").close("head").newline();
        m.open("body").open("main");
        header(m, report);
        totals(m, all, colours);
        share(m, all, colours);
        savings(m, all, colours);
        countries(m, report.countries(), all, colours);
        numbers(m, report);
        m.close("main").newline();
        m.open("script").raw(SCRIPT).close("script").newline();
        m.close("body").close("html").newline();
        return m.toString();
    }

    private static void header(Markup m, CostReport report) {
        BatchComparison all = report.overall();
        m.element("h1", "Switchboard cost comparison");
        m.open("p", "class", "lead").text(report.title() + ": ").element("strong", report.source(), "class", "source")
                .text(" \u2014 " + count(all.messages(), "message") + " to " + count(report.countries().size(),
                        "destination country", "destination countries") + ", priced on "
                        + count(all.accounts().size(), "account") + ", in "
                        + all.cheapestMix().currency().getCurrencyCode()
                        + (all.unroutable() == 0 ? "" : "; " + count(all.unroutable(), "message")
                        + " no account can price"))
                .close("p");
        m.element("p", "Amounts are exact, as in the --json output. An account that cannot price a message is "
                + "counted as unpriced for it, never as free; nothing was sent.", "class", "note");
    }

    /** One bar per account (its total alone) beside the cheapest mix, the mix marked by a dashed line. */
    private static void totals(Markup m, BatchComparison all, Map<AccountId, String> colours) {
        m.open("section", "id", "totals").element("h2", "Total per account beside the cheapest mix");
        m.element("p", "What the batch costs sent through one account alone; the cheapest mix sends each message "
                + "through its cheapest account.", "class", "note");
        List<BatchComparison.AccountTotal> accounts = all.accounts();
        BigDecimal max = all.cheapestMix().amount();
        for (BatchComparison.AccountTotal total : accounts) {
            if (total.priced() > 0) {
                max = max.max(total.total().amount());
            }
        }
        int height = (accounts.size() + 1) * ROW + 16;
        svgOpen(m, "chart-totals", height, "Total per account and the cheapest mix");
        int y = 8;
        for (BatchComparison.AccountTotal total : accounts) {
            AccountId account = total.account();
            m.open("g", "class", "account-bar", "data-account", account.toString());
            m.element("text", account.toString(), "class", "label", "x", LABEL_X - 10, "y", y + BAR - 5);
            if (total.priced() == 0) {
                m.element("text", "unpriced: cannot price any of the " + count(total.unpriced(), "message"),
                        "class", "muted unpriced", "x", LABEL_X, "y", y + BAR - 5);
            } else {
                double width = scale(total.total().amount(), max);
                boolean partial = total.unpriced() > 0;
                m.open("rect", "class", "bar", "x", LABEL_X, "y", y, "width", fmt(width), "height", BAR,
                        "rx", 3, "fill", colours.get(account), "fill-opacity", partial ? "0.45" : null);
                m.element("title", account + ": " + amount(total.total())).close("rect");
                String label;
                if (partial) {
                    label = amount(total.total()) + " for " + total.priced() + " of "
                            + (total.priced() + total.unpriced()) + " messages (" + total.unpriced() + " unpriced)";
                } else {
                    Optional<Money> saving = saving(all, account);
                    label = amount(total.total()) + saving.map(s -> s.isZero() ? "  (the mix saves nothing)"
                            : "  (the mix saves " + amount(s) + ")").orElse("");
                }
                m.element("text", label, "class", "value", "x", fmt(LABEL_X + width + 8), "y", y + BAR - 5);
            }
            m.close("g");
            y += ROW;
        }
        double mixWidth = scale(all.cheapestMix().amount(), max);
        m.open("g", "class", "mix-bar");
        m.element("text", "cheapest mix", "class", "label", "x", LABEL_X - 10, "y", y + BAR - 5,
                "font-weight", "bold");
        m.open("rect", "class", "mix", "x", LABEL_X, "y", y, "width", fmt(mixWidth), "height", BAR, "rx", 3,
                "fill", "#1d2430");
        m.element("title", "cheapest mix: " + amount(all.cheapestMix())).close("rect");
        m.element("text", amount(all.cheapestMix()), "class", "value", "x", fmt(LABEL_X + mixWidth + 8),
                "y", y + BAR - 5, "font-weight", "bold");
        m.close("g");
        m.empty("line", "class", "mixline", "x1", fmt(LABEL_X + mixWidth), "x2", fmt(LABEL_X + mixWidth),
                "y1", 2, "y2", y + BAR + 4);
        m.empty("line", "class", "axis", "x1", LABEL_X, "x2", LABEL_X, "y1", 2, "y2", y + BAR + 4);
        m.close("svg").close("section").newline();
    }

    /** The cheapest mix as one stacked bar: how many messages each account takes in it. */
    private static void share(Markup m, BatchComparison all, Map<AccountId, String> colours) {
        m.open("section", "id", "share").element("h2", "Each account's share of the cheapest mix");
        m.element("p", "Messages the cheapest mix sends through each account"
                + (all.unroutable() == 0 ? "." : "; in grey, the messages no account can price."), "class", "note");
        long messages = all.messages();
        int legendRows = all.accounts().size() + (all.unroutable() > 0 ? 1 : 0);
        int height = 48 + legendRows * 22 + 8;
        int barWidth = WIDTH - 20;
        svgOpen(m, "chart-share", height, "Share of the cheapest mix per account");
        double x = 10;
        List<Object[]> parts = new ArrayList<>();
        for (BatchComparison.AccountTotal total : all.accounts()) {
            parts.add(new Object[] {total.account().toString(), all.mixShare().getOrDefault(total.account(), 0L),
                colours.get(total.account())});
        }
        if (all.unroutable() > 0) {
            parts.add(new Object[] {"no account can price", all.unroutable(), "#c9d0d9"});
        }
        for (Object[] part : parts) {
            long n = (Long) part[1];
            if (n == 0 || messages == 0) {
                continue;
            }
            double width = barWidth * (double) n / messages;
            m.open("rect", "class", "share", "data-account", part[0], "x", fmt(x), "y", 8, "width", fmt(width),
                    "height", 28, "fill", part[2]);
            m.element("title", part[0] + ": " + n + " (" + percent(n, messages) + ")").close("rect");
            String inside = percent(n, messages);
            if (width > inside.length() * 8 + 8) {
                m.element("text", inside, "class", "inside", "x", fmt(x + width / 2), "y", 27);
            }
            x += width;
        }
        int y = 58;
        for (Object[] part : parts) {
            long n = (Long) part[1];
            m.empty("rect", "x", 10, "y", y - 10, "width", 12, "height", 12, "rx", 2, "fill", part[2]);
            m.element("text", part[0] + ": " + count(n, "message") + " (" + percent(n, messages) + ")",
                    "x", 30, "y", y);
            y += 22;
        }
        m.close("svg").close("section").newline();
    }

    /** What the mix saves against sending everything through each account alone. */
    private static void savings(Markup m, BatchComparison all, Map<AccountId, String> colours) {
        m.open("section", "id", "savings").element("h2", "What the cheapest mix saves against each single provider");
        m.element("p", "An account that cannot price every message has no single-provider total to compare.",
                "class", "note");
        BigDecimal max = BigDecimal.ZERO;
        for (BatchComparison.Saving saving : all.savings()) {
            if (saving.saving().isPresent()) {
                max = max.max(saving.saving().get().amount());
            }
        }
        int height = all.savings().size() * ROW + 12;
        svgOpen(m, "chart-savings", height, "Saving of the cheapest mix against each account alone");
        int y = 8;
        for (BatchComparison.Saving saving : all.savings()) {
            AccountId account = saving.account();
            m.open("g", "class", "saving-bar", "data-account", account.toString());
            m.element("text", account.toString(), "class", "label", "x", LABEL_X - 10, "y", y + BAR - 5);
            if (saving.saving().isPresent()) {
                Money s = saving.saving().get();
                double width = scale(s.amount(), max);
                m.open("rect", "class", "saving", "x", LABEL_X, "y", y, "width", fmt(width), "height", BAR,
                        "rx", 3, "fill", colours.get(account));
                m.element("title", "the mix saves " + amount(s) + " against " + account).close("rect");
                m.element("text", amount(s), "class", "value", "x", fmt(LABEL_X + width + 8), "y", y + BAR - 5);
            } else {
                m.element("text", "n/a: cannot price " + count(saving.itemsItCannotServe(), "message")
                        + " that another account can", "class", "muted", "x", LABEL_X, "y", y + BAR - 5);
            }
            m.close("g");
            y += ROW;
        }
        m.empty("line", "class", "axis", "x1", LABEL_X, "x2", LABEL_X, "y1", 2, "y2", y);
        m.close("svg").close("section").newline();
    }

    /** Per country, the cheapest and dearest account's totals on one axis; widest spread first. */
    private static void countries(Markup m, List<CountryCosts> countries, BatchComparison all,
            Map<AccountId, String> colours) {
        Money zero = Money.zero(all.cheapestMix().currency());
        m.open("section", "id", "countries").element("h2", "Per destination country: cheapest and dearest account");
        m.element("p", "For the messages to each country, the total on the cheapest and on the dearest account "
                + "that can price them all; the gap is the spread. Widest spread first.", "class", "note");
        List<CountryCosts> sorted = new ArrayList<>(countries);
        sorted.sort(Comparator.comparing((CountryCosts c) -> c.spread().map(Money::amount).orElse(BigDecimal.ONE
                .negate())).reversed().thenComparing(CountryCosts::country));
        BigDecimal max = BigDecimal.ZERO;
        for (CountryCosts country : countries) {
            Optional<BatchComparison.AccountTotal> dearest = country.dearest();
            if (dearest.isPresent()) {
                max = max.max(dearest.get().total().amount());
            }
        }
        int row = 26;
        int height = Math.max(1, sorted.size()) * row + 14;
        int axis = 440;
        svgOpen(m, "chart-countries", height, "Cheapest and dearest account per destination country");
        int y = 8;
        for (CountryCosts country : sorted) {
            BatchComparison c = country.comparison();
            m.open("g", "class", "country", "data-country", country.country());
            m.element("text", country.country() + "  " + count(c.messages(), "msg", "msgs"), "class", "label",
                    "x", LABEL_X - 10, "y", y + 14);
            Optional<BatchComparison.AccountTotal> cheapest = country.cheapest();
            Optional<BatchComparison.AccountTotal> dearest = country.dearest();
            if (cheapest.isEmpty() || dearest.isEmpty()) {
                m.element("text", "no account can price all of these messages", "class", "muted",
                        "x", LABEL_X, "y", y + 14);
            } else {
                BatchComparison.AccountTotal low = cheapest.get();
                BatchComparison.AccountTotal high = dearest.get();
                double x1 = LABEL_X + axisScale(low.total().amount(), max, axis);
                double x2 = LABEL_X + axisScale(high.total().amount(), max, axis);
                m.empty("line", "class", "axis", "x1", LABEL_X, "x2", LABEL_X + axis, "y1", y + 10, "y2", y + 10,
                        "stroke-dasharray", "1 3");
                m.empty("line", "class", "spread", "x1", fmt(x1), "x2", fmt(x2), "y1", y + 10, "y2", y + 10);
                m.open("circle", "class", "dearest", "cx", fmt(x2), "cy", y + 10, "r", 6,
                        "fill", colours.get(high.account()), "stroke", "#fff", "stroke-width", 1.5);
                m.element("title", "dearest: " + high.account() + " " + amount(high.total())).close("circle");
                m.open("circle", "class", "cheapest", "cx", fmt(x1), "cy", y + 10, "r", 6,
                        "fill", colours.get(low.account()), "stroke", "#1d2430", "stroke-width", 1.5);
                m.element("title", "cheapest: " + low.account() + " " + amount(low.total())).close("circle");
                String text = low.account().equals(high.account())
                        ? "only " + low.account() + " prices them all: " + amount(low.total())
                        : "spread " + amount(country.spread().orElse(zero)) + "; cheapest " + low.account();
                m.element("text", text, "class", "value", "x", LABEL_X + axis + 16, "y", y + 14);
            }
            m.close("g");
            y += row;
        }
        m.close("svg");
        m.open("p", "class", "note");
        for (BatchComparison.AccountTotal total : all.accounts()) {
            // not self-closed: an HTML parser would read <span/> as a start tag
            m.open("span", "class", "swatch", "style", "background:" + colours.get(total.account())).close("span");
            m.text(total.account() + "\u2003");
        }
        m.text("Ringed dot: cheapest; plain dot: dearest.").close("p");
        m.close("section").newline();
    }

    /** The numbers of the charts, in tables a click on a heading sorts. */
    private static void numbers(Markup m, CostReport report) {
        BatchComparison all = report.overall();
        m.open("section", "id", "numbers").element("h2", "The numbers");
        m.element("p", "Click a heading to sort.", "class", "note");
        m.open("div", "class", "scroll").open("table", "id", "accounts", "class", "sortable").open("thead").open("tr");
        for (String heading : List.of("account", "total alone", "priced", "unpriced", "in cheapest mix",
                "share of mix", "mix saves")) {
            m.element("th", heading);
        }
        m.close("tr").close("thead").open("tbody");
        for (BatchComparison.AccountTotal total : all.accounts()) {
            long share = all.mixShare().getOrDefault(total.account(), 0L);
            m.open("tr", "data-account", total.account().toString());
            m.element("td", total.account().toString(), "class", "name");
            accountTotalCell(m, total);
            m.element("td", Long.toString(total.priced()));
            m.element("td", Long.toString(total.unpriced()));
            m.element("td", Long.toString(share));
            m.element("td", percent(share, all.messages()), "data-sort", all.messages() == 0 ? "0"
                    : Double.toString((double) share / all.messages()));
            BatchComparison.Saving saving = all.savings().stream().filter(s -> s.account().equals(total.account()))
                    .findFirst().orElseThrow();
            if (saving.saving().isPresent()) {
                amountCell(m, saving.saving().get());
            } else {
                m.element("td", "n/a: cannot serve " + saving.itemsItCannotServe(), "class", "unpriced");
            }
            m.close("tr");
        }
        m.close("tbody").open("tfoot").open("tr", "class", "mix");
        m.element("td", "cheapest mix", "class", "name");
        amountCell(m, all.cheapestMix());
        m.element("td", Long.toString(all.messages() - all.unroutable()));
        m.element("td", Long.toString(all.unroutable()));
        m.element("td", Long.toString(all.messages() - all.unroutable()));
        m.element("td", percent(all.messages() - all.unroutable(), all.messages()));
        m.element("td", "");
        m.close("tr").close("tfoot").close("table").close("div").newline();

        List<AccountId> accounts = all.accounts().stream().map(BatchComparison.AccountTotal::account).toList();
        m.open("div", "class", "scroll").open("table", "id", "countries-table", "class", "sortable")
                .open("thead").open("tr");
        for (String heading : List.of("country", "messages", "unroutable", "cheapest account", "cheapest total",
                "dearest account", "dearest total", "spread", "cheapest mix")) {
            m.element("th", heading);
        }
        for (AccountId account : accounts) {
            m.element("th", account.toString(), "data-account", account.toString());
        }
        m.close("tr").close("thead").open("tbody");
        for (CountryCosts country : report.countries()) {
            BatchComparison c = country.comparison();
            m.open("tr", "data-country", country.country());
            m.element("td", country.country(), "class", "name");
            m.element("td", Long.toString(c.messages()));
            m.element("td", Long.toString(c.unroutable()));
            Optional<BatchComparison.AccountTotal> cheapest = country.cheapest();
            Optional<BatchComparison.AccountTotal> dearest = country.dearest();
            m.element("td", cheapest.map(t -> t.account().toString()).orElse("none"), "class", "name");
            optionalAmountCell(m, cheapest.map(BatchComparison.AccountTotal::total));
            m.element("td", dearest.map(t -> t.account().toString()).orElse("none"), "class", "name");
            optionalAmountCell(m, dearest.map(BatchComparison.AccountTotal::total));
            optionalAmountCell(m, country.spread());
            amountCell(m, c.cheapestMix());
            for (AccountId account : accounts) {
                accountTotalCell(m, c.accounts().stream().filter(t -> t.account().equals(account)).findFirst()
                        .orElse(new BatchComparison.AccountTotal(account, Money.zero(c.cheapestMix().currency()),
                                0, c.messages())));
            }
            m.close("tr").newline();
        }
        m.close("tbody").close("table").close("div");
        m.close("section").newline();
    }

    /** An account's total: "unpriced" when it prices none of the messages, the unpriced count beside a part total. */
    private static void accountTotalCell(Markup m, BatchComparison.AccountTotal total) {
        if (total.priced() == 0) {
            m.element("td", "unpriced", "class", "unpriced");
        } else if (total.unpriced() > 0) {
            m.element("td", amount(total.total()) + " (" + total.unpriced() + " unpriced)", "class", "amount partial",
                    "data-amount", total.total().plainAmount(), "data-sort", total.total().plainAmount());
        } else {
            amountCell(m, total.total());
        }
    }

    private static void amountCell(Markup m, Money money) {
        m.element("td", amount(money), "class", "amount", "data-amount", money.plainAmount(),
                "data-sort", money.plainAmount());
    }

    private static void optionalAmountCell(Markup m, Optional<Money> money) {
        if (money.isPresent()) {
            amountCell(m, money.get());
        } else {
            m.element("td", "n/a", "class", "unpriced");
        }
    }

    private static void svgOpen(Markup m, String id, int height, String label) {
        m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "viewBox", "0 0 " + WIDTH + " " + height,
                "width", WIDTH, "height", height, "role", "img", "aria-label", label);
    }

    private static Optional<Money> saving(BatchComparison all, AccountId account) {
        return all.savings().stream().filter(s -> s.account().equals(account)).findFirst()
                .flatMap(BatchComparison.Saving::saving);
    }

    /** The same text as JSON's amount, with its currency. */
    static String amount(Money money) {
        return money.plainAmount() + " " + money.currency().getCurrencyCode();
    }

    private static double scale(BigDecimal value, BigDecimal max) {
        return axisScale(value, max, BAR_MAX);
    }

    /** Pixels on an axis of {@code length} for 0 to {@code max}; only the drawing is rounded, never an amount. */
    private static double axisScale(BigDecimal value, BigDecimal max, int length) {
        if (max.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        return value.divide(max, MathContext.DECIMAL64).doubleValue() * length;
    }

    private static String fmt(double pixels) {
        return String.format(Locale.ROOT, "%.1f", pixels);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
