package dev.crumb.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Limiting analyst password guesses")
class GuessLimiterTest {

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final GuessLimiter limiter = new GuessLimiter(clock, 3, 10, Duration.ofMinutes(15));

    /** Counts {@code times} attempts of the address (each a wrong password) and returns how many were allowed. */
    private int attempt(String address, int times) {
        int allowed = 0;
        for (int i = 0; i < times; i++) {
            if (limiter.begin(address).isEmpty()) {
                allowed++;
            }
        }
        return allowed;
    }

    @Test
    @DisplayName("the first attempts of an address are free; the one that uses up the allowance starts a 1 s lock")
    void freeAttempts() {
        assertThat(attempt("10.0.0.1", 2)).isEqualTo(2);
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
        assertThat(attempt("10.0.0.1", 1)).isEqualTo(1);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("a locked address is refused without being counted; each later attempt doubles the lock: 1 s, 2 s, 4 s …")
    void exponentialBackOff() {
        assertThat(attempt("10.0.0.1", 10)).isEqualTo(3);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
        assertThat(attempt("10.0.0.1", 5)).isEqualTo(1);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        attempt("10.0.0.1", 1);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("lock-outs stop growing at the maximum")
    void capped() {
        for (int i = 0; i < 39; i++) {
            attempt("10.0.0.1", 1);
            clock.advance(Duration.ofMinutes(15));
        }
        assertThat(attempt("10.0.0.1", 1)).isEqualTo(1);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("one address's lock-out does not lock another address")
    void perAddress() {
        attempt("10.0.0.1", 5);
        assertThat(limiter.lockedFor("10.0.0.1")).isPresent();
        assertThat(limiter.lockedFor("10.0.0.2")).isEmpty();
    }

    @Test
    @DisplayName("a success clears the address's attempts and gives its attempt back to the global count")
    void successClears() {
        attempt("10.0.0.1", 2);
        limiter.begin("10.0.0.1");
        limiter.succeeded("10.0.0.1");
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
        assertThat(attempt("10.0.0.1", 2)).isEqualTo(2);
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    @DisplayName("attempts are forgotten after an hour without attempts")
    void forgotten() {
        attempt("10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(61).plus(Duration.ofMinutes(15)));
        attempt("10.0.0.1", 2);
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    @DisplayName("many addresses together are refused once the global allowance is used up; a refusal counts for nobody")
    void global() {
        int allowed = 0;
        for (int i = 0; i < 30; i++) {
            allowed += attempt("10.0.1." + i, 1);
        }
        assertThat(allowed).isEqualTo(10);
        assertThat(limiter.lockedFor("10.9.9.9")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.lockedFor("10.9.9.9")).isEmpty();
        assertThat(limiter.lockedFor("10.0.1.29")).as("its refused attempt was given back").isEmpty();
    }

    @Test
    @DisplayName("parallel attempts of one address: exactly the free allowance gets through")
    void parallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return limiter.begin("10.0.0.7").isEmpty();
                }));
            }
            go.countDown();
            int allowed = 0;
            for (Future<Boolean> r : results) {
                allowed += r.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
