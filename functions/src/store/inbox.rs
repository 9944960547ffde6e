//! Storage for the inbox: one row per notice and person, written in the same batch as the
//! action that caused it (so a notice exists exactly when its action does).

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::Deserialize;
use wangge_core::inbox::{Audience, NoticeKind};
use worker::D1PreparedStatement;

#[derive(Deserialize)]
pub struct NoticeRow {
    pub id: String,
    pub kind: String,
    pub report_id: String,
    pub excerpt: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// What a notice is about: the action's id (notices of one action share it), the report
/// and the people around it.
pub struct NoticeOf<'a> {
    pub action_id: &'a str,
    pub actor: Option<&'a str>,
    pub report_id: &'a str,
    pub grid: &'a str,
    pub department: Option<&'a str>,
    pub household: Option<&'a str>,
    /// Whoever filed it for themselves (not for a household).
    pub reporter: Option<&'a str>,
    pub excerpt: &'a str,
    pub at: i64,
}

/// The accounts an audience names (active ones; never the actor): ?1 grid, ?2 department,
/// ?3 household, ?4 reporter, ?5 actor, ?8 the report (its followers).
fn who(audience: Audience) -> &'static str {
    match audience {
        Audience::Grid => {
            "SELECT r.account_id AS account_id FROM account_roles r \
             WHERE r.role IN ('grid_worker', 'grid_leader') \
             AND r.scope_kind = 'grid' AND substr(?1, 1, length(r.scope_id)) = r.scope_id"
        }
        Audience::Village => {
            "SELECT r.account_id AS account_id FROM account_roles r \
             WHERE r.role IN ('grid_leader', 'grid_instructor') \
             AND r.scope_kind = 'grid' AND length(r.scope_id) <= 12 \
             AND substr(?1, 1, length(r.scope_id)) = r.scope_id"
        }
        Audience::Dispatchers => {
            "SELECT r.account_id AS account_id FROM account_roles r WHERE r.role = 'dispatcher' \
             AND r.scope_kind = 'grid' AND substr(?1, 1, length(r.scope_id)) = r.scope_id"
        }
        Audience::Handlers => {
            "SELECT r.account_id AS account_id FROM account_roles r \
             WHERE r.role = 'department_handler' \
             AND r.scope_kind = 'department' AND r.scope_id = ?2"
        }
        Audience::Reporter => {
            "SELECT a.id AS account_id FROM accounts a WHERE a.household_id = ?3 \
             UNION SELECT ?4 WHERE ?4 IS NOT NULL"
        }
        // Not the household's own accounts: they hear as the reporter.
        Audience::Followers => {
            "SELECT f.account_id AS account_id FROM report_followers f WHERE f.report_id = ?8 \
             AND f.account_id IS NOT ?4 AND f.account_id NOT IN \
             (SELECT a.id FROM accounts a WHERE a.household_id = ?3)"
        }
    }
}

impl Store {
    /// The statements that notify `audience` of `n` (as `kind`).
    pub(super) fn notice_stmt(
        &self,
        n: &NoticeOf,
        audience: Audience,
        kind: NoticeKind,
    ) -> Result<D1PreparedStatement, ApiError> {
        let sql = format!(
            "INSERT OR IGNORE INTO notices (id, account_id, kind, report_id, excerpt, created_at) \
             SELECT ?6 || '.' || w.account_id, w.account_id, ?7, ?8, ?9, ?10 \
             FROM ({}) AS w JOIN accounts a ON a.id = w.account_id \
             WHERE a.active = 1 AND w.account_id IS NOT ?5",
            who(audience)
        );
        let opt = |v: Option<&str>| v.map_or(wasm_bindgen::JsValue::NULL, Into::into);
        self.db
            .prepare(&sql)
            .bind(&[
                n.grid.into(),
                opt(n.department),
                opt(n.household),
                opt(n.reporter),
                opt(n.actor),
                n.action_id.into(),
                kind.as_str().into(),
                n.report_id.into(),
                wangge_core::reports::excerpt(n.excerpt, 60).into(),
                ms(n.at),
            ])
            .map_err(storage)
    }

    /// An account's notices, newest first (its index), after `before` (time, id).
    pub async fn notices(
        &self,
        account: &str,
        before: Option<(i64, String)>,
        limit: usize,
    ) -> Result<Vec<NoticeRow>, ApiError> {
        let (t, id) = before.unwrap_or((i64::MAX / 2, String::new()));
        self.all(
            "SELECT id, kind, report_id, excerpt, created_at, read_at FROM notices \
             WHERE account_id = ?1 AND (created_at < ?2 OR (created_at = ?2 AND id < ?3) \
             OR ?3 = '') ORDER BY created_at DESC, id DESC LIMIT ?4",
            &[account.into(), ms(t), id.into(), (limit as f64).into()],
        )
        .await
    }

    pub async fn unread(&self, account: &str) -> Result<u32, ApiError> {
        #[derive(Deserialize)]
        struct N {
            n: u32,
        }
        Ok(self
            .first::<N>(
                "SELECT COUNT(*) AS n FROM notices WHERE account_id = ?1 AND read_at IS NULL",
                &[account.into()],
            )
            .await?
            .map_or(0, |r| r.n))
    }

    /// Marks this account's notices read: these ids, or all.
    pub async fn mark_read(
        &self,
        account: &str,
        ids: &[String],
        all: bool,
        at: i64,
    ) -> Result<(), ApiError> {
        self.exec(
            "UPDATE notices SET read_at = ?2 WHERE account_id = ?1 AND read_at IS NULL \
             AND (?4 = 1 OR id IN (SELECT value FROM json_each(?3)))",
            &[
                account.into(),
                ms(at),
                serde_json::to_string(ids)?.into(),
                f64::from(u8::from(all)).into(),
            ],
        )
        .await?;
        Ok(())
    }
}
