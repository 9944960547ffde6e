//! 代办 against the real Worker: a resident asks for a guide item's errand; it reaches
//! their grid worker carrying the item and its materials; the worker's steps go forward
//! only; the resident sees each one, is asked to rate, and rates it.

use serde_json::json;
use wangge_api_tests::{new_id, Api, Reply};
use wangge_core::problem::{Problem, ProblemCode};
use wangge_core::reports::errand::CATEGORY;
use wangge_core::reports::{ActionKind, Report, ReportState};

const ADDR: &str = "192.0.2.121";
/// 生育登记: a seeded item a grid worker can run (可代办), with three materials.
const ITEM: &str = "ws-sydj";
/// 出生医学证明首次签发: one that must be done in person.
const NOT_AN_ERRAND: &str = "cs-yxzm-qf";

fn ask(api: &Api, cookie: Option<&str>, guide: &str, ready: &[&str]) -> Reply {
    let body = json!({
        "id": new_id(),
        "category": CATEGORY,
        "text": "请网格员代办：生育登记",
        "errand": {"guide": guide, "ready": ready},
    });
    api.file_report(cookie, ADDR, &body)
}

fn act(api: &Api, cookie: &str, r: &Report, action: ActionKind, extra: serde_json::Value) -> Reply {
    api.act(cookie, r, action, extra)
}

