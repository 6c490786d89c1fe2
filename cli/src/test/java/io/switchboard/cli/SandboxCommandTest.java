package io.switchboard.cli;

import com.squareup.moshi.Moshi;
import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sandbox}: one JSON line other clients can use, then serving until the thread is interrupted. */
class SandboxCommandTest {

    /** Collects complete lines as they are written, for a reader on another thread. */
    private static final class Lines extends Writer {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder pending = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    lines.add(pending.toString());
                    pending.setLength(0);
                } else if (chars[i] != '\r') {
                    pending.append(chars[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void printsEachVendorsBaseUrlAndCredentialsOnOneLineThenServesUntilInterrupted() throws Exception {
        Lines out = new Lines();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(SwitchboardCli.commandLine(
                CliHarness.environment(Map.of(), EmbeddedSandbox::start, ""), out, err).execute("sandbox")),
                "sandbox-command");
        serving.start();

        String line = out.lines.poll(2, TimeUnit.MINUTES);
        assertThat(line).as("the JSON line").isNotNull();
        Map<String, Map<String, String>> described = (Map<String, Map<String, String>>) (Map<?, ?>)
                new Moshi.Builder().build().adapter(Map.class).fromJson(line);
        Map<String, String> twilio = described.get("twilio");
        Map<String, String> plivo = described.get("plivo");
        Map<String, String> telnyx = described.get("telnyx");
        assertThat(described).containsOnlyKeys("twilio", "plivo", "telnyx");
        assertThat(twilio).containsKeys("baseUrl", "accountSid", "authToken");
        assertThat(plivo).containsKeys("baseUrl", "authId", "authToken");
        assertThat(telnyx).containsKeys("baseUrl", "apiKey", "connectionId");

        HttpClient http = HttpClient.newHttpClient();
        String twilioAccount = twilio.get("baseUrl") + "/2010-04-01/Accounts/" + twilio.get("accountSid") + ".json";
        assertThat(get(http, twilioAccount, basic(twilio.get("accountSid"), twilio.get("authToken")))).isEqualTo(200);
        assertThat(get(http, plivo.get("baseUrl") + "Account/" + plivo.get("authId") + "/",
                basic(plivo.get("authId"), plivo.get("authToken")))).isEqualTo(200);
        assertThat(get(http, telnyx.get("baseUrl") + "/balance", "Bearer " + telnyx.get("apiKey"))).isEqualTo(200);

        serving.interrupt();
        serving.join(TimeUnit.MINUTES.toMillis(2));

        assertThat(serving.isAlive()).as("stopped when interrupted").isFalse();
        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
        assertThat(out.lines).isEmpty();
        assertThat(err.toString()).contains("sandbox serving until interrupted").contains("sandbox stopped");
        assertThatThrownBy(() -> get(http, twilioAccount, basic(twilio.get("accountSid"), twilio.get("authToken"))))
                .as("the emulators are closed").isInstanceOf(ConnectException.class);
    }

    private static int get(HttpClient http, String url, String authorization) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAConfigurationFile() {
        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), () -> {
            throw new AssertionError("not started");
        }, ""), "--config", "switchboard.yaml", "sandbox");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--config does not apply");
    }
}
