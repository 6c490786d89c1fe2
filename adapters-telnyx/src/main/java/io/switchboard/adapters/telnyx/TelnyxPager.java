package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Telnyx paging in the domain's terms. Page-number lists ({@code page[number]} from 1, {@code page[size]} up to 250)
 * carry the next page number as the opaque cursor; cursor lists ({@code page[after]}, {@code page[limit]}) carry
 * Telnyx's own {@code after} cursor.
 */
final class TelnyxPager {

    /** Telnyx's largest {@code page[size]}. */
    static final int MAX_PAGE_SIZE = 250;

    private final TelnyxErrors errors;

    TelnyxPager(TelnyxErrors errors) {
        this.errors = errors;
    }

    static int size(PageRequest page) {
        return Math.min(page.size(), MAX_PAGE_SIZE);
    }

    /** The page number a request asks for: 1 without a cursor, else the number the cursor holds. */
    int number(PageRequest page) {
        if (page.cursor().isEmpty()) {
            return 1;
        }
        return number(page.cursor().get());
    }

    int number(String cursor) {
        try {
            int number = Integer.parseInt(cursor.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw errors.invalid("cursor", "must be a Telnyx page number (1 or more), got '" + cursor + "'");
    }

    /** A fresh query map holding {@code page[number]} and {@code page[size]}; filters are added after. */
    Map<String, String> query(PageRequest page) {
        return query(number(page), size(page));
    }

    static Map<String, String> query(int number, int size) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page[number]", Integer.toString(number));
        query.put("page[size]", Integer.toString(Math.min(size, MAX_PAGE_SIZE)));
        return query;
    }

    /** Adds {@code key=value} when the value is present and not blank. */
    static void put(Map<String, String> query, String key, Optional<String> value) {
        value.map(String::trim).filter(v -> !v.isEmpty()).ifPresent(v -> query.put(key, v));
    }

    /**
     * The domain page for page {@code number} of a Telnyx list. The next cursor comes from {@code meta.total_pages};
     * without meta, a full page is taken to have a successor (Pages bounds how far that is followed).
     */
    static <D, T> Page<T> page(TelnyxDto.Many<D> many, int number, int size, Function<D, T> map) {
        List<T> items = items(many.data(), map);
        TelnyxDto.PageMeta meta = many.meta();
        boolean more;
        if (meta != null && meta.totalPages() != null) {
            more = number < meta.totalPages();
        } else {
            more = many.data() != null && many.data().size() >= size;
        }
        return more ? Page.of(items, Integer.toString(number + 1)) : Page.last(items);
    }

    static <D, T> List<T> items(List<D> data, Function<D, T> map) {
        List<T> items = new ArrayList<>(data == null ? 0 : data.size());
        if (data != null) {
            for (D d : data) {
                if (d != null) {
                    items.add(map.apply(d));
                }
            }
        }
        return items;
    }

    /** The query of a cursor list: {@code page[limit]} and, after the first page, {@code page[after]}. */
    static Map<String, String> cursorQuery(String after, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page[limit]", Integer.toString(Math.min(limit, MAX_PAGE_SIZE)));
        if (after != null && !after.isEmpty()) {
            query.put("page[after]", after);
        }
        return query;
    }

    /**
     * Telnyx's {@code after} cursor for the next page of a cursor list. Telnyx echoes cursors on every page; only
     * {@code meta.next} (a link) says that another page exists.
     */
    static Optional<String> after(TelnyxDto.CursorMany<?> many) {
        TelnyxDto.CursorMeta meta = many.meta();
        if (meta == null || meta.cursors() == null || meta.next() == null || meta.next().isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(meta.cursors().after()).filter(a -> !a.isBlank());
    }
}
