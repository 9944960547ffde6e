-- 报事 followers: a resident shown a similar open report before filing follows it instead
-- of filing a duplicate, may then read it (the public timeline) and is told when it is
-- done, like its reporter.
CREATE TABLE report_followers (
    report_id TEXT NOT NULL REFERENCES reports (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (report_id, account_id)
) WITHOUT ROWID;
