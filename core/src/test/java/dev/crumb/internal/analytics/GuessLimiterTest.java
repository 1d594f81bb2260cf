package dev.crumb.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Limiting analyst password guesses")
class GuessLimiterTest {

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final GuessLimiter limiter = new GuessLimiter(clock, 3, 10, Duration.ofMinutes(15));

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            limiter.failed(address);
        }
    }

    @Test
    @DisplayName("the first failures of an address are free")
    void freeFailures() {
        fail("10.0.0.1", 3);
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    @DisplayName("each failure beyond the free ones locks the address twice as long: 1 s, 2 s, 4 s …")
    void exponentialBackOff() {
        fail("10.0.0.1", 4);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
        fail("10.0.0.1", 1);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        fail("10.0.0.1", 1);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("lock-outs stop growing at the maximum")
    void capped() {
        fail("10.0.0.1", 40);
        assertThat(limiter.lockedFor("10.0.0.1")).contains(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("one address's lock-out does not lock another address")
    void perAddress() {
        fail("10.0.0.1", 5);
        assertThat(limiter.lockedFor("10.0.0.1")).isPresent();
        assertThat(limiter.lockedFor("10.0.0.2")).isEmpty();
    }

    @Test
    @DisplayName("a success clears the address's failures")
    void successClears() {
        fail("10.0.0.1", 3);
        limiter.succeeded("10.0.0.1");
        fail("10.0.0.1", 3);
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    @DisplayName("failures are forgotten after an hour without failures")
    void forgotten() {
        fail("10.0.0.1", 3);
        clock.advance(Duration.ofMinutes(61).plus(Duration.ofMinutes(15)));
        fail("10.0.0.1", 1);
        assertThat(limiter.lockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    @DisplayName("many addresses failing together lock everyone out once the global allowance is used up")
    void global() {
        for (int i = 0; i < 11; i++) {
            limiter.failed("10.0.1." + i);
        }
        assertThat(limiter.lockedFor("10.9.9.9")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.lockedFor("10.9.9.9")).isEmpty();
    }
}
