//! Storage for administration: whole-list imports (one D1 batch each: all of the file or
//! nothing) and exports read in keyset pages.

use super::{ms, storage, Store};
use crate::crypto::{hex, random_bytes};
use crate::error::ApiError;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use wangge_core::accounts::{AccountRole, RoleGrant, Scope};
use wangge_core::admin::{
    Department, GridAdmin, GridChild, GridRow, HouseholdRow, MemberRow, PersonRow, StaffAccount,
};
use wangge_core::grids::{GridCode, GridKind, GridLevel};
use wangge_core::households::Relation;
use wasm_bindgen::JsValue;
use worker::D1PreparedStatement;

/// Export pages: households per query, and a cap on staff role rows.
const PAGE: usize = 500;
const MAX_PAGES: usize = 200;
const MAX_ROLE_ROWS: usize = 20_000;

fn kind_str(k: GridKind) -> &'static str {
    match k {
        GridKind::Basic => "basic",
        GridKind::Dedicated => "dedicated",
    }
}

fn level_str(code: &GridCode) -> &'static str {
    match code.as_str().len() {
        6 => "county",
        9 => "township",
        12 => "village",
        _ => "grid",
    }
}

/// A scope as stored: (kind, id).
fn scope_parts(s: &Scope) -> (&'static str, &str) {
    match s {
        Scope::Grid(id) => ("grid", id),
        Scope::Department(id) => ("department", id),
        Scope::Shop(id) => ("shop", id),
    }
}

/// The grid-card position a staff role stands for, if it has one.
fn card_role(role: AccountRole) -> Option<&'static str> {
    match role {
        AccountRole::GridWorker => Some("grid_worker"),
        AccountRole::GridLeader => Some("grid_leader"),
        AccountRole::GridInstructor => Some("instructor"),
        _ => None,
    }
}

fn flag(b: bool) -> JsValue {
    f64::from(u8::from(b)).into()
}

fn opt(v: Option<&str>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from)
}

impl Store {
    fn stmt(&self, sql: &str, params: &[JsValue]) -> Result<D1PreparedStatement, ApiError> {
        self.db.prepare(sql).bind(params).map_err(storage)
    }

    /// Every grid code (a township has a few hundred), for the import's parent checks.
    pub async fn grid_codes(&self) -> Result<HashSet<String>, ApiError> {
        Ok(self
            .all_grids()
            .await?
            .into_iter()
            .map(|n| n.code)
            .collect())
    }

