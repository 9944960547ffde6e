//! Storage for reports: the category tree, reports, and their append-only timeline.
//! Every write is one batch: a report with its first record, or an action with the
//! report's update from the version it was decided on.

use super::deadline::CLOCKED_SQL;
use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::reports::supervision::Due;
use wasm_bindgen::JsValue;
use worker::D1PreparedStatement;

#[derive(Deserialize)]
pub struct CategoryRow {
    pub code: String,
    pub parent: Option<String>,
    pub name_zh: String,
    pub name_en: String,
    pub deadline_class: String,
}

/// A report as stored (JSON columns still text).
#[derive(Deserialize, Clone)]
pub struct ReportRow {
    pub id: String,
    pub body_hash: String,
    pub category: String,
    pub text: String,
    pub grid_code: String,
    pub location: String,
    pub photos: String,
    pub state: String,
    pub level: String,
    pub department_id: Option<String>,
    pub version: u32,
    pub created_at: i64,
    pub updated_at: i64,
    pub resolved_at: Option<i64>,
    pub rating: Option<u8>,
    pub reporter_id: Option<String>,
    pub household_id: Option<String>,
    pub contact: Option<String>,
    pub on_behalf: u8,
    pub merged_into: Option<String>,
    /// The report's clocks (`core::reports::deadline`).
    pub respond_by: Option<i64>,
    pub resolve_by: Option<i64>,
    pub deadline_fallback: u8,
    /// When staff first acted on it (the response the respond clock waits for).
    pub responded_at: Option<i64>,
    /// What the scheduled job already recorded of each clock.
    pub due_flag: Option<String>,
    pub respond_flag: Option<String>,
    /// 代办: the errand as asked (JSON) and the last step recorded.
    pub errand: Option<String>,
    pub errand_step: Option<u8>,
    /// Filed through Open311 by this client (`open311_clients`).
    pub via: Option<String>,
}

/// One timeline record as stored, with the actor's name.
#[derive(Deserialize)]
pub struct ActionRow {
    pub version: u32,
    pub action: String,
    pub by_name: Option<String>,
    pub role: Option<String>,
    pub at: i64,
    pub from_state: String,
    pub to_state: String,
    pub public_text: String,
    pub internal_text: String,
    pub photos: String,
    pub department_id: Option<String>,
    pub category: Option<String>,
    pub rating: Option<u8>,
}

/// An action already recorded under a client id.
#[derive(Deserialize)]
pub struct RecordedAction {
    pub report_id: String,
    pub body_hash: String,
    pub account_id: Option<String>,
}

/// A timeline record about to be written.
pub struct NewAction<'a> {
    pub report_id: &'a str,
    /// The version this record makes.
    pub version: u32,
    pub id: &'a str,
    pub body_hash: &'a str,
    pub action: &'a str,
    pub account_id: Option<&'a str>,
    pub role: Option<&'a str>,
    pub at: i64,
    pub from_state: &'a str,
    pub to_state: &'a str,
    pub public_text: &'a str,
    pub internal_text: &'a str,
    /// JSON list of photo keys.
    pub photos: &'a str,
    pub department_id: Option<&'a str>,
    pub category: Option<&'a str>,
    pub rating: Option<u8>,
}

/// Who hears of an action, written in the action's batch.
pub struct Notices<'a> {
    pub of: crate::store::NoticeOf<'a>,
    pub to: Vec<(wangge_core::inbox::Audience, wangge_core::inbox::NoticeKind)>,
}

impl Store {
    fn notice_stmts(&self, n: &Notices) -> Result<Vec<D1PreparedStatement>, ApiError> {
        n.to.iter()
            .map(|(audience, kind)| self.notice_stmt(&n.of, *audience, *kind))
            .collect()
    }
}

fn opt(v: Option<&str>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from)
}

fn opt_ms(v: Option<i64>) -> JsValue {
    v.map_or(JsValue::NULL, ms)
}

fn opt_u8(v: Option<u8>) -> JsValue {
    v.map_or(JsValue::NULL, |n| JsValue::from(f64::from(n)))
}

impl Store {
    /// The category tree in display order.
    pub async fn report_categories(&self) -> Result<Vec<CategoryRow>, ApiError> {
        self.all(
            "SELECT code, parent, name_zh, name_en, deadline_class FROM report_categories \
             WHERE active = 1 ORDER BY sort LIMIT 500",
            &[],
        )
        .await
    }

