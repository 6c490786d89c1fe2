package io.switchboard.adapters.plivo;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.switchboard.adapters.http.AccountHttp;
import io.switchboard.adapters.http.HttpOutcome;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.SwitchboardException;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * One account's HTTP plumbing: the {@link AccountHttp} derived from the shared client (its dispatcher, this account's
 * credentials and timeouts), and the execution of a call with every way it can fail turned into a
 * {@link SwitchboardException} for this account.
 */
final class PlivoHttp {

    static final Moshi MOSHI = new Moshi.Builder().build();
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
    /** Writes nulls: a request type puts a null only where Plivo reads it as "unset" (a number's app_id). */
    private static final JsonAdapter<Map<String, Object>> BODY = MOSHI.<Map<String, Object>>adapter(
            Types.newParameterizedType(Map.class, String.class, Object.class)).serializeNulls();

    private final AccountId account;
    private final PlivoErrors errors;
    private final AccountHttp http;
    private final PlivoService service;

    PlivoHttp(PlivoConfig config, OkHttpClient shared) {
        this(config, shared, Clock.systemUTC());
    }

    /** {@code clock} is what a Retry-After date is measured against. */
    PlivoHttp(PlivoConfig config, OkHttpClient shared, Clock clock) {
        this.account = config.account();
        this.errors = new PlivoErrors(account, clock);
        this.http = AccountHttp.derivedFrom(shared)
                .timeouts(config.timeouts())
                .authorization(Credentials.basic(config.authId(), config.authToken()))
                .header("Accept", "application/json")
                .build();
        this.service = new Retrofit.Builder()
                .baseUrl(config.baseUrl())
                .callFactory(http.calls())
                .addConverterFactory(MoshiConverterFactory.create(MOSHI))
                .build()
                .create(PlivoService.class);
    }

    PlivoService service() {
        return service;
    }

    AccountId account() {
        return account;
    }

    PlivoErrors errors() {
        return errors;
    }

    /** The account's client, for the connector to give back its share of the connection pool. */
    AccountHttp http() {
        return http;
    }

    /** Runs a safe (GET, DELETE) call: any transport or parse failure is UNAVAILABLE. */
    <T> T read(Call<T> call) {
        return execute(call, false, false);
    }

    /**
     * Runs a safe call and maps its answer: an answer that parsed but cannot become a domain value (a blank id, a
     * number that is not one) is the vendor's unreadable answer, UNAVAILABLE, not the caller's invalid request.
     */
    <T, R> R read(Call<T> call, Function<? super T, R> map) {
        T body = read(call);
        try {
            return map.apply(body);
        } catch (RuntimeException e) {
            throw errors.malformed(false, e);
        }
    }

    /** Runs an idempotent call whose success has no body (DELETE answering 204). */
    void delete(Call<Void> call) {
        execute(call, false, true);
    }

    /**
     * Runs a POST whose answer may be an acknowledgement or nothing (a 204): as {@link #write}, but an empty body is
     * a success, answered as null.
     */
    <T> T act(Call<T> call) {
        return execute(call, true, true);
    }

    /** A marketplace request's parameters as a JSON object. */
    static RequestBody json(Map<String, Object> parameters) {
        return RequestBody.create(BODY.toJson(parameters), JSON);
    }

    /**
     * Runs a non-idempotent call (send, place call): a failure once the request may have reached Plivo, or a 2xx body
     * that does not parse, is OUTCOME_UNKNOWN, because Plivo may have accepted it.
     */
    <T> T write(Call<T> call) {
        return execute(call, true, false);
    }

    private <T> T execute(Call<T> call, boolean sends, boolean emptyBodyOk) {
        okhttp3.Request request;
        try {
            request = call.request();
        } catch (IllegalArgumentException e) {
            // Retrofit refuses path values such as "." or ".." before anything is sent.
            throw errors.unusableInUrl(e);
        }
        HttpOutcome<T> outcome = http.execute(request, () -> call.execute().body());
        T body = outcome.orElseThrow(failed -> errors.failure(failed, sends));
        if (body == null && !emptyBodyOk) {
            throw errors.malformed(sends, null);
        }
        return body;
    }
}
