//! 积分超市: the good-conduct points ledger. Points are money to these families: an entry is
//! never edited or deleted (a mistake is undone by a compensating entry), a household's
//! balance is the sum of its entries, what it can spend never goes below zero, and every
//! write carries the phone's UUIDv7 so a retry takes effect once.
//!
//! `Ledger` is the rules as a pure, in-memory model: the Worker's D1 batches must keep the
//! same invariants, and the property tests here drive random sequences of every operation
//! through the model and check them after each step.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub mod pass;
mod wire;
pub use wire::*;

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Points under a village rule (positive or negative), in public notice until approved.
    Award,
    /// A leader's approval of an award: its points become spendable (stored entries only;
    /// the model keeps the decision on the award).
    Approve,
    /// A leader voids an award in notice (an objection upheld): it counts nowhere.
    Void,
    /// Spent at the village shop.
    Redeem,
    /// Undoes an earlier entry (returned goods, a mistaken award).
    Reverse,
    /// Points older than the village's limit, written off by the scheduled job.
    Expire,
}

/// Where an award stands: in public notice (公示), spendable, or voided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AwardState {
    Pending,
    Approved,
    Voided,
}

/// One ledger entry. `points` is signed: awards may be negative (a violation), a
/// redemption is negative, a reversal has the opposite sign of what it undoes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entry {
    /// The client's UUIDv7 (the idempotency key) or the job's own id.
    pub id: String,
    pub household: String,
    pub kind: EntryKind,
    pub points: i64,
    /// An award's state (`None` for other kinds).
    pub state: Option<AwardState>,
    /// A reversal names what it undoes.
    pub reverses: Option<String>,
    pub at: i64,
}

/// Why an operation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("insufficient_points")]
    InsufficientPoints,
    #[error("insufficient_stock")]
    InsufficientStock,
    #[error("no such entry, or not one this can apply to")]
    NotApplicable,
    /// The id was used before for something else.
    #[error("idempotency_conflict")]
    IdempotencyConflict,
}

/// The model: entries (append-only), awards' states, and goods' stock.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    entries: Vec<Entry>,
    /// What each id did the first time (a retry gets it again).
    answers: BTreeMap<String, (String, Result<(), Refused>)>,
    /// Objections as filed, (id, award): they move no points; they are what the leader
    /// weighs before deciding. A list, not a map, so a retry that slipped past `once`
    /// would show as a second filing.
    objections: Vec<(String, String)>,
    pub stock: BTreeMap<String, i64>,
}

impl Ledger {
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The sum of every entry of `household` that counts: approved awards, redemptions,
    /// reversals and expiries (pending and voided awards count nowhere yet).
    pub fn spendable(&self, household: &str) -> i64 {
        self.entries
            .iter()
            .filter(|e| e.household == household && e.state != Some(AwardState::Pending))
            .filter(|e| e.state != Some(AwardState::Voided))
            .map(|e| e.points)
            .sum()
    }

    /// Awards still in public notice.
    pub fn pending(&self, household: &str) -> i64 {
        self.entries
            .iter()
            .filter(|e| e.household == household && e.state == Some(AwardState::Pending))
            .map(|e| e.points)
            .sum()
    }

    /// Runs `op` once per id: the same id with the same request gets the first answer;
    /// with another request, a conflict.
    fn once(
        &mut self,
        id: &str,
        request: String,
        op: impl FnOnce(&mut Self) -> Result<(), Refused>,
    ) -> Result<(), Refused> {
        if let Some((asked, answer)) = self.answers.get(id) {
            return if *asked == request {
                *answer
            } else {
                Err(Refused::IdempotencyConflict)
            };
        }
        let answer = op(self);
        self.answers.insert(id.to_owned(), (request, answer));
        answer
    }

    /// An award (pending until a leader approves it, or at once with no notice period).
    pub fn award(
        &mut self,
        id: &str,
        household: &str,
        points: i64,
        notice: bool,
        at: i64,
    ) -> Result<(), Refused> {
        let request = format!("award {household} {points} {notice}");
        self.once(id, request, |l| {
            let state = if notice {
                AwardState::Pending
            } else {
                AwardState::Approved
            };
            // A penalty may not take what can be spent below zero.
            if points < 0 && state == AwardState::Approved && l.spendable(household) + points < 0 {
                return Err(Refused::InsufficientPoints);
            }
            l.entries.push(Entry {
                id: id.to_owned(),
                household: household.to_owned(),
                kind: EntryKind::Award,
                points,
                state: Some(state),
                reverses: None,
                at,
            });
            Ok(())
        })
    }

    /// A leader decides a pending award: approved it becomes spendable; voided it counts
    /// nowhere (an objection upheld). The model keeps the decision on the entry; stored, a
    /// decision is a row of its own and the entry is never edited.
    pub fn decide(&mut self, award: &str, approve: bool) -> Result<(), Refused> {
        let i = self
            .entries
            .iter()
            .position(|e| e.id == award && e.state == Some(AwardState::Pending))
            .ok_or(Refused::NotApplicable)?;
        let e = &self.entries[i];
        if approve && e.points < 0 && self.spendable(&e.household) + e.points < 0 {
            return Err(Refused::InsufficientPoints);
        }
        self.entries[i].state = Some(if approve {
            AwardState::Approved
        } else {
            AwardState::Voided
        });
        Ok(())
    }