    /// Every active department (a county has tens, never thousands), by id.
    pub async fn active_departments(
        &self,
    ) -> Result<Vec<wangge_core::admin::Department>, ApiError> {
        let rows: Vec<super::admin::DepartmentRow> = self
            .all(
                "SELECT id, name, area, active FROM departments WHERE active = 1 \
                 ORDER BY id LIMIT 500",
                &[],
            )
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// A category a report can be filed under (active, second level).
    pub async fn fileable_category(&self, code: &str) -> Result<bool, ApiError> {
        #[derive(Deserialize)]
        struct One {
            #[allow(dead_code)]
            code: String,
        }
        Ok(self
            .first::<One>(
                "SELECT code FROM report_categories WHERE code = ?1 AND active = 1 \
                 AND parent IS NOT NULL",
                &[code.into()],
            )
            .await?
            .is_some())
    }

    /// Whether an active department serves an area that covers `grid`.
    pub async fn department_serves(&self, id: &str, grid: &str) -> Result<bool, ApiError> {
        #[derive(Deserialize)]
        struct One {
            area: String,
        }
        Ok(self
            .first::<One>(
                "SELECT area FROM departments WHERE id = ?1 AND active = 1",
                &[id.into()],
            )
            .await?
            .is_some_and(|d| grid.starts_with(d.area.as_str())))
    }

    pub async fn report(&self, id: &str) -> Result<Option<ReportRow>, ApiError> {
        self.first(
            "SELECT id, body_hash, category, text, grid_code, location, photos, state, level, \
             department_id, version, created_at, updated_at, resolved_at, rating, reporter_id, \
             household_id, contact, on_behalf, merged_into, respond_by, resolve_by, \
             deadline_fallback, responded_at, due_flag, respond_flag, errand, errand_step, via \
             FROM reports WHERE id = ?1",
            &[id.into()],
        )
        .await
    }

    /// A report's timeline, oldest first (primary key order).
    /// The timeline of a report at `version` (its records are versions 1..=version: the
    /// limit ends the read exactly there). A staff record carries its author's name; only
    /// records older than that column look the name up.
    pub async fn report_actions(&self, id: &str, version: u32) -> Result<Vec<ActionRow>, ApiError> {
        self.all(
            "SELECT r.version, r.action, \
             CASE WHEN r.role IS NULL OR r.role = 'resident' THEN NULL \
             ELSE COALESCE(r.by_name, (SELECT a.name FROM accounts a WHERE a.id = r.account_id)) \
             END AS by_name, r.role, r.at, r.from_state, \
             r.to_state, r.public_text, r.internal_text, r.photos, r.department_id, r.category, \
             r.rating FROM report_actions r \
             WHERE r.report_id = ?1 ORDER BY r.version LIMIT ?2",
            &[id.into(), f64::from(version).into()],
        )
        .await
    }

    /// The action recorded under this client id, if any.
    pub async fn recorded_action(&self, id: &str) -> Result<Option<RecordedAction>, ApiError> {
        self.first(
            "SELECT report_id, body_hash, account_id FROM report_actions WHERE id = ?1",
            &[id.into()],
        )
        .await
    }

    fn action_stmt(&self, a: &NewAction) -> Result<D1PreparedStatement, ApiError> {
        self.db
            .prepare(
                "INSERT INTO report_actions (report_id, version, id, body_hash, action, \
                 account_id, role, at, from_state, to_state, public_text, internal_text, photos, \
                 department_id, category, rating, by_name) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
                 CASE WHEN ?7 IS NULL OR ?7 = 'resident' THEN NULL \
                 ELSE (SELECT name FROM accounts WHERE id = ?6) END)",
            )
            .bind(&[
                a.report_id.into(),
                f64::from(a.version).into(),
                a.id.into(),
                a.body_hash.into(),
                a.action.into(),
                opt(a.account_id),
                opt(a.role),
                ms(a.at),
                a.from_state.into(),
                a.to_state.into(),
                a.public_text.into(),
                a.internal_text.into(),
                a.photos.into(),
                opt(a.department_id),
                opt(a.category),
                opt_u8(a.rating),
            ])
            .map_err(storage)
    }

