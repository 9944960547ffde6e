-- 督办: the open reports the scheduled job flagged, by township (the dispatcher's
-- subtree), most pressing deadline first — an unanswered respond clock's, else the resolve
-- clock's (`core::reports::supervision::pressing`). The supervision view walks one range
-- of one of these and reads about what it shows. A query must repeat each expression and
-- WHERE exactly to use it (`functions/src/store/reports.rs`: DUE_KEY, OVERDUE, DUE_SOON).
CREATE INDEX reports_overdue ON reports (
    substr(grid_code, 1, 9),
    (CASE WHEN respond_flag = 'overdue' AND responded_at IS NULL THEN respond_by
          ELSE coalesce(resolve_by, respond_by) END),
    id)
    WHERE (due_flag = 'overdue' OR (respond_flag = 'overdue' AND responded_at IS NULL))
    AND state IN ('pending', 'submitted', 'accepted', 'escalated', 'dispatched', 'returned',
                  'in_progress', 'reopened');
CREATE INDEX reports_due_soon ON reports (
    substr(grid_code, 1, 9),
    (CASE WHEN respond_flag = 'overdue' AND responded_at IS NULL THEN respond_by
          ELSE coalesce(resolve_by, respond_by) END),
    id)
    WHERE due_flag = 'due_soon'
    AND state IN ('pending', 'submitted', 'accepted', 'escalated', 'dispatched', 'returned',
                  'in_progress', 'reopened');
