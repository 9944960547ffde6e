//! The state machine in one table: every legal transition per capacity, written out
//! independently of `RULES`; every other combination of a reachable position, an action and
//! a capacity must be refused (403 if the capacity never takes that action, else 409).

use super::machine::{next, Party, Position, Refusal, REOPEN_WINDOW_MS};
use super::{ActionKind, Level, ReportState};

const NOW: i64 = 1_800_000_000_000;
const DAY: i64 = 24 * 60 * 60 * 1000;

/// Every position a report can reach (`state@level`).
const REACHABLE: &str = "pending@grid submitted@grid accepted@grid handled_on_spot@grid \
    handled_on_spot@village escalated@village escalated@township dispatched@township \
    returned@township in_progress@township resolved@township \
    confirmed@grid confirmed@village confirmed@township closed@grid closed@village closed@township \
    reopened@grid reopened@village reopened@township merged@grid merged@village merged@township \
    rejected@grid rejected@village rejected@township";

/// Open positions (a photo can still be added).
const OPEN: &str = "pending@grid submitted@grid accepted@grid handled_on_spot@grid \
    handled_on_spot@village escalated@village escalated@township dispatched@township \
    returned@township in_progress@township resolved@township reopened@grid reopened@village \
    reopened@township";

/// (from positions, action, who, to): `same` keeps the position; `*` in the last place
/// keeps the level of the row's position. `ALL`/`OPEN` stand for those lists.
const LEGAL: &[(&str, &str, &str, &str)] = &[
    ("pending@grid submitted@grid", "accept", "grid", "accepted@grid"),
    ("accepted@grid reopened@grid", "handle_on_spot", "grid", "handled_on_spot@grid"),
    ("escalated@village reopened@village", "handle_on_spot", "village", "handled_on_spot@village"),
    ("accepted@grid reopened@grid", "escalate", "grid", "escalated@village"),
    ("escalated@village reopened@village", "escalate", "village", "escalated@township"),
    ("escalated@township returned@township reopened@township", "dispatch", "dispatcher", "dispatched@township"),
    ("dispatched@township reopened@township", "department_accept", "handler", "in_progress@township"),
    ("dispatched@township in_progress@township", "return", "handler", "returned@township"),
    ("in_progress@township", "resolve", "handler", "resolved@township"),
    ("resolved@township handled_on_spot@grid handled_on_spot@village", "confirm", "reporter", "confirmed@*"),
    ("resolved@township handled_on_spot@grid handled_on_spot@village confirmed@grid confirmed@village \
      confirmed@township closed@grid closed@village closed@township", "reopen", "reporter", "reopened@*"),
    ("resolved@township handled_on_spot@grid handled_on_spot@village", "close", "system", "closed@*"),
    ("pending@grid submitted@grid accepted@grid reopened@grid", "reject", "grid", "rejected@grid"),
    ("escalated@village reopened@village", "reject", "village", "rejected@village"),
    ("escalated@township returned@township reopened@township", "reject", "dispatcher", "rejected@township"),
    ("pending@grid submitted@grid accepted@grid reopened@grid", "merge", "grid", "merged@grid"),
    ("escalated@village reopened@village", "merge", "village", "merged@village"),
    ("escalated@township returned@township reopened@township dispatched@township", "merge", "dispatcher", "merged@township"),
    ("pending@grid submitted@grid accepted@grid reopened@grid", "recategorize", "grid", "same"),
    ("escalated@village reopened@village", "recategorize", "village", "same"),
    ("escalated@township returned@township reopened@township", "recategorize", "dispatcher", "same"),
    ("dispatched@township", "recategorize", "dispatcher", "escalated@township"),
    ("ALL", "note", "reporter", "same"),
    ("ALL", "note", "grid", "same"),
    ("ALL", "note", "village", "same"),
    ("ALL", "note", "dispatcher", "same"),
    ("ALL", "note", "handler", "same"),
    ("OPEN", "add_photos", "reporter", "same"),
    ("OPEN", "add_photos", "handler", "same"),
    ("CLOCKED", "due_soon", "system", "same"),
    ("CLOCKED", "overdue", "system", "same"),
];

/// Positions whose deadline still runs (the work is not done).
const CLOCKED: &str = "pending@grid submitted@grid accepted@grid escalated@village \
    escalated@township dispatched@township returned@township in_progress@township \
    reopened@grid reopened@village reopened@township";

const PARTIES: [Party; 6] = [
    Party::Reporter,
    Party::Grid,
    Party::Village,
    Party::Dispatcher,
    Party::Handler,
    Party::System,
];

fn party(s: &str) -> Party {
    PARTIES
        .into_iter()
        .find(|p| format!("{p:?}").to_lowercase() == s)
        .unwrap_or_else(|| panic!("party {s}"))
}