    /// A new report and its first record, together or not at all. Its id already taken
    /// (a retry racing its twin): `AlreadyExists`.
    pub async fn file_report(
        &self,
        r: &ReportRow,
        first: &NewAction<'_>,
        notices: &Notices<'_>,
    ) -> Result<(), ApiError> {
        let insert = self
            .db
            .prepare(
                "INSERT INTO reports (id, body_hash, category, text, grid_code, location, photos, \
                 state, level, department_id, version, created_at, updated_at, resolved_at, \
                 rating, reporter_id, household_id, contact, on_behalf, merged_into, respond_by, \
                 resolve_by, deadline_fallback, responded_at, errand, errand_step, via) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
            )
            .bind(&[
                r.id.as_str().into(),
                r.body_hash.as_str().into(),
                r.category.as_str().into(),
                r.text.as_str().into(),
                r.grid_code.as_str().into(),
                r.location.as_str().into(),
                r.photos.as_str().into(),
                r.state.as_str().into(),
                r.level.as_str().into(),
                opt(r.department_id.as_deref()),
                f64::from(r.version).into(),
                ms(r.created_at),
                ms(r.updated_at),
                opt_ms(r.resolved_at),
                opt_u8(r.rating),
                opt(r.reporter_id.as_deref()),
                opt(r.household_id.as_deref()),
                opt(r.contact.as_deref()),
                f64::from(r.on_behalf).into(),
                opt(r.merged_into.as_deref()),
                opt_ms(r.respond_by),
                opt_ms(r.resolve_by),
                f64::from(r.deadline_fallback).into(),
                opt_ms(r.responded_at),
                opt(r.errand.as_deref()),
                opt_u8(r.errand_step),
                opt(r.via.as_deref()),
            ])
            .map_err(storage)?;
        let attach = self.attach_stmt(&r.id, first.photos)?;
        let mut stmts = vec![insert, self.action_stmt(first)?, attach];
        stmts.extend(self.notice_stmts(notices)?);
        self.batch(stmts).await
    }

    /// Records `a` and moves the report to `to` — only if it is still at `a.version - 1`.
    /// If another action landed first, the record's primary key (report, version) is
    /// taken and the whole batch aborts: `AlreadyExists`, nothing written.
    pub async fn act(
        &self,
        to: &ReportRow,
        a: &NewAction<'_>,
        notices: &Notices<'_>,
    ) -> Result<(), ApiError> {
        let update = self
            .db
            .prepare(
                "UPDATE reports SET category = ?2, photos = ?3, state = ?4, level = ?5, \
                 department_id = ?6, version = ?7, updated_at = ?8, resolved_at = ?9, \
                 rating = ?10, merged_into = ?11, respond_by = ?12, resolve_by = ?13, \
                 deadline_fallback = ?14, responded_at = ?15, due_flag = ?16, respond_flag = ?17, \
                 errand_step = ?18 WHERE id = ?1 AND version = ?7 - 1",
            )
            .bind(&[
                to.id.as_str().into(),
                to.category.as_str().into(),
                to.photos.as_str().into(),
                to.state.as_str().into(),
                to.level.as_str().into(),
                opt(to.department_id.as_deref()),
                f64::from(to.version).into(),
                ms(to.updated_at),
                opt_ms(to.resolved_at),
                opt_u8(to.rating),
                opt(to.merged_into.as_deref()),
                opt_ms(to.respond_by),
                opt_ms(to.resolve_by),
                f64::from(to.deadline_fallback).into(),
                opt_ms(to.responded_at),
                opt(to.due_flag.as_deref()),
                opt(to.respond_flag.as_deref()),
                opt_u8(to.errand_step),
            ])
            .map_err(storage)?;
        let attach = self.attach_stmt(a.report_id, a.photos)?;
        let mut stmts = vec![self.action_stmt(a)?, update, attach];
        if let Some(into) = to.merged_into.as_deref().filter(|_| a.action == "merge") {
            stmts.push(self.inherit_followers_stmt(to, into, a.at)?);
        }
        stmts.extend(self.notice_stmts(notices)?);
        self.batch(stmts).await
    }

