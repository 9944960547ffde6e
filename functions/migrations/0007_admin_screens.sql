-- The administrator's one-record screens: grids can be deactivated (never deleted: reports
-- and households refer to them), and departments become records of their own.

-- A deactivated grid leaves the public directory; it may not have active children or
-- households (the Worker checks before it writes).
ALTER TABLE grids ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

-- A department that handles dispatched reports (水务站, 供电所, 城管中队 …). A department
-- handler's role names it by id (account_roles.scope_id with scope_kind 'department').
-- `area` is the county or township it serves; administrators of that area manage it.
CREATE TABLE departments (
    id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64
                   AND id NOT GLOB '*[^a-z0-9._-]*'),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    area       TEXT NOT NULL REFERENCES grids (code) CHECK (length(area) IN (6, 9)),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
