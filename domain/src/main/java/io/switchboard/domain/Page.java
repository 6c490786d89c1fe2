package io.switchboard.domain;

import java.util.List;
import java.util.Optional;

/**
 * One page of a vendor's list, with an opaque cursor to the next page. Offsets (Plivo), page numbers (Telnyx) and
 * next-page URIs (Twilio) all travel as that cursor.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = Checks.listOf(items, "items");
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor.filter(c -> !c.isEmpty());
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Optional.ofNullable(nextCursor));
    }

    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