    /// A duplicate's people follow the report it was merged into: its household's accounts,
    /// whoever filed it for themselves, and its own followers. They read that one from now.
    fn inherit_followers_stmt(
        &self,
        merged: &ReportRow,
        into: &str,
        at: i64,
    ) -> Result<D1PreparedStatement, ApiError> {
        let reporter = merged
            .reporter_id
            .as_deref()
            .filter(|_| merged.on_behalf == 0);
        self.db
            .prepare(
                "INSERT OR IGNORE INTO report_followers (report_id, account_id, created_at) \
                 SELECT ?1, a.id, ?3 FROM accounts a WHERE a.household_id = ?4 \
                 UNION SELECT ?1, ?5, ?3 WHERE ?5 IS NOT NULL \
                 UNION SELECT ?1, f.account_id, ?3 FROM report_followers f WHERE f.report_id = ?2",
            )
            .bind(&[
                into.into(),
                merged.id.as_str().into(),
                ms(at),
                opt(merged.household_id.as_deref()),
                opt(reporter),
            ])
            .map_err(storage)
    }
}

/// A list of reports as the reader may see it: `scope` says whose (OR'ed), the rest narrows.
#[derive(Default)]
pub struct ReportQuery {
    /// Grid subtrees the reader serves, by their roots' codes.
    pub roots: Vec<String>,
    pub departments: Vec<String>,
    pub household: Option<String>,
    /// An account's own reports (not those it filed for a household).
    pub reporter: Option<String>,
    pub grid: Option<String>,
    pub states: Vec<String>,
    /// A category, or a first-level one (all its children).
    pub category: Option<String>,
    pub department: Option<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// After this line (`created_at`, `id`), newest first.
    pub after: Option<(i64, String)>,
    pub limit: usize,
}

/// A line of a list as stored.
#[derive(Deserialize)]
pub struct ReportLine {
    pub id: String,
    pub category: String,
    pub text: String,
    pub grid_code: String,
    pub state: String,
    pub level: String,
    pub department_id: Option<String>,
    pub version: u32,
    pub created_at: i64,
    pub updated_at: i64,
    pub reporter_id: Option<String>,
    pub on_behalf: u8,
}

/// The SQL that matches a grid subtree: each level of the tree has its own index
/// (`grid_code`, and the expressions for villages and townships; with `state` second for
/// the lists filtered by state, migration 0012), so the list walks one index range in
/// time order.
/// D1 allows five terms in one compound SELECT.
const COMPOUND_MAX: usize = 5;

/// `arms` as one `UNION ALL`, nested in groups of at most `COMPOUND_MAX` (D1's limit is
/// per compound; SQLite flattens the nesting and still merges the arms in index order).
pub(super) fn compound(arms: Vec<String>) -> String {
    if arms.len() <= COMPOUND_MAX {
        return arms.join(" UNION ALL ");
    }
    let per = arms.len().div_ceil(COMPOUND_MAX);
    let groups: Vec<String> = arms
        .chunks(per)
        .map(|g| format!("SELECT * FROM ({})", compound(g.to_vec())))
        .collect();
    compound(groups)
}

/// `term` written so that no index serves it (`+column`): the arm's own index drives.
fn unindexed(term: &str) -> String {
    let mut t = term.to_owned();
    for col in ["grid_code", "department_id", "household_id", "reporter_id"] {
        t = t.replace(col, &format!("+{col}"));
    }
    t
}

/// Grid subtrees by their roots' codes, leaving out any inside another (or the same twice):
/// they would only read rows to leave out. Sorted.
pub fn outermost(roots: &[String]) -> Vec<&str> {
    let mut all: Vec<&str> = roots.iter().map(String::as_str).collect();
    all.sort_unstable();
    all.dedup();
    all.iter()
        .copied()
        .filter(|r| !all.iter().any(|o| o.len() < r.len() && r.starts_with(o)))
        .collect()
}

fn subtree(root: &str, n: usize) -> String {
    match root.len() {
        15 => format!("grid_code = ?{n}"),
        l => format!("substr(grid_code, 1, {l}) = ?{n}"),
    }
}

impl Store {
    /// A category and, for a first-level one, its children (by its parent index).
    async fn category_and_children(&self, code: &str) -> Result<Vec<String>, ApiError> {
        #[derive(Deserialize)]
        struct Code {
            code: String,
        }
        let rows: Vec<Code> = self
            .all(
                "SELECT code FROM report_categories WHERE code = ?1 \
                 UNION SELECT code FROM report_categories WHERE parent = ?1 LIMIT 100",
                &[code.into()],
            )
            .await?;
        Ok(rows.into_iter().map(|c| c.code).collect())
    }

