//! Storage for report deadlines: the working-day calendar, each category's deadline class,
//! and the scheduled job's records. The job is set-based: a few statements in one batch
//! record every report whose clock it reached (an action record, the notices, the report's
//! new version and flag), however many there are, so one run stays within an invocation's
//! query limit.

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::reports::deadline::{CalendarDay, DayKind};
use wasm_bindgen::JsValue;

/// States in which a clock runs (`core::reports::machine::CLOCKED`), as the partial
/// indexes of migration 0016 spell them: a query must repeat the list to use them.
pub(super) const CLOCKED_SQL: &str = "state IN ('pending', 'submitted', 'accepted', 'escalated', \
    'dispatched', 'returned', 'in_progress', 'reopened')";

/// The longest warning span (`core::reports::deadline::urgency`: a fifth of the time
/// given, at most a day).
const DAY_MS: i64 = 86_400_000;

/// One kind of record the job makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The resolve clock is within its warning span.
    DueSoon,
    /// The resolve clock ran out.
    Overdue,
    /// Nobody responded within the respond clock.
    Unanswered,
}

impl Clock {
    pub const ALL: [Clock; 3] = [Clock::Unanswered, Clock::Overdue, Clock::DueSoon];

    /// The record's `action`, and the notice's `kind`.
    fn action(self) -> &'static str {
        match self {
            Clock::DueSoon => "due_soon",
            Clock::Overdue | Clock::Unanswered => "overdue",
        }
    }

    /// Makes the record's id (unique per report version) with the report's id and version.
    fn id_prefix(self) -> &'static str {
        match self {
            Clock::DueSoon => "sys-due-",
            Clock::Overdue => "sys-late-",
            Clock::Unanswered => "sys-mute-",
        }
    }

    fn public_text(self) -> &'static str {
        match self {
            Clock::DueSoon => "临近办结时限，请抓紧办理。",
            Clock::Overdue => "已超过办结时限，转入督办。",
            Clock::Unanswered => "超过响应时限仍无人响应，转入督办。",
        }
    }

    /// The reports this clock reaches at ?1 (now), oldest deadline first, at most ?2.
    fn candidates(self) -> String {
        let (column, more) = match self {
            Clock::DueSoon => (
                "resolve_by",
                format!(
                    "due_flag IS NOT 'overdue' AND due_flag IS NULL AND resolve_by >= ?1 \
                     AND resolve_by <= ?1 + {DAY_MS} \
                     AND resolve_by - ?1 <= (resolve_by - created_at) / 5"
                ),
            ),
            Clock::Overdue => (
                "resolve_by",
                "due_flag IS NOT 'overdue' AND resolve_by < ?1".to_owned(),
            ),
            Clock::Unanswered => (
                "respond_by",
                "responded_at IS NULL AND respond_flag IS NULL AND respond_by < ?1".to_owned(),
            ),
        };
        // Named: without statistics the planner may prefer a wider index on `state` (and
        // read every open report); the partial index reads about what the run records.
        let index = match self {
            Clock::DueSoon | Clock::Overdue => "reports_resolve_clock",
            Clock::Unanswered => "reports_respond_clock",
        };
        format!(
            "SELECT id FROM reports INDEXED BY {index} WHERE {column} IS NOT NULL AND {CLOCKED_SQL} \
             AND {more} ORDER BY {column}, id LIMIT ?2"
        )
    }

    /// What the report keeps of it.
    fn flag(self) -> &'static str {
        match self {
            Clock::DueSoon => "due_flag = 'due_soon'",
            Clock::Overdue => "due_flag = 'overdue'",
            Clock::Unanswered => "respond_flag = 'overdue'",
        }
    }
}

/// What one run did.
#[derive(Debug, Default, Clone, Copy)]
pub struct ClockRun {
    pub due_soon: u64,
    pub overdue: u64,
    pub unanswered: u64,
    pub notices: u64,
    pub statements: u64,
    pub rows_read: u64,
}

#[derive(Deserialize)]
struct CalendarRow {
    day: String,
    kind: String,
    name: String,
}

