//! Working-day deadlines (办理时限). The calendar is data — public holidays and make-up
//! workdays (调休) per year, as the State Council publishes them — and everything here is
//! arithmetic on it in Beijing time (UTC+8, no daylight saving). A year the calendar has
//! no data for falls back to plain weekends, and says so (`Deadlines::fallback`).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Milliseconds in a day, and Beijing's offset from UTC.
const DAY_MS: i64 = 86_400_000;
const BEIJING_MS: i64 = 8 * 3_600_000;

/// A calendar day as days since 1970-01-01 (the proleptic Gregorian calendar).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The Beijing calendar day an instant (ms since the epoch) falls on.
    pub fn of_ms(ms: i64) -> Day {
        Day((ms + BEIJING_MS).div_euclid(DAY_MS) as i32)
    }

    /// The instant this day ends in Beijing (24:00, i.e. the next day's 00:00).
    pub fn end_ms(self) -> i64 {
        (i64::from(self.0) + 1) * DAY_MS - BEIJING_MS
    }

    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    /// `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Day> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Day::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Saturday or Sunday (1970-01-01 was a Thursday).
    pub fn is_weekend(self) -> bool {
        matches!((self.0 + 3).rem_euclid(7), 5 | 6)
    }

    pub fn next(self) -> Day {
        Day(self.0 + 1)
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// What the notice says of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// 放假: a day off, weekend days inside a holiday block included.
    Holiday,
    /// 调休上班: a Saturday or Sunday made a working day.
    Workday,
}

impl DayKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Holiday => "holiday",
            Self::Workday => "workday",
        }
    }

    pub fn parse(s: &str) -> Option<DayKind> {
        [Self::Holiday, Self::Workday]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// The working-day calendar: the listed dates, and which years the lists cover (a year is
/// covered once its notice is entered, even before every date is).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    days: BTreeMap<Day, DayKind>,
    years: BTreeSet<i32>,
}

impl Calendar {
    /// From listed dates; each listed date's year counts as covered.
    pub fn new(days: impl IntoIterator<Item = (Day, DayKind)>) -> Calendar {
        let days: BTreeMap<Day, DayKind> = days.into_iter().collect();
        let years = days.keys().map(|d| d.ymd().0).collect();
        Calendar { days, years }
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The years covered, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    /// An unlisted weekday works; an unlisted weekend day is off; a listing overrides.
    pub fn is_working(&self, day: Day) -> bool {
        match self.days.get(&day) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::Workday) => true,
            None => !day.is_weekend(),
        }
    }

    /// The `n`th working day after `day` (`n` = 0: `day` itself, working or not).
    pub fn add_working_days(&self, day: Day, n: u32) -> Day {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            d = d.next();
            if self.is_working(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days in `(from, to]`: how many `add_working_days` steps lead from `from`
    /// to `to` (0 if `to` is not after `from`).
    pub fn working_days_between(&self, from: Day, to: Day) -> u32 {
        let mut n = 0;
        let mut d = from;
        while d < to {
            d = d.next();
            if self.is_working(d) {
                n += 1;
            }
        }
        n
    }

    /// Whether every day from `from` to `to` lies in a covered year.
    pub fn covers_span(&self, from: Day, to: Day) -> bool {
        (from.ymd().0..=to.ymd().0).all(|y| self.covers(y))
    }
}

/// A category's deadline class (admins choose it per category).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineClass {
    /// General matters: resolved within 7 working days.
    General,
    /// Water, power, gas: on site within 24 hours, resolved within 3 working days.
    Utilities,
    /// Urgent safety: a response within 15 minutes.
    Urgent,
}

impl DeadlineClass {
    pub const ALL: [DeadlineClass; 3] = [Self::General, Self::Utilities, Self::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::General => "general",
            Self::Utilities => "utilities",
            Self::Urgent => "urgent",
        }
    }

    pub fn parse(s: &str) -> Option<DeadlineClass> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// (response within, in ms of clock time; resolution within, in working days).
    pub fn limits(self) -> (Option<i64>, Option<u32>) {
        match self {
            Self::General => (None, Some(7)),
            Self::Utilities => (Some(24 * 3_600_000), Some(3)),
            Self::Urgent => (Some(15 * 60_000), None),
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::General => "一般事项：7 个工作日内办结",
            Self::Utilities => "水电气：24 小时内到场，3 个工作日内办结",
            Self::Urgent => "紧急安全：15 分钟内响应",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::General => "General: resolved within 7 working days",
            Self::Utilities => "Utilities: on site within 24 hours, resolved within 3 working days",
            Self::Urgent => "Urgent safety: a response within 15 minutes",
        }
    }
}