    /// Open reports of `category` in base grid `grid` filed since `since`, newest first
    /// (the grid's index, then a short range in time); anonymous ones not yet taken in by
    /// the grid are left out.
    pub async fn similar_reports(
        &self,
        grid: &str,
        category: &str,
        since: i64,
        limit: usize,
    ) -> Result<Vec<ReportLine>, ApiError> {
        self.all(
            "SELECT id, category, text, grid_code, state, level, department_id, version, \
             created_at, updated_at, reporter_id, on_behalf FROM reports \
             WHERE grid_code = ?1 AND created_at >= ?2 AND category = ?3 \
             AND state NOT IN ('pending', 'confirmed', 'closed', 'merged', 'rejected') \
             ORDER BY created_at DESC, id DESC LIMIT ?4",
            &[
                grid.into(),
                ms(since),
                category.into(),
                (limit as f64).into(),
            ],
        )
        .await
    }

    /// Adds `account` to the report's followers (again: nothing changes).
    pub async fn follow(&self, report: &str, account: &str, at: i64) -> Result<(), ApiError> {
        self.exec(
            "INSERT OR IGNORE INTO report_followers (report_id, account_id, created_at) \
             VALUES (?1, ?2, ?3)",
            &[report.into(), account.into(), ms(at)],
        )
        .await
        .map(|_| ())
    }

    pub async fn follows(&self, report: &str, account: &str) -> Result<bool, ApiError> {
        #[derive(Deserialize)]
        struct One {
            #[allow(dead_code)]
            report_id: String,
        }
        Ok(self
            .first::<One>(
                "SELECT report_id FROM report_followers WHERE report_id = ?1 AND account_id = ?2",
                &[report.into(), account.into()],
            )
            .await?
            .is_some())
    }

