package dev.crumb.internal.store;

/**
 * What a row of {@code crumb_day_count} or {@code crumb_day_repeat} counts. Each metric is stored under a
 * short code; {@code item} is the path, host, country or language it is about, or {@code ""} for a
 * day's totals. See {@code docs/storage.md} for how the summary combines them.
 */
enum Metric {
    /** Visits that started on the day. */
    VISITS("visits"),
    /** Visits with number 1 that started on the day: one per visitor at most, so additive over days. */
    FIRST_VISITS("first"),
    /** Page views of the visits that started on the day. */
    PAGEVIEWS("views"),
    /** Visits of the day with exactly one page view. */
    BOUNCES("bounces"),
    /** Sum of the durations (ms) of the visits of the day. */
    DURATION("duration"),
    /** Visitors with a visit on the day (a visitor-day); repeats: per previous day with a visit. */
    VISITORS("visitors"),
    /** Visitors with a visit of number &gt; 1 on the day; repeats: per previous such day. */
    RETURNING("returning"),
    /** Visitor-days by the entry country of the visitor's earliest visit of the day. */
    COUNTRY("country"),
    /** Visitor-days by the entry language of the visitor's earliest visit of the day. */
    LANGUAGE("language"),
    /** Page views of a path in the visits of the day. */
    PAGE_VIEWS("page_views"),
    /** Visitors with a page view of a path in a visit of the day; repeats: per previous such day. */
    PAGE_VISITORS("page_visitors"),
    /** Visits of the day that entered at a path. */
    ENTRY("entry"),
    /** Visits of the day that left at a path. */
    EXIT("exit"),
    /** Visits of the day whose first page view came from a host. */
    REFERRER("referrer");

    private final String code;

    Metric(String code) {
        this.code = code;
    }

    /** The value of the {@code metric} column. */
    String code() {
        return code;
    }

    static Metric ofCode(String code) {
        for (Metric metric : values()) {
            if (metric.code.equals(code)) {
                return metric;
            }
        }
        throw new IllegalStateException("unknown metric '" + code + "' in crumb_day_count; is the schema newer"
                + " than this version of Crumb?");
    }
}
