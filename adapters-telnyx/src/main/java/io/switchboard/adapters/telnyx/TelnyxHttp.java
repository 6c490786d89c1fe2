package io.switchboard.adapters.telnyx;

import io.switchboard.adapters.http.AccountHttp;
import io.switchboard.adapters.http.HttpOutcome;
import io.switchboard.adapters.telnyx.TelnyxErrors.Effect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

import java.util.function.Function;

/**
 * One account's HTTP plumbing: the {@link AccountHttp} derived from the shared {@link OkHttpClient} (its dispatcher)
 * with the account's Bearer key, timeouts and rate-limit observer, and the execution of a call with every failure
 * classified. No request is ever sent twice by OkHttp itself, so a message whose first attempt may have been
 * accepted is not repeated behind the caller's back.
 */
final class TelnyxHttp {

    private static final String USER_AGENT = "switchboard-telnyx";

    private final AccountHttp http;
    private final TelnyxService service;
    private final TelnyxErrors errors;

    TelnyxHttp(TelnyxConfig config, OkHttpClient shared, TelnyxErrors errors, TelnyxRateLimits limits) {
        this.errors = errors;
        this.http = AccountHttp.derivedFrom(shared)
                .timeouts(config.timeouts())
                .authorization("Bearer " + config.apiKey())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .onResponse(limits::observe)
                .build();
        this.service = new Retrofit.Builder()
                .baseUrl(config.baseUrl().toString())
                .callFactory(http.calls())
                .addConverterFactory(MoshiConverterFactory.create(TelnyxJson.MOSHI))
                .build()
                .create(TelnyxService.class);
    }

    /** Gives back this account's share of the library's connection pool. */
    void close() {
        http.close();
    }

    /**
     * Runs a send or dial and maps its answer: a lost answer once the request may have reached Telnyx, or an answer
     * that cannot be read, is an unknown outcome.
     */
    <T, R> R once(Function<TelnyxService, Call<T>> call, Function<T, R> mapping) {
        return map(execute(call.apply(service), Effect.ONCE, false), mapping, Effect.ONCE);
    }

    /** Runs a read and maps its answer: a lost or unreadable answer is an unavailable vendor. */
    <T, R> R read(Function<TelnyxService, Call<T>> call, Function<T, R> mapping) {
        return map(execute(call.apply(service), Effect.REPEATABLE, false), mapping, Effect.REPEATABLE);
    }

    private <T, R> R map(T body, Function<T, R> mapping, Effect effect) {
        R mapped;
        try {
            mapped = mapping.apply(body);
        } catch (RuntimeException e) {
            // A payload without what the domain requires (no data, no id) is as unreadable as broken JSON.
            throw errors.malformed(0, effect, e);
        }
        if (mapped == null) {
            throw errors.malformed(0, effect, null);
        }
        return mapped;
    }

    /** Runs a call whose 2xx body is ignored (a delete answers 200 with the record or 204 with nothing). */
    void readIgnoringBody(Function<TelnyxService, Call<ResponseBody>> call) {
        ResponseBody body = execute(call.apply(service), Effect.REPEATABLE, true);
        if (body != null) {
            body.close();
        }
    }

    private <T> T execute(Call<T> call, Effect effect, boolean emptyAllowed) {
        Request request;
        try {
            request = call.request();
        } catch (IllegalArgumentException e) {
            // Retrofit refuses path values such as "." or ".." before anything is sent.
            throw errors.invalid("id", "cannot be used in a Telnyx URL: " + e.getMessage());
        }
        HttpOutcome<T> outcome = http.execute(request, () -> call.execute().body());
        T body = outcome.orElseThrow(failed -> errors.failure(failed, effect));
        if (body == null && !emptyAllowed) {
            throw errors.malformed(((HttpOutcome.Success<T>) outcome).status(), effect, null);
        }
        return body;
    }
}