    /// A page of the list. One arm per scope term (leaving out what an earlier arm has)
    /// and state, each driven by one index range in time order; SQLite merges the arms
    /// and stops at the limit, so a page reads about as many rows as it shows. (An OR of
    /// the terms, or `state IN`, reads every matching row and sorts them.) The grid and
    /// department filters are written so that no index serves them (`+column`): the
    /// planner, which has no statistics, might walk a wider range by them instead.
    pub async fn reports(&self, q: &ReportQuery) -> Result<Vec<ReportLine>, ApiError> {
        let mut params: Vec<JsValue> = Vec::new();
        let mut bind = |v: JsValue| {
            params.push(v);
            params.len()
        };
        let grid = q.grid.as_ref().map(|g| (g, bind(g.as_str().into())));
        // (the arm's index term, or none if the grid filter leaves it nothing; the term
        // as later arms leave it out; whether the grid filter is in the index term)
        let mut scope: Vec<(Option<String>, String, bool)> = Vec::new();
        let outer = outermost(&q.roots);
        for r in outer {
            let own = subtree(r, bind(r.into()));
            let driving = match grid {
                Some((g, n)) if g.starts_with(r) => Some(subtree(g, n)),
                Some((g, _)) if r.starts_with(g.as_str()) => Some(own.clone()),
                Some(_) => None,
                None => Some(own.clone()),
            };
            scope.push((driving, own, true));
        }
        for d in &q.departments {
            let t = format!("department_id = ?{}", bind(d.as_str().into()));
            scope.push((Some(t.clone()), t, false));
        }
        if let Some(h) = &q.household {
            let t = format!("household_id = ?{}", bind(h.as_str().into()));
            scope.push((Some(t.clone()), t, false));
        }
        if let Some(a) = &q.reporter {
            let t = format!(
                "(reporter_id = ?{} AND on_behalf = 0)",
                bind(a.as_str().into())
            );
            scope.push((Some(t.clone()), t, false));
        }
        // A department or a category filter drives each subtree arm by its own index
        // instead (its range is far narrower than a subtree's); the subtree is then only
        // checked.
        let narrow: Option<Vec<String>> = if let Some(d) = &q.department {
            Some(vec![format!(
                "department_id = ?{}",
                bind(d.as_str().into())
            )])
        } else if let Some(c) = &q.category {
            let codes = self.category_and_children(c).await?;
            Some(
                codes
                    .iter()
                    .map(|code| format!("category = ?{}", bind(code.as_str().into())))
                    .collect(),
            )
        } else {
            None
        };
        let mut filters = Vec::new();
        let mut states = q.states.clone();
        states.sort();
        states.dedup();
        let states: Vec<String> = states
            .into_iter()
            .map(|s| format!("state = ?{}", bind(s.into())))
            .collect();
        let category_check = q.category.as_ref().map(|c| {
            let n = bind(c.as_str().into());
            format!(
                "(+category = ?{n} OR +category IN (SELECT code FROM report_categories WHERE parent = ?{n}))"
            )
        });
        let department_check = q
            .department
            .as_ref()
            .map(|d| format!("+department_id = ?{}", bind(d.as_str().into())));
        if let Some(t) = q.from {
            let n = bind(ms(t));
            filters.push(format!("created_at >= ?{n}"));
        }
        if let Some(t) = q.to {
            let n = bind(ms(t));
            filters.push(format!("created_at < ?{n}"));
        }
        if let Some((t, id)) = &q.after {
            let a = bind(ms(*t));
            let b = bind(id.as_str().into());
            filters.push(format!(
                "(created_at < ?{a} OR (created_at = ?{a} AND id < ?{b}))"
            ));
        }
        let mut arms = Vec::new();
        for (i, (driving, own, has_grid)) in scope.iter().enumerate() {
            let Some(driving) = driving else {
                continue;
            };
            // (the index term, what is only checked)
            let mut drivers: Vec<(String, Vec<String>)> = Vec::new();
            let mut checked: Vec<String> = scope[..i]
                .iter()
                .map(|(_, t, _)| format!("({}) IS NOT 1", unindexed(t)))
                .collect();
            if let (Some((g, n)), false) = (grid, has_grid) {
                checked.push(unindexed(&subtree(g, n)));
            }
            checked.extend(filters.iter().cloned());
            match narrow.as_ref().filter(|_| *has_grid) {
                Some(terms) => {
                    // Both given: the department drives, the category is checked.
                    if q.department.is_some() {
                        checked.extend(category_check.iter().cloned());
                    }
                    // The arm's own scope (and a grid filter within it) becomes a check.
                    let mut within = vec![unindexed(own)];
                    if grid.is_some() {
                        within.push(unindexed(driving));
                    }
                    for t in terms {
                        let mut c = within.clone();
                        c.extend(checked.iter().cloned());
                        drivers.push((t.clone(), c));
                    }
                }
                // A household's, a reporter's or a department's own list is short: its
                // own index drives, the filters are checked.
                None => {
                    checked.extend(category_check.iter().cloned());
                    checked.extend(department_check.iter().cloned());
                    drivers.push((driving.clone(), checked));
                }
            }
            for (index_term, checks) in drivers {
                let mut terms = vec![index_term];
                terms.extend(checks);
                if states.is_empty() {
                    arms.push(terms.join(" AND "));
                }
                for state in &states {
                    arms.push(format!("{} AND {state}", terms.join(" AND ")));
                }
            }
        }
        if arms.is_empty() {
            return Ok(Vec::new());
        }
        let limit = bind((q.limit as f64).into());
        let sql = format!(
            "{} ORDER BY created_at DESC, id DESC LIMIT ?{limit}",
            compound(
                arms.iter()
                    .map(|w| format!(
                        "SELECT id, category, text, grid_code, state, level, department_id, \
                         version, created_at, updated_at, reporter_id, on_behalf FROM reports \
                         WHERE {w}"
                    ))
                    .collect()
            )
        );
        self.all(&sql, &params).await
    }
}

/// A line of the supervision view as stored: the list's columns and the clocks.
#[derive(Deserialize)]
pub struct FlaggedLine {
    #[serde(flatten)]
    pub line: ReportLine,
    pub respond_by: Option<i64>,
    pub resolve_by: Option<i64>,
    pub responded_at: Option<i64>,
    pub respond_flag: Option<String>,
    /// `DUE_KEY`: the order and the cursor (and the deadline shown).
    pub due_key: i64,
}

/// One supervision record, with its report.
#[derive(Deserialize)]
pub struct SupervisionRow {
    pub report_id: String,
    pub action: String,
    pub at: i64,
}

/// The supervision view's order (migration 0018's index expression, repeated exactly): an
/// unanswered respond clock's deadline, else the resolve clock's.
const DUE_KEY: &str =
    "(CASE WHEN respond_flag = 'overdue' AND responded_at IS NULL THEN respond_by \
    ELSE coalesce(resolve_by, respond_by) END)";
/// Migration 0018's partial indexes' conditions (with `CLOCKED_SQL`), repeated exactly.
const OVERDUE: &str =
    "(due_flag = 'overdue' OR (respond_flag = 'overdue' AND responded_at IS NULL))";
