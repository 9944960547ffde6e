//! 积分超市 against the real Worker on local workerd + D1: awards in public notice and the
//! leader's decision, redemptions as one batch (also 50 at once), the household pass
//! (forged, expired, replayed), reversals, and the ledger's invariants after every step of
//! a random sequence.

use wangge_api_tests::{d1, fresh_resident, new_id, Api, Reply};
use wangge_core::accounts::{Me, Scope};
use wangge_core::points::pass::{sign, PassParts};
use wangge_core::points::{
    AwardRecorded, AwardState, Board, EntryKind, HouseholdPass, Passbook, Redemption, Reversed,
    RuleBook, Shop, ShopDay, ShopHousehold,
};
use wangge_core::problem::{Problem, ProblemCode};
use wangge_core::reports::deadline::Day;

const V1: &str = "990101001003";
const SHOP: &str = "shop-990101001003";
const DEMO_A: &str = "hh-990101001003001-012";

fn code(r: &Reply) -> ProblemCode {
    r.json::<Problem>().code
}

fn post(api: &Api, path: &str, cookie: &str, body: serde_json::Value) -> Reply {
    api.as_user_json("POST", path, cookie, &body.to_string())
}

/// The whole passbook, every page, oldest first.
fn passbook(api: &Api, household: &str, cookie: &str) -> Passbook {
    let mut all = Vec::new();
    let mut cursor = String::new();
    loop {
        let path = format!("/api/v1/households/{household}/passbook?{cursor}");
        let r = api.as_user("GET", &path, cookie);
        assert_eq!(r.status, 200, "{}", r.body);
        let page: Passbook = r.json();
        all.extend(page.entries.clone());
        match page.cursor {
            Some(c) => cursor = format!("cursor={c}"),
            None => {
                all.reverse();
                return Passbook {
                    entries: all,
                    ..page
                };
            }
        }
    }
}

/// The ledger's invariants for one household, through the API: the balances are the sums
/// of the entries, each entry's running balance follows from the one before, spendable
/// never below zero.
fn check_ledger(api: &Api, household: &str, cookie: &str) -> Passbook {
    let book = passbook(api, household, cookie);
    let (mut sp, mut pe) = (0, 0);
    for (n, e) in book.entries.iter().enumerate() {
        assert_eq!(e.seq, n as u64 + 1, "seq without gaps");
        sp += e.spendable_delta;
        pe += e.pending_delta;
        assert_eq!((e.spendable_after, e.pending_after), (sp, pe), "{e:?}");
        assert!(e.spendable_after >= 0);
    }
    assert_eq!((book.spendable, book.pending), (sp, pe));
    book
}

/// Records `rule` for households, as worker-a.
fn award(api: &Api, worker: &str, households: &[&str], rule: &str) -> Reply {
    post(
        api,
        "/api/v1/points/awards",
        worker,
        serde_json::json!({"id": new_id(), "village": V1, "rule": rule, "households": households,
            "note": "测试"}),
    )
}

/// Ends an award's public notice, as seven days would.
fn end_notice(award: &str) {
    d1(&format!(
        "UPDATE point_awards SET notice_until = 0 WHERE id = '{award}'"
    ));
}

