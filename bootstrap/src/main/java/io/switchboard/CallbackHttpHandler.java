package io.switchboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.switchboard.application.lifecycle.CallbackReceiver;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.callback.WebhookRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Mounts {@link Deliveries#receive} on the JDK's HTTP server ({@code com.sun.net.httpserver}): each request's URL is
 * rebuilt as the vendor called it, from the public origin the vendors reach this server at (scheme, host and port,
 * as in the callback base URL) and the request's raw path and query. Answers the receipt's status with an empty
 * body; a body over {@link WebhookRequest#MAX_BODY_BYTES} is refused unread.
 */
public final class CallbackHttpHandler implements HttpHandler {

    private final Deliveries deliveries;
    private final String origin;

    /**
     * @param origin what vendors call, e.g. {@code https://hooks.example.com} (no path): behind a proxy, the public
     *     origin, not this server's own address
     */
    public CallbackHttpHandler(Deliveries deliveries, URI origin) {
        this.deliveries = Checks.required(deliveries, "deliveries");
        Checks.required(origin, "origin");
        if (origin.getScheme() == null || origin.getHost() == null) {
            throw SwitchboardException.invalid("origin", "must be an absolute http(s) URL, got '" + origin + "'");
        }
        this.origin = origin.getScheme() + "://" + origin.getRawAuthority();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBounded(exchange.getRequestBody());
            int status;
            if (body == null) {
                status = 413;
            } else {
                URI uri = exchange.getRequestURI();
                String url = origin + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                status = deliveries.receive(exchange.getRequestMethod(), url, exchange.getRequestHeaders(), body)
                        .httpStatus();
            }
            byte[] answer = status >= 400 ? ("" + status + "\n").getBytes(StandardCharsets.US_ASCII) : new byte[0];
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    /** The body, or null when it is larger than the receiver takes. */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(WebhookRequest.MAX_BODY_BYTES + 1);
        return bytes.length > WebhookRequest.MAX_BODY_BYTES ? null : bytes;
    }
}