/// When a report filed at some instant must be responded to and resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadlines {
    /// Someone on site or answering by then (ms).
    pub respond_by: Option<i64>,
    /// Resolved by the end of that working day, Beijing time (ms).
    pub resolve_by: Option<i64>,
    /// The calendar had no data for a year the deadline spans: plain weekends were used.
    pub fallback: bool,
}

/// The deadlines of a report of `class` filed at `filed_at`. Working days are counted
/// from the day after filing: filed on Monday with 7 working days, it is due by the end of
/// the next Wednesday (no holidays between).
pub fn deadlines(class: DeadlineClass, filed_at: i64, calendar: &Calendar) -> Deadlines {
    let (respond, resolve) = class.limits();
    let filed = Day::of_ms(filed_at);
    let due = resolve.map(|n| calendar.add_working_days(filed, n));
    Deadlines {
        respond_by: respond.map(|ms| filed_at + ms),
        resolve_by: due.map(Day::end_ms),
        fallback: due.is_some_and(|d| !calendar.covers_span(filed, d)),
    }
}

/// `PUT /api/v1/admin/report-categories/{code}`: a second-level category's deadline class
/// (a county's administrators; reports filed from then on follow it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryClassSave {
    pub deadline_class: DeadlineClass,
}

/// Where a report stands against its deadline at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    OnTime,
    /// Within a day of its deadline (or, for minutes-long limits, within a fifth of it).
    DueSoon,
    Overdue,
}

/// How close `now` is to `by` for a limit of `span` ms (the time it was given).
pub fn urgency(by: i64, span: i64, now: i64) -> Urgency {
    let warn = (span / 5).min(DAY_MS);
    if now > by {
        Urgency::Overdue
    } else if by - now <= warn {
        Urgency::DueSoon
    } else {
        Urgency::OnTime
    }
}

/// One listed date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub day: Day,
    pub kind: DayKind,
    /// The festival, as the notice names it.
    pub name: String,
}

/// A bad line of a calendar file: its 1-based number and what is wrong.
pub type BadLine = (usize, String);

/// One listed date, on the wire (`GET /calendar`, `PUT /admin/calendar/{year}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarDay {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub kind: DayKind,
    /// The festival (春节, 国庆节 …).
    pub name: String,
}

/// `GET /api/v1/calendar?year=`: the listed dates of a year and the next, which of them
/// are published, and the warning when the next is not (its deadlines count weekends).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarView {
    pub year: i32,
    pub days: Vec<CalendarDay>,
    /// Of `year` and `year + 1`, those with listed dates.
    pub published: Vec<i32>,
    /// `year + 1` when it has no listed dates yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<i32>,
}

/// `PUT /api/v1/admin/calendar/{year}`: every listed date of that year (replacing what was
/// there; none: the year is unpublished again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarYearSave {
    pub days: Vec<CalendarDay>,
}

impl CalendarYearSave {
    /// Every rule the list breaks, each under `days` with its 1-based line.
    pub fn problems(&self, year: i32) -> Vec<crate::problem::Detail> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, d) in self.days.iter().enumerate() {
            let bad = |zh: &str, en: &str| crate::problem::Detail {
                line: Some(i + 1),
                field: Some("days".to_owned()),
                message_zh: format!("{}：{zh}", d.day),
                message_en: format!("{}: {en}", d.day),
            };
            match Day::parse(&d.day) {
                None => out.push(bad(
                    "日期要写成 2027-01-01 这样",
                    "write dates as 2027-01-01",
                )),
                Some(day) if day.ymd().0 != year => out.push(bad("不在这一年", "not in this year")),
                Some(day) if d.kind == DayKind::Workday && !day.is_weekend() => out.push(bad(
                    "调休上班日应是周六或周日",
                    "a make-up workday is a Saturday or Sunday",
                )),
                Some(day) if !seen.insert(day) => out.push(bad("重复了", "listed twice")),
                Some(_) if d.name.trim().is_empty() || d.name.chars().count() > 20 => {
                    out.push(bad(
                        "请写节日名称（20 字以内）",
                        "name the festival (20 characters at most)",
                    ))
                }
                Some(_) => {}
            }
        }
        if self.days.len() > 120 {
            out.push(crate::problem::Detail {
                line: None,
                field: Some("days".to_owned()),
                message_zh: "一年最多 120 个日期".to_owned(),
                message_en: "at most 120 dates a year".to_owned(),
            });
        }
        out
    }
}

