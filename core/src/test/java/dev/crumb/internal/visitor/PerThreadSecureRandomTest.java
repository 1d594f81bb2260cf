package dev.crumb.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PerThreadSecureRandomTest {

    @Test
    @DisplayName("visitor IDs drawn from many threads at once are 22 characters and never repeat")
    void uniqueAcrossThreads() throws Exception {
        VisitorIds ids = new VisitorIds(new PerThreadSecureRandom());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    seen.add(ids.next());
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(seen).hasSize(40_000).allSatisfy(id -> assertThat(id).hasSize(22));
    }

    @Test
    @DisplayName("the inherited methods draw from the thread's generator too, and a seed only adds to it")
    void inheritedMethods() {
        PerThreadSecureRandom random = new PerThreadSecureRandom();
        random.setSeed(42L);
        random.setSeed(new byte[] {1, 2, 3});
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        random.nextBytes(a);
        random.nextBytes(b);

        assertThat(a).isNotEqualTo(b).isNotEqualTo(new byte[32]);
        assertThat(random.ints(1_000, 0, 10).distinct().count()).isEqualTo(10);
        assertThat(random.generateSeed(16)).hasSize(16);
    }
}
