package dev.crumb.demo.analytics;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes numbers, shares, durations and dates, in US English. */
final class DashboardFormat {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);

    private DashboardFormat() {
    }

    /** A count with thousands separators: {@code 1,234,567}. */
    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** A count in at most four characters for chart axes: {@code 950}, {@code 12k}, {@code 1.5M}. */
    static String compact(long value) {
        if (value < 1_000) {
            return Long.toString(value);
        }
        String[] suffixes = {"k", "M", "B", "T", "P", "E"};
        double scaled = value;
        int unit = -1;
        while (scaled >= 1_000 && unit < suffixes.length - 1) {
            scaled /= 1_000;
            unit++;
        }
        String number = scaled < 10 && scaled != Math.floor(scaled)
                ? String.format(Locale.US, "%.1f", scaled)
                : Long.toString(Math.round(Math.floor(scaled)));
        return number + suffixes[unit];
    }

    /** A fraction from 0 to 1 as a percentage with one decimal: {@code 0.4321} → {@code 43.2%}. */
    static String percent(double fraction) {
        return String.format(Locale.US, "%.1f%%", fraction * 100);
    }

    /** A ratio with one decimal, or a dash when the divisor is zero. */
    static String ratio(long dividend, long divisor) {
        return divisor == 0 ? "–" : String.format(Locale.US, "%.1f", (double) dividend / divisor);
    }

    /** A duration as {@code m:ss}, or {@code h:mm:ss} from one hour on. */
    static String duration(double seconds) {
        long total = Math.round(Math.max(0, seconds));
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long secs = total % 60;
        return hours > 0
                ? String.format(Locale.US, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.US, "%d:%02d", minutes, secs);
    }

    /** A day on a chart axis: {@code Nov 3}. */
    static String shortDate(LocalDate date) {
        return SHORT_DATE.format(date);
    }

    /** A day in text: {@code Nov 3, 2026}. */
    static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /**
     * A referrer host for people to read: an internationalised name shows its punycode beside it
     * ({@code bücher.example (xn--bcher-kva.example)}), so a look-alike ({@code раураl.com} in Cyrillic)
     * cannot pass for the real site. ASCII names are shown as they are.
     */
    static String host(String host) {
        String ascii;
        try {
            ascii = java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return host;
        }
        return ascii.equalsIgnoreCase(host) ? host : host + " (" + ascii.toLowerCase(Locale.ROOT) + ")";
    }
}
