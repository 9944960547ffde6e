//! The grid directory API against the seeded demo township.

use wangge_api_tests::{seeded_phones, Api};
use wangge_core::grids::{GridCard, GridKind, GridLevel, GridTree, Role};
use wangge_core::problem::{Problem, ProblemCode};

const COMMUNITY_GRID: &str = "990101001001001"; // 柳塘社区第一网格
const COMMUNITY: &str = "990101001001"; // 柳塘社区

/// The seeded demo township, 柳塘镇.
const TOWNSHIP: &str = "990101001";
#[test]
fn tree_has_the_seeded_township() {
    let api = Api::from_env();
    let r = api.get("/api/v1/grids");
    assert_eq!(r.status, 200);
    assert!(r
        .content_type
        .as_deref()
        .unwrap_or_default()
        .starts_with("application/json"));
    let tree: GridTree = r.json();
    tree.check().expect("tree invariants");
    // The demo township as seeded (import tests add grids in another township).
    let count = |level, kind| {
        tree.nodes
            .iter()
            .filter(|n| n.level == level && n.kind == kind)
            .filter(|n| n.level == GridLevel::County || n.code.starts_with(TOWNSHIP))
            .count()
    };
    assert_eq!(count(GridLevel::County, GridKind::Basic), 1);
    assert_eq!(count(GridLevel::Township, GridKind::Basic), 1);
    assert_eq!(count(GridLevel::Village, GridKind::Basic), 6);
    assert_eq!(count(GridLevel::Grid, GridKind::Basic), 24);
    assert_eq!(count(GridLevel::Grid, GridKind::Dedicated), 2);
    assert_eq!(tree.get("990101001").unwrap().name, "柳塘镇");
    assert_eq!(tree.get(COMMUNITY_GRID).unwrap().name, "柳塘社区第一网格");
    // The filter the SPA uses finds a grid by a street in its scope.
    assert!(tree.filter("幸福路1-38号").contains(COMMUNITY_GRID));
}

#[test]
fn card_has_people_chain_and_commitments() {
    let api = Api::from_env();
    let r = api.get(&format!("/api/v1/grids/{COMMUNITY_GRID}"));
    assert_eq!(r.status, 200);
    let card: GridCard = r.json();
    assert_eq!(card.grid.name, "柳塘社区第一网格");
    assert_eq!(card.grid.scope, "幸福路1-38号、柳园小区1-4栋");
    let chain: Vec<_> = card.chain.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(chain, ["禾丰县", "柳塘镇", "柳塘社区"]);
    assert!(card.children.is_empty());
    let roles: Vec<Role> = card.people.iter().map(|p| p.role).collect();
    assert_eq!(roles.first(), Some(&Role::GridLeader));
    for role in [
        Role::GridWorker,
        Role::Instructor,
        Role::Police,
        Role::Mediator,
    ] {
        assert!(roles.contains(&role), "missing {role:?}");
    }
    assert!(card
        .people
        .iter()
        .all(|p| !p.name.is_empty() && !p.commitment.is_empty()));
    assert!(card.households.is_some());
}

#[test]
fn village_card_lists_its_grids_including_dedicated() {
    let api = Api::from_env();
    let card: GridCard = api.get(&format!("/api/v1/grids/{COMMUNITY}")).json();
    assert_eq!(card.grid.name, "柳塘社区");
    assert_eq!(card.children.len(), 5);
    let school = card
        .children
        .iter()
        .find(|c| c.kind == GridKind::Dedicated)
        .unwrap();
    assert_eq!(school.name, "柳塘镇中心小学专属网格");
    let county: GridCard = api.get("/api/v1/grids/990101").json();
    assert!(county.chain.is_empty());
    // The demo township (import tests may add another beside it).
    assert!(county.children.iter().any(|c| c.code == TOWNSHIP));
}

fn assert_problem(r: &wangge_api_tests::Reply, status: u16, code: ProblemCode) {
    assert_eq!(r.status, status, "body: {}", r.body);
    assert!(r
        .content_type
        .clone()
        .unwrap_or_default()
        .starts_with("application/json"));
    let p: Problem = r.json();
    assert_eq!(p.code, code);
    assert!(!p.message_zh.is_empty() && !p.message_en.is_empty());
    // The stable code is the snake_case name clients match on.
    let raw: serde_json::Value = r.json();
    assert!(raw["code"].as_str().is_some_and(|c| c != "unknown"));
}

