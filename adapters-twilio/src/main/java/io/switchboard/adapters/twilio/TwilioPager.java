package io.switchboard.adapters.twilio;

import io.switchboard.adapters.twilio.TwilioDtos.RestPage;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.SwitchboardException;
import okhttp3.HttpUrl;
import retrofit2.Call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Twilio's paging: the first page from filters and a page size, every further page from the URI Twilio returned
 * ({@code next_page_uri} on the REST API, {@code meta.next_page_url} on Pricing and Lookups), which is the opaque
 * cursor of the domain {@link Page}. A cursor is only ever followed on the configured host: its host part, if any,
 * is dropped, so credentials never travel to a host named in a response.
 */
final class TwilioPager {

    /** Twilio's largest REST page. */
    static final int MAX_PAGE_SIZE = 1000;

    private final Exchange exchange;

    TwilioPager(Exchange exchange) {
        this.exchange = exchange;
    }

    static int clamp(int size) {
        return Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    }

    /** One page: the first from {@code first(pageSize)}, or the one the request's cursor names. */
    <D, T> Page<T> page(HttpUrl baseUrl, PageRequest request, IntFunction<Call<? extends RestPage<D>>> first,
            Function<String, Call<? extends RestPage<D>>> next, Function<D, T> map, String operation) {
        Call<? extends RestPage<D>> call = request.cursor()
                .<Call<? extends RestPage<D>>>map(cursor -> next.apply(follow(baseUrl, cursor)))
                .orElseGet(() -> first.apply(clamp(request.size())));
        return exchange.read(call, operation, page -> {
            List<D> items = page.items() == null ? List.of() : page.items();
            List<T> mapped = new ArrayList<>(items.size());
            for (D item : items) {
                if (item != null) {
                    mapped.add(map.apply(item));
                }
            }
            return Page.of(mapped, page.nextPageUri());
        });
    }

    /**
     * The absolute URL to fetch for a cursor, on {@code baseUrl}'s host. Twilio's URIs start at the API root
     * ({@code /2010-04-01/...}); with a base URL under a path prefix they are resolved below that prefix.
     */
    static String follow(HttpUrl baseUrl, String cursor) {
        String reference = cursor.trim();
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            HttpUrl absolute = HttpUrl.parse(reference);
            if (absolute == null) {
                throw SwitchboardException.invalid("page cursor", "is not a Twilio page URI, got '" + cursor + "'");
            }
            reference = absolute.encodedPath() + (absolute.encodedQuery() == null ? "" : "?" + absolute.encodedQuery());
        }
        if (!reference.startsWith("/")) {
            throw SwitchboardException.invalid("page cursor", "is not a Twilio page URI, got '" + cursor + "'");
        }
        String basePath = baseUrl.encodedPath();
        if (!reference.startsWith(basePath)) {
            reference = reference.substring(1);
        }
        HttpUrl resolved = baseUrl.resolve(reference);
        if (resolved == null || !resolved.host().equals(baseUrl.host()) || resolved.port() != baseUrl.port()) {
            throw SwitchboardException.invalid("page cursor", "is not a Twilio page URI, got '" + cursor + "'");
        }
        return resolved.toString();
    }
}
