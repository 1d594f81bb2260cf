package dev.crumb.internal;

import dev.crumb.Crumb;
import dev.crumb.Category;
import dev.crumb.ConsentDefaultMetrics;
import dev.crumb.EmailChoices;
import dev.crumb.FormSaveResult;
import dev.crumb.TrackingMetrics;
import dev.crumb.internal.analytics.AnalyticsFeature;
import dev.crumb.internal.visitor.ConsentDecisions;
import dev.crumb.internal.consent.ConsentDefaultRecorder;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.email.StoredEmailChoices;
import dev.crumb.internal.email.UnsubscribeEndpoint;
import dev.crumb.internal.email.UnsubscribeTokens;
import dev.crumb.internal.form.FormSaver;
import dev.crumb.internal.web.CookieRequirement;
import dev.crumb.internal.http.EchoMethods;
import dev.crumb.internal.web.FirstLayer;
import dev.crumb.internal.web.ForgetEndpoint;
import dev.crumb.internal.web.StoredDataMeSection;
import dev.crumb.internal.web.LazyBannerHtml;
import dev.crumb.internal.web.Messages;
import dev.crumb.internal.web.Responses;
import dev.crumb.internal.web.Stylesheet;
import dev.crumb.internal.web.SavedFormMeSection;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.crumb.internal.consent.ConsentEnforcingResponse;
import dev.crumb.internal.consent.ConsentJournal;
import dev.crumb.internal.consent.ConsentRateLimit;
import dev.crumb.internal.consent.ConsentRules;
import dev.crumb.internal.consent.CookieGate;
import dev.crumb.internal.consent.OptInRegions;
import dev.crumb.internal.cookie.CookieCodec;
import dev.crumb.internal.cookie.OpenedCookieCache;
import dev.crumb.internal.cookie.CookieWriter;
import dev.crumb.internal.cookie.SetCookieHeader;
import dev.crumb.internal.tracking.PageTracker;
import dev.crumb.internal.tracking.RetryBackoff;
import dev.crumb.internal.visitor.HashKeyAgreement;
import dev.crumb.internal.rights.RetentionJob;
import dev.crumb.internal.rights.StoredData;
import dev.crumb.internal.visitor.CookieLifetime;
import dev.crumb.internal.locale.LocaleResolver;
import dev.crumb.internal.visitor.SessionSupport;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.internal.visitor.VisitorIds;
import dev.crumb.internal.visitor.VisitorResolver;
import dev.crumb.internal.visitor.VisitorSession;
import dev.crumb.internal.web.ConsentBanner;
import dev.crumb.internal.web.ConsentEndpoint;
import dev.crumb.internal.web.ConsentMeSection;
import dev.crumb.internal.http.CsrfTokens;
import dev.crumb.internal.web.Endpoints;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.GpcDeclaration;
import dev.crumb.internal.web.LocaleEndpoint;
import dev.crumb.internal.web.MeEndpoint;
import dev.crumb.internal.web.MeSection;
import dev.crumb.internal.web.VisitorMeSection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root behind {@link dev.crumb.CrumbFilter}: builds every capability from the
 * configuration once, then runs each request through visitor → endpoints or application → cookie.
 */
