package io.switchboard.adapters.plivo;

import com.plivo.api.PlivoClient;
import com.plivo.api.exceptions.AuthenticationException;
import com.plivo.api.exceptions.InvalidRequestException;
import com.plivo.api.exceptions.ResourceNotFoundException;
import com.plivo.api.models.account.Account;
import com.plivo.api.models.base.ListResponse;
import com.plivo.api.models.call.Call;
import com.plivo.api.models.message.Message;
import com.plivo.api.models.message.MessageCreateResponse;
import com.plivo.api.models.number.Number;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official Plivo Java SDK (com.plivo:plivo-java, test scope only), a client we did not write, talking to the
 * emulator: proof that the emulator speaks Plivo, checked against the emulator's own records and ledger.
 *
 * <p>Why the client is built this way: plivo-java sends its calls through a Voice API client whose base URL is a
 * static {@code https://api.plivo.com/v1/} that no constructor takes, and its only constructor with a base URL also
 * needs a Jackson module, while the case-tolerant enum module it keeps in a private static field is passed on by the
 * shorter constructors alone. So the client is made with the short {@code (authId, authToken, OkHttpClient.Builder)}
 * constructor, keeping the SDK's own Jackson set-up, and the builder gets an interceptor that sends every request,
 * whichever of the SDK's base URLs it was built on, to the emulator on loopback: only scheme, host and port change.
 */
class PlivoSdkAgainstEmulatorTest {

    private static final String SRC = "+12025550111";
    private static final String UK = "447700900123";

    private final PlivoEmulator emulator = new PlivoEmulator(EmulatorConfig.ofDefaults());
    private final PlivoClient sdk = client(PlivoEmulator.AUTH_ID, PlivoEmulator.AUTH_TOKEN);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private PlivoClient client(String authId, String authToken) {
        HttpUrl target = HttpUrl.get(emulator.apiBaseUrl());
        OkHttpClient.Builder toEmulator = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().url(chain.request().url().newBuilder().scheme(target.scheme())
                        .host(target.host()).port(target.port()).build()).build()));
        return new PlivoClient(authId, authToken, toEmulator);
    }

    @Test
    void sendsAMessageThenGetsAndListsIt() throws Exception {
        MessageCreateResponse sent = Message.creator(SRC, UK, "sent by plivo-java").client(sdk).create();

        assertThat(sent.getMessageUuid()).hasSize(1);
        String uuid = sent.getMessageUuid().get(0);
        assertThat(emulator.ledger().acceptances("+" + UK, "sent by plivo-java")).isEqualTo(1);
        assertThat(emulator.ledger().find("plivo", uuid)).isPresent();

        Message queued = Message.getter(uuid).client(sdk).get();
        assertThat(queued.getMessageUuid()).isEqualTo(uuid);
        assertThat(queued.getToNumber()).isEqualTo(UK);
        assertThat(queued.getMessageState()).isEqualTo("queued");
        assertThat(queued.getMessageSentTime()).isNull();

        emulator.deliverQueuedMessages();
        Message delivered = Message.getter(uuid).client(sdk).get();
        assertThat(delivered.getMessageState()).isEqualTo("delivered");
        assertThat(delivered.getMessageSentTime()).isNotBlank();
        assertThat(delivered.getMessageUpdatedTime()).isNotBlank();

        ListResponse<Message> listed = Message.lister().client(sdk).list();
        assertThat(listed.getObjects()).extracting(Message::getMessageUuid).contains(uuid);
    }

    @Test
    void placesACallWithItsDestinationAsAJsonArrayThenGetsAndListsIt() throws Exception {
        String uuid = Call.creator(SRC, List.of(UK), "https://example.com/answer.xml").answerMethod("GET")
                .client(sdk).create().getRequestUuid();

        assertThat(uuid).isNotBlank();
        assertThat(emulator.ledger().calls()).extracting(LedgerEntry::id).containsExactly(uuid);

        Call record = Call.getter(uuid).client(sdk).get();
        assertThat(record.getCallUuid()).isEqualTo(uuid);
        assertThat(record.getToNumber()).isEqualTo(UK);
        assertThat(record.getHangupCauseCode()).isEqualTo(4000);
        assertThat(new BigDecimal(record.getTotalAmount()))
                .isEqualByComparingTo(new BigDecimal(emulator.ledger().find("plivo", uuid).orElseThrow().price()));

        ListResponse<Call> listed = Call.lister().client(sdk).list();
        assertThat(listed.getObjects()).extracting(Call::getCallUuid).contains(uuid);
    }

    @Test
    void readsTheAccountAndListsItsNumbers() throws Exception {
        Message.creator(SRC, UK, "one billable message").client(sdk).create();

        Account account = Account.getter().client(sdk).get();
        assertThat(account.getAuthId()).isEqualTo(PlivoEmulator.AUTH_ID);
        BigDecimal spent = new BigDecimal(emulator.ledger().entries().get(0).price());
        assertThat(new BigDecimal(account.getCashCredits())).isEqualByComparingTo(new BigDecimal("1000").subtract(spent));

        ListResponse<Number> numbers = Number.lister().client(sdk).list();
        assertThat(numbers.getObjects()).extracting(Number::getNumber).contains(SRC.substring(1));
    }

    @Test
    void seesPlivosErrorsAndNothingReachesTheLedger() {
        ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
                () -> Message.getter("c0ffee00-0000-4000-8000-000000000000").client(sdk).get());
        assertThat(missing).isNotNull();
        assertThat(missing.getMessage()).contains("\"api_id\"").contains("\"error\"");

        AuthenticationException refused = catchThrowableOfType(AuthenticationException.class,
                () -> Message.creator(SRC, UK, "wrong token").client(client(PlivoEmulator.AUTH_ID, "not-the-token"))
                        .create());
        assertThat(refused).isNotNull();

        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class,
                () -> Call.creator(SRC, List.of(UK), "not-a-url").client(sdk).create());
        assertThat(invalid.getMessage()).contains("answer_url");
        assertThat(emulator.ledger().size()).isZero();
    }
}
