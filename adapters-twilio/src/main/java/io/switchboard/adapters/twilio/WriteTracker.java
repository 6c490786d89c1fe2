package io.switchboard.adapters.twilio;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;

/**
 * Remembers whether a request body was handed to the connection, so that a failure afterwards can be told apart
 * from one before: after a send's body went out, Twilio may have accepted it. Each request carries its own tracker
 * as a tag, set with its wrapped body by {@link #tracked} where {@link TwilioHttp} creates each call.
 */
final class WriteTracker {

    private volatile boolean bodyWritten;

    boolean bodyWritten() {
        return bodyWritten;
    }

    /**
     * The request with a new tracker as its tag and its body, if any, wrapped so that it marks the tracker once
     * written and is never replayed by OkHttp: one rebuild of the request, made where each call is created.
     */
    static Request tracked(Request request) {
        WriteTracker tracker = new WriteTracker();
        Request.Builder builder = request.newBuilder().tag(WriteTracker.class, tracker);
        RequestBody body = request.body();
        if (body != null) {
            builder.method(request.method(), new Tracked(body, tracker));
        }
        return builder.build();
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
