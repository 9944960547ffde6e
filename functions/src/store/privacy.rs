//! Storage for personal-data duties: the access log, deletion requests, anonymisation, and
//! what a resident may take away about their household.

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::privacy::{
    AccessAction, AccessEntry, ActivationRecord, DeletionRequest, ANONYMISED_ADDRESS,
    ANONYMISED_NAME,
};
use wasm_bindgen::JsValue;

#[derive(Deserialize)]
struct EntryRow {
    id: String,
    at: f64,
    login: String,
    name: String,
    action: AccessAction,
    subject: String,
}

impl From<EntryRow> for AccessEntry {
    fn from(r: EntryRow) -> Self {
        AccessEntry {
            id: r.id,
            at: r.at as i64,
            login: r.login,
            name: r.name,
            action: r.action,
            subject: r.subject,
        }
    }
}

#[derive(Deserialize)]
struct RequestRow {
    id: String,
    household_id: String,
    address: String,
    requested_at: f64,
    done_at: Option<f64>,
    grid_code: String,
}

impl RequestRow {
    fn into_request(self) -> (DeletionRequest, String) {
        (
            DeletionRequest {
                id: self.id,
                household_id: self.household_id,
                address: self.address,
                requested_at: self.requested_at as i64,
                done_at: self.done_at.map(|t| t as i64),
            },
            self.grid_code,
        )
    }
}

const ENTRY_COLUMNS: &str =
    "l.id, l.at, a.login, a.name, l.action, l.subject FROM access_log l JOIN accounts a ON a.id = l.account_id";
const REQUEST_COLUMNS: &str =
    "r.id, r.household_id, h.address, r.requested_at, r.done_at, h.grid_code \
     FROM deletion_requests r JOIN households h ON h.id = r.household_id";

impl Store {
    /// Records that `account_id` did `action` to `subject` (ids sort by time).
    pub async fn log_access(
        &self,
        id: &str,
        account_id: &str,
        action: AccessAction,
        subject: &str,
        now: i64,
    ) -> Result<(), ApiError> {
        self.exec(
            "INSERT INTO access_log (id, at, account_id, action, subject) VALUES (?1, ?2, ?3, ?4, ?5)",
            &[
                id.into(),
                ms(now),
                account_id.into(),
                action.as_str().into(),
                subject.into(),
            ],
        )
        .await?;
        Ok(())
    }

    /// The newest entries before `before` (keyset on the time-ordered primary key).
    pub async fn access_log(
        &self,
        before: &str,
        limit: usize,
    ) -> Result<Vec<AccessEntry>, ApiError> {
        let rows: Vec<EntryRow> = self
            .all(
                &format!("SELECT {ENTRY_COLUMNS} WHERE l.id < ?1 ORDER BY l.id DESC LIMIT ?2"),
                &[before.into(), (limit as f64).into()],
            )
            .await?;
        Ok(rows.into_iter().map(AccessEntry::from).collect())
    }

    /// One subject's entries, newest first (`access_log_by_subject`).
    pub async fn access_to(
        &self,
        subject: &str,
        limit: usize,
    ) -> Result<Vec<AccessEntry>, ApiError> {
        let rows: Vec<EntryRow> = self
            .all(
                &format!("SELECT {ENTRY_COLUMNS} WHERE l.subject = ?1 ORDER BY l.id DESC LIMIT ?2"),
                &[subject.into(), (limit as f64).into()],
            )
            .await?;
        Ok(rows.into_iter().map(AccessEntry::from).collect())
    }

