package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KnownLockRowsTest {

    private static TreeSet<String> set(String... visitors) {
        return new TreeSet<>(List.of(visitors));
    }

    @Test
    void visitorsAreUnknownUntilRemembered() {
        KnownLockRows known = new KnownLockRows(10);
        assertThat(known.unknown(set("a", "b", "c"))).containsExactly("a", "b", "c");

        known.settle(List.of("a", "c"), Set.of("a", "c"));

        assertThat(known.unknown(set("a", "b", "c"))).containsExactly("b");
    }

    @Test
    void forgottenVisitorsAreUnknownAgain() {
        KnownLockRows known = new KnownLockRows(10);
        known.settle(List.of("a", "b"), Set.of("a", "b"));

        // b and not-there were not found free; a was locked again.
        known.settle(List.of("a", "b", "not-there"), Set.of("a"));

        assertThat(known.unknown(set("a", "b"))).containsExactly("b");
        assertThat(known.size()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedVisitorIsForgottenFirst() {
        KnownLockRows known = new KnownLockRows(2);
        known.settle(List.of("a", "b"), Set.of("a", "b"));
        known.unknown(set("a"));                 // a is used again, so b is now the eldest

        known.settle(List.of("c"), Set.of("c"));

        assertThat(known.size()).isEqualTo(2);
        assertThat(known.unknown(set("a", "b", "c"))).containsExactly("b");
    }

    @Test
    void capacityZeroRemembersNothing() {
        KnownLockRows known = new KnownLockRows(0);
        known.settle(List.of("a"), Set.of("a"));

        assertThat(known.unknown(set("a"))).containsExactly("a");
        assertThatThrownBy(() -> new KnownLockRows(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 0");
    }
}