/// Parses `date,kind,name` lines (the published CSV; a header line is skipped). Every bad
/// line is reported with its 1-based number.
pub fn parse_calendar_csv(text: &str) -> Result<Vec<Listed>, Vec<BadLine>> {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || (i == 0 && line.starts_with("date")) {
            continue;
        }
        let mut cols = line.splitn(3, ',');
        let (date, kind, name) = (cols.next(), cols.next(), cols.next().unwrap_or(""));
        match (date.and_then(Day::parse), kind.and_then(DayKind::parse)) {
            (Some(day), Some(kind)) if kind == DayKind::Holiday || day.is_weekend() => {
                out.push(Listed {
                    day,
                    kind,
                    name: name.trim().to_owned(),
                })
            }
            (Some(_), Some(_)) => bad.push((i + 1, "a make-up workday falls on a weekend".into())),
            (None, _) => bad.push((i + 1, "the date is not YYYY-MM-DD".into())),
            (_, None) => bad.push((i + 1, "the kind is holiday or workday".into())),
        }
    }
    if bad.is_empty() {
        Ok(out)
    } else {
        Err(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CSV: &str = include_str!("../../../functions/seed/calendar-cn.csv");

    fn cn() -> Calendar {
        let rows = parse_calendar_csv(CSV).expect("the seed parses");
        Calendar::new(rows.into_iter().map(|l| (l.day, l.kind)))
    }

    fn day(s: &str) -> Day {
        Day::parse(s).expect("a date")
    }

    #[test]
    fn dates_round_trip_and_weekdays_are_right() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2025-10-01",
            "2026-12-31",
            "2100-03-01",
        ] {
            assert_eq!(day(s).iso(), s);
        }
        assert_eq!(day("1970-01-01"), Day(0));
        assert!(day("2026-11-21").is_weekend() && day("2026-11-22").is_weekend());
        assert!(!day("2026-11-23").is_weekend());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "20261101",
            "2026-00-10",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        // Beijing midnight: 16:00 UTC the day before.
        let d = day("2026-11-23");
        assert_eq!(Day::of_ms(d.end_ms() - 1), d);
        assert_eq!(Day::of_ms(d.end_ms()), d.next());
    }

    #[test]
    fn the_seed_has_2025_and_2026_and_its_workdays_are_weekends() {
        let rows = parse_calendar_csv(CSV).expect("parses");
        assert_eq!(rows.len(), 72);
        let c = cn();
        assert_eq!(c.years().collect::<Vec<_>>(), [2025, 2026]);
        assert!(!c.covers(2027));
        // 国庆节 2026 and its make-up days.
        assert!(!c.is_working(day("2026-10-01")));
        assert!(!c.is_working(day("2026-10-07")));
        // Sunday 09-20 and Saturday 10-10 are worked (调休).
        assert!(c.is_working(day("2026-09-20")) && c.is_working(day("2026-10-10")));
        assert!(!c.is_working(day("2026-09-19")));
    }

    #[test]
    fn seven_working_days_skip_the_national_day_holiday() {
        let c = cn();
        // Filed Wednesday 2026-09-30 (the day before the holiday): the holiday runs to
        // 10-07, so day 1 is 10-08.
        let filed = day("2026-09-30");
        // 10-08 Thu, 10-09 Fri, 10-10 Sat (调休), 10-12 … 10-15 Thu.
        let due = c.add_working_days(filed, 7);
        assert_eq!(due, day("2026-10-15"));
        assert_eq!(c.working_days_between(filed, due), 7);
        // An ordinary week: Monday → the next Wednesday.
        assert_eq!(c.add_working_days(day("2026-11-23"), 7), day("2026-12-02"));
    }

    #[test]
    fn a_span_into_an_unpublished_year_falls_back_and_says_so() {
        let c = cn();
        let late = day("2026-12-28").end_ms() - 3_600_000;
        let d = deadlines(DeadlineClass::General, late, &c);
        assert!(d.fallback);
        let early = day("2026-11-23").end_ms() - 3_600_000;
        assert!(!deadlines(DeadlineClass::General, early, &c).fallback);
        // Minutes-long limits need no calendar.
        let u = deadlines(DeadlineClass::Urgent, late, &c);
        assert_eq!(
            (u.respond_by, u.resolve_by, u.fallback),
            (Some(late + 900_000), None, false)
        );
    }

    #[test]
    fn due_soon_is_a_fifth_of_the_limit_at_most_a_day() {
        assert_eq!(urgency(1_000, 1_000, 700), Urgency::OnTime);
        assert_eq!(urgency(1_000, 1_000, 800), Urgency::DueSoon);
        assert_eq!(urgency(1_000, 1_000, 1_001), Urgency::Overdue);
        let week = 7 * DAY_MS;
        assert_eq!(urgency(week, week, 0), Urgency::OnTime);
        assert_eq!(urgency(week, week, week - DAY_MS + 1), Urgency::DueSoon);
    }

    #[test]
    fn bad_calendar_lines_are_named() {
        let bad = "date,kind,name\n2026-13-01,holiday,x\n2026-11-23,workday,y\n2026-11-21,rest,z\n";
        let lines: Vec<usize> = parse_calendar_csv(bad)
            .unwrap_err()
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(lines, [2, 3, 4]);
    }

    #[test]
    fn a_years_list_must_be_that_year_and_make_up_days_weekends() {
        let d = |day: &str, kind, name: &str| CalendarDay {
            day: day.into(),
            kind,
            name: name.into(),
        };
        let ok = CalendarYearSave {
            days: vec![
                d("2027-01-01", DayKind::Holiday, "元旦"),
                d("2027-02-06", DayKind::Workday, "春节"),
            ],
        };
        assert!(ok.problems(2027).is_empty(), "{:?}", ok.problems(2027));
        let bad = CalendarYearSave {
            days: vec![
                d("2026-12-31", DayKind::Holiday, "元旦"),
                d("2027-02-05", DayKind::Workday, "春节"),
                d("2027-13-01", DayKind::Holiday, "x"),
                d("2027-01-01", DayKind::Holiday, ""),
                d("2027-01-01", DayKind::Holiday, "元旦"),
            ],
        };
        let lines: Vec<Option<usize>> = bad.problems(2027).iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    }

    proptest! {
        #[test]
        fn adding_then_counting_back_gives_n(start in 20_000i32..20_900, n in 0u32..40) {
            let c = cn();
            let from = Day(start);
            let due = c.add_working_days(from, n);
            prop_assert_eq!(c.working_days_between(from, due), n);
        }

        #[test]
        fn a_deadline_never_lands_on_a_day_off(start in 20_000i32..20_900, n in 1u32..40) {
            let c = cn();
            prop_assert!(c.is_working(c.add_working_days(Day(start), n)));
        }

        #[test]
        fn more_working_days_never_come_sooner(start in 20_000i32..20_900, n in 0u32..40) {
            let c = cn();
            prop_assert!(c.add_working_days(Day(start), n + 1) > c.add_working_days(Day(start), n));
        }

        #[test]
        fn days_round_trip(n in -800_000i32..800_000) {
            let (y, m, d) = Day(n).ymd();
            prop_assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
        }

        #[test]
        fn without_listings_it_is_plain_weekends(start in 0i32..30_000, n in 1u32..30) {
            let c = Calendar::default();
            let due = c.add_working_days(Day(start), n);
            prop_assert!(!due.is_weekend());
            prop_assert!(due.0 - start >= n as i32);
        }
    }
}
