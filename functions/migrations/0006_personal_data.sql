-- Personal data (PIPL): who on the staff read or changed whose data, and residents' requests
-- to delete their household's data (carried out by an administrator as anonymisation:
-- rows stay, so history keeps its shape).

-- Ids sort by time (the millisecond, zero-padded, then random): the newest page is one
-- descending range of the primary key.
CREATE TABLE access_log (
    id         TEXT PRIMARY KEY,
    at         INTEGER NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    action     TEXT NOT NULL CHECK (action IN ('read', 'change', 'export', 'import', 'anonymise')),
    -- What was touched: 'household:<id>', 'grid:<code>' (a register), 'list:<name>' (a file).
    subject    TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200)
) WITHOUT ROWID;

-- A household's own entries (what a resident sees about their household).
CREATE INDEX access_log_by_subject ON access_log (subject, id);

CREATE TABLE deletion_requests (
    id           TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households (id),
    requested_by TEXT NOT NULL REFERENCES accounts (id),
    requested_at INTEGER NOT NULL,
    done_by      TEXT REFERENCES accounts (id),
    done_at      INTEGER,
    CHECK ((done_by IS NULL) = (done_at IS NULL))
) WITHOUT ROWID;

-- Open requests, oldest first (the administrator's queue), and one household's request.
CREATE INDEX deletion_requests_open ON deletion_requests (done_at, requested_at);
CREATE INDEX deletion_requests_by_household ON deletion_requests (household_id, done_at);
