package dev.crumb.internal.store;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.PageView;

/**
 * The longest values the schema holds. Every store checks them before it writes anything, so that a
 * batch is rejected whole with a message that says what to shorten, and the in-memory store accepts
 * exactly what the databases accept.
 */
final class ColumnLimits {
    static final int KEY = 128;
    static final int PATH = 1024;
    static final int COUNTRY = 8;
    static final int LANGUAGE = 35;
    static final int HOST = 255;
    static final int FORM = 100;

    private ColumnLimits() {}

    static void check(PageView view) {
        check(view.visitorKey(), KEY, "visitorKey", "use the keyed hash of the visitor ID");
        checkPath(view.path());
        check(view.country(), COUNTRY, "country", "use an ISO 3166-1 alpha-2 code");
        check(view.language(), LANGUAGE, "language", "use an ISO 639 code");
        if (view.referrerHost() != null) {
            check(view.referrerHost(), HOST, "referrerHost", "pass the host name only");
        }
    }

    static void check(AnonymousPageView view) {
        checkPath(view.path());
    }

    static void check(String value, int limit, String name, String advice) {
        if (value.length() > limit) {
            throw new IllegalArgumentException(name + " is " + value.length() + " characters; Crumb stores at most "
                    + limit + " — " + advice);
        }
    }

    private static void checkPath(String path) {
        check(path, PATH, "path", "normalise long paths to a template before tracking them");
    }
}
