-- Writes made on a phone (often offline) carry a client-made UUIDv7. The server keeps each
-- one forever as an idempotency key: the same id with the same body gets the original
-- answer again; with another body, 409. Stored in the same batch as the write itself, so
-- a write and its key land together or not at all.
CREATE TABLE client_writes (
    id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    -- SHA-256 of "METHOD path\n" + the body as sent.
    body_hash  TEXT NOT NULL CHECK (length(body_hash) = 64),
    status     INTEGER NOT NULL,
    response   TEXT NOT NULL,
    at         INTEGER NOT NULL
) WITHOUT ROWID;

-- Who registered a household (the worker's own register; audit).
ALTER TABLE households ADD COLUMN created_by TEXT REFERENCES accounts (id);
