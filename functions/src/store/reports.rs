//! Storage for reports: the category tree, reports, and their append-only timeline.
//! Every write is one batch: a report with its first record, or an action with the
//! report's update from the version it was decided on.

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
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
             deadline_fallback, responded_at, due_flag, respond_flag FROM reports WHERE id = ?1",
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
                 resolve_by, deadline_fallback, responded_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
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
                 deadline_fallback = ?14, responded_at = ?15, due_flag = ?16, respond_flag = ?17 \
                 WHERE id = ?1 AND version = ?7 - 1",
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
fn compound(arms: Vec<String>) -> String {
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
        // A subtree inside another (or the same twice) would only read rows to leave out.
        let mut roots: Vec<&str> = q.roots.iter().map(String::as_str).collect();
        roots.sort_unstable();
        roots.dedup();
        let outer: Vec<&str> = roots
            .iter()
            .copied()
            .filter(|r| !roots.iter().any(|o| o.len() < r.len() && r.starts_with(o)))
            .collect();
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
