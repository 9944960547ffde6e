-- Open311 GeoReport v2 clients (a 12345 hotline, a city-management system). Each holds one
-- API key, kept as its SHA-256 only, and files into its area (a grid subtree). A revoked
-- key stays on record: the reports it filed name it (`reports.via`).
CREATE TABLE open311_clients (
    id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64
                   AND id NOT GLOB '*[^a-z0-9-]*'),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_sha256 TEXT NOT NULL UNIQUE CHECK (length(key_sha256) = 64),
    area       TEXT NOT NULL REFERENCES grids (code),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
) WITHOUT ROWID;

ALTER TABLE reports ADD COLUMN via TEXT REFERENCES open311_clients (id);
-- A client's retry of the same POST finds the report it already made; two at once cannot
-- both land.
CREATE UNIQUE INDEX reports_via ON reports (via, body_hash) WHERE via IS NOT NULL;
-- requests.json: the newest in a window, of every grid (one range in time order), or of
-- some states.
CREATE INDEX reports_by_time ON reports (created_at, id);
CREATE INDEX reports_by_state_time ON reports (state, created_at, id);
