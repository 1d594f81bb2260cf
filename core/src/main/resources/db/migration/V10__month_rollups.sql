-- Month rollups of the daily aggregates (issue 12, summary round 7). A 90-day summary on 10 M page views read
-- 155 k crumb_day_count rows and 441 k crumb_day_repeat rows and hashed them by (metric, item). Once a month has
-- ended it is rolled up (MonthRollups): its day rows are summed, once, into the tables below, and a summary that
-- covers the whole month reads those instead. The day rows stay; they are the truth for ranges that cut a month.
-- A page view that arrives later for a rolled-up month changes the day rows and the month rows in the same
-- transaction, so both stay exact. Nothing is rolled up here: the first summary that covers a closed month
-- does it.

-- The months rolled up so far (the first day of each). A month is in here exactly when its rows below are.
CREATE TABLE crumb_rollup (
    month_start  DATE NOT NULL PRIMARY KEY,
    rolled_up_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- On H2 (no advisory locks) the writers and the rollup take a row lock on this one row, so that a month is
-- never rolled up while a writer that has not seen it rolled up is changing its day rows.
CREATE TABLE crumb_rollup_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO crumb_rollup_lock (id) VALUES (1);

-- crumb_day_count summed over the days of a month.
CREATE TABLE crumb_month_count (
    month_start DATE NOT NULL,
    metric      VARCHAR(16) ${collate} NOT NULL,
    item        VARCHAR(1024) ${collate} NOT NULL,
    amount      BIGINT NOT NULL,
    PRIMARY KEY (month_start, metric, item)
);

-- crumb_day_repeat summed over the start days of a month, per previous day: the summary needs the previous
-- day exactly, because it takes away only the repeats whose previous day is in range too.
CREATE TABLE crumb_month_repeat (
    month_start DATE NOT NULL,
    prev_day    DATE NOT NULL,
    metric      VARCHAR(16) ${collate} NOT NULL,
    item        VARCHAR(1024) ${collate} NOT NULL,
    amount      BIGINT NOT NULL,
    PRIMARY KEY (month_start, prev_day, metric, item)
);

-- The per-day figures of a rolled-up month's days that the summary lists day by day (visitor-days, visits and
-- page views: crumb_day_count's rows with item '') and the day's anonymous page views (crumb_anonymous_day's
-- rows summed over paths).
CREATE TABLE crumb_month_day (
    start_day DATE NOT NULL PRIMARY KEY,
    visitors  BIGINT NOT NULL,
    visits    BIGINT NOT NULL,
    views     BIGINT NOT NULL,
    anonymous BIGINT NOT NULL
);