/// Gives a household `times` × 10 spendable points (平安法治 pa-01, unlimited), through
/// the award, the notice and the leader's approval.
fn fund(api: &Api, worker: &str, leader: &str, household: &str, times: usize) {
    let mut entries = Vec::new();
    for _ in 0..times {
        let r = award(api, worker, &[household], "pa-01");
        assert_eq!(r.status, 201, "{}", r.body);
        let a: AwardRecorded = r.json();
        assert_eq!(a.state, AwardState::Pending);
        end_notice(&a.id);
        entries.extend(a.entries);
    }
    let r = post(
        api,
        "/api/v1/points/decisions",
        leader,
        serde_json::json!({"id": new_id(), "approve": true, "entries": entries}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
}

/// A new good on the demo shop's shelf.
fn shelve(api: &Api, clerk: &str, price: i64, stock: i64) -> String {
    let id = format!("g-{}", new_id());
    let r = api.as_user_json(
        "PUT",
        &format!("/api/v1/shops/{SHOP}/goods"),
        clerk,
        &serde_json::json!({"id": id, "name": "测试肥皂", "unit": "块", "price": price,
            "stock": stock, "active": true})
        .to_string(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    id
}

fn stock_of(api: &Api, clerk: &str, goods: &str) -> i64 {
    let shop: Shop = api
        .as_user("GET", &format!("/api/v1/shops/{SHOP}/goods"), clerk)
        .json();
    shop.goods
        .iter()
        .find(|g| g.id == goods)
        .map(|g| g.stock)
        .expect("goods on the shelf")
}

fn redeem(api: &Api, clerk: &str, body: serde_json::Value) -> Reply {
    post(
        api,
        &format!("/api/v1/shops/{SHOP}/redemptions"),
        clerk,
        body,
    )
}

#[test]
fn the_demo_seed_has_a_shop_points_and_pending_awards() {
    let api = Api::from_env();
    let addr = "10.10.0.1";
    let clerk = api.session("clerk", addr);
    let me: Me = api.as_user("GET", "/api/v1/me", &clerk).json();
    assert!(me.roles.iter().any(|g| g.scope == Scope::Shop(SHOP.into())));
    let shop: Shop = api
        .as_user("GET", &format!("/api/v1/shops/{SHOP}/goods"), &clerk)
        .json();
    assert_eq!(shop.village, V1);
    assert!(shop.goods.len() >= 5);
    assert!(shop.goods.iter().any(|g| g.price == 1 && g.stock >= 500));
    let a = api.session("resident-a", addr);
    let book = check_ledger(&api, DEMO_A, &a);
    assert!(book.spendable >= 100, "{}", book.spendable);
    let b = api.session("resident-b", addr);
    let r = api.as_user("GET", "/api/v1/me", &b);
    let me_b: Me = r.json();
    let hh_b = me_b.household.expect("resident-b household").id;
    let book_b = check_ledger(&api, &hh_b, &b);
    assert!(book_b.pending > 0);
    // The rule book is posted; the board masks names.
    let rules: RuleBook = api
        .as_user("GET", &format!("/api/v1/villages/{V1}/points"), &a)
        .json();
    assert!(rules.rules.iter().any(|r| r.points < 0) && rules.rules.len() >= 10);
    assert_eq!(rules.shop.as_deref(), Some(SHOP));
    let board: Board = api
        .as_user("GET", &format!("/api/v1/villages/{V1}/points/board"), &a)
        .json();
    assert!(board.lines.iter().any(|l| l.household == "张*明户"));
    assert!(!board.body_contains("张德明"));
}

trait Contains {
    fn body_contains(&self, s: &str) -> bool;
}
impl Contains for Board {
    fn body_contains(&self, s: &str) -> bool {
        serde_json::to_string(self).unwrap_or_default().contains(s)
    }
}

#[test]
fn awards_wait_for_notice_and_a_leader() {
    let api = Api::from_env();
    let addr = "10.10.0.2";
    let (hh, resident) = fresh_resident(&api, addr);
    let worker = api.session("worker-a", addr);
    let leader = api.session("leader", addr);
    // Another village's worker may not award here.
    let r = award(&api, &api.session("worker-b", addr), &[&hh], "pa-01");
    assert_eq!(r.status, 403, "{}", r.body);
    // A rule that needs a photo, without one.
    let r = award(&api, &worker, &[&hh], "yf-01");
    assert_eq!(
        (r.status, code(&r)),
        (422, ProblemCode::Invalid),
        "{}",
        r.body
    );
    let r = award(&api, &worker, &[&hh], "xl-02");
    assert_eq!(r.status, 201, "{}", r.body);
    let a: AwardRecorded = r.json();
    assert_eq!(
        (a.points, a.state, a.entries.len()),
        (5, AwardState::Pending, 1)
    );
    let book = check_ledger(&api, &hh, &resident);
    assert_eq!((book.spendable, book.pending), (0, 5));
    // A neighbour objects; someone of another village may not.
    let objection = serde_json::json!({"id": new_id(), "reason": "那天他家没有出工"});
    let path = format!("/api/v1/points/entries/{}/objections", a.entries[0]);
    let r = post(
        &api,
        &path,
        &api.session("resident-b", addr),
        objection.clone(),
    );
    assert_eq!(r.status, 403, "{}", r.body);
    let objector = api.session("resident-a", addr);
    let r = post(&api, &path, &objector, objection.clone());
    assert_eq!(r.status, 204, "{}", r.body);
    let board: Board = api
        .as_user(
            "GET",
            &format!("/api/v1/villages/{V1}/points/board"),
            &resident,
        )
        .json();
    let line = board
        .lines
        .iter()
        .find(|l| l.entry == a.entries[0])
        .expect("on the board");
    assert_eq!((line.objections, line.state), (1, AwardState::Pending));
    assert_eq!(line.household, "周*香户");
    // Not before the notice ends; not by a worker; then once.
    let decide = |approve: bool| serde_json::json!({"id": new_id(), "approve": approve, "entries": a.entries});
    let r = post(&api, "/api/v1/points/decisions", &leader, decide(true));
    assert_eq!((r.status, code(&r)), (409, ProblemCode::NoticeNotOver));
    end_notice(&a.id);
    let r = post(&api, "/api/v1/points/decisions", &worker, decide(true));
    assert_eq!(r.status, 403, "{}", r.body);
    let body = decide(true);
    let r = post(&api, "/api/v1/points/decisions", &leader, body.clone());
    assert_eq!(r.status, 201, "{}", r.body);
    // The same decision again: the same answer; another decision on it: refused.
    let again = post(&api, "/api/v1/points/decisions", &leader, body);
    assert_eq!((again.status, &again.body), (201, &r.body));
    let r = post(&api, "/api/v1/points/decisions", &leader, decide(false));
    assert_eq!((r.status, code(&r)), (409, ProblemCode::AlreadyDecided));
    // The objection's retry, landing after the decision, gets its first answer; a new
    // objection is too late; the objection's id for another reason is a conflict.
    let r = post(&api, &path, &objector, objection.clone());
    assert_eq!(r.status, 204, "{}", r.body);
    let late = serde_json::json!({"id": new_id(), "reason": "太迟了"});
    let r = post(&api, &path, &objector, late);
    assert_eq!((r.status, code(&r)), (409, ProblemCode::AlreadyDecided));
    let mut other = objection;
    other["reason"] = "另一个理由".into();
    let r = post(&api, &path, &objector, other);
    assert_eq!(
        (r.status, code(&r)),
        (409, ProblemCode::IdempotencyConflict)
    );
    let book = check_ledger(&api, &hh, &resident);
    assert_eq!((book.spendable, book.pending), (5, 0));
    let last = book.entries.last().expect("entries");
    assert_eq!(
        (last.kind, last.rule.as_deref()),
        (EntryKind::Approve, Some("邻里互助、照顾孤寡老人"))
    );
    // A rule with a limit: once a month for hj-01; the second award writes nothing.
    let r = award(&api, &worker, &[&hh], "hj-01");
    assert_eq!(r.status, 201, "{}", r.body);
    let r = award(&api, &worker, &[&hh], "hj-01");
    assert_eq!((r.status, code(&r)), (409, ProblemCode::RuleLimitReached));
    let book = check_ledger(&api, &hh, &resident);
    assert_eq!((book.spendable, book.pending), (5, 5));
    // A void: counts nowhere.
    let pending: Vec<String> = book
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Award && e.pending_delta != 0)
        .map(|e| e.id.clone())
        .filter(|id| id != &a.entries[0])
        .collect();
    let r = post(
        &api,
        "/api/v1/points/decisions",
        &leader,
        serde_json::json!({"id": new_id(), "approve": false, "entries": pending}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let book = check_ledger(&api, &hh, &resident);
    assert_eq!((book.spendable, book.pending), (5, 0));
    // The voided hj-01 no longer uses up this month's one: it can be awarded again, once.
    let r = award(&api, &worker, &[&hh], "hj-01");
    assert_eq!(r.status, 201, "{}", r.body);
    let again: AwardRecorded = r.json();
    let r = award(&api, &worker, &[&hh], "hj-01");
    assert_eq!((r.status, code(&r)), (409, ProblemCode::RuleLimitReached));
    let r = post(
        &api,
        "/api/v1/points/decisions",
        &leader,
        serde_json::json!({"id": new_id(), "approve": false, "entries": again.entries}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    // A mistaken award taken back by the leader, once.
    let approval = book
        .entries
        .iter()
        .find(|e| e.kind == EntryKind::Approve)
        .expect("the approval")
        .id
        .clone();
    let path = format!("/api/v1/points/entries/{approval}/reverse");
    let body = serde_json::json!({"id": new_id(), "note": "记错了户"});
    let r = post(&api, &path, &leader, body.clone());
    assert_eq!(r.status, 201, "{}", r.body);
    let rev: Reversed = r.json();
    assert_eq!((rev.points, rev.spendable_after), (-5, 0));
    let r = post(&api, &path, &leader, serde_json::json!({"id": new_id()}));
    assert_eq!((r.status, code(&r)), (409, ProblemCode::AlreadyReversed));
    assert_eq!(check_ledger(&api, &hh, &resident).spendable, 0);
    // An approved hj-01 taken back gives back this month's use of it too, as a void does.
    let r = award(&api, &worker, &[&hh], "hj-01");
    assert_eq!(r.status, 201, "{}", r.body);
    let limited: AwardRecorded = r.json();
    end_notice(&limited.id);
    let r = post(
        &api,
        "/api/v1/points/decisions",
        &leader,
        serde_json::json!({"id": new_id(), "approve": true, "entries": limited.entries}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let book = check_ledger(&api, &hh, &resident);
    assert_eq!((book.spendable, book.pending), (5, 0));
    let r = award(&api, &worker, &[&hh], "hj-01");
    assert_eq!((r.status, code(&r)), (409, ProblemCode::RuleLimitReached));
    let approval = book.entries.last().expect("the approval").id.clone();
    let r = post(
        &api,
        &format!("/api/v1/points/entries/{approval}/reverse"),
        &leader,
        serde_json::json!({"id": new_id(), "note": "检查记错了"}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let r = award(&api, &worker, &[&hh], "hj-01");
    assert_eq!(r.status, 201, "{}", r.body);
    let r = award(&api, &worker, &[&hh], "hj-01");
    assert_eq!((r.status, code(&r)), (409, ProblemCode::RuleLimitReached));
    assert_eq!(check_ledger(&api, &hh, &resident).spendable, 0);
}

#[test]
fn a_redemption_is_one_batch_and_says_why_it_is_refused() {
    let api = Api::from_env();
    let addr = "10.10.0.3";
    let (hh, resident) = fresh_resident(&api, addr);
    let (worker, leader, clerk) = (
        api.session("worker-a", addr),
        api.session("leader", addr),
        api.session("clerk", addr),
    );
    fund(&api, &worker, &leader, &hh, 2);
    let soap = shelve(&api, &clerk, 3, 5);
    let towel = shelve(&api, &clerk, 8, 100);
    // Too many points: nothing happens, the stock stays.
    let id = new_id();
    let body = serde_json::json!({"id": id, "household": hh,
        "items": [{"goods": soap, "qty": 2}, {"goods": towel, "qty": 2}]});
    let r = redeem(&api, &clerk, body.clone());
    assert_eq!(
        (r.status, code(&r)),
        (409, ProblemCode::InsufficientPoints),
        "{}",
        r.body
    );
    assert!(r.body.contains("积分不足"));
    assert_eq!(stock_of(&api, &clerk, &soap), 5);
    // The same request again: the same answer, even though nothing was written.
    let again = redeem(&api, &clerk, body);
    assert_eq!((again.status, &again.body), (409, &r.body));
    // Too many goods: the points stay.
    let r = redeem(
        &api,
        &clerk,
        serde_json::json!({"id": new_id(), "household": hh, "items": [{"goods": soap, "qty": 6}]}),
    );
    assert_eq!(
        (r.status, code(&r)),
        (409, ProblemCode::InsufficientStock),
        "{}",
        r.body
    );
    assert_eq!(check_ledger(&api, &hh, &resident).spendable, 20);
    // Enough: 201 with the balance after; a retry gets the same; another body under the
    // same id is a conflict.
    let id = new_id();
    let body = serde_json::json!({"id": id, "household": hh,
        "items": [{"goods": soap, "qty": 2}, {"goods": towel, "qty": 1}]});
    let r = redeem(&api, &clerk, body.clone());
    assert_eq!(r.status, 201, "{}", r.body);
    let done: Redemption = r.json();
    assert_eq!(
        (done.total, done.spendable_after, done.items.len()),
        (14, 6, 2)
    );
    let again = redeem(&api, &clerk, body);
    assert_eq!(
        (again.status, again.json::<Redemption>()),
        (201, done.clone())
    );
    let other =
        serde_json::json!({"id": id, "household": hh, "items": [{"goods": soap, "qty": 1}]});
    let r = redeem(&api, &clerk, other);
    assert_eq!(
        (r.status, code(&r)),
        (409, ProblemCode::IdempotencyConflict)
    );
    assert_eq!(stock_of(&api, &clerk, &soap), 3);
    // Only the shop's clerk redeems; a household of another village is not found here.
    let r = redeem(
        &api,
        &api.session("worker-a", addr),
        serde_json::json!({"id": new_id(), "household": hh, "items": [{"goods": soap, "qty": 1}]}),
    );
    assert_eq!(r.status, 403);
    let r = redeem(
        &api,
        &clerk,
        serde_json::json!({"id": new_id(), "household": "hh-990101001004001-005",
            "items": [{"goods": soap, "qty": 1}]}),
    );
    assert_eq!((r.status, code(&r)), (404, ProblemCode::HouseholdNotFound));
    // A clerk's save made on a stale screen would undo that redemption in the count.
    let save = |was: i64| {
        api.as_user_json(
            "PUT",
            &format!("/api/v1/shops/{SHOP}/goods"),
            &clerk,
            &serde_json::json!({"id": soap, "name": "测试肥皂", "unit": "块", "price": 3,
                "stock": 50, "active": true, "was_stock": was})
            .to_string(),
        )
    };
    let r = save(5);
    assert_eq!((r.status, code(&r)), (409, ProblemCode::GoodsChanged));
    assert_eq!(save(3).status, 200);
    assert_eq!(save(50).status, 200);
    let r = save(3);
    assert_eq!(r.status, 409);
    let restock = api.as_user_json(
        "PUT",
        &format!("/api/v1/shops/{SHOP}/goods"),
        &clerk,
        &serde_json::json!({"id": soap, "name": "测试肥皂", "unit": "块", "price": 3,
            "stock": 3, "active": true, "was_stock": 50})
        .to_string(),
    );
    assert_eq!(restock.status, 200, "{}", restock.body);
    // Returned goods: points and stock come back, once.
    let path = format!("/api/v1/redemptions/{}/reverse", done.id);
    let r = post(
        &api,
        &path,
        &clerk,
        serde_json::json!({"id": new_id(), "note": "退货"}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json::<Reversed>().spendable_after, 20);
    let r = post(&api, &path, &clerk, serde_json::json!({"id": new_id()}));
    assert_eq!((r.status, code(&r)), (409, ProblemCode::AlreadyReversed));
    assert_eq!(stock_of(&api, &clerk, &soap), 5);
    let book = check_ledger(&api, &hh, &resident);
    let kinds: Vec<EntryKind> = book.entries.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EntryKind::Award,
            EntryKind::Award,
            EntryKind::Approve,
            EntryKind::Approve,
            EntryKind::Redeem,
            EntryKind::Reverse
        ]
    );
    // The clerk's day lists it as returned; the CSV says so too.
    let day: ShopDay = api
        .as_user("GET", &format!("/api/v1/shops/{SHOP}/day"), &clerk)
        .json();
    assert!(day
        .redemptions
        .iter()
        .any(|r| r.id == done.id && r.reversed));
    let csv = api.as_user("GET", &format!("/api/v1/shops/{SHOP}/day.csv"), &clerk);
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains(&done.id) && csv.body.contains("已退回"));
    // And the clerk finds the household by name.
    let r = api.as_user(
        "GET",
        &format!("/api/v1/shops/{SHOP}/households?q=%E5%91%A8%E6%A1%82"),
        &clerk,
    );
    let found: Vec<ShopHousehold> = r.json();
    assert!(found.iter().any(|h| h.id == hh && h.spendable == 20));
}

#[test]
fn a_return_counts_on_the_day_the_goods_came_back() {
    let api = Api::from_env();
    let addr = "10.10.0.8";
    let (hh, _resident) = fresh_resident(&api, addr);
    let (worker, leader, clerk) = (
        api.session("worker-a", addr),
        api.session("leader", addr),
        api.session("clerk", addr),
    );
    fund(&api, &worker, &leader, &hh, 1);
    let soap = shelve(&api, &clerk, 2, 10);
    let r = redeem(
        &api,
        &clerk,
        serde_json::json!({"id": new_id(), "household": hh, "items": [{"goods": soap, "qty": 3}]}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let done: Redemption = r.json();
    // As if it had gone out yesterday.
    d1(&format!(
        "UPDATE point_orders SET at = at - 86400000 WHERE id = '{}'",
        done.id
    ));
    let day = |query: &str| -> ShopDay {
        let r = api.as_user("GET", &format!("/api/v1/shops/{SHOP}/day{query}"), &clerk);
        assert_eq!(r.status, 200, "{}", r.body);
        r.json()
    };
    let csv = |query: &str| {
        api.as_user(
            "GET",
            &format!("/api/v1/shops/{SHOP}/day.csv{query}"),
            &clerk,
        )
        .body
    };
    let line = |d: &ShopDay| {
        d.lines
            .iter()
            .find(|l| l.goods == soap)
            .map(|l| (l.qty, l.points))
    };
    let today = day("");
    let yesterday = format!(
        "?date={}",
        Day(Day::parse(&today.date).expect("a date").0 - 1).iso()
    );
    assert_eq!(line(&today), None);
    let before = day(&yesterday);
    assert!(before
        .redemptions
        .iter()
        .any(|r| r.id == done.id && !r.reversed));
    assert_eq!(line(&before), Some((3, 6)));
    let sheet_before = csv(&yesterday);
    // The goods come back today: today's figures take them back in.
    let r = post(
        &api,
        &format!("/api/v1/redemptions/{}/reverse", done.id),
        &clerk,
        serde_json::json!({"id": new_id()}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let today = day("");
    assert!(!today.redemptions.iter().any(|r| r.id == done.id));
    let back = today
        .returns
        .iter()
        .find(|r| r.id == done.id)
        .expect("today's returns list it");
    assert!(back.reversed && back.returned_at.is_some_and(|t| t > back.at));
    assert_eq!(line(&today), Some((-3, -6)));
    let sheet = csv("");
    assert!(
        sheet
            .lines()
            .any(|l| l.contains(&done.id) && l.ends_with(",-3,2,-6,已退回")),
        "{sheet}"
    );
    // Yesterday's figures stand: the sheet printed then still matches the screen.
    let after = day(&yesterday);
    assert_eq!(line(&after), Some((3, 6)));
    assert!(after
        .redemptions
        .iter()
        .any(|r| r.id == done.id && r.reversed));
    assert!(!after.returns.iter().any(|r| r.id == done.id));
    assert_eq!(csv(&yesterday), sheet_before);
}

#[test]
fn the_pass_is_signed_bound_short_lived_and_good_once() {
    let api = Api::from_env();
    let addr = "10.10.0.4";
    let (hh, resident) = fresh_resident(&api, addr);
    let (worker, leader, clerk) = (
        api.session("worker-a", addr),
        api.session("leader", addr),
        api.session("clerk", addr),
    );
    fund(&api, &worker, &leader, &hh, 1);
    let soap = shelve(&api, &clerk, 1, 100);
    // Only the household's own members get its pass.
    let r = api.as_user("GET", &format!("/api/v1/households/{hh}/pass"), &worker);
    assert_eq!(r.status, 403);
    let pass: HouseholdPass = api
        .as_user("GET", &format!("/api/v1/households/{hh}/pass"), &resident)
        .json();
    let with = |pass: &str| serde_json::json!({"id": new_id(), "pass": pass, "items": [{"goods": soap, "qty": 1}]});
    let body = with(&pass.text);
    let r = redeem(&api, &clerk, body.clone());
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json::<Redemption>().household, hh);
    // The same redemption retried: the same answer, not a refusal.
    assert_eq!(redeem(&api, &clerk, body).status, 201);
    // Replayed for another redemption: refused.
    let r = redeem(&api, &clerk, with(&pass.text));
    assert_eq!(
        (r.status, code(&r)),
        (403, ProblemCode::PassInvalid),
        "{}",
        r.body
    );
    // Forged: another household's id under this signature, or a changed signature.
    let fresh: HouseholdPass = api
        .as_user("GET", &format!("/api/v1/households/{hh}/pass"), &resident)
        .json();
    let parts = PassParts::parse(&fresh.text).expect("a pass");
    let moved = PassParts {
        household: DEMO_A.into(),
        ..parts.clone()
    };
    let mut flipped = parts.clone();
    flipped.signature = flipped.signature.chars().rev().collect::<String>();
    for forged in [moved.text(), flipped.text(), "hello".into()] {
        let r = redeem(&api, &clerk, with(&forged));
        assert_eq!(
            (r.status, code(&r)),
            (403, ProblemCode::PassInvalid),
            "{forged}"
        );
    }
    // Expired: signed with the real key, an hour ago.
    let key = d1("SELECT value FROM secrets WHERE name = 'pass'")[0]["value"]
        .as_str()
        .expect("the pass key")
        .to_owned();
    let key: Vec<u8> = (0..key.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&key[i..i + 2], 16).expect("hex"))
        .collect();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let old = sign::issue(&key, &hh, now - 3600, "0123456789abcdef");
    let r = redeem(&api, &clerk, with(&old.text()));
    assert_eq!((r.status, code(&r)), (403, ProblemCode::PassInvalid));
    // The same, unexpired, passes: the refusal above was the time alone.
    let good = sign::issue(&key, &hh, now + 600, "0123456789abcdef");
    assert_eq!(redeem(&api, &clerk, with(&good.text())).status, 201);
    // The fresh pass still works: a pass is used once, not a household's passes.
    assert_eq!(redeem(&api, &clerk, with(&fresh.text)).status, 201);
    assert_eq!(check_ledger(&api, &hh, &resident).spendable, 7);
}

/// 50 redemptions at once.
fn storm(api: &Api, clerk: &str, household: &str, goods: &str) -> Vec<Reply> {
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..50)
            .map(|_| {
                s.spawn(|| {
                    redeem(
                        api,
                        clerk,
                        serde_json::json!({"id": new_id(), "household": household,
                            "items": [{"goods": goods, "qty": 1}]}),
                    )
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    })
}

#[test]
fn fifty_redemptions_at_once_spend_exactly_what_there_is() {
    let api = Api::from_env();
    let addr = "10.10.0.5";
    let (worker, leader, clerk) = (
        api.session("worker-a", addr),
        api.session("leader", addr),
        api.session("clerk", addr),
    );
    // Points as the limit: 10 points, plenty of stock.
    let (hh, resident) = fresh_resident(&api, addr);
    fund(&api, &worker, &leader, &hh, 1);
    let plenty = shelve(&api, &clerk, 1, 1000);
    let replies = storm(&api, &clerk, &hh, &plenty);
    let ok = replies.iter().filter(|r| r.status == 201).count();
    let short = replies
        .iter()
        .filter(|r| r.status == 409 && code(r) == ProblemCode::InsufficientPoints)
        .count();
    assert_eq!(
        (ok, short),
        (10, 40),
        "{:?}",
        replies.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    assert_eq!(check_ledger(&api, &hh, &resident).spendable, 0);
    assert_eq!(stock_of(&api, &clerk, &plenty), 990);
    // Stock as the limit: 50 points, 10 in stock.
    let (hh, resident) = fresh_resident(&api, addr);
    fund(&api, &worker, &leader, &hh, 5);
    let scarce = shelve(&api, &clerk, 1, 10);
    let replies = storm(&api, &clerk, &hh, &scarce);
    let ok = replies.iter().filter(|r| r.status == 201).count();
    let short = replies
        .iter()
        .filter(|r| r.status == 409 && code(r) == ProblemCode::InsufficientStock)
        .count();
    assert_eq!((ok, short), (10, 40));
    assert_eq!(check_ledger(&api, &hh, &resident).spendable, 40);
    assert_eq!(stock_of(&api, &clerk, &scarce), 0);
}

/// A small deterministic generator: the same sequence on every run, no dependency.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn a_random_sequence_keeps_the_ledger_whole_after_every_step() {
    let api = Api::from_env();
    let addr = "10.10.0.6";
    let (worker, leader, clerk) = (
        api.session("worker-a", addr),
        api.session("leader", addr),
        api.session("clerk", addr),
    );
    let households: Vec<(String, String)> = (0..2).map(|_| fresh_resident(&api, addr)).collect();
    let goods = shelve(&api, &clerk, 3, 12);
    let mut rng = Lcg(0x5eed);
    let mut pending: Vec<(String, String)> = Vec::new();
    let mut orders: Vec<String> = Vec::new();
    let mut sent: Vec<(String, String, String, Reply)> = Vec::new();
    for step in 0..40 {
        let (hh, resident) = &households[rng.below(2) as usize];
        match rng.below(7) {
            0 | 1 => {
                let rule = ["pa-01", "gy-02", "hj-05", "xl-02"][rng.below(4) as usize];
                let body = serde_json::json!({"id": new_id(), "village": V1, "rule": rule,
                    "households": [hh], "note": "", "photos": []});
                let r = post(&api, "/api/v1/points/awards", &worker, body.clone());
                assert!(
                    r.status == 201 || code(&r) == ProblemCode::RuleLimitReached,
                    "{}",
                    r.body
                );
                if r.status == 201 {
                    let a: AwardRecorded = r.json();
                    pending.push((a.id.clone(), a.entries[0].clone()));
                }
                sent.push((
                    "/api/v1/points/awards".into(),
                    body.to_string(),
                    worker.clone(),
                    r,
                ));
            }
            2 if !pending.is_empty() => {
                let (award, entry) = pending.remove(rng.below(pending.len() as u64) as usize);
                end_notice(&award);
                let body = serde_json::json!({"id": new_id(), "approve": rng.below(4) > 0,
                    "entries": [entry]});
                let r = post(&api, "/api/v1/points/decisions", &leader, body.clone());
                assert!(
                    r.status == 201 || code(&r) == ProblemCode::InsufficientPoints,
                    "{}",
                    r.body
                );
                sent.push((
                    "/api/v1/points/decisions".into(),
                    body.to_string(),
                    leader.clone(),
                    r,
                ));
            }
            3 | 4 => {
                let body = serde_json::json!({"id": new_id(), "household": hh,
                    "items": [{"goods": goods, "qty": 1 + rng.below(3)}]});
                let path = format!("/api/v1/shops/{SHOP}/redemptions");
                let r = post(&api, &path, &clerk, body.clone());
                assert!(
                    r.status == 201
                        || [
                            ProblemCode::InsufficientPoints,
                            ProblemCode::InsufficientStock
                        ]
                        .contains(&code(&r)),
                    "{}",
                    r.body
                );
                if r.status == 201 {
                    orders.push(r.json::<Redemption>().id);
                }
                sent.push((path, body.to_string(), clerk.clone(), r));
            }
            5 if !orders.is_empty() => {
                let order = orders[rng.below(orders.len() as u64) as usize].clone();
                let path = format!("/api/v1/redemptions/{order}/reverse");
                let body = serde_json::json!({"id": new_id()});
                let r = post(&api, &path, &clerk, body.clone());
                assert!(
                    r.status == 201 || code(&r) == ProblemCode::AlreadyReversed,
                    "{}",
                    r.body
                );
                sent.push((path, body.to_string(), clerk.clone(), r));
            }
            6 if !pending.is_empty() => {
                // A neighbour objects to an award in notice: it moves no points (the
                // ledger check below) and the award still waits for the leader.
                let (_, entry) = &pending[rng.below(pending.len() as u64) as usize];
                let path = format!("/api/v1/points/entries/{entry}/objections");
                let body = serde_json::json!({"id": new_id(), "reason": "有异议"});
                let r = post(&api, &path, resident, body.clone());
                assert_eq!(r.status, 204, "{}", r.body);
                sent.push((path, body.to_string(), resident.clone(), r));
            }
            _ => {
                // A replay of anything sent before: the same answer, no second effect.
                if let Some((path, body, cookie, first)) =
                    sent.get(rng.below(sent.len().max(1) as u64) as usize)
                {
                    let r = api.as_user_json("POST", path, cookie, body);
                    assert_eq!(r.status, first.status, "replay of {path} {body}");
                    assert_eq!(r.body, first.body, "replay of {path}");
                }
            }
        }
        for (hh, cookie) in &households {
            check_ledger(&api, hh, cookie);
        }
        assert!(stock_of(&api, &clerk, &goods) >= 0, "step {step}");
    }
    // Stock out = what the live redemptions took.
    let day: ShopDay = api
        .as_user("GET", &format!("/api/v1/shops/{SHOP}/day"), &clerk)
        .json();
    let taken: i64 = day
        .redemptions
        .iter()
        .filter(|r| !r.reversed)
        .flat_map(|r| r.items.iter())
        .filter(|i| i.goods == goods)
        .map(|i| i.qty)
        .sum();
    assert_eq!(stock_of(&api, &clerk, &goods), 12 - taken);
}

#[test]
fn every_balance_is_the_sum_of_its_entries() {
    // Over the whole database, whatever the other tests did.
    let off = d1(
        "SELECT count(*) AS n FROM point_balances b WHERE spendable <> \
           (SELECT coalesce(sum(spendable_delta), 0) FROM point_entries e \
            WHERE e.household_id = b.household_id) \
         OR pending <> (SELECT coalesce(sum(pending_delta), 0) FROM point_entries e \
            WHERE e.household_id = b.household_id) \
         OR seq <> (SELECT count(*) FROM point_entries e WHERE e.household_id = b.household_id)",
    );
    assert_eq!(off[0]["n"], 0);
    let negative = d1("SELECT (SELECT count(*) FROM goods WHERE stock < 0) + \
        (SELECT count(*) FROM point_balances WHERE spendable < 0) AS n");
    assert_eq!(negative[0]["n"], 0);
}

#[test]
fn the_rule_book_is_kept_whole_and_the_ranking_gives_stars() {
    let api = Api::from_env();
    let addr = "10.10.0.7";
    // The demo third quarter: resident-a's household earned 85, 李春生's 25.
    let a = api.session("resident-a", addr);
    let r = api.as_user(
        "GET",
        &format!("/api/v1/villages/{V1}/points/ranking?quarter=2026-Q3"),
        &a,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let ranking: wangge_core::points::Ranking = r.json();
    let top = &ranking.lines[0];
    assert_eq!(
        (top.household.as_str(), top.earned, top.stars),
        ("张*明户", 85, 5)
    );
    assert!(ranking
        .lines
        .iter()
        .any(|l| l.household == "李*生户" && l.stars == 3));
    let r = api.as_user(
        "GET",
        &format!("/api/v1/villages/{V1}/points/ranking?quarter=2026-Q9"),
        &a,
    );
    assert_eq!((r.status, code(&r)), (422, ProblemCode::Invalid));
    // 西湾村's book, saved by a county administrator (the village has no leader account).
    let v2 = "990101001004";
    let admin = api.session("admin", addr);
    let book: RuleBook = api
        .as_user("GET", &format!("/api/v1/villages/{v2}/points"), &admin)
        .json();
    let mut rules = book.rules.clone();
    rules.push(wangge_core::points::Rule {
        code: "t-01".into(),
        name: "参加防汛值守".into(),
        category: "平安法治".into(),
        points: 8,
        limit: None,
        period: None,
        evidence: false,
    });
    let save = |rules: &[wangge_core::points::Rule], notice: u32| {
        serde_json::json!({"notice_days": notice, "expire_months": book.expire_months,
            "stars": book.stars, "rules": rules})
        .to_string()
    };
    let path = format!("/api/v1/villages/{v2}/points");
    let r = api.as_user_json("PUT", &path, &api.session("leader", addr), &save(&rules, 7));
    assert_eq!(r.status, 403, "another village's leader");
    let r = api.as_user_json("PUT", &path, &admin, &save(&rules, 31));
    assert_eq!((r.status, code(&r)), (422, ProblemCode::Invalid));
    let r = api.as_user_json("PUT", &path, &admin, &save(&rules, 7));
    assert_eq!(r.status, 200, "{}", r.body);
    let saved: RuleBook = r.json();
    assert_eq!(saved.rules.len(), book.rules.len() + 1);
    assert!(saved.version > book.version);
    // An editor still showing the book from before that save is refused, whole; one
    // showing the saved book goes through.
    let based_on = |rules: &[wangge_core::points::Rule], version: i64| {
        let mut body: serde_json::Value =
            serde_json::from_str(&save(rules, book.notice_days)).expect("json");
        body["based_on"] = version.into();
        body.to_string()
    };
    let r = api.as_user_json("PUT", &path, &admin, &based_on(&book.rules, book.version));
    assert_eq!((r.status, code(&r)), (409, ProblemCode::StaleVersion));
    // The first save sent again from the same start (its answer lost on the way): the book
    // already reads so, and the answer is that save's.
    let mut again: serde_json::Value = serde_json::from_str(&save(&rules, 7)).expect("json");
    again["based_on"] = book.version.into();
    let r = api.as_user_json("PUT", &path, &admin, &again.to_string());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json::<RuleBook>().version, saved.version);
    let now: RuleBook = api.as_user("GET", &path, &admin).json();
    assert_eq!(
        (now.rules.len(), now.version),
        (saved.rules.len(), saved.version)
    );
    // Withdrawn again: the book is as it was.
    let r = api.as_user_json("PUT", &path, &admin, &based_on(&book.rules, saved.version));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json::<RuleBook>().rules, book.rules);
}
