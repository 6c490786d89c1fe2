package io.switchboard.state.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.switchboard.application.InMemoryRateLimitBudgets;
import io.switchboard.application.RateLimitBudgets;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.RateLimit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Budgets shared by every instance connected to one Redis: the sliding window of {@link InMemoryRateLimitBudgets}
 * kept in a sorted set per account and decided by one Lua script on the server's clock, so that no span of the
 * period ever holds more grants than the budget, whichever instance took them. One round trip per call. While Redis
 * cannot be reached each instance grants from a local window of {@code permits / instances} (at least one) per
 * period; see docs/fleet.md.
 */
public final class RedisRateLimitBudgets implements RateLimitBudgets {

    /*
     * KEYS[1] the account's window: one member per grant, scored by the server time of the grant in microseconds.
     * ARGV[1] permits, ARGV[2] period in microseconds, ARGV[3] a member no other grant uses.
     * Answers {granted 1|0, microseconds until the next permit, server time in microseconds}.
     *
     * A grant older than one period no longer counts (score <= now - period goes), as in the in-memory window. When
     * the window is full the answer is the time until the grant whose leaving brings the count below the permits
     * leaves: the oldest, or a later one when the set holds more than the permits (the limit was lowered). TIME is
     * read inside the script: every instance is judged on the one clock of the server, and since Redis 5 a script's
     * writes are replicated as effects, so reading the time before writing is allowed.
     */
    static final String SCRIPT = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            local permits = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period)
            local held = redis.call('ZCARD', KEYS[1])
            if held < permits then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000))
              return {1, 0, now}
            end
            local leaving = redis.call('ZRANGE', KEYS[1], held - permits, held - permits, 'WITHSCORES')
            local wait = tonumber(leaving[2]) + period - now
            return {0, math.max(1, math.min(wait, period)), now}
            """;

    private final RedisCommands<String, String> commands;
    private final RedisScript script;
    private final String keyPrefix;
    private final String memberPrefix;
    private final AtomicLong grants = new AtomicLong();
    private final int instances;
    private final InMemoryRateLimitBudgets local;
    private final Outage outage;

    RedisRateLimitBudgets(RedisCommands<String, String> commands, RedisScript script, String keyPrefix,
            String instanceId, int instances, InMemoryRateLimitBudgets local, Outage outage) {
        this.commands = commands;
        this.script = script;
        this.keyPrefix = keyPrefix + "budget:";
        this.memberPrefix = instanceId + ":";
        this.instances = instances;
        this.local = local;
        this.outage = outage;
    }

    @Override
    public Permit tryAcquire(AccountId account, RateLimit limit) {
        return acquire(account, limit).permit();
    }

    /** The permit, and the server time it was decided at when Redis decided it (for tests). */
    Decision acquire(AccountId account, RateLimit limit) {
        Checks.required(account, "account");
        Checks.required(limit, "limit");
        if (outage.redisAnswers()) {
            try {
                List<Object> answer = script.run(commands, ScriptOutputType.MULTI,
                        new String[] {keyPrefix + account},
                        Integer.toString(limit.permits()), Long.toString(micros(limit.period())),
                        memberPrefix + grants.incrementAndGet());
                boolean granted = ((Long) answer.get(0)) == 1L;
                long serverMicros = (Long) answer.get(2);
                Permit permit = granted ? Permit.GRANTED
                        : Permit.deniedFor(Duration.of((Long) answer.get(1), ChronoUnit.MICROS));
                return new Decision(permit, serverMicros);
            } catch (RuntimeException e) {
                outage.failed(e);
            }
        }
        return new Decision(local.tryAcquire(account, localShare(limit)), Decision.LOCAL);
    }

    /** This instance's share of the budget while the instances cannot count together. */
    RateLimit localShare(RateLimit limit) {
        return RateLimit.of(Math.max(1, limit.permits() / instances), limit.period());
    }

    /** A period in whole microseconds, rounded up so that the window is never shorter than asked. */
    static long micros(Duration period) {
        long micros = TimeUnit.NANOSECONDS.toMicros(period.toNanos());
        return period.toNanos() % 1_000 == 0 ? micros : micros + 1;
    }

    /** A permit; {@code serverMicros} is the Redis time of the decision, or {@link #LOCAL} for the fallback's. */
    record Decision(Permit permit, long serverMicros) {
        static final long LOCAL = -1;

        boolean shared() {
            return serverMicros != LOCAL;
        }
    }
}
