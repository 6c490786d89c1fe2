package io.switchboard.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.plivo.PlivoConnector;
import io.switchboard.adapters.plivo.PlivoSignature;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.telnyx.TelnyxConnector;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.adapters.twilio.TwilioConnector;
import io.switchboard.adapters.twilio.TwilioWebhookSignature;
import io.switchboard.application.Delivery;
import io.switchboard.application.lifecycle.CallbackReceiver;
import io.switchboard.application.lifecycle.Lifecycle;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.ProviderConnector;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Callback ingestion as {@code serve} or a web application runs it, minus the HTTP server: one verified callback
 * through {@link CallbackReceiver#receive} (account from the path, signature check, parse) applied to an in-memory
 * delivery record (each callback moves a different message from queued to delivered). Each iteration starts from
 * fresh records; the callbacks are signed in the set-up, never in the measured code. One thread: ops/s is per core.
 * Telnyx's Ed25519 check dominates its number, so it runs on fewer prepared callbacks (a second pass over them is
 * a replay, answered after the same signature check).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class CallbackIngestBenchmark {

    private static final int MESSAGES = 150_000;
    private static final int TELNYX_MESSAGES = 4_000;
    private static final String BASE = "https://hooks.example.com/sb";
    private static final String TWILIO_SID = "AC5b0a7f3c9d2e4f60718293a4b5c6d7e8";
    private static final String TWILIO_TOKEN = "bench-twilio-auth-token";
    private static final String PLIVO_ID = "MAXXXXXXXXXXXXXXXXXX";
    private static final String PLIVO_TOKEN = "bench-plivo-auth-token";

    private final AccountId twilioAccount = AccountId.parse("twilio:default");
    private final AccountId plivoAccount = AccountId.parse("plivo:default");
    private final AccountId telnyxAccount = AccountId.parse("telnyx:default");

    private List<ProviderConnector> connectors;
    private KeyPair telnyxKeys;
    private Prepared[] twilio;
    private Prepared[] plivo;
    private Prepared[] telnyx;
    private Lifecycle lifecycle;
    private CallbackReceiver receiver;
    private int next;
    private final Map<Lifecycle.Result, Integer> results = new EnumMap<>(Lifecycle.Result.class);

    /** One signed callback as a web framework hands it over. */
    private record Prepared(String url, Map<String, List<String>> headers, byte[] body) {
    }

    @Setup(Level.Trial)
    public void sign() throws Exception {
        telnyxKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = telnyxKeys.getPublic().getEncoded();
        String publicKey = Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32,
                encoded.length));
        OkHttpClient http = new OkHttpClient();
        connectors = List.of(
                TwilioConnector.create(TwilioConfig.of(twilioAccount, TWILIO_SID, TWILIO_TOKEN), http),
                PlivoConnector.create(PlivoConfig.builder().authId(PLIVO_ID).authToken(PLIVO_TOKEN).build(), http),
                TelnyxConnector.create(TelnyxConfig.builder().apiKey("KEYbench").webhookPublicKey(publicKey).build(),
                        http));
        TwilioWebhookSignature twilioSigner = TwilioWebhookSignature.withAuthToken(TWILIO_TOKEN);
        twilio = new Prepared[MESSAGES];
        plivo = new Prepared[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            twilio[i] = twilio(twilioSigner, i);
            plivo[i] = plivo(i);
        }
        telnyx = new Prepared[TELNYX_MESSAGES];
        Signature signer = Signature.getInstance("Ed25519");
        for (int i = 0; i < TELNYX_MESSAGES; i++) {
            telnyx[i] = telnyx(signer, i);
        }
    }

    private Prepared twilio(TwilioWebhookSignature signer, int i) {
        String url = BASE + "/twilio/default?record=tw-" + i;
        Map<String, List<String>> form = new TreeMap<>();
        form.put("AccountSid", List.of(TWILIO_SID));
        form.put("ApiVersion", List.of("2010-04-01"));
        form.put("From", List.of("+14155550100"));
        form.put("MessageSid", List.of(sid("SM", i)));
        form.put("MessageStatus", List.of("delivered"));
        form.put("SmsSid", List.of(sid("SM", i)));
        form.put("SmsStatus", List.of("delivered"));
        form.put("To", List.of("+447700900123"));
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v.get(0), StandardCharsets.UTF_8)));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        headers.put("X-Twilio-Signature", List.of(signer.sign(url, form)));
        headers.put("I-Twilio-Idempotency-Token", List.of("tok-" + i));
        return new Prepared(url, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Prepared plivo(int i) {
        String url = BASE + "/plivo/default?record=pl-" + i;
        Map<String, String> form = new TreeMap<>();
        form.put("From", "14155550100");
        form.put("MessageUUID", uuid(i));
        form.put("Status", "delivered");
        form.put("To", "447700900123");
        form.put("TotalAmount", "0.0050");
        form.put("TotalRate", "0.0050");
        form.put("Units", "1");
        form.put("ErrorCode", "000");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(v));
        String nonce = "nonce" + i;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        headers.put(PlivoSignature.V3_HEADER, List.of(PlivoSignature.signV3(PLIVO_TOKEN, "POST", url, form, nonce)));
        headers.put(PlivoSignature.V3_NONCE_HEADER, List.of(nonce));
        return new Prepared(url, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Prepared telnyx(Signature signer, int i) throws Exception {
        String url = BASE + "/telnyx/default?record=tx-" + i;
        String body = "{\"data\":{\"event_type\":\"message.finalized\",\"id\":\"" + uuid(i + 500_000)
                + "\",\"occurred_at\":\"2026-12-06T00:00:01.000+00:00\",\"record_type\":\"event\",\"payload\":{"
                + "\"id\":\"" + uuid(i) + "\",\"record_type\":\"message\",\"direction\":\"outbound\",\"type\":\"SMS\","
                + "\"from\":{\"phone_number\":\"+14155550100\"},\"to\":[{\"phone_number\":\"+447700900123\","
                + "\"status\":\"delivered\"}],\"text\":\"hello\",\"parts\":1,\"cost\":{\"amount\":\"0.0040\","
                + "\"currency\":\"USD\"},\"errors\":[]}},\"meta\":{\"attempt\":1,\"delivered_to\":\"" + url + "\"}}";
        String timestamp = Long.toString(Instant.now().getEpochSecond() + 60);
        signer.initSign(telnyxKeys.getPrivate());
        signer.update((timestamp + "|" + body).getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("telnyx-signature-ed25519", List.of(Base64.getEncoder().encodeToString(signer.sign())));
        headers.put("telnyx-timestamp", List.of(timestamp));
        return new Prepared(url, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Fresh records for every prepared callback: each was routed and accepted, and waits for its status. */
    @Setup(Level.Iteration)
    public void records() {
        lifecycle = Lifecycle.builder().build();
        receiver = new CallbackReceiver(connectors, lifecycle, new SimpleMeterRegistry());
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse("+447700900123"), new SenderPool("p"), "hello");
        for (int i = 0; i < MESSAGES; i++) {
            open("tw-" + i, request, twilioAccount, sid("SM", i));
            open("pl-" + i, request, plivoAccount, uuid(i));
        }
        for (int i = 0; i < TELNYX_MESSAGES; i++) {
            open("tx-" + i, request, telnyxAccount, uuid(i));
        }
        next = 0;
    }

    private void open(String key, MessageRequest request, AccountId account, String vendorId) {
        MessageRequest referenced = request.withClientReference(key);
        lifecycle.opened(referenced);
        lifecycle.routed(key, new Delivery.Sent(account, vendorId, PhoneNumber.parse("+14155550100"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.of(key)));
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (results.getOrDefault(Lifecycle.Result.APPLIED, 0) == 0) {
            throw new IllegalStateException("no callback was applied: " + results);
        }
        results.clear();
    }

    private CallbackReceiver.Receipt receive(Prepared p) {
        CallbackReceiver.Receipt receipt = receiver.receive("POST", p.url(), p.headers(), p.body());
        if (receipt.httpStatus() != 200) {
            throw new IllegalStateException("refused: " + receipt.refusal() + " " + receipt.detail());
        }
        receipt.results().forEach(r -> results.merge(r, 1, Integer::sum));
        return receipt;
    }

    @Benchmark
    public CallbackReceiver.Receipt twilioFormCallback() {
        return receive(twilio[next++ % MESSAGES]);
    }

    @Benchmark
    public CallbackReceiver.Receipt plivoV3Callback() {
        return receive(plivo[next++ % MESSAGES]);
    }

    @Benchmark
    public CallbackReceiver.Receipt telnyxEd25519Callback() {
        return receive(telnyx[next++ % TELNYX_MESSAGES]);
    }

    private static String sid(String prefix, int i) {
        return prefix + String.format("%032x", i);
    }

    private static String uuid(int i) {
        return String.format("00000000-0000-4000-8000-%012x", i);
    }
}
