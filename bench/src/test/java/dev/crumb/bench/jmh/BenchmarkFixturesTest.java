package dev.crumb.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.internal.cookie.CookiePayload;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs each micro-benchmark's setup and every benchmark method once, untimed: a benchmark whose fixture no
 * longer does what its documentation says fails here, on every build, instead of when someone next runs JMH
 * (FilterPathBenchmark's setup refused to run for a while after Crumb began reading the Cookie header itself).
 */
@DisplayName("The micro-benchmarks' fixtures")
class BenchmarkFixturesTest {

    @ParameterizedTest(name = "{0}, Referer {1}")
    @CsvSource({"FRESH, NONE", "FRESH, SAME_SITE", "STALE, NONE", "STALE, SAME_SITE"})
    @DisplayName("the filter path serves the page with and without Crumb, re-sending the cookie only when it is stale")
    void filterPath(FilterPathBenchmark.CookieAge age, FilterPathBenchmark.Referer referer) throws Exception {
        FilterPathBenchmark benchmark = new FilterPathBenchmark();
        benchmark.cookieAge = age;
        benchmark.referer = referer;
        benchmark.setUp(); // itself refuses a cookie that is re-sent when fresh, or not re-sent when stale
        try {
            int bare = benchmark.bare();
            assertThat(bare).isPositive();
            for (int i = 0; i < 3; i++) {
                assertThat(benchmark.withCrumb()).isEqualTo(bare);
            }
        } finally {
            benchmark.tearDown();
        }
        // Tracking on, and the visitor's page views recorded with its ID (the path that reads the Referer):
        // one in the setup, three here.
        assertThat(benchmark.attributedPageViews()).isEqualTo(4);
        assertThat(benchmark.anonymousPageViews()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CookieFixtures.Shape.class)
    @DisplayName("the codec benchmarks open, seal and decrypt the payload they claim, and the baselines agree with them")
    void cookieCodec(CookieFixtures.Shape shape) throws Exception {
        CookieCodecBenchmark benchmark = new CookieCodecBenchmark();
        benchmark.shape = shape;
        benchmark.setUp();
        CookiePayload payload = CookieFixtures.payload(shape);
        byte[] json = CookieFixtures.json(payload);

        assertThat(benchmark.open()).map(o -> o.payload()).contains(payload);
        assertThat(benchmark.openCached()).map(o -> o.payload()).contains(payload);
        String sealed = benchmark.seal();
        assertThat(CookieFixtures.codec().open(sealed)).map(o -> o.payload()).contains(payload);
        assertThat(benchmark.rawDecrypt()).isEqualTo(json);
        assertThat(benchmark.rawEncrypt()).hasSize(json.length + 16);
        assertThat(benchmark.partDecryptNewCipher()).isEqualTo(json);
        assertThat(benchmark.partJjwtParse()).isEqualTo(json);
        assertThat(benchmark.partJsonRead()).isEqualTo(payload);
        assertThat(Arrays.equals(benchmark.partJsonWrite(), json)).isTrue();
        assertThat(benchmark.partBase64()).isGreaterThan(json.length);
        if (shape == CookieFixtures.Shape.FULL) {
            assertThat(sealed.length()).isGreaterThan(3_900);
        }
    }
}
