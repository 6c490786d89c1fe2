package io.switchboard.benchmarks.send;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The client's handle on a {@link SandboxMain} in another JVM: either started here as a child process (and killed on
 * {@link #close()}), or an already running one reached through its control URL.
 */
final class Sandbox implements AutoCloseable {

    private final Process process;
    private final String control;
    private final Map<String, String> description;

    private Sandbox(Process process, String control) {
        this.process = process;
        this.control = control;
        this.description = parse(call("/describe"));
        description.put("control", control);
    }

    /**
     * Starts {@code SandboxMain} in a JVM of its own from this process's class path, with {@code jvmArgs}, and waits
     * for it to print {@code ready}.
     */
    static Sandbox launch(List<String> jvmArgs, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SandboxMain.class.getName());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String control = null;
            for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) {
                if (line.startsWith("control=")) {
                    control = line.substring("control=".length());
                }
            }
            if (control == null) {
                process.destroyForcibly();
                throw new IllegalStateException("the sandbox JVM ended before it was ready: " + command);
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "sandbox-stdout");
            drain.setDaemon(true);
            drain.start();
            System.out.println("# sandbox JVM pid " + process.pid() + ": " + String.join(" ", jvmArgs) + " "
                    + String.join(" ", args));
            return new Sandbox(process, control);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Sandbox(Sandbox original, Map<String, String> description) {
        this.process = null;
        this.control = original.control;
        this.description = description;
    }

    /** The same sandbox described with one value replaced (a base URL pointing elsewhere); closing it does nothing. */
    Sandbox with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(description);
        copy.put(key, value);
        return new Sandbox(this, copy);
    }

    /** A sandbox started elsewhere, by its control URL ({@code control=...} in its output). */
    static Sandbox attach(String controlUrl) {
        return new Sandbox(null, controlUrl);
    }

    String get(String key) {
        String value = description.get(key);
        if (value == null) {
            throw new IllegalStateException("the sandbox did not describe '" + key + "'");
        }
        return value;
    }

    Map<String, Long> stats() {
        Map<String, Long> out = new LinkedHashMap<>();
        parse(call("/stats")).forEach((k, v) -> out.put(k, Long.parseLong(v)));
        return out;
    }

    void reset() {
        call("/reset");
    }

    void forget() {
        call("/forget");
    }

    void latency(long millis) {
        call("/latency?ms=" + millis);
    }

    void fail(String vendor, int status, int count) {
        call("/fail?vendor=" + vendor + "&status=" + status + "&count=" + count);
    }

    void clear(String vendor) {
        call("/clear?vendor=" + vendor);
    }

    String recent(String vendor, int n) {
        return call("/recent?vendor=" + vendor + "&n=" + n);
    }

    /** One control request; its plain-text answer. */
    String call(String pathAndQuery) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(control + pathAndQuery).openConnection();
            c.setConnectTimeout(5_000);
            c.setReadTimeout(30_000);
            int status = c.getResponseCode();
            String body = new String((status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException("sandbox control " + pathAndQuery + " answered " + status + ": " + body);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox control " + pathAndQuery, e);
        }
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
