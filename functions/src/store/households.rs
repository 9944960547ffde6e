//! Storage for households, their members, residents' accounts and activations.

use super::{ms, storage, ClientWrite, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::households::{
    Household, HouseholdDraft, HouseholdSummary, Member, MemberDraft, Relation,
};
use wasm_bindgen::JsValue;
use worker::D1PreparedStatement;

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

    /// 迁出: deactivates the household (history refers to it) and its residents'
    /// accounts (not an account that also holds a staff role), ending their sessions and
    /// unused activations — one batch.
    pub async fn move_out(&self, id: &str, now: i64) -> Result<(), ApiError> {
        let p = |sql: &str, params: &[JsValue]| self.db.prepare(sql).bind(params).map_err(storage);
        let id: JsValue = id.into();
        let stmts = vec![
            p(
                "DELETE FROM sessions WHERE account_id IN \
                 (SELECT id FROM accounts WHERE household_id = ?1 AND NOT EXISTS \
                 (SELECT 1 FROM account_roles r WHERE r.account_id = accounts.id \
                  AND r.role != 'resident'))",
                std::slice::from_ref(&id),
            )?,
            p(
                "DELETE FROM activations WHERE used_at IS NULL AND account_id IN \
                 (SELECT id FROM accounts WHERE household_id = ?1 AND NOT EXISTS \
                 (SELECT 1 FROM account_roles r WHERE r.account_id = accounts.id \
                  AND r.role != 'resident'))",
                std::slice::from_ref(&id),
            )?,
            p(
                "UPDATE accounts SET active = 0 WHERE household_id = ?1 AND NOT EXISTS \
                 (SELECT 1 FROM account_roles r WHERE r.account_id = accounts.id \
                  AND r.role != 'resident')",
                std::slice::from_ref(&id),
            )?,
            p(
                "UPDATE households SET active = 0, updated_at = ?2 WHERE id = ?1",
                &[id.clone(), ms(now)],
            )?,
        ];
        self.batch(stmts).await
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

    /// The statement that inserts or revives member `m` of `household_id` at position `sort`.
    /// A member id of another household is left alone (`members_elsewhere` refuses it first).
    fn upsert_member(
        &self,
        household_id: &str,
        m: &MemberDraft,
        sort: usize,
        now: i64,
    ) -> Result<D1PreparedStatement, ApiError> {
        self.db
            .prepare(
                "INSERT INTO household_members \
                 (id, household_id, name, relation, phone, sort, active, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7) \
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, \
                 relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, \
                 active = 1, updated_at = excluded.updated_at \
                 WHERE household_members.household_id = excluded.household_id",
            )
            .bind(&[
                m.id.as_str().into(),
                household_id.into(),
                m.name.as_str().into(),
                m.relation.as_str().into(),
                m.phone.as_deref().map_or(JsValue::NULL, JsValue::from),
                (sort as f64).into(),
                ms(now),
            ])
            .map_err(storage)
    }

    /// Registers a household with its members, and records the client write that made
    /// it, in one batch: all of it lands or none. A taken id aborts it (`AlreadyExists`).
    pub async fn register_household(
        &self,
        grid_code: &str,
        draft: &HouseholdDraft,
        by: &str,
        write: &ClientWrite<'_>,
    ) -> Result<(), ApiError> {
        let mut stmts = vec![self
            .db
            .prepare(
                "INSERT INTO households (id, grid_code, address, active, updated_at, created_by) \
                 VALUES (?1, ?2, ?3, 1, ?4, ?5)",
            )
            .bind(&[
                draft.id.as_str().into(),
                grid_code.into(),
                draft.address.as_str().into(),
                ms(write.at),
                by.into(),
            ])
            .map_err(storage)?];
        for (i, m) in draft.members.iter().enumerate() {
            // Plain INSERT: a member id that exists anywhere aborts the registration.
            stmts.push(
                self.db
                    .prepare(
                        "INSERT INTO household_members \
                         (id, household_id, name, relation, phone, sort, active, updated_at) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)",
                    )
                    .bind(&[
                        m.id.as_str().into(),
                        draft.id.as_str().into(),
                        m.name.as_str().into(),
                        m.relation.as_str().into(),
                        m.phone.as_deref().map_or(JsValue::NULL, JsValue::from),
                        (i as f64).into(),
                        ms(write.at),
                    ])
                    .map_err(storage)?,
            );
        }
        stmts.push(self.record_write(write)?);
        self.batch(stmts).await
    }

    /// How many of `member_ids` belong to a household other than `household_id`.
    pub async fn members_elsewhere(
        &self,
        household_id: &str,
        member_ids: &[&str],
    ) -> Result<u32, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            n: u32,
        }
        let ids = serde_json::to_string(member_ids)?;
        Ok(self
            .first::<Row>(
                "SELECT count(*) AS n FROM household_members \
                 WHERE id IN (SELECT value FROM json_each(?1)) AND household_id != ?2",
                &[ids.into(), household_id.into()],
            )
            .await?
            .map_or(0, |r| r.n))
    }

    /// Replaces a household's address and members in one batch: members left out are
    /// deactivated (history may refer to them), the rest inserted or updated in order.
    pub async fn update_household(&self, draft: &HouseholdDraft, now: i64) -> Result<(), ApiError> {
        let id: JsValue = draft.id.as_str().into();
        let mut stmts = vec![
            self.db
                .prepare(
                    "UPDATE households SET address = ?2, updated_at = ?3 \
                     WHERE id = ?1 AND active = 1",
                )
                .bind(&[id.clone(), draft.address.as_str().into(), ms(now)])
                .map_err(storage)?,
            self.db
                .prepare(
                    "UPDATE household_members SET active = 0, updated_at = ?2 \
                     WHERE household_id = ?1 AND active = 1",
                )
                .bind(&[id, ms(now)])
                .map_err(storage)?,
        ];
        for (i, m) in draft.members.iter().enumerate() {
            stmts.push(self.upsert_member(&draft.id, m, i, now)?);
        }
        self.batch(stmts).await
    }

    /// One page of a grid's active households in id order, after `after`
    /// (`households_by_grid`, keyset: no OFFSET), with each one's head, member count and
    /// whether a resident phone got in.
    pub async fn grid_households(
        &self,
        grid_code: &str,
        after: &str,
        limit: usize,
    ) -> Result<Vec<HouseholdSummary>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            id: String,
            address: String,
            head: Option<String>,
            members: u32,
            activated: u8,
        }
        let rows: Vec<Row> = self
            .all(
                "SELECT h.id, h.address, \
                   (SELECT m.name FROM household_members m WHERE m.household_id = h.id \
                      AND m.active = 1 AND m.relation = 'head' ORDER BY m.sort LIMIT 1) AS head, \
                   (SELECT count(*) FROM household_members m WHERE m.household_id = h.id \
                      AND m.active = 1) AS members, \
                   EXISTS (SELECT 1 FROM accounts a JOIN activations v ON v.account_id = a.id \
                      WHERE a.household_id = h.id AND v.used_at IS NOT NULL) AS activated \
                 FROM households h WHERE h.grid_code = ?1 AND h.id > ?2 AND h.active = 1 \
                 ORDER BY h.id LIMIT ?3",
                &[grid_code.into(), after.into(), (limit as f64).into()],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| HouseholdSummary {
                id: r.id,
                address: r.address,
                head: r.head,
                members: r.members,
                activated: r.activated == 1,
            })
            .collect())
    }
}
