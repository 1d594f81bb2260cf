package dev.crumb.internal;

import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.cookie.CookieWriter;
import dev.crumb.internal.cookie.SetCookieHeader;
import dev.crumb.internal.visitor.CookieLifetime;
import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the visitor cookie into a response, once, when the visitor's state changed. */
final class CookieOutput {

    private static final Logger LOG = LoggerFactory.getLogger(CookieOutput.class);

    private final CookieWriter cookies;
    private final CookieLifetime lifetime;
    private final Clock clock;

    CookieOutput(CookieWriter cookies, CookieLifetime lifetime, Clock clock) {
        this.cookies = cookies;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Adds the {@code Set-Cookie} header when the session changed; never fails the response over it. */
    void write(VisitorSession session, HttpServletRequest request, HttpServletResponse response) {
        session.markCommitted();
        if (!session.changed()) {
            return;
        }
        try {
            CookiePayload payload = session.payload();
            CookieWriter.Written written = cookies.write(payload, request.isSecure(),
                    lifetime.secondsLeft(payload.firstSeen(), clock.instant()));
            response.addHeader("Set-Cookie", written.header());
            session.markWritten();
            if (!written.droppedFields().isEmpty()) {
                LOG.info("visitor cookie would exceed {} bytes; left out {} saved form field(s)",
                        SetCookieHeader.MAX_HEADER_BYTES, written.droppedFields().size());
            }
        } catch (RuntimeException e) {
            // Never fail the application's response over the cookie; the visitor simply stays as before.
            LOG.warn("could not write the visitor cookie ({}); the response goes out without it", e.getClass().getSimpleName());
        }
    }

    /** The saved form fields that would not fit if the cookie held {@code payload}. */
    List<String> fieldsThatWouldNotFit(CookiePayload payload) {
        return cookies.write(payload, true).droppedFields();
    }
}