impl Store {
    /// A category's deadline class (`general` if it has none on record).
    pub async fn deadline_class(&self, category: &str) -> Result<Option<String>, ApiError> {
        #[derive(Deserialize)]
        struct Class {
            deadline_class: String,
        }
        Ok(self
            .first::<Class>(
                "SELECT deadline_class FROM report_categories WHERE code = ?1",
                &[category.into()],
            )
            .await?
            .map(|c| c.deadline_class))
    }

    /// Sets a second-level category's deadline class; whether there is such a category.
    pub async fn set_deadline_class(&self, code: &str, class: &str) -> Result<bool, ApiError> {
        let result = self
            .exec(
                "UPDATE report_categories SET deadline_class = ?2 \
                 WHERE code = ?1 AND parent IS NOT NULL",
                &[code.into(), class.into()],
            )
            .await?;
        let changes = result.meta().map_err(storage)?.and_then(|m| m.changes);
        Ok(changes.unwrap_or(0) == 1)
    }

    /// The calendar's listed dates from the start of `from_year` to the end of `to_year`
    /// (its primary key range: a year has tens).
    pub async fn calendar_years(
        &self,
        from_year: i32,
        to_year: i32,
    ) -> Result<Vec<CalendarDay>, ApiError> {
        let rows: Vec<CalendarRow> = self
            .all(
                "SELECT day, kind, name FROM calendar_days WHERE day >= ?1 AND day < ?2 \
                 ORDER BY day LIMIT 2000",
                &[
                    format!("{from_year:04}-01-01").into(),
                    format!("{:04}-01-01", to_year + 1).into(),
                ],
            )
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(CalendarDay {
                    kind: DayKind::parse(&r.kind)?,
                    day: r.day,
                    name: r.name,
                })
            })
            .collect())
    }

    /// Whether every record of `report` after `version` is the scheduled job's (by nobody,
    /// a deadline reached): its primary key range.
    pub async fn only_system_records_since(
        &self,
        report: &str,
        version: u32,
    ) -> Result<bool, ApiError> {
        #[derive(Deserialize)]
        struct N {
            n: u32,
        }
        let n = self
            .first::<N>(
                "SELECT count(*) AS n FROM report_actions WHERE report_id = ?1 AND version > ?2 \
                 AND (account_id IS NOT NULL OR action NOT IN ('due_soon', 'overdue'))",
                &[report.into(), f64::from(version).into()],
            )
            .await?;
        Ok(n.is_some_and(|n| n.n == 0))
    }

    /// Replaces the listed dates of `year` with `days` (checked), in one batch.
    pub async fn replace_calendar_year(
        &self,
        year: i32,
        days: &[CalendarDay],
        at: i64,
    ) -> Result<(), ApiError> {
        let mut stmts = vec![self
            .db
            .prepare("DELETE FROM calendar_days WHERE day >= ?1 AND day < ?2")
            .bind(&[
                format!("{year:04}-01-01").into(),
                format!("{:04}-01-01", year + 1).into(),
            ])
            .map_err(storage)?];
        for d in days {
            stmts.push(
                self.db
                    .prepare(
                        "INSERT INTO calendar_days (day, kind, name, updated_at) \
                         VALUES (?1, ?2, ?3, ?4)",
                    )
                    .bind(&[
                        d.day.as_str().into(),
                        d.kind.as_str().into(),
                        d.name.trim().into(),
                        ms(at),
                    ])
                    .map_err(storage)?,
            );
        }
        self.batch(stmts).await
    }

    /// Records what the clocks reached at `now`, at most `limit` reports per clock: for each
    /// report an action record by the system (its version + 1), notices to whoever holds it
    /// and their supervisor, and the report's new version and flag. One batch: all or
    /// nothing.
    pub async fn record_clocks(&self, now: i64, limit: usize) -> Result<ClockRun, ApiError> {
        let mut stmts = Vec::new();
        for clock in Clock::ALL {
            let params = |extra: &[JsValue]| {
                let mut p = vec![ms(now), JsValue::from(limit as f64)];
                p.extend_from_slice(extra);
                p
            };
            let cand = clock.candidates();
            let id = format!("'{}' || r.id || '-' || (r.version + 1)", clock.id_prefix());
            stmts.push(
                self.db
                    .prepare(format!(
                        "INSERT INTO report_actions (report_id, version, id, body_hash, action, \
                         account_id, role, at, from_state, to_state, public_text, internal_text, \
                         photos, department_id, category, rating, by_name) \
                         SELECT r.id, r.version + 1, {id}, printf('%064d', 0), ?3, NULL, NULL, \
                         ?1, r.state, r.state, ?4, '', '[]', NULL, NULL, NULL, NULL \
                         FROM reports r WHERE r.id IN ({cand})"
                    ))
                    .bind(&params(&[
                        clock.action().into(),
                        clock.public_text().into(),
                    ]))
                    .map_err(storage)?,
            );
            // Whoever holds it at its level, and the level above (督办): grid staff and
            // their village at the grid; the village and the township's dispatchers at the
            // village; the department and the dispatchers at the township. By the roles'
            // scope index: the grid code's prefixes, or the department.
            let notice = |scope: &str, who: &str| {
                format!(
                    "INSERT OR IGNORE INTO notices (id, account_id, kind, report_id, excerpt, \
                     created_at) \
                     SELECT r.id || '.' || (r.version + 1) || '.' || w.account_id, w.account_id, ?3, r.id, \
                     substr(r.text, 1, 60), ?1 \
                     FROM reports r JOIN account_roles w ON {scope} \
                     JOIN accounts a ON a.id = w.account_id AND a.active = 1 \
                     WHERE r.id IN ({cand}) AND ({who})"
                )
            };
            let grid_scope = "w.scope_kind = 'grid' AND w.scope_id IN (substr(r.grid_code, 1, 6), \
                 substr(r.grid_code, 1, 9), substr(r.grid_code, 1, 12), r.grid_code)";
            let grid_who = "(r.level = 'grid' AND w.role IN ('grid_worker', 'grid_leader')) \
                 OR (r.level IN ('grid', 'village') AND w.role IN ('grid_leader', 'grid_instructor') \
                     AND length(w.scope_id) <= 12) \
                 OR (r.level IN ('village', 'township') AND w.role = 'dispatcher')";
            let dept_scope = "w.scope_kind = 'department' AND w.scope_id = r.department_id";
            let dept_who = "w.role = 'department_handler'";
            for (scope, who) in [(grid_scope, grid_who), (dept_scope, dept_who)] {
                stmts.push(
                    self.db
                        .prepare(notice(scope, who))
                        .bind(&params(&[clock.action().into()]))
                        .map_err(storage)?,
                );
            }
            // Only where this run's record landed (its version, by nobody).
            stmts.push(
                self.db
                    .prepare(format!(
                        "UPDATE reports SET version = version + 1, updated_at = ?1, {flag} \
                         WHERE id IN ({cand}) AND EXISTS \
                         (SELECT 1 FROM report_actions x WHERE x.report_id = reports.id \
                          AND x.version = reports.version + 1 AND x.account_id IS NULL \
                          AND x.at = ?1)",
                        flag = clock.flag()
                    ))
                    .bind(&params(&[]))
                    .map_err(storage)?,
            );
        }
        let results = self.db.batch(stmts).await.map_err(storage)?;
        let mut run = ClockRun {
            statements: results.len() as u64,
            ..ClockRun::default()
        };
        for (i, r) in results.iter().enumerate() {
            let meta = r.meta().ok().flatten();
            let changed = meta.as_ref().and_then(|m| m.changes).unwrap_or(0) as u64;
            run.rows_read += meta.as_ref().and_then(|m| m.rows_read).unwrap_or(0) as u64;
            match (i / 4, i % 4) {
                (c, 0) => match Clock::ALL[c] {
                    Clock::Unanswered => run.unanswered = changed,
                    Clock::Overdue => run.overdue = changed,
                    Clock::DueSoon => run.due_soon = changed,
                },
                (_, 1 | 2) => run.notices += changed,
                _ => {}
            }
        }
        Ok(run)
    }
}
