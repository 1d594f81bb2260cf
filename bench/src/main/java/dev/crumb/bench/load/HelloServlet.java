package dev.crumb.bench.load;

import dev.crumb.bench.HelloPage;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /hello} on every load server. It echoes the load generator's {@value #SLOT_HEADER} header,
 * which lets the wrk script tell which of its simulated visitors a response (and its {@code Set-Cookie})
 * belongs to; the echo costs the same on all three servers.
 */
final class HelloServlet extends HttpServlet {

    /** The request header naming the simulated visitor; echoed unchanged. */
    static final String SLOT_HEADER = "X-Bench-Slot";

    private final java.util.concurrent.atomic.LongAdder served = new java.util.concurrent.atomic.LongAdder();

    /** How many pages this servlet has answered. */
    long served() {
        return served.sum();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        served.increment();
        String slot = request.getHeader(SLOT_HEADER);
        if (slot != null) {
            response.setHeader(SLOT_HEADER, slot);
        }
        HelloPage.write(response);
    }
}
