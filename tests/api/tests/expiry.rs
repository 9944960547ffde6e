//! Time, played forward in D1: an activation past its 72 hours is refused with 410, a
//! staff session in use slides back to 30 days, and short codes are throttled like
//! passwords.

use serde_json::json;
use wangge_api_tests::{d1, fresh_resident, new_id, session_cookie, Api};
use wangge_core::accounts::Activation;
use wangge_core::problem::{Problem, ProblemCode};

const DAY_MS: i64 = 86_400_000;

/// An address of its own per test and run, so throttling never crosses tests.
fn address(n: u32) -> String {
    format!(
        "10.{}.{}.{n}",
        200 + std::process::id() % 50,
        std::process::id() / 50 % 250
    )
}

fn redeem(api: &Api, code: &str, from: &str) -> wangge_api_tests::Reply {
    api.send(
        "POST",
        "/api/v1/activations",
        &[
            ("Origin", api.origin().to_owned()),
            ("CF-Connecting-IP", from.to_owned()),
        ],
        Some(&json!({ "code": code }).to_string()),
    )
}

#[test]
fn an_activation_past_72_hours_is_refused_as_expired() {
    let api = Api::from_env();
    let (id, _) = fresh_resident(&api, &address(1));
    let worker = api.session("worker-a", &address(1));
    let issued: Activation = api
        .as_user(
            "POST",
            &format!("/api/v1/households/{id}/activations"),
            &worker,
        )
        .json();
    // 72 hours and a moment later.
    d1(&format!(
        "UPDATE activations SET created_at = created_at - {ms}, expires_at = expires_at - {ms} \
         WHERE used_at IS NULL AND account_id IN \
         (SELECT id FROM accounts WHERE household_id = '{id}')",
        ms = 72 * 3_600_000 + 1_000
    ));
    let r = redeem(&api, &issued.code, &address(1));
    assert_eq!(r.status, 410, "{}", r.body);
    assert_eq!(r.json::<Problem>().code, ProblemCode::ActivationExpired);
    assert!(session_cookie(&r).is_none());
    // The worker's fresh one works.
    let again: Activation = api
        .as_user(
            "POST",
            &format!("/api/v1/households/{id}/activations"),
            &worker,
        )
        .json();
    assert_eq!(redeem(&api, &again.code, &address(1)).status, 200);
}

#[test]
fn a_staff_session_in_use_slides_back_to_30_days() {
    let api = Api::from_env();
    let admin = api.session("admin", &address(2));
    // An account of its own, so its one session is easy to find in D1.
    let login = format!("slide-{}", new_id()[24..].to_ascii_lowercase());
    let r = api.as_user_json(
        "PUT",
        &format!("/api/v1/admin/accounts/{login}"),
        &admin,
        &json!({
            "name": "滑动会话",
            "roles": [{ "role": "grid_worker", "scope": { "kind": "grid", "id": "990101001003001" } }],
            "active": true,
        })
        .to_string(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let issued: Activation = api
        .as_user(
            "POST",
            &format!("/api/v1/admin/accounts/{login}/activation"),
            &admin,
        )
        .json();
    let cookie = api.redeem(&issued.code, &address(2));
    let account = d1(&format!("SELECT id FROM accounts WHERE login = '{login}'"))[0]["id"]
        .as_str()
        .expect("account id")
        .to_owned();
    let expiry = || -> i64 {
        d1(&format!(
            "SELECT expires_at FROM sessions WHERE account_id = '{account}'"
        ))[0]["expires_at"]
            .as_i64()
            .expect("one session")
    };
    let first = expiry();
    // Used today: no change, no new cookie.
    let r = api.as_user("GET", "/api/v1/me", &cookie);
    assert_eq!(r.status, 200);
    assert!(session_cookie(&r).is_none());
    assert_eq!(expiry(), first);
    // Two days from its end, it is used: 30 days again, and the browser's cookie too.
    d1(&format!(
        "UPDATE sessions SET expires_at = {} WHERE account_id = '{account}'",
        first - 28 * DAY_MS
    ));
    let r = api.as_user("GET", "/api/v1/me", &cookie);
    assert_eq!(r.status, 200, "{}", r.body);
    let set = r
        .set_cookie
        .iter()
        .find(|c| c.starts_with("wangge_session="))
        .expect("the cookie slides too");
    assert!(set.contains("Max-Age=2592000"), "{set}");
    let slid = expiry();
    assert!(slid >= first - 60_000, "slid to {slid}, was {first}");
    // Past its end, it is over.
    d1(&format!(
        "UPDATE sessions SET expires_at = created_at + 1 WHERE account_id = '{account}'"
    ));
    assert_eq!(api.as_user("GET", "/api/v1/me", &cookie).status, 401);
}

#[test]
fn wrong_short_codes_are_throttled_like_passwords() {
    let api = Api::from_env();
    let (id, _) = fresh_resident(&api, &address(3));
    let worker = api.session("worker-a", &address(3));
    let issued: Activation = api
        .as_user(
            "POST",
            &format!("/api/v1/households/{id}/activations"),
            &worker,
        )
        .json();
    let guesser = address(4);
    for i in 0..20 {
        let r = redeem(&api, &format!("{:010}", 1_000_000 + i), &guesser);
        assert_eq!(r.status, 404, "guess {i}: {}", r.body);
    }
    // The 21st try from there is refused unread, even with the right code.
    let r = redeem(&api, &issued.code, &guesser);
    assert_eq!(r.status, 429, "{}", r.body);
    assert_eq!(r.json::<Problem>().code, ProblemCode::TooManyAttempts);
    let wait: u64 = r
        .retry_after
        .as_deref()
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=900).contains(&wait), "Retry-After {wait}");
    // The resident's own phone, elsewhere, still gets in.
    assert_eq!(redeem(&api, &issued.code, &address(5)).status, 200);
}
