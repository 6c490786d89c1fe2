package io.switchboard.reliability;

import io.switchboard.adapters.plivo.PlivoConfig;
import io.switchboard.adapters.telnyx.TelnyxConfig;
import io.switchboard.adapters.twilio.TwilioConfig;
import io.switchboard.application.Delivery;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.BulkProgress;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.Switchboard;
import io.switchboard.SwitchboardBuilder;
import io.switchboard.config.ConfigLoader;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.account.UsageQuery;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.recording.RecordingQuery;
import io.switchboard.sandbox.http.Fault;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts configured with recognisable secrets, good and wrong ones; every operation of the facade driven, failures
 * included (wrong credentials, 503, a hang, a malformed answer, invalid input, unknown ids, bad configuration);
 * everything logged (standard error and output, java.util.logging), every exception with its causes and stack, and
 * the toString() of every result and configuration collected; no secret, nor the Base64 of a Basic-auth pair, appears
 * in any of it. The command-line program's --verbose output: {@link CliSecretsTest}.
 */
class SecretsTest {

    private static final String PLIVO_SECOND_ID = "MASECRETSTEST0000001";
    private static final String PLIVO_SECOND_TOKEN = "SECRET-plivo-second-4471";
    private static final String TWILIO_WRONG = "SECRET-twilio-wrong-5521";
    private static final String PLIVO_WRONG = "SECRET-plivo-wrong-3390";
    private static final String TELNYX_WRONG = "SECRET-telnyx-wrong-8812";

    private static final AccountId TWILIO_BAD = AccountId.parse("twilio:wrong");
    private static final AccountId PLIVO_BAD = AccountId.parse("plivo:wrong");
    private static final AccountId TELNYX_BAD = AccountId.parse("telnyx:wrong");
    private static final AccountId PLIVO_SECOND = AccountId.parse("plivo:second");
    private static final SenderPool POOL = new SenderPool(EmbeddedSandbox.POOL);
    private static final PhoneNumber UK = PhoneNumber.parse("+447700900001");
    private static final PhoneNumber US = PhoneNumber.parse("+12025550199");

