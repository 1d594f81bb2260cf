-- Values every server of a site must agree on (issue 17), one row each:
--   'hash-key-fingerprint'  text_value: an HMAC of a constant under the hash key, written by the first
--                           server; a server whose key gives another value refuses to start.
--   'analyst-signed-out'    time_value: analyst sessions that began at or before it are void (sign-out).
CREATE TABLE crumb_security (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    text_value VARCHAR(255),
    time_value TIMESTAMP WITH TIME ZONE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