const DUE_SOON: &str = "due_flag = 'due_soon'";

/// Digits of a township's grid code: the supervision indexes' first column.
const TOWNSHIP_CODE_LEN: usize = 9;

impl Store {
    /// A page of the open reports flagged `due` (migration 0018) under the grid subtrees
    /// `roots`, most pressing deadline first, after `after` (`due_key`, `id`). One arm per
    /// subtree walks its township's range of the partial index in order; a subtree above
    /// a township (a county) reads its townships' ranges and sorts them.
    pub async fn flagged_reports(
        &self,
        roots: &[String],
        due: Due,
        after: Option<&(i64, String)>,
        limit: usize,
    ) -> Result<Vec<FlaggedLine>, ApiError> {
        let mut params: Vec<JsValue> = Vec::new();
        let mut bind = |v: JsValue| {
            params.push(v);
            params.len()
        };
        let flagged = match due {
            Due::Overdue => OVERDUE,
            Due::DueSoon => DUE_SOON,
        };
        let keyset = after.map(|(k, id)| {
            let (k, id) = (bind(ms(*k)), bind(id.as_str().into()));
            format!(" AND ({DUE_KEY} > ?{k} OR ({DUE_KEY} = ?{k} AND id > ?{id}))")
        });
        let outer = outermost(roots);
        let mut arms = Vec::new();
        for r in outer {
            let township = if r.len() >= TOWNSHIP_CODE_LEN {
                let t = bind(r[..TOWNSHIP_CODE_LEN].into());
                let mut term = format!("substr(grid_code, 1, {TOWNSHIP_CODE_LEN}) = ?{t}");
                // Below a township: checked only (`+`: no other index drives).
                if r.len() > TOWNSHIP_CODE_LEN {
                    let n = bind(r.into());
                    term.push_str(&format!(" AND substr(+grid_code, 1, {}) = ?{n}", r.len()));
                }
                term
            } else {
                let (lo, hi) = (bind(r.into()), bind(format!("{r}:").into()));
                format!(
                    "substr(grid_code, 1, {TOWNSHIP_CODE_LEN}) >= ?{lo} \
                     AND substr(grid_code, 1, {TOWNSHIP_CODE_LEN}) < ?{hi}"
                )
            };
            arms.push(format!(
                "SELECT id, category, text, grid_code, state, level, department_id, version, \
                 created_at, updated_at, reporter_id, on_behalf, respond_by, resolve_by, \
                 responded_at, respond_flag, {DUE_KEY} AS due_key \
                 FROM reports WHERE {flagged} AND {CLOCKED_SQL} AND {township}{}",
                keyset.clone().unwrap_or_default()
            ));
        }
        if arms.is_empty() {
            return Ok(Vec::new());
        }
        let n = bind((limit as f64).into());
        let sql = format!("{} ORDER BY due_key, id LIMIT ?{n}", compound(arms));
        self.all(&sql, &params).await
    }

    /// The supervision records of `reports` (each one's primary-key range).
    pub async fn supervision_records(
        &self,
        reports: &[&str],
    ) -> Result<Vec<SupervisionRow>, ApiError> {
        if reports.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=reports.len()).map(|i| format!("?{i}")).collect();
        let params: Vec<JsValue> = reports.iter().map(|r| (*r).into()).collect();
        self.all(
            &format!(
                "SELECT report_id, action, at FROM report_actions WHERE report_id IN ({}) \
                 AND action IN ('due_soon', 'overdue') ORDER BY report_id, version",
                marks.join(", ")
            ),
            &params,
        )
        .await
    }
}

/// A ledger line as stored, with the names it prints.
#[derive(Deserialize)]
pub struct LedgerRow {
    pub id: String,
    pub created_at: i64,
    pub grid_code: String,
    pub grid_name: Option<String>,
    pub category_name: Option<String>,
    pub text: String,
    pub state: String,
    pub department_name: Option<String>,
    pub resolve_by: Option<i64>,
    pub resolved_at: Option<i64>,
    pub rating: Option<u8>,
    pub late: u8,
}

