package dev.crumb.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.store.DateRange;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The date range parameters of the analytics summary")
class DateRangeParametersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    @DisplayName("without parameters: the 30 days ending today")
    void defaults() {
        DateRange r = DateRangeParameters.parse(null, null, TODAY, 1096);
        assertThat(r).isEqualTo(new DateRange(LocalDate.of(2026, 2, 1), TODAY));
        assertThat(r.dayCount()).isEqualTo(30);
    }

    @Test
    @DisplayName("with only to: the 30 days ending then; with only from: up to today")
    void halfGiven() {
        assertThat(DateRangeParameters.parse(null, "2026-01-31", TODAY, 1096)).isEqualTo(
                new DateRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31)));
        assertThat(DateRangeParameters.parse("2026-02-20", "", TODAY, 1096)).isEqualTo(
                new DateRange(LocalDate.of(2026, 2, 20), TODAY));
    }

    @Test
    @DisplayName("both ends are inclusive; a single day is a range")
    void inclusive() {
        assertThat(DateRangeParameters.parse("2026-03-01", "2026-03-01", TODAY, 1096).dayCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2026-3-1", "01.03.2026", "2026-02-30", "2026-13-01", "20260301", "2026-03-01T00:00",
            "+2026-03-01", "２０２６-03-01", "x"})
    @DisplayName("malformed dates are refused, naming the parameter")
    void malformed(String value) {
        assertThatThrownBy(() -> DateRangeParameters.parse(value, "2026-03-01", TODAY, 1096))
                .isInstanceOfSatisfying(DateRangeParameters.Invalid.class, e -> assertThat(e.parameter()).isEqualTo("from"))
                .hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    @DisplayName("from after to is refused")
    void reversed() {
        assertThatThrownBy(() -> DateRangeParameters.parse("2026-03-02", "2026-03-01", TODAY, 1096))
                .isInstanceOf(DateRangeParameters.Invalid.class).hasMessageContaining("after");
    }

    @Test
    @DisplayName("dates before 2000 or after next year are refused")
    void outOfBounds() {
        assertThatThrownBy(() -> DateRangeParameters.parse("1999-12-31", "2000-01-10", TODAY, 1096))
                .isInstanceOf(DateRangeParameters.Invalid.class).hasMessageContaining("2000-01-01");
        assertThatThrownBy(() -> DateRangeParameters.parse("2026-01-01", "2028-01-01", TODAY, 1096))
                .isInstanceOfSatisfying(DateRangeParameters.Invalid.class, e -> assertThat(e.parameter()).isEqualTo("to"))
                .hasMessageContaining("2027-12-31");
        assertThat(DateRangeParameters.parse("2027-12-01", "2027-12-31", TODAY, 1096).dayCount()).isEqualTo(31);
    }

    @Test
    @DisplayName("a range longer than the maximum is refused, one at the maximum accepted")
    void maximum() {
        assertThat(DateRangeParameters.parse("2026-01-01", "2026-01-10", TODAY, 10).dayCount()).isEqualTo(10);
        assertThatThrownBy(() -> DateRangeParameters.parse("2026-01-01", "2026-01-11", TODAY, 10))
                .isInstanceOf(DateRangeParameters.Invalid.class).hasMessageContaining("11 days").hasMessageContaining("at most 10");
    }
}
