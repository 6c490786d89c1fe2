package io.switchboard.adapters.http;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads the start of an error answer. An error body is only ever mined for a code and a sentence, so it is read up to
 * {@link #MAX_BYTES} and the rest is left unread on the connection, which is then closed: a proxy's page of many
 * megabytes, or a body with no end, costs one cap of memory and never the time it would take to stream.
 */
public final class ErrorBodies {

    /** Far more than any vendor's error JSON (well under a kilobyte); the same for every adapter. */
    public static final long MAX_BYTES = 64 * 1024;

    private ErrorBodies() {
    }

    /**
     * At most {@code max} bytes of {@code body}, then closes it; at most one 8 KiB segment past {@code max} is pulled
     * from the connection.
     * A body that fails part-way yields what arrived before the failure; a body with nothing readable yields an
     * empty buffer.
     */
    public static Buffer prefix(ResponseBody body, long max) {
        Buffer prefix = new Buffer();
        if (body == null) {
            return prefix;
        }
        try (body) {
            BufferedSource source = body.source();
            while (prefix.size() < max) {
                long read = source.read(prefix, max - prefix.size());
                if (read == -1) {
                    break;
                }
            }
        } catch (IOException e) {
            return prefix; // the status says what happened; the text is a courtesy
        }
        return prefix;
    }

    /** {@link #prefix} decoded in the body's charset (UTF-8 when it names none). */
    public static String text(ResponseBody body, long max) {
        Charset charset = charsetOf(body == null ? null : body.contentType());
        return prefix(body, max).readString(charset);
    }

    static Charset charsetOf(MediaType type) {
        return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    }
}
