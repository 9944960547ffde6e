//! 报事 against the real Worker: the whole loop (taken in, escalated twice, dispatched,
//! returned, dispatched again, resolved, confirmed), both 409s, idempotent filing (also 20
//! sends of one id at once), who may see what, anonymous and on-behalf filing.

use serde_json::json;
use wangge_api_tests::{new_id, Api, Reply};
use wangge_core::problem::{Problem, ProblemCode};
use wangge_core::reports::{ActionKind, Category, Level, Report, ReportState};

const ADDR: &str = "192.0.2.120";
const GRID: &str = "990101001003001";
/// 张德明户, resident-a's household in `GRID`.
const HOUSEHOLD: &str = "hh-990101001003001-012";

fn file(api: &Api, cookie: Option<&str>, body: &serde_json::Value) -> Reply {
    api.file_report(cookie, ADDR, body)
}

fn drain(id: &str) -> serde_json::Value {
    json!({
        "id": id,
        "category": "muni-drain",
        "text": "三组路口下水道堵了，雨天污水漫到路上。",
        "location": {"lat": 28.19, "long": 112.97, "address": "东岗村三组路口"},
        "photos": []
    })
}

/// Takes `action` on report `r` as `cookie`, on the report's current version.
fn act(api: &Api, cookie: &str, r: &Report, action: ActionKind, extra: serde_json::Value) -> Reply {
    api.act(cookie, r, action, extra)
}

fn ok(r: Reply) -> Report {
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[test]
fn the_category_tree_has_the_townships_eight_kinds_and_errands() {
    let api = Api::from_env();
    let r = api.get("/api/v1/report-categories");
    assert_eq!(r.status, 200, "{}", r.body);
    let list: Vec<Category> = r.json();
    let top: Vec<&str> = list
        .iter()
        .filter(|c| c.parent.is_none())
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(
        top,
        ["env", "muni", "safety", "dispute", "groups", "order", "market", "service", "errand"]
    );
    // Errands (代办) have one category, asked for from the guide.
    let errands: Vec<&str> = list
        .iter()
        .filter(|c| c.parent.as_deref() == Some("errand"))
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(errands, [wangge_core::reports::errand::CATEGORY]);
    for t in top.iter().filter(|t| **t != "errand") {
        assert!(
            list.iter()
                .filter(|c| c.parent.as_deref() == Some(*t))
                .count()
                >= 3,
            "{t} has its children"
        );
    }
}

#[test]
fn the_departments_a_report_can_go_to_are_the_active_ones() {
    let api = Api::from_env();
    let r = api.get("/api/v1/report-departments");
    assert_eq!(r.status, 200, "{}", r.body);
    let list: Vec<wangge_core::admin::Department> = r.json();
    assert!(list.iter().any(|d| d.id == "water"), "{}", r.body);
    assert!(list.iter().all(|d| d.active));
    let ids: Vec<&str> = list.iter().map(|d| d.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "in id order");
    // Cached by the phone: a second read with the ETag is a 304.
    let tag = r.etag.clone().expect("an ETag");
    let again = api.request("GET", "/api/v1/report-departments", Some(&tag));
    assert_eq!(again.status, 304);
}

#[test]
fn a_report_goes_round_the_whole_loop_with_an_escalation_and_a_return() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let leader = api.session("leader", ADDR);
    let dispatcher = api.session("dispatcher", ADDR);
    let handler = api.session("handler", ADDR);

    // Filed by the resident: the grid comes from the household.
    let r = file(&api, Some(&resident), &drain(&new_id()));
    assert_eq!(r.status, 201, "{}", r.body);
    let mut rep: Report = r.json();
    assert_eq!(
        (rep.state, rep.level, rep.version),
        (ReportState::Submitted, Level::Grid, 1)
    );
    assert_eq!(rep.grid, GRID);
    assert!(rep.allowed.contains(&ActionKind::Note));
    assert!(!rep.allowed.contains(&ActionKind::Accept));

    rep = ok(act(
        &api,
        &worker,
        &rep,
        ActionKind::Accept,
        json!({"text": "收到，下午去看。"}),
    ));
    rep = ok(act(
        &api,
        &worker,
        &rep,
        ActionKind::Escalate,
        json!({"text": "要用疏通车，上报村里。", "internal_text": "上次也是这里堵。"}),
    ));
    assert_eq!(
        (rep.state, rep.level),
        (ReportState::Escalated, Level::Village)
    );
    // The grid worker cannot take it further; the village can.
    let r = act(&api, &worker, &rep, ActionKind::Escalate, json!({}));
    assert_eq!(r.status, 409, "{}", r.body);
    let p: Problem = r.json();
    assert_eq!(p.code, ProblemCode::IllegalTransition);
    assert_eq!(p.state.as_deref(), Some("escalated"));
    rep = ok(act(
        &api,
        &leader,
        &rep,
        ActionKind::Escalate,
        json!({"text": "上报镇里派单。"}),
    ));
    assert_eq!(rep.level, Level::Township);

    rep = ok(act(
        &api,
        &dispatcher,
        &rep,
        ActionKind::Dispatch,
        json!({"department": "water", "text": "派给水务站。"}),
    ));
    assert_eq!(
        (rep.state, rep.department.as_deref()),
        (ReportState::Dispatched, Some("water"))
    );
    // The department sends it back with a reason; it is the dispatcher's again.
    let r = act(&api, &handler, &rep, ActionKind::Return, json!({}));
    assert_eq!(r.status, 422, "a return needs a reason: {}", r.body);
    let back = json!({"id": new_id(), "text": "属于村内沟渠，不归水务站。"});
    let before = rep.clone();
    rep = ok(act(
        &api,
        &handler,
        &before,
        ActionKind::Return,
        back.clone(),
    ));
    assert_eq!(rep.state, ReportState::Returned);
    // The answer was lost and the handler's phone sends the return again: the same
    // answer, though the report is no longer the department's.
    let again = act(&api, &handler, &before, ActionKind::Return, back);
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json::<Report>().version, rep.version);
    // Returned: the department no longer holds it; the record says who sent it back.
    assert_eq!(rep.department, None);
    assert_eq!(
        rep.timeline.last().and_then(|a| a.department.as_deref()),
        Some("water")
    );
    assert_eq!(
        api.as_user("GET", &format!("/api/v1/reports/{}", rep.id), &handler)
            .status,
        403
    );
    rep = ok(act(
        &api,
        &dispatcher,
        &rep,
        ActionKind::Dispatch,
        json!({"department": "water", "text": "经核实为供水管网，请水务站处理。"}),
    ));
    rep = ok(act(
        &api,
        &handler,
        &rep,
        ActionKind::DepartmentAccept,
        json!({}),
    ));
    assert_eq!(rep.state, ReportState::InProgress);
    rep = ok(act(
        &api,
        &handler,
        &rep,
        ActionKind::Resolve,
        json!({"text": "已疏通，换了一段破损管道。"}),
    ));
    assert_eq!(rep.state, ReportState::Resolved);
    assert!(rep.resolved_at.is_some());

    // The resident confirms with a rating.
    let mine: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", rep.id), &resident)
        .json();
    assert_eq!(
        mine.allowed,
        [
            ActionKind::Confirm,
            ActionKind::Reopen,
            ActionKind::Note,
            ActionKind::AddPhotos
        ]
    );
    let r = act(
        &api,
        &resident,
        &mine,
        ActionKind::Confirm,
        json!({"rating": 9}),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    rep = ok(act(
        &api,
        &resident,
        &mine,
        ActionKind::Confirm,
        json!({"rating": 5, "text": "修得很快，谢谢！"}),
    ));
    assert_eq!((rep.state, rep.rating), (ReportState::Confirmed, Some(5)));

    // The whole timeline: the resident sees it without internal notes; staff with them.
    let steps: Vec<(ActionKind, ReportState)> =
        rep.timeline.iter().map(|a| (a.action, a.to)).collect();
    assert_eq!(
        steps,
        [
            (ActionKind::Submit, ReportState::Submitted),
            (ActionKind::Accept, ReportState::Accepted),
            (ActionKind::Escalate, ReportState::Escalated),
            (ActionKind::Escalate, ReportState::Escalated),
            (ActionKind::Dispatch, ReportState::Dispatched),
            (ActionKind::Return, ReportState::Returned),
            (ActionKind::Dispatch, ReportState::Dispatched),
            (ActionKind::DepartmentAccept, ReportState::InProgress),
            (ActionKind::Resolve, ReportState::Resolved),
            (ActionKind::Confirm, ReportState::Confirmed),
        ]
    );
    assert!(
        rep.timeline.iter().all(|a| a.internal_text.is_none()),
        "resident view"
    );
    assert_eq!(rep.timeline[2].by, "李秀梅");
    let staff: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", rep.id), &dispatcher)
        .json();
    assert_eq!(
        staff.timeline[2].internal_text.as_deref(),
        Some("上次也是这里堵。")
    );
    assert_eq!(staff.timeline.len(), 10);
}