    /// The activations ever issued for a household's resident accounts (the live ones:
    /// a new activation replaces the old).
    pub async fn activations_of(
        &self,
        household_id: &str,
    ) -> Result<Vec<ActivationRecord>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            created_at: f64,
            expires_at: f64,
            used_at: Option<f64>,
        }
        let rows: Vec<Row> = self
            .all(
                "SELECT v.created_at, v.expires_at, v.used_at FROM activations v \
                 JOIN accounts a ON a.id = v.account_id WHERE a.household_id = ?1 \
                 ORDER BY v.created_at DESC LIMIT 50",
                &[household_id.into()],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| ActivationRecord {
                created_at: r.created_at as i64,
                expires_at: r.expires_at as i64,
                used_at: r.used_at.map(|t| t as i64),
            })
            .collect())
    }

    /// The household's latest deletion request, if any.
    pub async fn deletion_request_of(
        &self,
        household_id: &str,
    ) -> Result<Option<DeletionRequest>, ApiError> {
        Ok(self
            .first::<RequestRow>(
                &format!(
                    "SELECT {REQUEST_COLUMNS} WHERE r.household_id = ?1 \
                     ORDER BY r.requested_at DESC LIMIT 1"
                ),
                &[household_id.into()],
            )
            .await?
            .map(|r| r.into_request().0))
    }

    pub async fn create_deletion_request(
        &self,
        id: &str,
        household_id: &str,
        by: &str,
        now: i64,
    ) -> Result<(), ApiError> {
        self.exec(
            "INSERT INTO deletion_requests (id, household_id, requested_by, requested_at) \
             VALUES (?1, ?2, ?3, ?4)",
            &[id.into(), household_id.into(), by.into(), ms(now)],
        )
        .await?;
        Ok(())
    }

    /// Open requests, oldest first, each with its household's grid (for the scope check).
    pub async fn open_deletion_requests(&self) -> Result<Vec<(DeletionRequest, String)>, ApiError> {
        let rows: Vec<RequestRow> = self
            .all(
                &format!(
                    "SELECT {REQUEST_COLUMNS} WHERE r.done_at IS NULL \
                     ORDER BY r.requested_at LIMIT 500"
                ),
                &[],
            )
            .await?;
        Ok(rows.into_iter().map(RequestRow::into_request).collect())
    }

    pub async fn deletion_request(
        &self,
        id: &str,
    ) -> Result<Option<(DeletionRequest, String)>, ApiError> {
        Ok(self
            .first::<RequestRow>(
                &format!("SELECT {REQUEST_COLUMNS} WHERE r.id = ?1"),
                &[id.into()],
            )
            .await?
            .map(RequestRow::into_request))
    }

    /// Carries a deletion out as anonymisation, in one batch: names, address and phones are
    /// replaced, the household and its resident accounts deactivated and signed out, the
    /// activations dropped — ids stay, so history keeps its shape. The request's own
    /// `done_at IS NULL` guard makes a second run change nothing.
    pub async fn anonymise(
        &self,
        request_id: &str,
        household_id: &str,
        by: &str,
        now: i64,
    ) -> Result<(), ApiError> {
        let hh: JsValue = household_id.into();
        let residents = "SELECT id FROM accounts WHERE household_id = ?1 AND NOT EXISTS \
             (SELECT 1 FROM account_roles r WHERE r.account_id = accounts.id AND r.role != 'resident')";
        let stmts = vec![
            self.db
                .prepare(
                    "UPDATE deletion_requests SET done_by = ?2, done_at = ?3 \
                     WHERE id = ?1 AND done_at IS NULL",
                )
                .bind(&[request_id.into(), by.into(), ms(now)]),
            self.db
                .prepare("UPDATE households SET address = ?2, active = 0, updated_at = ?3 WHERE id = ?1")
                .bind(&[hh.clone(), ANONYMISED_ADDRESS.into(), ms(now)]),
            self.db
                .prepare(
                    "UPDATE household_members SET name = ?2, phone = NULL, active = 0, \
                     updated_at = ?3 WHERE household_id = ?1",
                )
                .bind(&[hh.clone(), ANONYMISED_NAME.into(), ms(now)]),
            // The first answer kept for the registration's idempotency key held the names.
            self.db
                .prepare("UPDATE client_writes SET response = '{}' WHERE id = ?1")
                .bind(std::slice::from_ref(&hh)),
            self.db
                .prepare(format!("DELETE FROM sessions WHERE account_id IN ({residents})"))
                .bind(std::slice::from_ref(&hh)),
            self.db
                .prepare(format!("DELETE FROM activations WHERE account_id IN ({residents})"))
                .bind(std::slice::from_ref(&hh)),
            self.db
                .prepare(format!(
                    "UPDATE accounts SET name = ?2, login = 'deleted-' || id, password_hash = NULL, \
                     password_salt = NULL, password_iterations = NULL, active = 0 \
                     WHERE id IN ({residents})"
                ))
                .bind(&[hh, ANONYMISED_NAME.into()]),
        ]
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(storage)?;
        self.batch(stmts).await
    }
}
