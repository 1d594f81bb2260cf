package dev.crumb.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The ratio report")
class RatioReportTest {

    @Test
    @DisplayName("prints each codec shape against its target and each filter combination of cookie age and Referer")
    void rows() {
        Map<String, Double> score = new HashMap<>();
        score.put(RatioReport.key("open", "TYPICAL"), 840.0);
        score.put(RatioReport.key("rawDecrypt", "TYPICAL"), 280.0);
        score.put(RatioReport.key("seal", "TYPICAL"), 900.0);
        score.put(RatioReport.key("rawEncrypt", "TYPICAL"), 450.0);
        score.put(RatioReport.key("open", "FULL"), 3_700.0);
        score.put(RatioReport.key("rawDecrypt", "FULL"), 820.0);
        score.put(RatioReport.key("seal", "FULL"), 3_800.0);
        score.put(RatioReport.key("rawEncrypt", "FULL"), 1_100.0);
        score.put(RatioReport.key("withCrumb", "FRESH", "NONE"), 560.0);
        score.put(RatioReport.key("bare", "FRESH", "NONE"), 70.0);
        score.put(RatioReport.key("withCrumb", "FRESH", "SAME_SITE"), 650.0);
        score.put(RatioReport.key("bare", "FRESH", "SAME_SITE"), 65.0);
        score.put(RatioReport.key("withCrumb", "STALE", "NONE"), 1_500.0); // no bare score: left out

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RatioReport.print(score, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertThat(report).containsPattern("TYPICAL\\s+840\\s+280\\s+3\\.00\\s+<= 3\\.0\\s+met\\s+900\\s+450\\s+2\\.00\\s+met");
        assertThat(report).containsPattern("FULL\\s+3700\\s+820\\s+4\\.51\\s+<= 4\\.0\\s+MISSED\\s+3800\\s+1100\\s+3\\.45\\s+met");
        assertThat(report).containsPattern("FRESH\\s+NONE\\s+560\\s+70\\s+490\\s+8\\.0");
        assertThat(report).containsPattern("FRESH\\s+SAME_SITE\\s+650\\s+65\\s+585\\s+10\\.0");
        assertThat(report).doesNotContain("STALE");
    }
}
