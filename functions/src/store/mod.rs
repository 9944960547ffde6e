//! Storage: the only module that speaks SQL (D1 today), one file per slice. Handlers see
//! domain types; swapping the database means rewriting this folder and the migrations,
//! nothing else.

mod accounts;
mod admin;
mod deadline;
mod grids;
mod guide;
mod households;
mod inbox;
mod open311;
pub mod points;
mod privacy;
mod reports;
mod writes;

pub use accounts::StoredAccount;
pub use deadline::ClockRun;
pub use guide::GuideRow;
pub use inbox::NoticeOf;
pub use open311::{Named, RequestQuery, RequestRow};
pub use reports::{outermost, NewAction, Notices, ReportLine, ReportQuery, ReportRow};
pub use writes::ClientWrite;

use crate::error::ApiError;
use serde::de::DeserializeOwned;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result, Env};

pub struct Store {
    db: Db,
}

/// The database, counting what it reads: `Db::batch` and the `Store` helpers below
/// (`exec`, `first`, `all`, `batch`) add D1's `meta.rows_read` of every statement to the
/// request's counter (`rows_read`). Run statements through them, not on a prepared
/// statement directly, or the `X-Rows-Read` header misses them.
struct Db(D1Database);

impl Db {
    fn prepare<T: Into<String>>(&self, sql: T) -> D1PreparedStatement {
        self.0.prepare(sql)
    }

    async fn batch(&self, stmts: Vec<D1PreparedStatement>) -> worker::Result<Vec<D1Result>> {
        let results = self.0.batch(stmts).await?;
        results.iter().for_each(count_rows_read);
        Ok(results)
    }
}

thread_local! {
    /// The rows-read counter of the request whose future is being polled (`rows_read`).
    static ROWS_READ: RefCell<Option<Rc<Cell<u64>>>> = const { RefCell::new(None) };
}

fn count_rows_read(r: &D1Result) {
    let n = r
        .meta()
        .ok()
        .flatten()
        .and_then(|m| m.rows_read)
        .unwrap_or(0) as u64;
    ROWS_READ.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            c.set(c.get() + n);
        }
    });
}

/// Runs a request's future and says how many rows its D1 statements read (`meta.rows_read`,
/// summed). The counter is installed only while this future is polled, so requests that
/// interleave at awaits in one isolate never add to each other's count.
pub async fn rows_read<F: Future>(request: F) -> (F::Output, u64) {
    let rows = Rc::new(Cell::new(0));
    let out = Counting {
        inner: Box::pin(request),
        rows: rows.clone(),
    }
    .await;
    (out, rows.get())
}

struct Counting<F> {
    inner: Pin<Box<F>>,
    rows: Rc<Cell<u64>>,
}

impl<F: Future> Future for Counting<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        let outer = ROWS_READ.with(|c| c.replace(Some(this.rows.clone())));
        let out = this.inner.as_mut().poll(cx);
        ROWS_READ.with(|c| c.replace(outer));
        out
    }
}

fn storage(e: worker::Error) -> ApiError {
    ApiError::Storage(e.to_string())
}

impl Store {
    pub fn new(env: &Env) -> Result<Self, ApiError> {
        Ok(Store {
            db: Db(env.d1("DB").map_err(storage)?),
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
        let result = self
            .db
            .prepare(sql)
            .bind(params)
            .map_err(storage)?
            .run()
            .await
            .map_err(storage)?;
        count_rows_read(&result);
        Ok(result)
    }

    /// The first row of a query, if any. (D1 runs the whole statement for `first()` too;
    /// `all()` is used because only it answers with `meta`.)
    async fn first<T: DeserializeOwned>(
        &self,
        sql: &str,
        params: &[JsValue],
    ) -> Result<Option<T>, ApiError> {
        Ok(self.all(sql, params).await?.into_iter().next())
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
        let result = self
            .db
            .prepare(sql)
            .bind(params)
            .map_err(storage)?
            .all()
            .await
            .map_err(storage)?;
        count_rows_read(&result);
        result.results().map_err(storage)
    }
}
