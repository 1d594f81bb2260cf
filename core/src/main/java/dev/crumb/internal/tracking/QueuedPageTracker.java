package dev.crumb.internal.tracking;

import dev.crumb.Category;
import dev.crumb.CookiesEnabled;
import dev.crumb.TrackingMetrics;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.internal.visitor.VisitorSession;
import dev.crumb.store.EventSink;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records page views: after the application has answered, decides with {@link PageViewRules} whether the
 * request was a page view and, if so, puts it into the {@link EventBuffer} — attributed to the visitor
 * (keyed hash, visit number, country, language, referrer host) with analytics consent and a cookie the
 * browser keeps or is being given, otherwise anonymous (time and path only). Costs the request thread a
 * few string checks and one non-blocking offer; the {@link EventWriter} does the rest.
 *
 * <p>An asynchronous request is recorded when its async context completes, since only then are the
 * status and content type final.
 */
final class QueuedPageTracker implements PageTracker {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedPageTracker.class);

    private final PageViewRules rules;
    private final TrackedPaths paths;
    private final EventBuffer buffer;
    private final EventWriter writer;
    private final Clock clock;
    /** Canonical referrer hosts met before, remembered: most pages carry a {@code Referer}. */
    private final ReferrerHosts referrers = new ReferrerHosts();

    private QueuedPageTracker(PageViewRules rules, TrackedPaths paths, EventBuffer buffer, EventWriter writer, Clock clock) {
        this.rules = rules;
        this.paths = paths;
        this.buffer = buffer;
        this.writer = writer;
        this.clock = clock;
    }

    /** A running tracker writing to {@code sink}. */
    static QueuedPageTracker start(TrackingSettings settings, String crumbPrefix, EventSink sink, VisitorHasher hasher,
                                   Clock clock, RetryBackoff backoff) {
        EventBuffer buffer = new EventBuffer(settings.bufferCapacity());
        EventWriter writer = new EventWriter(buffer, sink, hasher, clock, settings.batchSize(), settings.flushInterval(),
                settings.retention(), settings.rawEvents(), settings.shutdownWait(), backoff,
                settings.overflowWriterShare()).start();
        PageViewRules rules = new PageViewRules(crumbPrefix, BotDetector.withExtraPatterns(settings.extraBotPatterns()));
        LOG.info("page tracking on: buffer {}, batches of {} or {}, raw events {}", settings.bufferCapacity(),
                settings.batchSize(), settings.flushInterval(),
                settings.rawEvents() ? "kept " + settings.retention() : "not kept");
        return new QueuedPageTracker(rules, new TrackedPaths(settings.pathNormaliser()), buffer, writer, clock);
    }

    /**
     * Records the request if it was a page view. Call it after the application answered and the cookie
     * was written. Never throws.
     *
     * @param path the path within the application, as the request named it (percent-encoded)
     */
    @Override
    public void afterResponse(HttpServletRequest request, HttpServletResponse response, VisitorSession session,
                              String path) {
        try {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new RecordOnComplete(request, response, session, path));
            } else {
                record(request, response, session, path);
            }
        } catch (RuntimeException e) {
            // Tracking must never break a page; the page view is simply not counted.
            LOG.debug("page view not recorded ({})", e.getClass().getSimpleName());
        }
    }

    /** The share of one core the writer may take while the buffer overflows. */
    double overflowWriterShare() {
        return writer.overloadShare();
    }

    @Override
    public TrackingMetrics metrics() {
        return writer.metrics();
    }

    /** Writes what is buffered (bounded by the shutdown wait) and stops the writer thread. */
    @Override
    public void close() {
        writer.close();
        TrackingMetrics m = writer.metrics();
        LOG.info("page tracking stopped: {} recorded, {} written, {} dropped, {} abandoned", m.recorded(), m.written(),
                m.dropped(), m.abandoned());
    }

    private void record(HttpServletRequest request, HttpServletResponse response, VisitorSession session, String path) {
        ServedRequest served = new ServedRequest(request.getMethod(), path, response.getStatus(),
                response.getContentType(), request::getHeader);
        if (!rules.classify(served).counts()) {
            return;
        }
        String recordedPath = paths.recorded(path);
        if (recordedPath == null) {
            return;
        }
        if (!session.consents(Category.ANALYTICS) || session.cookiesEnabled() == CookiesEnabled.NO) {
            buffer.offer(TrackedView.anonymous(clock.instant(), recordedPath));
            return;
        }
        ReferrerHosts.Referral referral = attribution(request, session);
        buffer.offer(referral != null
                ? attributedView(session.payload(), recordedPath, referral.externalHost())
                : TrackedView.anonymous(clock.instant(), recordedPath));
    }

    /**
     * The request's {@code Referer} when the page view is attributed, {@code null} when it stays anonymous.
     * Attributed only with analytics consent (checked by the caller, as is a browser known to refuse cookies)
     * and a cookie that carries the ID: one the browser sent, or one this response sets (a first visit,
     * counted as visit 1 — what the cookie now holds). A cookieless request that comes from a page of this
     * same site stays anonymous: that browser was here a moment ago and did not return the cookie it was
     * given, so it blocks cookies — counting it as a new visitor on every page would inflate visitors and
     * bounces. The {@code Referer} is parsed once for both questions asked of it, and only here.
     */
    private ReferrerHosts.Referral attribution(HttpServletRequest request, VisitorSession session) {
        boolean withCookie = session.arrivedWithCookie();
        if (!withCookie && !session.cookieWritten()) {
            return null;
        }
        String referer = request.getHeader("Referer");
        // Without a Referer there is nothing to compare, and the server name costs a parse of the request's URI.
        ReferrerHosts.Referral referral = referer == null ? ReferrerHosts.Referral.NONE
                : referrers.referral(referer, request.getServerName());
        return withCookie || !referral.sameSite() ? referral : null;
    }

    private TrackedView attributedView(CookiePayload p, String recordedPath, String referrer) {
        return new TrackedView(clock.instant(), p.visitorId(), p.visit(), recordedPath, p.country(), p.language(), referrer);
    }

    private final class RecordOnComplete implements AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final VisitorSession session;
        private final String path;

        RecordOnComplete(HttpServletRequest request, HttpServletResponse response, VisitorSession session, String path) {
            this.request = request;
            this.response = response;
            this.session = session;
            this.path = path;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            try {
                record(request, response, session, path);
            } catch (RuntimeException e) {
                LOG.debug("page view not recorded ({})", e.getClass().getSimpleName());
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
