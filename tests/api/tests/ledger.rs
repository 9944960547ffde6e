//! 台账 against the real Worker: the CSV export of a grid subtree and date range opens with
//! the ledger's columns, each report in its group (已解决 / 待解决 / 难解决), for those who
//! work the subtree only.

use serde_json::json;
use wangge_api_tests::{new_id, Api};
use wangge_core::admin::read_csv;
use wangge_core::reports::deadline::Day;
use wangge_core::reports::ledger::HEADER;
use wangge_core::reports::{ActionKind, Report};

const ADDR: &str = "192.0.2.122";
/// worker-a's grid, resident-a's household's.
const GRID: &str = "990101001003001";
/// Its village (the leader's).
const VILLAGE: &str = "990101001003";

fn file(api: &Api, cookie: &str, text: &str) -> Report {
    let body = json!({"id": new_id(), "category": "env-garbage", "text": text});
    let r = api.as_user_json("POST", "/api/v1/reports", cookie, &body.to_string());
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()
}

fn ok(r: wangge_api_tests::Reply) -> Report {
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[test]
fn the_ledger_exports_a_subtree_and_date_range_grouped_for_excel() {
    let api = Api::from_env();
    let resident = api.session("resident-a", ADDR);
    let worker = api.session("worker-a", ADDR);
    let other = api.session("worker-b", ADDR);
    let leader = api.session("leader", ADDR);

    // Pending: filed, taken in. Resolved: handled and confirmed. Hard: reopened.
    let pending = ok(api.act(
        &worker,
        &file(&api, &resident, "台账·待解决"),
        ActionKind::Accept,
        json!({}),
    ));
    let mut done = ok(api.act(
        &worker,
        &file(&api, &resident, "台账·已解决"),
        ActionKind::Accept,
        json!({}),
    ));
    done = ok(api.act(
        &worker,
        &done,
        ActionKind::HandleOnSpot,
        json!({"text": "已清运"}),
    ));
    done = ok(api.act(&resident, &done, ActionKind::Confirm, json!({"rating": 4})));
    let mut hard = ok(api.act(
        &worker,
        &file(&api, &resident, "台账·难解决"),
        ActionKind::Accept,
        json!({}),
    ));
    hard = ok(api.act(
        &worker,
        &hard,
        ActionKind::HandleOnSpot,
        json!({"text": "已清运"}),
    ));
    hard = ok(api.act(
        &resident,
        &hard,
        ActionKind::Reopen,
        json!({"text": "又堆满了"}),
    ));

    let today = Day::of_ms(pending.created_at).iso();
    let r = api.as_user(
        "GET",
        &format!("/api/v1/reports/ledger.csv?grid={GRID}&from={today}&to={today}"),
        &worker,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.content_type.as_deref(), Some("text/csv; charset=utf-8"));
    assert!(
        r.body.starts_with('\u{feff}'),
        "a BOM, so Excel reads UTF-8"
    );
    assert!(r.body.contains("\r\n"), "CRLF lines");
    let rows: Vec<Vec<String>> = read_csv(&r.body)
        .expect("the CSV reads back")
        .into_iter()
        .map(|x| x.fields)
        .collect();
    assert_eq!(rows[0], HEADER.map(str::to_owned));
    let row = |id: &str| {
        rows.iter()
            .find(|x| x[1] == id)
            .unwrap_or_else(|| panic!("{id} in the ledger"))
            .clone()
    };
    assert_eq!(row(&done.id)[0], "已解决");
    assert_eq!(row(&done.id)[7], "已确认办结");
    assert_eq!(row(&done.id)[11], "★★★★");
    assert_eq!(row(&pending.id)[0], "待解决");
    assert_eq!(row(&hard.id)[0], "难解决");
    assert_eq!(row(&pending.id)[3], GRID);
    assert_eq!(row(&pending.id)[5], "垃圾堆放、清运不及时");
    assert!(row(&pending.id)[2].starts_with(&today), "Beijing time");
    // Groups in order: every 已解决 row before every 待解决 row before every 难解决 row.
    let order: Vec<usize> = rows[1..]
        .iter()
        .map(|x| {
            ["已解决", "待解决", "难解决"]
                .iter()
                .position(|g| *g == x[0])
                .expect("a group")
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    assert!(
        rows[1..].iter().all(|x| x[3].starts_with(GRID)),
        "only the subtree"
    );

    // A range before it holds none of them; the village's leader sees them in theirs.
    let r = api.as_user(
        "GET",
        "/api/v1/reports/ledger.csv?from=2025-01-01&to=2025-01-31",
        &leader,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(!r.body.contains(&pending.id));
    let r = api.as_user(
        "GET",
        &format!("/api/v1/reports/ledger.csv?grid={VILLAGE}&from={today}&to={today}"),
        &leader,
    );
    assert!(r.body.contains(&hard.id), "{}", r.body);

    // Someone else's grid, a bad date, an upside-down range.
    let r = api.as_user(
        "GET",
        &format!("/api/v1/reports/ledger.csv?grid={GRID}"),
        &other,
    );
    assert_eq!(r.status, 403, "{}", r.body);
    let r = api.as_user("GET", "/api/v1/reports/ledger.csv?from=2026-13-01", &worker);
    assert_eq!(r.status, 422, "{}", r.body);
    let r = api.as_user(
        "GET",
        "/api/v1/reports/ledger.csv?from=2026-02-01&to=2026-01-01",
        &worker,
    );
    assert_eq!(r.status, 422, "{}", r.body);
    let r = api.as_user("GET", "/api/v1/reports/ledger.csv", &resident);
    assert_eq!(r.status, 403, "{}", r.body);
}
