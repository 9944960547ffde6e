//! Storage for 积分超市. The ledger is append-only; every write is one batch that appends
//! entries through `append` (each entry takes the household's counters after it, computed
//! in SQL from the balance row and the entries before it in the same statement) and then
//! sets the balance row to its latest entry. A balance below zero, a stock below zero, a
//! second decision or reversal, a reused pass: each is a constraint that aborts the whole
//! batch, mapped here to the refusal it means.

use super::{ms, storage, Store};
use crate::error::ApiError;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use worker::D1PreparedStatement;

/// A stored objection, to answer its retry.
#[derive(Debug, Deserialize, PartialEq, Eq)]
pub struct Objection {
    pub entry_id: String,
    pub account_id: String,
    pub reason: String,
}

/// One ledger entry to append (bound as JSON: `append` reads a list of them).
#[derive(Serialize, Clone, Debug)]
pub struct NewEntry {
    pub id: String,
    pub household: String,
    pub village: String,
    pub kind: &'static str,
    pub points: i64,
    /// What it does to spendable and pending.
    pub sd: i64,
    pub pd: i64,
    /// Points earned (an approved positive award): rankings and stars.
    pub earned: i64,
    pub award: Option<String>,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    pub rule: Option<String>,
    pub note: String,
    /// Appended only if the household's counter is still this (an entry computed from a
    /// read, such as an expiry); otherwise skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seq_was: Option<u64>,
}

#[derive(Deserialize)]
pub struct VillageRow {
    pub code: String,
    pub name: String,
    pub notice_days: Option<u32>,
    pub expire_months: Option<u32>,
    pub stars: Option<String>,
    pub shop: Option<String>,
    /// When the rule book was last saved (none: never).
    pub updated_at: Option<i64>,
}

#[derive(Deserialize)]
pub struct RuleRow {
    pub code: String,
    pub name: String,
    pub category: String,
    pub points: i64,
    pub period_limit: Option<u32>,
    pub period: Option<String>,
    pub evidence: u8,
}

/// A household as points see it.
#[derive(Deserialize)]
pub struct PointHousehold {
    pub id: String,
    pub grid_code: String,
    pub name: Option<String>,
    pub address: String,
}

#[derive(Deserialize)]
pub struct AwardRow {
    pub id: String,
    pub body_hash: String,
    pub points: i64,
    pub notice_until: i64,
    pub at: i64,
    /// The period whose use of a limited rule it took (none: it took none).
    pub period_key: Option<String>,
}

/// An award entry with what a decision needs to know of it.
#[derive(Deserialize)]
pub struct AwardEntryRow {
    pub id: String,
    pub household_id: String,
    pub village_code: String,
    pub points: i64,
    pub award_id: String,
    pub rule_code: Option<String>,
    pub notice_until: i64,
    pub decided: u8,
    /// The period whose use of a limited rule the award took (none: it took none).
    pub period_key: Option<String>,
}

#[derive(Deserialize)]
pub struct EntryRow {
    pub id: String,
    pub household_id: String,
    pub village_code: String,
    pub seq: u64,
    pub kind: String,
    pub points: i64,
    pub spendable_delta: i64,
    pub pending_delta: i64,
    pub spendable_after: i64,
    pub pending_after: i64,
    pub ref_id: Option<String>,
    pub rule_code: Option<String>,
    pub rule_name: Option<String>,
    pub note: String,
    pub by_name: Option<String>,
    pub at: i64,
}

#[derive(Deserialize)]
pub struct BalanceRow {
    pub spendable: i64,
    pub pending: i64,
}

#[derive(Deserialize)]
pub struct BoardRow {
    pub id: String,
    pub head: Option<String>,
    pub rule_name: Option<String>,
    pub points: i64,
    pub note: String,
    pub at: i64,
    pub notice_until: i64,
    pub decision: Option<String>,
    pub objections: u32,
}

#[derive(Deserialize)]
pub struct ShopRow {
    pub id: String,
    pub village_code: String,
    pub name: String,
}

#[derive(Deserialize)]
pub struct GoodsRow {
    pub id: String,
    pub shop_id: String,
    pub name: String,
    pub unit: String,
    pub photo: Option<String>,
    pub price: i64,
    pub stock: i64,
    pub active: u8,
}

#[derive(Deserialize)]
pub struct OrderRow {
    pub id: String,
    pub body_hash: String,
    pub shop_id: String,
    pub household_id: String,
    pub head: Option<String>,
    pub total: i64,
    pub at: i64,
    pub spendable_after: i64,
    /// When its goods came back (its reversal entry), if they did.
    pub returned_at: Option<i64>,
}

