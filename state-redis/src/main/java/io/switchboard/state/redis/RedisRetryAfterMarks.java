package io.switchboard.state.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.switchboard.application.InMemoryRetryAfterMarks;
import io.switchboard.application.RetryAfterMarks;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Retry-After marks shared by every instance connected to one Redis: the Retry-After one instance was given keeps
 * the others away from the account too. Each mark is also kept locally, so that while Redis cannot be reached an
 * instance still honours what it was told itself; see docs/fleet.md.
 */
public final class RedisRetryAfterMarks implements RetryAfterMarks {

    /*
     * KEYS[1] the account's mark. ARGV[1] the mark in epoch microseconds, ARGV[2] milliseconds from now to the mark,
     * when the key expires. A later mark already held stays (SET ... GT, which Redis does not have for strings). The
     * expiry is relative, from the instance's clock, so that a skew between it and the server's clock does not
     * shorten or lengthen a wait.
     */
    static final String SCRIPT = """
            local held = redis.call('GET', KEYS[1])
            if held and tonumber(held) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    private final RedisCommands<String, String> commands;
    private final RedisScript script;
    private final String keyPrefix;
    private final Clock clock;
    private final InMemoryRetryAfterMarks local;
    private final Outage outage;

    RedisRetryAfterMarks(RedisCommands<String, String> commands, RedisScript script, String keyPrefix, Clock clock,
            Outage outage) {
        this.commands = commands;
        this.script = script;
        this.keyPrefix = keyPrefix + "retry-after:";
        this.clock = clock;
        this.local = new InMemoryRetryAfterMarks(clock);
        this.outage = outage;
    }

    @Override
    public void mark(AccountId account, Instant until) {
        Checks.required(account, "account");
        Checks.required(until, "until");
        local.mark(account, until);
        long micros = micros(until);
        long ttlMicros = micros - micros(clock.instant());
        if (ttlMicros <= 0) {
            return;
        }
        if (outage.redisAnswers()) {
            try {
                script.<Long>run(commands, ScriptOutputType.INTEGER, new String[] {keyPrefix + account},
                        Long.toString(micros), Long.toString(Math.floorDiv(ttlMicros + 999, 1_000)));
            } catch (RuntimeException e) {
                outage.failed(e);
            }
        }
    }

    @Override
    public Optional<Instant> until(AccountId account) {
        Checks.required(account, "account");
        Optional<Instant> own = local.until(account);
        if (outage.redisAnswers()) {
            try {
                String held = commands.get(keyPrefix + account);
                if (held != null) {
                    Instant shared = instant(Long.parseLong(held));
                    if (shared.isAfter(clock.instant()) && own.map(shared::isAfter).orElse(true)) {
                        return Optional.of(shared);
                    }
                }
            } catch (RuntimeException e) {
                outage.failed(e);
            }
        }
        return own;
    }

    /** Epoch microseconds, rounded up: a mark is never earlier than the vendor asked. */
    static long micros(Instant instant) {
        long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        return instant.getNano() % 1_000 == 0 ? micros : micros + 1;
    }

    static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }
}
