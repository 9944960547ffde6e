//! 办理时限 against the real Worker: deadlines set at filing from the calendar table, the
//! scheduled job (run through wrangler's `/cdn-cgi/local/scheduled` with a fixed `time`)
//! recording due-soon, overdue and unanswered reports once each and telling whoever holds
//! them and their supervisor, and an administrator's calendar edit moving new deadlines.
//!
//! One test function: a scheduled run at a future time reaches every open report in the
//! database, so nothing else in this binary may run beside it.

use serde_json::json;
use wangge_api_tests::{new_id, Api, Reply};
use wangge_core::inbox::{Inbox, NoticeKind};
use wangge_core::reports::deadline::{
    deadlines, Calendar, CalendarDay, CalendarView, CalendarYearSave, Day, DeadlineClass, Urgency,
};
use wangge_core::reports::supervision::{Clock, SupervisionLine, SupervisionPage};
use wangge_core::reports::{ActionKind, Category, Report};

const ADDR: &str = "192.0.2.140";
const HOUR: i64 = 3_600_000;

fn file(api: &Api, cookie: &str, category: &str) -> Report {
    let body = json!({
        "id": new_id(),
        "category": category,
        "text": format!("时限测试 {category} {}", new_id()),
        "location": {"address": "东岗村一组"},
        "photos": []
    });
    let r = api.as_user_json("POST", "/api/v1/reports", cookie, &body.to_string());
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()
}

fn get(api: &Api, cookie: &str, id: &str) -> Report {
    let r = api.as_user("GET", &format!("/api/v1/reports/{id}"), cookie);
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

/// The scheduled job, as the cron trigger would run it at `time`.
fn tick(api: &Api, time: i64) {
    let r = api.request(
        "GET",
        &format!("/cdn-cgi/local/scheduled?cron=*/5+*+*+*+*&time={time}"),
        None,
    );
    assert_eq!(r.status, 200, "scheduled run: {}", r.body);
}

fn kinds(api: &Api, cookie: &str, report: &str) -> Vec<NoticeKind> {
    let inbox: Inbox = api.as_user("GET", "/api/v1/inbox", cookie).json();
    inbox
        .items
        .into_iter()
        .filter(|n| n.report == report)
        .map(|n| n.kind)
        .collect()
}

fn system_records(r: &Report) -> Vec<ActionKind> {
    r.timeline
        .iter()
        .map(|a| a.action)
        .filter(|a| matches!(a, ActionKind::DueSoon | ActionKind::Overdue))
        .collect()
}

/// The calendar as the Worker has it, for the years around `ms`.
fn calendar_near(api: &Api, ms: i64) -> Calendar {
    let year = Day::of_ms(ms).ymd().0;
    let view: CalendarView = api
        .request("GET", &format!("/api/v1/calendar?year={year}"), None)
        .json();
    Calendar::new(
        view.days
            .iter()
            .filter_map(|d| Some((Day::parse(&d.day)?, d.kind))),
    )
}

fn save_year(api: &Api, cookie: &str, year: i32, days: &[CalendarDay]) -> Reply {
    api.as_user_json(
        "PUT",
        &format!("/api/v1/admin/calendar/{year}"),
        cookie,
        &json!({ "days": days }).to_string(),
    )
}

/// The line of report `id` in the supervision view (`due`), paging on as far as needed.
fn supervised(api: &Api, cookie: &str, due: &str, id: &str) -> Option<SupervisionLine> {
    let mut cursor: Option<String> = None;
    let mut last: Option<i64> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/reports/supervision?due={due}&cursor={c}"),
            None => format!("/api/v1/reports/supervision?due={due}"),
        };
        let r = api.as_user("GET", &path, cookie);
        assert_eq!(r.status, 200, "{}", r.body);
        let page: SupervisionPage = r.json();
        // Most pressing first, across pages too.
        for l in &page.items {
            assert!(last.is_none_or(|k| k <= l.deadline), "in deadline order");
            last = Some(l.deadline);
        }
        if let Some(l) = page.items.into_iter().find(|l| l.report.id == id) {
            return Some(l);
        }
        cursor = Some(page.cursor?);
    }
}

