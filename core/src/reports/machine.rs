//! The report's state machine: one table of rules (action, from states, level, who → to).
//! The Worker works out in which capacities (`Party`) the actor stands towards a report and
//! asks `next`; nothing else decides a transition.

use super::{errand, ActionKind, Level, ReportState};
use serde::{Deserialize, Serialize};

/// In which capacity someone acts on one report (the Worker derives it from their roles
/// and the report's grid and department). One person may hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// Filed it, or lives in the household it was filed for.
    Reporter,
    /// A grid worker or grid leader over the report's grid.
    Grid,
    /// A grid leader or instructor over the report's village (逐级上报's second level).
    Village,
    /// The dispatcher of the report's township (派单).
    Dispatcher,
    /// A handler of the department the report is dispatched to.
    Handler,
    /// The scheduled job (closing unanswered reports).
    System,
}

/// Where a transition leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// This state, at the same level.
    State(ReportState),
    /// `Escalated`, one level up.
    Up,
    /// No change of state (a note, a photo, a new category).
    Same,
}

/// One rule: `by` may take `action` from any of `from` while the report sits at `level`
/// (`None`: any level).
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub action: ActionKind,
    pub from: &'static [ReportState],
    pub level: Option<Level>,
    pub by: Party,
    pub to: To,
}

use ActionKind as A;
use Level as L;
use Party as P;
use ReportState as S;

const fn rule(
    action: ActionKind,
    from: &'static [ReportState],
    level: Option<Level>,
    by: Party,
    to: To,
) -> Rule {
    Rule {
        action,
        from,
        level,
        by,
        to,
    }
}

/// States in which a report is still with the grid, the village or the dispatcher.
#[rustfmt::skip]
const WAITING: &[ReportState] = &[S::Pending, S::Submitted, S::Accepted, S::Escalated, S::Returned, S::Reopened];
/// Every state before a final one (a note or a photo can still be added).
const OPEN: &[ReportState] = &[
    S::Pending,
    S::Submitted,
    S::Accepted,
    S::Escalated,
    S::Dispatched,
    S::Returned,
    S::InProgress,
    S::Resolved,
    S::HandledOnSpot,
    S::Reopened,
];
/// States in which a deadline runs (the work is not done yet).
#[rustfmt::skip]
pub const CLOCKED: &[ReportState] = &[S::Pending, S::Submitted, S::Accepted, S::Escalated, S::Dispatched, S::Returned, S::InProgress, S::Reopened];
/// States where the work is done and the resident's answer is awaited.
const DONE: &[ReportState] = &[S::Resolved, S::HandledOnSpot];
/// Every state.
const ANY: &[ReportState] = &ReportState::ALL;

/// Every legal transition. Read it as a sentence: "`by` may `action` a report that is in
/// one of `from` at `level`, and it becomes `to`".
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // 收单: the grid takes in what residents filed (an anonymous report only this way).
    rule(A::Accept, &[S::Pending, S::Submitted], Some(L::Grid), P::Grid, To::State(S::Accepted)),
    // 自办自结, at the grid or at the village.
    rule(A::HandleOnSpot, &[S::Accepted, S::Reopened], Some(L::Grid), P::Grid, To::State(S::HandledOnSpot)),
    rule(A::HandleOnSpot, &[S::Escalated, S::Reopened], Some(L::Village), P::Village, To::State(S::HandledOnSpot)),
    // 逐级上报: grid → village → township.
    rule(A::Escalate, &[S::Accepted, S::Reopened], Some(L::Grid), P::Grid, To::Up),
    rule(A::Escalate, &[S::Escalated, S::Reopened], Some(L::Village), P::Village, To::Up),
    // 派单, also again after a return or a reopening.
    rule(A::Dispatch, &[S::Escalated, S::Returned, S::Reopened], Some(L::Township), P::Dispatcher, To::State(S::Dispatched)),
    // 接单 or a return to the dispatcher with a reason.
    rule(A::DepartmentAccept, &[S::Dispatched, S::Reopened], Some(L::Township), P::Handler, To::State(S::InProgress)),
    rule(A::Return, &[S::Dispatched, S::InProgress], Some(L::Township), P::Handler, To::State(S::Returned)),
    rule(A::Resolve, &[S::InProgress], Some(L::Township), P::Handler, To::State(S::Resolved)),
    // The resident's answer.
    rule(A::Confirm, DONE, None, P::Reporter, To::State(S::Confirmed)),
    rule(A::Reopen, &[S::Resolved, S::HandledOnSpot, S::Confirmed, S::Closed], None, P::Reporter, To::State(S::Reopened)),
    rule(A::Close, DONE, None, P::System, To::State(S::Closed)),
    // Not in scope, or the same as another report: whoever holds it at its level.
    rule(A::Reject, WAITING, Some(L::Grid), P::Grid, To::State(S::Rejected)),
    rule(A::Reject, WAITING, Some(L::Village), P::Village, To::State(S::Rejected)),
    rule(A::Reject, WAITING, Some(L::Township), P::Dispatcher, To::State(S::Rejected)),
    rule(A::Merge, WAITING, Some(L::Grid), P::Grid, To::State(S::Merged)),
    rule(A::Merge, WAITING, Some(L::Village), P::Village, To::State(S::Merged)),
    rule(A::Merge, &[S::Escalated, S::Returned, S::Reopened, S::Dispatched], Some(L::Township), P::Dispatcher, To::State(S::Merged)),
    // A new category (the Worker re-routes a dispatched report to its department).
    rule(A::Recategorize, WAITING, Some(L::Grid), P::Grid, To::Same),
    rule(A::Recategorize, WAITING, Some(L::Village), P::Village, To::Same),
    rule(A::Recategorize, &[S::Escalated, S::Returned, S::Reopened], Some(L::Township), P::Dispatcher, To::Same),
    // A dispatched report under a new category goes back to the dispatcher to be sent on.
    rule(A::Recategorize, &[S::Dispatched], Some(L::Township), P::Dispatcher, To::State(S::Escalated)),
    // Notes from anyone involved; photos from the reporter and the handler.
    rule(A::Note, ANY, None, P::Reporter, To::Same),
    rule(A::Note, ANY, None, P::Grid, To::Same),
    rule(A::Note, ANY, None, P::Village, To::Same),
    rule(A::Note, ANY, None, P::Dispatcher, To::Same),
    rule(A::Note, ANY, None, P::Handler, To::Same),
    rule(A::AddPhotos, OPEN, None, P::Reporter, To::Same),
    rule(A::AddPhotos, OPEN, None, P::Handler, To::Same),
    // 督办: the scheduled job records a deadline near or passed; the state stays.
    rule(A::DueSoon, CLOCKED, None, P::System, To::Same),
    rule(A::Overdue, CLOCKED, None, P::System, To::Same),
    // 代办: the grid worker's steps on an errand, in order (`next` checks the order);
    // the first one takes the errand in, the last one finishes it.
    rule(A::Collect, ERRAND, Some(L::Grid), P::Grid, To::State(S::Accepted)),
    rule(A::SubmitToOffice, ERRAND, Some(L::Grid), P::Grid, To::State(S::Accepted)),
    rule(A::ReceiveResult, ERRAND, Some(L::Grid), P::Grid, To::State(S::Accepted)),
    rule(A::Deliver, ERRAND, Some(L::Grid), P::Grid, To::State(S::HandledOnSpot)),
];

