package io.switchboard.adapters.twilio;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.twilio.TwilioEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official Twilio Java SDK, a client we did not write, talking to the emulator: proof that the emulator speaks
 * Twilio. The SDK builds https://api.twilio.com URLs; its own HTTP client is kept and only the host is rewritten.
 */
class TwilioSdkAgainstEmulatorTest {

    private static final com.twilio.type.PhoneNumber OWNED = new com.twilio.type.PhoneNumber("+12025550101");
    private static final com.twilio.type.PhoneNumber UK = new com.twilio.type.PhoneNumber("+447700900123");

    private final TwilioEmulator emulator = new TwilioEmulator(EmulatorConfig.ofDefaults());
    private final TwilioRestClient sdk = new TwilioRestClient.Builder(TwilioEmulator.ACCOUNT_SID,
            TwilioEmulator.AUTH_TOKEN).httpClient(new ToEmulator(emulator.baseUrl())).build();

    @AfterEach
    void close() {
        emulator.close();
    }

    /** The SDK's Apache-based client, sending every request to the emulator instead of *.twilio.com. */
    static final class ToEmulator extends NetworkHttpClient {
        private final URL target;

        ToEmulator(String baseUrl) {
            try {
                this.target = new URL(baseUrl);
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        public Response makeRequest(Request request) {
            URL original;
            try {
                original = new URL(request.getUrl());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
            Request copy = new Request(request.getMethod(), target.getProtocol() + "://" + target.getHost() + ":"
                    + target.getPort() + original.getFile());
            request.getQueryParams().forEach((k, values) -> values.forEach(v -> copy.addQueryParam(k, v)));
            request.getPostParams().forEach((k, values) -> values.forEach(v -> copy.addPostParam(k, v)));
            request.getHeaderParams().forEach((k, values) -> values.forEach(v -> copy.addHeaderParam(k, v)));
            if (request.getAuthStrategy() != null) {
                copy.setAuth(request.getAuthStrategy());
            } else {
                copy.setAuth(request.getUsername(), request.getPassword());
            }
            copy.setContentType(request.getContentType());
            copy.setBody(request.getBody());
            return super.makeRequest(copy);
        }
    }

    @Test
    void createsFetchesAndListsMessages() {
        Message created = Message.creator(UK, OWNED, "hello from the official SDK").create(sdk);

        assertThat(created.getSid()).matches("SM[0-9a-f]{32}");
        assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(created.getTo()).isEqualTo(UK.toString());

        Message fetched = Message.fetcher(created.getSid()).fetch(sdk);
        assertThat(fetched.getBody()).isEqualTo("hello from the official SDK");
        assertThat(fetched.getStatus()).isEqualTo(Message.Status.SENT);
        assertThat(fetched.getPrice()).isEqualTo("-0.04630");
        assertThat(fetched.getDateCreated()).isNotNull();
        assertThat(fetched.getNumSegments()).isEqualTo("1");

        for (int i = 0; i < 4; i++) {
            Message.creator(UK, OWNED, "page " + i).create(sdk);
        }
        ResourceSet<Message> all = Message.reader().setTo(UK).pageSize(2).read(sdk);
        List<String> sids = new ArrayList<>();
        all.forEach(m -> sids.add(m.getSid()));
        assertThat(sids).hasSize(5).doesNotHaveDuplicates().contains(created.getSid());
    }

    @Test
    void createsFetchesAndListsCalls() {
        Call created = Call.creator(UK, OWNED, URI.create("https://example.com/answer.xml")).create(sdk);

        assertThat(created.getSid()).matches("CA[0-9a-f]{32}");
        assertThat(created.getStatus()).isEqualTo(Call.Status.QUEUED);

        emulator.completeCall(created.getSid(), java.time.Duration.ofSeconds(42));
        Call fetched = Call.fetcher(created.getSid()).fetch(sdk);
        assertThat(fetched.getStatus()).isEqualTo(Call.Status.COMPLETED);
        assertThat(fetched.getDuration()).isEqualTo("42");
        assertThat(fetched.getStartTime()).isNotNull();

        List<String> sids = new ArrayList<>();
        Call.reader().pageSize(1).read(sdk).forEach(c -> sids.add(c.getSid()));
        assertThat(sids).contains(created.getSid()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void seesTwiliosErrorCodes() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> Message.creator(new com.twilio.type.PhoneNumber("4155550142"), OWNED, "bad").create(sdk));
        assertThat(e.getCode()).isEqualTo(21211);
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21211");
    }

    @Test
    void seesTwiliosRefusalOfAToThatIsTooShortToBeANumber() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> Message.creator(new com.twilio.type.PhoneNumber("+12"), OWNED, "too short").create(sdk));
        assertThat(e.getCode()).isEqualTo(21211);
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("The 'To' number +12 is not a valid phone number.");
        assertThat(emulator.ledger().size()).isZero();
    }
}
