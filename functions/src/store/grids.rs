//! Storage for the grid directory.

use super::{storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::grids::{GridCode, GridKind, GridLevel, GridNode, Role};
use wasm_bindgen::JsValue;

/// Page size of keyset-paginated list reads.
const PAGE: u32 = 500;
/// A township has a few hundred grids; a county a few thousand. Past this the tree
/// endpoint must itself become paginated (and D1 allows 50 queries per request).
const MAX_PAGES: usize = 20;

/// A person as stored, phone unmasked: never serialise this to a client.
pub struct StoredPerson {
    pub id: String,
    pub phone_public: bool,
    pub name: String,
    pub role: Role,
    pub phone: String,
    pub commitment: String,
}

pub struct StoredCard {
    pub grid: GridNode,
    pub households: Option<u32>,
    pub chain: Vec<GridNode>,
    pub children: Vec<GridNode>,
    pub people: Vec<StoredPerson>,
}

#[derive(Deserialize)]
struct GridRow {
    code: String,
    parent_code: Option<String>,
    name: String,
    level: String,
    kind: String,
    scope: String,
    households: Option<u32>,
}

#[derive(Deserialize)]
struct PersonRow {
    id: String,
    phone_public: u8,
    name: String,
    role: String,
    phone: String,
    commitment: String,
}

const GRID_COLUMNS: &str = "code, parent_code, name, level, kind, scope, households";

impl GridRow {
    fn into_node(self) -> Result<GridNode, ApiError> {
        let bad = |what: &str| ApiError::Storage(format!("grid {}: bad {what}", self.code));
        let level = match self.level.as_str() {
            "county" => GridLevel::County,
            "township" => GridLevel::Township,
            "village" => GridLevel::Village,
            "grid" => GridLevel::Grid,
            _ => return Err(bad("level")),
        };
        let kind = match self.kind.as_str() {
            "basic" => GridKind::Basic,
            "dedicated" => GridKind::Dedicated,
            _ => return Err(bad("kind")),
        };
        Ok(GridNode {
            code: self.code,
            parent: self.parent_code,
            name: self.name,
            level,
            kind,
            scope: self.scope,
        })
    }
}

impl Store {
    /// The whole active tree in code order, read in keyset pages over the primary key
    /// (a deactivated grid has no active descendants, so the tree stays whole).
    pub async fn all_grids(&self) -> Result<Vec<GridNode>, ApiError> {
        let mut out = Vec::new();
        let mut after = String::new();
        for _ in 0..MAX_PAGES {
            let page = self.grids_after(&after, PAGE).await?;
            let full = page.len() == PAGE as usize;
            if let Some(last) = page.last() {
                after = last.code.clone();
            }
            out.extend(page);
            if !full {
                return Ok(out);
            }
        }
        Err(ApiError::Storage(
            "grid tree larger than the page cap".into(),
        ))
    }

    async fn grids_after(&self, after: &str, limit: u32) -> Result<Vec<GridNode>, ApiError> {
        let sql =
            format!("SELECT {GRID_COLUMNS} FROM grids WHERE code > ?1 AND active = 1 ORDER BY code LIMIT ?2");
        let rows: Vec<GridRow> = self
            .db
            .prepare(sql)
            .bind(&[after.into(), JsValue::from(limit)])
            .map_err(storage)?
            .all()
            .await
            .map_err(storage)?
            .results()
            .map_err(storage)?;
        rows.into_iter().map(GridRow::into_node).collect()
    }

    /// One grid with its ancestors, children and people, read in one D1 batch
    /// (one round trip, one consistent snapshot).
    pub async fn grid_card(&self, code: &GridCode) -> Result<Option<StoredCard>, ApiError> {
        let c: JsValue = code.as_str().into();
        let mut anc: Vec<JsValue> = code
            .ancestors()
            .iter()
            .map(|a| JsValue::from(a.as_str()))
            .collect();
        anc.resize(3, JsValue::from("")); // fixed arity; "" matches no code
        let stmts = vec![
            self.db
                .prepare(format!(
                    "SELECT {GRID_COLUMNS} FROM grids WHERE code = ?1 AND active = 1"
                ))
                .bind(std::slice::from_ref(&c)),
            self.db
                .prepare(format!(
                    "SELECT {GRID_COLUMNS} FROM grids WHERE code IN (?1, ?2, ?3) ORDER BY code"
                ))
                .bind(&anc),
            // A village has tens of grids, not thousands: one bounded page is the whole list.
            self.db
                .prepare(format!(
                    "SELECT {GRID_COLUMNS} FROM grids WHERE parent_code = ?1 AND active = 1 \
                     ORDER BY code LIMIT 1000"
                ))
                .bind(std::slice::from_ref(&c)),
            self.db
                .prepare(
                    "SELECT p.id, p.phone_public, p.name, a.role, p.phone, a.commitment \
                     FROM grid_assignments a JOIN people p ON p.id = a.person_id \
                     WHERE a.grid_code = ?1 ORDER BY a.sort, a.person_id",
                )
                .bind(std::slice::from_ref(&c)),
        ]
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(storage)?;
        let results = self.db.batch(stmts).await.map_err(storage)?;
        let [grid, chain, children, people] = results.as_slice() else {
            return Err(ApiError::Storage("batch returned the wrong count".into()));
        };
        let mut grid: Vec<GridRow> = grid.results().map_err(storage)?;
        let Some(row) = grid.pop() else {
            return Ok(None);
        };
        let households = row.households;
        let nodes = |r: &worker::D1Result| -> Result<Vec<GridNode>, ApiError> {
            r.results::<GridRow>()
                .map_err(storage)?
                .into_iter()
                .map(GridRow::into_node)
                .collect()
        };
        let people = people
            .results::<PersonRow>()
            .map_err(storage)?
            .into_iter()
            .map(|p| {
                Ok(StoredPerson {
                    role: Role::parse(&p.role)
                        .ok_or_else(|| ApiError::Storage(format!("bad role {}", p.role)))?,
                    id: p.id,
                    phone_public: p.phone_public == 1,
                    name: p.name,
                    phone: p.phone,
                    commitment: p.commitment,
                })
            })
            .collect::<Result<_, ApiError>>()?;
        Ok(Some(StoredCard {
            grid: row.into_node()?,
            households,
            chain: nodes(chain)?,
            children: nodes(children)?,
            people,
        }))
    }

    /// Whether grid `code` exists and is active (primary key).
    pub async fn grid_exists(&self, code: &str) -> Result<bool, ApiError> {
        #[derive(serde::Deserialize)]
        struct Row {
            #[allow(dead_code)]
            code: String,
        }
        Ok(self
            .first::<Row>(
                "SELECT code FROM grids WHERE code = ?1 AND active = 1",
                &[code.into()],
            )
            .await?
            .is_some())
    }
}