public final class CrumbEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrumbEngine.class);

    /** The request attribute under which the engine makes itself available to {@link Crumb}. */
    public static final String ATTRIBUTE = CrumbEngine.class.getName();

    private final EngineSettings config;
    private final VisitorResolver visitors;
    private final CookieWriter cookies;
    private final VisitorHasher hasher;
    private final Endpoints endpoints;
    private final String prefix;
    private final PageTracker tracker;
    private final AnalyticsFeature analytics;
    private final CookieGate cookieGate;
    private final ConsentDecisions decisions;
    private final ConsentDefaultRecorder defaults;
    private final ConsentBanner banner;
    private final GpcDeclaration gpc;
    private final VisitorIds ids;
    private final FormSaver forms;
    private final CookieRequirement cookieRequirement;
    private final EmailChoices emails;
    private final CookieLifetime lifetime;
    private final RetentionJob retention;
    private final Messages messages;

    public CrumbEngine(EngineSettings config) {
        this(config, "");
    }

    /**
     * @param contextPath the servlet context path of the application ({@code ""} at the root): the default
     *                    path of the cookie
     */
    public CrumbEngine(EngineSettings config, String contextPath) {
        this.config = config;
        this.prefix = config.pathPrefix();
        CookieCodec codec = new CookieCodec(config.cookie().keys(), config.random());
        boolean partitionedOrHost = config.cookie().partitioned() || config.cookie().hostPrefix();
        String name = config.cookie().effectiveName();
        String domain = config.cookie().hostPrefix() ? null : config.cookie().domain();
        String cookiePath = config.cookie().hostPrefix() ? "/" : config.cookie().path() != null ? config.cookie().path()
                : contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        SetCookieHeader secure = new SetCookieHeader(name, cookiePath, domain, config.cookie().maxAge(), true,
                config.cookie().partitioned());
        SetCookieHeader plain = new SetCookieHeader(name, cookiePath, domain, config.cookie().maxAge(),
                config.cookie().alwaysSecure() || partitionedOrHost, config.cookie().partitioned());
        this.cookies = new CookieWriter(codec, secure, plain);
        LocaleResolver locales = new LocaleResolver(config.locales().countryHeader(), config.locales().defaultCountry(),
                config.locales().defaultLanguage(), config.locales().languages());
        CsrfTokens csrf = new CsrfTokens(config.cookie().keys(), config.clock(), Duration.ofHours(2));
        ConsentRules consentRules = new ConsentRules(new OptInRegions(config.consent().optInCountries()),
                config.consent().policyRevision(), config.consent().honourDnt(), config.consent().maxAge(), config.clock());
        SessionSupport support = new SessionSupport(csrf, locales, consentRules);
        this.ids = new VisitorIds(config.random());
        // Decrypting a cookie costs far more than the rest of a request: do it once per value and server.
        // Bounded by the characters of cached values (8 M chars: ~25 000 typical cookies, ~16 MiB).
        OpenedCookieCache opened = new OpenedCookieCache(codec, 8_000_000, Duration.ofMinutes(30));
        this.lifetime = new CookieLifetime(config.cookie().lifetime());
        this.visitors = new VisitorResolver(name, opened, locales, ids, config.clock(), config.cookie().visitTimeout(),
                config.cookie().lastSeenRefresh(), support, lifetime);
        byte[] hashKey = hashKey(config);
        this.hasher = new VisitorHasher(hashKey);
        if (config.store() != null) {
            // Before anything is written: a second key would split every visitor in two, silently.
            HashKeyAgreement.check(config.store().security(), hasher, config.cookie().hashKey() != null);
        }
        this.forms = new FormSaver(config.forms());
        this.cookieRequirement = new CookieRequirement(config.consent().cookieRequiredPaths());
        ConsentJournal journal = new ConsentJournal(config.store() == null ? null : config.store().consentLog(), hasher);
        this.cookieGate = new CookieGate(config.consent().registry(), config.clock());
        // Defaults are written in the background: a page view never waits for the store (docs/consent.md).
        this.defaults = ConsentDefaultRecorder.start(journal, config.clock());
        this.decisions = new ConsentDecisions(consentRules, journal, defaults, config.consent().registry(), config.clock());
        FirstLayer firstLayer = new FirstLayer(config.consent().controllerName(), config.consent().privacyPolicyUrl());
        this.messages = new Messages(config.texts().bundle(), config.texts().messages(),
                Thread.currentThread().getContextClassLoader());
        this.banner = new ConsentBanner(prefix, messages, config.clock(), firstLayer);
        this.gpc = new GpcDeclaration(config.consent().gpcLastUpdate());
        // Data rights: what the store keeps under the visitor's key, erasure on "forget me", retention.
        this.retention = config.store() == null ? null : new RetentionJob(config.store().visitorRecords(),
                config.store().consentLog(), config.consent().visitRetention(), config.consent().logRetention(), config.clock()).start();
        StoredData stored = new StoredData(config.store() == null ? null : config.store().visitorRecords(), hasher,
                retention, config.tracking().flushInterval().multipliedBy(2).plus(Duration.ofSeconds(30)));
        List<MeSection> me = List.of(new VisitorMeSection(prefix), new ConsentMeSection(journal, prefix),
                new StoredDataMeSection(stored, prefix), new SavedFormMeSection(prefix));
        // One bucket per visitor for consent changes and forget requests: both write a durable record.
        ConsentRateLimit consentRate = ConsentRateLimit.standard(config.clock());
        this.endpoints = new Endpoints()
                .add("/me.json", MeEndpoint.json(me))
                .add("/me", MeEndpoint.page(me))
                .add("/locale", new LocaleEndpoint())
                .add("/consent", new ConsentEndpoint(decisions, consentRate, firstLayer))
                .add("/forget", new ForgetEndpoint(decisions, consentRate, ids, prefix, stored));
        if (config.store() != null) {
            UnsubscribeTokens unsubscribe = new UnsubscribeTokens(VisitorHasher.derive(hashKey, "crumb-unsubscribe-v1"));
            this.emails = new StoredEmailChoices(config.store().emails(), hasher, unsubscribe, config.clock(),
                    config.consent().policyRevision(), prefix + "/unsubscribe", config.forms());
            endpoints.add("/unsubscribe", new UnsubscribeEndpoint(config.store().emails(), emails, unsubscribe,
                    config.clock(), prefix + "/unsubscribe", config.email().unsubscribeConfirmations()));
        } else {
            this.emails = null;
        }
        if (!journal.keepsProof()) {
            LOG.warn("no store configured: consent choices work in the visitor cookie, but no proof of consent is kept "
                    + "on the server; configure CrumbConfig.store(...) (see docs/consent.md)");
        }
        // Tracking and analytics: the page-view pipeline and the analysts' endpoints.
        this.tracker = PageTracker.start(config.tracking(), prefix,
                config.store() == null ? null : config.store().events(), hasher, config.clock(), RetryBackoff.DEFAULT);
        this.analytics = AnalyticsFeature.create(config.analytics(), config.cookie().analystName(), config.cookie().keys(),
                config.cookie().alwaysSecure(), config.store() == null ? null : config.store().analytics(),
                config.store() == null ? null : config.store().security(), tracker::metrics, config.clock(), config.random());
        analytics.register(endpoints, prefix);
        LOG.info("Crumb started: cookie '{}', {} key(s), visit timeout {}, endpoints under {}", name,
                config.cookie().keys().all().size(), config.cookie().visitTimeout(), prefix);
    }

    /** Runs one request through Crumb. */
    public void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (EchoMethods.refused(request, response)) {
            // Before anything reads or echoes the request: TRACE would reflect HttpOnly cookies and credentials.
            return;
        }
        if (request.getAttribute(VisitorSession.ATTRIBUTE) != null) {
            // A forward, include or error dispatch of a request Crumb already handles.
            chain.doFilter(request, response);
            return;
        }
        String path = pathWithinApplication(request);
        if (path.equals(GpcDeclaration.PATH) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            gpc.serve(response);
            return;
        }
        if (path.equals(prefix + "/" + Stylesheet.FILE_NAME) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            Stylesheet.serve(response); // the same bytes for everyone: no visitor, no cookie
            return;
        }
        VisitorSession session = visitors.resolve(request);
        request.setAttribute(VisitorSession.ATTRIBUTE, session);
        request.setAttribute(ATTRIBUTE, this);
        analytics.attach(request, response);
        request.setAttribute(ConsentBanner.ATTRIBUTE, banner);
        request.setAttribute(Responses.PREFIX_ATTRIBUTE, prefix);
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            // Defaults are recorded as pages are viewed; a POST (a refused one too) changes nothing but its own.
            // Only the visitor's own proof pages wait for the store; every other page just queues the default.
            if (path.equals(prefix + "/me") || path.equals(prefix + "/me.json")) {
                decisions.recordDefaultNow(session);
            } else {
                decisions.recordDefaultOnce(session);
            }
        }
        ConsentEnforcingResponse wrapped = new ConsentEnforcingResponse(response,
                () -> writeCookie(session, request, response), cookieGate, session::consents, config.cookie().effectiveName());
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
            endpoints.dispatch(new Exchange(request, wrapped, session, path.substring(prefix.length()),
                    messages.forLanguage(session.payload().language())));
        } else {
            switch (cookieRequirement.decide(request, path, session.arrivedWithCookie())) {
                case PROBE -> {
                    wrapped.setHeader("Cache-Control", "no-store");
                    wrapped.sendRedirect(CookieRequirement.probeTarget(request));
                }
                case EXPLAIN -> {
                    session.markCookiesBlocked();
                    Exchange exchange = new Exchange(request, wrapped, session, path,
                            messages.forLanguage(session.payload().language()));
                    Responses.page(exchange, 403, exchange.texts().get("cookies.title"),
                            CookieRequirement.explanation(exchange.texts(), request.getContextPath() + "/",
                                    request.getContextPath() + prefix + "/me"));
                }
                case PROCEED -> {
                    request.setAttribute(Crumb.BANNER_ATTRIBUTE, new LazyBannerHtml(banner, request, session));
                    chain.doFilter(request, wrapped);
                }
            }
        }
        wrapped.beforeCommit();
        tracker.afterResponse(request, response, session, path);
    }

    /** The page-view pipeline's counters. */
    public TrackingMetrics trackingMetrics() {
        return tracker.metrics();
    }

    /** How consent defaults are being recorded. */
    public ConsentDefaultMetrics consentDefaultMetrics() {
        return defaults.metrics();
    }

    /** The keyed hasher for visitor IDs and addresses. */
    public VisitorHasher hasher() {
        return hasher;
    }

    /** Email choices over the store, or {@code null} when no store is configured. */
    public EmailChoices emails() {
        return emails;
    }

    /**
     * Saves allow-listed form fields in the visitor cookie of this response, as far as consent, the
     * rules and the cookie's size allow (see {@link FormSaver}).
     */
    public FormSaveResult saveForm(VisitorSession session, Map<String, String> submitted) {
        Map<String, String> fields = new LinkedHashMap<>();
        submitted.forEach((k, v) -> {
            if (k != null) {
                fields.put(k, v == null ? "" : v);
            }
        });
        if (session.committed()) {
            Map<String, FormSaveResult.Reason> skipped = new LinkedHashMap<>();
            fields.keySet().forEach(k -> skipped.put(k, FormSaveResult.Reason.RESPONSE_COMMITTED));
            return new FormSaveResult(FormSaveResult.Status.NOT_SAVED, java.util.Set.of(), skipped);
        }
        CookiePayload payload = session.payload();
        Map<String, String> already = payload.savedForm() == null ? Map.of() : payload.savedForm();
        FormSaver.Outcome outcome = forms.save(already, fields, session.consents(Category.PREFERENCES),
                merged -> cookies.write(payload.withSavedForm(merged), true).droppedFields());
        session.replace(payload.withSavedForm(outcome.fields()));
        return outcome.result();
    }

    private void writeCookie(VisitorSession session, HttpServletRequest request, HttpServletResponse response) {
        session.markCommitted();
        if (!session.changed()) {
            return;
        }
        try {
            CookiePayload payload = session.payload();
            CookieWriter.Written written = cookies.write(payload, request.isSecure(),
                    lifetime.secondsLeft(payload.firstSeen(), config.clock().instant()));
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

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        int semicolon = path.indexOf(';');
        return semicolon >= 0 ? path.substring(0, semicolon) : path;
    }

    private static byte[] hashKey(EngineSettings config) {
        if (config.cookie().hashKey() != null) {
            return Base64.getUrlDecoder().decode(config.cookie().hashKey());
        }
        LOG.warn("no hash key configured (hash-key / CRUMB_HASH_KEY): deriving it from the first cookie key. "
                + "Set a stable hash key before rotating cookie keys, or analytics and consent history will "
                + "see every visitor as new after the rotation");
        return VisitorHasher.derive(config.cookie().keys().current().key().getEncoded(), "crumb-hash-v1");
    }

    @Override
    public void close() {
        tracker.close();
        defaults.close();
        if (retention != null) {
            retention.close();
        }
        LOG.info("Crumb stopped");
    }
}
