package io.switchboard.cli;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.Switchboard;
import io.switchboard.cli.serve.CallbacksRoute;
import io.switchboard.cli.serve.MetricsRoute;
import io.switchboard.cli.serve.RouteServer;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.ErrorText;
import io.switchboard.testing.EmbeddedSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code serve}: the Switchboard the other commands build, kept running behind a small HTTP server whose first route
 * is {@code GET /metrics}, the library's meters in Prometheus' text format. Runs until interrupted; a shutdown hook
 * stops the server and closes the Switchboard on Ctrl-C or SIGTERM.
 */
@Command(name = "serve", description = {"Builds the Switchboard (the embedded sandbox, or --config) and serves its "
        + "metrics in Prometheus' text format at http://HOST:PORT/metrics until interrupted (Ctrl-C). Prints the "
        + "URL on one line.", "It also receives the vendors' status callbacks and inbound messages, one path per "
        + "account: <path of callbacks.baseUrl, or /callbacks>/<vendor>/<account>, verified with the account's "
        + "key (see docs/lifecycle.md).", "With --demo, first sends the demo's traffic (see 'demo') through it, so that the "
        + "metrics show routing, failover and spend."})
final class ServeCommand extends CliCommand {

    /** Where the callback receiver is mounted when the configuration sets no callbacks.baseUrl. */
    static final String CALLBACKS_PATH = "/callbacks";

    static final int DEFAULT_PORT = 8470;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT, description = "TCP port "
            + "(default: ${DEFAULT-VALUE}); 0 picks a free one, printed in the URL.")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to listen on "
            + "(default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--demo", description = "Before serving, send the demo's traffic through the served Switchboard "
            + "on the embedded sandbox, the cheapest provider going down half-way (not with --config).")
    boolean demo;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "300", description = "With --demo: how many "
            + "messages (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "With --demo: seed of the "
            + "traffic (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw CliException.usage("'--port' must be between 0 and 65535, got " + port);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw CliException.usage("'--host' " + ErrorText.quote(host) + " is not an address of this machine");
        }
        if (demo) {
            if (root().config() != null) {
                throw CliException.usage("--demo runs on the embedded sandbox; --config does not apply to it");
            }
            DemoCommand.checkRange(messages, 1);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new UptimeMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        EmbeddedSandbox sandbox = null;
        Switchboard switchboard;
        if (demo) {
            output().note("serve: running on the embedded sandbox (Twilio, Plivo and Telnyx emulators on loopback)");
            sandbox = root().environment().sandbox().get();
            switchboard = DemoCommand.switchboard(sandbox, builder -> builder.meterRegistry(registry));
        } else {
            switchboard = Session.open(root(), builder -> builder.meterRegistry(registry)).switchboard();
        }
        RouteServer server;
        // The receiver for the vendors' callbacks: under the configured callbacks.baseUrl's path, or /callbacks.
        Optional<URI> callbackBase = switchboard.deliveries().callbackBaseUrl();
        String callbacksPath = callbackBase.map(URI::getRawPath).map(p -> p.endsWith("/")
                ? p.substring(0, p.length() - 1) : p).filter(p -> !p.isEmpty()).orElse(CALLBACKS_PATH);
        AtomicReference<String> origin = new AtomicReference<>(callbackBase
                .map(u -> u.getScheme() + "://" + u.getRawAuthority()).orElse(null));
        List<String> callbackPaths = new ArrayList<>();
        try {
            RouteServer.Builder routes = RouteServer.builder()
                    .route("GET", MetricsRoute.PATH, new MetricsRoute(registry));
            CallbacksRoute callbacks = new CallbacksRoute(switchboard.deliveries(), origin::get);
            for (AccountId account : switchboard.accounts()) {
                String path = callbacksPath + "/" + account.vendor().name() + "/" + account.name();
                routes.route("POST", path, callbacks).route("GET", path, callbacks);
                callbackPaths.add(path);
            }
            server = routes.start(address);
            origin.compareAndSet(null, "http://" + host + ":" + server.address().getPort());
        } catch (IOException e) {
            switchboard.close();
            throw new CliException(ExitCodes.FAILURE, "cannot listen on " + host + " port " + port + ": "
                    + (e instanceof BindException ? "the address is in use or not this machine's"
                    : ErrorText.oneLine(String.valueOf(e.getMessage()))), e);
        }
        Stopper stopper = new Stopper(server, switchboard, output());
        Thread hook = new Thread(stopper::stop, "switchboard-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            if (demo) {
                DemoReport report = DemoCommand.run(sandbox, switchboard, DemoTraffic.generate(seed, messages), 1);
                output().note("demo traffic: " + report.messages + " messages, " + report.sent + " sent, "
                        + report.failedOver + " failed over from " + report.outage + ", " + report.notSent.size()
                        + " not sent; ledger check " + (report.ok() ? "OK" : "FAILED: " + report.problems.get(0)));
            }
            String url = server.uri(MetricsRoute.PATH, host).toString();
            List<String> receivers = callbackPaths.stream().map(p -> origin.get() + p).toList();
            if (output().isJson()) {
                output().json(Json.obj().with("metrics", url).with("callbacks", receivers));
            } else {
                output().line("serving metrics at " + url);
                receivers.forEach(r -> output().line("receiving callbacks at " + r));
            }
            output().out().flush();
            if (!address.getAddress().isLoopbackAddress()) {
                output().note("listening beyond this machine: whoever reaches " + host + " can read the metrics");
            }
            output().note("serving until interrupted (Ctrl-C)");
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            stopper.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook stops the same things, once
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** Stops the server, then closes the Switchboard (and the sandbox it runs on), once, from whichever comes first. */
    private static final class Stopper {
        private final RouteServer server;
        private final Switchboard switchboard;
        private final Output output;
        private final AtomicBoolean stopped = new AtomicBoolean();

        Stopper(RouteServer server, Switchboard switchboard, Output output) {
            this.server = server;
            this.switchboard = switchboard;
            this.output = output;
        }

        void stop() {
            if (stopped.compareAndSet(false, true)) {
                server.close();
                switchboard.close();
                output.note("serve stopped");
            }
        }
    }
}