#[test]
fn a_stale_version_is_a_conflict_and_two_dispatchers_never_both_land() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let r = file(&api, Some(&resident), &drain(&new_id()));
    let rep: Report = r.json();
    let accepted = ok(act(&api, &worker, &rep, ActionKind::Accept, json!({})));
    // Acting on version 1 again: 409 with where it stands now; nothing recorded.
    let r = act(
        &api,
        &worker,
        &rep,
        ActionKind::Note,
        json!({"text": "迟到的备注"}),
    );
    assert_eq!(r.status, 409, "{}", r.body);
    let p: Problem = r.json();
    assert_eq!(p.code, ProblemCode::VersionConflict);
    assert_eq!((p.state.as_deref(), p.version), (Some("accepted"), Some(2)));

    // Two actions decided on the same version at once: exactly one lands.
    let answers: Vec<u16> = std::thread::scope(|s| {
        let handles: Vec<_> = [ActionKind::HandleOnSpot, ActionKind::Escalate]
            .into_iter()
            .map(|a| {
                let (api, worker, accepted) = (&api, &worker, &accepted);
                s.spawn(move || act(api, worker, accepted, a, json!({"text": "处理"})).status)
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    let mut sorted = answers.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, [200, 409], "{answers:?}");
    let now: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", rep.id), &worker)
        .json();
    assert_eq!((now.version, now.timeline.len()), (3, 3));
}

#[test]
fn filing_is_idempotent_forever_and_twenty_sends_make_one_report() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let id = new_id();
    let first = file(&api, Some(&resident), &drain(&id));
    assert_eq!(first.status, 201, "{}", first.body);
    let again = file(&api, Some(&resident), &drain(&id));
    assert_eq!(again.status, 201, "{}", again.body);
    assert_eq!(again.json::<Report>(), first.json::<Report>());
    let mut other = drain(&id);
    other["text"] = json!("换了内容");
    let r = file(&api, Some(&resident), &other);
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(r.json::<Problem>().code, ProblemCode::IdempotencyConflict);

    let id = new_id();
    let body = drain(&id);
    let answers: Vec<(u16, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..20)
            .map(|_| {
                let (api, resident, body) = (&api, &resident, &body);
                s.spawn(move || {
                    let r = file(api, Some(resident), body);
                    (r.status, r.body)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    for (status, body) in &answers {
        assert_eq!(*status, 201, "{body}");
        assert_eq!(serde_json::from_str::<Report>(body).expect("report").id, id);
    }
    let rows = wangge_api_tests::d1(&format!(
        "SELECT (SELECT COUNT(*) FROM reports WHERE id = '{id}') AS reports, \
         (SELECT COUNT(*) FROM report_actions WHERE report_id = '{id}') AS actions"
    ));
    assert_eq!(rows[0]["reports"], 1);
    assert_eq!(rows[0]["actions"], 1);
}

#[test]
fn only_those_involved_see_a_report() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let dispatcher = api.session("dispatcher", ADDR);
    let worker = api.session("worker-a", ADDR);
    let leader = api.session("leader", ADDR);
    let mut rep: Report = file(&api, Some(&resident), &drain(&new_id())).json();
    rep = ok(act(&api, &worker, &rep, ActionKind::Accept, json!({})));
    rep = ok(act(&api, &worker, &rep, ActionKind::Escalate, json!({})));
    rep = ok(act(&api, &leader, &rep, ActionKind::Escalate, json!({})));
    // Only a department that exists and serves this place can be chosen.
    let r = act(
        &api,
        &dispatcher,
        &rep,
        ActionKind::Dispatch,
        json!({"department": "no-such"}),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(
        r.json::<Problem>().errors[0].field.as_deref(),
        Some("department")
    );
    rep = ok(act(
        &api,
        &dispatcher,
        &rep,
        ActionKind::Dispatch,
        json!({"department": "power"}),
    ));
    let path = format!("/api/v1/reports/{}", rep.id);
    // Another department's handler, another household, another grid's worker: 403.
    for who in ["handler", "resident-b", "worker-b", "clerk"] {
        let r = api.as_user("GET", &path, &api.session(who, ADDR));
        assert_eq!(r.status, 403, "{who}: {}", r.body);
        assert_eq!(r.json::<Problem>().code, ProblemCode::Forbidden);
    }
    assert_eq!(api.as_user("GET", &path, &resident).status, 200);
    assert_eq!(api.as_user("GET", &path, &dispatcher).status, 200);
    let unknown = api.as_user(
        "GET",
        "/api/v1/reports/0194ffff-0000-7000-8000-00000000dead",
        &resident,
    );
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.json::<Problem>().code, ProblemCode::ReportNotFound);
}

#[test]
fn filing_without_an_account_is_limited_per_address() {
    let api = Api::from_env();
    // An address of its own, so reruns on one database and other tests never share it.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let addr = format!("198.51.{}.{}", nanos % 200, nanos / 200 % 250 + 1);
    let send = |body: &serde_json::Value| {
        api.send(
            "POST",
            "/api/v1/reports",
            &[
                ("Origin", api.origin().to_owned()),
                ("CF-Connecting-IP", addr.clone()),
            ],
            Some(&body.to_string()),
        )
    };
    let anonymous = || {
        let mut b = drain(&new_id());
        b["grid"] = json!(GRID);
        b["contact"] = json!("13700005678");
        b
    };
    let first = anonymous();
    for i in 0..5 {
        let body = if i == 0 { first.clone() } else { anonymous() };
        let r = send(&body);
        assert_eq!(r.status, 201, "report {i}: {}", r.body);
    }
    let over = send(&anonymous());
    assert_eq!(over.status, 429, "{}", over.body);
    assert_eq!(over.json::<Problem>().code, ProblemCode::TooManyAttempts);
    assert!(over
        .headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("retry-after")));
    // A retry of a report already taken is its answer again, not a new filing.
    assert_eq!(send(&first).status, 201);
    // Signed-in residents are not counted against the address.
    let resident = api.session("resident-a", &addr);
    let r = api.send(
        "POST",
        "/api/v1/reports",
        &[
            ("Origin", api.origin().to_owned()),
            ("CF-Connecting-IP", addr.clone()),
            ("Cookie", resident),
        ],
        Some(&drain(&new_id()).to_string()),
    );
    assert_eq!(r.status, 201, "{}", r.body);
}

#[test]
fn a_neighbour_sees_a_similar_open_report_follows_it_and_hears_when_it_is_done() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let mut body = drain(&new_id());
    body["category"] = json!("muni-light");
    body["text"] = json!(format!("五组路灯不亮，晚上很黑 {}", new_id()));
    let r: Report = {
        let reply = file(&api, Some(&resident), &body);
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json()
    };
    let (_, neighbour) = wangge_api_tests::fresh_resident(&api, "192.0.2.121");
    let path = format!("/api/v1/reports/{}", r.id);

    // Before filing, the neighbour's form shows it (their household's grid by default).
    let similar: Vec<wangge_core::reports::ReportSummary> = api
        .as_user(
            "GET",
            "/api/v1/reports/similar?category=muni-light",
            &neighbour,
        )
        .json();
    assert!(similar.iter().any(|x| x.id == r.id), "{similar:?}");
    assert!(similar.len() <= wangge_core::reports::SIMILAR_MAX);
    // Another category: not similar. Another grid's reports are not theirs to read.
    let other: Vec<wangge_core::reports::ReportSummary> = api
        .as_user(
            "GET",
            "/api/v1/reports/similar?category=muni-drain",
            &neighbour,
        )
        .json();
    assert!(other.iter().all(|x| x.id != r.id));
    let elsewhere = api.as_user(
        "GET",
        "/api/v1/reports/similar?category=muni-light&grid=990101001004001",
        &neighbour,
    );
    assert_eq!(elsewhere.status, 403, "{}", elsewhere.body);
    // Staff see their own grids' (the grid worker of this one).
    let worker = api.session("worker-a", ADDR);
    let seen: Vec<wangge_core::reports::ReportSummary> = api
        .as_user(
            "GET",
            &format!("/api/v1/reports/similar?category=muni-light&grid={GRID}"),
            &worker,
        )
        .json();
    assert!(seen.iter().any(|x| x.id == r.id));
    assert_eq!(
        api.as_user("GET", "/api/v1/reports/similar", &neighbour)
            .status,
        400,
        "a category is needed"
    );

    // Not theirs to read until they follow it; following twice is one following.
    assert_eq!(api.as_user("GET", &path, &neighbour).status, 403);
    let follow = format!("{path}/follow");
    for _ in 0..2 {
        let f = api.as_user("POST", &follow, &neighbour);
        assert_eq!(f.status, 200, "{}", f.body);
        let seen: Report = f.json();
        assert!(seen.allowed.is_empty(), "a follower only reads");
        assert!(seen.timeline.iter().all(|a| a.internal_text.is_none()));
    }
    assert_eq!(
        wangge_api_tests::d1(&format!(
            "SELECT count(*) AS n FROM report_followers WHERE report_id = '{}'",
            r.id
        ))[0]["n"],
        1
    );
    assert_eq!(api.as_user("GET", &path, &neighbour).status, 200);
    // Someone of another grid may not follow it.
    let other_grid = api.session("resident-b", ADDR);
    assert_eq!(api.as_user("POST", &follow, &other_grid).status, 403);

    // Another neighbour filed the same thing anyway: merged into it, they follow it too.
    let (_, late) = wangge_api_tests::fresh_resident(&api, "192.0.2.122");
    let mut dup = drain(&new_id());
    dup["category"] = json!("muni-light");
    let dup: Report = {
        let reply = file(&api, Some(&late), &dup);
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json()
    };
    assert_eq!(api.as_user("GET", &path, &late).status, 403);
    let merged = ok(act(
        &api,
        &worker,
        &dup,
        ActionKind::Merge,
        json!({"into": r.id, "text": "与先报的同一处路灯。"}),
    ));
    assert_eq!(merged.state, ReportState::Merged);
    assert_eq!(api.as_user("GET", &path, &late).status, 200);

    // Handled on the spot: the followers are told it is done; only the reporter is asked
    // to rate it.
    let taken = ok(act(&api, &worker, &r, ActionKind::Accept, json!({})));
    ok(act(
        &api,
        &worker,
        &taken,
        ActionKind::HandleOnSpot,
        json!({"text": "已更换灯泡。"}),
    ));
    use wangge_core::inbox::NoticeKind as K;
    let kinds = |cookie: &str| -> Vec<K> {
        notices_of(&api, cookie, &r.id)
            .into_iter()
            .map(|n| n.kind)
            .collect()
    };
    assert_eq!(kinds(&neighbour), vec![K::Followed]);
    assert_eq!(kinds(&late), vec![K::Followed]);
    assert!(kinds(&resident).contains(&K::Resolved));
    assert!(!kinds(&resident).contains(&K::Followed));
}

#[test]
fn anonymous_reports_wait_for_the_grid_and_workers_file_for_households() {
    let api = Api::from_env();
    let mut body = drain(&new_id());
    body["grid"] = json!(GRID);
    let r = file(&api, None, &body);
    assert_eq!(r.status, 422, "no phone to call back: {}", r.body);
    assert_eq!(
        r.json::<Problem>().errors[0].field.as_deref(),
        Some("contact")
    );
    body["contact"] = json!("13700001234");
    let r = file(&api, None, &body);
    assert_eq!(r.status, 201, "{}", r.body);
    let anon: Report = r.json();
    assert!(anon.anonymous);
    assert_eq!(anon.state, ReportState::Pending);
    assert_eq!(anon.contact, None, "the phone is for staff only");
    let worker = api.session("worker-a", ADDR);
    let seen: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", anon.id), &worker)
        .json();
    assert_eq!(seen.contact.as_deref(), Some("13700001234"));
    assert_eq!(seen.timeline[0].by, "匿名");
    let taken = ok(act(
        &api,
        &worker,
        &seen,
        ActionKind::Accept,
        json!({"text": "已电话联系。"}),
    ));
    assert_eq!(taken.state, ReportState::Accepted);

    // 代报: the grid has it at once, marked, and the household reads it as its own.
    let mut body = drain(&new_id());
    body["household"] = json!(HOUSEHOLD);
    let r = file(&api, Some(&worker), &body);
    assert_eq!(r.status, 201, "{}", r.body);
    let filed: Report = r.json();
    assert_eq!(filed.state, ReportState::Accepted);
    assert!(filed.on_behalf);
    let resident = api.session("resident-a", ADDR);
    let own: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", filed.id), &resident)
        .json();
    assert_eq!(own.timeline[0].public_text, "网格员代报");
    // Not for a household outside one's grid, even naming one's own grid; and a refusal
    // does not tell whether the household exists.
    let other = api.session("worker-b", ADDR);
    let r = file(&api, Some(&other), &drain_for(HOUSEHOLD));
    assert_eq!(r.status, 403, "{}", r.body);
    let mut own_grid = drain_for(HOUSEHOLD);
    own_grid["grid"] = json!("990101001004001");
    assert_eq!(file(&api, Some(&other), &own_grid).status, 403);
    assert_eq!(
        file(&api, Some(&other), &drain_for("hh-no-such")).status,
        403
    );
    assert_eq!(
        file(&api, Some(&resident), &drain_for(HOUSEHOLD)).status,
        403,
        "residents file for their own"
    );
    // From patrol: the grid has it, and the worker is not its reporter (cannot rate it).
    let mut patrol = drain(&new_id());
    patrol["grid"] = json!(GRID);
    let r = file(&api, Some(&worker), &patrol);
    assert_eq!(r.status, 201, "{}", r.body);
    let mut mine: Report = r.json();
    assert_eq!(mine.state, ReportState::Accepted);
    mine = ok(act(
        &api,
        &worker,
        &mine,
        ActionKind::HandleOnSpot,
        json!({"text": "已处理。"}),
    ));
    assert!(!mine.allowed.contains(&ActionKind::Confirm));
    let r = act(
        &api,
        &worker,
        &mine,
        ActionKind::Confirm,
        json!({"rating": 5}),
    );
    assert_eq!(r.status, 403, "{}", r.body);
}

fn drain_for(household: &str) -> serde_json::Value {
    let mut b = drain(&new_id());
    b["household"] = json!(household);
    b
}

#[test]
fn a_resident_reopens_what_was_not_actually_fixed() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let mut rep: Report = file(&api, Some(&resident), &drain(&new_id())).json();
    rep = ok(act(&api, &worker, &rep, ActionKind::Accept, json!({})));
    rep = ok(act(
        &api,
        &worker,
        &rep,
        ActionKind::HandleOnSpot,
        json!({"text": "已清理。"}),
    ));
    let r = act(&api, &resident, &rep, ActionKind::Reopen, json!({}));
    assert_eq!(r.status, 422, "a reason is needed: {}", r.body);
    rep = ok(act(
        &api,
        &resident,
        &rep,
        ActionKind::Reopen,
        json!({"text": "第二天又堵了。"}),
    ));
    assert_eq!((rep.state, rep.level), (ReportState::Reopened, Level::Grid));
    // Back with the grid worker.
    let seen: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", rep.id), &worker)
        .json();
    assert!(seen.allowed.contains(&ActionKind::HandleOnSpot));
    assert!(seen.allowed.contains(&ActionKind::Escalate));
}

/// A small JPEG as a phone camera makes it: APP0, an EXIF segment with a position, a
/// comment, a table, the scan. (The Worker does not decode images; it strips segments.)
fn camera_jpeg(tag: u8) -> Vec<u8> {
    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(body);
        s
    }
    let mut b = vec![0xFF, 0xD8];
    b.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    b.extend(segment(
        0xE1,
        b"Exif\0\0GPSLatitude 28.19 GPSLongitude 112.97",
    ));
    b.extend(segment(0xFE, b"IMG_2041"));
    b.extend(segment(0xDB, &[tag; 65]));
    b.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
    b.extend([0x12, 0x34, tag, 0xFF, 0xD9]);
    b
}

