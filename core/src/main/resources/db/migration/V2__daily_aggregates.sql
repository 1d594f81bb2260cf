-- Daily aggregates, maintained on write, so that the summary reads rows per (day, metric, item) instead of
-- every visit in range. Backfilled here from the V1 rollups (crumb_visit, crumb_visit_page), which stay
-- the per-visit truth the writer merges into. See docs/storage.md for what each metric counts and how the
-- summary turns visitor-days and repeats into exact distinct visitors over any range.

-- One row per visitor: the writer locks it (by an upsert) before it reads and changes anything about the
-- visitor, which serialises writers of the same visitor across servers. batches only gives the upsert
-- something to update.
CREATE TABLE crumb_visitor (
    visitor_key VARCHAR(128) NOT NULL PRIMARY KEY,
    batches     BIGINT NOT NULL
);

-- Additive counts per UTC day of a visit's start, metric and item ('' for a day's totals): visits, first
-- visits, page views, bounces, duration, entry/exit paths, referrers, page views per path, and visitor-days
-- (visitors, returning visitors, countries, languages, visitors per path).
CREATE TABLE crumb_day_count (
    start_day DATE NOT NULL,
    metric    VARCHAR(16) ${collate} NOT NULL,
    item      VARCHAR(1024) ${collate} NOT NULL,
    amount    BIGINT NOT NULL,
    PRIMARY KEY (start_day, metric, item)
);

-- Visitor-days of a metric and item on start_day whose previous visitor-day of the same visitor, metric and
-- item was prev_day. The distinct visitors of a range are the visitor-days in range minus the repeats with
-- both days in range.
CREATE TABLE crumb_day_repeat (
    start_day DATE NOT NULL,
    prev_day  DATE NOT NULL,
    metric    VARCHAR(16) ${collate} NOT NULL,
    item      VARCHAR(1024) ${collate} NOT NULL,
    amount    BIGINT NOT NULL,
    PRIMARY KEY (start_day, prev_day, metric, item)
);

INSERT INTO crumb_visitor (visitor_key, batches)
SELECT visitor_key, 0 FROM crumb_visit GROUP BY visitor_key;

INSERT INTO crumb_day_count (start_day, metric, item, amount)
SELECT start_day, 'visits', '', COUNT(*) FROM crumb_visit GROUP BY start_day
UNION ALL
SELECT start_day, 'first', '', COUNT(*) FROM crumb_visit WHERE visit_number = 1 GROUP BY start_day
UNION ALL
SELECT start_day, 'views', '', SUM(pageviews) FROM crumb_visit GROUP BY start_day
UNION ALL
SELECT start_day, 'bounces', '', COUNT(*) FROM crumb_visit WHERE pageviews = 1 GROUP BY start_day
UNION ALL
SELECT start_day, 'duration', '', SUM(last_ms - first_ms) FROM crumb_visit GROUP BY start_day
HAVING SUM(last_ms - first_ms) <> 0
UNION ALL
SELECT start_day, 'entry', entry_path, COUNT(*) FROM crumb_visit GROUP BY start_day, entry_path
UNION ALL
SELECT start_day, 'exit', exit_path, COUNT(*) FROM crumb_visit GROUP BY start_day, exit_path
UNION ALL
SELECT start_day, 'referrer', entry_referrer, COUNT(*) FROM crumb_visit WHERE entry_referrer <> ''
GROUP BY start_day, entry_referrer
UNION ALL
SELECT v.start_day, 'page_views', p.path, SUM(p.views)
FROM crumb_visit v JOIN crumb_visit_page p ON p.visitor_key = v.visitor_key AND p.visit_number = v.visit_number
GROUP BY v.start_day, p.path;

-- The visitor-day chains, built once in a helper table: per visitor and metric/item, each day with its
-- previous day (NULL for the first).
CREATE TABLE crumb_v2_chain (
    visitor_key VARCHAR(128) NOT NULL,
    metric      VARCHAR(16) NOT NULL,
    item        VARCHAR(1024) NOT NULL,
    start_day   DATE NOT NULL,
    prev_day    DATE
);

-- A visitor's country and language of a day are those of the day's earliest visit (first_ms, number).
CREATE TABLE crumb_v2_visitor_day (
    visitor_key    VARCHAR(128) NOT NULL,
    start_day      DATE NOT NULL,
    prev_day       DATE,
    entry_country  VARCHAR(8) NOT NULL,
    entry_language VARCHAR(35) NOT NULL
);

INSERT INTO crumb_v2_visitor_day (visitor_key, start_day, prev_day, entry_country, entry_language)
SELECT visitor_key, start_day, LAG(start_day) OVER (PARTITION BY visitor_key ORDER BY start_day),
       entry_country, entry_language
FROM (SELECT visitor_key, start_day, entry_country, entry_language,
             ROW_NUMBER() OVER (PARTITION BY visitor_key, start_day ORDER BY first_ms, visit_number) AS r
      FROM crumb_visit) e
WHERE r = 1;

INSERT INTO crumb_v2_chain (visitor_key, metric, item, start_day, prev_day)
SELECT visitor_key, 'visitors', '', start_day, prev_day FROM crumb_v2_visitor_day
UNION ALL
SELECT visitor_key, 'country', entry_country, start_day, prev_day FROM crumb_v2_visitor_day
UNION ALL
SELECT visitor_key, 'language', entry_language, start_day, prev_day FROM crumb_v2_visitor_day
UNION ALL
SELECT visitor_key, 'returning', '', start_day, LAG(start_day) OVER (PARTITION BY visitor_key ORDER BY start_day)
FROM (SELECT DISTINCT visitor_key, start_day FROM crumb_visit WHERE visit_number > 1) r
UNION ALL
SELECT visitor_key, 'page_visitors', path, start_day,
       LAG(start_day) OVER (PARTITION BY visitor_key, path ORDER BY start_day)
FROM (SELECT DISTINCT p.visitor_key, p.path, v.start_day
      FROM crumb_visit v JOIN crumb_visit_page p
        ON p.visitor_key = v.visitor_key AND p.visit_number = v.visit_number) d;

INSERT INTO crumb_day_count (start_day, metric, item, amount)
SELECT start_day, metric, item, COUNT(*) FROM crumb_v2_chain GROUP BY start_day, metric, item;

INSERT INTO crumb_day_repeat (start_day, prev_day, metric, item, amount)
SELECT start_day, prev_day, metric, item, COUNT(*) FROM crumb_v2_chain WHERE prev_day IS NOT NULL
GROUP BY start_day, prev_day, metric, item;

DROP TABLE crumb_v2_visitor_day;
DROP TABLE crumb_v2_chain;

-- The summary no longer reads visits by day, and writers should not pay for the index.
DROP INDEX crumb_visit_by_day;