#[test]
fn errors_are_json_problems_with_the_right_status() {
    let api = Api::from_env();
    assert_problem(
        &api.get("/api/v1/grids/990101001001999"),
        404,
        ProblemCode::GridNotFound,
    );
    assert_problem(
        &api.get("/api/v1/grids/990109"),
        404,
        ProblemCode::GridNotFound,
    );
    for bad in ["abc", "12345", "9901010010010011", "99010a", "%E7%BD%91"] {
        assert_problem(
            &api.get(&format!("/api/v1/grids/{bad}")),
            400,
            ProblemCode::GridCodeMalformed,
        );
    }
    assert_problem(&api.get("/api/v1/nope"), 404, ProblemCode::RouteNotFound);
    assert_problem(
        &api.get("/api/v1/grids/990101/extra"),
        404,
        ProblemCode::RouteNotFound,
    );
    assert_problem(&api.get("/api/v2/grids"), 404, ProblemCode::RouteNotFound);
    assert_problem(&api.get("/api/v1grids"), 404, ProblemCode::RouteNotFound);
    assert_problem(
        &api.get("/api/v1grids/990101"),
        404,
        ProblemCode::RouteNotFound,
    );
    assert_problem(&api.get("/api/v1"), 404, ProblemCode::RouteNotFound);
    assert_problem(&api.get("/api"), 404, ProblemCode::RouteNotFound);
    for (method, path) in [
        ("POST", "/api/v1/grids"),
        ("DELETE", &format!("/api/v1/grids/{COMMUNITY}")),
        ("PUT", "/api/v1/grids/abc"),
    ] {
        let r = api.request(method, path, None);
        assert_problem(&r, 405, ProblemCode::MethodNotAllowed);
        assert_eq!(r.allow.as_deref(), Some("GET, HEAD"));
    }
}

#[test]
fn no_full_phone_number_leaves_the_api() {
    let api = Api::from_env();
    let phones = seeded_phones();
    assert!(phones.len() > 50, "seed has {} phones", phones.len());
    let tree = api.get("/api/v1/grids");
    let mut bodies = vec![tree.body.clone()];
    for n in tree.json::<GridTree>().nodes {
        let r = api.get(&format!("/api/v1/grids/{}", n.code));
        assert_eq!(r.status, 200);
        bodies.push(r.body);
    }
    let mut shown = 0;
    for body in &bodies {
        for phone in &phones {
            assert!(
                !body.contains(phone.as_str()),
                "full number {phone} in a response"
            );
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            assert!(
                !body.contains(digits.as_str()),
                "number {digits} in a response"
            );
        }
        // Mobiles show as 138****5678; any number shows at most 7 of its digits.
        let card: Result<GridCard, _> = serde_json::from_str(body);
        if let Ok(card) = card {
            for p in card.people {
                let digits = p.phone.chars().filter(char::is_ascii_digit).count();
                assert!(
                    p.phone.contains('*') && digits <= 7,
                    "unmasked phone {}",
                    p.phone
                );
                if p.phone.len() == 11 {
                    assert_eq!(&p.phone[3..7], "****", "{}", p.phone);
                }
                shown += 1;
            }
        }
    }
    assert!(shown > 100, "only {shown} people checked");
}

#[test]
fn head_answers_like_get_without_a_body() {
    let api = Api::from_env();
    let get = api.get("/api/v1/grids/990101");
    let head = api.request("HEAD", "/api/v1/grids/990101", None);
    assert_eq!(head.status, 200);
    assert_eq!(head.etag, get.etag);
    assert!(head
        .content_type
        .is_some_and(|t| t.starts_with("application/json")));
    assert_eq!(api.request("HEAD", "/api/v1/grids/abc", None).status, 400);
}

#[test]
fn village_households_add_up() {
    let api = Api::from_env();
    let tree: GridTree = api.get("/api/v1/grids").json();
    let villages: Vec<_> = tree
        .nodes
        .iter()
        .filter(|n| n.level == GridLevel::Village && n.code.starts_with(TOWNSHIP))
        .collect();
    assert_eq!(villages.len(), 6);
    for village in villages {
        let card: GridCard = api.get(&format!("/api/v1/grids/{}", village.code)).json();
        let grids: u32 = card
            .children
            .iter()
            .map(|c| {
                api.get(&format!("/api/v1/grids/{}", c.code))
                    .json::<GridCard>()
                    .households
                    .unwrap_or(0)
            })
            .sum();
        assert_eq!(card.households, Some(grids), "{}", village.name);
    }
}

#[test]
fn etags_revalidate_with_304() {
    let api = Api::from_env();
    for path in [
        "/api/v1/grids".to_owned(),
        format!("/api/v1/grids/{COMMUNITY_GRID}"),
    ] {
        let first = api.get(&path);
        let tag = first.etag.clone().expect("ETag header");
        let again = api.request("GET", &path, Some(&tag));
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        assert_eq!(again.etag.as_deref(), Some(tag.as_str()));
        let stale = api.request("GET", &path, Some("\"0000000000000000\""));
        assert_eq!(stale.status, 200);
        assert_eq!(stale.body, first.body);
    }
}
