//! The service guide against the real Worker: delta sync carries exactly what changed,
//! edits keep every version and refuse a stale one, the Worker computes the pinyin keys,
//! and only a county's administrators edit.

use serde_json::json;
use std::sync::Mutex;
use wangge_api_tests::Api;
use wangge_core::guide::{GuideDelta, GuideEntry, GuideEntryPage, GuideItem, GuideVersion};
use wangge_core::problem::{Problem, ProblemCode};

const ADDR: &str = "192.0.2.97";
/// A seeded item (出生医学证明首次签发).
const SEEDED: &str = "cs-yxzm-qf";

/// Deltas must see only this file's edits: its tests take turns.
static TURN: Mutex<()> = Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(|e| e.into_inner())
}

/// Every change since `since`, following `more`.
fn delta(api: &Api, since: &str) -> GuideDelta {
    let mut all = GuideDelta {
        items: Vec::new(),
        withdrawn: Vec::new(),
        cursor: since.to_owned(),
        more: true,
    };
    while all.more {
        let r = api.get(&format!("/api/v1/guide?since={}", all.cursor));
        assert_eq!(r.status, 200, "{}", r.body);
        let page: GuideDelta = r.json();
        all.items.extend(page.items);
        all.withdrawn.extend(page.withdrawn);
        all.cursor = page.cursor;
        all.more = page.more;
    }
    all
}

fn save(api: &Api, cookie: &str, item: &GuideItem, withdrawn: bool) -> wangge_api_tests::Reply {
    api.as_user_json(
        "PUT",
        &format!("/api/v1/guide/{}", item.code),
        cookie,
        &json!({ "item": item, "withdrawn": withdrawn }).to_string(),
    )
}

