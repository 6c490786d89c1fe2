package io.switchboard.benchmarks;

import io.switchboard.adapters.plivo.PlivoSignature;
import io.switchboard.adapters.telnyx.TelnyxWebhookVerifier;
import io.switchboard.adapters.twilio.TwilioWebhookSignature;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checking one realistic delivery-status webhook of each vendor, signature valid: Twilio's form callback (12
 * parameters, HMAC-SHA1, URL tried in two forms), Plivo's V3 POST callback (10 parameters and a query, HMAC-SHA256
 * over the SDK's and the documented text, with the port and without), Telnyx's Ed25519 over a ~1 KB JSON event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WebhookVerifyBenchmark {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private TwilioWebhookSignature twilio;
    private String twilioUrl;
    private Map<String, List<String>> twilioForm;
    private String twilioSignature;

    private String plivoToken;
    private String plivoUrl;
    private Map<String, String> plivoForm;
    private String plivoNonce;
    private String plivoSignature;

    private TelnyxWebhookVerifier telnyx;
    private String telnyxTimestamp;
    private byte[] telnyxBody;
    private String telnyxSignature;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        twilio = TwilioWebhookSignature.withAuthToken("9f3c2a7e51d84b06a1e2f3c4d5b6a798");
        twilioUrl = "https://hooks.example.com/twilio/status?account=main";
        twilioForm = new LinkedHashMap<>();
        twilioForm.put("AccountSid", List.of("AC0123456789abcdef0123456789abcdef"));
        twilioForm.put("ApiVersion", List.of("2010-04-01"));
        twilioForm.put("ErrorCode", List.of(""));
        twilioForm.put("From", List.of("+14155550100"));
        twilioForm.put("MessageSid", List.of("SM5f2c3a4b5c6d7e8f9a0b1c2d3e4f5a6b"));
        twilioForm.put("MessageStatus", List.of("delivered"));
        twilioForm.put("MessagingServiceSid", List.of("MG0123456789abcdef0123456789abcdef"));
        twilioForm.put("RawDlrDoneDate", List.of("2603011200"));
        twilioForm.put("SmsSid", List.of("SM5f2c3a4b5c6d7e8f9a0b1c2d3e4f5a6b"));
        twilioForm.put("SmsStatus", List.of("delivered"));
        twilioForm.put("To", List.of("+447700900123"));
        twilioForm.put("NumSegments", List.of("1"));
        twilioSignature = twilio.sign(twilioUrl, twilioForm);

        plivoToken = "MzQ1ZTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVm";
        plivoUrl = "https://hooks.example.com/plivo/status/?account=main";
        plivoForm = new LinkedHashMap<>();
        plivoForm.put("From", "14155550100");
        plivoForm.put("To", "447700900123");
        plivoForm.put("Status", "delivered");
        plivoForm.put("MessageUUID", "db3ce55a-7f1d-11e1-8ea7-1231380bc196");
        plivoForm.put("ParentMessageUUID", "db3ce55a-7f1d-11e1-8ea7-1231380bc196");
        plivoForm.put("PartInfo", "1 of 1");
        plivoForm.put("TotalRate", "0.00500");
        plivoForm.put("TotalAmount", "0.00500");
        plivoForm.put("Units", "1");
        plivoForm.put("MessageTime", "2026-03-01 12:00:00+00:00");
        plivoNonce = "05429567804466091622";
        plivoSignature = PlivoSignature.signV3(plivoToken, "POST", plivoUrl, plivoForm, plivoNonce);

        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] der = keys.getPublic().getEncoded();
        telnyx = TelnyxWebhookVerifier.forPublicKey(Base64.getEncoder().encodeToString(
                Arrays.copyOfRange(der, der.length - 32, der.length))).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        telnyxTimestamp = Long.toString(NOW.getEpochSecond() - 2);
        telnyxBody = telnyxEvent().getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update((telnyxTimestamp + "|").getBytes(StandardCharsets.UTF_8));
        signer.update(telnyxBody);
        telnyxSignature = Base64.getEncoder().encodeToString(signer.sign());

        if (!twilio() || !plivoV3() || !telnyx()) {
            throw new IllegalStateException("a webhook of the benchmark does not verify");
        }
    }

    /** A message.finalized event as Telnyx sends it, about 1 KB. */
    private static String telnyxEvent() {
        return "{\"data\":{\"event_type\":\"message.finalized\",\"id\":\"4ee8c3a6-4995-4309-a3c6-38e3db9ea4be\","
                + "\"occurred_at\":\"2026-03-01T11:59:58.109+00:00\",\"payload\":{\"cc\":[],\"completed_at\":"
                + "\"2026-03-01T11:59:58.105+00:00\",\"cost\":{\"amount\":\"0.0051\",\"currency\":\"USD\"},"
                + "\"cost_breakdown\":{\"carrier_fee\":{\"amount\":\"0.00305\",\"currency\":\"USD\"},\"rate\":"
                + "{\"amount\":\"0.00205\",\"currency\":\"USD\"}},\"direction\":\"outbound\",\"encoding\":\"GSM-7\","
                + "\"errors\":[],\"from\":{\"carrier\":\"Telnyx\",\"line_type\":\"Wireless\",\"phone_number\":"
                + "\"+14155550100\"},\"id\":\"40385f64-5717-4562-b3fc-2c963f66afa6\",\"media\":[],"
                + "\"messaging_profile_id\":\"4001767e-ce0f-4cae-9d5f-0d5e636e7809\",\"organization_id\":"
                + "\"9d76d591-1b8a-4d64-a4b2-4b1a8c1e3f4e\",\"parts\":1,\"received_at\":"
                + "\"2026-03-01T11:59:57.312+00:00\",\"record_type\":\"message\",\"sent_at\":"
                + "\"2026-03-01T11:59:57.402+00:00\",\"subject\":\"\",\"tags\":[\"status\"],\"text\":"
                + "\"Your code is 481516. It expires in 10 minutes.\",\"to\":[{\"carrier\":\"T-Mobile USA\","
                + "\"line_type\":\"Wireless\",\"phone_number\":\"+14155550123\",\"status\":\"delivered\"}],"
                + "\"type\":\"SMS\",\"valid_until\":\"2026-03-01T12:59:57.312+00:00\",\"webhook_failover_url\":"
                + "\"https://hooks.example.com/telnyx/failover\",\"webhook_url\":"
                + "\"https://hooks.example.com/telnyx/status\"}},\"meta\":{\"attempt\":1,\"delivered_to\":"
                + "\"https://hooks.example.com/telnyx/status\"}}";
    }

    @Benchmark
    public boolean twilio() {
        return twilio.isValid(twilioUrl, twilioForm, twilioSignature);
    }

    @Benchmark
    public boolean plivoV3() {
        return PlivoSignature.isValidV3(plivoToken, "POST", plivoUrl, plivoForm, plivoNonce, plivoSignature);
    }

    @Benchmark
    public boolean telnyx() {
        return telnyx.isValid(telnyxSignature, telnyxTimestamp, telnyxBody);
    }
}
