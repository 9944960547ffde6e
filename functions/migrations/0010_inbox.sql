-- The in-app inbox: a notice per person an action concerns, written in the action's own
-- batch. Read on open and after each sync; no push (see DESIGN.md, notifications).
CREATE TABLE notices (
    -- The action's id and the account's: one notice per action and person.
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind       TEXT NOT NULL CHECK (kind IN ('assigned', 'returned', 'resolved', 'closed')),
    report_id  TEXT NOT NULL REFERENCES reports (id),
    -- The report's first words, so the inbox reads without opening each report.
    excerpt    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
) WITHOUT ROWID;

CREATE INDEX notices_inbox ON notices (account_id, created_at, id);
CREATE INDEX notices_unread ON notices (account_id, read_at);