fn ok(r: Reply) -> Report {
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

fn code_of(r: &Reply) -> ProblemCode {
    r.json::<Problem>().code
}

#[test]
fn an_errand_runs_through_its_steps_and_the_resident_rates_it() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let dispatcher = api.session("dispatcher", ADDR);

    let item: wangge_core::guide::GuideItem = api.get(&format!("/api/v1/guide/{ITEM}")).json();
    assert!(item.errand, "the seed's {ITEM} is 可代办");
    let first = item.materials[0].name.clone();
    let r = ask(&api, Some(&resident), ITEM, &[&first]);
    assert_eq!(r.status, 201, "{}", r.body);
    let mut rep: Report = r.json();
    assert_eq!(rep.category, CATEGORY);
    assert_eq!(rep.state, ReportState::Submitted);
    let e = rep.errand.clone().expect("the errand");
    assert_eq!(
        (e.guide.as_str(), e.name.as_str(), e.step),
        (ITEM, item.name.as_str(), 0)
    );
    let names: Vec<&str> = e.materials.iter().map(|m| m.name.as_str()).collect();
    let want: Vec<&str> = item.materials.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, want, "the item's checklist goes with it");
    assert!(e.materials[0].ready && e.materials[1..].iter().all(|m| !m.ready));
    assert!(
        rep.resolve_by.is_some(),
        "an errand has a deadline like any report"
    );

    // The grid worker has it (queue and inbox); the steps are theirs, not the resident's.
    let queue: wangge_core::reports::ReportPage = api
        .as_user("GET", "/api/v1/reports?status=submitted", &worker)
        .json();
    assert!(queue.items.iter().any(|x| x.id == rep.id));
    let seen: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", rep.id), &worker)
        .json();
    for a in [
        ActionKind::Collect,
        ActionKind::SubmitToOffice,
        ActionKind::Deliver,
    ] {
        assert!(seen.allowed.contains(&a), "{a:?} in {:?}", seen.allowed);
    }
    assert!(
        !seen.allowed.contains(&ActionKind::Escalate),
        "an errand is never sent up"
    );
    let r = act(&api, &resident, &rep, ActionKind::Collect, json!({}));
    assert_eq!(r.status, 403, "{}", r.body);
    let r = act(&api, &worker, &rep, ActionKind::Escalate, json!({}));
    assert_eq!(
        (r.status, code_of(&r)),
        (409, ProblemCode::IllegalTransition)
    );

    // Step by step; never back, never twice.
    rep = ok(act(
        &api,
        &worker,
        &rep,
        ActionKind::Collect,
        json!({"text": "身份证、户口本已收到。"}),
    ));
    assert_eq!(
        (rep.state, rep.errand.as_ref().map(|e| e.step)),
        (ReportState::Accepted, Some(1))
    );
    rep = ok(act(
        &api,
        &worker,
        &rep,
        ActionKind::SubmitToOffice,
        json!({}),
    ));
    let r = act(&api, &worker, &rep, ActionKind::Collect, json!({}));
    assert_eq!(
        (r.status, code_of(&r)),
        (409, ProblemCode::IllegalTransition),
        "{}",
        r.body
    );
    let r = act(&api, &worker, &rep, ActionKind::SubmitToOffice, json!({}));
    assert_eq!(r.status, 409, "not twice: {}", r.body);
    rep = ok(act(
        &api,
        &worker,
        &rep,
        ActionKind::ReceiveResult,
        json!({}),
    ));

    // The resident sees every step so far.
    let mine: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", rep.id), &resident)
        .json();
    let steps: Vec<ActionKind> = mine.timeline.iter().map(|a| a.action).collect();
    assert_eq!(
        steps,
        [
            ActionKind::Submit,
            ActionKind::Collect,
            ActionKind::SubmitToOffice,
            ActionKind::ReceiveResult
        ]
    );
    assert_eq!(mine.timeline[1].public_text, "身份证、户口本已收到。");
    assert_eq!(mine.errand.as_ref().map(|e| e.step), Some(3));

    rep = ok(act(
        &api,
        &worker,
        &rep,
        ActionKind::Deliver,
        json!({"text": "生育登记已办好，证明已送到家。"}),
    ));
    assert_eq!(rep.state, ReportState::HandledOnSpot);
    // Asked to rate, like any report the grid handled.
    let inbox: wangge_core::inbox::Inbox = api.as_user("GET", "/api/v1/inbox", &resident).json();
    assert!(
        inbox
            .items
            .iter()
            .any(|n| n.report == rep.id && n.kind == wangge_core::inbox::NoticeKind::Resolved),
        "{inbox:?}"
    );
    let mine: Report = api
        .as_user("GET", &format!("/api/v1/reports/{}", rep.id), &resident)
        .json();
    assert!(mine.allowed.contains(&ActionKind::Confirm));
    let rated = ok(act(
        &api,
        &resident,
        &mine,
        ActionKind::Confirm,
        json!({"rating": 5, "text": "省了一趟跑腿。"}),
    ));
    assert_eq!(
        (rated.state, rated.rating),
        (ReportState::Confirmed, Some(5))
    );

    // The township's dispatcher oversees every report of the township, errands too.
    let r = api.as_user("GET", &format!("/api/v1/reports/{}", rep.id), &dispatcher);
    assert_eq!(
        r.status, 200,
        "the dispatcher oversees the township: {}",
        r.body
    );
}

#[test]
fn an_errand_is_asked_for_signed_in_on_an_item_that_allows_it() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let r = ask(&api, None, ITEM, &[]);
    assert_eq!(
        (r.status, code_of(&r)),
        (401, ProblemCode::NotSignedIn),
        "{}",
        r.body
    );
    let r = ask(&api, Some(&resident), NOT_AN_ERRAND, &[]);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("errand"), "{}", r.body);
    let r = ask(&api, Some(&resident), "no-such-item", &[]);
    assert_eq!(r.status, 422, "{}", r.body);
    // The errand category is for errands only, and an errand is never filed under another.
    let plain = json!({"id": new_id(), "category": CATEGORY, "text": "帮我办个事"});
    let r = api.as_user_json("POST", "/api/v1/reports", &resident, &plain.to_string());
    assert_eq!(r.status, 422, "{}", r.body);
    let wrong =
        json!({"id": new_id(), "category": "muni-drain", "text": "x", "errand": {"guide": ITEM}});
    let r = api.as_user_json("POST", "/api/v1/reports", &resident, &wrong.to_string());
    assert_eq!(r.status, 422, "{}", r.body);
}
