//! The ledger's invariants over random sequences of award / approve / void / object / redeem /
//! reverse / expire / replay, checked after every step.

use super::*;
use proptest::prelude::*;

const HOUSEHOLDS: [&str; 3] = ["h1", "h2", "h3"];
const GOODS: [(&str, i64); 2] = [("soap", 1), ("oil", 30)];

#[derive(Debug, Clone)]
enum Op {
    Award {
        h: usize,
        points: i64,
        notice: bool,
    },
    Decide {
        award: usize,
        approve: bool,
    },
    Object {
        award: usize,
    },
    Redeem {
        h: usize,
        good: usize,
        qty: i64,
    },
    Reverse {
        entry: usize,
    },
    Expire {
        h: usize,
        before: i64,
    },
    /// The same request again, under an id already used.
    Replay {
        step: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3usize, -20i64..60, any::<bool>()).prop_map(|(h, points, notice)| Op::Award {
            h,
            points,
            notice
        }),
        (0..40usize, any::<bool>()).prop_map(|(award, approve)| Op::Decide { award, approve }),
        (0..40usize).prop_map(|award| Op::Object { award }),
        (0..3usize, 0..2usize, 1i64..6).prop_map(|(h, good, qty)| Op::Redeem { h, good, qty }),
        (0..40usize).prop_map(|entry| Op::Reverse { entry }),
        (0..3usize, 0i64..60).prop_map(|(h, before)| Op::Expire { h, before }),
        (0..40usize).prop_map(|step| Op::Replay { step }),
    ]
}

/// What one step asked, targets resolved, so a replay asks exactly it again under the
/// same id (a decision has no id of its own: it is not replayed).
#[derive(Debug, Clone)]
enum Call {
    Award(usize, i64, bool),
    Decide(Option<String>, bool),
    Object(Option<String>),
    Redeem(usize, usize, i64),
    Reverse(Option<String>),
    Expire(usize, i64),
}

fn nth_award(l: &Ledger, n: usize) -> Option<String> {
    l.entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Award)
        .nth(n)
        .map(|e| e.id.clone())
}

fn resolve(l: &Ledger, op: &Op) -> Option<Call> {
    Some(match op {
        Op::Award { h, points, notice } => Call::Award(*h, *points, *notice),
        Op::Decide { award, approve } => Call::Decide(nth_award(l, *award), *approve),
        Op::Object { award } => Call::Object(nth_award(l, *award)),
        Op::Redeem { h, good, qty } => Call::Redeem(*h, *good, *qty),
        Op::Reverse { entry } => Call::Reverse(l.entries().get(*entry).map(|e| e.id.clone())),
        Op::Expire { h, before } => Call::Expire(*h, *before),
        Op::Replay { .. } => return None,
    })
}

