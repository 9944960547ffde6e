//! Storage for accounts, their roles, sessions and sign-in throttling.

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::accounts::{AccountRole, RoleGrant, Scope};
use wasm_bindgen::JsValue;

/// An account as stored, password hash included: never serialise this to a client.
#[derive(Deserialize)]
pub struct StoredAccount {
    pub id: String,
    pub household_id: Option<String>,
    pub login: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub password_salt: Option<String>,
    pub password_iterations: Option<u32>,
}

#[derive(Deserialize)]
struct RoleRow {
    role: String,
    scope_kind: String,
    scope_id: String,
}

#[derive(Deserialize)]
struct SessionRow {
    account_id: String,
    expires_at: f64,
    household_id: Option<String>,
}

/// A live session's account, its household (residents) and when the session ends.
pub struct LiveSession {
    pub account_id: String,
    pub household_id: Option<String>,
    pub expires_at: i64,
}

#[derive(Deserialize)]
struct AtRow {
    at: f64,
}

const ACCOUNT_COLUMNS: &str =
    "id, login, name, household_id, password_hash, password_salt, password_iterations";

impl Store {
    async fn first_account(
        &self,
        column: &str,
        value: &str,
    ) -> Result<Option<StoredAccount>, ApiError> {
        self.first::<StoredAccount>(
            &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE {column} = ?1 AND active = 1"),
            &[value.into()],
        )
        .await
    }

    /// An active account by its login (the `login` UNIQUE index).
    pub async fn account_by_login(&self, login: &str) -> Result<Option<StoredAccount>, ApiError> {
        self.first_account("login", login).await
    }

    /// An active account by id (primary key).
    pub async fn account_by_id(&self, id: &str) -> Result<Option<StoredAccount>, ApiError> {
        self.first_account("id", id).await
    }

