//! Storage: the only module that speaks SQL (D1 today), one file per slice. Handlers see
//! domain types; swapping the database means rewriting this folder and the migrations,
//! nothing else.

mod accounts;
mod admin;
mod grids;
mod guide;
mod households;
mod inbox;
mod privacy;
mod reports;
mod writes;

pub use accounts::StoredAccount;
pub use guide::GuideRow;
pub use inbox::NoticeOf;
pub use reports::{NewAction, Notices, ReportQuery, ReportRow};
pub use writes::ClientWrite;

use crate::error::ApiError;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1Result, Env};

pub struct Store {
    db: D1Database,
}

fn storage(e: worker::Error) -> ApiError {
    ApiError::Storage(e.to_string())
}

impl Store {
    pub fn new(env: &Env) -> Result<Self, ApiError> {
        Ok(Store {
            db: env.d1("DB").map_err(storage)?,
        })
    }
}

/// Timestamps are UTC milliseconds; bound as f64 (D1 rejects BigInt), exact below 2^53.
fn ms(t: i64) -> JsValue {
    JsValue::from(t as f64)
}

impl Store {
    /// Runs one statement that returns no rows.
    async fn exec(&self, sql: &str, params: &[JsValue]) -> Result<D1Result, ApiError> {
        self.db
            .prepare(sql)
            .bind(params)
            .map_err(storage)?
            .run()
            .await
            .map_err(storage)
    }

    /// The first row of a query, if any.
    async fn first<T: DeserializeOwned>(
        &self,
        sql: &str,
        params: &[JsValue],
    ) -> Result<Option<T>, ApiError> {
        self.db
            .prepare(sql)
            .bind(params)
            .map_err(storage)?
            .first::<T>(None)
            .await
            .map_err(storage)
    }

    /// Runs statements as one transaction. A `UNIQUE`/primary-key violation (an id
    /// already taken, a racing twin of the same write) is `AlreadyExists`.
    async fn batch(&self, stmts: Vec<worker::D1PreparedStatement>) -> Result<(), ApiError> {
        match self.db.batch(stmts).await {
            Ok(_) => Ok(()),
            Err(e) if e.to_string().contains("UNIQUE constraint failed") => {
                Err(ApiError::AlreadyExists)
            }
            Err(e) => Err(storage(e)),
        }
    }

    /// Every row of a query (callers bound it with LIMIT).
    async fn all<T: DeserializeOwned>(
        &self,
        sql: &str,
        params: &[JsValue],
    ) -> Result<Vec<T>, ApiError> {
        self.db
            .prepare(sql)
            .bind(params)
            .map_err(storage)?
            .all()
            .await
            .map_err(storage)?
            .results()
            .map_err(storage)
    }
}
