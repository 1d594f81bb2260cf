-- The visitor-day chains of the distinct metrics move from one row per (visitor, metric, item, day) to one row
-- per (visitor, metric, item) holding all the chain's days (issue 12, write path round 5). A batch then reads a
-- changed day's weight and both of its neighbours with one primary-key lookup instead of three index probes,
-- and the table holds a row per chain instead of per chain day: at 10 M page views crumb_visitor_chain was the
-- largest table. Encoding of days (ChainDays): per day in day order, the days since the previous entry (since
-- first_day for the first, so 0), then *weight unless the weight is 1, entries separated by commas.
-- Visit retention trims a row's days older than visit-retention, through the index on first_day.

CREATE TABLE crumb_chain (
    visitor_key VARCHAR(128) NOT NULL,
    metric      VARCHAR(16) NOT NULL,
    item        VARCHAR(1024) NOT NULL,
    first_day   DATE NOT NULL,
    days        VARCHAR NOT NULL,
    PRIMARY KEY (visitor_key, metric, item)
);

CREATE INDEX crumb_chain_by_first_day ON crumb_chain (first_day);

INSERT INTO crumb_chain (visitor_key, metric, item, first_day, days)
SELECT c.visitor_key, c.metric, c.item, MIN(c.chain_day),
       STRING_AGG(CAST(COALESCE(${chain_gap}, 0) AS VARCHAR)
                  || CASE WHEN c.weight = 1 THEN '' ELSE '*' || CAST(c.weight AS VARCHAR) END, ','
                  ORDER BY c.chain_day)
FROM (SELECT visitor_key, metric, item, chain_day, weight,
             LAG(chain_day) OVER (PARTITION BY visitor_key, metric, item ORDER BY chain_day) AS previous_day
      FROM crumb_visitor_chain) c
GROUP BY c.visitor_key, c.metric, c.item;

DROP TABLE crumb_visitor_chain;
