//! 督办: the open reports the scheduled job found near or past a deadline, for those who
//! hold or oversee them — most pressing first, with who holds each, how late it is, and
//! the supervision records (each one a round of notices) it has had.

use super::{ActionKind, ReportSummary};
use serde::{Deserialize, Serialize};

/// Which reports the supervision view lists (`?due=` of `GET /reports/supervision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// Within the warning span of the resolve deadline (临期).
    DueSoon,
    /// Past a deadline: resolving, or responding when nobody has (超期, 督办).
    Overdue,
}

impl Due {
    pub fn as_str(self) -> &'static str {
        match self {
            Due::DueSoon => "due_soon",
            Due::Overdue => "overdue",
        }
    }

    pub fn parse(s: &str) -> Option<Due> {
        [Due::DueSoon, Due::Overdue]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

/// Which clock a line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Nobody responded in time (urgent safety: 15 minutes; utilities: 24 hours).
    Respond,
    /// Not resolved in time.
    Resolve,
}

/// One supervision record on a report's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SupervisionRecord {
    pub action: ActionKind,
    pub at: i64,
}

/// One line of the supervision view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SupervisionLine {
    pub report: ReportSummary,
    pub clock: Clock,
    /// The deadline this line is about.
    pub deadline: i64,
    /// The scheduled job's records (近期/督办), oldest first: each told the holder and their
    /// supervisors.
    pub records: Vec<SupervisionRecord>,
}

/// `GET /api/v1/reports/supervision`: most pressing deadline first; `cursor` asks for the
/// next page; `now` is the server's clock (how late is counted from it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SupervisionPage {
    pub items: Vec<SupervisionLine>,
    pub cursor: Option<String>,
    pub now: i64,
}

/// Which clock an open, flagged report is supervised for, and that clock's deadline: the
/// unanswered respond clock if it ran out, else the resolve clock.
pub fn pressing(
    respond_by: Option<i64>,
    resolve_by: Option<i64>,
    unanswered: bool,
) -> Option<(Clock, i64)> {
    match (respond_by, resolve_by) {
        (Some(t), _) if unanswered => Some((Clock::Respond, t)),
        (_, Some(t)) => Some((Clock::Resolve, t)),
        (Some(t), None) => Some((Clock::Respond, t)),
        (None, None) => None,
    }
}

/// How far `now` is from `deadline`, in words: "超时 2 天 3 小时" / "还剩 5 小时" (and in
/// English). Minutes under an hour; days and hours beyond.
pub fn lateness(deadline: i64, now: i64) -> (String, String) {
    let late = now > deadline;
    let ms = (now - deadline).unsigned_abs();
    let minutes = ms / 60_000;
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let zh = match (d, h) {
        (0, 0) => format!("{m} 分钟"),
        (0, h) => format!("{h} 小时"),
        (d, 0) => format!("{d} 天"),
        (d, h) => format!("{d} 天 {h} 小时"),
    };
    let en = match (d, h) {
        (0, 0) => format!("{m} min"),
        (0, h) => format!("{h} h"),
        (d, 0) => format!("{d} d"),
        (d, h) => format!("{d} d {h} h"),
    };
    if late {
        (format!("超时 {zh}"), format!("{en} late"))
    } else {
        (format!("还剩 {zh}"), format!("{en} left"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;

    #[test]
    fn lateness_reads_in_days_hours_or_minutes() {
        assert_eq!(lateness(0, 51 * H).0, "超时 2 天 3 小时");
        assert_eq!(lateness(0, 48 * H).1, "2 d late");
        assert_eq!(lateness(5 * H, 0).0, "还剩 5 小时");
        assert_eq!(lateness(0, 14 * 60_000).0, "超时 14 分钟");
        assert_eq!(lateness(0, 14 * 60_000).1, "14 min late");
    }

    #[test]
    fn an_unanswered_respond_clock_comes_first() {
        assert_eq!(pressing(Some(1), Some(9), true), Some((Clock::Respond, 1)));
        assert_eq!(pressing(Some(1), Some(9), false), Some((Clock::Resolve, 9)));
        assert_eq!(pressing(Some(1), None, false), Some((Clock::Respond, 1)));
        assert_eq!(pressing(None, None, true), None);
        assert_eq!(Due::parse("overdue"), Some(Due::Overdue));
        assert_eq!(Due::parse("late"), None);
    }
}
