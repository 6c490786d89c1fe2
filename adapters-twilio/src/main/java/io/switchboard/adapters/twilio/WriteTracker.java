package io.switchboard.adapters.twilio;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

import java.io.IOException;

/**
 * Remembers whether a request body was handed to the connection, so that a failure afterwards can be told apart
 * from one before: after a send's body went out, Twilio may have accepted it. Each request carries its own tracker
 * as a tag (see {@link TwilioHttp}); the interceptor wraps the body to flip it.
 */
final class WriteTracker {

    private volatile boolean bodyWritten;

    boolean bodyWritten() {
        return bodyWritten;
    }

    /** Wraps every request body so that it marks its tracker once written, and is never replayed by OkHttp. */
    static final class Tracking implements okhttp3.Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            WriteTracker tracker = request.tag(WriteTracker.class);
            RequestBody body = request.body();
            if (tracker == null || body == null) {
                return chain.proceed(request);
            }
            return chain.proceed(request.newBuilder().method(request.method(), new Tracked(body, tracker)).build());
        }
    }

    /**
     * A body that is one-shot: OkHttp then never retries it on a fresh connection after it started sending, which
     * would send a message twice.
     */
    private static final class Tracked extends RequestBody {
        private final RequestBody delegate;
        private final WriteTracker tracker;

        Tracked(RequestBody delegate, WriteTracker tracker) {
            this.delegate = delegate;
            this.tracker = tracker;
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
            tracker.bodyWritten = true;
        }
    }
}
