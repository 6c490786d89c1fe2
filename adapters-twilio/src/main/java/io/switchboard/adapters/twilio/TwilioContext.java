package io.switchboard.adapters.twilio;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** What every port of one account shares: its settings, HTTP stack, call runner, pager and mapper. */
final class TwilioContext {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9+_.:-]{1,64}");

    final TwilioConfig config;
    final TwilioHttp http;
    final Exchange exchange;
    final TwilioPager pager;
    final TwilioMapper mapper;

    TwilioContext(TwilioConfig config, OkHttpClient shared) {
        this(config, shared, Clock.systemUTC());
    }

    /** {@code clock} is what a Retry-After date is measured against. */
    TwilioContext(TwilioConfig config, OkHttpClient shared, Clock clock) {
        this.config = config;
        this.http = TwilioHttp.create(config, shared);
        this.exchange = new Exchange(http.exchange, new TwilioErrors(config.account(), http.moshi, clock));
        this.pager = new TwilioPager(exchange);
        this.mapper = new TwilioMapper(config.account());
    }

    AccountId account() {
        return config.account();
    }

    String accountSid() {
        return config.accountSid();
    }

    /**
     * Runs a port operation so that every failure it raises names this account, including the invalid-argument
     * failures that the domain's own checks raise before the account is known.
     */
    <T> T guard(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SwitchboardException e) {
            if (e.failure().account().isPresent()) {
                throw e;
            }
            throw new SwitchboardException(e.failure().withAccount(account()), e);
        }
    }

    void run(Runnable operation) {
        guard(() -> {
            operation.run();
            return null;
        });
    }

    /** A vendor id for a path segment: not blank and without characters that could change the path. */
    static String id(String value, String field) {
        Checks.notBlank(value, field);
        String id = value.trim();
        if (!SAFE_ID.matcher(id).matches()) {
            throw SwitchboardException.invalid(field, "must be a Twilio SID (letters and digits), got '" + value + "'");
        }
        return id;
    }
}
