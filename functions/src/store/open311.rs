//! Storage for Open311: the clients and their keys, and the search over reports that
//! `requests.json` makes — one index range per arm in time order, newest first, the
//! private categories (disputes, special groups, errands) never read out.

use super::{ms, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::reports::PRIVATE_GROUPS;
use wasm_bindgen::JsValue;

/// An Open311 client, found by its key's SHA-256.
#[derive(Deserialize)]
pub struct ClientRow {
    pub id: String,
    pub name: String,
    /// The grid subtree it files into.
    pub area: String,
    pub revoked_at: Option<i64>,
}

/// A report as `requests.json` reads it (no personal field is even read).
#[derive(Deserialize)]
pub struct RequestRow {
    pub id: String,
    pub category: String,
    pub text: String,
    pub state: String,
    pub department_id: Option<String>,
    pub location: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub respond_by: Option<i64>,
    pub resolve_by: Option<i64>,
    pub resolved_at: Option<i64>,
}

/// What a search asks for (the Worker has checked and mapped it).
#[derive(Default)]
pub struct RequestQuery {
    /// Given: only these, nothing else matters.
    pub ids: Vec<String>,
    pub categories: Vec<String>,
    pub states: Vec<&'static str>,
    pub from: i64,
    pub to: i64,
    pub limit: usize,
}

const COLUMNS: &str = "id, category, text, state, department_id, location, created_at, \
    updated_at, respond_by, resolve_by, resolved_at";

/// What the public may read: not a private category (`PRIVATE_GROUPS`: `dispute-…`,
/// `groups-…`, `errand-…`), not an anonymous report the grid has not confirmed yet
/// (`pending`), not one rejected as out of scope. Checked only (`+`), so the arm's own
/// index drives.
fn public_only() -> String {
    let mut terms: Vec<String> = PRIVATE_GROUPS
        .iter()
        .map(|g| format!("+category NOT GLOB '{g}-*'"))
        .collect();
    terms.push("+state NOT IN ('pending', 'rejected')".to_owned());
    terms.join(" AND ")
}

/// A code and its name.
#[derive(Deserialize)]
pub struct Named {
    pub code: String,
    pub name: String,
}

impl Store {
    /// The Chinese names of these categories and departments (by primary key: a page of
    /// requests reads a name once per distinct code, not the whole tree).
    pub async fn open311_names(
        &self,
        categories: &[&str],
        departments: &[&str],
    ) -> Result<(Vec<Named>, Vec<Named>), ApiError> {
        let lookup = |table: &str, key: &str, name: &str, codes: &[&str]| {
            let marks: Vec<String> = (1..=codes.len()).map(|i| format!("?{i}")).collect();
            format!(
                "SELECT {key} AS code, {name} AS name FROM {table} WHERE {key} IN ({})",
                marks.join(", ")
            )
        };
        let params = |codes: &[&str]| codes.iter().map(|c| (*c).into()).collect::<Vec<JsValue>>();
        let cats = if categories.is_empty() {
            Vec::new()
        } else {
            self.all(
                &lookup("report_categories", "code", "name_zh", categories),
                &params(categories),
            )
            .await?
        };
        let deps = if departments.is_empty() {
            Vec::new()
        } else {
            self.all(
                &lookup("departments", "id", "name", departments),
                &params(departments),
            )
            .await?
        };
        Ok((cats, deps))
    }

    pub async fn open311_client(&self, key_sha256: &str) -> Result<Option<ClientRow>, ApiError> {
        self.first(
            "SELECT id, name, area, revoked_at FROM open311_clients WHERE key_sha256 = ?1",
            &[key_sha256.into()],
        )
        .await
    }

    /// The report a client's identical POST made before (its retry), if any.
    pub async fn open311_filed(
        &self,
        client: &str,
        body_hash: &str,
    ) -> Result<Option<String>, ApiError> {
        #[derive(Deserialize)]
        struct Id {
            id: String,
        }
        Ok(self
            .first::<Id>(
                "SELECT id FROM reports WHERE via = ?1 AND body_hash = ?2",
                &[client.into(), body_hash.into()],
            )
            .await?
            .map(|r| r.id))
    }

    /// One public report by id.
    pub async fn open311_request(&self, id: &str) -> Result<Option<RequestRow>, ApiError> {
        self.first(
            &format!(
                "SELECT {COLUMNS} FROM reports WHERE id = ?1 AND {}",
                public_only()
            ),
            &[id.into()],
        )
        .await
    }

    /// A search, newest first. By ids: their primary keys. Otherwise one arm per category
    /// (its index), else per state (its index), else one range of the time index; each
    /// walks the window newest first and SQLite merges them up to the limit.
    pub async fn open311_requests(&self, q: &RequestQuery) -> Result<Vec<RequestRow>, ApiError> {
        let mut params: Vec<JsValue> = Vec::new();
        let mut bind = |v: JsValue| {
            params.push(v);
            params.len()
        };
        let public = public_only();
        if !q.ids.is_empty() {
            let marks: Vec<String> = q
                .ids
                .iter()
                .map(|id| format!("?{}", bind(id.as_str().into())))
                .collect();
            let n = bind((q.limit as f64).into());
            let sql = format!(
                "SELECT {COLUMNS} FROM reports WHERE id IN ({}) AND {public} \
                 ORDER BY created_at DESC, id DESC LIMIT ?{n}",
                marks.join(", ")
            );
            return self.all(&sql, &params).await;
        }
        let (from, to) = (bind(ms(q.from)), bind(ms(q.to)));
        let window = format!("created_at >= ?{from} AND created_at <= ?{to}");
        let state_marks: Vec<String> = q
            .states
            .iter()
            .map(|s| format!("?{}", bind((*s).into())))
            .collect();
        let mut arms: Vec<String> = Vec::new();
        if !q.categories.is_empty() {
            // A category's index, with its state second when a status is asked for.
            for c in &q.categories {
                let n = bind(c.as_str().into());
                if state_marks.is_empty() {
                    arms.push(format!("category = ?{n} AND {window}"));
                }
                for m in &state_marks {
                    arms.push(format!("category = ?{n} AND state = {m} AND {window}"));
                }
            }
        } else if !state_marks.is_empty() {
            for m in &state_marks {
                arms.push(format!("state = {m} AND {window}"));
            }
        } else {
            arms.push(window.clone());
        }
        let n = bind((q.limit as f64).into());
        let sql = format!(
            "{} ORDER BY created_at DESC, id DESC LIMIT ?{n}",
            super::reports::compound(
                arms.into_iter()
                    .map(|w| format!("SELECT {COLUMNS} FROM reports WHERE {w} AND {public}"))
                    .collect()
            )
        );
        self.all(&sql, &params).await
    }
}
