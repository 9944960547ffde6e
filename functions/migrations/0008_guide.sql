-- 办事指南: the service guide. An item is stored whole, as the JSON of core's `GuideItem`
-- (search keys included, computed by the Worker when it is saved). `seq` numbers every
-- change across the catalogue, so a phone asks only for what changed since its last sync.

CREATE TABLE guide_items (
    code       TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 40
                   AND code NOT GLOB '*[^a-z0-9-]*'),
    version    INTEGER NOT NULL CHECK (version >= 1),
    -- Withdrawn items disappear for residents; history keeps them.
    withdrawn  INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    seq        INTEGER NOT NULL UNIQUE,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT REFERENCES accounts (id)
) WITHOUT ROWID;

-- Every saved version, kept for history and restore. A save writes version N+1 here in the
-- same batch as the item: two saves from version N cannot both land (primary key).
CREATE TABLE guide_versions (
    code      TEXT NOT NULL,
    version   INTEGER NOT NULL CHECK (version >= 1),
    withdrawn INTEGER NOT NULL CHECK (withdrawn IN (0, 1)),
    body      TEXT NOT NULL,
    saved_by  TEXT REFERENCES accounts (id),
    saved_at  INTEGER NOT NULL,
    PRIMARY KEY (code, version)
) WITHOUT ROWID;