fn apply(l: &mut Ledger, id: &str, call: &Call, at: i64) -> Result<(), Refused> {
    match call {
        Call::Award(h, points, notice) => l.award(id, HOUSEHOLDS[*h], *points, *notice, at),
        Call::Decide(Some(t), approve) => l.decide(t, *approve),
        Call::Object(Some(t)) => l.object(id, t),
        Call::Redeem(h, good, qty) => {
            let (g, price) = GOODS[*good];
            l.redeem(id, HOUSEHOLDS[*h], &[(g.to_owned(), price, *qty)], at)
        }
        Call::Reverse(Some(t)) => l.reverse(id, t, &[], at),
        Call::Expire(h, before) => l.expire(id, HOUSEHOLDS[*h], *before, at),
        Call::Decide(None, _) | Call::Object(None) | Call::Reverse(None) => {
            Err(Refused::NotApplicable)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_step_keeps_the_ledger_whole(ops in prop::collection::vec(op(), 1..60)) {
        let mut l = Ledger::default();
        l.stock.insert("soap".into(), 20);
        l.stock.insert("oil".into(), 3);
        let mut asked: Vec<(String, Call)> = Vec::new();
        for (t, op) in ops.into_iter().enumerate() {
            let at = t as i64;
            let before = l.entries().len();
            match (&op, resolve(&l, &op)) {
                (Op::Replay { step }, _) => {
                    let again = asked.get(*step).filter(|(_, c)| !matches!(c, Call::Decide(..))).cloned();
                    if let Some((id, call)) = again {
                        // The same id and request: nothing new lands.
                        let objected = l.objections.len();
                        let _ = apply(&mut l, &id, &call, at);
                        prop_assert_eq!(l.entries().len(), before, "a replay wrote an entry");
                        prop_assert_eq!(l.objections.len(), objected, "a replay objected twice");
                    }
                }
                (_, Some(call)) => {
                    let id = format!("id-{t}");
                    let was: Vec<(i64, i64)> =
                        HOUSEHOLDS.iter().map(|h| (l.spendable(h), l.pending(h))).collect();
                    let answer = apply(&mut l, &id, &call, at);
                    if let Call::Object(target) = &call {
                        // An objection moves no points, writes no entry, and lands only on
                        // an award still in notice.
                        let now: Vec<(i64, i64)> =
                            HOUSEHOLDS.iter().map(|h| (l.spendable(h), l.pending(h))).collect();
                        prop_assert_eq!(&now, &was);
                        prop_assert_eq!(l.entries().len(), before);
                        let pending = target.as_ref().is_some_and(|t| {
                            l.entries().iter().any(|e| &e.id == t && e.state == Some(AwardState::Pending))
                        });
                        prop_assert_eq!(answer.is_ok(), pending);
                    }
                    asked.push((id, call));
                }
                (_, None) => {}
            }
            for h in HOUSEHOLDS {
                // The balance is the sum of the entries that count, and never below zero.
                let sum: i64 = l
                    .entries()
                    .iter()
                    .filter(|e| e.household == h)
                    .filter(|e| !matches!(e.state, Some(AwardState::Pending | AwardState::Voided)))
                    .map(|e| e.points)
                    .sum();
                prop_assert_eq!(l.spendable(h), sum);
                prop_assert!(l.spendable(h) >= 0, "{} below zero: {:?}", h, l.entries());
            }
            for (g, n) in &l.stock {
                prop_assert!(*n >= 0, "{} stock {}", g, n);
            }
            // Each id took effect at most once; a reversal undoes one entry at most once.
            let mut ids: Vec<&str> = l.entries().iter().map(|e| e.id.as_str()).collect();
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            prop_assert_eq!(ids.len(), n);
            let mut undone: Vec<&str> = l.entries().iter().filter_map(|e| e.reverses.as_deref()).collect();
            undone.sort_unstable();
            let n = undone.len();
            undone.dedup();
            prop_assert_eq!(undone.len(), n);
        }
    }
}

#[test]
fn a_redemption_is_all_or_nothing_and_says_why() {
    let mut l = Ledger::default();
    l.stock.insert("soap".into(), 2);
    l.award("a1", "h1", 10, false, 0).expect("award");
    let soap = |qty| vec![("soap".to_owned(), 1, qty)];
    assert_eq!(
        l.redeem("r1", "h1", &soap(3), 1),
        Err(Refused::InsufficientStock)
    );
    assert_eq!(
        l.redeem("r2", "h1", &[("soap".into(), 11, 1)], 1),
        Err(Refused::InsufficientPoints)
    );
    assert_eq!(
        (l.spendable("h1"), l.stock["soap"]),
        (10, 2),
        "nothing changed"
    );
    assert_eq!(l.redeem("r3", "h1", &soap(2), 1), Ok(()));
    assert_eq!((l.spendable("h1"), l.stock["soap"]), (8, 0));
    // The same id again: the same answer, nothing new; another request under it: a conflict.
    assert_eq!(l.redeem("r3", "h1", &soap(2), 2), Ok(()));
    assert_eq!(l.entries().len(), 2);
    assert_eq!(
        l.redeem("r3", "h1", &soap(1), 2),
        Err(Refused::IdempotencyConflict)
    );
}

#[test]
fn awards_wait_in_notice_until_a_leader_decides() {
    let mut l = Ledger::default();
    l.award("a1", "h1", 20, true, 0).expect("award");
    assert_eq!((l.spendable("h1"), l.pending("h1")), (0, 20));
    l.decide("a1", true).expect("approve");
    assert_eq!((l.spendable("h1"), l.pending("h1")), (20, 0));
    assert_eq!(
        l.decide("a1", false),
        Err(Refused::NotApplicable),
        "decided once"
    );
    l.award("a2", "h1", 5, true, 0).expect("award");
    l.decide("a2", false).expect("void");
    assert_eq!((l.spendable("h1"), l.pending("h1")), (20, 0));
    // A returned good comes back; a reversal happens once.
    l.stock.insert("oil".into(), 1);
    l.redeem("r1", "h1", &[("oil".into(), 15, 1)], 1)
        .expect("redeem");
    l.reverse("x1", "r1", &[("oil".into(), 1)], 2)
        .expect("reverse");
    assert_eq!((l.spendable("h1"), l.stock["oil"]), (20, 1));
    assert_eq!(
        l.reverse("x2", "r1", &[("oil".into(), 1)], 2),
        Err(Refused::NotApplicable)
    );
}

#[test]
fn expiry_takes_only_the_old_points_left_after_spending() {
    let mut l = Ledger::default();
    l.stock.insert("soap".into(), 100);
    l.award("old", "h1", 10, false, 0).expect("award");
    l.award("new", "h1", 4, false, 100).expect("award");
    l.redeem("r", "h1", &[("soap".into(), 3, 1)], 101)
        .expect("redeem");
    // 10 old, 4 new, 3 spent from the old: 7 old left.
    l.expire("x", "h1", 50, 200).expect("expire");
    assert_eq!(l.spendable("h1"), 4);
    // Nothing old is left; a second run writes nothing.
    let n = l.entries().len();
    l.expire("y", "h1", 50, 300).expect("expire");
    assert_eq!(l.entries().len(), n);
    assert_eq!(expiring(5, 9), 0);
    assert_eq!(expiring(5, -3), 5);
    assert_eq!(expiry_cutoff(100 * 86_400_000, 1), 70 * 86_400_000);
}

#[test]
fn an_objection_waits_with_the_award_and_moves_nothing() {
    let mut l = Ledger::default();
    l.award("a1", "h1", 8, true, 0).expect("award");
    assert_eq!(l.object("o1", "a1"), Ok(()));
    assert_eq!(l.object("o1", "a1"), Ok(()), "a retry");
    assert_eq!(l.objections("a1"), 1);
    assert_eq!((l.spendable("h1"), l.pending("h1")), (0, 8));
    l.decide("a1", false).expect("void: the objection upheld");
    assert_eq!(l.object("o2", "a1"), Err(Refused::NotApplicable), "decided");
    assert_eq!(l.object("o3", "nothing"), Err(Refused::NotApplicable));
    assert_eq!((l.spendable("h1"), l.pending("h1")), (0, 0));
}
