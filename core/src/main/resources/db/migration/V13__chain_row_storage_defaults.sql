-- Takes back V12 (issue 12, round 9): PostgreSQL's default storage for crumb_visitor_chains and crumb_visitor.
-- V12 kept chain rows uncompressed (toast_tuple_target) and left room on their pages (fillfactor). At 10 M page
-- views that doubled crumb_visitor_chains (795 MB against 377 MB) for a write rate within the run-to-run spread
-- (docs/performance.md, "Round 9"). Like V12, this rewrites no table: the settings apply to rows written from now
-- on. The placeholder is empty on H2, which has neither setting.
${chain_row_storage_defaults}
