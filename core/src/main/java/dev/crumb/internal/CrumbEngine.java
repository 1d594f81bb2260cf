package dev.crumb.internal;

import dev.crumb.ConsentDefaultMetrics;
import dev.crumb.EmailChoices;
import dev.crumb.TrackingMetrics;
import dev.crumb.internal.analytics.AnalyticsFeature;
import dev.crumb.internal.consent.ConsentDefaultRecorder;
import dev.crumb.internal.consent.ConsentJournal;
import dev.crumb.internal.consent.ConsentRateLimit;
import dev.crumb.internal.consent.ConsentRules;
import dev.crumb.internal.consent.CookieGate;
import dev.crumb.internal.consent.OptInRegions;
import dev.crumb.internal.cookie.CookieCodec;
import dev.crumb.internal.cookie.CookieWriter;
import dev.crumb.internal.cookie.OpenedCookieCache;
import dev.crumb.internal.cookie.SetCookieHeader;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.internal.email.EmailFeature;
import dev.crumb.internal.form.FormSaver;
import dev.crumb.internal.http.CsrfTokens;
import dev.crumb.internal.locale.LocaleResolver;
import dev.crumb.internal.rights.Retention;
import dev.crumb.internal.rights.RetentionJob;
import dev.crumb.internal.rights.StoredData;
import dev.crumb.internal.tracking.PageTracker;
import dev.crumb.internal.tracking.RetryBackoff;
import dev.crumb.internal.visitor.ConsentDecisions;
import dev.crumb.internal.visitor.CookieLifetime;
import dev.crumb.internal.visitor.HashKeyAgreement;
import dev.crumb.internal.visitor.SessionSupport;
import dev.crumb.internal.visitor.VisitorIds;
import dev.crumb.internal.visitor.VisitorResolver;
import dev.crumb.internal.web.ConsentBanner;
import dev.crumb.internal.web.ConsentEndpoint;
import dev.crumb.internal.web.ConsentMeSection;
import dev.crumb.internal.web.CookieRequirement;
import dev.crumb.internal.web.Endpoints;
import dev.crumb.internal.web.FirstLayer;
import dev.crumb.internal.web.ForgetEndpoint;
import dev.crumb.internal.web.GpcDeclaration;
import dev.crumb.internal.web.LocaleEndpoint;
import dev.crumb.internal.web.MeEndpoint;
import dev.crumb.internal.web.MeSection;
import dev.crumb.internal.web.Messages;
import dev.crumb.internal.web.SavedFormMeSection;
import dev.crumb.internal.web.StoredDataMeSection;
import dev.crumb.internal.web.VisitorMeSection;
import dev.crumb.store.CrumbStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root behind {@code CrumbFilter}: builds every capability once from the engine's
 * settings — each on, or off as an object that does nothing — and hands them to the {@link RequestFlow}
 * that runs each request. Owns what runs in the background (the consent-default recorder, the tracking
 * writer, the retention job) and stops it on {@link #close()}.
 */
public final class CrumbEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrumbEngine.class);

    private final RequestFlow flow;
    private final ConsentDefaultRecorder defaults;
    private final PageTracker tracker;
    private final Retention retention;
    private final EmailFeature emails;

    /**
     * @param contextPath the servlet context path of the application ({@code ""} at the root): the default
     *                    path of the cookie
     */
    public CrumbEngine(EngineSettings settings, String contextPath) {
        String prefix = settings.pathPrefix();
        // First: a missing bundle fails the start before any background thread runs.
        Messages messages = new Messages(settings.texts().bundle(), settings.texts().messages(),
                Thread.currentThread().getContextClassLoader());
        CookieCodec codec = new CookieCodec(settings.cookie().keys(), settings.random());
        CookieLifetime lifetime = new CookieLifetime(settings.cookie().lifetime());
        CookieOutput cookies = new CookieOutput(cookieWriter(settings.cookie(), codec, contextPath), lifetime,
                settings.clock());
        ConsentRules consentRules = new ConsentRules(new OptInRegions(settings.consent().optInCountries()),
                settings.consent().policyRevision(), settings.consent().honourDnt(), settings.consent().maxAge(),
                settings.clock());
        VisitorIds ids = new VisitorIds(settings.random());
        VisitorResolver visitors = visitors(settings, codec, consentRules, ids, lifetime);
        byte[] hashKey = KeyDerivation.visitorHashKey(settings.cookie());
        VisitorHasher hasher = hasher(settings, hashKey);
        ConsentJournal journal = journal(settings.store(), hasher);
        // Defaults are written in the background: a page view never waits for the store (docs/consent.md).
        this.defaults = ConsentDefaultRecorder.start(journal, settings.clock());
        ConsentDecisions decisions = new ConsentDecisions(consentRules, journal, defaults, settings.consent().registry(),
                settings.clock());
        FirstLayer firstLayer = new FirstLayer(settings.consent().controllerName(), settings.consent().privacyPolicyUrl());
        this.retention = retention(settings);
        Endpoints endpoints = endpoints(settings, journal, decisions, firstLayer, ids, hasher, retention);
        this.emails = settings.store() == null ? EmailFeature.off() : EmailFeature.over(settings.store().emails(),
                hasher, KeyDerivation.unsubscribeKey(hashKey), settings.clock(), settings.consent().policyRevision(),
                prefix, settings.forms(), settings.email().unsubscribeConfirmations());
        emails.register(endpoints);
        this.tracker = PageTracker.start(settings.tracking(), prefix,
                settings.store() == null ? null : settings.store().events(), hasher, settings.clock(), RetryBackoff.DEFAULT);
        AnalyticsFeature analytics = analytics(settings, tracker);
        analytics.register(endpoints, prefix);
        RequestContext.Capabilities capabilities = new RequestContext.Capabilities(
                new ConsentBanner(prefix, messages, settings.clock(), firstLayer), analytics,
                new SavedForms(new FormSaver(settings.forms()), cookies), emails);
        RequestFlow.Consent consent = new RequestFlow.Consent(decisions,
                new CookieGate(settings.consent().registry(), settings.clock()),
                new CookieRequirement(settings.consent().cookieRequiredPaths()));
        this.flow = new RequestFlow(prefix, settings.cookie().effectiveName(), visitors, cookies, consent, endpoints,
                messages, new GpcDeclaration(settings.consent().gpcLastUpdate()), tracker, capabilities);
        LOG.info("Crumb started: cookie '{}', {} key(s), visit timeout {}, endpoints under {}",
                settings.cookie().effectiveName(), settings.cookie().keys().all().size(),
                settings.cookie().visitTimeout(), prefix);
    }

    /** Runs one request through Crumb. */
    public void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        flow.handle(request, response, chain);
    }

    /** The page-view pipeline's counters; all zero when tracking is off. */
    public TrackingMetrics trackingMetrics() {
        return tracker.metrics();
    }

    /** How consent defaults are being recorded. */
    public ConsentDefaultMetrics consentDefaultMetrics() {
        return defaults.metrics();
    }

    /**
     * Email choices over the store.
     *
     * @throws IllegalStateException when no store is configured
     */
    public EmailChoices emails() {
        return emails.choices();
    }

    /** The cookie's writer: Secure on secure requests, and always with host prefix, partitioning or {@code secure}. */
    private static CookieWriter cookieWriter(EngineSettings.Cookie cookie, CookieCodec codec, String contextPath) {
        boolean partitionedOrHost = cookie.partitioned() || cookie.hostPrefix();
        String name = cookie.effectiveName();
        String domain = cookie.hostPrefix() ? null : cookie.domain();
        String path = cookie.hostPrefix() ? "/" : cookie.path() != null ? cookie.path()
                : contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        SetCookieHeader secure = new SetCookieHeader(name, path, domain, cookie.maxAge(), true, cookie.partitioned());
        SetCookieHeader plain = new SetCookieHeader(name, path, domain, cookie.maxAge(),
                cookie.alwaysSecure() || partitionedOrHost, cookie.partitioned());
        return new CookieWriter(codec, secure, plain);
    }

    private static VisitorResolver visitors(EngineSettings settings, CookieCodec codec, ConsentRules consentRules,
                                            VisitorIds ids, CookieLifetime lifetime) {
        EngineSettings.Locales l = settings.locales();
        LocaleResolver locales = new LocaleResolver(l.countryHeader(), l.defaultCountry(), l.defaultLanguage(),
                l.languages());
        CsrfTokens csrf = new CsrfTokens(settings.cookie().keys(), settings.clock(), Duration.ofHours(2));
        SessionSupport support = new SessionSupport(csrf, locales, consentRules);
        // Decrypting a cookie costs far more than the rest of a request: do it once per value and server.
        // Bounded by the characters of cached values (8 M chars: ~25 000 typical cookies, ~16 MiB).
        OpenedCookieCache opened = new OpenedCookieCache(codec, 8_000_000, Duration.ofMinutes(30));
        return new VisitorResolver(settings.cookie().effectiveName(), opened, locales, ids, settings.clock(),
                settings.cookie().visitTimeout(), settings.cookie().lastSeenRefresh(), support, lifetime);
    }

    private static VisitorHasher hasher(EngineSettings settings, byte[] hashKey) {
        VisitorHasher hasher = new VisitorHasher(hashKey);
        if (settings.store() != null) {
            // Before anything is written: a second key would split every visitor in two, silently.
            HashKeyAgreement.check(settings.store().security(), hasher, settings.cookie().hashKey() != null);
        }
        return hasher;
    }

    private static ConsentJournal journal(CrumbStore store, VisitorHasher hasher) {
        ConsentJournal journal = new ConsentJournal(store == null ? null : store.consentLog(), hasher);
        if (!journal.keepsProof()) {
            LOG.warn("no store configured: consent choices work in the visitor cookie, but no proof of consent is kept "
                    + "on the server; configure CrumbConfig.store(...) (see docs/consent.md)");
        }
        return journal;
    }

    /** The retention job over the store, or off without one. */
    private static Retention retention(EngineSettings settings) {
        CrumbStore store = settings.store();
        return store == null ? Retention.off() : new RetentionJob(store.visitorRecords(), store.consentLog(),
                settings.consent().visitRetention(), settings.consent().logRetention(), settings.clock()).start();
    }

    /** The library's own pages: the visitor's data, locale, consent, "forget me". */
    private static Endpoints endpoints(EngineSettings settings, ConsentJournal journal, ConsentDecisions decisions,
                                       FirstLayer firstLayer, VisitorIds ids, VisitorHasher hasher, Retention retention) {
        String prefix = settings.pathPrefix();
        // Data rights: what the store keeps under the visitor's key, erasure on "forget me".
        StoredData stored = new StoredData(settings.store() == null ? null : settings.store().visitorRecords(), hasher,
                retention, settings.tracking().flushInterval().multipliedBy(2).plus(Duration.ofSeconds(30)));
        List<MeSection> me = List.of(new VisitorMeSection(prefix), new ConsentMeSection(journal, prefix),
                new StoredDataMeSection(stored, prefix), new SavedFormMeSection(prefix));
        // One bucket per visitor for consent changes and forget requests: both write a durable record.
        ConsentRateLimit consentRate = ConsentRateLimit.standard(settings.clock());
        return new Endpoints()
                .add("/me.json", MeEndpoint.json(me))
                .add("/me", MeEndpoint.page(me))
                .add("/locale", new LocaleEndpoint())
                .add("/consent", new ConsentEndpoint(decisions, consentRate, firstLayer))
                .add("/forget", new ForgetEndpoint(decisions, consentRate, ids, prefix, stored));
    }

    private static AnalyticsFeature analytics(EngineSettings settings, PageTracker tracker) {
        CrumbStore store = settings.store();
        return AnalyticsFeature.create(settings.analytics(), settings.cookie().analystName(), settings.cookie().keys(),
                settings.cookie().alwaysSecure(), store == null ? null : store.analytics(),
                store == null ? null : store.security(), tracker::metrics, settings.clock(), settings.random());
    }

    @Override
    public void close() {
        tracker.close();
        defaults.close();
        retention.close();
        LOG.info("Crumb stopped");
    }
}
