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
            "SELECT code, parent, name_zh, name_en FROM report_categories WHERE active = 1 \
             ORDER BY sort LIMIT 500",
            &[],
        )
        .await
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
             household_id, contact, on_behalf, merged_into FROM reports WHERE id = ?1",
            &[id.into()],
        )
        .await
    }

    /// A report's timeline, oldest first (primary key order).
    pub async fn report_actions(&self, id: &str) -> Result<Vec<ActionRow>, ApiError> {
        self.all(
            "SELECT r.version, r.action, a.name AS by_name, r.role, r.at, r.from_state, \
             r.to_state, r.public_text, r.internal_text, r.photos, r.department_id, r.category, \
             r.rating FROM report_actions r LEFT JOIN accounts a ON a.id = r.account_id \
             WHERE r.report_id = ?1 ORDER BY r.version LIMIT 2000",
            &[id.into()],
        )
        .await
    }

    /// The action recorded under this client id, if any.
    pub async fn recorded_action(&self, id: &str) -> Result<Option<RecordedAction>, ApiError> {
        self.first(
            "SELECT report_id, body_hash FROM report_actions WHERE id = ?1",
            &[id.into()],
        )
        .await
    }

    fn action_stmt(&self, a: &NewAction) -> Result<D1PreparedStatement, ApiError> {
        self.db
            .prepare(
                "INSERT INTO report_actions (report_id, version, id, body_hash, action, \
                 account_id, role, at, from_state, to_state, public_text, internal_text, photos, \
                 department_id, category, rating) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
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
                 rating, reporter_id, household_id, contact, on_behalf, merged_into) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
                 ?17, ?18, ?19, ?20)",
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
                 rating = ?10, merged_into = ?11 WHERE id = ?1 AND version = ?7 - 1",
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
            ])
            .map_err(storage)?;
        let attach = self.attach_stmt(a.report_id, a.photos)?;
        let mut stmts = vec![self.action_stmt(a)?, update, attach];
        stmts.extend(self.notice_stmts(notices)?);
        self.batch(stmts).await
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
/// (`grid_code`, and the expressions for villages and townships), so the list walks one
/// index range in time order.
fn subtree(root: &str, n: usize) -> String {
    match root.len() {
        15 => format!("grid_code = ?{n}"),
        l => format!("substr(grid_code, 1, {l}) = ?{n}"),
    }
}

impl Store {
    pub async fn reports(&self, q: &ReportQuery) -> Result<Vec<ReportLine>, ApiError> {
        let mut params: Vec<JsValue> = Vec::new();
        let mut bind = |v: JsValue| {
            params.push(v);
            params.len()
        };
        let mut scope = Vec::new();
        for r in &q.roots {
            let n = bind(r.as_str().into());
            scope.push(subtree(r, n));
        }
        for d in &q.departments {
            let n = bind(d.as_str().into());
            scope.push(format!("department_id = ?{n}"));
        }
        if let Some(h) = &q.household {
            let n = bind(h.as_str().into());
            scope.push(format!("household_id = ?{n}"));
        }
        if let Some(a) = &q.reporter {
            let n = bind(a.as_str().into());
            scope.push(format!("(reporter_id = ?{n} AND on_behalf = 0)"));
        }
        if scope.is_empty() {
            return Ok(Vec::new());
        }
        let mut filters = vec![format!("({})", scope.join(" OR "))];
        if let Some(g) = &q.grid {
            let n = bind(g.as_str().into());
            filters.push(subtree(g, n));
        }
        if !q.states.is_empty() {
            let n = bind(serde_json::to_string(&q.states)?.into());
            filters.push(format!("state IN (SELECT value FROM json_each(?{n}))"));
        }
        if let Some(c) = &q.category {
            let n = bind(c.as_str().into());
            filters.push(format!(
                "(category = ?{n} OR category IN (SELECT code FROM report_categories WHERE parent = ?{n}))"
            ));
        }
        if let Some(d) = &q.department {
            let n = bind(d.as_str().into());
            filters.push(format!("department_id = ?{n}"));
        }
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
        let limit = bind((q.limit as f64).into());
        let sql = format!(
            "SELECT id, category, text, grid_code, state, level, department_id, version, \
             created_at, updated_at, reporter_id, on_behalf FROM reports WHERE {} \
             ORDER BY created_at DESC, id DESC LIMIT ?{limit}",
            filters.join(" AND ")
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
