package dev.crumb.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads wrk 4's text report (run with {@code --latency}). Only the lines the load report needs are read;
 * wrk's per-thread statistics are ignored. wrk prints times with the units {@code us}, {@code ms},
 * {@code s}, {@code m} and {@code h}.
 */
public final class WrkOutput {

    private static final Pattern TOTALS = Pattern.compile("^\\s*(\\d+) requests in ([0-9.]+[a-z]+),", Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("^\\s*Non-2xx or 3xx responses: (\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern SOCKET = Pattern.compile(
            "^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern TIME = Pattern.compile("([0-9.]+)(us|ms|s|m|h)");

    private WrkOutput() {
    }

    /**
     * Parses a complete report.
     *
     * @throws IllegalArgumentException when the text is not a wrk report with latency distribution (for
     *                                  example "unable to connect"), quoting its first line
     */
    public static WrkResult parse(String output) {
        Matcher totals = require(TOTALS, output, "the 'N requests in T' line");
        Matcher rate = require(RATE, output, "the 'Requests/sec' line");
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher socket = SOCKET.matcher(output);
        WrkResult.SocketErrors errors = socket.find()
                ? new WrkResult.SocketErrors(Long.parseLong(socket.group(1)), Long.parseLong(socket.group(2)),
                        Long.parseLong(socket.group(3)), Long.parseLong(socket.group(4)))
                : WrkResult.SocketErrors.NONE;
        return new WrkResult(
                Long.parseLong(totals.group(1)),
                time(totals.group(2)),
                Double.parseDouble(rate.group(1)),
                percentile(output, 50),
                percentile(output, 90),
                percentile(output, 99),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                errors);
    }

    /** A wrk time such as {@code 635.00us}, {@code 1.07ms} or {@code 2.00s}. */
    static Duration time(String text) {
        Matcher m = TIME.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a wrk time such as 1.07ms");
        }
        double value = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Duration.ofNanos(Math.round(value * nanosPerUnit));
    }

    private static Duration percentile(String output, int percent) {
        Pattern line = Pattern.compile("^\\s*" + percent + "%\\s+(\\S+)\\s*$", Pattern.MULTILINE);
        Matcher m = line.matcher(output);
        if (!output.contains("Latency Distribution") || !m.find()) {
            throw new IllegalArgumentException("wrk printed no " + percent + "% latency; run it with --latency. "
                    + firstLine(output));
        }
        return time(m.group(1));
    }

    private static Matcher require(Pattern pattern, String output, String what) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("not a wrk report: " + what + " is missing. " + firstLine(output));
        }
        return m;
    }

    private static String firstLine(String output) {
        String trimmed = output.strip();
        int nl = trimmed.indexOf('\n');
        String first = nl < 0 ? trimmed : trimmed.substring(0, nl);
        return String.format(Locale.ROOT, "wrk said: \"%s\"", first.length() > 200 ? first.substring(0, 200) + "…" : first);
    }
}
