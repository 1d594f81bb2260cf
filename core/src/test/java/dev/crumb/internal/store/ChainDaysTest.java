package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChainDaysTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void aDailyVisitorTakesTwoCharactersADayAndWeightsOtherThanOneAreWritten() {
        ChainDays chain = new ChainDays(new TreeMap<>(Map.of(DAY, 1L, DAY.plusDays(1), 1L, DAY.plusDays(2), 3L,
                DAY.plusDays(40), 1L)));

        assertThat(chain.encoded()).isEqualTo("0,1,1*3,38");
        assertThat(chain.firstDay()).isEqualTo(DAY);
        assertThat(ChainDays.decode(DAY, "0,1,1*3,38")).isEqualTo(chain);
    }

    @Test
    void aDayKnowsItsWeightAndBothNeighbours() {
        ChainDays chain = ChainDays.decode(DAY, "0*2,5,5");

        assertThat(chain.at(DAY.plusDays(5))).isEqualTo(new ChainDay.Stored(1, DAY, DAY.plusDays(10)));
        assertThat(chain.at(DAY.plusDays(7))).isEqualTo(new ChainDay.Stored(0, DAY.plusDays(5), DAY.plusDays(10)));
        assertThat(chain.at(DAY.minusDays(1))).isEqualTo(new ChainDay.Stored(0, null, DAY));
        assertThat(chain.at(DAY.plusDays(11))).isEqualTo(new ChainDay.Stored(0, DAY.plusDays(10), null));
        assertThat(ChainDays.NONE.at(DAY)).isEqualTo(ChainDay.Stored.ABSENT);
    }

    @Test
    void changesAddReweightAndRemoveDaysAndRetentionKeepsTheLaterOnes() {
        ChainDays chain = ChainDays.decode(DAY, "0,2,2");

        ChainDays changed = chain.with(Map.of(DAY, 0L, DAY.plusDays(2), 4L, DAY.plusDays(3), 1L));

        assertThat(changed.days()).containsExactly(Map.entry(DAY.plusDays(2), 4L), Map.entry(DAY.plusDays(3), 1L),
                Map.entry(DAY.plusDays(4), 1L));
        assertThat(changed.encoded()).isEqualTo("0*4,1,1");
        assertThat(changed.firstDay()).isEqualTo(DAY.plusDays(2));
        assertThat(chain.from(DAY.plusDays(3)).days()).containsOnlyKeys(DAY.plusDays(4));
        assertThat(chain.from(DAY.plusDays(5)).isEmpty()).isTrue();
        assertThat(ChainDays.NONE.encoded()).isEmpty();
        assertThat(ChainDays.NONE.firstDay()).isNull();
    }

    @Test
    void aRowThatCannotBeReadSaysWhatToCheck() {
        for (String bad : new String[] {"0,x", "0*0", "0,0", "0*", "1", "0,,1", "0*-2"}) {
            assertThatThrownBy(() -> ChainDays.decode(DAY, bad)).as(bad)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("visitor-day chain")
                    .hasMessageContaining("changed by hand");
        }
        assertThatThrownBy(() -> new ChainDays(new TreeMap<>(Map.of(DAY, 0L)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void everyChainReadsBackAsWritten(@ForAll @Size(max = 60) java.util.List<@IntRange(min = 0, max = 800) Integer> offsets,
                                      @ForAll @LongRange(min = 1, max = 1_000_000) long weight) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        offsets.forEach(offset -> days.merge(DAY.plusDays(offset), weight, Long::sum));
        ChainDays chain = new ChainDays(days);

        ChainDays read = chain.isEmpty() ? ChainDays.NONE : ChainDays.decode(chain.firstDay(), chain.encoded());

        assertThat(read).isEqualTo(chain);
    }

    @Property(tries = 300)
    void changesAndRetentionAgreeWithAMapOfDays(
            @ForAll @Size(max = 30) java.util.List<@IntRange(min = 0, max = 60) Integer> stored,
            @ForAll @Size(max = 10) java.util.List<@IntRange(min = 0, max = 60) Integer> changed,
            @ForAll @IntRange(min = 0, max = 3) int weight, @ForAll @IntRange(min = 0, max = 61) int cut) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        stored.forEach(offset -> days.merge(DAY.plusDays(offset), 1L, Long::sum));
        Map<LocalDate, Long> changes = new java.util.HashMap<>();
        changed.forEach(offset -> changes.put(DAY.plusDays(offset), (long) weight));
        TreeMap<LocalDate, Long> expected = new TreeMap<>(days);
        changes.forEach((day, w) -> {
            if (w == 0) {
                expected.remove(day);
            } else {
                expected.put(day, w);
            }
        });

        ChainDays after = new ChainDays(days).with(changes);

        assertThat(after.days()).isEqualTo(expected);
        assertThat(after.from(DAY.plusDays(cut)).days()).isEqualTo(expected.tailMap(DAY.plusDays(cut), true));
        LocalDate probe = DAY.plusDays(cut);
        assertThat(after.at(probe)).isEqualTo(new ChainDay.Stored(expected.getOrDefault(probe, 0L),
                expected.lowerKey(probe), expected.higherKey(probe)));
    }
}
