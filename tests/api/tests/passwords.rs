//! A resident who got in by activation sets a login and password to sign in on another
//! phone; changing a password needs the current one and signs other devices out.

use serde_json::json;
use wangge_api_tests::{fresh_resident, session_cookie, Api};
use wangge_core::accounts::Me;
use wangge_core::problem::{Problem, ProblemCode};

const ADDR: &str = "192.0.2.95";

fn put_password(api: &Api, cookie: &str, body: serde_json::Value) -> wangge_api_tests::Reply {
    api.as_user_json("PUT", "/api/v1/me/password", cookie, &body.to_string())
}

fn field(r: &wangge_api_tests::Reply) -> String {
    let p: Problem = r.json();
    assert_eq!(p.code, ProblemCode::Invalid, "{}", r.body);
    p.errors[0].field.clone().unwrap_or_default()
}

#[test]
fn a_resident_sets_a_login_and_password_and_signs_in_on_another_phone() {
    let api = Api::from_env();
    let phone = fresh_resident(&api, ADDR).1;
    let login = format!("zhou-{}", std::process::id());
    let password = "东岗村四组2026年";

    // Weak passwords and bad logins are refused with the field that is wrong.
    let r = put_password(
        &api,
        &phone,
        json!({ "login": login, "password": "5201314520" }),
    );
    assert_eq!((r.status, field(&r).as_str()), (422, "password"));
    let r = put_password(
        &api,
        &phone,
        json!({ "login": "周桂香", "password": password }),
    );
    assert_eq!((r.status, field(&r).as_str()), (422, "login"));
    let r = put_password(
        &api,
        &phone,
        json!({ "login": "worker-a", "password": password }),
    );
    assert_eq!((r.status, field(&r).as_str()), (422, "login"));

    // No password yet: none is asked for.
    let r = put_password(
        &api,
        &phone,
        json!({ "login": login, "password": password }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json::<Me>().login, login);
    assert!(r.json::<Me>().household.is_some());

    // Another phone signs in with them.
    let other = api.sign_in(&login, password, ADDR);
    assert_eq!(other.status, 200, "{}", other.body);
    let other = session_cookie(&other).expect("cookie");

    // Changing it needs the current one…
    let r = put_password(&api, &phone, json!({ "password": "换一个新密码2026" }));
    assert_eq!((r.status, field(&r).as_str()), (422, "current"));
    let r = put_password(
        &api,
        &phone,
        json!({ "current": password, "password": "换一个新密码2026" }),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    // …and signs the other phone out, not this one.
    assert_eq!(api.as_user("GET", "/api/v1/me", &other).status, 401);
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone).status, 200);
    assert_eq!(api.sign_in(&login, password, ADDR).status, 401);
    assert_eq!(api.sign_in(&login, "换一个新密码2026", ADDR).status, 200);
}

#[test]
fn signing_out_with_a_dead_session_still_clears_the_cookie() {
    let api = Api::from_env();
    let r = api.send(
        "DELETE",
        "/api/v1/session",
        &[
            ("Cookie", format!("wangge_session={}", "0".repeat(64))),
            ("Origin", api.origin().to_owned()),
        ],
        None,
    );
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(session_cookie(&r).as_deref(), Some("wangge_session="));
}
