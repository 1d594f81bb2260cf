package dev.crumb.internal.store;

import static dev.crumb.internal.store.Events.anonymous;
import static dev.crumb.internal.store.Events.view;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.CrumbStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-checked scenario of {@link StoreContract}: three batches of page views around D1 = 2025-03-10
 * and D2 = 2025-03-11. Expected numbers for D1..D2, worked out by hand:
 *
 * <pre>
 * visit        day  views  seconds  entry     exit      referrer              country/lang
 * alice #1     D1   3      120      /home     /signup   google.com            DE de   (split over batches 1, 2)
 * alice #2     D2   1      0        /home     /home     -                     DE de
 * bob #1       D1   2      120      /blog     /pricing  news.ycombinator.com  US en   (23:59 → 00:01, batches 3, 1)
 * carol #3     D2   2      10       /pricing  /home     google.com            FR fr   (carol #1 is on D0)
 * dave #1      D2   1      0        /home     /home     bing.com              US en
 * erin #1      D1   2      300      /home     /blog     -                     GB en
 * erin #2      D1   1      0        /blog     /blog     google.com            IE ga
 * frank #1     D2   2      0        /a        /b        -                     NL nl   (both views at the same ms)
 * gina #1      D3   (outside the range)
 * </pre>
 * Anonymous: D0 /home ×5, D1 /home ×3 + /blog ×1, D2 /home ×2, D3 /pricing ×4 → 6 in D1..D2.
 */
final class ScriptedDays {
    private ScriptedDays() {}

    static void write(CrumbStore store) {
        List<AnonymousPageView> first = new ArrayList<>(anonymous("2025-03-10T08:00:00Z", "/home", 3));
        store.events().write(List.of(
                view("2025-03-10T09:02:00Z", "alice", 1, "/signup", "DE", "de", null),
                view("2025-03-11T00:01:00Z", "bob", 1, "/pricing", "US", "en", null),
                view("2025-03-11T08:00:00Z", "dave", 1, "/home", "US", "en", "bing.com"),
                view("2025-03-11T16:00:00.000Z", "frank", 1, "/b", "NL", "nl", null),
                view("2025-03-11T16:00:00.000Z", "frank", 1, "/a", "NL", "nl", null)), first);

        List<AnonymousPageView> second = new ArrayList<>();
        second.add(anonymous("2025-03-10T23:00:00Z", "/blog"));
        second.addAll(anonymous("2025-03-11T23:59:59.999Z", "/home", 2));
        second.addAll(anonymous("2025-03-09T12:00:00Z", "/home", 5));
        store.events().write(List.of(
                view("2025-03-10T09:00:30Z", "alice", 1, "/pricing", "DE", "de", null),
                view("2025-03-10T09:00:00Z", "alice", 1, "/home", "DE", "de", "google.com"),
                view("2025-03-11T14:00:00Z", "alice", 2, "/home", "DE", "de", null),
                view("2025-03-09T10:00:00Z", "carol", 1, "/home", "FR", "fr", null),
                view("2025-03-11T10:00:10Z", "carol", 3, "/home", "FR", "fr", null),
                view("2025-03-11T10:00:00Z", "carol", 3, "/pricing", "FR", "fr", "google.com")), second);

        store.events().write(List.of(
                view("2025-03-10T23:59:00Z", "bob", 1, "/blog", "US", "en", "news.ycombinator.com"),
                view("2025-03-10T12:00:00Z", "erin", 1, "/home", "GB", "en", null),
                view("2025-03-10T12:05:00Z", "erin", 1, "/blog", "GB", "en", null),
                view("2025-03-10T18:00:00Z", "erin", 2, "/blog", "IE", "ga", "google.com"),
                view("2025-03-12T09:00:00Z", "gina", 1, "/home", "US", "en", null)),
                anonymous("2025-03-12T09:00:00Z", "/pricing", 4));
    }
}
