//! Spreadsheet import and export against the real Worker: a good file goes in whole (with a
//! BOM or without, CRLF or LF, Chinese headers); a file with bad rows changes nothing and
//! lists every bad row; exports open in Excel (BOM) and import again unchanged.

use wangge_api_tests::{Api, Reply};
use wangge_core::admin::ImportDone;
use wangge_core::grids::GridCard;
use wangge_core::households::Household;
use wangge_core::problem::{Problem, ProblemCode};

const ADDR: &str = "192.0.2.90";
const BOM: &str = "\u{feff}";

fn import(api: &Api, cookie: &str, list: &str, body: &[u8]) -> Reply {
    api.send_bytes(
        "POST",
        &format!("/api/v1/admin/{list}.csv"),
        &[
            ("Cookie", cookie.to_owned()),
            ("Origin", api.origin().to_owned()),
            ("Content-Type", "text/csv; charset=utf-8".to_owned()),
        ],
        Some(body.to_vec()),
    )
}

/// A per-run village number in the import tests' own township (990101002, not the demo's
/// 990101001), so runs never collide with the demo or each other.
fn run_tag() -> String {
    format!("{:03}", 100 + std::process::id() % 900)
}

#[test]
fn a_good_grid_file_goes_in_whole_and_again_updates() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let n = run_tag();
    // Without a BOM, LF line ends; the township, a village and its grid, children first.
    let code_v = format!("990101002{n}");
    let code_g = format!("990101002{n}001");
    let file = format!(
        "编码,名称,类型,范围,户数\n{code_g},试点村第一网格,基础网格,\"一组,二组\",120\n{code_v},试点村{n},,,\n990101002,试点镇,,,\n"
    );
    let r = import(&api, &admin, "grids", file.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json::<ImportDone>().rows, 3);
    let card: GridCard = api.get(&format!("/api/v1/grids/{code_g}")).json();
    assert_eq!(card.grid.name, "试点村第一网格");
    assert_eq!(card.grid.scope, "一组,二组");
    assert_eq!(card.households, Some(120));
    assert_eq!(
        card.chain.last().map(|g| g.code.as_str()),
        Some(code_v.as_str())
    );

    // The same file with a BOM and CRLF, one name changed: an update, not a duplicate.
    let again = format!(
        "{BOM}{}",
        file.replace("试点村第一网格", "试点村一网格")
            .replace('\n', "\r\n")
    );
    let r = import(&api, &admin, "grids", again.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    let card: GridCard = api.get(&format!("/api/v1/grids/{code_g}")).json();
    assert_eq!(card.grid.name, "试点村一网格");
}

#[test]
fn a_file_with_bad_rows_changes_nothing_and_lists_every_one() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let n = run_tag();
    let good = format!("990101002{n}002");
    let file = format!(
        "编码,名称,类型,范围,户数\r\n\
         {good},好的一行,基础网格,,10\r\n\
         99010100100,位数不对,基础网格,,\r\n\
         990101009009009,上级不存在,基础网格,,\r\n\
         990101001003008,,基础网格,,-3\r\n"
    );
    // Make sure the good row's parent exists, so only the bad rows are wrong.
    let parent =
        format!("编码,名称,类型,范围,户数\n990101002,试点镇,,,\n990101002{n},试点村{n},,,\n");
    assert_eq!(import(&api, &admin, "grids", parent.as_bytes()).status, 200);

    let r = import(&api, &admin, "grids", file.as_bytes());
    assert_eq!(r.status, 422, "{}", r.body);
    let p: Problem = r.json();
    assert_eq!(p.code, ProblemCode::Invalid);
    let lines: Vec<usize> = p.errors.iter().filter_map(|e| e.line).collect();
    assert!(
        lines.contains(&3) && lines.contains(&4) && lines.contains(&5),
        "{lines:?}"
    );
    assert!(
        !lines.contains(&2),
        "the good row is not an error: {lines:?}"
    );
    assert!(p
        .errors
        .iter()
        .all(|e| !e.message_zh.is_empty() && !e.message_en.is_empty()));
    let line5: Vec<_> = p.errors.iter().filter(|e| e.line == Some(5)).collect();
    assert!(line5.len() >= 2, "both bad cells of line 5: {line5:?}");
    // Nothing applied: the good row is not there either.
    assert_eq!(api.get(&format!("/api/v1/grids/{good}")).status, 404);

    // A file in GBK (Excel's "CSV" on Chinese Windows) is refused with how to fix it.
    let gbk: Vec<u8> = vec![0xb1, 0xe0, 0xc2, 0xeb, b',', b'\n'];
    let r = import(&api, &admin, "grids", &gbk);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.json::<Problem>().errors[0].message_zh.contains("UTF-8"));
}

