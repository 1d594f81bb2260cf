package dev.crumb.bench.load;

import java.time.Duration;
import java.util.Objects;

/**
 * What one wrk run measured.
 *
 * @param requests          completed requests
 * @param elapsed           how long the run took by wrk's clock
 * @param requestsPerSecond wrk's {@code Requests/sec}
 * @param p50               median latency
 * @param p90               90th percentile latency
 * @param p99               99th percentile latency
 * @param non2xx            responses with a status of 400 or more (wrk's "Non-2xx or 3xx responses")
 * @param socketErrors      connect, read, write and timeout errors
 */
public record WrkResult(long requests, Duration elapsed, double requestsPerSecond, Duration p50, Duration p90,
                        Duration p99, long non2xx, SocketErrors socketErrors) {

    public WrkResult {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(socketErrors, "socketErrors");
    }

    /** wrk's "Socket errors" line; all zero when wrk printed none. */
    public record SocketErrors(long connect, long read, long write, long timeout) {
        /** No errors. */
        public static final SocketErrors NONE = new SocketErrors(0, 0, 0, 0);

        /** All errors together. */
        public long total() {
            return connect + read + write + timeout;
        }
    }
}
