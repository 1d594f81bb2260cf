-- Consent that stands up to a 2026 regulator (issue 13), one script for PostgreSQL and H2.

-- Whether the browser sent a refusal signal (Global Privacy Control, or Do Not Track when honoured) with
-- the decision: a later Sec-GPC: 1 overrides an "accept" made without it, and the log is the proof.
ALTER TABLE crumb_consent ADD COLUMN refusal_signal BOOLEAN DEFAULT FALSE NOT NULL;
