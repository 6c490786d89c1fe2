package io.switchboard.application.lifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.application.CallbackUrls;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.callback.WebhookRequest;
import io.switchboard.domain.port.CallbacksPort;
import io.switchboard.domain.port.ProviderConnector;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point for vendor callbacks, callable from any web framework: give it the method, the full URL the
 * vendor called, the headers and the raw body, and answer the vendor with {@link Receipt#httpStatus()}. The URL's
 * path ends with {@code /<vendor>/<account name>} (what {@link CallbackUrls} builds), which picks the account whose
 * key verifies the signature; its {@code record} parameter names the delivery record. Nothing is applied before the
 * signature verifies. Never throws for anything a caller can send.
 */
public final class CallbackReceiver {

    private final Map<AccountId, ProviderConnector> accounts;
    private final Lifecycle lifecycle;
    private final LifecycleMetrics metrics;

    public CallbackReceiver(List<? extends ProviderConnector> connectors, Lifecycle lifecycle, MeterRegistry registry) {
        Checks.required(connectors, "connectors");
        this.accounts = new LinkedHashMap<>();
        connectors.forEach(c -> accounts.put(c.account(), c));
        this.lifecycle = Checks.required(lifecycle, "lifecycle");
        this.metrics = new LifecycleMetrics(Checks.required(registry, "meterRegistry"));
    }

    /**
     * What came of one callback: the status to answer, the events it carried and what each did, or why it was
     * refused (one line, never a secret).
     */
    public record Receipt(int httpStatus, List<VendorEvent> events, List<Lifecycle.Result> results,
            Optional<CallbackResult.Refusal> refusal, String detail) {

        public Receipt {
            events = List.copyOf(events);
            results = List.copyOf(results);
            refusal = refusal == null ? Optional.empty() : refusal;
            detail = detail == null ? "" : detail;
        }

        static Receipt refused(CallbackResult.Refusal reason, String detail) {
            return new Receipt(reason.httpStatus(), List.of(), List.of(), Optional.of(reason), detail);
        }
    }

    /** As {@link #receive(WebhookRequest)}, from the parts a web framework hands over. */
    public Receipt receive(String method, String url, Map<String, ? extends List<String>> headers, byte[] body) {
        WebhookRequest request;
        try {
            request = WebhookRequest.of(method, url, headers, body);
        } catch (SwitchboardException e) {
            metrics.refused("unknown", CallbackResult.Refusal.BAD_REQUEST.name());
            return Receipt.refused(CallbackResult.Refusal.BAD_REQUEST, e.getMessage());
        }
        return receive(request);
    }

    public Receipt receive(WebhookRequest request) {
        Checks.required(request, "request");
        URI uri;
        try {
            uri = new URI(request.url());
        } catch (java.net.URISyntaxException e) {
            return refuse("unknown", CallbackResult.Refusal.BAD_REQUEST, "the URL is not a URI");
        }
        Optional<AccountId> account = accountOf(uri.getRawPath());
        if (account.isEmpty()) {
            return refuse("unknown", CallbackResult.Refusal.UNKNOWN_ACCOUNT,
                    "the URL path does not end with /<vendor>/<account> of a configured account");
        }
        String vendor = account.get().vendor().name();
        Optional<CallbacksPort> port = accounts.get(account.get()).callbacks();
        if (port.isEmpty()) {
            return refuse(vendor, CallbackResult.Refusal.UNKNOWN_ACCOUNT, account.get() + " reads no callbacks");
        }
        CallbackResult result;
        try {
            result = port.get().receive(request);
        } catch (RuntimeException e) {
            // An adapter must not throw here; if it does, nothing is applied and the vendor may retry.
            return refuse(vendor, CallbackResult.Refusal.MALFORMED, "the callback could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (result instanceof CallbackResult.Refused refused) {
            return refuse(vendor, refused.reason(), refused.detail());
        }
        Optional<String> record = recordOf(uri.getRawQuery());
        List<VendorEvent> events = new ArrayList<>();
        List<Lifecycle.Result> results = new ArrayList<>();
        for (VendorEvent event : ((CallbackResult.Accepted) result).events()) {
            if (!event.account().equals(account.get())) {
                return refuse(vendor, CallbackResult.Refusal.MALFORMED, "an event names another account");
            }
            VendorEvent linked = record.isPresent() && event.reference().isEmpty()
                    ? event.withReference(record.get()) : event;
            events.add(linked);
            try {
                results.add(lifecycle.apply(linked));
            } catch (RuntimeException e) {
                // The record store is away: answered 503 so the vendor delivers the callback again later.
                return refuse(vendor, CallbackResult.Refusal.STORE_UNAVAILABLE, "the delivery record store is "
                        + "unreachable; nothing was applied (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new Receipt(result.httpStatus(), events, results, Optional.empty(), "");
    }

    private Receipt refuse(String vendor, CallbackResult.Refusal reason, String detail) {
        metrics.refused(vendor, reason.name());
        return Receipt.refused(reason, detail);
    }

    /** The configured account named by the path's last two segments. */
    private Optional<AccountId> accountOf(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        int last = path.lastIndexOf('/');
        if (last <= 0) {
            return Optional.empty();
        }
        int before = path.lastIndexOf('/', last - 1);
        try {
            String vendor = decode(path.substring(before + 1, last)).toLowerCase(Locale.ROOT);
            String name = decode(path.substring(last + 1));
            AccountId id = AccountId.of(Vendor.of(vendor), name);
            return accounts.containsKey(id) ? Optional.of(id) : Optional.empty();
        } catch (SwitchboardException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> recordOf(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(CallbackUrls.RECORD_PARAMETER)) {
                try {
                    String key = decode(pair.substring(eq + 1));
                    return key.isBlank() ? Optional.empty() : Optional.of(key);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