    /// A resident objects to an award while it is in public notice. It moves no points and
    /// the award stays pending until a leader decides; a decided award takes no objection.
    pub fn object(&mut self, id: &str, award: &str) -> Result<(), Refused> {
        let request = format!("object {award}");
        self.once(id, request, |l| {
            if !l
                .entries
                .iter()
                .any(|e| e.id == award && e.state == Some(AwardState::Pending))
            {
                return Err(Refused::NotApplicable);
            }
            l.objections.push((id.to_owned(), award.to_owned()));
            Ok(())
        })
    }

    /// How many objections an award drew.
    pub fn objections(&self, award: &str) -> usize {
        self.objections.iter().filter(|(_, a)| a == award).count()
    }

    /// A redemption: all of it or nothing — enough points and enough of every good.
    pub fn redeem(
        &mut self,
        id: &str,
        household: &str,
        items: &[(String, i64, i64)],
        at: i64,
    ) -> Result<(), Refused> {
        let request = format!("redeem {household} {items:?}");
        self.once(id, request, |l| {
            let cost: i64 = items.iter().map(|(_, price, qty)| price * qty).sum();
            if items.iter().any(|(_, _, qty)| *qty <= 0) {
                return Err(Refused::NotApplicable);
            }
            if items
                .iter()
                .any(|(g, _, qty)| l.stock.get(g).copied().unwrap_or(0) < *qty)
            {
                return Err(Refused::InsufficientStock);
            }
            if l.spendable(household) < cost {
                return Err(Refused::InsufficientPoints);
            }
            for (g, _, qty) in items {
                *l.stock.entry(g.clone()).or_default() -= qty;
            }
            l.entries.push(Entry {
                id: id.to_owned(),
                household: household.to_owned(),
                kind: EntryKind::Redeem,
                points: -cost,
                state: None,
                reverses: None,
                at,
            });
            Ok(())
        })
    }

    /// Undoes an approved award or a redemption by a compensating entry (at most once);
    /// a returned redemption puts its goods back.
    pub fn reverse(
        &mut self,
        id: &str,
        of: &str,
        goods: &[(String, i64)],
        at: i64,
    ) -> Result<(), Refused> {
        let request = format!("reverse {of} {goods:?}");
        self.once(id, request, |l| {
            let target = l
                .entries
                .iter()
                .find(|e| {
                    e.id == of
                        && matches!(e.kind, EntryKind::Award | EntryKind::Redeem)
                        && e.state.is_none_or(|s| s == AwardState::Approved)
                })
                .cloned()
                .ok_or(Refused::NotApplicable)?;
            if l.entries.iter().any(|e| e.reverses.as_deref() == Some(of)) {
                return Err(Refused::NotApplicable);
            }
            // Taking back an award may not leave the household below zero.
            if l.spendable(&target.household) - target.points < 0 {
                return Err(Refused::InsufficientPoints);
            }
            if target.kind == EntryKind::Redeem {
                for (g, qty) in goods {
                    *l.stock.entry(g.clone()).or_default() += qty;
                }
            }
            l.entries.push(Entry {
                id: id.to_owned(),
                household: target.household.clone(),
                kind: EntryKind::Reverse,
                points: -target.points,
                state: None,
                reverses: Some(of.to_owned()),
                at,
            });
            Ok(())
        })
    }

    /// Writes off what `household` could spend from approved awards older than `before`:
    /// points are spent oldest first (a penalty too), so what is left of the old ones is
    /// what can be spent less what was earned since (`expiring`).
    pub fn expire(
        &mut self,
        id: &str,
        household: &str,
        before: i64,
        at: i64,
    ) -> Result<(), Refused> {
        let request = format!("expire {household} {before}");
        self.once(id, request, |l| {
            let since: i64 = l
                .entries
                .iter()
                .filter(|e| {
                    e.household == household
                        && e.kind == EntryKind::Award
                        && e.state == Some(AwardState::Approved)
                        && e.points > 0
                        && e.at >= before
                })
                .map(|e| e.points)
                .sum();
            let amount = expiring(l.spendable(household), since);
            if amount <= 0 {
                return Ok(());
            }
            l.entries.push(Entry {
                id: id.to_owned(),
                household: household.to_owned(),
                kind: EntryKind::Expire,
                points: -amount,
                state: None,
                reverses: None,
                at,
            });
            Ok(())
        })
    }
}

/// Points that expire: what a household can spend beyond what it earned since the cutoff
/// (spending takes the oldest points first), never below zero.
pub fn expiring(spendable: i64, earned_since: i64) -> i64 {
    (spendable - earned_since.max(0)).max(0)
}

/// The cutoff of a village's expiry: `months` of 30 days before `now`.
pub fn expiry_cutoff(now: i64, months: u32) -> i64 {
    now - i64::from(months) * 30 * 86_400_000
}

#[cfg(test)]
mod tests;
