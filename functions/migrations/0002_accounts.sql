-- Accounts, the roles they hold and where, sessions, and sign-in throttling.

-- Staff sign in with a login and a password (PBKDF2-SHA256, per-account salt, the
-- iteration count stored beside the hash so it can change; Cloudflare caps it at 100,000).
CREATE TABLE accounts (
    id                  TEXT PRIMARY KEY,
    login               TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 2 AND 64),
    name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    person_id           TEXT REFERENCES people (id),
    password_hash       TEXT CHECK (password_hash IS NULL OR length(password_hash) = 64),
    password_salt       TEXT CHECK (password_salt IS NULL OR length(password_salt) = 32),
    password_iterations INTEGER CHECK (password_iterations IS NULL
                            OR password_iterations BETWEEN 10000 AND 100000),
    -- Deactivated, never deleted: history refers to accounts.
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at          INTEGER NOT NULL,
    CHECK ((password_hash IS NULL) = (password_salt IS NULL)
       AND (password_hash IS NULL) = (password_iterations IS NULL))
) WITHOUT ROWID;

-- One row per role an account holds and where: a grid subtree (its root's code), a
-- department, or a shop.
CREATE TABLE account_roles (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    role       TEXT NOT NULL CHECK (role IN ('resident', 'grid_worker', 'grid_leader',
                   'grid_instructor', 'dispatcher', 'department_handler', 'shop_clerk', 'admin')),
    scope_kind TEXT NOT NULL CHECK (scope_kind IN ('grid', 'department', 'shop')),
    scope_id   TEXT NOT NULL CHECK (length(scope_id) BETWEEN 1 AND 64),
    PRIMARY KEY (account_id, role, scope_kind, scope_id)
) WITHOUT ROWID;

-- A session is a random 256-bit token in a cookie; only its SHA-256 is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at)
) WITHOUT ROWID;

-- Sign out everywhere.
CREATE INDEX sessions_by_account ON sessions (account_id);

-- Failed sign-ins, by key ('login:<login>' or 'addr:<client address>'), read as one
-- range over the last 15 minutes.
CREATE TABLE sign_in_failures (
    key TEXT NOT NULL,
    at  INTEGER NOT NULL,
    id  TEXT NOT NULL,
    PRIMARY KEY (key, at, id)
) WITHOUT ROWID;
