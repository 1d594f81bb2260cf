package dev.crumb.bench.jmh;

import java.io.PrintStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The {@code ratios} command: runs the codec and filter-path benchmarks that have a baseline and prints
 * each against it, next to Crumb's target. Accepts JMH's own options (forks, iterations, {@code -prof});
 * which benchmarks run is fixed.
 */
public final class RatioReport {

    /** Target for {@code open / rawDecrypt} and {@code seal / rawEncrypt} with the TYPICAL cookie (issue 12). */
    public static final double TYPICAL_TARGET = 3.0;
    /** Target for both ratios with the FULL cookie, whose larger JSON weighs more against the cipher. */
    public static final double FULL_TARGET = 4.0;

    private RatioReport() {
    }

    /** Runs the benchmarks with the given JMH options and prints the ratios. */
    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(CookieCodecBenchmark.class.getName() + "\\.(open|openCached|seal|rawDecrypt|rawEncrypt)$")
                .include(FilterPathBenchmark.class.getName() + "\\.(withCrumb|bare)$")
                .build();
        print(new Runner(options).run(), System.out);
    }

    /** The target both ratios must meet for this payload shape. */
    static double target(CookieFixtures.Shape shape) {
        return shape == CookieFixtures.Shape.FULL ? FULL_TARGET : TYPICAL_TARGET;
    }

    private static String verdict(double ratio, double target) {
        return ratio <= target ? "met" : "MISSED";
    }

    static void print(Collection<RunResult> results, PrintStream out) {
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String key = r.getParams().getParam("shape") != null ? key(method, r.getParams().getParam("shape"))
                    : key(method, r.getParams().getParam("cookieAge"), r.getParams().getParam("referer"));
            score.put(key, r.getPrimaryResult().getScore());
        }
        print(score, out);
    }

    /** The key of a score: the benchmark method, then its parameters' values in the order of the report. */
    static String key(String method, String... params) {
        return method + "/" + String.join("/", params);
    }

    /** The report, from scores in ns/op by {@link #key}; a combination without both scores is left out. */
    static void print(Map<String, Double> score, PrintStream out) {
        out.println();
        out.println("Cookie codec (ns/op; ratio = codec / raw JDK AES-GCM on the same payload bytes)");
        out.printf(Locale.ROOT, "%-8s %10s %10s %6s %7s %7s   %10s %10s %6s %7s   %10s %8s%n", "payload",
                "open", "rawDecrypt", "ratio", "target", "", "seal", "rawEncrypt", "ratio", "", "openCached", "ratio");
        for (CookieFixtures.Shape shape : CookieFixtures.Shape.values()) {
            Double open = score.get(key("open", shape.name()));
            Double rawDecrypt = score.get(key("rawDecrypt", shape.name()));
            Double seal = score.get(key("seal", shape.name()));
            Double rawEncrypt = score.get(key("rawEncrypt", shape.name()));
            if (open == null || rawDecrypt == null || seal == null || rawEncrypt == null) {
                continue;
            }
            double target = target(shape);
            double openRatio = open / rawDecrypt;
            double sealRatio = seal / rawEncrypt;
            Double cached = score.get(key("openCached", shape.name()));
            out.printf(Locale.ROOT, "%-8s %10.0f %10.0f %6.2f %7s %7s   %10.0f %10.0f %6.2f %7s   %10s %8s%n", shape,
                    open, rawDecrypt, openRatio, "<= " + target, verdict(openRatio, target),
                    seal, rawEncrypt, sealRatio, verdict(sealRatio, target),
                    cached == null ? "-" : String.format(Locale.ROOT, "%.0f", cached),
                    cached == null ? "-" : String.format(Locale.ROOT, "%.2f", cached / rawDecrypt));
        }
        out.println();
        out.println("Filter per-request path, returning visitor (ns/op; overhead = withCrumb - bare)");
        out.printf(Locale.ROOT, "%-8s %-10s %12s %12s %12s %8s%n", "cookie", "referer", "withCrumb", "bare", "overhead",
                "ratio");
        for (FilterPathBenchmark.CookieAge age : FilterPathBenchmark.CookieAge.values()) {
            for (FilterPathBenchmark.Referer referer : FilterPathBenchmark.Referer.values()) {
                Double crumb = score.get(key("withCrumb", age.name(), referer.name()));
                Double bare = score.get(key("bare", age.name(), referer.name()));
                if (crumb == null || bare == null) {
                    continue;
                }
                out.printf(Locale.ROOT, "%-8s %-10s %12.0f %12.0f %12.0f %8.1f%n", age, referer, crumb, bare, crumb - bare,
                        crumb / bare);
            }
        }
    }
}