#[derive(Deserialize)]
pub struct OrderItemRow {
    pub order_id: String,
    pub goods_id: String,
    pub name: String,
    pub qty: i64,
    pub price: i64,
}

#[derive(Deserialize)]
struct Value {
    value: String,
}

/// What a failed batch's constraint means. `None`: not a refusal, a fault.
fn refusal(message: &str, second: &ApiError) -> Option<ApiError> {
    let m = message;
    if m.contains("points_nonnegative") || m.contains("balance_nonnegative") {
        Some(ApiError::InsufficientPoints)
    } else if m.contains("stock_nonnegative") {
        Some(ApiError::InsufficientStock)
    } else if m.contains("rule_limit") {
        Some(ApiError::RuleLimitReached)
    } else if m.contains("point_orders.pass_nonce") {
        Some(ApiError::PassInvalid)
    } else if m.contains("point_order_items.price") {
        Some(ApiError::GoodsChanged)
    } else if m.contains("point_entries.ref") {
        Some(match second {
            ApiError::AlreadyDecided => ApiError::AlreadyDecided,
            _ => ApiError::AlreadyReversed,
        })
    } else if m.contains("point_villages.village_code") {
        // The rule book's guard (`save_rule_book`): saved by someone else meanwhile.
        Some(ApiError::StaleVersion)
    } else if m.contains("UNIQUE constraint failed") {
        Some(ApiError::AlreadyExists)
    } else {
        None
    }
}

/// The three statements that append `entries` and bring their households' balances up to
/// date (see the module comment).
fn append(
    store: &Store,
    entries: &[NewEntry],
    by: Option<&str>,
    at: i64,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let json: JsValue = serde_json::to_string(entries)?.into();
    let by: JsValue = by.map_or(JsValue::NULL, JsValue::from);
    let ensure = store
        .db
        .prepare(
            "INSERT INTO point_balances (household_id, village_code) \
             SELECT DISTINCT json_extract(value, '$.household'), json_extract(value, '$.village') \
             FROM json_each(?1) WHERE true ON CONFLICT (household_id) DO NOTHING",
        )
        .bind(std::slice::from_ref(&json))
        .map_err(storage)?;
    let insert = store
        .db
        .prepare(
            "INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, \
               spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, \
               rule_code, rule_name, note, recorded_by, by_name, at) \
             SELECT e.id, e.household, e.village, b.seq + row_number() OVER w, e.kind, e.points, \
               e.sd, e.pd, b.spendable + sum(e.sd) OVER w, b.pending + sum(e.pd) OVER w, \
               e.award, e.ref, e.rule, \
               (SELECT r.name FROM point_rules r WHERE r.village_code = e.village \
                  AND r.code = e.rule), \
               e.note, ?2, (SELECT a.name FROM accounts a WHERE a.id = ?2), ?3 \
             FROM (SELECT key AS n, value ->> '$.id' AS id, value ->> '$.household' AS household, \
                     value ->> '$.village' AS village, value ->> '$.kind' AS kind, \
                     value ->> '$.points' AS points, value ->> '$.sd' AS sd, \
                     value ->> '$.pd' AS pd, value ->> '$.award' AS award, \
                     value ->> '$.ref' AS ref, value ->> '$.rule' AS rule, \
                     value ->> '$.note' AS note, value ->> '$.seq_was' AS seq_was \
                   FROM json_each(?1)) e \
             JOIN point_balances b ON b.household_id = e.household \
             WHERE e.seq_was IS NULL OR b.seq = e.seq_was \
             WINDOW w AS (PARTITION BY e.household ORDER BY e.n ROWS UNBOUNDED PRECEDING)",
        )
        .bind(&[json.clone(), by, ms(at)])
        .map_err(storage)?;
    let settle = store
        .db
        .prepare(
            "UPDATE point_balances AS b SET (seq, spendable, pending) = \
               (SELECT e.seq, e.spendable_after, e.pending_after FROM point_entries e \
                WHERE e.household_id = b.household_id ORDER BY e.seq DESC LIMIT 1), \
             earned = earned + (SELECT coalesce(sum(value ->> '$.earned'), 0) FROM json_each(?1) \
                WHERE value ->> '$.household' = b.household_id) \
             WHERE b.household_id IN (SELECT value ->> '$.household' FROM json_each(?1))",
        )
        .bind(std::slice::from_ref(&json))
        .map_err(storage)?;
    Ok(vec![ensure, insert, settle])
}

