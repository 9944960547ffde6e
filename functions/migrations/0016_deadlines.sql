-- 办理时限 (issue 9): deadlines counted in working days from a calendar that is data.
--
-- The working-day calendar: the dates the State Council's notice lists for each year —
-- days off (weekend days inside a holiday block included) and weekend days made working
-- days (调休). An unlisted weekday works, an unlisted Saturday or Sunday is off. A year
-- counts as published once it has any listed date; until then deadlines that reach into
-- it count plain weekends and say so. Administrators edit it; seeded here with the
-- official 2025 and 2026 notices (functions/seed/calendar-cn.csv).
CREATE TABLE calendar_days (
    day        TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    kind       TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name       TEXT NOT NULL,
    updated_at INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO calendar_days (day, kind, name) VALUES
    ('2025-01-01', 'holiday', '元旦'),
    ('2025-01-26', 'workday', '春节'),
    ('2025-01-28', 'holiday', '春节'),
    ('2025-01-29', 'holiday', '春节'),
    ('2025-01-30', 'holiday', '春节'),
    ('2025-01-31', 'holiday', '春节'),
    ('2025-02-01', 'holiday', '春节'),
    ('2025-02-02', 'holiday', '春节'),
    ('2025-02-03', 'holiday', '春节'),
    ('2025-02-04', 'holiday', '春节'),
    ('2025-02-08', 'workday', '春节'),
    ('2025-04-04', 'holiday', '清明节'),
    ('2025-04-05', 'holiday', '清明节'),
    ('2025-04-06', 'holiday', '清明节'),
    ('2025-04-27', 'workday', '劳动节'),
    ('2025-05-01', 'holiday', '劳动节'),
    ('2025-05-02', 'holiday', '劳动节'),
    ('2025-05-03', 'holiday', '劳动节'),
    ('2025-05-04', 'holiday', '劳动节'),
    ('2025-05-05', 'holiday', '劳动节'),
    ('2025-05-31', 'holiday', '端午节'),
    ('2025-06-01', 'holiday', '端午节'),
    ('2025-06-02', 'holiday', '端午节'),
    ('2025-09-28', 'workday', '国庆节、中秋节'),
    ('2025-10-01', 'holiday', '国庆节、中秋节'),
    ('2025-10-02', 'holiday', '国庆节、中秋节'),
    ('2025-10-03', 'holiday', '国庆节、中秋节'),
    ('2025-10-04', 'holiday', '国庆节、中秋节'),
    ('2025-10-05', 'holiday', '国庆节、中秋节'),
    ('2025-10-06', 'holiday', '国庆节、中秋节'),
    ('2025-10-07', 'holiday', '国庆节、中秋节'),
    ('2025-10-08', 'holiday', '国庆节、中秋节'),
    ('2025-10-11', 'workday', '国庆节、中秋节'),
    ('2026-01-01', 'holiday', '元旦'),
    ('2026-01-02', 'holiday', '元旦'),
    ('2026-01-03', 'holiday', '元旦'),
    ('2026-01-04', 'workday', '元旦'),
    ('2026-02-14', 'workday', '春节'),
    ('2026-02-15', 'holiday', '春节'),
    ('2026-02-16', 'holiday', '春节'),
    ('2026-02-17', 'holiday', '春节'),
    ('2026-02-18', 'holiday', '春节'),
    ('2026-02-19', 'holiday', '春节'),
    ('2026-02-20', 'holiday', '春节'),
    ('2026-02-21', 'holiday', '春节'),
    ('2026-02-22', 'holiday', '春节'),
    ('2026-02-23', 'holiday', '春节'),
    ('2026-02-28', 'workday', '春节'),
    ('2026-04-04', 'holiday', '清明节'),
    ('2026-04-05', 'holiday', '清明节'),
    ('2026-04-06', 'holiday', '清明节'),
    ('2026-05-01', 'holiday', '劳动节'),
    ('2026-05-02', 'holiday', '劳动节'),
    ('2026-05-03', 'holiday', '劳动节'),
    ('2026-05-04', 'holiday', '劳动节'),
    ('2026-05-05', 'holiday', '劳动节'),
    ('2026-05-09', 'workday', '劳动节'),
    ('2026-06-19', 'holiday', '端午节'),
    ('2026-06-20', 'holiday', '端午节'),
    ('2026-06-21', 'holiday', '端午节'),
    ('2026-09-20', 'workday', '国庆节'),
    ('2026-09-25', 'holiday', '中秋节'),
    ('2026-09-26', 'holiday', '中秋节'),
    ('2026-09-27', 'holiday', '中秋节'),
    ('2026-10-01', 'holiday', '国庆节'),
    ('2026-10-02', 'holiday', '国庆节'),
    ('2026-10-03', 'holiday', '国庆节'),
    ('2026-10-04', 'holiday', '国庆节'),
    ('2026-10-05', 'holiday', '国庆节'),
    ('2026-10-06', 'holiday', '国庆节'),
    ('2026-10-07', 'holiday', '国庆节'),
    ('2026-10-10', 'workday', '国庆节');

-- Each category's deadline class: general (resolved within 7 working days), utilities
-- (on site within 24 hours, resolved within 3 working days), urgent (a response within
-- 15 minutes). Administrators may change it.
ALTER TABLE report_categories ADD COLUMN deadline_class TEXT NOT NULL DEFAULT 'general'
    CHECK (deadline_class IN ('general', 'utilities', 'urgent'));
UPDATE report_categories SET deadline_class = 'utilities'
    WHERE code IN ('muni-water', 'muni-power', 'muni-gas');
UPDATE report_categories SET deadline_class = 'urgent' WHERE parent = 'safety';

-- A report's clocks, set when it is filed (again on a new category or a reopening):
-- respond by (clock time), resolve by (the end of a working day, Beijing time), whether
-- the calendar lacked a year; when staff first acted on it; and what the scheduled job
-- has already recorded (so it records each once).
ALTER TABLE reports ADD COLUMN respond_by INTEGER;
ALTER TABLE reports ADD COLUMN resolve_by INTEGER;
ALTER TABLE reports ADD COLUMN deadline_fallback INTEGER NOT NULL DEFAULT 0
    CHECK (deadline_fallback IN (0, 1));
ALTER TABLE reports ADD COLUMN responded_at INTEGER;
ALTER TABLE reports ADD COLUMN due_flag TEXT CHECK (due_flag IN ('due_soon', 'overdue'));
ALTER TABLE reports ADD COLUMN respond_flag TEXT CHECK (respond_flag IN ('overdue'));

-- The scheduled job's ranges: only reports whose clock still runs and that are not yet
-- recorded overdue, in deadline order (each run reads about what it records).
CREATE INDEX reports_resolve_clock ON reports (resolve_by)
    WHERE resolve_by IS NOT NULL AND due_flag IS NOT 'overdue'
    AND state IN ('pending', 'submitted', 'accepted', 'escalated', 'dispatched', 'returned',
                  'in_progress', 'reopened');
CREATE INDEX reports_respond_clock ON reports (respond_by)
    WHERE respond_by IS NOT NULL AND responded_at IS NULL AND respond_flag IS NULL
    AND state IN ('pending', 'submitted', 'accepted', 'escalated', 'dispatched', 'returned',
                  'in_progress', 'reopened');

-- Who holds a report and who supervises it is found by role scope (a grid code's prefixes,
-- or a department): the job's notices look roles up by it instead of reading them all.
CREATE INDEX account_roles_by_scope ON account_roles (scope_kind, scope_id, role);