/// A new item of this run, made from the seeded one.
fn fresh(api: &Api, admin: &str, name: &str) -> GuideItem {
    let mut item: GuideItem = api.get(&format!("/api/v1/guide/{SEEDED}")).json();
    item.code = format!("t-{}-{}", std::process::id(), name.chars().count());
    item.name = name.to_owned();
    item.aliases = vec!["测试别名".into()];
    item.version = 0;
    let r = save(api, admin, &item, false);
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[test]
fn the_whole_catalogue_comes_without_a_cursor_and_an_empty_delta_is_small() {
    let _turn = turn();
    let api = Api::from_env();
    let all = delta(&api, "");
    assert!(all.items.len() >= 80, "{} items", all.items.len());
    let seeded = all
        .items
        .iter()
        .find(|i| i.code == SEEDED)
        .expect("seeded item");
    assert_eq!(seeded.keys.name.len(), seeded.name.chars().count());
    // Nothing changed since: a small answer with the same cursor.
    let r = api.get(&format!("/api/v1/guide?since={}", all.cursor));
    assert_eq!(r.status, 200);
    assert!(
        r.body.len() <= 1024,
        "empty delta is {} bytes",
        r.body.len()
    );
    let empty: GuideDelta = r.json();
    assert!(empty.items.is_empty() && empty.withdrawn.is_empty() && !empty.more);
    assert_eq!(empty.cursor, all.cursor);
    assert_eq!(api.get("/api/v1/guide?since=-1").status, 400);
    assert_eq!(api.get("/api/v1/guide?since=abc").status, 400);
}

#[test]
fn a_delta_carries_exactly_the_edited_item_then_exactly_the_withdrawn_code() {
    let _turn = turn();
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let item = fresh(&api, &admin, "测试事项甲");
    let start = delta(&api, "").cursor;

    let mut edited = item.clone();
    edited.hours = "工作日 8:30-17:00".into();
    let r = save(&api, &admin, &edited, false);
    assert_eq!(r.status, 200, "{}", r.body);
    let after_edit = delta(&api, &start);
    assert_eq!(
        after_edit
            .items
            .iter()
            .map(|i| i.code.as_str())
            .collect::<Vec<_>>(),
        [item.code.as_str()]
    );
    assert!(after_edit.withdrawn.is_empty());
    assert_eq!(after_edit.items[0].hours, "工作日 8:30-17:00");
    assert_eq!(after_edit.items[0].version, item.version + 1);

    let r = save(&api, &admin, &after_edit.items[0], true);
    assert_eq!(r.status, 200, "{}", r.body);
    let after_withdrawal = delta(&api, &after_edit.cursor);
    assert!(after_withdrawal.items.is_empty());
    assert_eq!(after_withdrawal.withdrawn, std::slice::from_ref(&item.code));
    // Residents no longer see it; its history does.
    assert_eq!(api.get(&format!("/api/v1/guide/{}", item.code)).status, 404);
}

/// Every line of the administrators' list, following `next`.
fn entries(api: &Api, cookie: &str) -> Vec<GuideEntry> {
    let mut out = Vec::new();
    let mut after = String::new();
    loop {
        let r = api.as_user("GET", &format!("/api/v1/admin/guide?after={after}"), cookie);
        assert_eq!(r.status, 200, "{}", r.body);
        let page: GuideEntryPage = r.json();
        out.extend(page.items);
        match page.next {
            Some(n) => after = n,
            None => return out,
        }
    }
}

#[test]
fn the_administrators_list_keeps_withdrawn_items_so_they_can_be_brought_back() {
    let _turn = turn();
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let item = fresh(&api, &admin, "测试撤回事项丙丁");
    let r = save(&api, &admin, &item, true);
    assert_eq!(r.status, 200, "{}", r.body);

    let list = entries(&api, &admin);
    let codes: Vec<&str> = list.iter().map(|e| e.code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "code order, each once");
    let mine = list.iter().find(|e| e.code == item.code).expect("listed");
    assert!(mine.withdrawn);
    assert_eq!(mine.name, "测试撤回事项丙丁");
    assert_eq!(mine.version, item.version + 1);
    let seeded = list.iter().find(|e| e.code == SEEDED).expect("seeded");
    assert!(!seeded.withdrawn);
    assert!(!seeded.department.is_empty());

    // A township's administrator does not administer the county's catalogue.
    let other = api.session("admin-b", ADDR);
    let r = api.as_user("GET", "/api/v1/admin/guide", &other);
    assert_eq!(r.status, 403, "{}", r.body);

    // An old file that still holds the item does not bring it back to residents.
    let before = delta(&api, "").cursor;
    let mut old = item.clone();
    old.hours = format!("导入的新时间 {}", std::process::id());
    let r = import(&api, &admin, &json!([old]));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(api.get(&format!("/api/v1/guide/{}", item.code)).status, 404);
    let after = delta(&api, &before);
    assert!(after.items.is_empty(), "{:?}", after.items);
    assert_eq!(after.withdrawn, std::slice::from_ref(&item.code));
    let versions: Vec<GuideVersion> = api
        .as_user(
            "GET",
            &format!("/api/v1/guide/{}/versions", item.code),
            &admin,
        )
        .json();
    assert!(versions[0].withdrawn);
    assert_eq!(versions[0].item.hours, old.hours);
}

#[test]
fn a_cursor_from_another_database_is_refused_so_the_phone_starts_afresh() {
    let _turn = turn();
    let api = Api::from_env();
    let last: i64 = delta(&api, "").cursor.parse().expect("a number");
    let r = api.get(&format!("/api/v1/guide?since={last}"));
    assert_eq!(r.status, 200, "{}", r.body);
    let r = api.get(&format!("/api/v1/guide?since={}", last + 1_000_000));
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(r.json::<Problem>().code, ProblemCode::BadRequest);
}

#[test]
fn every_version_is_kept_a_stale_one_is_refused_and_an_old_one_restored() {
    let _turn = turn();
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let v1 = fresh(&api, &admin, "测试事项乙丙");
    let mut v2 = v1.clone();
    v2.fees = "工本费 10 元".into();
    let r = save(&api, &admin, &v2, false);
    assert_eq!(r.status, 200, "{}", r.body);
    let v2: GuideItem = r.json();

    // Someone still editing from version 1: refused, nothing changed.
    let mut late = v1.clone();
    late.fees = "不收费（迟到的修改）".into();
    let r = save(&api, &admin, &late, false);
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(r.json::<Problem>().code, ProblemCode::StaleVersion);
    let now: GuideItem = api.get(&format!("/api/v1/guide/{}", v1.code)).json();
    assert_eq!(now.fees, "工本费 10 元");

    let r = api.as_user(
        "GET",
        &format!("/api/v1/guide/{}/versions", v1.code),
        &admin,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let versions: Vec<GuideVersion> = r.json();
    assert_eq!(
        versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [v2.version, v1.version]
    );
    assert_eq!(versions[0].saved_by.as_deref(), Some("陈立新"));
    // Restoring version 1 is saving it over version 2: version 3, as version 1 was.
    let mut restore = versions[1].item.clone();
    restore.version = v2.version;
    let r = save(&api, &admin, &restore, false);
    assert_eq!(r.status, 200, "{}", r.body);
    let v3: GuideItem = r.json();
    assert_eq!(v3.version, v2.version + 1);
    assert_eq!(v3.fees, v1.fees);
}

#[test]
fn the_worker_computes_pinyin_keys_with_heteronyms_settled_by_phrase() {
    let _turn = turn();
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let mut item = fresh(&api, &admin, "重新申领测试证");
    item.aliases = vec!["补B证".into()];
    // Keys sent by a client are ignored: the Worker's are stored.
    item.keys.name = vec!["x".into(); 3];
    let r = save(&api, &admin, &item, false);
    assert_eq!(r.status, 200, "{}", r.body);
    let saved: GuideItem = api.get(&format!("/api/v1/guide/{}", item.code)).json();
    assert_eq!(
        saved.keys.name,
        ["chong", "xin", "shen", "ling", "ce", "shi", "zheng"]
    );
    assert_eq!(
        saved.keys.aliases,
        [vec!["bu".to_owned(), String::new(), "zheng".into()]]
    );
}

#[test]
fn bad_items_are_refused_with_every_field_and_only_county_administrators_edit() {
    let _turn = turn();
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let mut item: GuideItem = api.get(&format!("/api/v1/guide/{SEEDED}")).json();
    let original = item.clone();
    item.name = String::new();
    item.events.clear();
    item.promised_days = Some(30);
    item.legal_days = Some(10);
    let r = save(&api, &admin, &item, false);
    assert_eq!(r.status, 422, "{}", r.body);
    let fields: Vec<String> = r
        .json::<Problem>()
        .errors
        .into_iter()
        .filter_map(|d| d.field)
        .collect();
    assert_eq!(fields, ["name", "events", "promised_days"]);
    // A township's administrator, a worker: not theirs.
    for who in ["admin-b", "worker-a"] {
        let cookie = api.session(who, ADDR);
        assert_eq!(save(&api, &cookie, &original, false).status, 403, "{who}");
    }
    let unchanged: GuideItem = api.get(&format!("/api/v1/guide/{SEEDED}")).json();
    assert_eq!(unchanged, original);
}

fn import(api: &Api, cookie: &str, items: &serde_json::Value) -> wangge_api_tests::Reply {
    api.as_user_json(
        "POST",
        "/api/v1/admin/guide.json",
        cookie,
        &items.to_string(),
    )
}

#[test]
fn the_catalogue_exports_as_json_and_an_import_is_all_or_nothing() {
    let _turn = turn();
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let r = api.as_user("GET", "/api/v1/admin/guide.json", &admin);
    assert_eq!(r.status, 200, "{}", r.body);
    let exported: Vec<GuideItem> = r.json();
    assert!(exported.len() >= 80);
    // The export goes back in unchanged: nothing saved, no change for phones to fetch.
    let before = delta(&api, "").cursor;
    let r = import(&api, &admin, &json!(exported));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json::<wangge_core::admin::ImportDone>().rows, 0);
    assert!(delta(&api, &before).items.is_empty());

    // One new item, one changed, one bad (and a repeated code): nothing goes in.
    let mut new = exported[0].clone();
    new.code = format!("imp-{}", std::process::id());
    new.name = "导入测试事项".into();
    let mut changed = exported[1].clone();
    // Unique per run: a database reused from an earlier run has the last one already.
    changed.fees = format!("导入后的收费说明 {}", std::process::id());
    let mut bad = exported[2].clone();
    bad.steps.clear();
    let r = import(&api, &admin, &json!([new, changed, bad, exported[1]]));
    assert_eq!(r.status, 422, "{}", r.body);
    let lines: Vec<(Option<usize>, Option<String>)> = r
        .json::<Problem>()
        .errors
        .into_iter()
        .map(|d| (d.line, d.field))
        .collect();
    assert_eq!(
        lines,
        [
            (Some(3), Some("steps".into())),
            (Some(4), Some("code".into()))
        ]
    );
    assert_eq!(api.get(&format!("/api/v1/guide/{}", new.code)).status, 404);
    assert!(delta(&api, &before).items.is_empty());

    // Fixed: the two go in, each as a new version with keys computed.
    let r = import(&api, &admin, &json!([new, changed]));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json::<wangge_core::admin::ImportDone>().rows, 2);
    let after = delta(&api, &before);
    let mut codes: Vec<&str> = after.items.iter().map(|i| i.code.as_str()).collect();
    codes.sort_unstable();
    let mut want = vec![new.code.as_str(), changed.code.as_str()];
    want.sort_unstable();
    assert_eq!(codes, want);
    let saved: GuideItem = api.get(&format!("/api/v1/guide/{}", changed.code)).json();
    assert_eq!(saved.version, exported[1].version + 1);
    assert_eq!(saved.fees, changed.fees);
    let fresh: GuideItem = api.get(&format!("/api/v1/guide/{}", new.code)).json();
    assert_eq!(fresh.version, 1);
    assert_eq!(fresh.keys.name[0], "dao");
    // Not a township's business.
    let town = api.session("admin-b", ADDR);
    assert_eq!(import(&api, &town, &json!([new])).status, 403);
    assert_eq!(
        api.as_user("GET", "/api/v1/admin/guide.json", &town).status,
        403
    );
}

