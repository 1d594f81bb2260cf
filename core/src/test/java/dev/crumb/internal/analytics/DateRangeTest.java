package dev.crumb.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Date ranges of the analytics summary")
class DateRangeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    @DisplayName("without parameters: the 30 days ending today")
    void defaults() {
        DateRange r = DateRange.parse(null, null, TODAY, 1096);
        assertThat(r).isEqualTo(new DateRange(LocalDate.of(2026, 2, 1), TODAY));
        assertThat(r.days()).isEqualTo(30);
    }

    @Test
    @DisplayName("with only to: the 30 days ending then; with only from: up to today")
    void halfGiven() {
        assertThat(DateRange.parse(null, "2026-01-31", TODAY, 1096)).isEqualTo(
                new DateRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31)));
        assertThat(DateRange.parse("2026-02-20", "", TODAY, 1096)).isEqualTo(
                new DateRange(LocalDate.of(2026, 2, 20), TODAY));
    }

    @Test
    @DisplayName("both ends are inclusive; a single day is a range")
    void inclusive() {
        assertThat(DateRange.parse("2026-03-01", "2026-03-01", TODAY, 1096).days()).isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2026-3-1", "01.03.2026", "2026-02-30", "2026-13-01", "20260301", "2026-03-01T00:00",
            "+2026-03-01", "２０２６-03-01", "x"})
    @DisplayName("malformed dates are refused, naming the parameter")
    void malformed(String value) {
        assertThatThrownBy(() -> DateRange.parse(value, "2026-03-01", TODAY, 1096))
                .isInstanceOfSatisfying(DateRange.Invalid.class, e -> assertThat(e.parameter()).isEqualTo("from"))
                .hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    @DisplayName("from after to is refused")
    void reversed() {
        assertThatThrownBy(() -> DateRange.parse("2026-03-02", "2026-03-01", TODAY, 1096))
                .isInstanceOf(DateRange.Invalid.class).hasMessageContaining("after");
    }

    @Test
    @DisplayName("dates before 2000 or after next year are refused")
    void outOfBounds() {
        assertThatThrownBy(() -> DateRange.parse("1999-12-31", "2000-01-10", TODAY, 1096))
                .isInstanceOf(DateRange.Invalid.class).hasMessageContaining("2000-01-01");
        assertThatThrownBy(() -> DateRange.parse("2026-01-01", "2028-01-01", TODAY, 1096))
                .isInstanceOfSatisfying(DateRange.Invalid.class, e -> assertThat(e.parameter()).isEqualTo("to"))
                .hasMessageContaining("2027-12-31");
        assertThat(DateRange.parse("2027-12-01", "2027-12-31", TODAY, 1096).days()).isEqualTo(31);
    }

    @Test
    @DisplayName("a range longer than the maximum is refused, one at the maximum accepted")
    void maximum() {
        assertThat(DateRange.parse("2026-01-01", "2026-01-10", TODAY, 10).days()).isEqualTo(10);
        assertThatThrownBy(() -> DateRange.parse("2026-01-01", "2026-01-11", TODAY, 10))
                .isInstanceOf(DateRange.Invalid.class).hasMessageContaining("11 days").hasMessageContaining("at most 10");
    }
}
