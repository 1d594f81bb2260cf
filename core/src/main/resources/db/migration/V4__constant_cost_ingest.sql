-- State that lets the writer keep the daily aggregates exact while reading only what a batch touches,
-- instead of every visit of each visitor of the batch (docs/storage.md, "Writing a batch"). Both tables are
-- keyed by visitor first, so every read and write of a batch is an index lookup of that visitor's rows, and
-- both are backfilled here from crumb_visit and crumb_visit_page with the same rules as the writer.

-- The earliest visit (by first_ms, then visit_number) of each visitor-day: its entry country and language are
-- the visitor's country and language of that day. One row per (visitor, UTC day with a visit starting on it).
CREATE TABLE crumb_visitor_day (
    visitor_key    VARCHAR(128) NOT NULL,
    start_day      DATE NOT NULL,
    first_ms       BIGINT NOT NULL,
    first_visit    INTEGER NOT NULL,
    entry_country  VARCHAR(8) NOT NULL,
    entry_language VARCHAR(35) NOT NULL,
    PRIMARY KEY (visitor_key, start_day)
);

-- The visitor-day chains of the distinct metrics: one row per day of a visitor's chain of a metric and item,
-- with a weight that keeps the day in the chain while it is above zero:
--   visitors ''        visits starting that day (the days of crumb_visitor_day; countries and languages
--                      follow this chain, with the item of each day taken from crumb_visitor_day)
--   returning ''       visits of number > 1 starting that day
--   page_visitors path page views of that path in the visits starting that day
-- The writer looks up the weight of a day and its neighbours (the previous and next day of the same chain)
-- through the primary key, which is all it needs to change crumb_day_count and crumb_day_repeat exactly.
CREATE TABLE crumb_visitor_chain (
    visitor_key VARCHAR(128) NOT NULL,
    metric      VARCHAR(16) NOT NULL,
    item        VARCHAR(1024) NOT NULL,
    chain_day   DATE NOT NULL,
    weight      BIGINT NOT NULL,
    PRIMARY KEY (visitor_key, metric, item, chain_day)
);

INSERT INTO crumb_visitor_day (visitor_key, start_day, first_ms, first_visit, entry_country, entry_language)
SELECT visitor_key, start_day, first_ms, visit_number, entry_country, entry_language
FROM (SELECT visitor_key, start_day, first_ms, visit_number, entry_country, entry_language,
             ROW_NUMBER() OVER (PARTITION BY visitor_key, start_day ORDER BY first_ms, visit_number) AS r
      FROM crumb_visit) e
WHERE r = 1;

INSERT INTO crumb_visitor_chain (visitor_key, metric, item, chain_day, weight)
SELECT visitor_key, 'visitors', '', start_day, COUNT(*) FROM crumb_visit GROUP BY visitor_key, start_day
UNION ALL
SELECT visitor_key, 'returning', '', start_day, COUNT(*) FROM crumb_visit WHERE visit_number > 1
GROUP BY visitor_key, start_day
UNION ALL
SELECT p.visitor_key, 'page_visitors', p.path, v.start_day, SUM(p.views)
FROM crumb_visit v JOIN crumb_visit_page p ON p.visitor_key = v.visitor_key AND p.visit_number = v.visit_number
GROUP BY p.visitor_key, p.path, v.start_day;
