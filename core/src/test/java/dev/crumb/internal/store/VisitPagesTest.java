package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a visit's paths in its row")
class VisitPagesTest {

    private static SortedMap<String, Long> views(Object... pathsAndCounts) {
        SortedMap<String, Long> views = new TreeMap<>();
        for (int i = 0; i < pathsAndCounts.length; i += 2) {
            views.put((String) pathsAndCounts[i], ((Number) pathsAndCounts[i + 1]).longValue());
        }
        return views;
    }

    @Test
    @DisplayName("any path reads back exactly: separators, digits, an empty list and characters outside the BMP")
    void roundTrip() {
        VisitPages pages = new VisitPages(views("/a:b", 3, "/1:2:/x", 12_345_678_901L, "/\uD83C\uDF6A", 1, "/", 2), true);

        VisitPages read = VisitPages.decode(pages.encoded(), true);

        assertThat(read).isEqualTo(pages);
        assertThat(VisitPages.decode("", false)).isEqualTo(VisitPages.NONE);
        assertThat(new VisitPages(views("/a", 2), false).encoded()).isEqualTo("2:2:/a");
    }

    @Test
    @DisplayName("a row that cannot be read is an error that says so, never a wrong count")
    void corruptRow() {
        assertThatThrownBy(() -> VisitPages.decode("2:9:/a", false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crumb_visit");
        assertThatThrownBy(() -> VisitPages.decode("x", false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a batch adds to the paths of the row while they fit; the rest, and every new path after, spill")
    void spillsPastTheCapacity() {
        String longPath = "/" + "p".repeat(VisitPages.ROW_CAPACITY - 2 * VisitPages.ENTRY_OVERHEAD - 10);
        Map<String, Long> spill = new TreeMap<>();

        VisitPages first = VisitPages.NONE.plus(views("/a", 1, longPath, 1, "/z", 1), spill);

        assertThat(first.views()).containsOnlyKeys("/a", longPath);
        assertThat(first.spilled()).isTrue();
        assertThat(spill).containsExactly(Map.entry("/z", 1L));

        Map<String, Long> more = new TreeMap<>();
        VisitPages second = first.plus(views("/a", 2, "/b", 1), more);

        assertThat(second.views()).containsEntry("/a", 3L).doesNotContainKey("/b");
        assertThat(more).containsExactly(Map.entry("/b", 1L));
    }

    @Test
    @DisplayName("a visit of a few paths keeps them all in its row, summed")
    void typicalVisit() {
        Map<String, Long> spill = new TreeMap<>();

        VisitPages pages = VisitPages.NONE.plus(views("/", 2, "/pricing", 1), spill)
                .plus(views("/", 1, "/signup", 1), spill);

        assertThat(pages).isEqualTo(new VisitPages(views("/", 3, "/pricing", 1, "/signup", 1), false));
        assertThat(spill).isEmpty();
    }
}
