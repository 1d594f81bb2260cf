package dev.crumb.demo.analytics;

import dev.crumb.Html;
import dev.crumb.demo.web.SiteTexts;
import dev.crumb.store.AnalyticsSummary.Day;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws visitors and page views per day as an inline SVG chart, rendered on the server: page views as
 * bars, visitors as a line over them, with both axes labelled. Readable without script; hovering a bar
 * shows that day's numbers, and screen readers get a summary through the chart's title and description.
 */
public final class VisitsChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 280;
    private static final int LEFT = 52;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;
    private static final int MAX_X_LABELS = 7;
    private static final int MAX_DAYS_WITH_DOTS = 31;

    static final String BAR_COLOR = "#9fb7d9";
    static final String LINE_COLOR = "#14213d";

    private VisitsChart() {
    }

    /** The chart of {@code days}, which are in date order. */
    public static Html render(List<Day> days) {
        return render(days, SiteTexts.of("en"));
    }

    /** The chart of {@code days}, labelled and with numbers and dates written in the language of {@code t}. */
    public static Html render(List<Day> days, SiteTexts t) {
        if (days.isEmpty()) {
            return svg(t.get("analytics.chart"), t.get("analytics.chartNoDays") + ".", Html.of(
                    "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" class=\"chart-empty\">%s</text>",
                    WIDTH / 2, HEIGHT / 2, t.get("analytics.chartNoDays")));
        }
        long max = days.stream().mapToLong(d -> Math.max(d.pageviews(), d.visitors())).max().orElse(0);
        Scale scale = Scale.covering(max);
        double slot = (double) (WIDTH - LEFT - RIGHT) / days.size();
        return svg(title(days, t), description(days, t), Html.of("%s%s%s%s", yAxis(scale, t), xAxis(days, slot, t),
                bars(days, slot, scale, t), line(days, slot, scale)));
    }

    private static Html svg(String title, String description, Html content) {
        return Html.of("""
                <svg class="chart" viewBox="0 0 %s %s" role="img" aria-labelledby="chart-title chart-desc" \
                font-family="system-ui, sans-serif" font-size="12">
                <title id="chart-title">%s</title>
                <desc id="chart-desc">%s</desc>
                %s
                </svg>""", WIDTH, HEIGHT, title, description, content);
    }

    private static String title(List<Day> days, SiteTexts t) {
        Locale locale = t.formatLocale();
        String first = DashboardFormat.longDate(days.get(0).date(), locale);
        return days.size() > 1
                ? t.format("analytics.chartTitleRange", first, DashboardFormat.longDate(days.get(days.size() - 1).date(), locale))
                : t.format("analytics.chartTitleDay", first);
    }

    private static String description(List<Day> days, SiteTexts t) {
        Locale locale = t.formatLocale();
        Day busiest = days.stream().max(Comparator.comparingLong(Day::pageviews)).orElseThrow();
        long visitors = days.stream().mapToLong(Day::visitors).sum();
        long pageviews = days.stream().mapToLong(Day::pageviews).sum();
        return t.format("analytics.chartDescription", days.size(), DashboardFormat.count(visitors, locale),
                DashboardFormat.count(pageviews, locale), DashboardFormat.longDate(busiest.date(), locale),
                DashboardFormat.count(busiest.pageviews(), locale), DashboardFormat.count(busiest.visitors(), locale));
    }

    private static Html yAxis(Scale scale, SiteTexts t) {
        List<Html> ticks = new ArrayList<>();
        for (long value = 0; value <= scale.max(); value += scale.step()) {
            double y = y(value, scale);
            ticks.add(Html.of("""
                    <line x1="%s" x2="%s" y1="%s" y2="%s" stroke="#dde3ea"/>\
                    <text x="%s" y="%s" text-anchor="end" fill="#475569">%s</text>""",
                    LEFT, WIDTH - RIGHT, fmt(y), fmt(y), LEFT - 8, fmt(y + 4), DashboardFormat.compact(value, t.formatLocale())));
        }
        return ticks.stream().collect(Html.joining());
    }

    private static Html xAxis(List<Day> days, double slot, SiteTexts t) {
        int every = (int) Math.ceil((double) days.size() / MAX_X_LABELS);
        List<Html> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i += every) {
            labels.add(Html.of("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"#475569\">%s</text>",
                    fmt(centre(i, slot)), HEIGHT - BOTTOM + 20, DashboardFormat.shortDate(days.get(i).date(), t.formatLocale())));
        }
        return Html.of("<line x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\" stroke=\"#94a3b8\"/>%s",
                LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, HEIGHT - BOTTOM, labels.stream().collect(Html.joining()));
    }

    private static Html bars(List<Day> days, double slot, Scale scale, SiteTexts t) {
        double width = Math.max(1, slot * 0.64);
        List<Html> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double top = y(day.pageviews(), scale);
            bars.add(Html.of("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"2\" fill=\"%s\">"
                            + "<title>%s</title></rect>",
                    fmt(centre(i, slot) - width / 2), fmt(top), fmt(width), fmt(HEIGHT - BOTTOM - top), BAR_COLOR,
                    t.format("analytics.chartBar", DashboardFormat.longDate(day.date(), t.formatLocale()),
                            DashboardFormat.count(day.pageviews(), t.formatLocale()),
                            DashboardFormat.count(day.visitors(), t.formatLocale()))));
        }
        return bars.stream().collect(Html.joining());
    }

    private static Html line(List<Day> days, double slot, Scale scale) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            points.append(i == 0 ? "" : " ").append(fmt(centre(i, slot))).append(',')
                    .append(fmt(y(days.get(i).visitors(), scale)));
        }
        Html dots = Html.EMPTY;
        if (days.size() <= MAX_DAYS_WITH_DOTS) {
            List<Html> circles = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                circles.add(Html.of("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>", fmt(centre(i, slot)),
                        fmt(y(days.get(i).visitors(), scale)), LINE_COLOR));
            }
            dots = circles.stream().collect(Html.joining());
        }
        return Html.of("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" "
                + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>%s", points.toString(), LINE_COLOR, dots);
    }

    private static double centre(int index, double slot) {
        return LEFT + slot * (index + 0.5);
    }

    private static double y(long value, Scale scale) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (double) value / scale.max());
    }

    private static String fmt(double value) {
        return String.format(Locale.US, "%.1f", value);
    }

    /** A y axis from 0 to {@code max} in round steps, with at least one step. */
    record Scale(long max, long step) {
        static Scale covering(long highest) {
            if (highest <= 0) {
                return new Scale(4, 1);
            }
            double raw = highest / 4.0;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double residual = raw / magnitude;
            double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
            long step = Math.max(1, (long) (nice * magnitude));
            long max = step * ((highest + step - 1) / step);
            return new Scale(max, step);
        }
    }
}
