package io.switchboard.adapters.plivo;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.SwitchboardException;

import java.util.Optional;

/**
 * Plivo's {@code limit} and {@code offset} for one page of a Plivo list: at most
 * {@value #MAX_LIMIT} results (Plivo's maximum; a larger limit is refused here, before any request), starting after
 * {@code offset} results.
 */
public record PlivoPaging(int limit, int offset) {

    public static final int MAX_LIMIT = 20;

    public PlivoPaging {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw SwitchboardException.invalid("limit", "must be from 1 to " + MAX_LIMIT + " (Plivo's maximum), got "
                    + limit);
        }
        if (offset < 0) {
            throw SwitchboardException.invalid("offset", "must not be negative, got " + offset);
        }
    }

    /** The first page of {@value #MAX_LIMIT}. */
    public static PlivoPaging first() {
        return new PlivoPaging(MAX_LIMIT, 0);
    }

    public static PlivoPaging of(int limit, int offset) {
        return new PlivoPaging(limit, offset);
    }

    /** The same limit from where {@code page} (fetched with these settings) says the next page starts, if any. */
    public Optional<PlivoPaging> next(Page<?> page) {
        return page.nextCursor().map(cursor -> new PlivoPaging(limit, Integer.parseInt(cursor)));
    }

    PageRequest toPageRequest() {
        return new PageRequest(limit, Optional.of(Integer.toString(offset)));
    }
}
