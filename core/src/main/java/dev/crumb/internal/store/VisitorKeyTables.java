package dev.crumb.internal.store;

import java.util.List;

/**
 * Every table that holds a visitor key ({@code visitor_key}), in one place, for whatever must reach all of
 * a visitor's rows: "forget me" erases a visitor from each analytics table, retention ages them out.
 * Daily aggregates ({@code crumb_day_count}, {@code crumb_day_repeat}, {@code crumb_anonymous_day}) hold
 * no key and stay, so summaries are exact after an erasure. <b>A new table with a {@code visitor_key}
 * column must be added here.</b>
 */
final class VisitorKeyTables {
    private VisitorKeyTables() {}

    /**
     * The consent log: the proof of a visitor's decisions. "Forget me" keeps it (the withdrawal it records
     * is part of the proof); {@code consent-log-retention} ages superseded records out.
     */
    static final String CONSENT = "crumb_consent";

    /**
     * The analytics tables with per-visitor rows: raw page views, visits and their paths, the writer's lock
     * row and the writer's per-visitor state (its chains and visitor-days). Erasing a visitor's rows from the
     * per-visit tables without taking their contribution out of the aggregates leaves the aggregates as they
     * were; erasing only some of these tables would make the writer's next merge for that visitor wrong, so
     * erase all.
     */
    static final List<String> ANALYTICS = List.of("crumb_page_view", "crumb_visit", "crumb_visit_page",
            "crumb_visitor", "crumb_visitor_chains");

    /**
     * What "forget me" erases, in one transaction: all of {@link #ANALYTICS}, the writer's lock row first,
     * so that an erasure and a batch of the same visitor take their locks in the same order and wait for
     * each other instead of deadlocking.
     */
    static final List<String> ERASED_ON_FORGET = List.of("crumb_visitor", "crumb_visit_page", "crumb_visit",
            "crumb_page_view", "crumb_visitor_chains");
}
