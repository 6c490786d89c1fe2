package io.switchboard.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagesTest {

    private final List<Integer> all = IntStream.range(0, 45).boxed().toList();
    private final List<PageRequest> requested = new ArrayList<>();

    private Page<Integer> fetch(PageRequest request) {
        requested.add(request);
        int from = request.cursor().map(Integer::parseInt).orElse(0);
        int to = Math.min(from + request.size(), all.size());
        return Page.of(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
    }

    @Test
    void followsCursorsUntilTheLimit() {
        assertThat(Pages.collect(this::fetch, 25, 10)).containsExactlyElementsOf(all.subList(0, 25));
        assertThat(requested).extracting(PageRequest::cursor).extracting(c -> c.orElse("first"))
                .containsExactly("first", "10", "20");
    }

    @Test
    void stopsAtTheLastPage() {
        assertThat(Pages.collect(this::fetch, 1000, 20)).containsExactlyElementsOf(all);
        assertThat(requested).hasSize(3);
    }

    @Test
    void neverAsksForAPageLargerThanTheLimit() {
        Pages.collect(this::fetch, 3, 1000);
        assertThat(requested).singleElement().extracting(PageRequest::size).isEqualTo(3);
    }

    @Test
    void aCursorThatNeverEndsIsBounded() {
        assertThatThrownBy(() -> Pages.collect(r -> Page.of(List.of(), "again"), 10, 10))
                .isInstanceOf(SwitchboardException.class).hasMessageContaining("did not end");
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThatThrownBy(() -> Pages.collect(this::fetch, 0, 10)).hasMessageContaining("'limit'");
    }
}
