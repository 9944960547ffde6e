//! The administrator's one-record screens against the real Worker: grids, staff accounts
//! with their roles, departments, and a household moving out. Nothing is deleted: each is
//! deactivated, and what hangs on it decides whether it may be. A township administrator
//! stays inside their township.

use serde_json::json;
use wangge_api_tests::{fresh_resident, new_id, Api, Reply};
use wangge_core::accounts::Activation;
use wangge_core::admin::{Department, DepartmentPage, GridAdmin, StaffAccount, StaffPage};
use wangge_core::grids::{GridCard, GridTree};
use wangge_core::problem::{Problem, ProblemCode};

const ADDR: &str = "192.0.2.95";
/// These tests' own township (imports use 990101002, the demo 990101001).
const TOWN: &str = "990101003";

/// A per-run village number, so runs never collide with each other.
fn run_tag() -> String {
    format!("{:03}", 100 + std::process::id() % 900)
}

fn put(api: &Api, cookie: &str, path: &str, body: serde_json::Value) -> Reply {
    api.as_user_json("PUT", &format!("/api/v1{path}"), cookie, &body.to_string())
}

fn grid_body(name: &str, active: bool) -> serde_json::Value {
    json!({ "name": name, "kind": "basic", "scope": "一组至三组", "households": 80, "active": active })
}

/// The township, a village of this run and a base grid (`n`: one per test, as tests run
/// in parallel): (village, grid).
fn grids(api: &Api, admin: &str, tag: &str, n: u32) -> (String, String) {
    let village = format!("{TOWN}{tag}");
    let grid = format!("{village}{n:03}");
    for (code, name) in [
        (TOWN, "试点二镇".to_owned()),
        (&village, format!("试点村{tag}")),
        (&grid, format!("试点村{tag}第{n}网格")),
    ] {
        let r = put(
            api,
            admin,
            &format!("/admin/grids/{code}"),
            grid_body(&name, true),
        );
        assert_eq!(r.status, 200, "{code}: {}", r.body);
    }
    (village, grid)
}

fn fields(r: &Reply) -> Vec<String> {
    let p: Problem = r.json();
    assert_eq!(p.code, ProblemCode::Invalid, "{}", r.body);
    p.errors.into_iter().filter_map(|d| d.field).collect()
}

fn worker_body(name: &str, phone: &str, grid: &str, active: bool) -> serde_json::Value {
    json!({
        "name": name,
        "phone": phone,
        "roles": [{ "role": "grid_worker", "scope": { "kind": "grid", "id": grid } }],
        "commitment": "有求必应",
        "active": active,
    })
}

