package dev.crumb.demo.analytics;

import dev.crumb.demo.shop.Catalog;
import dev.crumb.demo.shop.Product;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.PageView;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes up a believable few weeks of traffic for the demo shop, so the dashboard has something to show:
 * visitors from several countries and languages, returning visitors, bounces, search and social
 * referrers, and the paths people take through this site. Some visitors refuse analytics; their views
 * become {@link AnonymousPageView}s.
 *
 * <p>A pure generator: the same seed and range give the same events. It uses a seeded {@link Random}
 * on purpose, because made-up data must be repeatable, not secret.
 */
public final class DemoDataSeeder {

    /** The events made up for a range, each list in time order. */
    public record Events(List<PageView> pageViews, List<AnonymousPageView> anonymous) {
        public Events {
            pageViews = List.copyOf(pageViews);
            anonymous = List.copyOf(anonymous);
        }
    }

    private record Weighted<T>(T value, int weight) {}

    private record Locale(String country, String language) {}

    private static final class SeedVisitor {
        final String key;
        final Locale locale;
        final boolean analytics;
        int visits;

        SeedVisitor(String key, Locale locale, boolean analytics) {
            this.key = key;
            this.locale = locale;
            this.analytics = analytics;
        }
    }

    private static final int BASE_VISITS_PER_DAY = 40;
    private static final double RETURNING_SHARE = 0.3;
    private static final double ANALYTICS_CONSENT_SHARE = 0.7;
    private static final double BOUNCE_SHARE = 0.35;

    private static final List<Weighted<Locale>> LOCALES = List.of(
            w(new Locale("US", "en"), 40), w(new Locale("CA", "en"), 7), w(new Locale("CA", "fr"), 3),
            w(new Locale("GB", "en"), 10), w(new Locale("DE", "de"), 9), w(new Locale("FR", "fr"), 7),
            w(new Locale("NL", "nl"), 4), w(new Locale("IN", "en"), 5), w(new Locale("AU", "en"), 4),
            w(new Locale("JP", "ja"), 3), w(new Locale("BR", "pt"), 3), w(new Locale("ES", "es"), 3),
            w(new Locale("ZZ", "en"), 2));

    private static final List<Weighted<String>> REFERRERS = List.of(
            w("www.google.com", 60), w("www.bing.com", 15), w("duckduckgo.com", 12), w("www.ecosia.org", 3),
            w("www.linkedin.com", 6), w("www.reddit.com", 4));

    private static final List<Weighted<String>> ENTRY_PAGES = List.of(
            w("/", 45), w("/products", 15), w("/products/*", 30), w("/support", 7), w("/privacy", 3));

    private static final Map<String, List<Weighted<String>>> NEXT_PAGE = Map.of(
            "/", List.of(w("/products", 50), w("/products/*", 25), w("/support", 10), w("/contact", 10),
                    w("/privacy", 5)),
            "/products", List.of(w("/products/*", 80), w("/cart", 10), w("/", 10)),
            "/products/*", List.of(w("/products/*", 40), w("/cart", 35), w("/products", 20), w("/support", 5)),
            "/cart", List.of(w("/products/*", 40), w("/account", 20), w("/products", 40)),
            "/support", List.of(w("/support/thanks", 60), w("/", 40)),
            "/contact", List.of(w("/contact/thanks", 70), w("/", 30)),
            "/account", List.of(w("/cart", 50), w("/", 50)));

    private final long seed;
    private final List<Weighted<String>> productPaths;

    /** A seeder making up visits to the pages of {@code catalog}. */
    public DemoDataSeeder(long seed, Catalog catalog) {
        this.seed = seed;
        // Cheaper things sell more often; the list order of the catalog breaks ties.
        List<Product> products = catalog.all();
        List<Weighted<String>> paths = new ArrayList<>();
        for (Product product : products) {
            paths.add(w(product.path(), (int) Math.max(2, 40 - Math.log(product.priceCents()) * 3)));
        }
        this.productPaths = List.copyOf(paths);
    }

