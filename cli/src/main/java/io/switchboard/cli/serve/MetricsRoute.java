package io.switchboard.cli.serve;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: the registry in Prometheus' text format (version 0.0.4), scraped anew on each request. */
public final class MetricsRoute implements RouteServer.Handler {

    public static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsRoute(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RouteServer.Response handle(RouteServer.Request request) {
        return new RouteServer.Response(200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
