package io.switchboard.adapters.http;

import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;

/**
 * What happened to one request, as the interceptors of {@link AccountHttp} saw it, carried as the request's tag:
 * whether it may have reached the vendor (OkHttp started writing it on an open connection; {@link AccountHttp} says
 * why that is the line), and the final answer's status, headers and the start of an error body. Its body, if any, is
 * one-shot.
 */
final class RequestTracker {

    private final AccountHttp owner;
    private volatile boolean mayHaveReachedVendor;
    private volatile int status = -1;
    private volatile Headers headers;
    private volatile String errorText = "";

    private RequestTracker(AccountHttp owner) {
        this.owner = owner;
    }

    /** {@code request} with a new tracker as its tag and its body, if any, made one-shot. */
    static Request track(Request request, AccountHttp owner) {
        RequestTracker tracker = new RequestTracker(owner);
        Request.Builder builder = request.newBuilder().tag(RequestTracker.class, tracker);
        RequestBody body = request.body();
        if (body != null) {
            builder.method(request.method(), new OneShot(body));
        }
        return builder.build();
    }

    static RequestTracker of(Request request) {
        return request.tag(RequestTracker.class);
    }

    AccountHttp owner() {
        return owner;
    }

    void writing() {
        mayHaveReachedVendor = true;
    }

    boolean mayHaveReachedVendor() {
        return mayHaveReachedVendor;
    }

    void answered(int status, Headers headers) {
        this.headers = headers;
        this.status = status;
    }

    void errorText(String text) {
        this.errorText = text;
    }

    boolean answered() {
        return status >= 0;
    }

    int status() {
        return status;
    }

    Headers headers() {
        return headers;
    }

    String errorText() {
        return errorText;
    }

    /** A body that OkHttp may write once only. */
    private static final class OneShot extends RequestBody {
        private final RequestBody delegate;

        OneShot(RequestBody delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            delegate.writeTo(sink);
        }
    }
}