#[test]
fn households_and_people_import_and_export_round_trip() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let n = run_tag();
    let hh = format!("hh-csv-{n}");
    let file = format!(
        "{BOM}户编号,网格编码,地址,姓名,与户主关系,电话\r\n\
         {hh},990101001003001,东岗村三组{n}号,周海燕,户主,13907318801\r\n\
         {hh},990101001003001,东岗村三组{n}号,陈小宝,子女,\r\n"
    );
    let r = import(&api, &admin, "households", file.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    let read: Household = api
        .as_user("GET", &format!("/api/v1/households/{hh}"), &admin)
        .json();
    assert_eq!(read.members.len(), 2);
    assert_eq!(read.members[0].phone.as_deref(), Some("13907318801"));
    // Importing it again keeps the same members (stable ids), not four.
    assert_eq!(
        import(&api, &admin, "households", file.as_bytes()).status,
        200
    );
    let again: Household = api
        .as_user("GET", &format!("/api/v1/households/{hh}"), &admin)
        .json();
    assert_eq!(again, read);

    // People: a worker for a base grid shows on its card, phone masked.
    let login = format!("csv-worker-{n}");
    let people = format!(
        "登录名,姓名,电话,角色,范围,服务承诺\n{login},郑晓燕,13907318802,网格员,990101001003002,有事找我\n"
    );
    let r = import(&api, &admin, "people", people.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    let card: GridCard = api.get("/api/v1/grids/990101001003002").json();
    let p = card
        .people
        .iter()
        .find(|p| p.name == "郑晓燕")
        .expect("on the card");
    assert_eq!(p.phone, "139****8802");
    assert_eq!(p.commitment, "有事找我");

    let seeded = "/api/v1/households/hh-990101001003001-012";
    let before: Household = api.as_user("GET", seeded, &admin).json();

    // Exports: CSV with a BOM, the import's headers, and what was imported.
    for (list, header, needle) in [
        (
            "households",
            "户编号,网格编码,地址,姓名,与户主关系,电话",
            hh.as_str(),
        ),
        (
            "people",
            "登录名,姓名,电话,角色,范围,服务承诺",
            login.as_str(),
        ),
        ("grids", "编码,名称,类型,范围,户数", "东岗村第一网格"),
    ] {
        let r = api.as_user("GET", &format!("/api/v1/admin/{list}.csv"), &admin);
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r
            .content_type
            .as_deref()
            .unwrap_or("")
            .starts_with("text/csv"));
        assert!(
            r.body.starts_with(&format!("{BOM}{header}\r\n")),
            "{list}: {}",
            &r.body[..80.min(r.body.len())]
        );
        assert!(r.body.contains(needle), "{list} export lacks {needle}");
        // What goes out comes back in unchanged.
        let back = import(&api, &admin, list, r.body.as_bytes());
        assert_eq!(back.status, 200, "{list} re-import: {}", back.body);
    }
    // Members keep their ids through an export and re-import (history refers to them).
    let after: Household = api.as_user("GET", seeded, &admin).json();
    assert_eq!(after, before);
}

