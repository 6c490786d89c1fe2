package io.switchboard.adapters.plivo;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.switchboard.adapters.http.BoundedBodies;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.SwitchboardException;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * One account's HTTP plumbing: the client derived from the shared one (same pool and dispatcher, this account's
 * credentials and timeouts), and the execution of a call with every way it can fail turned into a
 * {@link SwitchboardException} for this account.
 */
final class PlivoHttp {

    static final Moshi MOSHI = new Moshi.Builder().build();
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
    /** Writes nulls: a request type puts a null only where Plivo reads it as "unset" (a number's app_id). */
    private static final JsonAdapter<Map<String, Object>> BODY = MOSHI.<Map<String, Object>>adapter(
            Types.newParameterizedType(Map.class, String.class, Object.class)).serializeNulls();

    /**
     * Set once a request reached an open connection (a network interceptor saw it). A non-idempotent request that
     * fails after that may have been accepted; one that fails before it was never sent.
     */
    static final class WireMarker {
        private volatile boolean reachedNetwork;

        void reached() {
            reachedNetwork = true;
        }

        boolean reachedNetwork() {
            return reachedNetwork;
        }
    }

    private final AccountId account;
    private final PlivoErrors errors;
    private final PlivoService service;

    PlivoHttp(PlivoConfig config, OkHttpClient shared) {
        this.account = config.account();
        this.errors = new PlivoErrors(account);
        String basic = Credentials.basic(config.authId(), config.authToken());
        OkHttpClient client = shared.newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                .addInterceptor(chain -> chain.proceed(oneShotPost(chain.request().newBuilder()
                        .header("Authorization", basic)
                        .header("Accept", "application/json")
                        .build())))
                .addInterceptor(new BoundedBodies())
                .addNetworkInterceptor(PlivoHttp::markWire)
                .build();
        this.service = new Retrofit.Builder()
                .baseUrl(config.baseUrl())
                .client(client)
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

    /** Runs a safe (GET, DELETE) call: any transport or parse failure is UNAVAILABLE. */
    <T> T read(Call<T> call) {
        return execute(call, null, false);
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
        execute(call, null, true);
    }

    /**
     * Runs a POST whose answer may be an acknowledgement or nothing (a 204): as {@link #write}, but an empty body is
     * a success, answered as null.
     */
    <T> T act(Function<WireMarker, Call<T>> call) {
        WireMarker marker = new WireMarker();
        return execute(call.apply(marker), marker, true);
    }

    /** A marketplace request's parameters as a JSON object. */
    static RequestBody json(Map<String, Object> parameters) {
        return RequestBody.create(BODY.toJson(parameters), JSON);
    }

    /**
     * Runs a non-idempotent call (send, place call): a failure after the request reached the wire, or a 2xx body
     * that does not parse, is OUTCOME_UNKNOWN, because Plivo may have accepted it.
     */
    <T> T write(Function<WireMarker, Call<T>> call) {
        WireMarker marker = new WireMarker();
        return execute(call.apply(marker), marker, false);
    }

    private <T> T execute(Call<T> call, WireMarker marker, boolean emptyBodyOk) {
        boolean sends = marker != null;
        Response<T> response;
        try {
            response = call.execute();
        } catch (JsonDataException e) {
            throw errors.malformed(sends, e);
        } catch (com.squareup.moshi.JsonEncodingException e) {
            throw errors.malformed(sends, e);
        } catch (IOException e) {
            throw errors.transport(sends && marker.reachedNetwork(), e);
        } catch (RuntimeException e) {
            // Retrofit and Moshi raise unchecked exceptions for bodies they cannot bind; never let them escape.
            throw errors.malformed(sends, e);
        }
        if (!response.isSuccessful()) {
            throw errors.fromResponse(response.code(), response.headers().get("Retry-After"),
                    errorText(response.errorBody()));
        }
        T body = response.body();
        if (body == null && !emptyBodyOk) {
            throw errors.malformed(sends, null);
        }
        return body;
    }

    private static String errorText(ResponseBody body) {
        if (body == null) {
            return "";
        }
        try (body) {
            return body.string();
        } catch (IOException e) {
            return "";
        }
    }

    private static okhttp3.Response markWire(Interceptor.Chain chain) throws IOException {
        WireMarker marker = chain.request().tag(WireMarker.class);
        if (marker != null) {
            marker.reached();
        }
        return chain.proceed(chain.request());
    }

    /**
     * Marks a POST body one-shot, so that OkHttp never silently re-sends it on a fresh connection after the first
     * attempt was written: a send is retried by routing, under its delivery guarantee, or not at all.
     */
    private static Request oneShotPost(Request request) {
        RequestBody body = request.body();
        if (body == null || !"POST".equals(request.method())) {
            return request;
        }
        return request.newBuilder().post(new RequestBody() {
            @Override
            public MediaType contentType() {
                return body.contentType();
            }

            @Override
            public long contentLength() throws IOException {
                return body.contentLength();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                body.writeTo(sink);
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        }).build();
    }
}