    /** Every secret, and the Base64 forms a Basic Authorization header would carry. */
    static List<String> forbidden() {
        List<String> secrets = List.of(TwilioEmulator.AUTH_TOKEN, PlivoEmulator.AUTH_TOKEN,
                TelnyxEmulator.DEFAULT_API_KEY, PLIVO_SECOND_TOKEN, TWILIO_WRONG, PLIVO_WRONG, TELNYX_WRONG);
        List<String> out = new ArrayList<>(secrets);
        for (String[] pair : List.of(new String[] {TwilioEmulator.ACCOUNT_SID, TwilioEmulator.AUTH_TOKEN},
                new String[] {TwilioEmulator.ACCOUNT_SID, TWILIO_WRONG},
                new String[] {PlivoEmulator.AUTH_ID, PlivoEmulator.AUTH_TOKEN},
                new String[] {PlivoEmulator.AUTH_ID, PLIVO_WRONG},
                new String[] {PLIVO_SECOND_ID, PLIVO_SECOND_TOKEN})) {
            out.add(base64(pair[0] + ":" + pair[1]));
        }
        secrets.forEach(s -> out.add(base64(s)));
        return out;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noSecretInLogsExceptionsOrToStrings() throws Exception {
        StringBuilder seen = new StringBuilder();
        CapturedOutput output = CapturedOutput.start();
        try (EmbeddedSandbox sandbox = SandboxFacade.sandbox(7, 8)) {
            sandbox.plivo().addAccount(PLIVO_SECOND_ID, PLIVO_SECOND_TOKEN);
            try (Switchboard switchboard = builder(sandbox, seen).build()) {
                drive(switchboard, sandbox, seen);
            }
        } finally {
            output.stop();
        }
        String everything = seen + "\n" + output.text();

        assertThat(everything).as("credentials that cannot go in a header are refused by name")
                .contains("'apiKey' must be printable ASCII without spaces", "'authToken' must be printable ASCII");
        assertThat(everything).as("the echoed requests were reported, masked")
                .contains("proxy error; the request was", "Authorization: ****");
        assertThat(everything).as("the failures were driven and logged").contains("AUTHENTICATION", "OUTCOME_UNKNOWN",
                "prices of twilio:wrong not loaded", "UNAVAILABLE", "INVALID_REQUEST");
        for (String secret : forbidden()) {
            assertThat(everything).as("a secret leaked").doesNotContain(secret);
        }
    }

    private static SwitchboardBuilder builder(EmbeddedSandbox sandbox, StringBuilder seen) {
        TwilioConfig twilioBad = TwilioConfig.builder().account(TWILIO_BAD).accountSid(TwilioEmulator.ACCOUNT_SID)
                .authToken(TWILIO_WRONG).allBaseUrls(sandbox.twilio().baseUrl() + "/").build();
        PlivoConfig plivoBad = PlivoConfig.builder().accountName("wrong").authId(PlivoEmulator.AUTH_ID)
                .authToken(PLIVO_WRONG).baseUrl(sandbox.plivo().apiBaseUrl()).build();
        PlivoConfig plivoSecond = PlivoConfig.builder().accountName("second").authId(PLIVO_SECOND_ID)
                .authToken(PLIVO_SECOND_TOKEN).baseUrl(sandbox.plivo().apiBaseUrl()).build();
        TelnyxConfig telnyxBad = TelnyxConfig.builder().account(TELNYX_BAD).apiKey(TELNYX_WRONG)
                .baseUrl(sandbox.telnyx().apiBaseUrl()).connectionId(TelnyxEmulator.CONNECTION_ID).build();
        seen.append(twilioBad).append(plivoBad).append(plivoSecond).append(telnyxBad)
                .append(TwilioConfig.builder().accountSid(TwilioEmulator.ACCOUNT_SID).authToken(TWILIO_WRONG));
        SwitchboardBuilder b = new SandboxFacade()
                .timeouts(SandboxFacade.TELNYX, Duration.ofMillis(400), Duration.ofSeconds(2))
                .policy(RoutingPolicy.builder().priority(TWILIO_BAD, PLIVO_BAD, TELNYX_BAD, PLIVO_SECOND,
                        SandboxFacade.PLIVO, SandboxFacade.TELNYX, SandboxFacade.TWILIO).maxAttempts(7).build())
                .builder(sandbox).twilio(twilioBad).plivo(plivoBad).plivo(plivoSecond).telnyx(telnyxBad)
                .warmUpPrices("GB", "US");
        SandboxFacade.pool(b, TWILIO_BAD, sandbox.twilio());
        SandboxFacade.pool(b, PLIVO_BAD, sandbox.plivo());
        SandboxFacade.pool(b, PLIVO_SECOND, sandbox.plivo());
        SandboxFacade.pool(b, TELNYX_BAD, sandbox.telnyx());
        SandboxFacade.decks(b, TELNYX_BAD, sandbox.telnyx());
        return b;
    }

    private static void drive(Switchboard sb, EmbeddedSandbox sandbox, StringBuilder seen) {
        List<AccountId> all = sb.accounts();
        run(seen, () -> sb);
        Delivery first = run(seen, () -> sb.messages().send(MessageRequest.sms(UK, POOL, "through wrong accounts")));
        run(seen, () -> sb.messages().send(MessageRequest.sms(UK, POOL, "x".repeat(20_000))));
        run(seen, () -> sb.messages().send(MessageRequest.sms(UK, POOL, "again")));
        // A debugging proxy that echoes the request, credentials included, in its error page: sends and reads.
        for (AccountId pinned : List.of(SandboxFacade.TWILIO, SandboxFacade.PLIVO, SandboxFacade.TELNYX)) {
            sandbox.twilio().faults().next(2, Fault.echoRequest(502));
            sandbox.plivo().faults().next(2, Fault.echoRequest(502));
            sandbox.telnyx().faults().next(2, Fault.echoRequest(502));
            run(seen, () -> sb.messages().send(MessageRequest.sms(UK, POOL, "through an echoing proxy"),
                    RoutingPolicy.builder().pinned(pinned).build()));
            run(seen, () -> sb.messages().list(pinned, MessageQuery.all(), PageRequest.first(5)));
            sandbox.twilio().faults().clear();
            sandbox.plivo().faults().clear();
            sandbox.telnyx().faults().clear();
        }
        sandbox.plivo().failNextSend(503, "service unavailable");
        run(seen, () -> sb.messages().send(MessageRequest.sms(UK, POOL, "after a 503"),
                RoutingPolicy.builder().pinned(SandboxFacade.PLIVO).build()));
        sandbox.telnyx().hangNextSend();
        run(seen, () -> sb.messages().send(MessageRequest.sms(US, POOL, "hang"),
                RoutingPolicy.builder().pinned(SandboxFacade.TELNYX).build()));
        sandbox.twilio().malformedNextSend();
        run(seen, () -> sb.messages().send(MessageRequest.sms(US, POOL, "malformed"),
                RoutingPolicy.builder().pinned(SandboxFacade.TWILIO).build()));
        run(seen, () -> sb.messages().sendAsync(MessageRequest.sms(US, POOL, "async")).get());
        run(seen, () -> sb.messages().sendAll(List.of(MessageRequest.sms(US, POOL, "bulk 1"),
                MessageRequest.sms(UK, POOL, "bulk 2")), 2, BulkProgress.NONE));
        String sentId = first instanceof Delivery.Sent sent ? sent.vendorId() : "unknown";
        for (AccountId account : all) {
            run(seen, () -> sb.messages().get(account, sentId));
            run(seen, () -> sb.messages().get(account, "no-such-message"));
            run(seen, () -> sb.messages().list(account, MessageQuery.all(), PageRequest.first(5)));
            run(seen, () -> sb.calls().list(account, CallQuery.all(), PageRequest.first(5)));
            run(seen, () -> sb.numbers().list(account, NumberQuery.all(), PageRequest.first(5)));
            run(seen, () -> sb.usage().account(account));
            run(seen, () -> sb.connector(account));
        }
        run(seen, () -> sb.messages().list(MessageQuery.all(), 5));
        Delivery call = run(seen, () -> sb.calls().place(CallRequest.of(US, POOL,
                CallInstructions.url("https://example.com/answer.xml"))));
        if (call instanceof Delivery.Sent sent) {
            run(seen, () -> sb.calls().get(sent.account(), sent.vendorId()));
        }
        run(seen, () -> sb.calls().list(CallQuery.all(), 5));
        run(seen, () -> sb.numbers().list(NumberQuery.all(), 5));
        run(seen, () -> sb.recordings().list(RecordingQuery.all(), 5));
        run(seen, () -> sb.usage().records(UsageQuery.all(), 5));
        run(seen, () -> sb.lookup().lookup(UK, Set.of(LookupField.LINE_TYPE)));
        run(seen, () -> sb.lookup().lookup(TWILIO_BAD, UK, Set.of(LookupField.LINE_TYPE)));
        run(seen, () -> sb.costs().quote(UK, "hello"));
        run(seen, () -> sb.costs().quoteCall(US, 3));
        run(seen, () -> sb.costs().reprice(TWILIO_BAD, MessageQuery.all(), 5));
        run(seen, () -> sb.router().plan(MessageRequest.sms(UK, POOL, "plan")));
        run(seen, () -> sb.twilio("wrong").api().account(TwilioEmulator.ACCOUNT_SID));
        run(seen, () -> sb.plivo("wrong").api().accounts().get());
        run(seen, () -> sb.telnyx("wrong").api().balance());
        // A key that cannot travel in a header is refused when the account is built, not at the first send.
        run(seen, () -> TelnyxConfig.builder().account(TELNYX_BAD).apiKey(TELNYX_WRONG + "\nX-Injected: 1")
                .baseUrl(sandbox.telnyx().apiBaseUrl()).build());
        run(seen, () -> PlivoConfig.builder().accountName("wrong").authId(PlivoEmulator.AUTH_ID)
                .authToken(PLIVO_WRONG + " ").baseUrl(sandbox.plivo().apiBaseUrl()).build());
        run(seen, () -> Switchboard.builder().twilio(TwilioConfig.builder().accountSid("not-a-sid")
                .authToken(TWILIO_WRONG).build()));
        run(seen, () -> new ConfigLoader(Map.of("TOKEN", TWILIO_WRONG)::get).parse("""
                accounts:
                  - id: twilio:work
                    credentials: {accountSid: nope, authTokenEnv: TOKEN}
                """, Path.of(".")));
        run(seen, () -> new ConfigLoader(Map.of("TOKEN", TWILIO_WRONG)::get).parse("""
                accounts:
                  - id: twilio:work
                    credentials: {accountSid: AC0123456789abcdef0123456789abcdef, authTokenEnv: TOKEN}
                """, Path.of(".")));
    }

    /** Runs one operation and keeps what a caller could print of it: its result, or its exception with causes. */
    @SuppressWarnings("unchecked")
    private static <T> T run(StringBuilder seen, Callable<T> action) {
        try {
            T result = action.call();
            seen.append(result).append('\n');
            return result;
        } catch (Exception e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.append(e).append('\n').append(trace).append('\n');
            return null;
        }
    }
}