fn upload(api: &Api, cookie: &str, id: &str, jpeg: Vec<u8>) -> Reply {
    api.send_bytes(
        "POST",
        "/api/v1/photos",
        &[
            ("Cookie", cookie.to_owned()),
            ("Origin", api.origin().to_owned()),
            ("Content-Type", "image/jpeg".to_owned()),
            ("Idempotency-Key", id.to_owned()),
        ],
        Some(jpeg),
    )
}

#[test]
fn photos_round_trip_without_exif_and_follow_their_report() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let id = new_id();
    let r = upload(&api, &resident, &id, camera_jpeg(7));
    assert_eq!(r.status, 201, "{}", r.body);
    let key = r.json::<wangge_core::reports::PhotoKey>().key;
    assert_eq!(key, format!("p-{}", id.replace('-', "")));
    // A retry stores nothing new; another photo under the same id is refused.
    assert_eq!(upload(&api, &resident, &id, camera_jpeg(7)).status, 201);
    assert_eq!(upload(&api, &resident, &id, camera_jpeg(8)).status, 409);
    // Not a JPEG: refused with the reason.
    let r = upload(&api, &resident, &new_id(), b"GIF89a....".to_vec());
    assert_eq!(r.status, 422, "{}", r.body);

    let path = format!("/api/v1/photos/{key}");
    let got = api.as_user("GET", &path, &resident);
    assert_eq!(got.status, 200);
    assert_eq!(got.content_type.as_deref(), Some("image/jpeg"));
    assert_eq!(&got.bytes[..2], &[0xFF, 0xD8]);
    assert!(!got.bytes.windows(4).any(|w| w == b"Exif"), "EXIF gone");
    assert!(
        !got.bytes.windows(3).any(|w| w == b"GPS"),
        "no position left"
    );
    assert!(
        got.bytes.ends_with(&[0x12, 0x34, 7, 0xFF, 0xD9]),
        "the image is whole"
    );
    let etag = got.etag.clone().expect("an ETag");
    assert_eq!(
        api.request("GET", &path, Some(&etag)).status,
        401,
        "signed in only"
    );
    let again = api.send(
        "GET",
        &path,
        &[("Cookie", resident.clone()), ("If-None-Match", etag)],
        None,
    );
    assert_eq!(again.status, 304);
    // Before it is on a report, only its sender sees it.
    let worker = api.session("worker-a", ADDR);
    assert_eq!(api.as_user("GET", &path, &worker).status, 403);

    let mut body = drain(&new_id());
    body["photos"] = json!([key]);
    let r = file(&api, Some(&resident), &body);
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json::<Report>().photos, std::slice::from_ref(&key));
    // Now the report's rule: its grid's worker yes, another household no.
    assert_eq!(api.as_user("GET", &path, &worker).status, 200);
    let other = api.session("resident-b", ADDR);
    assert_eq!(api.as_user("GET", &path, &other).status, 403);
    // A photo already on a report cannot be put on another.
    let mut second = drain(&new_id());
    second["photos"] = json!([key]);
    let r = file(&api, Some(&resident), &second);
    assert_eq!(r.status, 422, "{}", r.body);
}

