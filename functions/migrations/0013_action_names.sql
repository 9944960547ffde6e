-- Each staff action record keeps the name its author had when acting (an audit trail says
-- who, as they were then) and a report's timeline reads without a lookup per record.
-- Residents' and the scheduled job's records keep none (the timeline shows 居民 / 系统).
-- Records written before this keep NULL and are read through the account, as before.
ALTER TABLE report_actions ADD COLUMN by_name TEXT;
