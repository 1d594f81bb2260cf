package dev.crumb.internal.store;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.PageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Short ways to write page views in tests, and to cut them into shuffled batches. */
final class Events {
    private Events() {}

    static PageView view(String at, String visitor, int visit, String path, String country, String language,
                         String referrer) {
        return new PageView(Instant.parse(at), visitor, visit, path, country, language, referrer);
    }

    static AnonymousPageView anonymous(String at, String path) {
        return new AnonymousPageView(Instant.parse(at), path);
    }

    static List<AnonymousPageView> anonymous(String at, String path, int times) {
        return Collections.nCopies(times, anonymous(at, path));
    }

    /** The views in a seeded random order, cut into batches of at most {@code size}. */
    static List<List<PageView>> shuffledBatches(List<PageView> views, int size, long seed) {
        List<PageView> shuffled = new ArrayList<>(views);
        Collections.shuffle(shuffled, new Random(seed));
        List<List<PageView>> batches = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i += size) {
            batches.add(List.copyOf(shuffled.subList(i, Math.min(shuffled.size(), i + size))));
        }
        return batches;
    }

    /** A reproducible crowd: visitors with several visits of several page views over {@code days} days. */
    static List<PageView> crowd(int visitors, int days, long seed) {
        Random random = new Random(seed);
        String[] paths = {"/", "/blog", "/pricing", "/signup", "/docs", "/about"};
        String[] countries = {"DE", "US", "FR", "ZZ"};
        String[] languages = {"de", "en", "fr"};
        String[] referrers = {null, null, "google.com", "bing.com", "news.ycombinator.com"};
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<PageView> views = new ArrayList<>();
        for (int v = 0; v < visitors; v++) {
            String key = "visitor-" + v;
            int visits = 1 + random.nextInt(3);
            for (int visit = 1; visit <= visits; visit++) {
                Instant at = start.plusSeconds(random.nextInt(days * 86_400));
                int pages = 1 + random.nextInt(4);
                for (int p = 0; p < pages; p++) {
                    views.add(new PageView(at.plusMillis(random.nextInt(1_800_000)), key, visit,
                            paths[random.nextInt(paths.length)], countries[random.nextInt(countries.length)],
                            languages[random.nextInt(languages.length)], referrers[random.nextInt(referrers.length)]));
                }
            }
        }
        return views;
    }
}
