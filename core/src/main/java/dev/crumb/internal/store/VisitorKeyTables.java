package dev.crumb.internal.store;

import java.util.List;

/**
 * Every table that holds rows under a visitor key ({@code visitor_key}), children before parents: "forget
 * me" erases a visitor from each of them, and nothing else holds a key. Daily aggregates
 * ({@code crumb_day_count}, {@code crumb_day_repeat}, {@code crumb_anonymous_day}) hold no key and stay,
 * so summaries are exact after an erasure. The consent log keeps its records: it is the site's proof,
 * and the withdrawal that "forget me" records is one of them ({@code consent-log-retention} ages it out).
 * <b>A new table with a {@code visitor_key} column must be added here.</b>
 */
final class VisitorKeyTables {

    /** The tables, in the order rows are deleted. */
    static final List<String> ERASED_ON_FORGET = List.of("crumb_visit_page", "crumb_visit", "crumb_page_view",
            "crumb_visitor");

    private VisitorKeyTables() {
    }
}
