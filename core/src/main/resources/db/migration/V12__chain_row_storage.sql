-- How PostgreSQL stores the two tables that every batch rewrites a row of per visitor (issue 12): a visitor's
-- crumb_visitor_chains row (up to 4 000 characters a part, VisitorChains) and its crumb_visitor lock row
-- (VisitorLocks). Left to its defaults, PostgreSQL compresses every row longer than about 2 kB on each update
-- and decompresses it on each read (a fifth of the chain rows after 90 days of the bench's traffic, and the most
-- often rewritten ones: the loyal visitors'), and fills pages completely, so that an update rarely finds room on
-- its row's page and writes a new index entry in every index of the table instead of a heap-only (HOT) update.
-- toast_tuple_target keeps rows up to a page uncompressed; fillfactor leaves room on each page for updates.
-- The placeholder is empty on H2, which has neither setting.
${chain_row_storage}
