package io.switchboard.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Follows a paged list's cursors until a limit, for callers that want items rather than pages. */
public final class Pages {

    /** A bound on pages followed, so that a vendor returning a cursor forever cannot loop us forever. */
    public static final int MAX_PAGES = 10_000;

    private Pages() {
    }

    /**
     * Fetches pages of {@code pageSize} (at most {@code limit}) until {@code limit} items are collected or the last
     * page is reached.
     */
    public static <T> List<T> collect(Function<PageRequest, Page<T>> fetch, int limit, int pageSize) {
        Checks.required(fetch, "fetch");
        Checks.positive(limit, "limit");
        Checks.positive(pageSize, "page size");
        List<T> items = new ArrayList<>(Math.min(limit, 1024));
        Optional<PageRequest> request = Optional.of(PageRequest.first(Math.min(pageSize, limit)));
        for (int pages = 0; request.isPresent() && items.size() < limit; pages++) {
            if (pages == MAX_PAGES) {
                throw new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE,
                        "a list did not end after " + MAX_PAGES + " pages"));
            }
            Page<T> page = fetch.apply(request.get());
            for (T item : page.items()) {
                if (items.size() == limit) {
                    break;
                }
                items.add(item);
            }
            request = request.get().next(page);
        }
        return List.copyOf(items);
    }
}