impl Store {
    /// Reports of the grid subtree `root` filed in [`from`, `to`), oldest first, after
    /// `after` (`created_at`, `id`): the subtree's own index (by its level), one range in
    /// time order; the names come by primary key. The department is the one holding it
    /// now (none once it was sent back to the dispatcher).
    pub async fn ledger_rows(
        &self,
        root: &str,
        from: i64,
        to: i64,
        after: Option<&(i64, String)>,
        limit: usize,
    ) -> Result<Vec<LedgerRow>, ApiError> {
        let mut params: Vec<JsValue> = vec![root.into(), ms(from), ms(to), (limit as f64).into()];
        let keyset = match after {
            Some((t, id)) => {
                params.push(ms(*t));
                params.push(id.as_str().into());
                " AND (r.created_at > ?5 OR (r.created_at = ?5 AND r.id > ?6))"
            }
            None => "",
        };
        let scope = subtree(root, 1).replace("grid_code", "r.grid_code");
        self.all(
            &format!(
                "SELECT r.id, r.created_at, r.grid_code, g.name AS grid_name, \
                 c.name_zh AS category_name, r.text, r.state, d.name AS department_name, \
                 r.resolve_by, r.resolved_at, r.rating, \
                 (r.due_flag IS 'overdue' OR (r.respond_flag IS 'overdue' \
                 AND r.responded_at IS NULL)) AS late \
                 FROM reports r LEFT JOIN grids g ON g.code = r.grid_code \
                 LEFT JOIN report_categories c ON c.code = r.category \
                 LEFT JOIN departments d ON d.id = r.department_id \
                 WHERE {scope} AND r.created_at >= ?2 AND r.created_at < ?3{keyset} \
                 ORDER BY r.created_at, r.id LIMIT ?4"
            ),
            &params,
        )
        .await
    }
}

/// A stored photo's record.
#[derive(Deserialize)]
pub struct PhotoRow {
    pub key: String,
    pub uploaded_by: String,
    pub sha256: String,
    pub report_id: Option<String>,
}

impl Store {
    pub async fn photo(&self, key: &str) -> Result<Option<PhotoRow>, ApiError> {
        self.first(
            "SELECT key, uploaded_by, sha256, report_id FROM photos WHERE key = ?1",
            &[key.into()],
        )
        .await
    }

    /// The records of these photos (primary key).
    pub async fn photos(&self, keys: &[String]) -> Result<Vec<PhotoRow>, ApiError> {
        self.all(
            "SELECT key, uploaded_by, sha256, report_id FROM photos \
             WHERE key IN (SELECT value FROM json_each(?1))",
            &[serde_json::to_string(keys)?.into()],
        )
        .await
    }

    pub async fn record_photo(
        &self,
        key: &str,
        by: &str,
        sha256: &str,
        size: usize,
        at: i64,
    ) -> Result<(), ApiError> {
        let stmt = self
            .db
            .prepare(
                "INSERT INTO photos (key, uploaded_by, sha256, size, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .bind(&[
                key.into(),
                by.into(),
                sha256.into(),
                (size as f64).into(),
                ms(at),
            ])
            .map_err(storage)?;
        self.batch(vec![stmt]).await
    }

    /// The statement that ties photos (JSON list of keys) not yet shown anywhere to a report.
    fn attach_stmt(&self, report: &str, keys: &str) -> Result<D1PreparedStatement, ApiError> {
        self.db
            .prepare(
                "UPDATE photos SET report_id = ?1 WHERE report_id IS NULL \
                 AND key IN (SELECT value FROM json_each(?2))",
            )
            .bind(&[report.into(), keys.into()])
            .map_err(storage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every compound (one parenthesised level) has at most `COMPOUND_MAX` terms, and
    /// every arm is there once.
    #[test]
    fn arms_nest_within_d1s_compound_limit() {
        for n in [1, 5, 6, 13, 25, 26, 130] {
            let sql = compound((0..n).map(|i| format!("SELECT x{i}y")).collect());
            for i in 0..n {
                assert_eq!(sql.matches(&format!("x{i}y")).count(), 1, "{n}: {sql}");
            }
            // Terms of the compound open at each nesting level.
            let mut terms = vec![1usize];
            for (i, c) in sql.char_indices() {
                match c {
                    '(' => terms.push(1),
                    ')' => assert!(terms.pop().is_some_and(|t| t <= COMPOUND_MAX), "{sql}"),
                    _ if sql[i..].starts_with(" UNION ALL ") => {
                        if let Some(t) = terms.last_mut() {
                            *t += 1;
                        }
                    }
                    _ => {}
                }
            }
            assert!(terms.len() == 1 && terms[0] <= COMPOUND_MAX, "{n}: {sql}");
        }
    }
}
