package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class VisitorChainsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static ChainDays days(int... offsets) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        for (int offset : offsets) {
            days.merge(DAY.plusDays(offset), 1L, Long::sum);
        }
        return new ChainDays(days);
    }

    @Test
    void aVisitorsChainsAreOneRowWithALetterTheFirstDayAndTheLengthOfEachItem() {
        VisitorChains chains = new VisitorChains("k", VisitorChains.DEFAULT_CAPACITY);
        chains.put(Metric.VISITORS, "", days(0, 1, 2));
        chains.put(Metric.PAGE_VISITORS, "/a;1:x", days(1));

        assertThat(chains.changedRows()).containsExactly(new VisitorChains.Row("k", 0, false, DAY,
                "p2026-03-026:/a;1:x0;v2026-03-010:0,1,1;"));
    }

    @Test
    void storedRowsReadBackAndAChangeRewritesOnlyTheRowOfTheChain() {
        VisitorChains chains = new VisitorChains("k", 40);
        chains.addStored(0, "v2026-03-010:0,1,1;");
        chains.addStored(1, "p2026-03-022:/a0;r2026-03-030:0;");

        assertThat(chains.get(Metric.VISITORS, "")).isEqualTo(days(0, 1, 2));
        assertThat(chains.get(Metric.PAGE_VISITORS, "/a")).isEqualTo(days(1));
        assertThat(chains.get(Metric.PAGE_VISITORS, "/b")).isEqualTo(ChainDays.NONE);

        chains.put(Metric.PAGE_VISITORS, "/a", days(1, 5));

        assertThat(chains.changedRows()).containsExactly(new VisitorChains.Row("k", 1, true, DAY.plusDays(1),
                "p2026-03-022:/a0,4;r2026-03-030:0;"));
    }

    @Test
    void aNewChainJoinsTheLastRowWithRoomOrStartsTheNext() {
        VisitorChains chains = new VisitorChains("k", 40);
        chains.addStored(0, "v2026-03-010:0,1,1;");
        chains.addStored(1, "r2026-03-030:0;");

        chains.put(Metric.PAGE_VISITORS, "/a", days(3)); // 15 + 16 characters: fits in part 1
        chains.put(Metric.PAGE_VISITORS, "/a-much-longer-path", days(3)); // does not: part 2

        assertThat(chains.changedRows()).extracting(VisitorChains.Row::part, VisitorChains.Row::stored)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true),
                        org.assertj.core.groups.Tuple.tuple(2, false));
        assertThat(chains.part(2)).containsOnlyKeys(new VisitorChains.ChainKey(Metric.PAGE_VISITORS,
                "/a-much-longer-path"));
    }

    @Test
    void aRowThatLosesItsLastChainIsDeletedAndRetentionTrimsEveryRow() {
        VisitorChains chains = new VisitorChains("k", 40);
        chains.addStored(0, "v2026-03-010:0,1,1;");
        chains.addStored(1, "r2026-03-010:0;p2026-03-052:/a0;");

        chains.trimBefore(DAY.plusDays(2));

        assertThat(chains.changedRows()).containsExactly(new VisitorChains.Row("k", 0, true, DAY.plusDays(2),
                "v2026-03-030:0;"), new VisitorChains.Row("k", 1, true, DAY.plusDays(4), "p2026-03-052:/a0;"));

        chains.put(Metric.PAGE_VISITORS, "/a", ChainDays.NONE);

        assertThat(chains.changedRows()).contains(new VisitorChains.Row("k", 1, true, null, null));
        assertThat(chains.changedRows().get(1).isDelete()).isTrue();
    }

    @Test
    void aRowThatCannotBeReadSaysWhatToCheck() {
        for (String bad : new String[] {"x2026-03-010:0;", "v2026-13-010:0;", "v2026-03-010:0", "v2026-03-01", "v2026-03-015:/a0;",
                "v2026-03-010:;", "v2026-03-010:0;v2026-03-010:1;"}) {
            assertThatThrownBy(() -> new VisitorChains("k", 40).addStored(0, bad)).as(bad)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("changed by hand");
        }
        VisitorChains twice = new VisitorChains("k", 40);
        twice.addStored(0, "v2026-03-010:0;");
        assertThatThrownBy(() -> twice.addStored(1, "v2026-03-020:0;")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in two rows");
    }

    @Property(tries = 200)
    void everyRowReadsBackAsWritten(@ForAll @Size(max = 12) List<@StringLength(max = 30) String> items,
                                    @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 400) Integer> offsets) {
        TreeMap<VisitorChains.ChainKey, ChainDays> written = new TreeMap<>();
        int[] days = offsets.stream().mapToInt(Integer::intValue).toArray();
        items.forEach(item -> written.put(new VisitorChains.ChainKey(Metric.PAGE_VISITORS, item), days(days)));
        written.put(new VisitorChains.ChainKey(Metric.VISITORS, ""), days(days));

        assertThat(VisitorChains.decode(VisitorChains.encode(written))).isEqualTo(written);
        assertThat(Map.copyOf(VisitorChains.decode(VisitorChains.encode(written)))).hasSize(written.size());
    }

    @Test
    void aVisitorDaysEarliestVisitSharesTheRowAndRetentionDropsOldDays() {
        VisitorChains chains = new VisitorChains("k", VisitorChains.DEFAULT_CAPACITY);
        chains.addStored(0, "v2026-03-010:0,1;e2026-03-011772359200000,1,2:DE2:de;");

        assertThat(chains.earliest(DAY)).isEqualTo(new VisitorDay.Earliest(1772359200000L, 1, "DE", "de"));
        assertThat(chains.earliest(DAY.plusDays(1))).isNull();

        chains.putEarliest(DAY.plusDays(1), new VisitorDay.Earliest(1772445600000L, 2, "ZZ", "pt-BR"));
        chains.put(Metric.VISITORS, "", days(0, 1));

        assertThat(chains.changedRows()).containsExactly(new VisitorChains.Row("k", 0, true, DAY,
                "e2026-03-011772359200000,1,2:DE2:de;e2026-03-021772445600000,2,2:ZZ5:pt-BR;v2026-03-010:0,1;"));

        chains.trimBefore(DAY.plusDays(1));

        assertThat(chains.earliest(DAY)).isNull();
        assertThat(chains.changedRows()).containsExactly(new VisitorChains.Row("k", 0, true, DAY.plusDays(1),
                "e2026-03-021772445600000,2,2:ZZ5:pt-BR;v2026-03-020:0;"));
        chains.putEarliest(DAY.plusDays(1), null);
        assertThat(chains.earliest(DAY.plusDays(1))).isNull();
    }

    @Test
    void aBrokenVisitorDaySaysWhatToCheck() {
        for (String bad : new String[] {"e2026-03-01", "e2026-03-011,1,2:DE2:de", "e2026-03-011,1,9:DE2:de;",
                "e2026-03-01x,1,2:DE2:de;", "e2026-03-011,1,2:DE2:de;e2026-03-012,1,2:DE2:de;"}) {
            assertThatThrownBy(() -> {
                VisitorChains chains = new VisitorChains("k", 40);
                chains.addStored(0, bad);
                chains.earliest(DAY);
            }).as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining("changed by hand");
        }
    }

    @Property(tries = 200)
    void everyVisitorDayReadsBackAsWritten(@ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 400) Integer> offsets,
                                           @ForAll @StringLength(max = 8) String country,
                                           @ForAll @StringLength(max = 35) String language,
                                           @ForAll @IntRange(min = 1, max = 100_000) int visit) {
        VisitorChains chains = new VisitorChains("k", 200);
        TreeMap<LocalDate, VisitorDay.Earliest> written = new TreeMap<>();
        for (int offset : offsets) {
            VisitorDay.Earliest earliest = new VisitorDay.Earliest(1772359200000L + offset * 86_400_000L + visit,
                    visit, country, language);
            written.put(DAY.plusDays(offset), earliest);
            chains.putEarliest(DAY.plusDays(offset), earliest);
        }
        chains.put(Metric.PAGE_VISITORS, country + language, days(0));

        VisitorChains read = new VisitorChains("k", 200);
        TreeMap<LocalDate, VisitorDay.Earliest> decoded = new TreeMap<>();
        for (VisitorChains.Row row : chains.changedRows()) {
            read.addStored(row.part(), row.encoded());
            decoded.putAll(VisitorChains.earliestOf(row.encoded()));
        }
        assertThat(decoded).isEqualTo(written);
        written.forEach((day, earliest) -> assertThat(read.earliest(day)).isEqualTo(earliest));
        assertThat(read.get(Metric.PAGE_VISITORS, country + language)).isEqualTo(days(0));
    }
}
