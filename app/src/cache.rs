//! The IndexedDB cache layer: one database, a versioned schema, typed get/put.
//!
//! Schema history (never edit a past step; add a new one):
//! - v1: `http` — API responses by path, with their ETag (stale-while-revalidate reads).
//! - v2: stores later features write to: `outbox` (queued writes, keyed by their client
//!   UUIDv7), `guide` (service-guide items for offline search), `points` (household
//!   points passbook).
//! - v3: `drafts` — forms not yet sent (a report being written), kept across closing the
//!   page, keyed by the form's name.
//!
//! The `guide` store holds the service guide's items keyed by code, and the delta cursor
//! under `~cursor` (after every code: codes are `[a-z0-9-]`), written with them in one
//! `Batch` (see `pages/guide/catalogue.rs`).

use futures_util::future::LocalBoxFuture;
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyRange;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub const DB_NAME: &str = "wangge";
pub const DB_VERSION: u32 = 3;

pub const HTTP: &str = "http";
pub const OUTBOX: &str = "outbox";
pub const GUIDE: &str = "guide";
pub const POINTS: &str = "points";
pub const DRAFTS: &str = "drafts";

/// Object stores each schema step creates; step `i` upgrades version `i` to `i + 1`.
const STEPS: &[&[&str]] = &[&[HTTP], &[OUTBOX, GUIDE, POINTS], &[DRAFTS]];

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("IndexedDB: {0}")]
pub struct CacheError(pub String);

fn err(e: impl std::fmt::Display) -> CacheError {
    CacheError(e.to_string())
}

/// A cached API response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedResponse {
    pub etag: Option<String>,
    /// The JSON body as received, parsed on read so a schema change cannot poison the cache.
    pub body: String,
    /// Milliseconds since the epoch.
    pub stored_at: f64,
}

pub struct Cache {
    db: Database,
}

fn upgrade(event: VersionChangeEvent, db: Database) -> indexed_db_futures::Result<()> {
    let old = event.old_version() as usize;
    let new = event.new_version().map_or(old, |v| v as usize);
    for step in STEPS.iter().take(new).skip(old) {
        for store in *step {
            db.create_object_store(*store).build()?;
        }
    }
    Ok(())
}

impl Cache {
    /// Opens the app's database at the current schema version.
    pub async fn open() -> Result<Cache, CacheError> {
        Self::open_named(DB_NAME, DB_VERSION).await
    }

    /// Opens (creating or upgrading) `name` at `version`; tests use other names and
    /// older versions to exercise upgrades.
    pub async fn open_named(name: &str, version: u32) -> Result<Cache, CacheError> {
        if version == 0 || version as usize > STEPS.len() {
            return Err(CacheError(format!("no schema version {version}")));
        }
        let db = Database::open(name)
            .with_version(version)
            .with_on_upgrade_needed(upgrade)
            .await
            .map_err(err)?;
        Ok(Cache { db })
    }

    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    pub fn store_names(&self) -> Vec<String> {
        self.db.object_store_names().collect()
    }

    pub fn close(self) {
        self.db.close();
    }

    pub async fn get<T: DeserializeOwned>(
        &self,
        store: &str,
        key: &str,
    ) -> Result<Option<T>, CacheError> {
        let tx = self.db.transaction(store).build().map_err(err)?;
        let os = tx.object_store(store).map_err(err)?;
        os.get(key).serde().map_err(err)?.await.map_err(err)
    }

    /// A read-write transaction on one store; it rolls back unless committed.
    fn write_tx(&self, store: &str) -> Result<Transaction<'_>, CacheError> {
        self.db
            .transaction(store)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(err)
    }

    pub async fn put<T: Serialize>(
        &self,
        store: &str,
        key: &str,
        value: &T,
    ) -> Result<(), CacheError> {
        let tx = self.write_tx(store)?;
        let os = tx.object_store(store).map_err(err)?;
        // The key type parameter is only for decoding the returned key, which we ignore.
        os.put(value)
            .with_key(key.to_owned())
            .serde()
            .map_err(err)?
            .await
            .map_err(err)?;
        // Transactions in this crate roll back unless committed.
        tx.commit().await.map_err(err)
    }

    /// Every value in `store`, in key order (the outbox's UUIDv7 keys: creation order).
    pub async fn all<T: DeserializeOwned>(&self, store: &str) -> Result<Vec<T>, CacheError> {
        let tx = self.db.transaction(store).build().map_err(err)?;
        let os = tx.object_store(store).map_err(err)?;
        let values = os.get_all().serde().map_err(err)?.await.map_err(err)?;
        values.map(|v| v.map_err(err)).collect()
    }

    pub async fn delete(&self, store: &str, key: &str) -> Result<(), CacheError> {
        let tx = self.write_tx(store)?;
        let os = tx.object_store(store).map_err(err)?;
        os.delete(key).await.map_err(err)?;
        tx.commit().await.map_err(err)
    }

    /// Every value in `store` whose key sorts before `end`, in key order: a store can keep
    /// a record of its own after its data (the guide keeps its sync cursor under `~cursor`,
    /// after every item code).
    pub async fn all_before<T: DeserializeOwned>(
        &self,
        store: &str,
        end: &str,
    ) -> Result<Vec<T>, CacheError> {
        let tx = self.db.transaction(store).build().map_err(err)?;
        let os = tx.object_store(store).map_err(err)?;
        let values = os
            .get_all()
            // (upper bound, open): `end` itself excluded.
            .with_query::<String, _>(KeyRange::UpperBound(end.to_owned(), true))
            .serde()
            .map_err(err)?
            .await
            .map_err(err)?;
        values.map(|v| v.map_err(err)).collect()
    }

    /// Several writes to one store that land together or not at all (`Batch::commit`).
    pub fn batch(&self, store: &str) -> Result<Batch<'_>, CacheError> {
        Ok(Batch {
            tx: self.write_tx(store)?,
            store: store.to_owned(),
            pending: Vec::new(),
        })
    }
}

/// Writes to one store in one transaction: every request is sent at once, and nothing is
/// kept unless `commit` succeeds (dropping a batch rolls it back).
pub struct Batch<'a> {
    tx: Transaction<'a>,
    store: String,
    pending: Vec<LocalBoxFuture<'static, Result<(), CacheError>>>,
}

impl Batch<'_> {
    pub fn put<T: Serialize>(&mut self, key: &str, value: &T) -> Result<(), CacheError> {
        let os = self.tx.object_store(&self.store).map_err(err)?;
        let request = os
            .put(value)
            .with_key(key.to_owned())
            .serde()
            .map_err(err)?;
        self.pending.push(Box::pin(
            async move { request.await.map(drop).map_err(err) },
        ));
        Ok(())
    }

    pub fn delete(&mut self, key: &str) -> Result<(), CacheError> {
        let os = self.tx.object_store(&self.store).map_err(err)?;
        let request = os.delete(key.to_owned()).primitive().map_err(err)?;
        self.pending
            .push(Box::pin(async move { request.await.map_err(err) }));
        Ok(())
    }

    /// Empties the store (before a full download replaces it).
    pub fn clear(&mut self) -> Result<(), CacheError> {
        let os = self.tx.object_store(&self.store).map_err(err)?;
        let request = os.clear().map_err(err)?;
        self.pending
            .push(Box::pin(async move { request.await.map_err(err) }));
        Ok(())
    }

    pub async fn commit(self) -> Result<(), CacheError> {
        futures_util::future::try_join_all(self.pending).await?;
        self.tx.commit().await.map_err(err)
    }
}
