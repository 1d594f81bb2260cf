-- Consent that stands up to a 2026 regulator (issue 13), one script for PostgreSQL and H2.

-- Whether the browser sent a refusal signal (Global Privacy Control, or Do Not Track when honoured) with
-- the decision: a later Sec-GPC: 1 overrides an "accept" made without it, and the log is the proof.
ALTER TABLE crumb_consent ADD COLUMN refusal_signal BOOLEAN DEFAULT FALSE NOT NULL;

-- Visit retention (visit-retention, default 25 months) finds old rows through these indexes, a chunk at a
-- time, instead of scanning the tables (see JdbcVisitorRecords.deleteVisitsEndedBefore).
CREATE INDEX crumb_visit_by_last_ms ON crumb_visit (last_ms);
CREATE INDEX crumb_visitor_day_by_day ON crumb_visitor_day (start_day);
CREATE INDEX crumb_visitor_chain_by_day ON crumb_visitor_chain (chain_day);
