//! Storage: the only module that speaks SQL (D1 today), one file per slice. Handlers see
//! domain types; swapping the database means rewriting this folder and the migrations,
//! nothing else.

mod accounts;
mod grids;
mod households;

pub use accounts::StoredAccount;

use crate::error::ApiError;
use worker::{D1Database, Env};

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
