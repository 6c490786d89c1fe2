package io.switchboard.benchmarks.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.http.EmulatorServer;
import io.switchboard.sandbox.http.Faults;
import io.switchboard.sandbox.http.Match;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.RequestStats;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The three vendor emulators in a JVM of their own, so that a benchmark's client does not share their heap, JIT and
 * GC. Prints {@code key=value} lines (base URLs, credentials, the control URL), then {@code ready}, and serves until
 * killed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.switchboard.benchmarks.send.SandboxMain [--threads 64] [--latency-ms 0] [--stub]
 * </pre>
 *
 * <p>With {@code --stub} the base URLs printed are those of no-work stubs that answer every send with one canned
 * response of the vendor (see {@link #startStubs}).
 *
 * <p>A small control server (GET, plain-text answers) lets the benchmark read and script the emulators from its own
 * JVM: {@code /describe}, {@code /stats}, {@code /reset}, {@code /latency?ms=}, {@code /fail?vendor=&status=&count=}
 * (the vendor's own error body on its send path; a 429 carries Retry-After: 1 as the vendors send it),
 * {@code /clear?vendor=}, {@code /recent?vendor=&n=} (the last requests as received) and {@code /forget} (drops the
 * shared ledger so that long runs keep a bounded heap).
 *
 * <p>Three settings differ from a test's defaults, all on the server side and the same for every client: the
 * Telnyx emulator's API budget (2,000 requests a minute, answered with 429 beyond it) is lifted and the Telnyx and
 * Plivo balances are raised, since a benchmark sends far more than a test on one account; and {@code --threads}
 * sizes each emulator's handler pool, which with injected latency bounds how many requests it serves at once (a
 * real vendor serves many more).
 */
public final class SandboxMain {

    /** Where each vendor's send requests go: what {@code /fail} and the send counts match. */
    static final Map<String, String> SEND_PATHS = Map.of(
            "twilio", "/2010-04-01/Accounts/" + TwilioEmulator.ACCOUNT_SID + "/Messages.json",
            "plivo", "/v1/Account/" + PlivoEmulator.AUTH_ID + "/Message/",
            "telnyx", "/v2/messages");

    /** The sandbox accounts' balance: enough for any run (Telnyx starts with 100 USD, about 25,000 US sends). */
    private static final BigDecimal FUNDS = new BigDecimal("1000000000");

    private final Map<String, VendorEmulator> emulators = new LinkedHashMap<>();
    private final Map<String, EmulatorServer> stubs = new LinkedHashMap<>();
    private final Map<String, RequestStats> stubStats = new LinkedHashMap<>();
    private final EmulatorConfig config;
    private volatile Duration latency;

    private SandboxMain(int threads, Duration latency) {
        this.config = EmulatorConfig.ofDefaults().withThreads(threads).withSeed(42);
        this.latency = latency;
        TelnyxEmulator telnyx = new TelnyxEmulator(config);
        telnyx.apiRateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1));
        telnyx.setBalance(FUNDS, BigDecimal.ZERO);
        PlivoEmulator plivo = new PlivoEmulator(config);
        plivo.setCashCredits(PlivoEmulator.AUTH_ID, FUNDS);
        emulators.put("twilio", new TwilioEmulator(config));
        emulators.put("plivo", plivo);
        emulators.put("telnyx", telnyx);
        emulators.values().forEach(VendorEmulator::start);
        applyLatency();
    }

    public static void main(String[] args) throws Exception {
        int threads = 64;
        long latencyMs = 0;
        boolean stub = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--latency-ms" -> latencyMs = Long.parseLong(args[++i]);
                case "--stub" -> stub = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --threads N, --latency-ms N, --stub)");
            }
        }
        SandboxMain sandbox = new SandboxMain(threads, Duration.ofMillis(latencyMs));
        if (stub) {
            sandbox.startStubs(threads);
        }
        HttpServer control = sandbox.control();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.stop(0);
            sandbox.stubs.values().forEach(EmulatorServer::close);
            sandbox.emulators.values().forEach(VendorEmulator::close);
        }));
        System.out.print(sandbox.describe());
        System.out.println("control=http://127.0.0.1:" + control.getAddress().getPort());
        System.out.println("ready");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private String describe() {
        TelnyxEmulator telnyx = (TelnyxEmulator) emulators.get("telnyx");
        boolean stub = !stubs.isEmpty();
        StringBuilder out = new StringBuilder();
        out.append("twilio.baseUrl=").append(stub ? stubs.get("twilio").baseUrl()
                : emulators.get("twilio").baseUrl()).append('\n');
        out.append("twilio.accountSid=").append(TwilioEmulator.ACCOUNT_SID).append('\n');
        out.append("twilio.authToken=").append(TwilioEmulator.AUTH_TOKEN).append('\n');
        out.append("plivo.baseUrl=").append(stub ? stubs.get("plivo").baseUrl() + "/v1/"
                : ((PlivoEmulator) emulators.get("plivo")).apiBaseUrl()).append('\n');
        out.append("plivo.authId=").append(PlivoEmulator.AUTH_ID).append('\n');
        out.append("plivo.authToken=").append(PlivoEmulator.AUTH_TOKEN).append('\n');
        out.append("telnyx.baseUrl=").append(stub ? stubs.get("telnyx").baseUrl() + "/v2"
                : telnyx.apiBaseUrl()).append('\n');
        out.append("telnyx.apiKey=").append(telnyx.apiKey()).append('\n');
        out.append("telnyx.messagingProfileId=").append(TelnyxEmulator.MESSAGING_PROFILE_ID).append('\n');
        out.append("threads=").append(config.threads()).append('\n');
        out.append("latencyMs=").append(latency.toMillis()).append('\n');
        out.append("server=").append(stub ? "stub" : "emulators").append('\n');
        return out.toString();
    }

    /**
     * No-work stubs in front of the emulators, on the same server code (JDK server, handler pool, TCP_NODELAY):
     * each vendor's send answers with the same canned response, captured from its emulator at start; any other
     * request (the facade's price warm-up) is passed to the emulator. For the client's own cost, without the
     * emulators' work (parsing, billing, storing) on the same CPUs.
     */
    private void startStubs(int threads) throws IOException {
        for (String vendor : emulators.keySet()) {
            VendorEmulator emulator = emulators.get(vendor);
            Response canned = forward(emulator, "POST", SEND_PATHS.get(vendor), SAMPLE_SENDS.get(vendor));
            if (canned.status() >= 300) {
                throw new IllegalStateException(vendor + " refused the sample send: " + canned.bodyText());
            }
            RequestStats stats = new RequestStats();
            String sendPath = SEND_PATHS.get(vendor);
            EmulatorServer server = new EmulatorServer("stub-" + vendor, threads, new Faults(), stats, request ->
                    request.method().equals("POST") && request.path().equals(sendPath) ? canned
                            : forward(emulator, request.method(), request.path()
                                    + (request.rawQuery() == null ? "" : "?" + request.rawQuery()), null));
            server.start();
            stubs.put(vendor, server);
            stubStats.put(vendor, stats);
        }
    }

    /** A sample send of each vendor, as the raw clients send it: the stubs' canned answers come from these. */
    private static final Map<String, String[]> SAMPLE_SENDS = Map.of(
            "twilio", new String[] {"application/x-www-form-urlencoded",
                "To=%2B14155552600&From=%2B12025550101&Body=Your%20code%20is%20481516."},
            "plivo", new String[] {"application/json",
                "{\"src\":\"+12025550111\",\"dst\":\"+14155552600\",\"text\":\"Your code is 481516.\",\"type\":\"sms\"}"},
            "telnyx", new String[] {"application/json", "{\"from\":\"+12025550121\",\"to\":\"+14155552600\","
                + "\"text\":\"Your code is 481516.\",\"type\":\"SMS\",\"messaging_profile_id\":\""
                + TelnyxEmulator.MESSAGING_PROFILE_ID + "\"}"});

    /** One request to an emulator with the sandbox credentials; its answer with its headers. */
    private Response forward(VendorEmulator emulator, String method, String pathAndQuery, String[] body) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(emulator.baseUrl() + pathAndQuery).openConnection();
            c.setRequestMethod(method);
            String vendor = emulator.vendor();
            c.setRequestProperty("Authorization", switch (vendor) {
                case "twilio" -> basic(TwilioEmulator.ACCOUNT_SID, TwilioEmulator.AUTH_TOKEN);
                case "plivo" -> basic(PlivoEmulator.AUTH_ID, PlivoEmulator.AUTH_TOKEN);
                default -> "Bearer " + ((TelnyxEmulator) emulator).apiKey();
            });
            c.setRequestProperty("Accept", "application/json");
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", body[0]);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body[1].getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            byte[] bytes = (status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes();
            Response response = Response.of(status).withBody(c.getContentType(), bytes);
            for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
                String name = h.getKey();
                if (name != null && !List.of("content-type", "content-length", "date", "connection",
                        "transfer-encoding").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    response = response.withHeader(name, h.getValue().get(0));
                }
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void applyLatency() {
        emulators.values().forEach(e -> e.faults().latency(latency));
    }

    private HttpServer control() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sandbox-control");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String body;
        int status = 200;
        try {
            body = switch (exchange.getRequestURI().getPath()) {
                case "/describe" -> describe();
                case "/stats" -> stats();
                case "/reset" -> {
                    emulators.values().forEach(e -> e.stats().reset());
                    stubStats.values().forEach(RequestStats::reset);
                    yield "ok\n";
                }
                case "/forget" -> {
                    config.ledger().clear();
                    yield "ok\n";
                }
                case "/latency" -> {
                    latency = Duration.ofMillis(Long.parseLong(q.get("ms")));
                    applyLatency();
                    yield "ok\n";
                }
                case "/fail" -> {
                    String vendor = q.get("vendor");
                    emulator(vendor).failNext(Integer.parseInt(q.getOrDefault("count", "1")),
                            Match.of("POST", SEND_PATHS.get(vendor)), Integer.parseInt(q.get("status")));
                    yield "ok\n";
                }
                case "/clear" -> {
                    VendorEmulator e = emulator(q.get("vendor"));
                    e.faults().clear();
                    e.faults().latency(latency);
                    yield "ok\n";
                }
                case "/recent" -> recent(emulator(q.get("vendor")), Integer.parseInt(q.getOrDefault("n", "1")));
                default -> throw new IllegalArgumentException("unknown control path "
                        + exchange.getRequestURI().getPath());
            };
        } catch (RuntimeException e) {
            status = 400;
            body = e + "\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private VendorEmulator emulator(String vendor) {
        VendorEmulator e = emulators.get(vendor);
        if (e == null) {
            throw new IllegalArgumentException("no emulator '" + vendor + "'; one of " + emulators.keySet());
        }
        return e;
    }

    /** Per vendor: requests received, POSTs to the send path, and distinct client connections that sent one. */
    private String stats() {
        StringBuilder out = new StringBuilder();
        emulators.forEach((vendor, e) -> {
            RequestStats s = stubs.isEmpty() ? e.stats() : stubStats.get(vendor);
            out.append(vendor).append(".requests=").append(s.total()).append('\n');
            out.append(vendor).append(".sends=").append(s.count("POST", SEND_PATHS.get(vendor))).append('\n');
            out.append(vendor).append(".connections=").append(s.connections()).append('\n');
        });
        out.append("ledger=").append(config.ledger().size()).append('\n');
        out.append("cpuNanos=").append(((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()).append('\n');
        return out.toString();
    }

    private static String recent(VendorEmulator e, int n) {
        List<Request> recent = e.stats().recent();
        StringBuilder out = new StringBuilder();
        for (Request r : recent.subList(Math.max(0, recent.size() - n), recent.size())) {
            out.append(r.method()).append(' ').append(r.path()).append('\n');
            r.headers().forEach((k, v) -> out.append(k).append(": ").append(String.join(", ", v)).append('\n'));
            out.append('\n').append(r.bodyText()).append("\n----\n");
        }
        return out.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
