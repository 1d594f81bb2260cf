package dev.crumb.internal.store;

import java.util.List;

/**
 * Every table that holds a visitor key, in one place, for whatever must reach all of a visitor's rows
 * (erasure on request, retention of per-visit data). Each has a column {@code visitor_key}.
 */
final class VisitorKeyTables {
    private VisitorKeyTables() {}

    /** The consent log: the proof of a visitor's decisions. */
    static final String CONSENT = "crumb_consent";

    /**
     * The analytics tables with per-visitor rows: raw page views, visits and their paths, the writer's lock
     * row and the writer's per-visitor-day state. The daily aggregates ({@code crumb_day_count},
     * {@code crumb_day_repeat}) hold no visitor key. Erasing a visitor's rows from the per-visit tables
     * without taking their contribution out of the aggregates leaves the aggregates as they were; erasing
     * only some of these tables would make the writer's next merge for that visitor wrong, so erase all.
     */
    static final List<String> ANALYTICS = List.of("crumb_page_view", "crumb_visit", "crumb_visit_page",
            "crumb_visitor", "crumb_visitor_day", "crumb_visitor_chain");
}
