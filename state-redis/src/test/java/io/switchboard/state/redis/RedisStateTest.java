package io.switchboard.state.redis;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.SwitchboardException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RedisStateTest {

    private static final String PASSWORD = "s3cret-Pa55word";

    private static EmbeddedRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.start("requirepass " + PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void connectsWithThePasswordAndNeverShowsIt() {
        String uri = "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port() + "/2";
        try (RedisState state = RedisState.builder(uri).instances(4).build()) {
            assertThat(state.budgets().acquire(AccountId.parse("twilio"), RateLimit.of(1, Duration.ofSeconds(1)))
                    .shared()).isTrue();
            assertThat(state.toString()).isEqualTo("RedisState[redis://127.0.0.1:" + redis.port() + "/2, instances=4]");
        }
    }

    @Test
    void aRefusedPasswordFailsAtStartWithoutShowingIt() {
        String wrong = "not-" + PASSWORD;
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> RedisState.connect("redis://:" + wrong + "@127.0.0.1:" + redis.port()));

        assertThat(e.getMessage()).contains("cannot connect to Redis at redis://127.0.0.1:" + redis.port() + "/0");
        assertThat(everythingPrinted(e)).doesNotContain(wrong);
    }

    @Test
    void anUnreachableRedisFailsAtStartWithoutShowingThePassword() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> RedisState.connect("redis://user:" + PASSWORD + "@127.0.0.1:" + closed));

        assertThat(e.getMessage()).contains("redis://127.0.0.1:" + closed);
        assertThat(everythingPrinted(e)).doesNotContain(PASSWORD);
    }

    @Test
    void aMalformedUriIsRejectedWithoutEchoingIt() {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> RedisState.connect("redsi://user:" + PASSWORD + "@127.0.0.1:6379"));

        assertThat(e.getMessage()).contains("redisUri");
        assertThat(everythingPrinted(e)).doesNotContain(PASSWORD);
    }

    /** The exception as a log backend prints it: every message and stack trace, causes and suppressed included. */
    private static String everythingPrinted(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
