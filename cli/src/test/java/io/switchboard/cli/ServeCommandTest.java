package io.switchboard.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.Switchboard;
import io.switchboard.cli.serve.MetricsRoute;
import io.switchboard.cli.serve.RouteServer;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code serve}: the library's meters in Prometheus' text format over real loopback HTTP. */
class ServeCommandTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> request(URI uri, String method) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsShowTheRoutingMetersOfTrafficSentThroughTheSwitchboard() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        try (Switchboard switchboard = sandbox.configure(Switchboard.builder()).meterRegistry(registry).build();
                RouteServer server = RouteServer.builder().route("GET", MetricsRoute.PATH, new MetricsRoute(registry))
                        .start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (String to : List.of("+447700900001", "+447700900002", "+12025550199")) {
                switchboard.messages().send(MessageRequest.sms(PhoneNumber.parse(to), new SenderPool(
                        EmbeddedSandbox.POOL), "hello"));
            }

            HttpResponse<String> response = request(server.uri("/metrics", "127.0.0.1"), "GET");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; "
                    + "charset=utf-8");
            String text = response.body();
            // UK goes to Plivo (0.038), the US to Telnyx (0.004): one accepted attempt each
            assertThat(sample(text, "switchboard_routing_attempts_total", "account=\"plivo:default\"",
                    "country=\"GB\"", "failure=\"none\"", "outcome=\"accepted\"", "vendor=\"plivo\""))
                    .isEqualTo(2.0);
            assertThat(sample(text, "switchboard_routing_attempts_total", "account=\"telnyx:default\"",
                    "country=\"US\"", "outcome=\"accepted\"")).isEqualTo(1.0);
            assertThat(sample(text, "switchboard_routing_deliveries_total", "country=\"GB\"", "outcome=\"sent\""))
                    .isEqualTo(2.0);
            assertThat(sample(text, "switchboard_routing_spend_total", "account=\"plivo:default\"",
                    "country=\"GB\"", "currency=\"USD\"")).isEqualTo(0.076);
            assertThat(sample(text, "switchboard_routing_attempt_latency_seconds_count", "account=\"plivo:default\"",
                    "outcome=\"accepted\"", "vendor=\"plivo\"")).isEqualTo(2.0);
            assertThat(text).contains("# TYPE switchboard_routing_attempts_total counter",
                    "# TYPE switchboard_routing_attempt_latency_seconds summary");
        }
    }

    @Test
    void anUnknownPathIs404AndAnotherMethodOnMetricsIs405() throws Exception {
        AtomicInteger scrapes = new AtomicInteger();
        try (RouteServer server = RouteServer.builder().route("GET", "/metrics", request -> {
            scrapes.incrementAndGet();
            return RouteServer.Response.text(200, "ok\n");
        }).start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {

            assertThat(request(server.uri("/metrics", "127.0.0.1"), "GET").statusCode()).isEqualTo(200);
            assertThat(request(server.uri("/nothing-here", "127.0.0.1"), "GET").statusCode()).isEqualTo(404);
            assertThat(request(server.uri("/metrics/more", "127.0.0.1"), "GET").statusCode())
                    .as("paths match exactly, not by prefix").isEqualTo(404);
            HttpResponse<String> post = request(server.uri("/metrics", "127.0.0.1"), "POST");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET");
            assertThat(request(server.uri("/metrics", "127.0.0.1"), "DELETE").statusCode()).isEqualTo(405);
            assertThat(scrapes).as("only the GET reached the handler").hasValue(1);
        }
    }

    @Test
    void aRequestBodyOverTheLimitIs413AndAFailingHandler500() throws Exception {
        try (RouteServer server = RouteServer.builder().maxBodyBytes(16)
                .route("POST", "/callbacks/test", request -> RouteServer.Response.text(200, request.body().length
                        + " bytes\n"))
                .route("GET", "/broken", request -> {
                    throw new IllegalStateException("secret detail");
                })
                .start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            URI callback = server.uri("/callbacks/test", "127.0.0.1");

            HttpResponse<String> small = http.send(HttpRequest.newBuilder(callback)
                    .POST(HttpRequest.BodyPublishers.ofString("Body=hi")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> large = http.send(HttpRequest.newBuilder(callback)
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(17))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> broken = request(server.uri("/broken", "127.0.0.1"), "GET");

            assertThat(small.statusCode()).isEqualTo(200);
            assertThat(small.body()).isEqualTo("7 bytes\n");
            assertThat(large.statusCode()).isEqualTo(413);
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).doesNotContain("secret detail");
        }
    }

    @Test
    void serveDemoPrintsItsUrlAndServesTheDemosMetersUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(SwitchboardCli.commandLine(CliHarness.on(EmbeddedSandbox.start()),
                out, err).execute("serve", "--port", "0", "--demo", "--messages", "40")), "serve-under-test");
        serve.start();
        try {
            URI metrics = awaitUrl(out, serve);

            HttpResponse<String> response = request(metrics, "GET");

            assertThat(response.statusCode()).isEqualTo(200);
            String text = response.body();
            assertThat(sum(text, "switchboard_routing_deliveries_total", "outcome=\"sent\"")).isEqualTo(40.0);
            assertThat(sum(text, "switchboard_routing_failovers_total")).as(text).isPositive();
            assertThat(sum(text, "switchboard_routing_breaker_transitions_total", "to=\"open\"")).isPositive();
            assertThat(text).contains("process_uptime_seconds");
            assertThat(err.toString()).contains("demo traffic: 40 messages, 40 sent", "ledger check OK");
        } finally {
            serve.interrupt();
            serve.join(60_000);
        }
        assertThat(serve.isAlive()).isFalse();
        assertThat(exit).hasValue(ExitCodes.OK);
        assertThat(err.toString()).contains("switchboard: serve stopped");
        assertThat(out.toString().lines()).hasSize(4).first().asString().startsWith("serving metrics at http://");
        assertThat(out.toString()).contains("/callbacks/twilio/default", "/callbacks/plivo/default",
                "/callbacks/telnyx/default");
    }

    @Test
    void serveReceivesSignedCallbacksAndRefusesForgedOnes() throws Exception {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(SwitchboardCli.commandLine(CliHarness.on(sandbox), out, err)
                .execute("serve", "--port", "0")), "serve-under-test");
        serve.start();
        try {
            URI metrics = awaitUrl(out, serve);
            String receiver = "http://127.0.0.1:" + metrics.getPort() + "/callbacks/telnyx/default";
            assertThat(out.toString()).contains("receiving callbacks at " + receiver);
            String telnyxNumber = sandbox.telnyx().numbers().all().get(0).number();

            String id = sandbox.telnyx().deliverInbound("+447700900555", telnyxNumber, "STOP", receiver);
            assertThat(sandbox.telnyx().callbacks().awaitIdle(Duration.ofSeconds(30))).isTrue();
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(receiver))
                    .header("telnyx-signature-ed25519", "AAAA").header("telnyx-timestamp", "1")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(sandbox.telnyx().callbacks().records(id)).singleElement()
                    .satisfies(r -> assertThat(r.answer()).isEqualTo(200));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).isEqualTo("signature\n");
            String text = request(metrics, "GET").body();
            assertThat(sample(text, "switchboard_callbacks_events_total", "result=\"opt_out\"")).isEqualTo(1.0);
            assertThat(sample(text, "switchboard_callbacks_refused_total", "reason=\"signature\"")).isEqualTo(1.0);
        } finally {
            serve.interrupt();
            serve.join(60_000);
        }
        assertThat(exit).hasValue(ExitCodes.OK);
    }

    @Test
    void badPortAndHostAreUsageErrorsNamingTheOption() {
        CliHarness.Run port = CliHarness.run(CliHarness.environment(java.util.Map.of(), () -> {
            throw new AssertionError("checked before anything starts");
        }, ""), "serve", "--port", "70000");
        CliHarness.Run demoWithConfig = CliHarness.run(CliHarness.environment(java.util.Map.of(), () -> {
            throw new AssertionError("checked before anything starts");
        }, ""), "--config", "switchboard.yaml", "serve", "--demo");

        assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err().lines()).singleElement()
                .isEqualTo("switchboard serve: '--port' must be between 0 and 65535, got 70000");
        assertThat(demoWithConfig.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(demoWithConfig.err()).contains("--demo runs on the embedded sandbox");
    }

    /** The URL of the one line serve prints, once it is printed. */
    private static URI awaitUrl(StringWriter out, Thread serve) {
        Pattern line = Pattern.compile("serving metrics at (http://\\S+)");
        return await("serve printing its URL").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Matcher m = line.matcher(out.toString());
                    if (m.find()) {
                        return Optional.of(URI.create(m.group(1)));
                    }
                    if (!serve.isAlive()) {
                        throw new AssertionError("serve printed no URL: " + out);
                    }
                    return Optional.<URI>empty();
                }, Optional::isPresent).orElseThrow();
    }

    /** The value of the one sample of {@code name} whose labels include all of {@code labels}. */
    private static double sample(String text, String name, String... labels) {
        List<Double> values = samples(text, name, labels);
        assertThat(values).as("one sample of %s with %s in:%n%s", name, List.of(labels), text).hasSize(1);
        return values.get(0);
    }

    private static double sum(String text, String name, String... labels) {
        return samples(text, name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> samples(String text, String name, String... labels) {
        return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toList();
    }
}