fn position(s: &str) -> Position {
    let (state, level) = s.split_once('@').unwrap_or_else(|| panic!("position {s}"));
    let state = ReportState::parse(state).unwrap_or_else(|| panic!("state {state}"));
    Position {
        state,
        level: Level::parse(level).unwrap_or_else(|| panic!("level {level}")),
        // Done a day ago: inside the reopening window.
        resolved_at: matches!(
            state,
            ReportState::Resolved
                | ReportState::HandledOnSpot
                | ReportState::Confirmed
                | ReportState::Closed
        )
        .then_some(NOW - DAY),
        errand: None,
    }
}

fn positions(list: &str) -> Vec<&str> {
    match list {
        "ALL" => REACHABLE.split_whitespace().collect(),
        "OPEN" => OPEN.split_whitespace().collect(),
        "CLOCKED" => CLOCKED.split_whitespace().collect(),
        l => l.split_whitespace().collect(),
    }
}

/// The table's answer: the position it leads to, if legal.
fn expected(from: &str, action: ActionKind, by: Party) -> Option<(ReportState, Level)> {
    LEGAL.iter().find_map(|(froms, a, who, to)| {
        if *a != action.as_str() || party(who) != by || !positions(froms).contains(&from) {
            return None;
        }
        let at = position(from);
        Some(match *to {
            "same" => (at.state, at.level),
            t => {
                let t = t.replace('*', at.level.as_str());
                let p = position(&t);
                (p.state, p.level)
            }
        })
    })
}

#[test]
fn every_transition_of_every_capacity_is_as_the_table_says() {
    let mut legal = 0;
    for from in REACHABLE.split_whitespace() {
        for action in ActionKind::ALL {
            for by in PARTIES {
                let got = next(position(from), action, &[by], NOW);
                match (expected(from, action, by), got) {
                    (Some(want), Ok(p)) => {
                        assert_eq!((p.state, p.level), want, "{from} {action:?} by {by:?}");
                        legal += 1;
                    }
                    (Some(want), Err(e)) => {
                        panic!("{from} {action:?} by {by:?}: refused {e:?}, want {want:?}")
                    }
                    (None, Ok(p)) => panic!("{from} {action:?} by {by:?}: allowed to {p:?}"),
                    (None, Err(e)) => {
                        // 403 when this capacity never takes this action, else 409 (the
                        // grid takes an errand's steps, on errands only).
                        let ever = LEGAL
                            .iter()
                            .any(|(_, a, who, _)| *a == action.as_str() && party(who) == by)
                            || (super::errand::step_of(action).is_some() && by == Party::Grid);
                        let want = if ever {
                            Refusal::Illegal
                        } else {
                            Refusal::NotYours
                        };
                        assert_eq!(e, want, "{from} {action:?} by {by:?}");
                    }
                }
            }
        }
    }
    assert!(legal > 150, "{legal} legal transitions checked");
}

#[test]
fn every_rule_of_the_table_is_reachable_and_used() {
    for (froms, action, who, _) in LEGAL {
        let action = ActionKind::parse(action).expect("action");
        for from in positions(froms) {
            assert!(
                REACHABLE.split_whitespace().any(|p| p == from),
                "{from} is not a reachable position"
            );
            assert!(next(position(from), action, &[party(who)], NOW).is_ok());
        }
    }
}

#[test]
fn a_resident_may_reopen_within_30_days_of_the_resolution_only() {
    let mut at = position("resolved@township");
    at.resolved_at = Some(NOW - REOPEN_WINDOW_MS);
    assert!(next(at, ActionKind::Reopen, &[Party::Reporter], NOW).is_ok());
    at.resolved_at = Some(NOW - REOPEN_WINDOW_MS - 1);
    assert_eq!(
        next(at, ActionKind::Reopen, &[Party::Reporter], NOW),
        Err(Refusal::Illegal)
    );
    at.resolved_at = None;
    assert_eq!(
        next(at, ActionKind::Reopen, &[Party::Reporter], NOW),
        Err(Refusal::Illegal)
    );
}

#[test]
fn resolving_stamps_the_time_and_a_reopening_keeps_who_held_it() {
    let at = position("in_progress@township");
    let done = next(at, ActionKind::Resolve, &[Party::Handler], NOW).expect("resolve");
    assert_eq!(done.resolved_at, Some(NOW));
    let back = next(done, ActionKind::Reopen, &[Party::Reporter], NOW + DAY).expect("reopen");
    assert_eq!(
        (back.state, back.level),
        (ReportState::Reopened, Level::Township)
    );
    // The department takes it on again, or the dispatcher sends it elsewhere.
    assert!(next(back, ActionKind::DepartmentAccept, &[Party::Handler], NOW).is_ok());
    assert!(next(back, ActionKind::Dispatch, &[Party::Dispatcher], NOW).is_ok());
    assert_eq!(
        next(back, ActionKind::HandleOnSpot, &[Party::Grid], NOW),
        Err(Refusal::Illegal)
    );
}

