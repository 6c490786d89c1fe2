package io.switchboard.adapters.http;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

import java.io.IOException;

/**
 * Caps every response body: one that announces more than {@link #MAX_BYTES}, or streams past it (a page of many
 * megabytes, a body with no end), fails with {@link TooLarge} at the limit instead of being read into memory. A body
 * with a Content-Length within the cap is passed through as it is: OkHttp never reads it past that length. The
 * failure is an IOException, so a send that meets it is an unknown outcome and a read is unavailable. One
 * interceptor for every vendor adapter.
 */
public final class BoundedBodies implements Interceptor {

    /** Far above any answer of the API (a page of 1,000 records is about a megabyte). */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final long max;

    public BoundedBodies() {
        this(MAX_BYTES);
    }

    public BoundedBodies(long max) {
        this.max = max;
    }

    /** An answer larger than the cap. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("the response body exceeds " + max + " bytes");
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        long declared = body.contentLength();
        if (declared > max) {
            response.close();
            throw new TooLarge(max);
        }
        if (declared >= 0) {
            return response; // OkHttp reads a fixed-length body up to its Content-Length and no further
        }
        ForwardingSource capped = new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    read += n;
                    if (read > max) {
                        throw new TooLarge(max);
                    }
                }
                return n;
            }
        };
        return response.newBuilder()
                .body(ResponseBody.Companion.create(Okio.buffer(capped), body.contentType(), -1))
                .build();
    }
}