const ENTRY_COLUMNS: &str = "e.id, e.household_id, e.village_code, e.seq, e.kind, e.points, \
    e.spendable_delta, e.pending_delta, e.spendable_after, e.pending_after, e.ref AS ref_id, \
    e.rule_code, e.rule_name, e.note, e.by_name, e.at";
/// A household's head (or first member): how the clerk and the board name it.
const HEAD: &str = "(SELECT m.name FROM household_members m WHERE m.household_id = h.id \
    AND m.active = 1 ORDER BY m.relation <> 'head', m.sort, m.id LIMIT 1)";

/// A household whose expiry the job looks at: what it can spend, and what it earned since
/// its village's cutoff (`None`: its village lets points live forever).
#[derive(Deserialize)]
pub struct ExpiryRow {
    pub household_id: String,
    pub village_code: String,
    pub spendable: i64,
    pub earned_since: Option<i64>,
    /// The household's counter when read: the expiry lands only if nothing came between.
    pub seq: u64,
}

/// Entries that earned points (positive approvals) or took them back (reversals of
/// approvals): `point_entries_earned`'s rows, of which these count.
const EARNED: &str = "rule_code IS NOT NULL AND kind IN ('approve', 'reverse') \
    AND (kind = 'reverse' OR spendable_delta > 0)";

impl Store {
    /// Up to `limit` households not yet looked at on `day`, with what expiry needs.
    pub async fn expiry_candidates(
        &self,
        day: &str,
        now: i64,
        limit: usize,
    ) -> Result<Vec<ExpiryRow>, ApiError> {
        self.all(
            &format!(
                "SELECT b.household_id, b.village_code, b.spendable, \
               CASE WHEN v.expire_months IS NULL OR b.spendable = 0 THEN NULL ELSE \
                 (SELECT coalesce(sum(e.spendable_delta), 0) FROM point_entries e \
                  WHERE e.household_id = b.household_id AND {EARNED} \
                    AND e.at >= ?2 - v.expire_months * 30 * 86400000) END AS earned_since, \
               b.seq \
             FROM point_balances b INDEXED BY point_balances_checked \
             LEFT JOIN point_villages v ON v.village_code = b.village_code \
             WHERE b.checked_day < ?1 ORDER BY b.checked_day, b.household_id LIMIT ?3"
            ),
            &[day.into(), ms(now), (limit as f64).into()],
        )
        .await
    }

    /// Writes the expiry entries and marks every household looked at on `day`, in one
    /// batch (a redemption in between that leaves too little aborts it: the next run
    /// looks again).
    pub async fn expire_points(
        &self,
        entries: &[NewEntry],
        looked_at: &[String],
        day: &str,
        now: i64,
    ) -> Result<(), ApiError> {
        let mut stmts = if entries.is_empty() {
            Vec::new()
        } else {
            append(self, entries, None, now)?
        };
        stmts.push(
            self.db
                .prepare(
                    "UPDATE point_balances SET checked_day = ?2 \
                     WHERE household_id IN (SELECT value FROM json_each(?1))",
                )
                .bind(&[serde_json::to_string(looked_at)?.into(), day.into()])
                .map_err(storage)?,
        );
        self.points_batch(stmts, ApiError::AlreadyExists).await
    }