#[test]
fn someone_in_two_capacities_may_do_what_either_may() {
    // A grid leader over the village is also over each of its grids.
    let both = [Party::Grid, Party::Village];
    let at = position("accepted@grid");
    let up = next(at, ActionKind::Escalate, &both, NOW).expect("escalate");
    assert_eq!(up.level, Level::Village);
    let up2 = next(up, ActionKind::Escalate, &both, NOW).expect("escalate again");
    assert_eq!(up2.level, Level::Township);
    assert_eq!(
        next(up2, ActionKind::Escalate, &both, NOW),
        Err(Refusal::Illegal)
    );
    // Nobody sends the first record of a timeline as an action.
    assert_eq!(
        next(at, ActionKind::Submit, &PARTIES, NOW),
        Err(Refusal::NotYours)
    );
}

#[test]
fn a_new_report_and_an_action_are_checked_field_by_field() {
    use super::{ActionRequest, Location, NewReport};
    let fields = |ds: Vec<crate::problem::Detail>| -> Vec<String> {
        ds.into_iter().filter_map(|d| d.field).collect()
    };
    let mut r = NewReport {
        id: "0190a0b0-0000-7000-8000-000000000001".into(),
        category: "muni-drain".into(),
        text: "村口下水道堵了，污水漫到路上".into(),
        grid: None,
        location: Location {
            lat: Some(28.2),
            long: Some(112.9),
            address: String::new(),
        },
        photos: vec![format!("p-{}", "a".repeat(32))],
        household: None,
        contact: None,
        errand: None,
    };
    assert!(r.problems().is_empty(), "{:?}", r.problems());
    r.text = " ".into();
    r.photos = vec!["../etc/passwd".into()];
    r.location.long = None;
    r.contact = Some("call me".into());
    assert_eq!(
        fields(r.problems()),
        ["text", "photos", "location", "contact"]
    );
    r.text = "好".repeat(super::MAX_TEXT + 1);
    assert_eq!(fields(r.problems())[0], "text");

    let act = |action: ActionKind| ActionRequest {
        id: "0190a0b0-0000-7000-8000-000000000002".into(),
        action,
        version: 3,
        text: String::new(),
        internal_text: String::new(),
        department: None,
        category: None,
        rating: None,
        into: None,
        photos: Vec::new(),
    };
    assert!(act(ActionKind::Accept).problems().is_empty());
    assert_eq!(fields(act(ActionKind::Resolve).problems()), ["text"]);
    assert_eq!(fields(act(ActionKind::Return).problems()), ["text"]);
    assert_eq!(fields(act(ActionKind::Dispatch).problems()), ["department"]);
    assert_eq!(fields(act(ActionKind::Confirm).problems()), ["rating"]);
    let mut six = act(ActionKind::Confirm);
    six.rating = Some(6);
    assert_eq!(fields(six.problems()), ["rating"]);
    six.rating = Some(5);
    assert!(six.problems().is_empty());
    assert_eq!(fields(act(ActionKind::Merge).problems()), ["into"]);
    assert_eq!(
        fields(act(ActionKind::Recategorize).problems()),
        ["category"]
    );
    assert_eq!(fields(act(ActionKind::Note).problems()), ["text"]);
    assert_eq!(fields(act(ActionKind::AddPhotos).problems()), ["photos"]);
}

#[test]
fn a_list_cursor_round_trips_and_excerpts_cut_by_character() {
    use super::{cursor_of, excerpt, parse_cursor};
    let c = cursor_of(1_767_574_800_000, "0194a000-0000-7000-8000-000000000001");
    assert_eq!(
        parse_cursor(&c),
        Some((
            1_767_574_800_000,
            "0194a000-0000-7000-8000-000000000001".to_owned()
        ))
    );
    assert_eq!(parse_cursor("soon.x"), None);
    assert_eq!(parse_cursor("1.bad id"), None);
    assert_eq!(excerpt("下水道堵了", 3), "下水道…");
    assert_eq!(excerpt("下水道", 3), "下水道");
}