#[test]
fn a_work_phone_shows_in_full_only_with_recorded_consent() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let n = run_tag();
    let login = format!("csv-phone-{n}");
    let phone = format!("1390731{:04}", 7000 + std::process::id() % 1000);
    let people = format!(
        "登录名,姓名,电话,角色,范围,服务承诺\n{login},冯丽娟,{phone},网格员,990101001003002,\n"
    );
    assert_eq!(
        import(&api, &admin, "people", people.as_bytes()).status,
        200
    );
    let person = api
        .as_user("GET", &format!("/api/v1/admin/accounts/{login}"), &admin)
        .json::<wangge_core::admin::StaffAccount>()
        .person_id
        .expect("a person with a phone");
    let card = || -> wangge_core::grids::GridPerson {
        let card: GridCard = api.get("/api/v1/grids/990101001003002").json();
        card.people
            .into_iter()
            // This run's: earlier runs against the same database left namesakes.
            .find(|p| p.name == "冯丽娟" && p.id == person)
            .expect("on the card")
    };
    let before = card();
    assert!(!before.phone_public);
    assert_ne!(before.phone, phone, "masked until consent");

    let path = format!("/api/v1/admin/people/{}/work-phone", before.id);
    let r = api.as_user_json("PUT", &path, &admin, r#"{"public":true}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    let recorded: wangge_core::accounts::WorkPhone = r.json();
    assert!(recorded.public);
    assert_eq!(recorded.recorded_by, "acc-admin");
    assert!(recorded.recorded_at > 0);
    let after = card();
    assert!(after.phone_public);
    assert_eq!(after.phone, phone);
    // Everyone else on the card stays masked.
    let card_all: GridCard = api.get("/api/v1/grids/990101001003002").json();
    assert!(card_all
        .people
        .iter()
        .filter(|p| !p.phone_public)
        .all(|p| p.phone.contains('*')));

    // Masked again on request; an unknown person is a 404.
    let r = api.as_user_json("PUT", &path, &admin, r#"{"public":false}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(card().phone.contains('*'));
    let r = api.as_user_json(
        "PUT",
        "/api/v1/admin/people/p-nobody/work-phone",
        &admin,
        r#"{"public":true}"#,
    );
    assert_eq!(r.status, 404, "{}", r.body);
    assert_eq!(r.json::<Problem>().code, ProblemCode::PersonNotFound);
}

/// Redeems an activation's code from a fresh address: the new session's cookie.
#[test]
fn imported_staff_get_in_by_activation_and_a_township_admin_stays_in_their_township() {
    let api = Api::from_env();
    let admin = api.session("admin", ADDR);
    let n = run_tag();
    // A township administrator for the import tests' township, loaded from a spreadsheet.
    let grids = "编码,名称,类型,范围,户数\n990101002,试点镇,,,\n";
    assert_eq!(import(&api, &admin, "grids", grids.as_bytes()).status, 200);
    let login = format!("town-admin-{n}");
    let people = format!("登录名,姓名,电话,角色,范围\n{login},魏国平,,管理员,990101002\n");
    let r = import(&api, &admin, "people", people.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    // No password yet: the county administrator issues a one-time sign-in.
    let r = api.as_user(
        "POST",
        &format!("/api/v1/admin/accounts/{login}/activation"),
        &admin,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let issued: wangge_core::accounts::Activation = r.json();
    let town = api.redeem(&issued.code, ADDR);
    let me: wangge_core::accounts::Me = api.as_user("GET", "/api/v1/me", &town).json();
    assert_eq!(me.login, login);
    assert!(!me.has_password);
    // They set a password (none needed before) and can sign in with it.
    let r = api.as_user_json(
        "PUT",
        "/api/v1/me/password",
        &town,
        r#"{"password":"试点镇管理员2026"}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(api.sign_in(&login, "试点镇管理员2026", ADDR).status, 200);

    // Their imports stop at their township: a household of 柳塘镇, a worker of 柳塘镇.
    let hh = "户编号,网格编码,地址,姓名,与户主关系,电话\n\
              hh-990101001003001-012,990101001003001,东岗村一组12号,张德明,户主,\n";
    let r = import(&api, &town, "households", hh.as_bytes());
    assert_eq!(r.status, 422, "{}", r.body);
    let p: Problem = r.json();
    assert!(p.errors.iter().all(|e| e.line == Some(2)), "{:?}", p.errors);
    assert!(
        p.errors.iter().any(|e| e.message_zh.contains("范围")),
        "{:?}",
        p.errors
    );
    let steal = "登录名,姓名,电话,角色,范围\nworker-a,李秀梅,,网格员,990101002\n";
    let r = import(&api, &town, "people", steal.as_bytes());
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r
        .json::<Problem>()
        .errors
        .iter()
        .any(|e| e.message_zh.contains("worker-a")));
    // …and they cannot issue a sign-in for someone outside it.
    let r = api.as_user("POST", "/api/v1/admin/accounts/worker-a/activation", &town);
    assert_eq!(r.status, 403, "{}", r.body);
    // worker-a still signs in as before.
    assert_eq!(
        api.sign_in("worker-a", wangge_api_tests::DEMO_PASSWORD, ADDR)
            .status,
        200
    );
}
