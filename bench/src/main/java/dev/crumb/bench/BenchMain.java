package dev.crumb.bench;

import java.util.Arrays;

/**
 * Entry point of {@code bench/target/crumb-bench.jar}: {@code jmh [JMH options]} runs the JMH
 * benchmarks; other sub-commands run load and storage benchmarks (see {@code docs/performance.md}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("usage: java -jar bench/target/crumb-bench.jar jmh [JMH options] | ratios | servers | load | load-all | soak | store-summary\n(see docs/performance.md for every command and its options)");
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            case "servers" -> dev.crumb.bench.load.LoadCommands.servers(rest);
            case "load" -> dev.crumb.bench.load.LoadCommands.load(rest);
            case "load-all" -> dev.crumb.bench.load.LoadCommands.loadAll(rest);
            case "ratios" -> dev.crumb.bench.jmh.RatioReport.main(rest);
            case "soak" -> dev.crumb.bench.load.SoakCommand.main(rest);
            case "store-summary" -> dev.crumb.bench.store.StoreSummaryBench.main(rest);
            default -> {
                System.err.println("unknown command '" + args[0] + "'; try --help");
                System.exit(2);
            }
        }
    }
}