    /**
     * Makes up the events of the {@code days} UTC days ending with {@code lastDay}.
     *
     * @throws IllegalArgumentException when {@code days} is not from 1 to 366
     */
    public Events generate(LocalDate lastDay, int days) {
        if (days < 1 || days > RangeChoice.MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + RangeChoice.MAX_DAYS + ", was " + days);
        }
        Random random = new Random(seed);
        List<SeedVisitor> known = new ArrayList<>();
        List<PageView> pageViews = new ArrayList<>();
        List<AnonymousPageView> anonymous = new ArrayList<>();
        for (LocalDate day = lastDay.minusDays(days - 1L); !day.isAfter(lastDay); day = day.plusDays(1)) {
            int visits = visitsOn(day, lastDay, random);
            for (int i = 0; i < visits; i++) {
                boolean returning = !known.isEmpty() && random.nextDouble() < RETURNING_SHARE;
                SeedVisitor visitor = returning ? known.get(random.nextInt(known.size())) : newVisitor(random);
                if (!returning) {
                    known.add(visitor);
                }
                visitor.visits++;
                addVisit(visitor, returning, day, random, pageViews, anonymous);
            }
        }
        pageViews.sort(Comparator.comparing(PageView::at));
        anonymous.sort(Comparator.comparing(AnonymousPageView::at));
        return new Events(pageViews, anonymous);
    }

    private static int visitsOn(LocalDate day, LocalDate lastDay, Random random) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        double growth = 1 - 0.004 * (lastDay.toEpochDay() - day.toEpochDay());
        double noise = 0.8 + random.nextDouble() * 0.4;
        return (int) Math.round(BASE_VISITS_PER_DAY * (weekend ? 0.45 : 1) * growth * noise);
    }

    private static SeedVisitor newVisitor(Random random) {
        String key = String.format("%016x%016x", random.nextLong(), random.nextLong());
        return new SeedVisitor(key, pick(LOCALES, random), random.nextDouble() < ANALYTICS_CONSENT_SHARE);
    }

    private void addVisit(SeedVisitor visitor, boolean returning, LocalDate day, Random random,
                          List<PageView> pageViews, List<AnonymousPageView> anonymous) {
        // Office hours in the Americas and Europe, spread over the UTC day.
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(7 * 3600L + random.nextInt(15 * 3600));
        String referrer = random.nextDouble() < (returning ? 0.2 : 0.55) ? pick(REFERRERS, random) : null;
        String page = pick(ENTRY_PAGES, random);
        int length = random.nextDouble() < BOUNCE_SHARE ? 1 : 2 + geometric(random, 0.55, 6);
        for (int n = 0; n < length; n++) {
            String path = page.equals("/products/*") ? pick(productPaths, random) : page;
            if (visitor.analytics) {
                pageViews.add(new PageView(at, visitor.key, visitor.visits, path, visitor.locale.country(),
                        visitor.locale.language(), n == 0 ? referrer : null));
            } else {
                anonymous.add(new AnonymousPageView(at, path));
            }
            at = at.plusSeconds(15 + random.nextInt(165));
            page = pick(NEXT_PAGE.getOrDefault(page, List.of(w("/", 1))), random);
        }
    }

    private static int geometric(Random random, double continueChance, int max) {
        int extra = 0;
        while (extra < max && random.nextDouble() < continueChance) {
            extra++;
        }
        return extra;
    }

    private static <T> T pick(List<Weighted<T>> choices, Random random) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        int roll = random.nextInt(total);
        for (Weighted<T> choice : choices) {
            roll -= choice.weight();
            if (roll < 0) {
                return choice.value();
            }
        }
        throw new AssertionError("weights add up to " + total);
    }

    private static <T> Weighted<T> w(T value, int weight) {
        return new Weighted<>(value, weight);
    }
}
