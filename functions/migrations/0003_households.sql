-- Households (户) and their members, residents' accounts, and one-time activations that
-- put a resident's phone in without a password.

CREATE TABLE households (
    id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    grid_code  TEXT NOT NULL REFERENCES grids (code),
    address    TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
    -- Deactivated, never deleted: history refers to households.
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- A grid's households (the worker's register).
CREATE INDEX households_by_grid ON households (grid_code, id);

CREATE TABLE household_members (
    id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    household_id TEXT NOT NULL REFERENCES households (id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    relation     TEXT NOT NULL CHECK (relation IN ('head', 'spouse', 'child', 'parent',
                     'grandchild', 'sibling', 'other')),
    phone        TEXT CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 20
                     AND phone NOT GLOB '*[^0-9-]*')),
    sort         INTEGER NOT NULL DEFAULT 0,
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX household_members_by_household ON household_members (household_id, sort, id);

-- A resident's account belongs to one household.
ALTER TABLE accounts ADD COLUMN household_id TEXT REFERENCES households (id);
CREATE INDEX accounts_by_household ON accounts (household_id);

-- A one-time activation: a URL token (shown as a QR code) and a short code to read aloud,
-- both stored only as SHA-256. Valid 72 hours, once.
CREATE TABLE activations (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    code_hash  TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
    created_by TEXT NOT NULL REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
    used_at    INTEGER
) WITHOUT ROWID;

-- A new activation replaces the account's earlier ones.
CREATE INDEX activations_by_account ON activations (account_id);
