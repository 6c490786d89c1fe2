package io.switchboard.adapters.twilio;

import io.switchboard.domain.AccountId;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Several named accounts: one connection pool and dispatcher, each its own credentials and timeouts. */
class TwilioSharedHttpTest {

    private static final String KEY_SID = "SK" + "fedcba9876543210fedcba9876543210";

    private final MockTwilio twilio = new MockTwilio();
    private final OkHttpClient shared = new OkHttpClient();

    @AfterEach
    void close() {
        twilio.close();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    @Test
    void accountsShareAPoolAndTheDispatcherButNotCredentialsOrTimeouts() {
        TwilioConfig work = twilio.config(Duration.ofSeconds(3)).account(AccountId.parse("twilio:work")).build();
        TwilioConfig personal = twilio.config(Duration.ofSeconds(7)).account(AccountId.parse("twilio:personal"))
                .apiKey(KEY_SID, "personal-secret").build();
        TwilioContext workCtx = new TwilioContext(work, shared);
        TwilioContext personalCtx = new TwilioContext(personal, shared);

        assertThat(personalCtx.http.client.connectionPool())
                .as("one pool, the library's, which retires idle connections before Twilio does")
                .isSameAs(workCtx.http.client.connectionPool()).isNotSameAs(shared.connectionPool());
        for (TwilioContext ctx : new TwilioContext[] {workCtx, personalCtx}) {
            assertThat(ctx.http.client.dispatcher()).isSameAs(shared.dispatcher());
            assertThat(ctx.http.client.connectTimeoutMillis()).isEqualTo(2000);
            assertThat(ctx.http.client.followRedirects()).isFalse();
        }
        assertThat(workCtx.http.client.readTimeoutMillis()).isEqualTo(3000);
        assertThat(personalCtx.http.client.readTimeoutMillis()).isEqualTo(7000);
        assertThat(shared.interceptors()).as("the shared client is not modified").isEmpty();
        workCtx.http.exchange.close();
        personalCtx.http.exchange.close();
    }

    /** The pool every account derived from {@code shared} uses, seen through one more account. */
    private int pooledConnections() {
        TwilioContext probe = new TwilioContext(twilio.config(Duration.ofSeconds(3)).build(), shared);
        try {
            return probe.http.client.connectionPool().connectionCount();
        } finally {
            probe.http.exchange.close();
        }
    }

    @Test
    void eachAccountSendsItsOwnCredentialsOverTheSharedPool() {
        try (TwilioConnector work = TwilioConnector.create(twilio.config(Duration.ofSeconds(3)).build(), shared);
             TwilioConnector personal = TwilioConnector.create(twilio.config(Duration.ofSeconds(3))
                     .account(AccountId.parse("twilio:personal")).apiKey(KEY_SID, "personal-secret").build(), shared)) {
            twilio.enqueueResource(200, "account.json");
            twilio.enqueueResource(200, "account.json");

            assertThat(work.accountDetails().orElseThrow().info().account()).isEqualTo(MockTwilio.ACCOUNT);
            assertThat(personal.accountDetails().orElseThrow().info().account())
                    .isEqualTo(AccountId.parse("twilio:personal"));

            assertThat(twilio.take().getHeader("Authorization"))
                    .isEqualTo(Credentials.basic(MockTwilio.ACCOUNT_SID, MockTwilio.AUTH_TOKEN));
            assertThat(twilio.take().getHeader("Authorization")).isEqualTo(Credentials.basic(KEY_SID, "personal-secret"));
            assertThat(pooledConnections()).as("one pooled connection served both").isEqualTo(1);
        }
        assertThat(shared.dispatcher().executorService().isShutdown()).as("closing a connector leaves the pool")
                .isFalse();
    }
}