#[test]
fn a_report_id_is_a_phone_made_uuid_v7_in_one_spelling() {
    use super::is_uuid_v7;
    assert!(is_uuid_v7("0190f3a2-7c4e-7abc-8def-0123456789ab"));
    for bad in [
        "",
        "r-1",
        // v4, not v7
        "0190f3a2-7c4e-4abc-8def-0123456789ab",
        // wrong variant
        "0190f3a2-7c4e-7abc-cdef-0123456789ab",
        // upper case: a second spelling of the same id
        "0190F3A2-7C4E-7ABC-8DEF-0123456789AB",
        // no hyphens
        "0190f3a27c4e7abc8def0123456789ab",
        "0190f3a2-7c4e-7abc-8def-0123456789ag",
    ] {
        assert!(!is_uuid_v7(bad), "{bad}");
    }
}

proptest::proptest! {
    #[test]
    fn every_id_a_phone_makes_is_accepted(ms in 0u64..(1u64 << 48), random: [u8; 10]) {
        let id = crate::households::uuid_v7(ms, random);
        proptest::prop_assert!(super::is_uuid_v7(&id), "{}", id);
        proptest::prop_assert!(super::valid_photo_key(&super::photo_key(&id)));
    }
}

#[test]
fn disputes_and_special_groups_stay_among_those_involved() {
    use super::private_category;
    for c in ["dispute-family", "dispute-land", "groups-elderly", "groups"] {
        assert!(private_category(c), "{c}");
    }
    for c in [
        "env-garbage",
        "muni-light",
        "safety-fire",
        "disputes-x",
        "service",
    ] {
        assert!(!private_category(c), "{c}");
    }
}

#[test]
fn an_instructor_works_reports_only_from_the_village_up() {
    use super::works_reports_under;
    use crate::accounts::AccountRole as R;
    let (village, grid) = ("990101001001", "990101001001001");
    assert!(works_reports_under(R::GridInstructor, village));
    assert!(!works_reports_under(R::GridInstructor, grid));
    for r in [R::GridWorker, R::GridLeader, R::Dispatcher] {
        assert!(works_reports_under(r, grid) && works_reports_under(r, village));
    }
    for r in [R::Resident, R::DepartmentHandler, R::ShopClerk, R::Admin] {
        assert!(!works_reports_under(r, village));
    }
}

/// An errand's own table (`state@step` → after the step): the grid worker's steps go
/// forward only, one may be skipped, `deliver` finishes it; whatever is not for errands is
/// refused (409) even where a problem report would allow it.
#[test]
fn an_errand_runs_through_its_steps_in_order_only() {
    use super::errand::{may_take, STEPS};
    let at = |state: ReportState, step: u8| Position {
        state,
        level: Level::Grid,
        resolved_at: None,
        errand: Some(step),
    };
    for state in [
        ReportState::Submitted,
        ReportState::Accepted,
        ReportState::Reopened,
    ] {
        for done in 0..=4u8 {
            for action in STEPS {
                let got = next(at(state, done), action, &[Party::Grid], NOW);
                if may_take(done, action) {
                    let p = got.unwrap_or_else(|e| panic!("{state:?}@{done} {action:?}: {e:?}"));
                    let want = if action == ActionKind::Deliver {
                        ReportState::HandledOnSpot
                    } else {
                        ReportState::Accepted
                    };
                    assert_eq!((p.state, p.level), (want, Level::Grid));
                    assert_eq!(p.errand, super::errand::step_of(action));
                } else {
                    assert_eq!(got, Err(Refusal::Illegal), "{state:?}@{done} {action:?}");
                }
                // Nobody else takes a step.
                for by in [
                    Party::Reporter,
                    Party::Village,
                    Party::Dispatcher,
                    Party::Handler,
                ] {
                    assert_eq!(
                        next(at(state, done), action, &[by], NOW),
                        Err(Refusal::NotYours)
                    );
                }
            }
        }
    }
    for action in [
        ActionKind::Escalate,
        ActionKind::HandleOnSpot,
        ActionKind::Merge,
        ActionKind::Recategorize,
    ] {
        assert_eq!(
            next(at(ReportState::Accepted, 1), action, &[Party::Grid], NOW),
            Err(Refusal::Illegal),
            "{action:?}"
        );
    }
    // Delivered: the resident rates it, or reopens it and the steps start again.
    let done = next(
        at(ReportState::Accepted, 3),
        ActionKind::Deliver,
        &[Party::Grid],
        NOW,
    )
    .expect("deliver");
    assert_eq!(done.resolved_at, Some(NOW));
    let rated = next(done, ActionKind::Confirm, &[Party::Reporter], NOW).expect("confirm");
    assert_eq!(rated.state, ReportState::Confirmed);
    let again = next(done, ActionKind::Reopen, &[Party::Reporter], NOW).expect("reopen");
    assert_eq!(
        (again.state, again.errand),
        (ReportState::Reopened, Some(0))
    );
    assert!(next(again, ActionKind::Collect, &[Party::Grid], NOW).is_ok());
}
