package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.ListEnvelope;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.SwitchboardException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plivo's {@code limit}/{@code offset} paging behind the domain's opaque cursor: the cursor is the offset of the
 * next page, read from {@code meta.next}. Page sizes are clamped to Plivo's maximum of {@value #MAX_LIMIT}.
 */
final class PlivoPager {

    static final int MAX_LIMIT = 20;
    private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");

    private final AccountId account;

    PlivoPager(AccountId account) {
        this.account = account;
    }

    /** {@code limit} and {@code offset} for the page, followed by {@code filters}. */
    Map<String, String> query(PageRequest page, Map<String, String> filters) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(Math.min(page.size(), MAX_LIMIT)));
        query.put("offset", String.valueOf(offset(page)));
        query.putAll(filters);
        return query;
    }

    int offset(PageRequest page) {
        if (page.cursor().isEmpty()) {
            return 0;
        }
        String cursor = page.cursor().get();
        try {
            int offset = Integer.parseInt(cursor);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SwitchboardException(Failure.invalid("cursor", "must be a Plivo page offset, got '" + cursor + "'")
                .withAccount(account));
    }

    /**
     * The domain page for one envelope: items Plivo sent without an id are left out (they could not be fetched
     * again), and the next cursor is the offset in {@code meta.next}, or none on the last page.
     */
    <T, R> Page<R> page(ListEnvelope<T> envelope, PageRequest request, Predicate<T> hasId,
            Function<T, R> map) {
        List<T> objects = envelope.objects() == null ? List.of() : envelope.objects();
        List<R> items = new ArrayList<>(objects.size());
        for (T object : objects) {
            if (object != null && hasId.test(object)) {
                try {
                    items.add(map.apply(object));
                } catch (RuntimeException e) {
                    // A record that parsed but cannot become a domain value: Plivo's answer is unreadable.
                    throw new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE, "Plivo answered a list with a "
                            + "record that cannot be read (" + e.getClass().getSimpleName() + ")")
                            .withAccount(account), e);
                }
            }
        }
        String next = envelope.meta() == null ? null : envelope.meta().next();
        if (next == null || next.isBlank() || objects.isEmpty()) {
            return Page.last(items);
        }
        Matcher m = OFFSET.matcher(next);
        int nextOffset = offset(request) + objects.size();
        if (m.find() && m.group(1).length() < 10) {
            nextOffset = Integer.parseInt(m.group(1));
        }
        if (nextOffset <= offset(request)) {
            // a next link that does not move forward would loop forever
            return Page.last(items);
        }
        return Page.of(items, String.valueOf(nextOffset));
    }

    static boolean present(String id) {
        return id != null && !id.isBlank();
    }
}
