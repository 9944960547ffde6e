//! Storage for the service guide: each item stored whole (its JSON), every change numbered
//! (`seq`, for delta sync), every version kept (`guide_versions`).

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::guide::GuideItem;
use wasm_bindgen::JsValue;

/// An item as stored.
#[derive(Deserialize)]
pub struct GuideRow {
    pub code: String,
    pub version: u32,
    pub withdrawn: u8,
    pub seq: i64,
    pub body: String,
}

/// A line of the administrators' list, as stored.
#[derive(Deserialize)]
pub struct EntryRow {
    pub code: String,
    pub name: String,
    pub department: String,
    pub version: u32,
    pub withdrawn: u8,
    pub updated_at: i64,
}

/// A saved version as stored, with the saver's name.
#[derive(Deserialize)]
pub struct VersionRow {
    pub version: u32,
    pub withdrawn: u8,
    pub saved_at: i64,
    pub saved_by: Option<String>,
    pub body: String,
}

impl Store {
    /// The newest change's number (0: none yet); the `seq` index's last entry.
    pub async fn guide_last_seq(&self) -> Result<i64, ApiError> {
        #[derive(Deserialize)]
        struct Last {
            seq: Option<i64>,
        }
        let rows: Vec<Last> = self
            .all("SELECT MAX(seq) AS seq FROM guide_items", &[])
            .await?;
        Ok(rows.first().and_then(|r| r.seq).unwrap_or(0))
    }

    /// Changes after `since`, in change order (the `seq` index), at most `limit`.
    pub async fn guide_changes(&self, since: i64, limit: usize) -> Result<Vec<GuideRow>, ApiError> {
        self.all(
            "SELECT code, version, withdrawn, seq, body FROM guide_items WHERE seq > ?1 \
             ORDER BY seq LIMIT ?2",
            &[ms(since), (limit as f64).into()],
        )
        .await
    }

    /// One item, withdrawn or not (primary key).
    pub async fn guide_item(&self, code: &str) -> Result<Option<GuideRow>, ApiError> {
        self.first(
            "SELECT code, version, withdrawn, seq, body FROM guide_items WHERE code = ?1",
            &[code.into()],
        )
        .await
    }

    /// Saves `item` as its version `item.version` (the caller raised it), in one batch with
    /// its history row. Another save of that same version already there — a race from the
    /// same base — is `AlreadyExists` and changes nothing.
    pub async fn save_guide_item(
        &self,
        item: &GuideItem,
        withdrawn: bool,
        by: Option<&str>,
        now: i64,
    ) -> Result<(), ApiError> {
        let stmts = self.guide_save_stmts(item, withdrawn, by, now)?;
        self.batch(stmts).await
    }

    /// The history row and the item row of one save (see `save_guide_item`).
    fn guide_save_stmts(
        &self,
        item: &GuideItem,
        withdrawn: bool,
        by: Option<&str>,
        now: i64,
    ) -> Result<Vec<worker::D1PreparedStatement>, ApiError> {
        let body = serde_json::to_string(item)?;
        let flag = JsValue::from(f64::from(u8::from(withdrawn)));
        let by = by.map_or(JsValue::NULL, JsValue::from);
        let params = [
            JsValue::from(item.code.as_str()),
            JsValue::from(item.version),
            flag,
            JsValue::from(body.as_str()),
            by,
            ms(now),
        ];
        let stmts = vec![
            self.db
                .prepare(
                    "INSERT INTO guide_versions (code, version, withdrawn, body, saved_by, saved_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .bind(&params)
                .map_err(storage)?,
            self.db
                .prepare(
                    "INSERT INTO guide_items (code, version, withdrawn, seq, body, updated_at, \
                     updated_by) VALUES (?1, ?2, ?3, \
                     (SELECT ifnull(max(seq), 0) + 1 FROM guide_items), ?4, ?6, ?5) \
                     ON CONFLICT (code) DO UPDATE SET version = excluded.version, \
                     withdrawn = excluded.withdrawn, seq = excluded.seq, body = excluded.body, \
                     updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                )
                .bind(&params)
                .map_err(storage)?,
        ];
        Ok(stmts)
    }

    /// An item's versions, newest first (at most `limit`).
    pub async fn guide_versions(
        &self,
        code: &str,
        limit: usize,
    ) -> Result<Vec<VersionRow>, ApiError> {
        self.all(
            "SELECT v.version, v.withdrawn, v.saved_at, a.name AS saved_by, v.body \
             FROM guide_versions v LEFT JOIN accounts a ON a.id = v.saved_by \
             WHERE v.code = ?1 ORDER BY v.version DESC LIMIT ?2",
            &[code.into(), (limit as f64).into()],
        )
        .await
    }
}

impl Store {
    /// The stored rows of these codes (primary key), withdrawn or not.
    pub async fn guide_rows(&self, codes: &[&str]) -> Result<Vec<GuideRow>, ApiError> {
        self.all(
            "SELECT code, version, withdrawn, seq, body FROM guide_items \
             WHERE code IN (SELECT value FROM json_each(?1))",
            &[serde_json::to_string(codes)?.into()],
        )
        .await
    }

    /// Items after `after` in code order, withdrawn ones included (primary key), at most
    /// `limit`: the administrators' list.
    pub async fn guide_entries(
        &self,
        after: &str,
        limit: usize,
    ) -> Result<Vec<EntryRow>, ApiError> {
        self.all(
            "SELECT code, json_extract(body, '$.name') AS name, \
             json_extract(body, '$.department') AS department, version, withdrawn, updated_at \
             FROM guide_items WHERE code > ?1 ORDER BY code LIMIT ?2",
            &[after.into(), (limit as f64).into()],
        )
        .await
    }

    /// Every item residents see, in code order (keyset pages over the primary key).
    pub async fn guide_all(&self) -> Result<Vec<GuideRow>, ApiError> {
        const PAGE: usize = 500;
        let mut out: Vec<GuideRow> = Vec::new();
        loop {
            let after = out.last().map_or(String::new(), |r| r.code.clone());
            let page: Vec<GuideRow> = self
                .all(
                    "SELECT code, version, withdrawn, seq, body FROM guide_items \
                     WHERE code > ?1 ORDER BY code LIMIT ?2",
                    &[after.into(), (PAGE as f64).into()],
                )
                .await?;
            let full = page.len() == PAGE;
            out.extend(page);
            if !full || out.len() > 20 * PAGE {
                break;
            }
        }
        out.retain(|r| r.withdrawn == 0);
        Ok(out)
    }

    /// Saves every item (each already at its new version, with whether it stays
    /// withdrawn), all or nothing, in one batch.
    pub async fn import_guide(
        &self,
        items: &[(GuideItem, bool)],
        by: &str,
        now: i64,
    ) -> Result<(), ApiError> {
        let mut stmts = Vec::with_capacity(items.len() * 2);
        for (item, withdrawn) in items {
            stmts.extend(self.guide_save_stmts(item, *withdrawn, Some(by), now)?);
        }
        self.batch(stmts).await
    }
}