#[test]
fn every_list_shows_only_what_its_reader_is_involved_in() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let filed: Report = file(&api, Some(&resident), &drain(&new_id())).json();
    let page = |who: &str, query: &str| -> wangge_core::reports::ReportPage {
        let r = api.as_user(
            "GET",
            &format!("/api/v1/reports{query}"),
            &api.session(who, ADDR),
        );
        assert_eq!(r.status, 200, "{who}: {}", r.body);
        r.json()
    };
    let has = |p: &wangge_core::reports::ReportPage| p.items.iter().any(|i| i.id == filed.id);
    assert!(has(&page("resident-a", "")));
    assert!(has(&page("worker-a", "?status=submitted,pending")));
    assert!(!has(&page("worker-a", "?status=accepted")));
    assert!(has(&page("dispatcher", &format!("?grid={GRID}"))));
    assert!(has(&page("leader", "?category=muni")));
    // Many states at once (more arms than D1 takes in one compound SELECT).
    assert!(has(&page(
        "worker-a",
        "?status=pending,submitted,accepted,escalated,returned,reopened,resolved"
    )));
    assert!(!has(&page(
        "dispatcher",
        "?status=resolved,handled_on_spot,confirmed,closed&category=muni"
    )));
    assert!(!has(&page("leader", "?category=env")));
    for who in ["resident-b", "worker-b", "handler", "clerk", "admin"] {
        assert!(!has(&page(who, "")), "{who} must not list it");
    }
    // Newest first, and the cursor walks on without repeats.
    let first = page("worker-a", "");
    assert!(first
        .items
        .windows(2)
        .all(|w| (w[0].created_at, &w[0].id) >= (w[1].created_at, &w[1].id)));
    if let Some(c) = &first.cursor {
        let next = page("worker-a", &format!("?cursor={c}"));
        assert!(next
            .items
            .iter()
            .all(|n| first.items.iter().all(|f| f.id != n.id)));
    }
    let r = api.as_user("GET", "/api/v1/reports?status=lost", &resident);
    assert_eq!(r.status, 400, "{}", r.body);
    // Deadlines come with the next issue: until then overdue is refused, not ignored.
    let r = api.as_user("GET", "/api/v1/reports?overdue=1", &resident);
    assert_eq!(r.status, 400, "{}", r.body);
}

