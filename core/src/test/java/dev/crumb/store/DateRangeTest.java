package dev.crumb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DateRange, the one range of UTC days")
class DateRangeTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    @Test
    @DisplayName("one day is a range of one day, both ends included")
    void oneDay() {
        DateRange day = new DateRange(NOV_1, NOV_1);

        assertThat(day.dayCount()).isEqualTo(1);
        assertThat(day.days()).containsExactly(NOV_1);
    }

    @Test
    @DisplayName("lists every day in order and knows which days it contains")
    void days() {
        DateRange range = new DateRange(NOV_1, NOV_1.plusDays(2));

        assertThat(range.days()).containsExactly(NOV_1, NOV_1.plusDays(1), NOV_1.plusDays(2));
        assertThat(range.dayCount()).isEqualTo(3);
        assertThat(range.contains(NOV_1.minusDays(1))).isFalse();
        assertThat(range.contains(NOV_1.plusDays(2))).isTrue();
        assertThat(range.contains(NOV_1.plusDays(3))).isFalse();
    }

    @Test
    @DisplayName("a start after the end is refused with a message that says what to pass")
    void order() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DateRange(NOV_1.plusDays(1), NOV_1))
                .withMessageContaining("after its end").withMessageContaining("pass the earlier day as 'from'");
    }

    @Test
    @DisplayName("at most ten years: the maximum is accepted, one day more refused")
    void maximum() {
        LocalDate last = NOV_1.plusDays(DateRange.MAX_DAYS - 1L);

        assertThat(new DateRange(NOV_1, last).dayCount()).isEqualTo(DateRange.MAX_DAYS);
        assertThatIllegalArgumentException().isThrownBy(() -> new DateRange(NOV_1, last.plusDays(1)))
                .withMessageContaining("3661 days").withMessageContaining("at most 3660");
    }

    @Test
    @DisplayName("a missing day is refused by name")
    void nulls() {
        assertThatNullPointerException().isThrownBy(() -> new DateRange(null, NOV_1)).withMessage("from");
        assertThatNullPointerException().isThrownBy(() -> new DateRange(NOV_1, null)).withMessage("to");
    }

    @Test
    @DisplayName("endingOn covers the given number of days up to and including the last")
    void endingOn() {
        assertThat(DateRange.endingOn(NOV_1, 28)).isEqualTo(new DateRange(LocalDate.of(2026, 10, 5), NOV_1));
        assertThat(DateRange.endingOn(NOV_1, 1).days()).containsExactly(NOV_1);
        assertThatIllegalArgumentException().isThrownBy(() -> DateRange.endingOn(NOV_1, 0))
                .withMessageContaining("at least one day");
    }
}
