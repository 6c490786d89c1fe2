package io.switchboard.adapters.telnyx;

import com.squareup.moshi.JsonEncodingException;
import io.switchboard.adapters.http.BoundedBodies;
import io.switchboard.adapters.telnyx.TelnyxErrors.Effect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Invocation;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One account's HTTP plumbing: clients derived from the shared {@link OkHttpClient} (same pool and dispatcher) with
 * the account's Bearer key, timeouts and rate-limit observer, and the execution of a call with every failure
 * classified. Sends and dials go through a client that never retries on its own, so OkHttp cannot repeat a message
 * whose first attempt may have been accepted.
 */
final class TelnyxHttp {

    private static final String USER_AGENT = "switchboard-telnyx";
    private static final long MAX_ERROR_BODY = 64 * 1024;

    private final TelnyxService once;
    private final TelnyxService repeatable;
    private final TelnyxErrors errors;
    /** Invocations whose request reached a connected socket: a failure after that may hide an accepted request. */
    private final Set<Object> connected = ConcurrentHashMap.newKeySet();

    TelnyxHttp(TelnyxConfig config, OkHttpClient shared, TelnyxErrors errors, TelnyxRateLimits limits) {
        this.errors = errors;
        OkHttpClient base = shared.newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                .addInterceptor(chain -> {
                    Request request = chain.request().newBuilder()
                            .header("Authorization", "Bearer " + config.apiKey())
                            .header("Accept", "application/json")
                            .header("User-Agent", USER_AGENT)
                            .build();
                    okhttp3.Response response = chain.proceed(request);
                    limits.observe(response.headers());
                    return response;
                })
                .addInterceptor(new BoundedBodies())
                .addNetworkInterceptor(chain -> {
                    Object invocation = chain.request().tag(Invocation.class);
                    if (invocation != null) {
                        connected.add(invocation);
                    }
                    return chain.proceed(chain.request());
                })
                .build();
        this.once = retrofit(config, base.newBuilder().retryOnConnectionFailure(false).build());
        this.repeatable = retrofit(config, base);
    }

    private static TelnyxService retrofit(TelnyxConfig config, OkHttpClient client) {
        return new Retrofit.Builder()
                .baseUrl(config.baseUrl().toString())
                .client(client)
                .addConverterFactory(new MalformedBodies(MoshiConverterFactory.create(TelnyxJson.MOSHI)))
                .build()
                .create(TelnyxService.class);
    }

    /**
     * Runs a send or dial and maps its answer: a lost answer after the request went out, or an answer that cannot be
     * read, is an unknown outcome.
     */
    <T, R> R once(Function<TelnyxService, Call<T>> call, Function<T, R> mapping) {
        return map(execute(call.apply(once), Effect.ONCE, false), mapping, Effect.ONCE);
    }

    /** Runs a read and maps its answer: a lost or unreadable answer is an unavailable vendor. */
    <T, R> R read(Function<TelnyxService, Call<T>> call, Function<T, R> mapping) {
        return map(execute(call.apply(repeatable), Effect.REPEATABLE, false), mapping, Effect.REPEATABLE);
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
        ResponseBody body = execute(call.apply(repeatable), Effect.REPEATABLE, true);
        if (body != null) {
            body.close();
        }
    }

    private <T> T execute(Call<T> call, Effect effect, boolean emptyAllowed) {
        Object key;
        try {
            key = call.request().tag(Invocation.class);
        } catch (IllegalArgumentException e) {
            // Retrofit refuses path values such as "." or ".." before anything is sent.
            throw errors.invalid("id", "cannot be used in a Telnyx URL: " + e.getMessage());
        }
        try {
            Response<T> response = call.execute();
            if (!response.isSuccessful()) {
                throw errors.fromResponse(response.code(), response.headers(), errorBody(response));
            }
            T body = response.body();
            if (body == null && !emptyAllowed) {
                throw errors.malformed(response.code(), effect, null);
            }
            return body;
        } catch (MalformedBody e) {
            throw errors.malformed(0, effect, e);
        } catch (IOException e) {
            throw errors.fromTransport(e, key != null && connected.contains(key), effect);
        } finally {
            if (key != null) {
                connected.remove(key);
            }
        }
    }

    private static String errorBody(Response<?> response) {
        try (ResponseBody body = response.errorBody()) {
            if (body == null) {
                return "";
            }
            okio.BufferedSource source = body.source();
            source.request(MAX_ERROR_BODY);
            long size = Math.min(source.getBuffer().size(), MAX_ERROR_BODY);
            return source.getBuffer().readUtf8(size);
        } catch (IOException e) {
            return "";
        }
    }

    /** A 2xx body that did not parse; kept apart from transport failures, which are classified differently. */
    static final class MalformedBody extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedBody(Exception cause) {
            super("unreadable response body: " + cause.getMessage(), cause);
        }
    }

    /** Wraps the Moshi converters so that any failure to read a response body is a {@link MalformedBody}. */
    private static final class MalformedBodies extends Converter.Factory {
        private final Converter.Factory delegate;

        MalformedBodies(Converter.Factory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations,
                Retrofit retrofit) {
            if (type == ResponseBody.class) {
                return null;
            }
            Converter<ResponseBody, ?> converter = delegate.responseBodyConverter(type, annotations, retrofit);
            if (converter == null) {
                return null;
            }
            return body -> {
                try {
                    return converter.convert(body);
                } catch (JsonEncodingException | EOFException | RuntimeException e) {
                    // Not JSON (an HTML page), cut short or empty, or JSON of the wrong shape.
                    throw new MalformedBody(e);
                }
            };
        }

        @Override
        public Converter<?, okhttp3.RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
                Annotation[] methodAnnotations, Retrofit retrofit) {
            return delegate.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
        }
    }
}
