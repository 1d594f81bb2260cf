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

    /** Target for {@code open / rawDecrypt}. */
    public static final double DECODE_TARGET = 3.0;

    private RatioReport() {
    }

    /** Runs the benchmarks with the given JMH options and prints the ratios. */
    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(CookieCodecBenchmark.class.getName() + "\\.(open|openCached|seal|rawDecrypt|rawEncrypt|sketchOpen)$")
                .include(FilterPathBenchmark.class.getName() + "\\.(withCrumb|bare)$")
                .build();
        print(new Runner(options).run(), System.out);
    }

    static void print(Collection<RunResult> results, PrintStream out) {
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String param = r.getParams().getParam("shape") != null ? r.getParams().getParam("shape")
                    : r.getParams().getParam("cookieAge");
            score.put(method + "/" + param, r.getPrimaryResult().getScore());
        }
        out.println();
        out.println("Cookie codec (ns/op; ratio = codec / raw JDK AES-GCM on the same payload bytes)");
        out.printf(Locale.ROOT, "%-8s %12s %12s %8s %8s   %12s %8s   %12s %12s %8s   %12s %8s%n", "payload", "open",
                "rawDecrypt", "ratio", "target", "openCached", "ratio", "seal", "rawEncrypt", "ratio", "sketchOpen", "ratio");
        for (CookieFixtures.Shape shape : CookieFixtures.Shape.values()) {
            Double open = score.get("open/" + shape);
            Double rawDecrypt = score.get("rawDecrypt/" + shape);
            Double seal = score.get("seal/" + shape);
            Double rawEncrypt = score.get("rawEncrypt/" + shape);
            if (open == null || rawDecrypt == null || seal == null || rawEncrypt == null) {
                continue;
            }
            double decode = open / rawDecrypt;
            Double sketch = score.get("sketchOpen/" + shape);
            Double cached = score.get("openCached/" + shape);
            out.printf(Locale.ROOT, "%-8s %12.0f %12.0f %8.1f %8s   %12s %8s   %12.0f %12.0f %8.1f   %12s %8s%n", shape, open,
                    rawDecrypt, decode, decode <= DECODE_TARGET ? "met" : "MISSED",
                    cached == null ? "-" : String.format(Locale.ROOT, "%.0f", cached),
                    cached == null ? "-" : String.format(Locale.ROOT, "%.2f", cached / rawDecrypt),
                    seal, rawEncrypt, seal / rawEncrypt,
                    sketch == null ? "-" : String.format(Locale.ROOT, "%.0f", sketch),
                    sketch == null ? "-" : String.format(Locale.ROOT, "%.1f", sketch / rawDecrypt));
        }
        out.println();
        out.println("Filter per-request path, returning visitor (ns/op; overhead = withCrumb - bare)");
        out.printf(Locale.ROOT, "%-8s %12s %12s %12s %8s%n", "cookie", "withCrumb", "bare", "overhead", "ratio");
        for (FilterPathBenchmark.CookieAge age : FilterPathBenchmark.CookieAge.values()) {
            Double crumb = score.get("withCrumb/" + age);
            Double bare = score.get("bare/" + age);
            if (crumb == null || bare == null) {
                continue;
            }
            out.printf(Locale.ROOT, "%-8s %12.0f %12.0f %12.0f %8.1f%n", age, crumb, bare, crumb - bare, crumb / bare);
        }
    }
}
