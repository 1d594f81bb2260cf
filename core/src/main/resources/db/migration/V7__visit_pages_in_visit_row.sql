-- A visit's page views per path move into its crumb_visit row (issue 12, write path round 4): a batch then
-- updates one row per visit instead of one crumb_visit_page row per (visit, path). The encoding is the one of
-- VisitPages: for each path, views:length:path (length in UTF-16 code units, as Java counts
-- them; the placeholder path_utf16_length gives that length on each database). A row holds paths up to a capacity;
-- a visit with more (a crawler walking hundreds of paths) keeps the rest in crumb_visit_page and has
-- pages_spilled set. Every path is in exactly one of the two places.

ALTER TABLE crumb_visit ADD COLUMN pages VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE crumb_visit ADD COLUMN pages_spilled BOOLEAN DEFAULT FALSE NOT NULL;

-- Visits whose paths would not fit (4000 characters, each path counted with 31 more, as VisitPages does)
-- keep all of them in crumb_visit_page.
UPDATE crumb_visit SET pages_spilled = TRUE
WHERE (visitor_key, visit_number) IN (SELECT p.visitor_key, p.visit_number FROM crumb_visit_page p
                                      GROUP BY p.visitor_key, p.visit_number
                                      HAVING SUM(${path_utf16_length} + 31) > 4000);

UPDATE crumb_visit SET pages = COALESCE((
    SELECT STRING_AGG(CAST(p.views AS VARCHAR) || ':' || CAST(${path_utf16_length} AS VARCHAR) || ':' || p.path, ''
                      ORDER BY p.path)
    FROM crumb_visit_page p
    WHERE p.visitor_key = crumb_visit.visitor_key AND p.visit_number = crumb_visit.visit_number), '')
WHERE NOT pages_spilled;

DELETE FROM crumb_visit_page
WHERE (visitor_key, visit_number) IN (SELECT visitor_key, visit_number FROM crumb_visit WHERE NOT pages_spilled);
