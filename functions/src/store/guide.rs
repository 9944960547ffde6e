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
        self.batch(stmts).await
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
