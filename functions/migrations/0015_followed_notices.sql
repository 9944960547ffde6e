-- A follower is told a report's outcome with a notice of its own kind (`followed`: nothing
-- for them to rate), and deadlines bring two more (`due_soon`, `overdue`: the scheduled
-- job's supervision notices). SQLite cannot change a CHECK in place: the table is rebuilt
-- with its rows and indexes.
CREATE TABLE notices_new (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind       TEXT NOT NULL CHECK (kind IN ('assigned', 'returned', 'resolved', 'closed', 'followed',
                                      'due_soon', 'overdue')),
    report_id  TEXT NOT NULL REFERENCES reports (id),
    excerpt    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
) WITHOUT ROWID;
INSERT INTO notices_new (id, account_id, kind, report_id, excerpt, created_at, read_at)
    SELECT id, account_id, kind, report_id, excerpt, created_at, read_at FROM notices;
DROP TABLE notices;
ALTER TABLE notices_new RENAME TO notices;
CREATE INDEX notices_inbox ON notices (account_id, created_at, id);
CREATE INDEX notices_unread ON notices (account_id, read_at);
