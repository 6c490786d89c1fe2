package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sandbox}: the three emulators as a service for other clients. Prints one JSON line with each vendor's base
 * URL and sandbox credentials, then serves until interrupted; a shutdown hook closes them on Ctrl-C.
 */
@Command(name = "sandbox", description = {"Starts the Twilio, Plivo and Telnyx emulators on loopback, prints one "
        + "line of JSON with each vendor's base URL and sandbox credentials, then serves until interrupted (Ctrl-C).",
        "The official SDKs, curl, or this program with a --config pointing at them can then use them."})
final class SandboxCommand extends CliCommand {

    @Override
    public Integer call() {
        if (root().config() != null) {
            throw CliException.usage("sandbox starts its own emulators; --config does not apply to it");
        }
        EmbeddedSandbox sandbox = root().environment().sandbox().get();
        Thread hook = new Thread(sandbox::close, "switchboard-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            output().line(Json.line(ordered(sandbox.describe())));
            output().out().flush();
            output().note("sandbox serving until interrupted (Ctrl-C)");
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            sandbox.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook closes the sandbox, which is harmless twice
            }
        }
        output().note("sandbox stopped");
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** The description with each vendor's keys sorted, so the line reads the same on every run. */
    private static Map<String, Object> ordered(Map<String, Object> description) {
        Map<String, Object> out = new LinkedHashMap<>();
        description.forEach((vendor, value) -> out.put(vendor,
                value instanceof Map<?, ?> map ? new TreeMap<>(map) : value));
        return out;
    }
}