#[test]
fn the_catalogue_round_trips_as_a_spreadsheet_and_a_bad_row_stops_the_import() {
    let _turn = turn();
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let r = api.as_user("GET", "/api/v1/admin/guide.csv", &admin);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.starts_with('\u{feff}'), "BOM for Excel");
    let send = |text: &str| {
        api.send_bytes(
            "POST",
            "/api/v1/admin/guide.csv",
            &[
                ("Cookie", admin.clone()),
                ("Origin", api.origin().to_owned()),
                ("Content-Type", "text/csv; charset=utf-8".to_owned()),
            ],
            Some(text.as_bytes().to_vec()),
        )
    };
    let before = delta(&api, "").cursor;
    let r = send(&r.body);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json::<wangge_core::admin::ImportDone>().rows, 0);
    assert!(delta(&api, &before).items.is_empty());

    // The header and one row with a material form nobody knows: refused, line 2.
    let header = "编号,名称,别名,部门,人生事件,服务对象,办理条件,所需材料,办理流程,承诺时限,法定时限,收费,办理地点,办公时间,咨询电话,网上办理,到现场次数,法律依据,常见问题,可代办";
    let row = format!(
        "csv-{},表格导入测试,,柳塘镇便民服务中心,养老,个人,,身份证|正本|1||否,申请|带齐材料|,1,5,不收费,柳塘镇便民服务中心,工作日,0731-85550000,,1,,,否",
        std::process::id()
    );
    let r = send(&format!("{header}\n{row}\n"));
    assert_eq!(r.status, 422, "{}", r.body);
    let p: Problem = r.json();
    assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
    assert_eq!(p.errors[0].line, Some(2));
    assert_eq!(p.errors[0].field.as_deref(), Some("所需材料"));
    // Fixed, it goes in with its keys.
    let r = send(&format!("{header}\n{}\n", row.replace("正本", "原件")));
    assert_eq!(r.status, 200, "{}", r.body);
    let code = format!("csv-{}", std::process::id());
    let saved: GuideItem = api.get(&format!("/api/v1/guide/{code}")).json();
    assert_eq!(saved.materials[0].name, "身份证");
    assert_eq!(saved.keys.name[0], "biao");
}
