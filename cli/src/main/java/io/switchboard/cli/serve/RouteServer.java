package io.switchboard.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server (the JDK's {@code HttpServer}) that answers a fixed set of routes, each an exact path and a
 * method: {@code GET /metrics} today, vendors' webhooks next. Any other path is 404, another method on a known path
 * 405 with {@code Allow}, a body over the limit 413, and a handler that throws 500 without details.
 */
public final class RouteServer implements AutoCloseable {

    /** Request bodies larger than this are refused (413): webhooks are a few kilobytes. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private static final int THREADS = 4;

    /** One request: method, the URI as sent (path and query), headers by lower-case name, and the whole body. */
    public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body,
            InetSocketAddress remote) {
    }

    /** One answer; an empty body is sent as none. */
    public record Response(int status, String contentType, byte[] body) {

        public Response {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        public static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Answers the requests of one route; it runs on the server's threads, several at once. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Map<String, Handler>> routes;
    private final int maxBodyBytes;

    private RouteServer(HttpServer server, ExecutorService executor, Map<String, Map<String, Handler>> routes,
            int maxBodyBytes) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.maxBodyBytes = maxBodyBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the server is bound to: the port chosen by the system when 0 was asked. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The URL of {@code path} on this server, as a client would write it. */
    public URI uri(String path, String host) {
        try {
            return new URI("http", null, host, address().getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URL for host " + host + " and path " + path, e);
        }
    }

    /** Stops at once: requests in progress are cut. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = answer(exchange);
            } catch (RuntimeException | IOException e) {
                response = Response.text(500, "internal error\n");
            }
            if (response.status() == 405) {
                exchange.getResponseHeaders().set("Allow", String.join(", ",
                        routes.get(exchange.getRequestURI().getPath()).keySet()));
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            byte[] body = "HEAD".equals(exchange.getRequestMethod()) ? new byte[0] : response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Response answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, Handler> methods = routes.get(path);
        if (methods == null) {
            return Response.text(404, "not found\n");
        }
        Handler handler = methods.get(exchange.getRequestMethod());
        if (handler == null) {
            return Response.text(405, "method not allowed; allowed: " + String.join(", ", methods.keySet()) + "\n");
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return Response.text(413, "request body larger than " + maxBodyBytes + " bytes\n");
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                List.copyOf(values)));
        return handler.handle(new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body,
                exchange.getRemoteAddress()));
    }

    /** The body, or null when it is longer than the limit. */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    /** Routes first, then {@link #start}. */
    public static final class Builder {
        private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /** Answers {@code method} requests to exactly {@code path} (no prefix matching, the query ignored). */
        public Builder route(String method, String path, Handler handler) {
            Objects.requireNonNull(handler, "handler");
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("a route's path starts with '/', got " + path);
            }
            Handler previous = routes.computeIfAbsent(path, p -> new LinkedHashMap<>())
                    .putIfAbsent(Objects.requireNonNull(method, "method"), handler);
            if (previous != null) {
                throw new IllegalArgumentException("two handlers for " + method + " " + path);
            }
            return this;
        }

        public Builder maxBodyBytes(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxBodyBytes must not be negative, got " + value);
            }
            maxBodyBytes = value;
            return this;
        }

        /** Binds {@code address} (port 0: a free port) and starts answering. */
        public RouteServer start(InetSocketAddress address) throws IOException {
            HttpServer server = HttpServer.create(address, 0);
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
                Thread thread = new Thread(task, "switchboard-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            Map<String, Map<String, Handler>> copy = new LinkedHashMap<>();
            routes.forEach((path, methods) -> copy.put(path, Collections.unmodifiableMap(new LinkedHashMap<>(methods))));
            RouteServer routeServer = new RouteServer(server, executor, Collections.unmodifiableMap(copy),
                    maxBodyBytes);
            server.createContext("/", routeServer::dispatch);
            server.setExecutor(executor);
            server.start();
            return routeServer;
        }
    }
}
