-- The earliest visit of each visitor-day moves from crumb_visitor_day into the visitor's crumb_visitor_chains
-- rows (issue 12, write path round 7). The writer reads and rewrites a visitor's chain row in every batch of
-- that visitor anyway; with the visitor-days in it, a batch reads and writes one table fewer per visitor: for a
-- new visitor, two rows inserted per visit instead of three. The encoding is the one of VisitorChains: per
-- visitor-day, 'e', the day as yyyy-mm-dd, first_ms, ',', first_visit, ',', the entry country's length in UTF-16
-- code units (the placeholder country_utf16_length), ':', the country, the language's length
-- (language_utf16_length), ':', the language and ';'. They join the visitor's first row, whatever its size; the
-- writer puts new days in the last row with room.

UPDATE crumb_visitor_chains
SET chains = chains || (
        SELECT STRING_AGG('e' || TO_CHAR(d.start_day, 'YYYY-MM-DD') || CAST(d.first_ms AS VARCHAR) || ','
                          || CAST(d.first_visit AS VARCHAR) || ',' || CAST(${country_utf16_length} AS VARCHAR)
                          || ':' || d.entry_country || CAST(${language_utf16_length} AS VARCHAR) || ':'
                          || d.entry_language || ';', '' ORDER BY d.start_day)
        FROM crumb_visitor_day d
        WHERE d.visitor_key = crumb_visitor_chains.visitor_key),
    first_day = LEAST(first_day, (SELECT MIN(d.start_day) FROM crumb_visitor_day d
                                  WHERE d.visitor_key = crumb_visitor_chains.visitor_key))
WHERE part = (SELECT MIN(c.part) FROM crumb_visitor_chains c WHERE c.visitor_key = crumb_visitor_chains.visitor_key)
  AND EXISTS (SELECT 1 FROM crumb_visitor_day d WHERE d.visitor_key = crumb_visitor_chains.visitor_key);

-- A visitor-day without any chain row of its visitor cannot come from Crumb's writer (every visitor-day is a day
-- of the visitor's visitors chain); should one exist, it gets a row of its own rather than being lost.
INSERT INTO crumb_visitor_chains (visitor_key, part, first_day, chains)
SELECT d.visitor_key, 0, MIN(d.start_day),
       STRING_AGG('e' || TO_CHAR(d.start_day, 'YYYY-MM-DD') || CAST(d.first_ms AS VARCHAR) || ','
                  || CAST(d.first_visit AS VARCHAR) || ',' || CAST(${country_utf16_length} AS VARCHAR) || ':'
                  || d.entry_country || CAST(${language_utf16_length} AS VARCHAR) || ':' || d.entry_language || ';',
                  '' ORDER BY d.start_day)
FROM crumb_visitor_day d
WHERE NOT EXISTS (SELECT 1 FROM crumb_visitor_chains c WHERE c.visitor_key = d.visitor_key)
GROUP BY d.visitor_key;

DROP TABLE crumb_visitor_day;
