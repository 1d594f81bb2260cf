package dev.crumb.bench.store;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.PageView;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic traffic, one UTC day at a time: a fixed population of visitors (a fifth of them
 * loyal and coming back often, some with visits from before the first day), several page views per visit
 * over Zipf-distributed paths, referrers on entry, a country and language per visitor, and a day-night
 * rhythm. The same seed and sizes give the same page views in the same order.
 */
final class SyntheticTraffic {
    private static final Base64.Encoder KEY_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final String[] PREFIXES = {"/blog/post-", "/docs/page-", "/product/", "/help/article-"};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "IN", "NL", "CA", "BR", "ES", "IT", "SE",
        "PL", "JP", "AU", "CH", "AT", "BE", "DK", "NO", "FI", "IE", "PT", "CZ", "MX", "AR", "KR", "SG", "ZA", "NZ",
        "TR", "RO", "HU", "GR", "IL", "UA", "CN", "ID", "PH", "VN", "ZZ"};
    private static final String[] LANGUAGES = {"en", "de", "en", "fr", "en", "nl", "en", "pt", "es", "it", "sv",
        "pl", "ja", "en", "de", "de", "nl", "da", "nb", "fi", "en", "pt", "cs", "es", "es", "ko", "en", "en", "en",
        "tr", "ro", "hu", "el", "he", "uk", "zh", "id", "en", "vi", "en"};
    private static final String[] SEARCH = {"google.com", "bing.com", "duckduckgo.com", "news.ycombinator.com",
        "t.co", "reddit.com", "linkedin.com", "facebook.com", "github.com", "stackoverflow.com"};
    /** Share of visits whose entry page view carries an external referrer. */
    private static final double REFERRED = 0.45;
    /** Share of single-page visits. */
    private static final double BOUNCE = 0.4;

    private final long seed;
    private final int visitors;
    private final LocalDate firstDay;
    private final int days;
    private final long eventsPerDay;
    private final int[] nextVisit;
    private final String[] paths;
    private final double[] pathCdf;
    private final String[] referrers;
    private final double[] referrerCdf;
    private final double[] countryCdf;

    SyntheticTraffic(long seed, int visitors, int paths, LocalDate firstDay, int days, long events) {
        this.seed = seed;
        this.visitors = visitors;
        this.firstDay = firstDay;
        this.days = days;
        this.eventsPerDay = Math.max(1, events / days);
        this.nextVisit = new int[visitors];
        SplittableRandom history = new SplittableRandom(seed);
        for (int v = 0; v < visitors; v++) {
            // Three visitors in ten were already known before the first day.
            nextVisit[v] = history.nextDouble() < 0.3 ? 2 + history.nextInt(6) : 1;
        }
        this.paths = new String[paths];
        this.paths[0] = "/";
        for (int i = 1; i < paths; i++) {
            this.paths[i] = PREFIXES[i % PREFIXES.length] + i;
        }
        this.pathCdf = zipf(paths, 1.0);
        this.referrers = new String[60];
        for (int i = 0; i < referrers.length; i++) {
            referrers[i] = i < SEARCH.length ? SEARCH[i] : "site-" + i + ".example";
        }
        this.referrerCdf = zipf(referrers.length, 1.2);
        this.countryCdf = zipf(COUNTRIES.length, 1.1);
    }

    int days() {
        return days;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }

    /**
     * The page views of the visits that start on day {@code index} (0-based), in time order. Visit numbers
     * continue from the days before, so call it once per day, in day order.
     */
    List<PageView> pageViews(int index) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        long midnight = firstDay.plusDays(index).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        List<PageView> views = new ArrayList<>((int) eventsPerDay + 64);
        while (views.size() < eventsPerDay) {
            // Half of the visits come from the loyal fifth of the visitors.
            int visitor = random.nextDouble() < 0.5 ? random.nextInt(Math.max(1, visitors / 5))
                    : random.nextInt(visitors);
            String key = visitorKey(visitor);
            int country = countryOf(visitor);
            int visit = nextVisit[visitor]++;
            long at = midnight + timeOfDay(random);
            int pages = random.nextDouble() < BOUNCE ? 1 : 2 + geometric(random, 1 / 2.83);
            String referrer = random.nextDouble() < REFERRED ? referrers[pick(referrerCdf, random)] : null;
            for (int p = 0; p < pages && views.size() < eventsPerDay; p++) {
                String path = p == 0 && random.nextDouble() < 0.3 ? "/" : paths[pick(pathCdf, random)];
                views.add(new PageView(Instant.ofEpochMilli(at), key, visit, path, COUNTRIES[country],
                        LANGUAGES[country], p == 0 ? referrer : null));
                at += 5_000 + (long) (-Math.log(1 - random.nextDouble()) * 60_000);
            }
        }
        views.sort(Comparator.comparing(PageView::at));
        return views;
    }

    /** A tenth as many anonymous page views as page views, spread over day {@code index}. */
    List<AnonymousPageView> anonymousViews(int index) {
        SplittableRandom random = new SplittableRandom(seed * 37 + index);
        long midnight = firstDay.plusDays(index).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        List<AnonymousPageView> views = new ArrayList<>();
        for (long i = 0; i < eventsPerDay / 10; i++) {
            views.add(new AnonymousPageView(Instant.ofEpochMilli(midnight + timeOfDay(random)),
                    paths[pick(pathCdf, random)]));
        }
        return views;
    }

    /**
     * A 22-character key, shaped like the keyed hash Crumb stores (16 bytes, base64url without padding; see
     * {@code VisitorHasher}). Before 2026-11-30 this was 64 hex characters, which made every row of the
     * bench's database larger than Crumb's own.
     */
    private String visitorKey(int visitor) {
        long a = mix(seed ^ visitor);
        long b = mix(a ^ 0x9E3779B97F4A7C15L);
        return KEY_ENCODER.encodeToString(ByteBuffer.allocate(16).putLong(a).putLong(b).array());
    }

    private int countryOf(int visitor) {
        return pick(countryCdf, new SplittableRandom(mix(seed + 17L * visitor)));
    }

    /** Milliseconds after midnight, busier in the day than at night. */
    private static long timeOfDay(SplittableRandom random) {
        while (true) {
            long ms = random.nextLong(86_400_000L);
            double hour = ms / 3_600_000.0;
            if (random.nextDouble() < 0.55 + 0.45 * Math.sin((hour - 8) / 24 * 2 * Math.PI)) {
                return ms;
            }
        }
    }

    private static int geometric(SplittableRandom random, double p) {
        return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }

    private static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int pick(double[] cdf, SplittableRandom random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
