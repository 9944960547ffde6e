//! The in-app inbox: notices for the people a report's action concerns (a report reached
//! your queue; your report was resolved — please rate). No push: phones in mainland China
//! mostly cannot reach push services; the inbox is read on open and after each sync.

use crate::reports::{ActionKind, Level, ReportState};
use serde::{Deserialize, Serialize};

/// Why someone is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A report reached your queue (your grid, village, township or department).
    Assigned,
    /// The department sent a report back to the dispatcher.
    Returned,
    /// Your report was resolved or handled: please confirm and rate it.
    Resolved,
    /// Your report was rejected or merged into another.
    Closed,
    /// A report you follow was resolved, handled or closed (nothing for you to rate).
    Followed,
    /// A report you hold (or supervise) is close to its deadline.
    DueSoon,
    /// A report you hold (or supervise) is past its deadline (督办).
    Overdue,
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assigned => "assigned",
            Self::Returned => "returned",
            Self::Resolved => "resolved",
            Self::Closed => "closed",
            Self::Followed => "followed",
            Self::DueSoon => "due_soon",
            Self::Overdue => "overdue",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Assigned,
            Self::Returned,
            Self::Resolved,
            Self::Closed,
            Self::Followed,
            Self::DueSoon,
            Self::Overdue,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Who is told of an action: people found from the report (its grid, its department, its
/// household), never the one who acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Grid workers and leaders over the report's grid.
    Grid,
    /// Leaders and instructors over its village.
    Village,
    /// Dispatchers over its township.
    Dispatchers,
    /// Handlers of the department it is dispatched to.
    Handlers,
    /// The household's accounts (and whoever filed it for themselves).
    Reporter,
    /// Residents following it (they may read it, not answer it).
    Followers,
}

/// Who hears of `action`, which left the report in `state` at `level`, and why.
pub fn audiences(
    action: ActionKind,
    state: ReportState,
    level: Level,
) -> Vec<(Audience, NoticeKind)> {
    use Audience as A;
    use NoticeKind as K;
    let holder = |level: Level| match level {
        Level::Grid => A::Grid,
        Level::Village => A::Village,
        Level::Township => A::Dispatchers,
    };
    match (action, state) {
        (ActionKind::Submit, _) | (ActionKind::Escalate, _) => vec![(holder(level), K::Assigned)],
        (ActionKind::Dispatch, _) => vec![(A::Handlers, K::Assigned)],
        (ActionKind::Return, _) => vec![(A::Dispatchers, K::Returned)],
        // An errand delivered asks its resident to rate it like a handled report (its
        // earlier steps show on the report's page).
        (ActionKind::Resolve | ActionKind::HandleOnSpot | ActionKind::Deliver, _) => {
            vec![(A::Reporter, K::Resolved), (A::Followers, K::Followed)]
        }
        (ActionKind::Reject | ActionKind::Merge, _) => {
            vec![(A::Reporter, K::Closed), (A::Followers, K::Followed)]
        }
        (ActionKind::Reopen, _) if level == Level::Township => {
            vec![(A::Handlers, K::Assigned), (A::Dispatchers, K::Assigned)]
        }
        (ActionKind::Reopen, _) => vec![(holder(level), K::Assigned)],
        (ActionKind::Recategorize, ReportState::Escalated) if level == Level::Township => {
            vec![(A::Dispatchers, K::Assigned)]
        }
        _ => Vec::new(),
    }
}

/// One notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Notice {
    pub id: String,
    pub kind: NoticeKind,
    pub report: String,
    /// The report's first words, so the inbox reads without opening each one.
    pub excerpt: String,
    pub at: i64,
    pub read: bool,
}

/// `GET /api/v1/inbox`: newest first, with the unread count for the navigation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Inbox {
    pub items: Vec<Notice>,
    pub unread: u32,
    pub cursor: Option<String>,
}

/// `POST /api/v1/inbox/read`: these notices (or all) are read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MarkRead {
    #[serde(default)]
    pub ids: Vec<String>,
    #[serde(default)]
    pub all: bool,
}

/// Notices per page.
pub const PAGE_SIZE: usize = 30;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_tells_whoever_now_holds_the_report_or_the_resident() {
        use ActionKind as Act;
        use Audience as A;
        use NoticeKind as K;
        type Case = (Act, ReportState, Level, &'static [(A, K)]);
        let cases: &[Case] = &[
            (
                Act::Submit,
                ReportState::Submitted,
                Level::Grid,
                &[(A::Grid, K::Assigned)],
            ),
            (
                Act::Submit,
                ReportState::Pending,
                Level::Grid,
                &[(A::Grid, K::Assigned)],
            ),
            (
                Act::Escalate,
                ReportState::Escalated,
                Level::Village,
                &[(A::Village, K::Assigned)],
            ),
            (
                Act::Escalate,
                ReportState::Escalated,
                Level::Township,
                &[(A::Dispatchers, K::Assigned)],
            ),
            (
                Act::Dispatch,
                ReportState::Dispatched,
                Level::Township,
                &[(A::Handlers, K::Assigned)],
            ),
            (
                Act::Return,
                ReportState::Returned,
                Level::Township,
                &[(A::Dispatchers, K::Returned)],
            ),
            (
                Act::Resolve,
                ReportState::Resolved,
                Level::Township,
                &[(A::Reporter, K::Resolved), (A::Followers, K::Followed)],
            ),
            (
                Act::HandleOnSpot,
                ReportState::HandledOnSpot,
                Level::Grid,
                &[(A::Reporter, K::Resolved), (A::Followers, K::Followed)],
            ),
            (
                Act::Reject,
                ReportState::Rejected,
                Level::Grid,
                &[(A::Reporter, K::Closed), (A::Followers, K::Followed)],
            ),
            (
                Act::Merge,
                ReportState::Merged,
                Level::Township,
                &[(A::Reporter, K::Closed), (A::Followers, K::Followed)],
            ),
            (
                Act::Reopen,
                ReportState::Reopened,
                Level::Grid,
                &[(A::Grid, K::Assigned)],
            ),
            (
                Act::Reopen,
                ReportState::Reopened,
                Level::Township,
                &[(A::Handlers, K::Assigned), (A::Dispatchers, K::Assigned)],
            ),
            (
                Act::Recategorize,
                ReportState::Escalated,
                Level::Township,
                &[(A::Dispatchers, K::Assigned)],
            ),
            (Act::Recategorize, ReportState::Accepted, Level::Grid, &[]),
            (Act::Accept, ReportState::Accepted, Level::Grid, &[]),
            (Act::Note, ReportState::InProgress, Level::Township, &[]),
            (Act::Confirm, ReportState::Confirmed, Level::Township, &[]),
        ];
        for (action, state, level, want) in cases {
            assert_eq!(
                audiences(*action, *state, *level),
                *want,
                "{action:?} → {state:?}"
            );
        }
    }
}
