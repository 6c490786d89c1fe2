package io.switchboard.cli.serve;

import io.switchboard.Deliveries;
import io.switchboard.application.lifecycle.CallbackReceiver;

import java.util.function.Supplier;

/**
 * {@code POST} (and Twilio's and Plivo's {@code GET}) {@code <callbacks path>/<vendor>/<account>}: one vendor
 * callback handed to the library's receiver, with the URL rebuilt as the vendor called it (the public origin, then the
 * raw path and query), answered with the receipt's status and, when refused, its reason.
 */
public final class CallbacksRoute implements RouteServer.Handler {

    private final Deliveries deliveries;
    private final Supplier<String> origin;

    /** @param origin the scheme, host and port vendors call, known once the server listens */
    public CallbacksRoute(Deliveries deliveries, Supplier<String> origin) {
        this.deliveries = deliveries;
        this.origin = origin;
    }

    @Override
    public RouteServer.Response handle(RouteServer.Request request) {
        String query = request.uri().getRawQuery();
        String url = origin.get() + request.uri().getRawPath() + (query == null ? "" : "?" + query);
        CallbackReceiver.Receipt receipt = deliveries.receive(request.method(), url, request.headers(),
                request.body());
        return RouteServer.Response.text(receipt.httpStatus(), receipt.refusal()
                .map(reason -> reason.name().toLowerCase(java.util.Locale.ROOT) + "\n").orElse(""));
    }
}