#[test]
fn deadlines_are_set_watched_and_follow_the_calendar() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let leader = api.session("leader", ADDR);
    let admin = api.session("admin", ADDR);
    let dispatcher = api.session("dispatcher", ADDR);

    // Each category's class is on the tree the form reads.
    let cats: Vec<Category> = api.request("GET", "/api/v1/report-categories", None).json();
    let class = |code: &str| {
        cats.iter()
            .find(|c| c.code == code)
            .map(|c| c.deadline_class)
    };
    assert_eq!(class("muni-drain"), Some(DeadlineClass::General));
    assert_eq!(class("muni-water"), Some(DeadlineClass::Utilities));
    assert_eq!(class("safety-fire"), Some(DeadlineClass::Urgent));

    // Filed: 7 working days by the calendar table, counted as core counts them.
    let r = file(&api, &resident, "muni-drain");
    let expect = deadlines(
        DeadlineClass::General,
        r.created_at,
        &calendar_near(&api, r.created_at),
    );
    assert_eq!(r.resolve_by, expect.resolve_by);
    assert_eq!(r.respond_by, None);
    assert_eq!(r.deadline_fallback, expect.fallback);
    assert_eq!(r.due, Some(Urgency::OnTime));
    let due = r.resolve_by.expect("a general matter has a resolve-by");

    // An hour before: due soon, recorded once however often the job runs, and the grid
    // worker (who holds it) and the village leader (who supervises) are told.
    tick(&api, due - HOUR);
    tick(&api, due - HOUR);
    let seen = get(&api, &resident, &r.id);
    assert_eq!(system_records(&seen), [ActionKind::DueSoon]);
    assert_eq!(seen.version, r.version + 1);
    assert_eq!(seen.state, r.state, "a deadline never changes the state");
    let rec = seen.timeline.last().expect("a record");
    assert_eq!((rec.by.as_str(), rec.role), ("系统", None));
    assert!(kinds(&api, &worker, &r.id).contains(&NoticeKind::DueSoon));
    assert!(kinds(&api, &leader, &r.id).contains(&NoticeKind::DueSoon));
    assert!(
        kinds(&api, &resident, &r.id).is_empty(),
        "residents are not told of supervision"
    );
    // On the supervision board's due-soon list (the grid worker's and the dispatcher's).
    let soon = supervised(&api, &worker, "due_soon", &r.id).expect("listed due soon");
    assert_eq!((soon.clock, soon.deadline), (Clock::Resolve, due));
    assert!(supervised(&api, &dispatcher, "due_soon", &r.id).is_some());
    assert!(supervised(&api, &dispatcher, "overdue", &r.id).is_none());
    let refused = api.as_user("GET", "/api/v1/reports/supervision", &resident);
    assert_eq!(refused.status, 403, "{}", refused.body);
    let bad = api.as_user("GET", "/api/v1/reports/supervision?due=late", &dispatcher);
    assert_eq!(bad.status, 400, "{}", bad.body);

    // Past it: overdue, once; the report says so.
    tick(&api, due + HOUR);
    tick(&api, due + 2 * HOUR);
    let late = get(&api, &worker, &r.id);
    assert_eq!(
        system_records(&late),
        [ActionKind::DueSoon, ActionKind::Overdue]
    );
    assert!(kinds(&api, &worker, &r.id).contains(&NoticeKind::Overdue));
    assert!(kinds(&api, &leader, &r.id).contains(&NoticeKind::Overdue));
    // 督办: on the dispatcher's supervision view, with both records, off the due-soon list.
    let line = supervised(&api, &dispatcher, "overdue", &r.id).expect("listed overdue");
    assert_eq!((line.clock, line.deadline), (Clock::Resolve, due));
    let recs: Vec<ActionKind> = line.records.iter().map(|x| x.action).collect();
    assert_eq!(recs, [ActionKind::DueSoon, ActionKind::Overdue]);
    assert_eq!(line.report.state, late.state);
    assert!(supervised(&api, &dispatcher, "due_soon", &r.id).is_none());
    // Still the worker's to act on — even on the version they saw before the records
    // (queued on a phone, say): a deadline record changes nothing they decided on.
    assert_eq!(late.version, r.version + 2);
    let accept = api.as_user_json(
        "POST",
        &format!("/api/v1/reports/{}/actions", r.id),
        &worker,
        &json!({"id": new_id(), "action": "accept", "version": r.version}).to_string(),
    );
    assert_eq!(accept.status, 200, "{}", accept.body);
    // But not on a version older than a person's step.
    let stale = api.as_user_json(
        "POST",
        &format!("/api/v1/reports/{}/actions", r.id),
        &worker,
        &json!({"id": new_id(), "action": "note", "text": "再看", "version": r.version})
            .to_string(),
    );
    assert_eq!(stale.status, 409, "{}", stale.body);
    // An action may not borrow the job's ids (nor any id but a phone's UUIDv7).
    let borrowed = api.as_user_json(
        "POST",
        &format!("/api/v1/reports/{}/actions", r.id),
        &worker,
        &json!({"id": format!("sys-late-{}-9", r.id), "action": "note", "text": "x", "version": late.version + 1}).to_string(),
    );
    assert_eq!(borrowed.status, 422, "{}", borrowed.body);

    // Urgent safety: a response within 15 minutes. Nobody answered: recorded unanswered.
    let fire = file(&api, &resident, "safety-fire");
    assert_eq!(fire.respond_by, Some(fire.created_at + 15 * 60_000));
    assert_eq!(fire.resolve_by, None);
    tick(&api, fire.created_at + 16 * 60_000);
    let fire = get(&api, &worker, &fire.id);
    assert_eq!(system_records(&fire), [ActionKind::Overdue]);
    assert!(kinds(&api, &worker, &fire.id).contains(&NoticeKind::Overdue));
    let line = supervised(&api, &worker, "overdue", &fire.id).expect("unanswered is overdue");
    assert_eq!(
        (line.clock, line.deadline),
        (Clock::Respond, fire.created_at + 15 * 60_000)
    );
    // Answered in time: nothing recorded.
    let answered = file(&api, &resident, "safety-building");
    let taken = api.as_user_json(
        "POST",
        &format!("/api/v1/reports/{}/actions", answered.id),
        &worker,
        &json!({"id": new_id(), "action": "accept", "version": answered.version}).to_string(),
    );
    assert_eq!(taken.status, 200, "{}", taken.body);
    tick(&api, answered.created_at + 16 * 60_000);
    assert!(system_records(&get(&api, &worker, &answered.id)).is_empty());

    // The calendar: the published years, and the next one's warning when it is missing.
    let now_year = Day::of_ms(r.created_at).ymd().0;
    let view: CalendarView = api
        .request("GET", &format!("/api/v1/calendar?year={now_year}"), None)
        .json();
    assert_eq!(view.year, now_year);
    assert_eq!(
        view.missing.is_some(),
        !view.published.contains(&(now_year + 1))
    );

    // An administrator declares the next working day a holiday: a report filed now is
    // due one working day later than it would have been; then the calendar is restored.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as i64;
    let before = calendar_near(&api, now);
    let today = Day::of_ms(now);
    let off = before.add_working_days(today, 1);
    let year = off.ymd().0;
    let original: CalendarYearSave = {
        let v: CalendarView = api
            .request("GET", &format!("/api/v1/calendar?year={year}"), None)
            .json();
        CalendarYearSave {
            days: v
                .days
                .into_iter()
                .filter(|d| d.day.starts_with(&format!("{year:04}-")))
                .collect(),
        }
    };
    // (A make-up Saturday listed as a workday becomes a holiday instead.)
    let mut edited: Vec<CalendarDay> = original
        .days
        .iter()
        .filter(|d| d.day != off.iso())
        .cloned()
        .collect();
    edited.push(CalendarDay {
        day: off.iso(),
        kind: wangge_core::reports::deadline::DayKind::Holiday,
        name: "测试假日".into(),
    });
    // Refused whole when a line is wrong, with the line named.
    let mut wrong = edited.clone();
    wrong.push(CalendarDay {
        day: format!("{year:04}-13-01"),
        kind: wangge_core::reports::deadline::DayKind::Holiday,
        name: "x".into(),
    });
    let refused = save_year(&api, &admin, year, &wrong);
    assert_eq!(refused.status, 422, "{}", refused.body);
    let saved = save_year(&api, &admin, year, &edited);
    assert_eq!(saved.status, 200, "{}", saved.body);
    let moved = file(&api, &resident, "muni-drain");
    let usual = deadlines(DeadlineClass::General, moved.created_at, &before);
    let after = calendar_near(&api, moved.created_at);
    assert!(!after.is_working(off));
    let expect = deadlines(DeadlineClass::General, moved.created_at, &after);
    assert_eq!(moved.resolve_by, expect.resolve_by);
    assert!(
        moved.resolve_by > usual.resolve_by,
        "the new holiday pushes the deadline"
    );
    let restored = save_year(&api, &admin, year, &original.days);
    assert_eq!(restored.status, 200, "{}", restored.body);

    // A county administrator makes blocked drains a utilities matter: a drain reported
    // from then on must be answered within 24 hours; then it is set back.
    let class = |cookie: &str, code: &str, class: &str| {
        api.as_user_json(
            "PUT",
            &format!("/api/v1/admin/report-categories/{code}"),
            cookie,
            &json!({ "deadline_class": class }).to_string(),
        )
    };
    let set = class(&admin, "muni-drain", "utilities");
    assert_eq!(set.status, 200, "{}", set.body);
    let cats: Vec<Category> = api.request("GET", "/api/v1/report-categories", None).json();
    assert!(cats
        .iter()
        .any(|c| c.code == "muni-drain" && c.deadline_class == DeadlineClass::Utilities));
    let drain = file(&api, &resident, "muni-drain");
    assert_eq!(drain.respond_by, Some(drain.created_at + 24 * HOUR));
    let utilities = deadlines(
        DeadlineClass::Utilities,
        drain.created_at,
        &calendar_near(&api, drain.created_at),
    );
    assert_eq!(drain.resolve_by, utilities.resolve_by);
    let back = class(&admin, "muni-drain", "general");
    assert_eq!(back.status, 200, "{}", back.body);
    // Only second-level categories that exist; only the county's administrators.
    let r = class(&admin, "muni", "urgent");
    assert_eq!(
        r.status, 404,
        "a first-level category has no class: {}",
        r.body
    );
    let r = class(&admin, "no-such", "urgent");
    assert_eq!(r.status, 404, "{}", r.body);
    let township_admin = api.session("admin-b", ADDR);
    let r = class(&township_admin, "muni-drain", "urgent");
    assert_eq!(r.status, 403, "{}", r.body);
    let r = class(&admin, "muni-drain", "soonish");
    assert_eq!(r.status, 400, "{}", r.body);
}
