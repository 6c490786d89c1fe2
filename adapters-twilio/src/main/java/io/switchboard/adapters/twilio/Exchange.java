package io.switchboard.adapters.twilio;

import io.switchboard.adapters.http.AccountHttp;
import io.switchboard.adapters.http.HttpOutcome;
import retrofit2.Call;

import java.util.function.Function;

/**
 * Runs one Retrofit call through the account's {@link AccountHttp} and returns its mapped body or a classified
 * {@link io.switchboard.domain.SwitchboardException}. A write (send, place call, create trigger) and a read differ
 * only in how a lost or unreadable answer is classified.
 */
final class Exchange {

    private final AccountHttp http;
    private final TwilioErrors errors;

    Exchange(AccountHttp http, TwilioErrors errors) {
        this.http = http;
        this.errors = errors;
    }

    /** A GET: a lost or unreadable answer is UNAVAILABLE, since repeating it is harmless. */
    <T, R> R read(Call<T> call, String operation, Function<? super T, R> map) {
        return map(run(call, false, operation, true), false, operation, map);
    }

    /** A POST that creates something at Twilio: a lost answer once the request may have reached it is OUTCOME_UNKNOWN. */
    <T, R> R write(Call<T> call, String operation, Function<? super T, R> map) {
        return map(run(call, true, operation, true), true, operation, map);
    }

    /** A DELETE: success is any 2xx, with or without a body. */
    void delete(Call<Void> call, String operation) {
        run(call, false, operation, false);
    }

    /**
     * Maps the vendor's body. A body that parsed but cannot become a domain value (no SID, say) is the vendor's
     * malformed answer, not the caller's invalid request, so it is classified like an unreadable body.
     */
    private <T, R> R map(T body, boolean write, String operation, Function<? super T, R> map) {
        try {
            return map.apply(body);
        } catch (RuntimeException e) {
            throw errors.unreadable(write, operation, e);
        }
    }

    private <T> T run(Call<T> call, boolean write, String operation, boolean bodyRequired) {
        okhttp3.Request request;
        try {
            request = call.request();
        } catch (IllegalArgumentException e) {
            // Retrofit refuses a path value such as "." or ".."; the ids Twilio paths take are checked before, so
            // this only keeps the promise that nothing but a SwitchboardException leaves.
            throw errors.unusableInUrl(e);
        }
        HttpOutcome<T> outcome = http.execute(request, () -> call.execute().body());
        T body = outcome.orElseThrow(failed -> errors.failure(failed, write, operation));
        if (body == null && bodyRequired) {
            throw errors.unreadable(write, operation, null);
        }
        return body;
    }
}
