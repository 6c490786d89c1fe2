package io.switchboard.domain;

import java.util.Optional;

/**
 * Which page to fetch: a page size and the cursor a previous {@link Page} returned (absent for the first page).
 * Adapters clamp the size to what their vendor allows.
 */
public record PageRequest(int size, Optional<String> cursor) {

    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        Checks.positive(size, "page size");
        cursor = cursor == null ? Optional.empty() : cursor.filter(c -> !c.isEmpty());
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }

    public static PageRequest first() {
        return first(DEFAULT_SIZE);
    }

    /** The request for the page after {@code page}, or empty when it was the last one. */
    public Optional<PageRequest> next(Page<?> page) {
        return page.nextCursor().map(c -> new PageRequest(size, Optional.of(c)));
    }
}