fn inbox(api: &Api, cookie: &str) -> wangge_core::inbox::Inbox {
    let r = api.as_user("GET", "/api/v1/inbox", cookie);
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

fn notices_of(api: &Api, cookie: &str, report: &str) -> Vec<wangge_core::inbox::Notice> {
    inbox(api, cookie)
        .items
        .into_iter()
        .filter(|n| n.report == report)
        .collect()
}

#[test]
fn the_inbox_tells_whoever_holds_the_report_and_the_resident_when_it_is_done() {
    use wangge_core::inbox::NoticeKind;
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let leader = api.session("leader", ADDR);
    let dispatcher = api.session("dispatcher", ADDR);
    let handler = api.session("handler", ADDR);
    let other = api.session("resident-b", ADDR);
    let mut rep: Report = file(&api, Some(&resident), &drain(&new_id())).json();
    let report = rep.id.clone();
    let kinds = |cookie: &str| -> Vec<NoticeKind> {
        notices_of(&api, cookie, &report)
            .iter()
            .map(|n| n.kind)
            .collect()
    };
    // Filed: the grid's worker (and the village's leader, who serves the grid too).
    assert_eq!(kinds(&worker), [NoticeKind::Assigned]);
    assert!(kinds(&resident).is_empty(), "never told of one's own act");
    assert!(kinds(&api.session("worker-b", ADDR)).is_empty());
    let n = &notices_of(&api, &worker, &rep.id)[0];
    assert!(n.excerpt.starts_with("三组路口下水道"));
    assert!(!n.read);

    rep = ok(act(&api, &worker, &rep, ActionKind::Accept, json!({})));
    rep = ok(act(&api, &worker, &rep, ActionKind::Escalate, json!({})));
    assert_eq!(
        kinds(&leader).len(),
        2,
        "as the grid's leader, then as the village's"
    );
    rep = ok(act(&api, &leader, &rep, ActionKind::Escalate, json!({})));
    assert_eq!(kinds(&dispatcher), [NoticeKind::Assigned]);
    rep = ok(act(
        &api,
        &dispatcher,
        &rep,
        ActionKind::Dispatch,
        json!({"department": "water"}),
    ));
    assert_eq!(kinds(&handler), [NoticeKind::Assigned]);
    rep = ok(act(
        &api,
        &handler,
        &rep,
        ActionKind::DepartmentAccept,
        json!({}),
    ));
    let before = inbox(&api, &resident).unread;
    rep = ok(act(
        &api,
        &handler,
        &rep,
        ActionKind::Resolve,
        json!({"text": "已疏通。"}),
    ));
    assert_eq!(kinds(&resident), [NoticeKind::Resolved], "please rate");
    assert_eq!(inbox(&api, &resident).unread, before + 1);

    // Marking read: one's own notices only.
    let id = notices_of(&api, &resident, &rep.id)[0].id.clone();
    let mark = |cookie: &str| {
        let r = api.as_user_json(
            "POST",
            "/api/v1/inbox/read",
            cookie,
            &json!({ "ids": [id] }).to_string(),
        );
        assert_eq!(r.status, 200, "{}", r.body);
    };
    mark(&other);
    assert!(!notices_of(&api, &resident, &rep.id)[0].read);
    // More than a page: the cursor walks on.
    for _ in 0..31 {
        assert_eq!(file(&api, Some(&resident), &drain(&new_id())).status, 201);
    }
    let first = inbox(&api, &worker);
    let cursor = first.cursor.clone().expect("a second page");
    let r = api.as_user("GET", &format!("/api/v1/inbox?cursor={cursor}"), &worker);
    assert_eq!(r.status, 200, "{}", r.body);
    let second: wangge_core::inbox::Inbox = r.json();
    assert!(!second.items.is_empty());
    assert!(second
        .items
        .iter()
        .all(|n| first.items.iter().all(|f| f.id != n.id)));
    mark(&resident);
    assert!(notices_of(&api, &resident, &rep.id)[0].read);
    assert_eq!(inbox(&api, &resident).unread, before);
}

#[test]
fn a_new_category_is_recorded_and_a_dispatched_report_goes_back_to_the_dispatcher() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let leader = api.session("leader", ADDR);
    let dispatcher = api.session("dispatcher", ADDR);
    let handler = api.session("handler", ADDR);
    let mut rep: Report = file(&api, Some(&resident), &drain(&new_id())).json();
    rep = ok(act(&api, &worker, &rep, ActionKind::Accept, json!({})));
    // Not a category one can file under: refused, nothing changes.
    let r = act(
        &api,
        &worker,
        &rep,
        ActionKind::Recategorize,
        json!({"category": "muni"}),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    rep = ok(act(
        &api,
        &worker,
        &rep,
        ActionKind::Recategorize,
        json!({"category": "env-sewage", "text": "是污水横流，不是下水道。"}),
    ));
    assert_eq!(
        (rep.category.as_str(), rep.state),
        ("env-sewage", ReportState::Accepted)
    );
    let last = rep.timeline.last().expect("a record");
    assert_eq!(
        (last.action, last.category.as_deref()),
        (ActionKind::Recategorize, Some("env-sewage"))
    );
    rep = ok(act(&api, &worker, &rep, ActionKind::Escalate, json!({})));
    rep = ok(act(&api, &leader, &rep, ActionKind::Escalate, json!({})));
    rep = ok(act(
        &api,
        &dispatcher,
        &rep,
        ActionKind::Dispatch,
        json!({"department": "water"}),
    ));
    // Dispatched, then found to be another kind: back with the dispatcher, out of the
    // department's queue, to be sent where the new category belongs.
    rep = ok(act(
        &api,
        &dispatcher,
        &rep,
        ActionKind::Recategorize,
        json!({"category": "muni-drain"}),
    ));
    assert_eq!(
        (rep.state, rep.level, rep.department.as_deref()),
        (ReportState::Escalated, Level::Township, None)
    );
    assert_eq!(
        api.as_user("GET", &format!("/api/v1/reports/{}", rep.id), &handler)
            .status,
        403
    );
    let recs: Vec<_> = rep
        .timeline
        .iter()
        .filter(|a| a.action == ActionKind::Recategorize)
        .map(|a| (a.from, a.to, a.category.clone()))
        .collect();
    assert_eq!(
        recs,
        [
            (
                ReportState::Accepted,
                ReportState::Accepted,
                Some("env-sewage".into())
            ),
            (
                ReportState::Dispatched,
                ReportState::Escalated,
                Some("muni-drain".into())
            ),
        ]
    );
}

#[test]
fn the_reporter_and_the_handler_add_photos_later_and_no_one_else_does() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let leader = api.session("leader", ADDR);
    let dispatcher = api.session("dispatcher", ADDR);
    let handler = api.session("handler", ADDR);
    let photo = |cookie: &str, tag: u8| -> String {
        let r = upload(&api, cookie, &new_id(), camera_jpeg(tag));
        assert_eq!(r.status, 201, "{}", r.body);
        r.json::<wangge_core::reports::PhotoKey>().key
    };
    let mut rep: Report = file(&api, Some(&resident), &drain(&new_id())).json();
    assert!(rep.photos.is_empty());
    let later = photo(&resident, 21);
    rep = ok(act(
        &api,
        &resident,
        &rep,
        ActionKind::AddPhotos,
        json!({"photos": [later], "text": "补一张白天拍的。"}),
    ));
    assert_eq!(rep.photos, std::slice::from_ref(&later));
    // The grid worker adds none (their pictures go with handling it on the spot).
    let theirs = photo(&worker, 22);
    let r = act(
        &api,
        &worker,
        &rep,
        ActionKind::AddPhotos,
        json!({"photos": [theirs]}),
    );
    assert_eq!(r.status, 403, "{}", r.body);
    // A photo goes with a step that shows something, not with a note.
    let r = act(
        &api,
        &resident,
        &rep,
        ActionKind::Note,
        json!({"text": "还在漫", "photos": [photo(&resident, 23)]}),
    );
    assert_eq!(r.status, 422, "{}", r.body);

    rep = ok(act(&api, &worker, &rep, ActionKind::Accept, json!({})));
    rep = ok(act(&api, &worker, &rep, ActionKind::Escalate, json!({})));
    rep = ok(act(&api, &leader, &rep, ActionKind::Escalate, json!({})));
    rep = ok(act(
        &api,
        &dispatcher,
        &rep,
        ActionKind::Dispatch,
        json!({"department": "water"}),
    ));
    rep = ok(act(
        &api,
        &handler,
        &rep,
        ActionKind::DepartmentAccept,
        json!({}),
    ));
    let site = photo(&handler, 24);
    rep = ok(act(
        &api,
        &handler,
        &rep,
        ActionKind::AddPhotos,
        json!({"photos": [site], "text": "现场照片。"}),
    ));
    assert_eq!(rep.photos, [later.clone(), site.clone()]);
    // Someone else's photo cannot be attached by guessing its key.
    let r = act(
        &api,
        &handler,
        &rep,
        ActionKind::AddPhotos,
        json!({"photos": [photo(&resident, 25)]}),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    // The resident reads both.
    for key in [&later, &site] {
        assert_eq!(
            api.as_user("GET", &format!("/api/v1/photos/{key}"), &resident)
                .status,
            200
        );
    }
}

#[test]
fn a_neighbours_dispute_is_not_offered_as_similar_nor_followed() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let mut body = drain(&new_id());
    body["category"] = json!("dispute-neighbour");
    body["text"] = json!(format!("隔壁占了我家宅基地 {}", new_id()));
    let r: Report = {
        let reply = file(&api, Some(&resident), &body);
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json()
    };
    let (_, neighbour) = wangge_api_tests::fresh_resident(&api, "192.0.2.123");
    let similar: Vec<wangge_core::reports::ReportSummary> = api
        .as_user(
            "GET",
            "/api/v1/reports/similar?category=dispute-neighbour",
            &neighbour,
        )
        .json();
    assert!(similar.is_empty(), "{similar:?}");
    let f = api.as_user(
        "POST",
        &format!("/api/v1/reports/{}/follow", r.id),
        &neighbour,
    );
    assert_eq!(f.status, 403, "{}", f.body);
    // The grid's staff still see it among similar ones.
    let worker = api.session("worker-a", ADDR);
    let seen: Vec<wangge_core::reports::ReportSummary> = api
        .as_user(
            "GET",
            &format!("/api/v1/reports/similar?category=dispute-neighbour&grid={GRID}"),
            &worker,
        )
        .json();
    assert!(seen.iter().any(|x| x.id == r.id));
}

#[test]
fn a_report_id_must_be_a_phone_made_uuid_v7() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    for bad in [
        "r-1",
        "0190F3A2-7C4E-7ABC-8DEF-0123456789AB",
        "0190f3a2-7c4e-4abc-8def-0123456789ab",
    ] {
        let r = file(&api, Some(&resident), &drain(bad));
        assert_eq!(r.status, 422, "{bad}: {}", r.body);
        assert_eq!(r.json::<Problem>().errors[0].field.as_deref(), Some("id"));
    }
}
