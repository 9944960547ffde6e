//! A grid's household register against the real Worker: registering (idempotent by the
//! client's id), every rule broken at once (422), editing, paging, and scope.

use serde_json::json;
use wangge_api_tests::{new_id, Api};
use wangge_core::households::{Household, HouseholdPage, Relation};
use wangge_core::problem::{Problem, ProblemCode};

const GRID_A: &str = "990101001003001";
const ADDR: &str = "203.0.113.77";

fn draft(id: &str, address: &str) -> serde_json::Value {
    json!({
        "id": id,
        "address": address,
        "members": [
            {"id": new_id(), "name": "王秀英", "relation": "head", "phone": "139 0731 2468"},
            {"id": new_id(), "name": "李国强", "relation": "spouse", "phone": null},
        ]
    })
}

fn register(
    api: &Api,
    cookie: &str,
    grid: &str,
    body: &serde_json::Value,
) -> wangge_api_tests::Reply {
    api.as_user_json(
        "POST",
        &format!("/api/v1/grids/{grid}/households"),
        cookie,
        &body.to_string(),
    )
}

#[test]
fn registering_is_idempotent_by_the_client_id() {
    let api = Api::from_env();
    let worker = api.session("worker-a", ADDR);
    let id = new_id();
    let body = draft(&id, "东岗村一组 27 号");
    let first = register(&api, &worker, GRID_A, &body);
    assert_eq!(first.status, 201, "{}", first.body);
    let saved: Household = first.json();
    assert_eq!(saved.id, id);
    assert_eq!(saved.grid_code, GRID_A);
    assert_eq!(saved.address, "东岗村一组 27 号");
    assert_eq!(saved.members[0].phone.as_deref(), Some("13907312468"));
    assert_eq!(saved.members[0].relation, Relation::Head);

    // The answer was lost; the phone sends it again: the same answer, nothing doubled.
    let again = register(&api, &worker, GRID_A, &body);
    assert_eq!(again.status, 201, "{}", again.body);
    assert_eq!(again.body, first.body);
    let read: Household = api
        .as_user("GET", &format!("/api/v1/households/{id}"), &worker)
        .json();
    assert_eq!(read.members.len(), 2);

    // The same id with another body changes nothing.
    let other = register(&api, &worker, GRID_A, &draft(&id, "别的地址"));
    assert_eq!(other.status, 409, "{}", other.body);
    assert_eq!(
        other.json::<Problem>().code,
        ProblemCode::IdempotencyConflict
    );
    let read: Household = api
        .as_user("GET", &format!("/api/v1/households/{id}"), &worker)
        .json();
    assert_eq!(read.address, "东岗村一组 27 号");

    // It is on the register, with its head.
    let mut found = None;
    let mut after = String::new();
    loop {
        let page: HouseholdPage = api
            .as_user(
                "GET",
                &format!("/api/v1/grids/{GRID_A}/households?after={after}"),
                &worker,
            )
            .json();
        found = found.or_else(|| page.items.iter().find(|h| h.id == id).cloned());
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    let found = found.expect("registered household on the register");
    assert_eq!(found.head.as_deref(), Some("王秀英"));
    assert_eq!(found.members, 2);
    assert!(!found.activated);
}

#[test]
fn a_bad_registration_lists_every_problem_and_saves_nothing() {
    let api = Api::from_env();
    let worker = api.session("worker-a", ADDR);
    let id = new_id();
    let body = json!({
        "id": id,
        "address": "  ",
        "members": [
            {"id": new_id(), "name": "王秀英", "relation": "spouse", "phone": "12"},
            {"id": new_id(), "name": "", "relation": "child", "phone": null},
        ]
    });
    let r = register(&api, &worker, GRID_A, &body);
    assert_eq!(r.status, 422, "{}", r.body);
    let problem: Problem = r.json();
    assert_eq!(problem.code, ProblemCode::Invalid);
    let fields: Vec<_> = problem
        .errors
        .iter()
        .filter_map(|e| e.field.as_deref())
        .collect();
    assert_eq!(
        fields,
        ["address", "members", "members[0].phone", "members[1].name"]
    );
    assert!(problem.errors.iter().all(|e| !e.message_zh.is_empty()));
    let read = api.as_user("GET", &format!("/api/v1/households/{id}"), &worker);
    assert_eq!(read.status, 404, "{}", read.body);

    // Not JSON at all: 400, not a crash.
    let r = api.as_user_json(
        "POST",
        &format!("/api/v1/grids/{GRID_A}/households"),
        &worker,
        "{",
    );
    assert_eq!(r.status, 400, "{}", r.body);
    // A village code is not a base grid (asked by the village's leader, who may act there).
    let leader = api.session("leader", ADDR);
    let r = register(&api, &leader, "990101001003", &draft(&new_id(), "x"));
    assert_eq!(r.status, 400, "{}", r.body);
}

#[test]
fn a_worker_registers_only_in_their_own_grid() {
    let api = Api::from_env();
    let worker_b = api.session("worker-b", ADDR);
    let id = new_id();
    let r = register(&api, &worker_b, GRID_A, &draft(&id, "东岗村一组 30 号"));
    assert_eq!(r.status, 403, "{}", r.body);
    let r = api.as_user(
        "GET",
        &format!("/api/v1/grids/{GRID_A}/households"),
        &worker_b,
    );
    assert_eq!(r.status, 403, "{}", r.body);
    let admin = api.session("admin", ADDR);
    assert_eq!(
        api.as_user("GET", &format!("/api/v1/households/{id}"), &admin)
            .status,
        404
    );
    // A resident cannot tell a missing household from someone else's: both are 403.
    let resident = api.session("resident-a", ADDR);
    let missing = api.as_user("GET", &format!("/api/v1/households/{id}"), &resident);
    let other = api.as_user(
        "GET",
        "/api/v1/households/hh-990101001004001-005",
        &resident,
    );
    assert_eq!((missing.status, other.status), (403, 403));
    assert_eq!(missing.body, other.body);
}

#[test]
fn editing_replaces_address_and_members_and_keeps_ids() {
    let api = Api::from_env();
    let worker = api.session("worker-a", ADDR);
    let id = new_id();
    let saved: Household = register(&api, &worker, GRID_A, &draft(&id, "东岗村二组 3 号")).json();
    let head = &saved.members[0];
    let child = new_id();
    let edit = json!({
        "id": id,
        "address": "东岗村二组 5 号",
        "members": [
            {"id": head.id, "name": head.name, "relation": "head", "phone": "13907312469"},
            {"id": child, "name": "李小红", "relation": "child", "phone": null},
        ]
    });
    let path = format!("/api/v1/households/{id}");
    let r = api.as_user_json("PUT", &path, &worker, &edit.to_string());
    assert_eq!(r.status, 200, "{}", r.body);
    let after: Household = r.json();
    assert_eq!(after.address, "东岗村二组 5 号");
    let names: Vec<_> = after.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["王秀英", "李小红"]);
    assert_eq!(after.members[0].id, head.id);
    // The same edit again: the same household.
    let again = api.as_user_json("PUT", &path, &worker, &edit.to_string());
    assert_eq!(again.json::<Household>(), after);

    // A member id of another household is refused, and nothing changes.
    let other: Household =
        register(&api, &worker, GRID_A, &draft(&new_id(), "东岗村二组 6 号")).json();
    let steal = json!({
        "id": id,
        "address": "东岗村二组 7 号",
        "members": [{"id": other.members[0].id, "name": "王秀英", "relation": "head", "phone": null}]
    });
    let r = api.as_user_json("PUT", &path, &worker, &steal.to_string());
    assert_eq!(r.status, 409, "{}", r.body);
    let read: Household = api.as_user("GET", &path, &worker).json();
    assert_eq!(read, after);
    // The path and the body must name the same household.
    let r = api.as_user_json(
        "PUT",
        &format!("/api/v1/households/{}", other.id),
        &worker,
        &edit.to_string(),
    );
    assert_eq!(r.status, 400, "{}", r.body);
}

#[test]
fn the_register_pages_by_key_without_repeats() {
    let api = Api::from_env();
    let leader = api.session("leader", ADDR);
    // Another base grid of the leader's village, so other tests' households stay apart.
    let grid = "990101001003002";
    for n in 0..55 {
        let r = register(
            &api,
            &leader,
            grid,
            &draft(&new_id(), &format!("东岗村二组 {n} 号")),
        );
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut pages = 0;
    let mut after = String::new();
    loop {
        let r = api.as_user(
            "GET",
            &format!("/api/v1/grids/{grid}/households?after={after}"),
            &leader,
        );
        assert_eq!(r.status, 200, "{}", r.body);
        let page: HouseholdPage = r.json();
        assert!(page.items.len() <= 50);
        pages += 1;
        for h in &page.items {
            assert!(seen.insert(h.id.clone()), "{} twice", h.id);
        }
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    assert!(pages >= 2);
    assert!(seen.len() >= 55);
}
