package io.switchboard.adapters.http;

import io.switchboard.domain.port.TimeBudget;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One vendor account's HTTP exchange, the same for every adapter: a client derived from the application's shared
 * {@link OkHttpClient} and the execution of one call on it, reported as an {@link HttpOutcome}.
 *
 * <p>The derived client keeps the shared dispatcher, interceptors and TLS settings, and adds: this account's
 * {@link HttpTimeouts}; its headers (credentials, user agent); no redirects followed, since a redirect is never part
 * of a vendor API and following one can replay a send elsewhere; every response body capped by
 * {@link BoundedBodies}; every error body read only up to {@link ErrorBodies#MAX_BYTES}; and a connection pool whose
 * idle connections close after {@code maxIdle}, shorter than the time vendors (and the sandbox's JDK server, after
 * 30 s) keep an idle keep-alive connection, so that a send rarely goes out on a connection the vendor already closed.
 * That pool is shared by every account derived from the same application pool with the same limit, and its idle
 * connections are evicted when the last such account is {@link #close() closed}.
 *
 * <p>Calls made through {@link #calls()} are tracked. Their bodies are one-shot, so OkHttp never sends one again on
 * its own (after a failed connection, for a redirect, a 408 or a 503). A transport failure says whether the request
 * may have reached the vendor, which is from the moment OkHttp starts writing it on an open connection, not once its
 * body has been written: OkHttp buffers what it writes, so the first byte on the socket cannot be seen, only the
 * moment before it; a request without a body is whole once its headers leave; and a failure reported while writing
 * does not prove that the server lacks the request (one that takes a closed connection as the end of the body can act
 * on what it has). Calling such a failure "not sent" could let failover send a message twice, while calling it "may
 * have been sent" at worst stops one failover, and the two rules differ only for a failure during the write of a few
 * hundred bytes. A refused connection, an unknown host or a failed TLS handshake come before that moment: not sent.
 *
 * <p>A call made inside a {@link TimeBudget} has its connect, read, write and whole-call timeouts cut to what is left
 * of that budget when they are longer.
 */
public final class AccountHttp implements AutoCloseable {

    /**
     * How long an idle connection is kept: well under the keep-alive timeouts of vendors' front ends (commonly 60 s
     * or more) and of the JDK server the sandbox runs on (30 s); above OkHttp's 10 s after which a connection reused
     * for a send is probed for a close the server already sent.
     */
    public static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(20);

    private final OkHttpClient client;
    private final IdlePools.Lease lease;
    private final Call.Factory calls;
    private final Secrets secrets;

    private AccountHttp(Builder b) {
        this.lease = IdlePools.lease(b.shared, b.maxIdle);
        Map<String, String> headers = Map.copyOf(b.headers);
        this.secrets = b.authorization == null ? Secrets.none() : Secrets.ofAuthorizations(List.of(b.authorization));
        Consumer<Headers> observer = b.observer;
        HttpTimeouts timeouts = b.timeouts;
        OkHttpClient.Builder client = b.shared.newBuilder()
                .connectTimeout(b.timeouts.connect())
                .readTimeout(b.timeouts.readWrite())
                .writeTimeout(b.timeouts.readWrite())
                .callTimeout(b.timeouts.call())
                .followRedirects(false)
                .followSslRedirects(false)
                .connectionPool(lease.pool())
                .addInterceptor(chain -> {
                    Optional<Duration> left = TimeBudget.remaining();
                    if (left.isPresent()) {
                        // What remains of the caller's deadline bounds each step, not only the configured timeouts.
                        chain = chain
                                .withConnectTimeout(shorter(timeouts.connect(), left.get()), TimeUnit.MILLISECONDS)
                                .withReadTimeout(shorter(timeouts.readWrite(), left.get()), TimeUnit.MILLISECONDS)
                                .withWriteTimeout(shorter(timeouts.readWrite(), left.get()), TimeUnit.MILLISECONDS);
                    }
                    Request.Builder request = chain.request().newBuilder();
                    headers.forEach(request::header);
                    Response response = chain.proceed(request.build());
                    observer.accept(response.headers());
                    return response;
                })
                .addInterceptor(new BoundedBodies(b.maxBody))
                .addInterceptor(new Recorder(b.maxErrorBody, secrets))
                .addNetworkInterceptor(chain -> {
                    RequestTracker tracker = RequestTracker.of(chain.request());
                    if (tracker != null) {
                        tracker.writing();
                    }
                    return chain.proceed(chain.request());
                });
        this.client = client.build();
        OkHttpClient built = this.client;
        Duration callTimeout = timeouts.call();
        this.calls = request -> {
            Call call = built.newCall(RequestTracker.track(request, this));
            TimeBudget.remaining().ifPresent(left ->
                    call.timeout().timeout(shorter(callTimeout, left), TimeUnit.MILLISECONDS));
            return call;
        };
    }

    /** A builder for an account client derived from {@code shared}, which is not modified. */
    public static Builder derivedFrom(OkHttpClient shared) {
        return new Builder(Objects.requireNonNull(shared, "shared"));
    }

    /** The derived client. Requests made on it directly are not tracked: use {@link #calls()}. */
    public OkHttpClient client() {
        return client;
    }

    /** Makes tracked calls: give it to Retrofit as its call factory, or call it directly. */
    public Call.Factory calls() {
        return calls;
    }

    /**
     * Runs one call made by {@link #calls()} and reports how it ended; never throws for an HTTP or I/O failure.
     *
     * @param request the call's request ({@code retrofit2.Call.request()}, {@code okhttp3.Call.request()})
     * @param execution runs the call and returns its parsed 2xx body (anything for a non-2xx, which is ignored)
     */
    public <T> HttpOutcome<T> execute(Request request, Execution<T> execution) {
        RequestTracker tracker = RequestTracker.of(request);
        if (tracker == null || tracker.owner() != this) {
            throw new IllegalArgumentException("the request was not made by this AccountHttp's calls()");
        }
        T body;
        try {
            body = execution.run();
        } catch (IOException | RuntimeException e) {
            if (!tracker.answered()) {
                if (e instanceof ConnectException) {
                    // Nothing listens where the vendor was (a crash, a restart): the connections kept idle to it are
                    // dead too, and a send written on one later would end unknown although the vendor never read it.
                    lease.pool().evictAll();
                }
                return new HttpOutcome.TransportFailure<>(e, tracker.mayHaveReachedVendor());
            }
            if (successful(tracker.status())) {
                return new HttpOutcome.Unreadable<>(tracker.status(), e);
            }
            return new HttpOutcome.HttpError<>(tracker.status(), tracker.headers(), tracker.errorText());
        }
        if (!tracker.answered()) {
            throw new IllegalStateException("the execution did not run the request it was given");
        }
        if (successful(tracker.status())) {
            return new HttpOutcome.Success<>(tracker.status(), tracker.headers(), body);
        }
        return new HttpOutcome.HttpError<>(tracker.status(), tracker.headers(), tracker.errorText());
    }

    /**
     * {@code text} with this account's credentials masked in every form they take on the wire (see
     * {@link Builder#authorization}); error bodies are already masked when they reach an {@link HttpOutcome}.
     */
    public String redact(String text) {
        return secrets.redact(text);
    }

    /** Gives back this account's share of the pool; the last account to close evicts the idle connections. */
    @Override
    public void close() {
        lease.release();
    }

    /** The shorter of the two, in whole milliseconds and at least one. */
    private static int shorter(Duration configured, Duration left) {
        long millis = Math.min(configured.toMillis(), left.toMillis());
        return (int) Math.max(1, Math.min(millis, Integer.MAX_VALUE));
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    /** Runs a call: {@code () -> call.execute().body()} for Retrofit. */
    @FunctionalInterface
    public interface Execution<T> {
        T run() throws IOException;
    }

    /**
     * Records the final answer in the request's tracker and, for a non-2xx, reads the start of its body: the rest is
     * never read, and what is passed on is that start alone.
     */
    private static final class Recorder implements Interceptor {
        private final long maxErrorBody;
        private final Secrets secrets;

        Recorder(long maxErrorBody, Secrets secrets) {
            this.maxErrorBody = maxErrorBody;
            this.secrets = secrets;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Response response = chain.proceed(chain.request());
            RequestTracker tracker = RequestTracker.of(chain.request());
            if (response.isSuccessful()) {
                if (tracker != null) {
                    tracker.answered(response.code(), response.headers());
                }
                return response;
            }
            ResponseBody body = response.body();
            MediaType type = body == null ? null : body.contentType();
            Charset charset = ErrorBodies.charsetOf(type);
            // A proxy or vendor that echoes the request echoes its credentials: they go before anyone sees the text.
            String text = secrets.redact(ErrorBodies.prefix(body, maxErrorBody).readString(charset));
            if (tracker != null) {
                tracker.errorText(text);
                tracker.answered(response.code(), response.headers());
            }
            byte[] bytes = text.getBytes(charset);
            return response.newBuilder().body(ResponseBody.create(bytes, type)).build();
        }
    }

    /** Settings for one account's client; every one but the shared client has a default. */
    public static final class Builder {
        private final OkHttpClient shared;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String authorization;
        private HttpTimeouts timeouts = HttpTimeouts.DEFAULTS;
        private Duration maxIdle = DEFAULT_MAX_IDLE;
        private Consumer<Headers> observer = h -> { };
        private long maxBody = BoundedBodies.MAX_BYTES;
        private long maxErrorBody = ErrorBodies.MAX_BYTES;

        private Builder(OkHttpClient shared) {
            this.shared = shared;
        }

        public Builder timeouts(HttpTimeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /** A header set on every request, replacing one of the same name (credentials, user agent, accept). */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The {@code Authorization} header of every request ({@code Basic <base64 of id:secret>},
         * {@code Bearer <key>}). Unlike a plain {@link #header}, its value is a secret: every form of it is masked in
         * the error bodies this account's outcomes carry and by {@link AccountHttp#redact}.
         */
        public Builder authorization(String value) {
            this.authorization = Objects.requireNonNull(value, "value");
            headers.put("Authorization", value);
            return this;
        }

        /** Told the headers of every answer, on the calling thread (a vendor's rate-limit headers, say). */
        public Builder onResponse(Consumer<Headers> observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** How long an idle pooled connection is kept; at least a millisecond. */
        public Builder maxIdle(Duration maxIdle) {
            if (maxIdle == null || maxIdle.toMillis() < 1) {
                throw new IllegalArgumentException("maxIdle must be at least 1 ms, got " + maxIdle);
            }
            this.maxIdle = maxIdle;
            return this;
        }

        /** Lower caps than {@link BoundedBodies#MAX_BYTES} and {@link ErrorBodies#MAX_BYTES}, for tests. */
        Builder caps(long maxBody, long maxErrorBody) {
            this.maxBody = maxBody;
            this.maxErrorBody = maxErrorBody;
            return this;
        }

        public AccountHttp build() {
            return new AccountHttp(this);
        }
    }
}
