package io.switchboard.cli;

import io.switchboard.application.AccountSettings;
import io.switchboard.application.BreakerSettings;
import io.switchboard.application.CostTable;
import io.switchboard.application.Delivery;
import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.ResendPolicy;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.Switchboard;
import io.switchboard.SwitchboardBuilder;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.http.Match;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code demo}: a few hundred messages over the embedded sandbox with least-cost routing; half-way, the account that
 * was cheapest for most of them goes down (every send answered 503). Prints what happened and checks the emulators'
 * ledger: exit 0 only when every message was accepted at most once and none was lost.
 */
@Command(name = "demo", description = {"Sends a few hundred messages (GSM-7 and UCS-2, to eight countries) through "
        + "the embedded sandbox with least-cost routing, takes the cheapest provider down half-way, and prints what "
        + "happened: per account sent, failed over and spend, the failovers, and a check against the emulators' "
        + "ledger that no message was accepted twice and none was lost.", "Exit 0 only when that check holds."})
final class DemoCommand extends CliCommand {

    @Option(names = "--messages", paramLabel = "N", defaultValue = "300", description = "How many messages "
            + "(default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Seed of the traffic "
            + "(default: ${DEFAULT-VALUE}); the same seed prints the same report.")
    long seed;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", description = "Messages in flight at once "
            + "(default: ${DEFAULT-VALUE}). Above 1 it runs faster, but how many sends reach the failing provider "
            + "before its circuit breaker opens varies from run to run.")
    int concurrency;

    @Override
    public Integer call() {
        if (root().config() != null) {
            throw CliException.usage("demo always runs on the embedded sandbox; --config does not apply to it");
        }
        checkRange(messages, concurrency);
        output().note("demo: running on the embedded sandbox (Twilio, Plivo and Telnyx emulators on loopback)");
        EmbeddedSandbox sandbox = root().environment().sandbox().get();
        try (Switchboard switchboard = switchboard(sandbox, builder -> { })) {
            DemoReport report = run(sandbox, switchboard, DemoTraffic.generate(seed, messages), concurrency);
            if (output().isJson()) {
                output().json(json(report));
            } else {
                print(report);
            }
            if (!report.ok()) {
                output().note("ledger check failed: " + report.problems.get(0));
            }
            return report.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** A usage error unless {@code messages} and {@code concurrency} are in the demo's range. */
    static void checkRange(int messages, int concurrency) {
        if (messages < 2 || messages > 100_000) {
            throw CliException.usage("'--messages' must be between 2 and 100000, got " + messages);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw CliException.usage("'--concurrency' must be between 1 and 64, got " + concurrency);
        }
    }

    /**
     * The demo's Switchboard on {@code sandbox}, which it closes; {@code customize} may add to the builder (a meter
     * registry). Plivo declares 100 requests a minute; the emulators enforce no limit, and a demo that spent the
     * budget in its first second would route by the wall clock instead of by price, so the budget is lifted.
     */
    static Switchboard switchboard(EmbeddedSandbox sandbox, Consumer<SwitchboardBuilder> customize) {
        DemoCallbacks callbacks = null;
        try {
            callbacks = new DemoCallbacks();
            DemoCallbacks receiver = callbacks;
            SwitchboardBuilder builder = sandbox.configure(Switchboard.builder())
                    .accountSettings(EmbeddedSandbox.PLIVO, AccountSettings.ofDefaults()
                            .withRateLimit(RateLimit.of(1_000_000, Duration.ofMinutes(1))))
                    // Once open, the outage account's breaker stays open for the rest of the run, however long the
                    // machine takes: then the report is the same on every run with the same seed.
                    .breakers(new BreakerSettings(BreakerSettings.DEFAULT_FAILURE_RATE,
                            BreakerSettings.DEFAULT_SLOW_CALL_RATE, BreakerSettings.DEFAULT_SLOW_CALL_DURATION,
                            BreakerSettings.DEFAULT_WINDOW, BreakerSettings.DEFAULT_MINIMUM_CALLS,
                            Duration.ofMinutes(30), BreakerSettings.DEFAULT_HALF_OPEN_CALLS))
                    .callbackBaseUrl(receiver.baseUrl())
                    .resend(ResendPolicy.within(Duration.ofMinutes(10), 1))
                    .closing(receiver); // closed before the sandbox, which configure() handed over first
            customize.accept(builder);
            Switchboard switchboard = builder.build();
            receiver.mount(switchboard);
            return switchboard;
        } catch (RuntimeException e) {
            if (callbacks != null) {
                callbacks.close();
            }
            sandbox.close();
            throw e;
        }
    }

    /**
     * Sends {@code traffic} in two halves; before the second, the account cheapest for most of the first goes down
     * (its emulator answers every send with 503). The report, checked against the emulators' ledger.
     */
    static DemoReport run(EmbeddedSandbox sandbox, Switchboard switchboard, List<MessageRequest> traffic,
            int concurrency) {
        int messages = traffic.size();
        List<AccountId> cheapest = new ArrayList<>(messages);
        for (MessageRequest request : traffic) {
            cheapest.add(switchboard.costs().quote(request.to(), request.text()).cheapest()
                    .map(CostTable.Row::account).orElse(null));
        }
        int half = messages / 2;
        // Carrier filtering: the provider cheapest for the busiest destination answers every send there undelivered.
        Map<String, Long> byCountry = new TreeMap<>();
        traffic.forEach(r -> byCountry.merge(r.to().regionCode(), 1L, Long::sum));
        String filteredCountry = byCountry.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElseThrow();
        Map<AccountId, Long> cheapestThere = new TreeMap<>();
        int callingCode = 0;
        for (int i = 0; i < messages; i++) {
            if (traffic.get(i).to().regionCode().equals(filteredCountry)) {
                callingCode = traffic.get(i).to().countryCallingCode();
                if (cheapest.get(i) != null) {
                    cheapestThere.merge(cheapest.get(i), 1L, Long::sum);
                }
            }
        }
        AccountId filtered = cheapestThere.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(EmbeddedSandbox.TWILIO);
        DemoCallbacks.filter(sandbox, filtered, callingCode);
        AtomicReferenceArray<Delivery> deliveries = new AtomicReferenceArray<>(messages);
        switchboard.messages().sendAll(traffic.subList(0, half), concurrency,
                (index, delivery) -> deliveries.set((int) index, delivery));
        Map<AccountId, Long> firstHalf = new TreeMap<>();
        cheapest.subList(0, half).stream().filter(Objects::nonNull)
                .forEach(account -> firstHalf.merge(account, 1L, Long::sum));
        AccountId outage = firstHalf.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(EmbeddedSandbox.TELNYX);
        emulator(sandbox, outage).failNext(Integer.MAX_VALUE, Match.method("POST"), 503);
        switchboard.messages().sendAll(traffic.subList(half, messages), concurrency,
                (index, delivery) -> deliveries.set(half + (int) index, delivery));
        Map<Integer, DeliveryRecord> records;
        try {
            records = DemoCallbacks.settle(sandbox, switchboard, deliveries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILURE, "interrupted while the last callbacks came in", e);
        }
        return new DemoReport(traffic, deliveries, cheapest, half, outage, firstHalf.getOrDefault(outage, 0L),
                switchboard.router().breakerState(outage), switchboard.accounts(), sandbox.ledger(),
                new DemoReport.Filtering(filtered, filteredCountry, DemoCallbacks.filteringCode(filtered)), records);
    }

    private static VendorEmulator emulator(EmbeddedSandbox sandbox, AccountId account) {
        return switch (account.vendor().name()) {
            case "twilio" -> sandbox.twilio();
            case "plivo" -> sandbox.plivo();
            default -> sandbox.telnyx();
        };
    }

    private void print(DemoReport r) {
        Output out = output();
        out.line("Switchboard demo on the embedded sandbox: " + r.messages + " messages (seed " + seed
                + "), least-cost routing, at most once");
        out.line("  destinations: " + r.countries.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        out.line("  texts: " + r.encodings.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")));
        out.line("  messages 1-" + r.half + ": " + r.outage + " was the cheapest for " + r.outageShareOfFirstHalf
                + " of them");
        out.line("  outage: from message " + (r.half + 1) + " on, " + r.outage + " answers every send with HTTP 503");
        out.line("  carrier filtering: " + r.filtering.account() + " reports every message to "
                + r.filtering.country() + " undelivered (error " + r.filtering.errorCode()
                + "); re-sent once through another provider");
        out.line("");
        Table table = new Table("account", "cheapest for", "sent", "failed over from", "quoted",
                "billed (emulator ledger)");
        r.accounts.forEach((account, line) -> table.row(account, line.cheapestFor, line.sent, line.failedOverFrom,
                line.quoted == null ? "0" : line.quoted, line.billed.toPlainString() + " " + line.currency));
        out.table(table);
        out.line("");
        out.line("failovers: " + r.failedOver + " message" + (r.failedOver == 1 ? "" : "s"));
        r.failovers.forEach((route, reasons) -> out.line("  " + route + ": " + reasons.values().stream()
                .mapToLong(Long::longValue).sum() + " (" + reasons.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")"));
        out.line("not sent: " + r.notSent.size() + ", outcome unknown: " + r.unknown.size());
        r.notSent.forEach(line -> out.line("  " + line));
        r.unknown.forEach(line -> out.line("  " + line));
        out.line("after acceptance (status callbacks): " + r.delivered + " delivered, " + r.undelivered
                + " undelivered, " + r.waiting + " with no final status; " + r.resent + " re-sent, of which "
                + r.deliveredAfterResend + " delivered");
        if (!r.resendBilled.isEmpty()) {
            out.line("  re-sends billed: " + r.resendBilled.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().toPlainString()).collect(Collectors.joining(", ")));
        }
        out.line("");
        if (r.ok()) {
            out.line("ledger check: OK. The emulators accepted " + r.ledgerMessages + " messages for " + r.sent
                    + " sent and " + r.resent + " re-sent: each sent message exactly once, where its delivery says,"
                    + " and each re-send once more, where its record says; none accepted twice; none lost.");
        } else {
            out.line("ledger check: FAILED");
            r.problems.forEach(problem -> out.line("  " + problem));
        }
    }

    private Json.Obj json(DemoReport r) {
        return Json.obj().with("messages", r.messages).with("seed", seed)
                .with("destinations", r.countries).with("texts", r.encodings)
                .with("outage", Json.obj().with("account", r.outage.toString()).with("fromMessage", r.half + 1)
                        .with("fault", "HTTP 503 on every send").with("cheapestForInFirstHalf", r.outageShareOfFirstHalf))
                .with("accounts", r.accounts.entrySet().stream().map(e -> Json.obj()
                        .with("account", e.getKey().toString()).with("cheapestFor", e.getValue().cheapestFor)
                        .with("sent", e.getValue().sent)
                        .with("failedOverFrom", e.getValue().failedOverFrom)
                        .with("quoted", e.getValue().quoted == null ? null : JsonViews.money(e.getValue().quoted))
                        .with("billed", Json.obj().with("amount", e.getValue().billed.toPlainString())
                                .with("currency", e.getValue().currency))).toList())
                .with("failedOver", r.failedOver)
                .with("failovers", r.failovers.entrySet().stream().map(e -> Json.obj()
                        .with("route", e.getKey()).with("reasons", e.getValue())).toList())
                .with("notSent", r.notSent).with("outcomeUnknown", r.unknown)
                .with("carrierFiltering", Json.obj().with("account", r.filtering.account().toString())
                        .with("country", r.filtering.country()).with("errorCode", r.filtering.errorCode()))
                .with("afterAcceptance", Json.obj().with("delivered", r.delivered)
                        .with("undelivered", r.undelivered).with("noFinalStatus", r.waiting)
                        .with("resent", r.resent).with("deliveredAfterResend", r.deliveredAfterResend)
                        .with("resendBilled", r.resendBilled.entrySet().stream().map(e -> Json.obj()
                                .with("account", e.getKey().toString())
                                .with("amount", e.getValue().toPlainString())).toList()))
                .with("ledgerCheck", Json.obj().with("ok", r.ok()).with("accepted", r.ledgerMessages)
                        .with("sent", r.sent).with("resent", r.resent).with("problems", r.problems));
    }
}
