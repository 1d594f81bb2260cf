package dev.crumb.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of the {@code servers}, {@code load} and {@code load-all} commands. Each option is
 * {@code --name value} or {@code --name=value}; an unknown option or a bad value fails with a message
 * that names it.
 *
 * @param host        where the servers listen and wrk connects (default 127.0.0.1)
 * @param portBase    the bare server's port; the others follow (default 18080)
 * @param duration    measured time per server (default 30s)
 * @param warmup      unmeasured time per server before it, for the JIT (default 10s; 0s for none)
 * @param warmupOrder whether each server is warmed up right before its own measured run (the default) or every
 *                    server before the first is measured
 * @param connections wrk connections (default 64)
 * @param threads     wrk threads (default 2)
 * @param visitors    returning visitors (default), new ones ({@code --new-visitors}) or one visitor whose
 *                    client replays one fixed cookie ({@code --replay-cookie})
 * @param wrk         the wrk executable (default {@code wrk} on the PATH)
 * @param sameSiteReferer whether every request carries a {@code Referer} of the server's own site
 *                    ({@code --same-site-referer}), as browsers send on the pages they reach by a link
 */
public record LoadOptions(String host, int portBase, Duration duration, Duration warmup, WarmupOrder warmupOrder,
                          int connections, int threads, VisitorScript.Visitors visitors, String wrk,
                          boolean sameSiteReferer) {

    /**
     * When the servers are warmed up. The three servers share one JVM: with {@link #EACH} the JIT learns the code
     * they share (Jetty's) from the bare server first and recompiles it for the others' types during their own
     * warm-ups; with {@link #ALL_FIRST} every server's types are in the JIT's profiles before any run is measured,
     * but each server's own code (Crumb's tracking writer's above all) sits idle between its warm-up and its run.
     */
    public enum WarmupOrder {
        /** Each server's warm-up right before its own measured run (the default). */
        EACH("each"),
        /** Every server's warm-up first, in order, then every measured run. */
        ALL_FIRST("all-first");

        private final String label;

        WarmupOrder(String label) {
            this.label = label;
        }

        /** The option's value for this order. */
        public String label() {
            return label;
        }

        static WarmupOrder parse(String value) {
            for (WarmupOrder order : values()) {
                if (order.label.equals(value)) {
                    return order;
                }
            }
            throw new IllegalArgumentException("--warmup-order must be each or all-first, was '" + value + "'");
        }
    }

    private static final Pattern TIME = Pattern.compile("(\\d+)(ms|s|m)?");

    /** The usage text of every option. */
    public static final String USAGE = """
              --host H           listen on / connect to H (default 127.0.0.1)
              --port-base P      bare on P, crumb on P+1, httpsession on P+2, heap probe on P+3 (default 18080)
              --duration D       measured time per server, e.g. 30s or 2m (default 30s)
              --warmup D         unmeasured run per server before it (default 10s; 0s for none)
              --warmup-order O   each: warm each server up right before its own measured run (default);
                                 all-first: warm every server up before measuring the first
              --connections N    wrk connections (default 64)
              --threads N        wrk threads (default 2)
              --new-visitors     send no cookies: every request is a first visit (default: returning visitors)
              --replay-cookie    one visitor: take the cookie of a first response and replay it on every
                                 request, ignoring Set-Cookie (as monitors and scrapers do)
              --same-site-referer  every request carries a Referer of the server's own site, as a browser's
                                 does when it follows a link within the site (not with --new-visitors)
              --wrk PATH         the wrk executable (default wrk on the PATH)
            """;

    /** Parses command-line options over the defaults. */
    public static LoadOptions parse(String... args) {
        String host = "127.0.0.1";
        int portBase = 18080;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(10);
        WarmupOrder warmupOrder = WarmupOrder.EACH;
        int connections = 64;
        int threads = 2;
        VisitorScript.Visitors visitors = VisitorScript.Visitors.RETURNING;
        String wrk = "wrk";
        boolean sameSiteReferer = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--new-visitors") || name.equals("--replay-cookie")) {
                VisitorScript.Visitors chosen = name.equals("--new-visitors") ? VisitorScript.Visitors.NEW
                        : VisitorScript.Visitors.REPLAY;
                if (visitors != VisitorScript.Visitors.RETURNING && visitors != chosen) {
                    throw new IllegalArgumentException("--new-visitors and --replay-cookie exclude each other; choose one");
                }
                visitors = chosen;
                continue;
            }
            if (name.equals("--same-site-referer")) {
                sameSiteReferer = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--host" -> host = value;
                case "--port-base" -> portBase = number(name, value, 1, 65532);
                case "--duration" -> duration = time(name, value);
                case "--warmup" -> warmup = time(name, value);
                case "--warmup-order" -> warmupOrder = WarmupOrder.parse(value);
                case "--connections" -> connections = number(name, value, 1, 100_000);
                case "--threads" -> threads = number(name, value, 1, 1024);
                case "--wrk" -> wrk = value;
                default -> throw new IllegalArgumentException("unknown option '" + name + "'; the options are:\n" + USAGE);
            }
        }
        if (duration.toSeconds() < 1) {
            throw new IllegalArgumentException("--duration must be at least 1s, was " + duration);
        }
        if (connections < threads) {
            throw new IllegalArgumentException("--connections (" + connections + ") must be at least --threads (" + threads + ")");
        }
        if (sameSiteReferer && visitors == VisitorScript.Visitors.NEW) {
            throw new IllegalArgumentException("--same-site-referer and --new-visitors exclude each other: a new visitor"
                    + " comes from elsewhere, and one from the site itself without its cookie blocks cookies");
        }
        return new LoadOptions(host, portBase, duration, warmup, warmupOrder, connections, threads, visitors, wrk,
                sameSiteReferer);
    }

    /** The wrk driver for these options. */
    public Wrk wrkDriver() {
        Wrk driver = new Wrk(wrk, threads, connections, visitors);
        return sameSiteReferer ? driver.withSameSiteReferer() : driver;
    }

    /** How reports name the traffic: the visitors, and the Referer when there is one. */
    public String trafficLabel() {
        return visitors.label() + (sameSiteReferer ? ", a same-site Referer" : "");
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
    }

    private static Duration time(String name, String value) {
        Matcher m = TIME.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be a time such as 30s, 2m or 500ms, was '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