    /// Points earned in `[from, to)` per household of the village, most first.
    pub async fn ranking(
        &self,
        village: &str,
        from: i64,
        to: i64,
        limit: usize,
    ) -> Result<Vec<(Option<String>, i64)>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            head: Option<String>,
            earned: i64,
        }
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "SELECT {HEAD} AS head, x.earned FROM \
                       (SELECT household_id, sum(spendable_delta) AS earned \
                        FROM point_entries INDEXED BY point_entries_earned \
                        WHERE village_code = ?1 AND at >= ?2 AND at < ?3 AND {EARNED} \
                        GROUP BY household_id) x \
                     JOIN households h ON h.id = x.household_id \
                     ORDER BY x.earned DESC, h.id LIMIT ?4"
                ),
                &[village.into(), ms(from), ms(to), (limit as f64).into()],
            )
            .await?;
        Ok(rows.into_iter().map(|r| (r.head, r.earned)).collect())
    }

    /// Replaces a village's rule book and settings in one batch (rules left out are
    /// withdrawn, never deleted).
    pub async fn save_rule_book(
        &self,
        village: &str,
        book: &wangge_core::points::RuleBookSave,
        at: i64,
    ) -> Result<(), ApiError> {
        let mut stmts = Vec::new();
        if let Some(seen) = book.based_on {
            // Someone saved since the editor read the book: this insert then collides with
            // the village's row and the whole batch is refused (stale_version), in the batch
            // rather than by a read before it.
            stmts.push(
                self.db
                    .prepare(
                        "INSERT INTO point_villages (village_code, notice_days, stars, updated_at) \
                         SELECT village_code, 0, '[]', 0 FROM point_villages \
                         WHERE village_code = ?1 AND updated_at <> ?2",
                    )
                    .bind(&[village.into(), ms(seen)])
                    .map_err(storage)?,
            );
        }
        stmts.extend([
            self.db
                .prepare(
                    "INSERT INTO point_villages (village_code, notice_days, expire_months, stars, \
                       updated_at) VALUES (?1, ?2, ?3, ?4, ?5) \
                     ON CONFLICT (village_code) DO UPDATE SET notice_days = excluded.notice_days, \
                       expire_months = excluded.expire_months, stars = excluded.stars, \
                       updated_at = max(excluded.updated_at, point_villages.updated_at + 1)",
                )
                .bind(&[
                    village.into(),
                    f64::from(book.notice_days).into(),
                    book.expire_months
                        .map_or(JsValue::NULL, |m| f64::from(m).into()),
                    serde_json::to_string(&book.stars)?.into(),
                    ms(at),
                ])
                .map_err(storage)?,
            self.db
                .prepare("UPDATE point_rules SET active = 0 WHERE village_code = ?1")
                .bind(&[village.into()])
                .map_err(storage)?,
        ]);
        for (i, r) in book.rules.iter().enumerate() {
            stmts.push(
                self.db
                    .prepare(
                        "INSERT INTO point_rules (village_code, code, name, category, points, \
                           period_limit, period, evidence, active, sort) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9) \
                         ON CONFLICT (village_code, code) DO UPDATE SET name = excluded.name, \
                           category = excluded.category, points = excluded.points, \
                           period_limit = excluded.period_limit, period = excluded.period, \
                           evidence = excluded.evidence, active = 1, sort = excluded.sort",
                    )
                    .bind(&[
                        village.into(),
                        r.code.as_str().into(),
                        r.name.trim().into(),
                        r.category.trim().into(),
                        (r.points as f64).into(),
                        r.limit.map_or(JsValue::NULL, |l| f64::from(l).into()),
                        r.period.map_or(JsValue::NULL, |p| p.as_str().into()),
                        f64::from(u8::from(r.evidence)).into(),
                        (i as f64).into(),
                    ])
                    .map_err(storage)?,
            );
        }
        self.points_batch(stmts, ApiError::AlreadyExists).await
    }

    async fn points_batch(
        &self,
        stmts: Vec<D1PreparedStatement>,
        second: ApiError,
    ) -> Result<(), ApiError> {
        match self.db.batch(stmts).await {
            Ok(_) => Ok(()),
            Err(e) => {
                let m = e.to_string();
                Err(refusal(&m, &second).unwrap_or(ApiError::Storage(m)))
            }
        }
    }

    pub async fn village(&self, code: &str) -> Result<Option<VillageRow>, ApiError> {
        self.first(
            "SELECT g.code, g.name, v.notice_days, v.expire_months, v.stars, v.updated_at, \
               (SELECT s.id FROM shops s WHERE s.village_code = g.code ORDER BY s.id LIMIT 1) \
                 AS shop \
             FROM grids g LEFT JOIN point_villages v ON v.village_code = g.code \
             WHERE g.code = ?1 AND g.level = 'village'",
            &[code.into()],
        )
        .await
    }

    pub async fn rules(&self, village: &str) -> Result<Vec<RuleRow>, ApiError> {
        self.all(
            "SELECT code, name, category, points, period_limit, period, evidence \
             FROM point_rules WHERE village_code = ?1 AND active = 1 ORDER BY sort, code \
             LIMIT 500",
            &[village.into()],
        )
        .await
    }

    pub async fn rule(&self, village: &str, code: &str) -> Result<Option<RuleRow>, ApiError> {
        self.first(
            "SELECT code, name, category, points, period_limit, period, evidence \
             FROM point_rules WHERE village_code = ?1 AND code = ?2 AND active = 1",
            &[village.into(), code.into()],
        )
        .await
    }

    /// The active households among `ids`, with their heads.
    pub async fn point_households(&self, ids: &[String]) -> Result<Vec<PointHousehold>, ApiError> {
        self.all(
            &format!(
                "SELECT h.id, h.grid_code, {HEAD} AS name, h.address FROM households h \
                 WHERE h.id IN (SELECT value FROM json_each(?1)) AND h.active = 1"
            ),
            &[serde_json::to_string(ids)?.into()],
        )
        .await
    }

    pub async fn award(&self, id: &str) -> Result<Option<AwardRow>, ApiError> {
        self.first(
            "SELECT id, body_hash, points, notice_until, at, period_key FROM point_awards \
             WHERE id = ?1",
            &[id.into()],
        )
        .await
    }

    /// Records an award: its row, an entry per household, each limited rule's use per
    /// household and period (`uses`: household ids; the CHECK refuses one over the limit).
    #[allow(clippy::too_many_arguments)]
    pub async fn record_award(
        &self,
        award: &AwardRow,
        village: &str,
        rule: &RuleRow,
        note: &str,
        photos: &str,
        by: &str,
        entries: &[NewEntry],
    ) -> Result<(), ApiError> {
        let mut stmts = vec![self
            .db
            .prepare(
                "INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, \
                   photos, households, recorded_by, at, notice_until, period_key) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )
            .bind(&[
                award.id.as_str().into(),
                award.body_hash.as_str().into(),
                village.into(),
                rule.code.as_str().into(),
                (award.points as f64).into(),
                note.into(),
                photos.into(),
                (entries.len() as f64).into(),
                by.into(),
                ms(award.at),
                ms(award.notice_until),
                award
                    .period_key
                    .as_deref()
                    .map_or(JsValue::NULL, JsValue::from),
            ])
            .map_err(storage)?];
        if let (Some(key), Some(lim)) = (award.period_key.as_deref(), rule.period_limit) {
            let households: Vec<&str> = entries.iter().map(|e| e.household.as_str()).collect();
            stmts.push(
                self.db
                    .prepare(
                        "INSERT INTO point_rule_uses (household_id, rule_code, period_key, uses, lim) \
                         SELECT value, ?2, ?3, 1, ?4 FROM json_each(?1) WHERE true \
                         ON CONFLICT (household_id, rule_code, period_key) \
                         DO UPDATE SET uses = uses + 1, lim = excluded.lim",
                    )
                    .bind(&[
                        serde_json::to_string(&households)?.into(),
                        format!("{village}/{}", rule.code).into(),
                        key.into(),
                        f64::from(lim).into(),
                    ])
                    .map_err(storage)?,
            );
        }
        stmts.extend(append(self, entries, Some(by), award.at)?);
        self.points_batch(stmts, ApiError::AlreadyExists).await
    }

    /// The entry ids of an award, in the order its households were sent.
    pub async fn award_entry_ids(&self, award: &str) -> Result<Vec<String>, ApiError> {
        let rows: Vec<Value> = self
            .all(
                "SELECT id AS value FROM point_entries WHERE award_id = ?1 AND kind = 'award' \
                 ORDER BY id LIMIT 200",
                &[award.into()],
            )
            .await?;
        Ok(rows.into_iter().map(|r| r.value).collect())
    }

    /// Award entries among `ids`, with their notice and whether a decision exists.
    pub async fn award_entries(&self, ids: &[String]) -> Result<Vec<AwardEntryRow>, ApiError> {
        self.all(
            "SELECT e.id, e.household_id, e.village_code, e.points, e.award_id, e.rule_code, \
               w.notice_until, EXISTS (SELECT 1 FROM point_entries d \
                 WHERE d.ref = e.id AND d.kind IN ('approve', 'void')) AS decided, \
               w.period_key \
             FROM point_entries e JOIN point_awards w ON w.id = e.award_id \
             WHERE e.id IN (SELECT value FROM json_each(?1)) AND e.kind = 'award'",
            &[serde_json::to_string(ids)?.into()],
        )
        .await
    }

    /// Appends entries with the write's idempotency record (decisions), giving back the
    /// uses of limited rules that `released` names: (household, village/rule, period key).
    pub async fn post_entries(
        &self,
        entries: &[NewEntry],
        released: &[(String, String, String)],
        by: &str,
        at: i64,
        write: &super::ClientWrite<'_>,
        second: ApiError,
    ) -> Result<(), ApiError> {
        let mut stmts = append(self, entries, Some(by), at)?;
        for (household, rule, key) in released {
            stmts.push(
                self.db
                    .prepare(
                        "UPDATE point_rule_uses SET uses = uses - 1 WHERE household_id = ?1 \
                           AND rule_code = ?2 AND period_key = ?3 AND uses > 0",
                    )
                    .bind(&[household.into(), rule.into(), key.into()])
                    .map_err(storage)?,
            );
        }
        stmts.push(self.record_write(write)?);
        self.points_batch(stmts, second).await
    }

    /// An objection already filed under `id`: whom, against what, why.
    pub async fn objection(&self, id: &str) -> Result<Option<Objection>, ApiError> {
        self.first(
            "SELECT entry_id, account_id, reason FROM point_objections WHERE id = ?1",
            &[id.into()],
        )
        .await
    }

    pub async fn add_objection(
        &self,
        id: &str,
        entry: &str,
        account: &str,
        reason: &str,
        at: i64,
    ) -> Result<(), ApiError> {
        // The id taken (a racing twin): `AlreadyExists`, and the caller compares the two.
        let stmt = self
            .db
            .prepare(
                "INSERT INTO point_objections (id, entry_id, account_id, reason, at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .bind(&[
                id.into(),
                entry.into(),
                account.into(),
                reason.into(),
                ms(at),
            ])
            .map_err(storage)?;
        self.batch(vec![stmt]).await
    }

    /// The village board: award entries newest first, below the cursor `(at, id)`.
    pub async fn board(
        &self,
        village: &str,
        before: Option<(i64, &str)>,
        limit: usize,
    ) -> Result<Vec<BoardRow>, ApiError> {
        let (at, id) = before.unwrap_or((i64::MAX / 2, ""));
        self.all(
            &format!(
                "SELECT e.id, {HEAD} AS head, e.rule_name, e.points, e.note, e.at, \
                   w.notice_until, \
                   (SELECT d.kind FROM point_entries d WHERE d.ref = e.id \
                      AND d.kind IN ('approve', 'void')) AS decision, \
                   (SELECT count(*) FROM point_objections o WHERE o.entry_id = e.id) AS objections \
                 FROM point_entries e INDEXED BY point_entries_awards \
                 JOIN households h ON h.id = e.household_id \
                 JOIN point_awards w ON w.id = e.award_id \
                 WHERE e.village_code = ?1 AND e.kind = 'award' \
                   AND e.at <= ?2 AND (e.at < ?2 OR e.id < ?3) \
                 ORDER BY e.at DESC, e.id DESC LIMIT ?4"
            ),
            &[village.into(), ms(at), id.into(), (limit as f64).into()],
        )
        .await
    }

    pub async fn balance(&self, household: &str) -> Result<BalanceRow, ApiError> {
        Ok(self
            .first(
                "SELECT spendable, pending FROM point_balances WHERE household_id = ?1",
                &[household.into()],
            )
            .await?
            .unwrap_or(BalanceRow {
                spendable: 0,
                pending: 0,
            }))
    }

    /// A passbook page: entries below `before` (a seq), newest first.
    pub async fn passbook(
        &self,
        household: &str,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<EntryRow>, ApiError> {
        self.all(
            &format!(
                "SELECT {ENTRY_COLUMNS} FROM point_entries e \
                 WHERE e.household_id = ?1 AND e.seq < ?2 ORDER BY e.seq DESC LIMIT ?3"
            ),
            &[
                household.into(),
                (before.unwrap_or(u64::MAX >> 12) as f64).into(),
                (limit as f64).into(),
            ],
        )
        .await
    }

    pub async fn entry(&self, id: &str) -> Result<Option<EntryRow>, ApiError> {
        self.first(
            &format!("SELECT {ENTRY_COLUMNS} FROM point_entries e WHERE e.id = ?1"),
            &[id.into()],
        )
        .await
    }

    /// Whether `entry` was reversed already.
    pub async fn reversed(&self, entry: &str) -> Result<bool, ApiError> {
        Ok(self
            .first::<Value>(
                "SELECT id AS value FROM point_entries WHERE ref = ?1 AND kind = 'reverse'",
                &[entry.into()],
            )
            .await?
            .is_some())
    }

    /// The key that signs passes (made by migration 0020).
    pub async fn pass_key(&self) -> Result<String, ApiError> {
        self.first::<Value>("SELECT value FROM secrets WHERE name = 'pass'", &[])
            .await?
            .map(|v| v.value)
            .ok_or_else(|| ApiError::Storage("no pass key".into()))
    }

    pub async fn shop(&self, id: &str) -> Result<Option<ShopRow>, ApiError> {
        self.first(
            "SELECT id, village_code, name FROM shops WHERE id = ?1",
            &[id.into()],
        )
        .await
    }

    pub async fn goods(&self, shop: &str) -> Result<Vec<GoodsRow>, ApiError> {
        self.all(
            "SELECT id, shop_id, name, unit, photo, price, stock, active FROM goods \
             WHERE shop_id = ?1 ORDER BY active DESC, price, id LIMIT 500",
            &[shop.into()],
        )
        .await
    }

    pub async fn goods_by_ids(&self, ids: &[String]) -> Result<Vec<GoodsRow>, ApiError> {
        self.all(
            "SELECT id, shop_id, name, unit, photo, price, stock, active FROM goods \
             WHERE id IN (SELECT value FROM json_each(?1))",
            &[serde_json::to_string(ids)?.into()],
        )
        .await
    }

    /// Adds or edits a good; `false` if the stock is no longer `was_stock` (a redemption
    /// came between), and nothing was written.
    pub async fn save_goods(
        &self,
        shop: &str,
        g: &GoodsRow,
        was_stock: Option<i64>,
        at: i64,
    ) -> Result<bool, ApiError> {
        let result = self.exec(
            "INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit, \
               photo = excluded.photo, price = excluded.price, stock = excluded.stock, \
               active = excluded.active, updated_at = excluded.updated_at \
             WHERE goods.shop_id = excluded.shop_id AND (?10 IS NULL OR goods.stock = ?10)",
            &[
                g.id.as_str().into(),
                shop.into(),
                g.name.as_str().into(),
                g.unit.as_str().into(),
                g.photo.as_deref().map_or(JsValue::NULL, JsValue::from),
                (g.price as f64).into(),
                (g.stock as f64).into(),
                f64::from(g.active).into(),
                ms(at),
                was_stock.map_or(JsValue::NULL, |n| (n as f64).into()),
            ],
        )
        .await?;
        let changes = result.meta().map_err(storage)?.and_then(|m| m.changes);
        Ok(changes.unwrap_or(0) == 1)
    }

    /// Whether a photo shows goods on a shelf (anyone signed in may see those).
    pub async fn goods_photo(&self, key: &str) -> Result<bool, ApiError> {
        Ok(self
            .first::<Value>(
                "SELECT id AS value FROM goods WHERE photo = ?1 LIMIT 1",
                &[key.into()],
            )
            .await?
            .is_some())
    }

    /// A redemption in one batch: the order (its pass used once), each line at the price
    /// the clerk saw (NULL, so refused, if it changed), the stock (refused below zero), and
    /// the ledger entry (refused below zero).
    #[allow(clippy::too_many_arguments)]
    pub async fn redeem(
        &self,
        order: &OrderRow,
        pass_nonce: Option<&str>,
        clerk: &str,
        items: &[(String, i64, i64)],
        entry: &NewEntry,
    ) -> Result<(), ApiError> {
        let mut stmts = vec![self
            .db
            .prepare(
                "INSERT INTO point_orders (id, body_hash, shop_id, household_id, total, \
                   pass_nonce, clerk_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .bind(&[
                order.id.as_str().into(),
                order.body_hash.as_str().into(),
                order.shop_id.as_str().into(),
                order.household_id.as_str().into(),
                (order.total as f64).into(),
                pass_nonce.map_or(JsValue::NULL, JsValue::from),
                clerk.into(),
                ms(order.at),
            ])
            .map_err(storage)?];
        for (goods, qty, price) in items {
            let (goods, qty, price): (JsValue, JsValue, JsValue) = (
                goods.as_str().into(),
                (*qty as f64).into(),
                (*price as f64).into(),
            );
            stmts.push(
                self.db
                    .prepare(
                        "INSERT INTO point_order_items (order_id, goods_id, qty, price) \
                         VALUES (?1, ?2, ?3, (SELECT price FROM goods WHERE id = ?2 \
                           AND shop_id = ?4 AND price = ?5 AND active = 1))",
                    )
                    .bind(&[
                        order.id.as_str().into(),
                        goods.clone(),
                        qty.clone(),
                        order.shop_id.as_str().into(),
                        price,
                    ])
                    .map_err(storage)?,
            );
            stmts.push(
                self.db
                    .prepare("UPDATE goods SET stock = stock - ?2 WHERE id = ?1")
                    .bind(&[goods, qty])
                    .map_err(storage)?,
            );
        }
        stmts.extend(append(
            self,
            std::slice::from_ref(entry),
            Some(clerk),
            order.at,
        )?);
        self.points_batch(stmts, ApiError::AlreadyExists).await
    }

    /// Records a refused write's answer, so that its retry gets the same one. Best effort:
    /// if it is lost, the retry is judged afresh, which is no worse.
    pub async fn remember_refusal(&self, w: &super::ClientWrite<'_>) {
        if let Ok(stmt) = self.record_write(w) {
            let _ = self.db.batch(vec![stmt]).await;
        }
    }

    const ORDER_SQL: &'static str = "SELECT o.id, o.body_hash, o.shop_id, o.household_id, \
        (SELECT m.name FROM household_members m WHERE m.household_id = o.household_id \
          AND m.active = 1 ORDER BY m.relation <> 'head', m.sort, m.id LIMIT 1) AS head, \
        o.total, o.at, e.spendable_after, \
        (SELECT x.at FROM point_entries x WHERE x.ref = e.id AND x.kind = 'reverse') \
          AS returned_at \
        FROM point_orders o JOIN point_entries e ON e.id = o.id";

    pub async fn order(&self, id: &str) -> Result<Option<OrderRow>, ApiError> {
        self.first(
            &format!("{} WHERE o.id = ?1", Self::ORDER_SQL),
            &[id.into()],
        )
        .await
    }

    /// A shop's orders in `[from, to)`, oldest first (a day: under a thousand).
    pub async fn orders(&self, shop: &str, from: i64, to: i64) -> Result<Vec<OrderRow>, ApiError> {
        self.all(
            &format!(
                "{} WHERE o.shop_id = ?1 AND o.at >= ?2 AND o.at < ?3 ORDER BY o.at, o.id \
                 LIMIT 2000",
                Self::ORDER_SQL
            ),
            &[shop.into(), ms(from), ms(to)],
        )
        .await
    }

    /// A shop's orders whose goods came back in `[from, to)`, whenever they went out:
    /// the village's reversals of that span (an index range), then their orders by key
    /// (`+o.shop_id` keeps the planner off the shop's index, which would walk every order).
    pub async fn returns(
        &self,
        shop: &str,
        village: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<OrderRow>, ApiError> {
        self.all(
            &format!(
                "{} WHERE o.id IN (SELECT x.ref FROM point_entries x WHERE x.village_code = ?2 \
                   AND x.kind = 'reverse' AND x.at >= ?3 AND x.at < ?4) \
                 AND +o.shop_id = ?1 ORDER BY returned_at, o.id LIMIT 2000",
                Self::ORDER_SQL
            ),
            &[shop.into(), village.into(), ms(from), ms(to)],
        )
        .await
    }

    pub async fn order_items(&self, orders: &[String]) -> Result<Vec<OrderItemRow>, ApiError> {
        self.all(
            "SELECT i.order_id, i.goods_id, g.name, i.qty, i.price FROM point_order_items i \
             JOIN goods g ON g.id = i.goods_id \
             WHERE i.order_id IN (SELECT value FROM json_each(?1)) ORDER BY i.order_id, g.name",
            &[serde_json::to_string(orders)?.into()],
        )
        .await
    }

    /// Reverses a redemption: the compensating entry, the goods back on the shelf.
    pub async fn reverse_order(
        &self,
        order: &str,
        entry: &NewEntry,
        by: &str,
        at: i64,
        write: &super::ClientWrite<'_>,
    ) -> Result<(), ApiError> {
        let mut stmts = append(self, std::slice::from_ref(entry), Some(by), at)?;
        stmts.push(
            self.db
                .prepare(
                    "UPDATE goods SET stock = stock + (SELECT i.qty FROM point_order_items i \
                       WHERE i.order_id = ?1 AND i.goods_id = goods.id) \
                     WHERE id IN (SELECT goods_id FROM point_order_items WHERE order_id = ?1)",
                )
                .bind(&[order.into()])
                .map_err(storage)?,
        );
        stmts.push(self.record_write(write)?);
        self.points_batch(stmts, ApiError::AlreadyReversed).await
    }

    /// Households in `village` with a member whose name contains `q` (the clerk's lookup).
    pub async fn village_households(
        &self,
        village: &str,
        q: &str,
    ) -> Result<Vec<(PointHousehold, i64)>, ApiError> {
        #[derive(Deserialize)]
        struct Row {
            id: String,
            grid_code: String,
            name: Option<String>,
            address: String,
            spendable: Option<i64>,
        }
        let like = format!(
            "%{}%",
            q.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "SELECT h.id, h.grid_code, {HEAD} AS name, h.address, b.spendable \
                     FROM households h LEFT JOIN point_balances b ON b.household_id = h.id \
                     WHERE h.grid_code > ?1 AND h.grid_code < ?1 || 'z' AND h.active = 1 \
                       AND EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = h.id \
                         AND m.active = 1 AND m.name LIKE ?2 ESCAPE '\\') \
                     ORDER BY h.grid_code, h.id LIMIT 20"
                ),
                &[village.into(), like.into()],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                (
                    PointHousehold {
                        id: r.id,
                        grid_code: r.grid_code,
                        name: r.name,
                        address: r.address,
                    },
                    r.spendable.unwrap_or(0),
                )
            })
            .collect())
    }
}
