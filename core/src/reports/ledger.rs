//! 台账: the reports of a grid subtree filed in a date range, as a CSV that opens in Excel,
//! grouped as the townships keep their books — resolved, pending, hard (已解决 / 待解决 /
//! 难解决).

use super::deadline::Day;
use super::ReportState;

/// A ledger's group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LedgerGroup {
    /// 已解决: nothing more to do (done, confirmed, closed, merged into another, or
    /// rejected with a reason).
    Resolved,
    /// 待解决: open and on time.
    Pending,
    /// 难解决: open and past a deadline, reopened by the resident, or sent back by the
    /// department.
    Hard,
}

impl LedgerGroup {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Resolved => "已解决",
            Self::Pending => "待解决",
            Self::Hard => "难解决",
        }
    }
}

/// The group of a report in `state`; `late`: the scheduled job recorded it overdue.
pub fn group_of(state: ReportState, late: bool) -> LedgerGroup {
    use ReportState as S;
    match state {
        S::Resolved | S::HandledOnSpot | S::Confirmed | S::Closed | S::Merged | S::Rejected => {
            LedgerGroup::Resolved
        }
        S::Reopened | S::Returned => LedgerGroup::Hard,
        _ if late => LedgerGroup::Hard,
        _ => LedgerGroup::Pending,
    }
}

/// One report, as the ledger prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    pub id: String,
    pub created_at: i64,
    pub grid: String,
    pub grid_name: String,
    pub category: String,
    pub text: String,
    pub state: ReportState,
    /// The department it is with (or was resolved by), if any.
    pub department: String,
    pub resolve_by: Option<i64>,
    pub resolved_at: Option<i64>,
    pub rating: Option<u8>,
    pub late: bool,
}

/// The columns, in order.
pub const HEADER: [&str; 12] = [
    "分组",
    "报事编号",
    "提交时间",
    "网格编码",
    "网格",
    "类别",
    "事项",
    "状态",
    "承办部门",
    "办结时限",
    "办结时间",
    "评价",
];

/// `ms` as Beijing time, `2026-11-23 14:05`.
pub fn beijing_time(ms: i64) -> String {
    let (y, m, d) = Day::of_ms(ms).ymd();
    let minutes = (ms + 8 * 3_600_000).rem_euclid(86_400_000) / 60_000;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        minutes / 60,
        minutes % 60
    )
}

/// The ledger as CSV (`admin::to_csv`: BOM, CRLF, formula-safe): resolved first, then
/// pending, then hard; within a group, oldest first.
pub fn ledger_csv(mut lines: Vec<LedgerLine>) -> String {
    lines.sort_by_key(|l| (group_of(l.state, l.late), l.created_at));
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|l| {
            vec![
                group_of(l.state, l.late).label_zh().to_owned(),
                l.id,
                beijing_time(l.created_at),
                l.grid,
                l.grid_name,
                l.category,
                l.text,
                l.state.label_zh().to_owned(),
                l.department,
                l.resolve_by.map(beijing_time).unwrap_or_default(),
                l.resolved_at.map(beijing_time).unwrap_or_default(),
                l.rating.map(|n| "★".repeat(n.into())).unwrap_or_default(),
            ]
        })
        .collect();
    crate::admin::to_csv(&HEADER, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReportState as S;

    fn line(id: &str, at: i64, state: ReportState, late: bool) -> LedgerLine {
        LedgerLine {
            id: id.into(),
            created_at: at,
            grid: "990101001003001".into(),
            grid_name: "第一网格".into(),
            category: "下水道堵塞".into(),
            text: "=1+1 路口下水道堵了, \"很臭\"".into(),
            state,
            department: String::new(),
            resolve_by: Some(1_767_225_600_000),
            resolved_at: None,
            rating: None,
            late,
        }
    }

    #[test]
    fn every_state_has_a_group_and_late_open_ones_are_hard() {
        for s in ReportState::ALL {
            let on_time = group_of(s, false);
            let late = group_of(s, true);
            if s.is_final() || matches!(s, S::Resolved | S::HandledOnSpot) {
                assert_eq!(
                    (on_time, late),
                    (LedgerGroup::Resolved, LedgerGroup::Resolved)
                );
            } else {
                assert_eq!(late, LedgerGroup::Hard, "{s:?}");
            }
        }
        assert_eq!(group_of(S::Dispatched, false), LedgerGroup::Pending);
        assert_eq!(group_of(S::Reopened, false), LedgerGroup::Hard);
    }

    #[test]
    fn the_csv_groups_in_order_and_opens_in_excel() {
        let csv = ledger_csv(vec![
            line("c", 3, S::Dispatched, true),
            line("b", 2, S::Accepted, false),
            line("a", 1, S::Confirmed, false),
            line("d", 0, S::Submitted, false),
        ]);
        assert!(csv.starts_with("\u{feff}分组,报事编号,提交时间"));
        let rows: Vec<Vec<String>> = crate::admin::read_csv(&csv)
            .expect("reads back")
            .into_iter()
            .map(|r| r.fields)
            .collect();
        let groups: Vec<(&str, &str)> = rows[1..]
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str()))
            .collect();
        assert_eq!(
            groups,
            [
                ("已解决", "a"),
                ("待解决", "d"),
                ("待解决", "b"),
                ("难解决", "c")
            ]
        );
        // Commas, quotes and a formula stay one text cell.
        assert!(rows[1][6].contains("路口下水道堵了, \"很臭\""));
        assert!(csv.contains("'=1+1"), "a formula is defused");
        assert_eq!(rows[1][9], "2026-01-01 08:00");
    }

    #[test]
    fn beijing_time_is_eight_hours_ahead() {
        assert_eq!(beijing_time(0), "1970-01-01 08:00");
        assert_eq!(beijing_time(16 * 3_600_000 - 60_000), "1970-01-01 23:59");
        assert_eq!(beijing_time(16 * 3_600_000), "1970-01-02 00:00");
    }
}
