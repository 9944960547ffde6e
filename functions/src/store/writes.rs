//! Storage for client write ids (idempotency keys), kept forever.

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use worker::D1PreparedStatement;

/// A write as first answered.
#[derive(Deserialize)]
pub struct StoredWrite {
    pub body_hash: String,
    pub status: u16,
    pub response: String,
}

/// A client write about to be stored with its answer, in the write's own batch.
pub struct ClientWrite<'a> {
    pub id: &'a str,
    pub account_id: &'a str,
    pub body_hash: &'a str,
    pub status: u16,
    pub response: &'a str,
    pub at: i64,
}

impl Store {
    pub async fn client_write(&self, id: &str) -> Result<Option<StoredWrite>, ApiError> {
        self.first(
            "SELECT body_hash, status, response FROM client_writes WHERE id = ?1",
            &[id.into()],
        )
        .await
    }

    /// The statement that records `w`; its primary key makes a racing twin's batch abort.
    pub(super) fn record_write(&self, w: &ClientWrite) -> Result<D1PreparedStatement, ApiError> {
        self.db
            .prepare(
                "INSERT INTO client_writes (id, account_id, body_hash, status, response, at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(&[
                w.id.into(),
                w.account_id.into(),
                w.body_hash.into(),
                f64::from(w.status).into(),
                w.response.into(),
                ms(w.at),
            ])
            .map_err(storage)
    }
}
