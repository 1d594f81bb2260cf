-- A consent default (the region default, or a browser's refusal signal) is recorded at most once per visitor,
-- granted categories, policy revision and source, however often a cookie is replayed and on however many
-- servers. default_once is TRUE on that one record and NULL on explicit choices, which stay append-only: a
-- unique constraint treats NULLs as distinct on both PostgreSQL and H2, so only defaults are constrained, and
-- the writer inserts them with ON CONFLICT DO NOTHING (supported by both).

ALTER TABLE crumb_consent ADD COLUMN default_once BOOLEAN;

-- Logs written before V3 may hold one default per request of a replayed cookie. Nothing is deleted (it is
-- proof); the earliest of each is marked, the repeats keep NULL and no longer count for the constraint.
UPDATE crumb_consent SET default_once = TRUE
WHERE id IN (SELECT MIN(id) FROM crumb_consent WHERE consent_source IN ('REGION_DEFAULT', 'GPC')
             GROUP BY visitor_key, granted, policy_revision, consent_source);

ALTER TABLE crumb_consent ADD CONSTRAINT crumb_consent_default_once
    UNIQUE (visitor_key, granted, policy_revision, consent_source, default_once);
