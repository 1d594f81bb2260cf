package dev.crumb.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints crumb-core's line coverage from JaCoCo's CSV report at the end of {@code mvn verify}, so every
 * build shows the figure that the JaCoCo check in {@code core/pom.xml} holds to its minimum.
 * Run by the exec plugin; not part of the shipped jar.
 */
public final class CoverageSummary {

    private CoverageSummary() {
    }

    /**
     * Reads the report named by the first argument and prints one line.
     *
     * @param args the path of {@code jacoco.csv} and the minimum line coverage the build enforces
     */
    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        if (!Files.exists(csv)) {
            System.out.println("crumb-core line coverage: no report at " + csv + " (tests skipped?)");
            return;
        }
        long missed = 0;
        long covered = 0;
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            // GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
            String[] cells = line.split(",", -1);
            missed += Long.parseLong(cells[7]);
            covered += Long.parseLong(cells[8]);
        }
        double percent = covered + missed == 0 ? 0 : 100.0 * covered / (covered + missed);
        System.out.printf(Locale.ROOT, "crumb-core line coverage: %.1f %% (%d of %d lines; the build's minimum is %s)%n",
                percent, covered, covered + missed, args.length > 1 ? args[1] : "not set");
    }
}