    /// The roles an account holds (a range of the primary key).
    pub async fn roles_of(&self, account_id: &str) -> Result<Vec<RoleGrant>, ApiError> {
        let rows: Vec<RoleRow> = self
            .all(
                "SELECT role, scope_kind, scope_id FROM account_roles WHERE account_id = ?1 \
                 ORDER BY role, scope_kind, scope_id LIMIT 100",
                &[account_id.into()],
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                let role = AccountRole::parse(&r.role)
                    .ok_or_else(|| ApiError::Storage(format!("bad role {}", r.role)))?;
                let scope = match r.scope_kind.as_str() {
                    "grid" => Scope::Grid(r.scope_id),
                    "department" => Scope::Department(r.scope_id),
                    "shop" => Scope::Shop(r.scope_id),
                    other => return Err(ApiError::Storage(format!("bad scope kind {other}"))),
                };
                Ok(RoleGrant { role, scope })
            })
            .collect()
    }

    /// When each failure under `key` since `since` happened, oldest first (bounded: the
    /// throttle only needs to know whether the limit is reached).
    pub async fn failures_since(
        &self,
        key: &str,
        since: i64,
        limit: u32,
    ) -> Result<Vec<i64>, ApiError> {
        let rows: Vec<AtRow> = self
            .all(
                "SELECT at FROM sign_in_failures WHERE key = ?1 AND at > ?2 ORDER BY at LIMIT ?3",
                &[key.into(), ms(since), JsValue::from(limit)],
            )
            .await?;
        Ok(rows.into_iter().map(|r| r.at as i64).collect())
    }

    /// Records one failed attempt under each key, and forgets failures older than `expired`.
    pub async fn record_failure(
        &self,
        keys: &[String],
        at: i64,
        id: &str,
        expired: i64,
    ) -> Result<(), ApiError> {
        let mut stmts = Vec::new();
        for key in keys {
            stmts.push(
                self.db
                    .prepare("INSERT INTO sign_in_failures (key, at, id) VALUES (?1, ?2, ?3)")
                    .bind(&[key.as_str().into(), ms(at), id.into()])
                    .map_err(storage)?,
            );
            stmts.push(
                self.db
                    .prepare("DELETE FROM sign_in_failures WHERE key = ?1 AND at <= ?2")
                    .bind(&[key.as_str().into(), ms(expired)])
                    .map_err(storage)?,
            );
        }
        self.db.batch(stmts).await.map_err(storage)?;
        Ok(())
    }

    /// Takes back an attempt that succeeded (its rows under each key).
    pub async fn withdraw_failure(
        &self,
        keys: &[String],
        at: i64,
        id: &str,
    ) -> Result<(), ApiError> {
        let mut stmts = Vec::new();
        for key in keys {
            stmts.push(
                self.db
                    .prepare("DELETE FROM sign_in_failures WHERE key = ?1 AND at = ?2 AND id = ?3")
                    .bind(&[key.as_str().into(), ms(at), id.into()])
                    .map_err(storage)?,
            );
        }
        self.db.batch(stmts).await.map_err(storage)?;
        Ok(())
    }

    /// A successful sign-in clears the account's failures (not the address's).
    pub async fn clear_failures(&self, key: &str) -> Result<(), ApiError> {
        self.exec("DELETE FROM sign_in_failures WHERE key = ?1", &[key.into()])
            .await?;
        Ok(())
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        account_id: &str,
        now: i64,
        expires: i64,
    ) -> Result<(), ApiError> {
        self.exec(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) \
                 VALUES (?1, ?2, ?3, ?4)",
            &[token_hash.into(), account_id.into(), ms(now), ms(expires)],
        )
        .await?;
        Ok(())
    }

    /// The account of a live session, and when the session ends.
    pub async fn session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<LiveSession>, ApiError> {
        let row = self
            .first::<SessionRow>(
                "SELECT s.account_id, s.expires_at, a.household_id FROM sessions s \
                 JOIN accounts a ON a.id = s.account_id \
                 WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND a.active = 1",
                &[token_hash.into(), ms(now)],
            )
            .await?;
        Ok(row.map(|r| LiveSession {
            account_id: r.account_id,
            household_id: r.household_id,
            expires_at: r.expires_at as i64,
        }))
    }

    pub async fn extend_session(&self, token_hash: &str, expires: i64) -> Result<(), ApiError> {
        self.exec(
            "UPDATE sessions SET expires_at = ?2 WHERE token_hash = ?1",
            &[token_hash.into(), ms(expires)],
        )
        .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), ApiError> {
        self.exec(
            "DELETE FROM sessions WHERE token_hash = ?1",
            &[token_hash.into()],
        )
        .await?;
        Ok(())
    }

    /// Signs an account out everywhere (the `sessions_by_account` index).
    pub async fn delete_sessions_of(&self, account_id: &str) -> Result<(), ApiError> {
        self.exec(
            "DELETE FROM sessions WHERE account_id = ?1",
            &[account_id.into()],
        )
        .await?;
        Ok(())
    }

    /// Sets an account's password (and login, if given) and ends its other sessions, in one
    /// batch. A login taken meanwhile aborts it (`AlreadyExists`).
    #[allow(clippy::too_many_arguments)]
    pub async fn set_password(
        &self,
        account_id: &str,
        login: &str,
        hash: &str,
        salt: &str,
        iterations: u32,
        keep_session: &str,
    ) -> Result<(), ApiError> {
        let stmts = vec![
            self.db
                .prepare(
                    "UPDATE accounts SET login = ?2, password_hash = ?3, password_salt = ?4, \
                     password_iterations = ?5 WHERE id = ?1",
                )
                .bind(&[
                    account_id.into(),
                    login.into(),
                    hash.into(),
                    salt.into(),
                    f64::from(iterations).into(),
                ])
                .map_err(storage)?,
            self.db
                .prepare("DELETE FROM sessions WHERE account_id = ?1 AND token_hash != ?2")
                .bind(&[account_id.into(), keep_session.into()])
                .map_err(storage)?,
        ];
        self.batch(stmts).await
    }
}