#[test]
fn a_grid_is_created_edited_and_deactivated_only_once_nothing_hangs_on_it() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let tag = run_tag();
    let (village, grid) = grids(&api, &admin, &tag, 1);

    // The public directory has it, and the village lists it as a child.
    assert_eq!(api.get(&format!("/api/v1/grids/{grid}")).status, 200);
    let v: GridAdmin = api
        .as_user("GET", &format!("/api/v1/admin/grids/{village}"), &admin)
        .json();
    assert!(v.children.iter().any(|c| c.code == grid && c.active));
    let next = v.next_child_code().expect("room for more");
    assert!(v.children.iter().all(|c| c.code != next));

    // Every problem of an edit at once, each under its field; nothing is written.
    let r = put(
        &api,
        &admin,
        &format!("/admin/grids/{grid}"),
        json!({ "name": " ", "kind": "basic", "scope": "a\u{7}", "active": true }),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["name", "scope"]);
    // A grid under a village that does not exist.
    let r = put(
        &api,
        &admin,
        &format!("/admin/grids/{TOWN}999001"),
        grid_body("孤儿网格", true),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["code"]);
    // A malformed code in the path.
    let r = api.as_user("GET", "/api/v1/admin/grids/12345", &admin);
    assert_eq!(r.status, 400, "{}", r.body);

    // A renamed grid keeps its code.
    let r = put(
        &api,
        &admin,
        &format!("/admin/grids/{grid}"),
        grid_body("试点村一网格", true),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let card: GridCard = api.get(&format!("/api/v1/grids/{grid}")).json();
    assert_eq!(card.grid.name, "试点村一网格");
    assert_eq!(card.households, Some(80));

    // A household lives there: the grid cannot go, nor can the village above it.
    let household = new_id();
    let r = api.as_user_json(
        "POST",
        &format!("/api/v1/grids/{grid}/households"),
        &admin,
        &json!({
            "id": household,
            "address": "试点村一组 3 号",
            "members": [{ "id": new_id(), "name": "韩素芬", "relation": "head", "phone": null }],
        })
        .to_string(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let r = put(
        &api,
        &admin,
        &format!("/admin/grids/{grid}"),
        grid_body("试点村一网格", false),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["active"]);
    assert!(r.json::<Problem>().errors[0].message_zh.contains("1 户"));
    let r = put(
        &api,
        &admin,
        &format!("/admin/grids/{village}"),
        grid_body("试点村", false),
    );
    assert_eq!(r.status, 422, "{}", r.body);

    // The household moves out (confirmed); then the grid goes.
    let path = format!("/api/v1/households/{household}/move-out");
    let r = api.as_user_json("POST", &path, &admin, r#"{"confirm":false}"#);
    assert_eq!(r.status, 422, "{}", r.body);
    let r = api.as_user_json("POST", &path, &admin, r#"{"confirm":true}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    let r = put(
        &api,
        &admin,
        &format!("/admin/grids/{grid}"),
        grid_body("试点村一网格", false),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(!r.json::<GridAdmin>().active);

    // Gone from the public directory and from registering, kept for its administrator.
    assert_eq!(api.get(&format!("/api/v1/grids/{grid}")).status, 404);
    let tree: GridTree = api.get("/api/v1/grids").json();
    assert!(tree.nodes.iter().all(|n| n.code != grid));
    assert!(tree.nodes.iter().any(|n| n.code == village));
    let r = api.as_user_json(
        "POST",
        &format!("/api/v1/grids/{grid}/households"),
        &admin,
        &json!({
            "id": new_id(),
            "address": "试点村一组 4 号",
            "members": [{ "id": new_id(), "name": "韩素英", "relation": "head", "phone": null }],
        })
        .to_string(),
    );
    assert_eq!(r.status, 404, "{}", r.body);
    let v: GridAdmin = api
        .as_user("GET", &format!("/api/v1/admin/grids/{village}"), &admin)
        .json();
    assert!(v.children.iter().any(|c| c.code == grid && !c.active));
    // The export leaves it out (a re-import would bring it back).
    let csv = api.as_user("GET", "/api/v1/admin/grids.csv", &admin).body;
    assert!(!csv.contains(&grid), "deactivated grid exported");

    // Brought back, it is in the directory again.
    let r = put(
        &api,
        &admin,
        &format!("/admin/grids/{grid}"),
        grid_body("试点村一网格", true),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(api.get(&format!("/api/v1/grids/{grid}")).status, 200);
}

#[test]
fn a_staff_account_gets_roles_a_card_place_and_is_deactivated_never_deleted() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let tag = run_tag();
    let (_, grid) = grids(&api, &admin, &tag, 2);
    let login = format!("rec-worker-{tag}");
    let path = format!("/admin/accounts/{login}");

    // Every problem at once: a phone spreadsheets mangled, a handler over a grid.
    let mut bad = worker_body("韩立新", "1.39E+10", &grid, true);
    bad["roles"]
        .as_array_mut()
        .expect("roles")
        .push(json!({ "role": "department_handler", "scope": { "kind": "grid", "id": grid } }));
    let r = put(&api, &admin, &path, bad);
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["phone", "roles[1]"]);
    assert_eq!(
        api.as_user("GET", &format!("/api/v1{path}"), &admin).status,
        404
    );

    let r = put(
        &api,
        &admin,
        &path,
        worker_body("韩立新", "13907318801", &grid, true),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let saved: StaffAccount = r.json();
    assert!(saved.active && !saved.has_password);
    assert_eq!(saved.phone.as_deref(), Some("13907318801"));
    // On the grid card, with the commitment; the phone masked.
    let card: GridCard = api.get(&format!("/api/v1/grids/{grid}")).json();
    let on_card = card
        .people
        .iter()
        .find(|p| p.name == "韩立新")
        .expect("on card");
    assert_eq!(on_card.commitment, "有求必应");
    assert!(!on_card.phone.contains("13907318801"));
    // In the list, in login order across pages.
    assert!(all_accounts(&api, &admin).iter().any(|a| a.login == login));

    // In by a one-time activation from the administrator.
    let issued: Activation = api
        .as_user("POST", &format!("/api/v1{path}/activation"), &admin)
        .json();
    let phone = api.redeem(&issued.code, ADDR);
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone).status, 200);

    // Deactivated: the session ends, the card no longer shows them, the account stays.
    let r = put(
        &api,
        &admin,
        &path,
        worker_body("韩立新", "13907318801", &grid, false),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone).status, 401);
    let card: GridCard = api.get(&format!("/api/v1/grids/{grid}")).json();
    assert!(card.people.iter().all(|p| p.name != "韩立新"));
    let kept: StaffAccount = api.as_user("GET", &format!("/api/v1{path}"), &admin).json();
    assert!(!kept.active);
    assert_eq!(kept.roles.len(), 1);
    let r = api.as_user("POST", &format!("/api/v1{path}/activation"), &admin);
    assert_eq!(
        r.status, 404,
        "a deactivated account gets no activation: {}",
        r.body
    );

    // A resident's login is not staff; a deactivated department takes no handler.
    let r = put(
        &api,
        &admin,
        "/admin/accounts/resident-a",
        worker_body("刘", "", &grid, true),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["login"]);
    let dept = format!("rec-dept-{tag}");
    let r = put(
        &api,
        &admin,
        &format!("/admin/departments/{dept}"),
        json!({ "name": "试点二镇综治办", "area": TOWN, "active": false }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let handler = json!({
        "name": "韩立新",
        "roles": [{ "role": "department_handler", "scope": { "kind": "department", "id": dept } }],
        "active": true,
    });
    let r = put(&api, &admin, &path, handler.clone());
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["roles[0]"]);
    let r = put(
        &api,
        &admin,
        &format!("/admin/departments/{dept}"),
        json!({ "name": "试点二镇综治办", "area": TOWN, "active": true }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let r = put(&api, &admin, &path, handler);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.json::<StaffAccount>().active);
}

/// Every account the administrator's list shows, page by page.
fn all_accounts(api: &Api, cookie: &str) -> Vec<StaffAccount> {
    let mut out = Vec::new();
    let mut after = String::new();
    for _ in 0..100 {
        let page: StaffPage = api
            .as_user(
                "GET",
                &format!("/api/v1/admin/accounts?after={after}"),
                cookie,
            )
            .json();
        out.extend(page.items);
        match page.next {
            Some(next) => after = next,
            None => return out,
        }
    }
    panic!("more than 100 pages of accounts");
}

#[test]
fn a_township_administrator_manages_only_their_township() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let tag = run_tag();
    let (_, grid) = grids(&api, &admin, &tag, 3);
    let login = format!("rec-town-{tag}");
    let r = put(
        &api,
        &admin,
        &format!("/admin/accounts/{login}"),
        json!({
            "name": "程建军",
            "roles": [{ "role": "admin", "scope": { "kind": "grid", "id": TOWN } }],
            "active": true,
        }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let issued: Activation = api
        .as_user(
            "POST",
            &format!("/api/v1/admin/accounts/{login}/activation"),
            &admin,
        )
        .json();
    let town = api.redeem(&issued.code, ADDR);

    // Outside their township: 403, whatever exists there.
    for (method, path) in [
        ("GET", "/api/v1/admin/grids/990101001"),
        ("GET", "/api/v1/admin/accounts/worker-a"),
        ("GET", "/api/v1/admin/accounts/admin"),
    ] {
        assert_eq!(
            api.as_user(method, path, &town).status,
            403,
            "{method} {path}"
        );
    }
    for (path, body) in [
        ("/admin/grids/990101001003", grid_body("东岗村", true)),
        (
            "/admin/accounts/worker-a",
            worker_body("李秀梅", "", &grid, true),
        ),
        (
            "/admin/departments/water",
            json!({ "name": "水务", "area": TOWN, "active": true }),
        ),
    ] {
        let r = put(&api, &town, path, body);
        assert_eq!(r.status, 403, "{path}: {}", r.body);
    }
    // Accounts whose roles are not places in their township: a shop, a department of 柳塘镇.
    for login in ["clerk", "handler"] {
        let path = format!("/api/v1/admin/accounts/{login}");
        assert_eq!(api.as_user("GET", &path, &town).status, 403, "{login}");
        let r = api.as_user("POST", &format!("{path}/activation"), &town);
        assert_eq!(r.status, 403, "{login}: {}", r.body);
        let r = put(
            &api,
            &town,
            &format!("/admin/accounts/{login}"),
            worker_body("某", "", &grid, true),
        );
        assert_eq!(r.status, 403, "{login}: {}", r.body);
        // Nor by spreadsheet, which would replace their roles.
        let csv = format!("登录名,姓名,电话,角色,范围\n{login},某,,网格员,{grid}\n");
        let r = api.send_bytes(
            "POST",
            "/api/v1/admin/people.csv",
            &[
                ("Cookie", town.clone()),
                ("Origin", api.origin().to_owned()),
                ("Content-Type", "text/csv".to_owned()),
            ],
            Some(csv.into_bytes()),
        );
        assert_eq!(r.status, 422, "{login}: {}", r.body);
    }
    // A shop is not a place in their township (shops are not records yet): county only.
    let r = put(
        &api,
        &town,
        &format!("/admin/accounts/rec-shop-{tag}"),
        json!({
            "name": "程某",
            "roles": [{ "role": "shop_clerk", "scope": { "kind": "shop", "id": "shop-990101001003" } }],
            "active": true,
        }),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["roles[0]"]);
    // The access log is the county's; a household, a work phone of 柳塘镇 are not theirs.
    assert_eq!(
        api.as_user("GET", "/api/v1/admin/access-log", &town).status,
        403
    );
    let card: GridCard = api.get("/api/v1/grids/990101001003001").json();
    let r = api.as_user_json(
        "PUT",
        &format!("/api/v1/admin/people/{}/work-phone", card.people[0].id),
        &town,
        r#"{"public":true}"#,
    );
    assert_eq!(r.status, 403, "{}", r.body);
    let r = api.as_user_json(
        "POST",
        "/api/v1/households/hh-990101001003001-012/move-out",
        &town,
        r#"{"confirm":true}"#,
    );
    assert_eq!(r.status, 403, "{}", r.body);

    // Their lists hold only their township.
    let accounts = all_accounts(&api, &town);
    assert!(accounts.iter().any(|a| a.login == login));
    assert!(accounts
        .iter()
        .all(|a| a.login != "worker-a" && a.login != "admin"));
    let depts: DepartmentPage = api
        .as_user("GET", "/api/v1/admin/departments", &town)
        .json();
    assert!(depts.items.iter().all(|d| d.area.starts_with(TOWN)));
    let all: DepartmentPage = api
        .as_user("GET", "/api/v1/admin/departments", &admin)
        .json();
    assert!(all.items.iter().any(|d| d.id == "water"));

    // Inside it they work; a role or a department reaching outside is refused.
    let worker = format!("rec-tw-{tag}");
    let r = put(
        &api,
        &town,
        &format!("/admin/accounts/{worker}"),
        worker_body("程小梅", "13907318802", &grid, true),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let r = put(
        &api,
        &town,
        &format!("/admin/accounts/{worker}"),
        worker_body("程小梅", "13907318802", "990101001003001", true),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["roles[0]"]);
    let r = put(
        &api,
        &town,
        &format!("/admin/departments/rec-t-{tag}"),
        json!({ "name": "柳塘镇某站", "area": "990101001", "active": true }),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(fields(&r), ["area"]);
    let r = put(
        &api,
        &town,
        &format!("/admin/departments/rec-t-{tag}"),
        json!({ "name": "试点二镇水务站", "area": TOWN, "active": true }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json::<Department>().area, TOWN);
}

#[test]
fn a_household_that_moves_out_leaves_the_register_and_its_phone_is_signed_out() {
    let api = Api::from_env();
    let (id, phone) = fresh_resident(&api, "192.0.2.96");
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone).status, 200);
    let path = format!("/api/v1/households/{id}/move-out");
    let other = api.session("worker-b", ADDR);
    assert_eq!(
        api.as_user_json("POST", &path, &other, r#"{"confirm":true}"#)
            .status,
        403
    );
    let worker = api.session("worker-a", ADDR);
    let r = api.as_user_json("POST", &path, &worker, r#"{"confirm":true}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone).status, 401);
    let r = api.as_user("GET", &format!("/api/v1/households/{id}"), &worker);
    assert_eq!(r.status, 404, "{}", r.body);
    // Moving out twice finds nothing to move.
    let r = api.as_user_json("POST", &path, &worker, r#"{"confirm":true}"#);
    assert_eq!(r.status, 404, "{}", r.body);
    // A family that comes back is imported again (moving out is not anonymisation).
    let admin = api.session("admin", ADDR);
    let csv = format!(
        "户编号,网格编码,地址,姓名,与户主关系,电话\n{id},990101001003001,东岗村四组 8 号,周桂香,户主,\n"
    );
    let r = api.send_bytes(
        "POST",
        "/api/v1/admin/households.csv",
        &[
            ("Cookie", admin.clone()),
            ("Origin", api.origin().to_owned()),
            ("Content-Type", "text/csv".to_owned()),
        ],
        Some(csv.into_bytes()),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let r = api.as_user("GET", &format!("/api/v1/households/{id}"), &worker);
    assert_eq!(r.status, 200, "{}", r.body);
}

#[test]
fn a_login_given_up_by_a_rename_makes_a_new_account_and_leaves_the_renamed_one_alone() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let tag = run_tag();
    let (_, grid) = grids(&api, &admin, &tag, 4);
    let old = format!("rec-old-{tag}");
    let new = format!("rec-new-{tag}");
    let r = put(
        &api,
        &admin,
        &format!("/admin/accounts/{old}"),
        worker_body("邵红梅", "", &grid, true),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let issued: Activation = api
        .as_user(
            "POST",
            &format!("/api/v1/admin/accounts/{old}/activation"),
            &admin,
        )
        .json();
    let phone = api.redeem(&issued.code, ADDR);
    let r = api.as_user_json(
        "PUT",
        "/api/v1/me/password",
        &phone,
        &json!({ "login": new, "password": "邵红梅的新密码2026" }).to_string(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    // The old login, taken up again, is someone else: the renamed account keeps its roles.
    let r = put(
        &api,
        &admin,
        &format!("/admin/accounts/{old}"),
        json!({
            "name": "另一个人",
            "roles": [{ "role": "admin", "scope": { "kind": "grid", "id": TOWN } }],
            "active": true,
        }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let renamed: StaffAccount = api
        .as_user("GET", &format!("/api/v1/admin/accounts/{new}"), &admin)
        .json();
    assert_eq!(renamed.name, "邵红梅");
    assert_eq!(renamed.roles.len(), 1);
    assert_eq!(
        renamed.roles[0].role,
        wangge_core::accounts::AccountRole::GridWorker
    );
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone).status, 200);
}
