package dev.crumb.demo.analytics;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the dashboard writes numbers, shares, durations and dates in the page's language: each method takes
 * the format locale of the page ({@code SiteTexts.formatLocale()}); the forms without one write US English.
 */
final class DashboardFormat {

    private DashboardFormat() {
    }

    /** A count with thousands separators: {@code 1,234,567}. */
    static String count(long value) {
        return count(value, Locale.US);
    }

    /** A count with the thousands separators of {@code locale}: {@code 1.234.567} in German. */
    static String count(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A count in at most four characters for chart axes: {@code 950}, {@code 12k}, {@code 1.5M}. */
    static String compact(long value) {
        return compact(value, Locale.US);
    }

    /** A compact count with the decimal separator of {@code locale}: {@code 1,5M} in German. */
    static String compact(long value, Locale locale) {
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
                ? String.format(locale, "%.1f", scaled)
                : Long.toString(Math.round(Math.floor(scaled)));
        return number + suffixes[unit];
    }

    /** A fraction from 0 to 1 as a percentage with one decimal: {@code 0.4321} → {@code 43.2%}. */
    static String percent(double fraction) {
        return percent(fraction, Locale.US);
    }

    /** A percentage the way {@code locale} writes it: {@code 43,2 %} in German and French. */
    static String percent(double fraction, Locale locale) {
        String number = String.format(locale, "%.1f", fraction * 100);
        // German and French put a (no-break) space before the percent sign; English does not.
        return Locale.US.equals(locale) || "en".equals(locale.getLanguage()) ? number + "%" : number + "\u00a0%";
    }

    /** A ratio with one decimal, or a dash when the divisor is zero. */
    static String ratio(long dividend, long divisor) {
        return ratio(dividend, divisor, Locale.US);
    }

    /** A ratio with one decimal in the decimal separator of {@code locale}, or a dash when the divisor is zero. */
    static String ratio(long dividend, long divisor, Locale locale) {
        return divisor == 0 ? "–" : String.format(locale, "%.1f", (double) dividend / divisor);
    }

    /** A duration as {@code m:ss}, or {@code h:mm:ss} from one hour on (the same in every language). */
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
        return shortDate(date, Locale.US);
    }

    /** A day on a chart axis in {@code locale}: {@code Nov 3}, {@code 3. Nov.}, {@code 3 nov.}. */
    static String shortDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern(switch (locale.getLanguage()) {
            case "de" -> "d. MMM";
            case "fr" -> "d MMM";
            default -> "MMM d";
        }, locale).format(date);
    }

    /** A day in text: {@code Nov 3, 2026}. */
    static String longDate(LocalDate date) {
        return longDate(date, Locale.US);
    }

    /** A day in text in {@code locale}: {@code Nov 3, 2026}, {@code 3. Nov. 2026}, {@code 3 nov. 2026}. */
    static String longDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern(switch (locale.getLanguage()) {
            case "de" -> "d. MMM uuuu";
            case "fr" -> "d MMM uuuu";
            default -> "MMM d, uuuu";
        }, locale).format(date);
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
