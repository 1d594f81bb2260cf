package dev.crumb.demo.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("How the dashboard writes numbers")
class DashboardFormatTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0, 0", "999, 999", "1000, 1k", "1500, 1.5k", "12500, 12k", "2500000, 2.5M", "10000000000, 10B"})
    @DisplayName("axis numbers fit in four characters")
    void compact(long value, String expected) {
        assertThat(DashboardFormat.compact(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({"0, 0:00", "59.6, 1:00", "125.4, 2:05", "3599, 59:59", "3725, 1:02:05", "-3, 0:00"})
    @DisplayName("durations read as m:ss, or h:mm:ss from an hour")
    void duration(double seconds, String expected) {
        assertThat(DashboardFormat.duration(seconds)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0, 0.0%", "0.4321, 43.2%", "1, 100.0%"})
    @DisplayName("bounce rates are fractions shown as percentages")
    void percent(double fraction, String expected) {
        assertThat(DashboardFormat.percent(fraction)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "www.example.com          | www.example.com",
            "bücher.example           | bücher.example (xn--bcher-kva.example)",
            "раураl.com               | раураl.com (xn--l-7sba6dbr.com)",
            "192.0.2.7                | 192.0.2.7"})
    @DisplayName("shows the punycode beside an internationalised referrer host, so look-alikes stand out")
    void hosts(String host, String shown) {
        assertThat(DashboardFormat.host(host)).isEqualTo(shown);
    }
}
