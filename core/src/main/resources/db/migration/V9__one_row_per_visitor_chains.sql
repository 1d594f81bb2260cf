-- A visitor's visitor-day chains move from one crumb_chain row per (visitor, metric, item) to one
-- crumb_visitor_chains row per visitor (issue 12, write path round 6). A batch that changes several chains of a
-- visitor (a visit to three new pages changes three page_visitors chains, maybe visitors and returning too) then
-- rewrites one row instead of one per chain: on H2, whose tables with a composite key keep rows in insertion
-- order, a visitor's chain rows lay on as many pages as the times they were created, and each commit wrote every
-- page it touched. A row holds chains up to a capacity (VisitorChains); a visitor with more gets rows with
-- part 1, 2, … The encoding is the one of VisitorChains: per chain, a letter for the metric (v visitors,
-- r returning, p page_visitors), the chain's first day as yyyy-mm-dd, the item's length in UTF-16 code units
-- (the placeholder item_utf16_length), ':', the item, the chain's days as crumb_chain.days held them, and ';'.
-- The migration puts all of a visitor's chains in part 0, whatever their size; the writer starts new parts.

CREATE TABLE crumb_visitor_chains (
    visitor_key VARCHAR(128) NOT NULL,
    part        INTEGER NOT NULL,
    first_day   DATE NOT NULL,
    chains      VARCHAR NOT NULL,
    PRIMARY KEY (visitor_key, part)
);

CREATE INDEX crumb_visitor_chains_by_first_day ON crumb_visitor_chains (first_day);

INSERT INTO crumb_visitor_chains (visitor_key, part, first_day, chains)
SELECT c.visitor_key, 0, MIN(c.first_day),
       STRING_AGG(CASE c.metric WHEN 'visitors' THEN 'v' WHEN 'returning' THEN 'r' ELSE 'p' END
                  || TO_CHAR(c.first_day, 'YYYY-MM-DD') || CAST(${item_utf16_length} AS VARCHAR) || ':' || c.item
                  || c.days || ';', '' ORDER BY c.metric, c.item)
FROM crumb_chain c
GROUP BY c.visitor_key;

DROP TABLE crumb_chain;
