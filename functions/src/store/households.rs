//! Storage for households, their members, residents' accounts and activations.

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::accounts::{Household, Member, Relation};
use wasm_bindgen::JsValue;

#[derive(Deserialize)]
struct HouseholdRow {
    id: String,
    grid_code: String,
    address: String,
}

#[derive(Deserialize)]
struct MemberRow {
    id: String,
    name: String,
    relation: Relation,
    phone: Option<String>,
}

#[derive(Deserialize)]
struct IdRow {
    id: String,
}

/// An activation as stored.
#[derive(Deserialize)]
pub struct StoredActivation {
    pub id: String,
    pub account_id: String,
    pub expires_at: f64,
    pub used_at: Option<f64>,
}

impl Store {
    /// The grid an active household belongs to (primary key).
    pub async fn household_grid(&self, id: &str) -> Result<Option<String>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            grid_code: String,
        }
        Ok(self
            .first::<Row>(
                "SELECT grid_code FROM households WHERE id = ?1 AND active = 1",
                &[id.into()],
            )
            .await?
            .map(|r| r.grid_code))
    }

    /// A household with its active members, in one batch (one consistent snapshot).
    pub async fn household(&self, id: &str) -> Result<Option<Household>, ApiError> {
        let key: JsValue = id.into();
        let stmts = vec![
            self.db
                .prepare(
                    "SELECT id, grid_code, address FROM households WHERE id = ?1 AND active = 1",
                )
                .bind(std::slice::from_ref(&key)),
            self.db
                .prepare(
                    "SELECT id, name, relation, phone FROM household_members \
                     WHERE household_id = ?1 AND active = 1 ORDER BY sort, id LIMIT 50",
                )
                .bind(std::slice::from_ref(&key)),
        ]
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(storage)?;
        let results = self.db.batch(stmts).await.map_err(storage)?;
        let mut it = results.into_iter();
        let (Some(h), Some(m)) = (it.next(), it.next()) else {
            return Err(ApiError::Storage("household batch: missing results".into()));
        };
        let Some(row) = h
            .results::<HouseholdRow>()
            .map_err(storage)?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let members = m
            .results::<MemberRow>()
            .map_err(storage)?
            .into_iter()
            .map(|r| Member {
                id: r.id,
                name: r.name,
                relation: r.relation,
                phone: r.phone,
            })
            .collect();
        Ok(Some(Household {
            id: row.id,
            grid_code: row.grid_code,
            address: row.address,
            members,
        }))
    }

    /// The resident account of a household, if it has one (`accounts_by_household`): never
    /// a staff account that happens to be linked to the household.
    pub async fn resident_account_of(
        &self,
        household_id: &str,
    ) -> Result<Option<String>, ApiError> {
        Ok(self
            .first::<IdRow>(
                "SELECT a.id FROM accounts a WHERE a.household_id = ?1 AND a.active = 1 \
                 AND NOT EXISTS (SELECT 1 FROM account_roles r \
                     WHERE r.account_id = a.id AND r.role != 'resident') \
                 ORDER BY a.id LIMIT 1",
                &[household_id.into()],
            )
            .await?
            .map(|r| r.id))
    }

    /// Creates a household's resident account (no password: it gets in by activation).
    pub async fn create_resident_account(
        &self,
        id: &str,
        name: &str,
        household_id: &str,
        grid_code: &str,
        now: i64,
    ) -> Result<(), ApiError> {
        let stmts = vec![
            self.db
                .prepare(
                    "INSERT INTO accounts (id, login, name, household_id, active, created_at) \
                     VALUES (?1, ?1, ?2, ?3, 1, ?4)",
                )
                .bind(&[id.into(), name.into(), household_id.into(), ms(now)]),
            self.db
                .prepare(
                    "INSERT INTO account_roles (account_id, role, scope_kind, scope_id) \
                     VALUES (?1, 'resident', 'grid', ?2)",
                )
                .bind(&[id.into(), grid_code.into()]),
        ]
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(storage)?;
        self.db.batch(stmts).await.map_err(storage)?;
        Ok(())
    }

    /// A new activation replaces the account's earlier ones and ends its sessions (a lost
    /// phone stops working), all in one batch.
    #[allow(clippy::too_many_arguments)]
    pub async fn replace_activation(
        &self,
        id: &str,
        account_id: &str,
        token_hash: &str,
        code_hash: &str,
        created_by: &str,
        now: i64,
        expires: i64,
    ) -> Result<(), ApiError> {
        let acc: JsValue = account_id.into();
        let stmts = vec![
            self.db
                .prepare("DELETE FROM activations WHERE account_id = ?1")
                .bind(std::slice::from_ref(&acc)),
            self.db
                .prepare("DELETE FROM sessions WHERE account_id = ?1")
                .bind(std::slice::from_ref(&acc)),
            self.db
                .prepare(
                    "INSERT INTO activations (id, account_id, token_hash, code_hash, created_by, \
                     created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .bind(&[
                    id.into(),
                    acc.clone(),
                    token_hash.into(),
                    code_hash.into(),
                    created_by.into(),
                    ms(now),
                    ms(expires),
                ]),
        ]
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(storage)?;
        self.db.batch(stmts).await.map_err(storage)?;
        Ok(())
    }

    /// An activation by the hash of its link token or of its short code (both UNIQUE).
    pub async fn activation(&self, hash: &str) -> Result<Option<StoredActivation>, ApiError> {
        self.first::<StoredActivation>(
            "SELECT id, account_id, expires_at, used_at FROM activations \
                 WHERE token_hash = ?1 UNION ALL \
                 SELECT id, account_id, expires_at, used_at FROM activations WHERE code_hash = ?1 \
                 LIMIT 1",
            &[hash.into()],
        )
        .await
    }

    /// Marks an activation used; false if someone used it first (the check is in the SQL,
    /// so two phones racing with one code cannot both win).
    pub async fn use_activation(&self, id: &str, now: i64) -> Result<bool, ApiError> {
        let result = self
            .db
            .prepare("UPDATE activations SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL AND expires_at > ?2")
            .bind(&[id.into(), ms(now)])
            .map_err(storage)?
            .run()
            .await
            .map_err(storage)?;
        let changes = result
            .meta()
            .map_err(storage)?
            .and_then(|m| m.changes)
            .unwrap_or(0);
        Ok(changes == 1)
    }
}