    /// Which of `logins` are residents' accounts (never turned into staff), in one query.
    pub async fn resident_logins(&self, logins: &[&str]) -> Result<HashSet<String>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            login: String,
        }
        Ok(self
            .all::<Row>(
                "SELECT DISTINCT a.login FROM accounts a \
                 JOIN account_roles r ON r.account_id = a.id \
                 WHERE a.login IN (SELECT value FROM json_each(?1)) AND r.role = 'resident'",
                &[serde_json::to_string(logins)?.into()],
            )
            .await?
            .into_iter()
            .map(|r| r.login)
            .collect())
    }

    /// Creates or updates every grid, parents first, in one batch.
    pub async fn import_grids(&self, rows: &[GridRow], now: i64) -> Result<(), ApiError> {
        let mut sorted: Vec<&GridRow> = rows.iter().collect();
        sorted.sort_by(|a, b| a.code.as_str().cmp(b.code.as_str()));
        // A listed grid is active again: the file says how the tree should be.
        let stmts = sorted
            .into_iter()
            .map(|r| self.grid_stmt(r, true, now))
            .collect::<Result<Vec<_>, _>>()?;
        self.batch(stmts).await
    }

    /// Creates or updates one grid (import and the admin screen write the same way).
    fn grid_stmt(
        &self,
        r: &GridRow,
        active: bool,
        now: i64,
    ) -> Result<D1PreparedStatement, ApiError> {
        self.stmt(
            "INSERT INTO grids (code, parent_code, name, level, kind, scope, households, \
             updated_at, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
             scope = excluded.scope, households = excluded.households, \
             updated_at = excluded.updated_at, active = excluded.active",
            &[
                r.code.as_str().into(),
                opt(r.parent().as_ref().map(GridCode::as_str)),
                r.name.as_str().into(),
                level_str(&r.code).into(),
                kind_str(r.kind).into(),
                r.scope.as_str().into(),
                r.households.map_or(JsValue::NULL, |n| f64::from(n).into()),
                ms(now),
                flag(active),
            ],
        )
    }

    /// Creates or updates staff accounts, replaces their roles, and keeps their places on
    /// grid cards (worker, leader, instructor) in step — one batch.
    pub async fn import_people(&self, rows: &[PersonRow], now: i64) -> Result<(), ApiError> {
        let stmts = self.people_stmts(rows, true, now).await?;
        self.batch(stmts).await
    }

    /// The statements that write staff accounts as `rows` say, active or not. A
    /// deactivated account keeps its roles (history) but leaves the grid cards, and its
    /// sessions and unused activations end.
    async fn people_stmts(
        &self,
        rows: &[PersonRow],
        active: bool,
        now: i64,
    ) -> Result<Vec<D1PreparedStatement>, ApiError> {
        #[derive(Deserialize)]
        struct Existing {
            id: String,
            login: String,
            person_id: Option<String>,
        }
        let logins: Vec<&str> = rows.iter().map(|r| r.login.as_str()).collect();
        let existing: HashMap<String, Existing> = self
            .all::<Existing>(
                "SELECT id, login, person_id FROM accounts \
                 WHERE login IN (SELECT value FROM json_each(?1))",
                &[serde_json::to_string(&logins)?.into()],
            )
            .await?
            .into_iter()
            .map(|e| (e.login.clone(), e))
            .collect();
        let mut stmts = Vec::new();
        for r in rows {
            let old = existing.get(&r.login);
            // New ids are random, not made from the login: a login can be renamed and
            // taken up again by someone else, who must not land on the renamed account.
            let account_id = match old {
                Some(e) => e.id.clone(),
                None => format!("acc-{}", hex(&random_bytes(8)?)),
            };
            let person_id = match old.and_then(|e| e.person_id.clone()) {
                Some(p) => p,
                None => format!("p-{}", hex(&random_bytes(8)?)),
            };
            let has_person = r.phone.is_some();
            if let Some(phone) = &r.phone {
                stmts.push(self.stmt(
                    "INSERT INTO people (id, name, phone, updated_at) VALUES (?1, ?2, ?3, ?4) \
                     ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, \
                     updated_at = excluded.updated_at",
                    &[
                        person_id.as_str().into(),
                        r.name.as_str().into(),
                        phone.as_str().into(),
                        ms(now),
                    ],
                )?);
            }
            stmts.push(self.stmt(
                "INSERT INTO accounts (id, login, name, person_id, active, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?6, ?5) \
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, \
                 person_id = COALESCE(excluded.person_id, accounts.person_id), \
                 active = excluded.active",
                &[
                    account_id.as_str().into(),
                    r.login.as_str().into(),
                    r.name.as_str().into(),
                    opt(has_person.then_some(person_id.as_str())),
                    ms(now),
                    flag(active),
                ],
            )?);
            if !active {
                for sql in [
                    "DELETE FROM sessions WHERE account_id = ?1",
                    "DELETE FROM activations WHERE account_id = ?1 AND used_at IS NULL",
                ] {
                    stmts.push(self.stmt(sql, &[account_id.as_str().into()])?);
                }
            }
            stmts.push(self.stmt(
                "DELETE FROM account_roles WHERE account_id = ?1",
                &[account_id.as_str().into()],
            )?);
            stmts.push(self.stmt(
                "DELETE FROM grid_assignments WHERE person_id = ?1 \
                 AND role IN ('grid_worker', 'grid_leader', 'instructor')",
                &[person_id.as_str().into()],
            )?);
            for (i, (_, RoleGrant { role, scope })) in r.grants.iter().enumerate() {
                let (kind, id) = scope_parts(scope);
                stmts.push(self.stmt(
                    "INSERT INTO account_roles (account_id, role, scope_kind, scope_id) \
                     VALUES (?1, ?2, ?3, ?4)",
                    &[
                        account_id.as_str().into(),
                        role.as_str().into(),
                        kind.into(),
                        id.into(),
                    ],
                )?);
                if let (true, Some(card), Scope::Grid(code)) =
                    (has_person && active, card_role(*role), scope)
                {
                    stmts.push(self.stmt(
                        "INSERT INTO grid_assignments (grid_code, person_id, role, commitment, \
                         sort, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                         ON CONFLICT (grid_code, person_id, role) DO UPDATE SET \
                         commitment = excluded.commitment, updated_at = excluded.updated_at",
                        &[
                            code.as_str().into(),
                            person_id.as_str().into(),
                            card.into(),
                            r.commitment.as_str().into(),
                            (i as f64).into(),
                            ms(now),
                        ],
                    )?);
                }
            }
        }
        Ok(stmts)
    }

    /// Creates or updates households; a listed household's members become the file's (the
    /// old ones are deactivated: history may refer to them) — one batch.
    pub async fn import_households(
        &self,
        rows: &[HouseholdRow],
        by: &str,
        now: i64,
    ) -> Result<(), ApiError> {
        // Members keep their ids across imports (history refers to them): a file member
        // takes the id of an active member of that household with the same name.
        #[derive(Deserialize)]
        struct Known {
            id: String,
            household_id: String,
            name: String,
        }
        let ids: Vec<&str> = rows.iter().map(|h| h.id.as_str()).collect();
        let known: Vec<Known> = self
            .all(
                "SELECT id, household_id, name FROM household_members \
                 WHERE household_id IN (SELECT value FROM json_each(?1)) AND active = 1 \
                 ORDER BY household_id, sort, id",
                &[serde_json::to_string(&ids)?.into()],
            )
            .await?;
        let mut free: HashMap<(String, String), Vec<String>> = HashMap::new();
        for k in known.into_iter().rev() {
            free.entry((k.household_id, k.name)).or_default().push(k.id);
        }
        let mut stmts = Vec::new();
        for h in rows {
            stmts.push(self.stmt(
                "INSERT INTO households (id, grid_code, address, active, updated_at, created_by) \
                 VALUES (?1, ?2, ?3, 1, ?4, ?5) \
                 ON CONFLICT (id) DO UPDATE SET grid_code = excluded.grid_code, \
                 address = excluded.address, active = 1, updated_at = excluded.updated_at",
                &[
                    h.id.as_str().into(),
                    h.grid_code.as_str().into(),
                    h.address.as_str().into(),
                    ms(now),
                    by.into(),
                ],
            )?);
            stmts.push(self.stmt(
                "UPDATE household_members SET active = 0, updated_at = ?2 \
                 WHERE household_id = ?1 AND active = 1",
                &[h.id.as_str().into(), ms(now)],
            )?);
            for (i, m) in h.members.iter().enumerate() {
                let id = match free
                    .get_mut(&(h.id.clone(), m.name.clone()))
                    .and_then(Vec::pop)
                {
                    Some(id) => id,
                    None => format!("m-{}", hex(&random_bytes(8)?)),
                };
                stmts.push(self.stmt(
                    "INSERT INTO household_members \
                     (id, household_id, name, relation, phone, sort, active, updated_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7) \
                     ON CONFLICT (id) DO UPDATE SET name = excluded.name, \
                     relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, \
                     active = 1, updated_at = excluded.updated_at",
                    &[
                        id.into(),
                        h.id.as_str().into(),
                        m.name.as_str().into(),
                        m.relation.as_str().into(),
                        opt(m.phone.as_deref()),
                        (i as f64).into(),
                        ms(now),
                    ],
                )?);
            }
        }
        self.batch(stmts).await
    }

    /// Every grid as an import row (the tree's keyset pages).
    pub async fn export_grids(&self) -> Result<Vec<GridRow>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            code: String,
            name: String,
            kind: GridKind,
            scope: String,
            households: Option<u32>,
        }
        let mut out = Vec::new();
        let mut after = String::new();
        for _ in 0..MAX_PAGES {
            let page: Vec<Row> = self
                .all(
                    "SELECT code, name, kind, scope, households FROM grids WHERE code > ?1 \
                     AND active = 1 ORDER BY code LIMIT ?2",
                    &[after.as_str().into(), (PAGE as f64).into()],
                )
                .await?;
            let full = page.len() == PAGE;
            for r in page {
                after = r.code.clone();
                let code = GridCode::parse(&r.code)
                    .map_err(|e| ApiError::Storage(format!("grid {}: {e}", r.code)))?;
                out.push(GridRow {
                    line: 0,
                    code,
                    name: r.name,
                    kind: r.kind,
                    scope: r.scope,
                    households: r.households,
                });
            }
            if !full {
                break;
            }
        }
        Ok(out)
    }

    /// Every active staff account with its roles, as import rows.
    pub async fn export_people(&self) -> Result<Vec<PersonRow>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            login: String,
            name: String,
            phone: Option<String>,
            role: String,
            scope_kind: String,
            scope_id: String,
            commitment: Option<String>,
        }
        let rows: Vec<Row> = self
            .all(
                "SELECT a.login, a.name, p.phone, r.role, r.scope_kind, r.scope_id, \
                   (SELECT g.commitment FROM grid_assignments g WHERE g.person_id = a.person_id \
                      AND g.grid_code = r.scope_id LIMIT 1) AS commitment \
                 FROM accounts a JOIN account_roles r ON r.account_id = a.id \
                 LEFT JOIN people p ON p.id = a.person_id \
                 WHERE a.active = 1 AND r.role != 'resident' \
                 ORDER BY a.login, r.role, r.scope_id LIMIT ?1",
                &[(MAX_ROLE_ROWS as f64).into()],
            )
            .await?;
        let mut people: BTreeMap<String, PersonRow> = BTreeMap::new();
        for r in rows {
            let (Some(role), scope) = (
                AccountRole::parse(&r.role),
                match r.scope_kind.as_str() {
                    "grid" => Scope::Grid(r.scope_id),
                    "department" => Scope::Department(r.scope_id),
                    _ => Scope::Shop(r.scope_id),
                },
            ) else {
                continue;
            };
            let p = people.entry(r.login.clone()).or_insert_with(|| PersonRow {
                line: 0,
                login: r.login,
                name: r.name,
                phone: r.phone,
                grants: Vec::new(),
                commitment: String::new(),
            });
            if p.commitment.is_empty() {
                p.commitment = r.commitment.unwrap_or_default();
            }
            p.grants.push((0, RoleGrant { role, scope }));
        }
        Ok(people.into_values().collect())
    }

    /// Every active household with its active members, as import rows (keyset pages).
    pub async fn export_households(&self) -> Result<Vec<HouseholdRow>, ApiError> {
        #[derive(Deserialize)]
        struct Home {
            id: String,
            grid_code: String,
            address: String,
        }
        #[derive(Deserialize)]
        struct Person {
            household_id: String,
            name: String,
            relation: Relation,
            phone: Option<String>,
        }
        let mut out = Vec::new();
        let mut after = String::new();
        for _ in 0..MAX_PAGES {
            let homes: Vec<Home> = self
                .all(
                    "SELECT id, grid_code, address FROM households WHERE id > ?1 AND active = 1 \
                     ORDER BY id LIMIT ?2",
                    &[after.as_str().into(), (PAGE as f64).into()],
                )
                .await?;
            let full = homes.len() == PAGE;
            let Some(last) = homes.last() else {
                break;
            };
            after = last.id.clone();
            let ids: Vec<&str> = homes.iter().map(|h| h.id.as_str()).collect();
            let members: Vec<Person> = self
                .all(
                    "SELECT household_id, name, relation, phone FROM household_members \
                     WHERE household_id IN (SELECT value FROM json_each(?1)) AND active = 1 \
                     ORDER BY household_id, sort, id",
                    &[serde_json::to_string(&ids)?.into()],
                )
                .await?;
            let mut by_home: HashMap<String, Vec<MemberRow>> = HashMap::new();
            for m in members {
                by_home.entry(m.household_id).or_default().push(MemberRow {
                    line: 0,
                    name: m.name,
                    relation: m.relation,
                    phone: m.phone,
                });
            }
            for h in homes {
                let code = GridCode::parse(&h.grid_code)
                    .map_err(|e| ApiError::Storage(format!("household {}: {e}", h.id)))?;
                out.push(HouseholdRow {
                    line: 0,
                    members: by_home.remove(&h.id).unwrap_or_default(),
                    id: h.id,
                    grid_code: code,
                    address: h.address,
                });
            }
            if !full {
                break;
            }
        }
        Ok(out)
    }

    /// The grids a person is posted on (`grid_assignments_by_person`).
    pub async fn person_grids(&self, person_id: &str) -> Result<Vec<String>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            grid_code: String,
        }
        Ok(self
            .all::<Row>(
                "SELECT grid_code FROM grid_assignments WHERE person_id = ?1 LIMIT 100",
                &[person_id.into()],
            )
            .await?
            .into_iter()
            .map(|r| r.grid_code)
            .collect())
    }

    /// Shows or hides a person's work phone in full, recording who decided and when;
    /// false if there is no such person.
    pub async fn set_phone_public(
        &self,
        person_id: &str,
        public: bool,
        by: &str,
        now: i64,
    ) -> Result<bool, ApiError> {
        let result = self
            .exec(
                "UPDATE people SET phone_public = ?2, phone_consent_by = ?3, \
                 phone_consent_at = ?4, updated_at = ?4 WHERE id = ?1",
                &[
                    person_id.into(),
                    f64::from(u8::from(public)).into(),
                    by.into(),
                    ms(now),
                ],
            )
            .await?;
        Ok(result
            .meta()
            .map_err(storage)?
            .and_then(|m| m.changes)
            .unwrap_or(0)
            == 1)
    }

    /// Households already stored under any of `ids`: (id, grid, anonymised).
    pub async fn households_state(
        &self,
        ids: &[&str],
    ) -> Result<Vec<(String, String, bool)>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            id: String,
            grid_code: String,
            anonymised: u8,
        }
        Ok(self
            .all::<Row>(
                "SELECT id, grid_code, (address = ?2) AS anonymised FROM households \
                 WHERE id IN (SELECT value FROM json_each(?1))",
                &[
                    serde_json::to_string(ids)?.into(),
                    wangge_core::privacy::ANONYMISED_ADDRESS.into(),
                ],
            )
            .await?
            .into_iter()
            .map(|r| (r.id, r.grid_code, r.anonymised == 1))
            .collect())
    }

    /// Every role the accounts with these logins hold now: (login, grant).
    pub async fn roles_of_logins(
        &self,
        logins: &[&str],
    ) -> Result<Vec<(String, RoleGrant)>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            login: String,
            role: String,
            scope_kind: String,
            scope_id: String,
        }
        Ok(self
            .all::<Row>(
                "SELECT a.login, r.role, r.scope_kind, r.scope_id FROM accounts a \
                 JOIN account_roles r ON r.account_id = a.id \
                 WHERE a.login IN (SELECT value FROM json_each(?1))",
                &[serde_json::to_string(logins)?.into()],
            )
            .await?
            .into_iter()
            .filter_map(|r| {
                let role = AccountRole::parse(&r.role)?;
                let scope = match r.scope_kind.as_str() {
                    "grid" => Scope::Grid(r.scope_id),
                    "department" => Scope::Department(r.scope_id),
                    _ => Scope::Shop(r.scope_id),
                };
                Some((r.login, RoleGrant { role, scope }))
            })
            .collect())
    }

    /// A grid as its administrator sees it (deactivated ones too), with its children
    /// (`grids_by_parent`), in one batch.
    pub async fn admin_grid(&self, code: &str) -> Result<Option<GridAdmin>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            code: String,
            name: String,
            level: GridLevel,
            kind: GridKind,
            scope: String,
            households: Option<u32>,
            active: u8,
        }
        #[derive(Deserialize)]
        struct Child {
            code: String,
            name: String,
            active: u8,
        }
        let c = [JsValue::from(code)];
        let results = self
            .db
            .batch(vec![
                self.stmt(
                    "SELECT code, name, level, kind, scope, households, active FROM grids \
                     WHERE code = ?1",
                    &c,
                )?,
                // Three digits of code per level: at most 999 children.
                self.stmt(
                    "SELECT code, name, active FROM grids WHERE parent_code = ?1 \
                     ORDER BY code LIMIT 1000",
                    &c,
                )?,
            ])
            .await
            .map_err(storage)?;
        let [grid, children] = results.as_slice() else {
            return Err(ApiError::Storage("batch returned the wrong count".into()));
        };
        let Some(g) = grid.results::<Row>().map_err(storage)?.pop() else {
            return Ok(None);
        };
        let children = children
            .results::<Child>()
            .map_err(storage)?
            .into_iter()
            .map(|c| GridChild {
                code: c.code,
                name: c.name,
                active: c.active == 1,
            })
            .collect();
        Ok(Some(GridAdmin {
            code: g.code,
            name: g.name,
            level: g.level,
            kind: g.kind,
            scope: g.scope,
            households: g.households,
            active: g.active == 1,
            children,
        }))
    }

    /// What still hangs on a grid: (active child grids, active households), both read
    /// through indexes (`grids_by_parent`, `households_by_grid`).
    pub async fn grid_in_use(&self, code: &str) -> Result<(u32, u32), ApiError> {
        #[derive(Deserialize)]
        struct Row {
            grids: u32,
            households: u32,
        }
        let r = self
            .first::<Row>(
                "SELECT (SELECT count(*) FROM grids WHERE parent_code = ?1 AND active = 1) \
                   AS grids, \
                 (SELECT count(*) FROM households WHERE grid_code = ?1 AND active = 1) \
                   AS households",
                &[code.into()],
            )
            .await?
            .ok_or_else(|| ApiError::Storage("count returned no row".into()))?;
        Ok((r.grids, r.households))
    }

    /// Creates or updates one grid.
    pub async fn save_grid(&self, row: &GridRow, active: bool, now: i64) -> Result<(), ApiError> {
        let stmt = self.grid_stmt(row, active, now)?;
        self.batch(vec![stmt]).await
    }

    /// Creates or updates one staff account and its roles, active or not, in one batch.
    pub async fn save_account(
        &self,
        row: &PersonRow,
        active: bool,
        now: i64,
    ) -> Result<(), ApiError> {
        let stmts = self
            .people_stmts(std::slice::from_ref(row), active, now)
            .await?;
        self.batch(stmts).await
    }

    /// One page of staff accounts (deactivated ones too) in login order, over the login
    /// index; `full` when there may be more.
    pub async fn staff_page(
        &self,
        after: &str,
        limit: usize,
    ) -> Result<(Vec<StaffAccount>, bool), ApiError> {
        let accounts: Vec<AccountRow> = self
            .all(
                &format!(
                    "SELECT {STAFF_COLUMNS} WHERE a.login > ?1 AND a.household_id IS NULL \
                     ORDER BY a.login LIMIT ?2"
                ),
                &[after.into(), (limit as f64).into()],
            )
            .await?;
        let full = accounts.len() == limit;
        Ok((self.with_roles(accounts).await?, full))
    }

    /// One staff account by login, deactivated or not.
    pub async fn staff_account(&self, login: &str) -> Result<Option<StaffAccount>, ApiError> {
        let accounts: Vec<AccountRow> = self
            .all(
                &format!("SELECT {STAFF_COLUMNS} WHERE a.login = ?1 AND a.household_id IS NULL"),
                &[login.into()],
            )
            .await?;
        Ok(self.with_roles(accounts).await?.pop())
    }

    /// Adds roles and 服务承诺 to accounts; residents' accounts are left out.
    async fn with_roles(&self, accounts: Vec<AccountRow>) -> Result<Vec<StaffAccount>, ApiError> {
        #[derive(Deserialize)]
        struct Grant {
            account_id: String,
            role: String,
            scope_kind: String,
            scope_id: String,
        }
        #[derive(Deserialize)]
        struct Commitment {
            person_id: String,
            commitment: String,
        }
        if accounts.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<&str> = accounts.iter().map(|a| a.id.as_str()).collect();
        let people: Vec<&str> = accounts
            .iter()
            .filter_map(|a| a.person_id.as_deref())
            .collect();
        let grants: Vec<Grant> = self
            .all(
                "SELECT account_id, role, scope_kind, scope_id FROM account_roles \
                 WHERE account_id IN (SELECT value FROM json_each(?1)) \
                 ORDER BY account_id, role, scope_id",
                &[serde_json::to_string(&ids)?.into()],
            )
            .await?;
        let commitments: Vec<Commitment> = self
            .all(
                "SELECT person_id, commitment FROM grid_assignments \
                 WHERE person_id IN (SELECT value FROM json_each(?1)) AND commitment != '' \
                 ORDER BY person_id, sort",
                &[serde_json::to_string(&people)?.into()],
            )
            .await?;
        let mut roles: HashMap<String, Vec<RoleGrant>> = HashMap::new();
        let mut residents: HashSet<String> = HashSet::new();
        for g in grants {
            let Some(role) = AccountRole::parse(&g.role) else {
                continue;
            };
            if role == AccountRole::Resident {
                residents.insert(g.account_id.clone());
            }
            let scope = match g.scope_kind.as_str() {
                "grid" => Scope::Grid(g.scope_id),
                "department" => Scope::Department(g.scope_id),
                _ => Scope::Shop(g.scope_id),
            };
            roles
                .entry(g.account_id)
                .or_default()
                .push(RoleGrant { role, scope });
        }
        let mut promised: HashMap<String, String> = HashMap::new();
        for c in commitments {
            promised.entry(c.person_id).or_insert(c.commitment);
        }
        Ok(accounts
            .into_iter()
            .filter(|a| !residents.contains(&a.id))
            .map(|a| StaffAccount {
                roles: roles.remove(&a.id).unwrap_or_default(),
                commitment: a
                    .person_id
                    .as_ref()
                    .and_then(|p| promised.get(p).cloned())
                    .unwrap_or_default(),
                login: a.login,
                name: a.name,
                phone: a.phone,
                person_id: a.person_id,
                phone_public: a.phone_public == Some(1),
                active: a.active == 1,
                has_password: a.has_password == 1,
            })
            .collect())
    }

    /// One page of departments in id order (primary key).
    pub async fn departments_page(
        &self,
        after: &str,
        limit: usize,
    ) -> Result<(Vec<Department>, bool), ApiError> {
        let rows: Vec<DepartmentRow> = self
            .all(
                "SELECT id, name, area, active FROM departments WHERE id > ?1 \
                 ORDER BY id LIMIT ?2",
                &[after.into(), (limit as f64).into()],
            )
            .await?;
        let full = rows.len() == limit;
        Ok((rows.into_iter().map(Department::from).collect(), full))
    }

    /// The departments with these ids (primary key), deactivated ones included.
    pub async fn departments(&self, ids: &[&str]) -> Result<Vec<Department>, ApiError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<DepartmentRow> = self
            .all(
                "SELECT id, name, area, active FROM departments \
                 WHERE id IN (SELECT value FROM json_each(?1))",
                &[serde_json::to_string(ids)?.into()],
            )
            .await?;
        Ok(rows.into_iter().map(Department::from).collect())
    }

    /// Creates or updates one department.
    pub async fn save_department(&self, d: &Department, now: i64) -> Result<(), ApiError> {
        let stmt = self.stmt(
            "INSERT INTO departments (id, name, area, active, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, area = excluded.area, \
             active = excluded.active, updated_at = excluded.updated_at",
            &[
                d.id.as_str().into(),
                d.name.as_str().into(),
                d.area.as_str().into(),
                flag(d.active),
                ms(now),
            ],
        )?;
        self.batch(vec![stmt]).await
    }
}

/// A staff account's own columns (`STAFF_COLUMNS`).
#[derive(Deserialize)]
struct AccountRow {
    id: String,
    login: String,
    name: String,
    person_id: Option<String>,
    active: u8,
    has_password: u8,
    phone: Option<String>,
    phone_public: Option<u8>,
}

const STAFF_COLUMNS: &str = "a.id, a.login, a.name, a.person_id, a.active, \
     (a.password_hash IS NOT NULL) AS has_password, p.phone, p.phone_public \
     FROM accounts a LEFT JOIN people p ON p.id = a.person_id";

#[derive(Deserialize)]
pub(crate) struct DepartmentRow {
    id: String,
    name: String,
    area: String,
    active: u8,
}

impl From<DepartmentRow> for Department {
    fn from(r: DepartmentRow) -> Self {
        Department {
            id: r.id,
            name: r.name,
            area: r.area,
            active: r.active == 1,
        }
    }
}