/// States in which the grid worker records an errand's steps.
const ERRAND: &[ReportState] = &[S::Submitted, S::Accepted, S::Reopened];

/// What an errand is never: sent up, handled other than by its steps, merged or turned
/// into another category.
const NOT_FOR_ERRANDS: &[ActionKind] = &[A::Escalate, A::HandleOnSpot, A::Merge, A::Recategorize];

/// How long after its resolution a resident may say "not actually fixed".
pub const REOPEN_WINDOW_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// What a report is now, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub state: ReportState,
    pub level: Level,
    /// When it was last resolved or handled on the spot.
    pub resolved_at: Option<i64>,
    /// An errand (代办): the last step recorded (0: none yet). `None`: not an errand.
    pub errand: Option<u8>,
}

/// Why a transition was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// None of the actor's capacities may ever take this action on this report (403).
    NotYours,
    /// Not from this state or level, or too late (409 `illegal_transition`).
    Illegal,
}

/// Where `action` by someone acting as `parties` takes the report at `at` (at `now`).
pub fn next(
    at: Position,
    action: ActionKind,
    parties: &[Party],
    now: i64,
) -> Result<Position, Refusal> {
    let mine: Vec<&Rule> = RULES
        .iter()
        .filter(|r| r.action == action && parties.contains(&r.by))
        .collect();
    if mine.is_empty() {
        return Err(Refusal::NotYours);
    }
    let out_of_order = match at.errand {
        None => errand::step_of(action).is_some(),
        Some(done) => {
            NOT_FOR_ERRANDS.contains(&action)
                || (errand::step_of(action).is_some() && !errand::may_take(done, action))
        }
    };
    if out_of_order {
        return Err(Refusal::Illegal);
    }
    let rule = mine
        .into_iter()
        .find(|r| r.from.contains(&at.state) && r.level.is_none_or(|l| l == at.level))
        .ok_or(Refusal::Illegal)?;
    let in_window = at
        .resolved_at
        .is_some_and(|t| now.saturating_sub(t) <= REOPEN_WINDOW_MS);
    if action == ActionKind::Reopen && !in_window {
        return Err(Refusal::Illegal);
    }
    // An errand's progress: a step moves it on, a reopening starts the steps again.
    let at = Position {
        errand: match (at.errand, errand::step_of(action)) {
            (Some(_), Some(k)) => Some(k),
            (Some(_), None) if action == ActionKind::Reopen => Some(0),
            (e, _) => e,
        },
        ..at
    };
    Ok(match rule.to {
        To::Same => at,
        To::Up => Position {
            state: ReportState::Escalated,
            level: at.level.up(),
            ..at
        },
        To::State(state) => Position {
            state,
            resolved_at: if matches!(state, ReportState::Resolved | ReportState::HandledOnSpot) {
                Some(now)
            } else {
                at.resolved_at
            },
            ..at
        },
    })
}

/// In which capacity `next` would let `parties` take `action` (the role recorded with it).
pub fn acting(at: Position, action: ActionKind, parties: &[Party], now: i64) -> Option<Party> {
    next(at, action, parties, now).ok()?;
    RULES
        .iter()
        .find(|r| {
            r.action == action
                && parties.contains(&r.by)
                && r.from.contains(&at.state)
                && r.level.is_none_or(|l| l == at.level)
        })
        .map(|r| r.by)
}

/// The actions someone acting as `parties` may take now (the buttons a page shows).
pub fn allowed(at: Position, parties: &[Party], now: i64) -> Vec<ActionKind> {
    let mut out: Vec<ActionKind> = Vec::new();
    for a in ActionKind::ALL {
        if !out.contains(&a) && next(at, a, parties, now).is_ok() {
            out.push(a);
        }
    }
    out
}
