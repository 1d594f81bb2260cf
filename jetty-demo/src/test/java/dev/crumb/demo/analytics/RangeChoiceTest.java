package dev.crumb.demo.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.DateRange;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The dashboard's date range form")
class RangeChoiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    @DisplayName("defaults to the last 28 days, today included")
    void defaults() {
        RangeChoice choice = RangeChoice.parse(null, "", TODAY);

        assertThat(choice.valid()).isTrue();
        assertThat(choice.range()).isEqualTo(new DateRange(LocalDate.of(2026, 10, 29), TODAY));
    }

    @Test
    @DisplayName("takes ISO dates, one day included")
    void isoDates() {
        assertThat(RangeChoice.parse("2026-11-03", "2026-11-03", TODAY).range().dayCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("falls back to the default with a message for malformed, reversed or over-long ranges")
    void problems() {
        assertThat(RangeChoice.parse("yesterday", "2026-11-03", TODAY).problem()).startsWith("Dates must look like 2026-11-01");
        assertThat(RangeChoice.parse("2026-11-05", "2026-11-03", TODAY).problem()).startsWith("The start date is after");
        assertThat(RangeChoice.parse("2020-01-01", "2026-11-03", TODAY).problem()).startsWith("Choose at most 366 days");
        assertThat(RangeChoice.parse("yesterday", null, TODAY).range()).isEqualTo(RangeChoice.defaultEndingOn(TODAY));
    }

    @Test
    @DisplayName("a range longer than any store allows is a message too, not an error")
    void beyondTheStoresMaximum() {
        RangeChoice choice = RangeChoice.parse("0001-01-01", "2026-11-03", TODAY);

        assertThat(choice.valid()).isFalse();
        assertThat(choice.problem()).startsWith("Choose at most 366 days");
        assertThat(choice.range()).isEqualTo(RangeChoice.defaultEndingOn(TODAY));
    }
}
