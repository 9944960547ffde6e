//! Accounts and sessions against the real Worker: the access matrix (every route ×
//! everyone), signing in and out, throttling, and the Origin check on writes.

use std::sync::Mutex;
use wangge_api_tests::{session_cookie, Api, Reply, DEMO_PASSWORD};
use wangge_core::accounts::{AccountRole, Activation, Me, Scope};
use wangge_core::households::{Household, Relation};
use wangge_core::problem::{Problem, ProblemCode};

/// Signing out everywhere ends every session of a login: these tests take turns.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn code(r: &Reply) -> ProblemCode {
    r.json::<Problem>().code
}

/// A client address of its own for each test and each run, so failures never throttle
/// another test, nor the same test run again within the 15-minute window.
fn address(test: &str) -> String {
    let h = format!("{test}:{}", std::process::id())
        .bytes()
        .fold(0x811c_9dc5u32, |a, b| {
            (a ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
    format!("10.{}.{}.{}", (h >> 16) & 0xff, (h >> 8) & 0xff, h & 0xff)
}

#[test]
fn access_matrix_every_route_and_everyone() {
    let _turn = serial();
    let api = Api::from_env();
    let addr = address("matrix");
    let tsv = include_str!("../access.tsv");
    let mut failures = Vec::new();
    for line in tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (method, path, who, want) = (cols[0], cols[1], cols[2], cols[3]);
        let want: u16 = want.parse().expect("status");
        let mut headers = vec![
            ("Origin", api.origin().to_owned()),
            ("CF-Connecting-IP", addr.clone()),
        ];
        if who != "anon" {
            headers.push(("Cookie", api.session(who, &addr)));
        }
        let body = match (method, path) {
            ("POST", "/session") => Some(
                serde_json::json!({ "login": "worker-a", "password": DEMO_PASSWORD }).to_string(),
            ),
            // No such code: the route is public, the answer is the code's 404.
            ("POST", "/activations") => Some(r#"{"code":"00000000"}"#.to_owned()),
            _ => None,
        };
        let r = api.send(method, &format!("/api/v1{path}"), &headers, body.as_deref());
        if r.status != want {
            failures.push(format!(
                "{method} {path} as {who}: want {want}, got {} {}",
                r.status, r.body
            ));
        } else if want == 401 && code(&r) != ProblemCode::NotSignedIn {
            failures.push(format!("{method} {path} as {who}: 401 but {}", r.body));
        } else if want == 403 && code(&r) != ProblemCode::Forbidden {
            failures.push(format!("{method} {path} as {who}: 403 but {}", r.body));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sign_in_me_and_sign_out_on_this_device() {
    let _turn = serial();
    let api = Api::from_env();
    let r = api.sign_in("worker-a", DEMO_PASSWORD, &address("sign-in"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.cache_control.as_deref(), Some("no-store"));
    let me: Me = r.json();
    assert_eq!(me.login, "worker-a");
    assert_eq!(me.name, "李秀梅");
    assert_eq!(me.roles.len(), 1);
    assert_eq!(me.roles[0].role, AccountRole::GridWorker);
    assert_eq!(me.roles[0].scope, Scope::Grid("990101001003001".into()));
    assert!(me.can_in_grid(AccountRole::GridWorker, "990101001003001"));
    assert!(!me.can_in_grid(AccountRole::GridWorker, "990101001004001"));

    let set = &r.set_cookie[0];
    for attr in [
        "HttpOnly",
        "Secure",
        "SameSite=Lax",
        "Path=/",
        "Max-Age=2592000",
    ] {
        assert!(set.contains(attr), "cookie lacks {attr}: {set}");
    }
    let cookie = session_cookie(&r).expect("cookie");
    // 256 random bits, hex.
    assert_eq!(cookie.len(), "wangge_session=".len() + 64);

    let again = api.as_user("GET", "/api/v1/me", &cookie);
    assert_eq!(again.status, 200);
    assert_eq!(again.json::<Me>(), me);

    let out = api.as_user("DELETE", "/api/v1/session", &cookie);
    assert_eq!(out.status, 204);
    assert_eq!(session_cookie(&out).as_deref(), Some("wangge_session="));
    assert!(out.set_cookie[0].contains("Max-Age=0"));
    let gone = api.as_user("GET", "/api/v1/me", &cookie);
    assert_eq!((gone.status, code(&gone)), (401, ProblemCode::NotSignedIn));
}

#[test]
fn sign_out_everywhere_ends_every_session_of_the_account() {
    let _turn = serial();
    let api = Api::from_env();
    let addr = address("everywhere");
    let (phone, laptop) = (api.session("leader", &addr), api.session("leader", &addr));
    let other = api.session("worker-b", &addr);
    assert_ne!(phone, laptop);
    assert_eq!(
        api.as_user("DELETE", "/api/v1/sessions", &phone).status,
        204
    );
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone).status, 401);
    assert_eq!(api.as_user("GET", "/api/v1/me", &laptop).status, 401);
    // Someone else's session is untouched.
    assert_eq!(api.as_user("GET", "/api/v1/me", &other).status, 200);
}

#[test]
fn a_wrong_password_and_an_unknown_login_get_the_same_answer() {
    let _turn = serial();
    let api = Api::from_env();
    let addr = address("same-answer");
    let wrong = api.sign_in("handler", "not-the-password", &addr);
    let unknown = api.sign_in("nobody-here", "not-the-password", &addr);
    assert_eq!(
        (wrong.status, code(&wrong)),
        (401, ProblemCode::BadCredentials)
    );
    assert_eq!(
        (unknown.status, unknown.body.clone()),
        (401, wrong.body.clone())
    );
    assert!(wrong.set_cookie.is_empty() && unknown.set_cookie.is_empty());
    // A success clears the account's failures.
    assert_eq!(api.sign_in("handler", DEMO_PASSWORD, &addr).status, 200);
}

#[test]
fn five_failures_for_one_login_from_one_address_throttle_it_there_only() {
    let _turn = serial();
    let api = Api::from_env();
    // A login of its own: a throttled demo login would lock other tests out for 15 minutes.
    let login = format!("throttled-{}", std::process::id());
    let here = address("login-throttle");
    for i in 0..5 {
        let r = api.sign_in(&login, "wrong-password", &here);
        assert_eq!(r.status, 401, "attempt {i}");
    }
    let r = api.sign_in(&login, "wrong-password", &here);
    assert_eq!((r.status, code(&r)), (429, ProblemCode::TooManyAttempts));
    let wait: u64 = r
        .retry_after
        .as_deref()
        .unwrap_or("")
        .parse()
        .expect("Retry-After seconds");
    assert!((1..=900).contains(&wait), "Retry-After {wait}");
    assert!(r.json::<Problem>().message_zh.contains("稍后"));
    // Someone hammering a known login from one place does not lock its owner out elsewhere.
    let elsewhere = api.sign_in(&login, "wrong-password", &address("login-owner"));
    assert_eq!(
        (elsewhere.status, code(&elsewhere)),
        (401, ProblemCode::BadCredentials)
    );
}

#[test]
fn twenty_failures_from_one_address_throttle_it() {
    let _turn = serial();
    let api = Api::from_env();
    let addr = format!("198.51.100.{}", std::process::id() % 250);
    for i in 0..20 {
        let r = api.sign_in(&format!("someone-{i}"), "wrong-password", &addr);
        assert_eq!(r.status, 401, "attempt {i}");
    }
    // Even the right password for a real account waits now, from that address only.
    let r = api.sign_in("clerk", DEMO_PASSWORD, &addr);
    assert_eq!((r.status, code(&r)), (429, ProblemCode::TooManyAttempts));
    assert!(r.retry_after.is_some());
    assert_eq!(
        api.sign_in("clerk", DEMO_PASSWORD, &address("elsewhere"))
            .status,
        200
    );
}

#[test]
fn writes_from_a_foreign_origin_are_refused() {
    let _turn = serial();
    let api = Api::from_env();
    let addr = address("origin");
    let body = serde_json::json!({ "login": "admin", "password": DEMO_PASSWORD }).to_string();
    for origin in [Some("https://evil.example"), Some("null"), None] {
        let mut headers = vec![("CF-Connecting-IP", addr.clone())];
        if let Some(o) = origin {
            headers.push(("Origin", o.to_owned()));
        }
        let r = api.send("POST", "/api/v1/session", &headers, Some(&body));
        assert_eq!(
            (r.status, code(&r)),
            (403, ProblemCode::ForeignOrigin),
            "{origin:?}"
        );
        assert!(r.set_cookie.is_empty());
    }
    // A signed-in user's session survives a forged sign-out.
    let cookie = api.session("admin", &addr);
    let forged = api.send(
        "DELETE",
        "/api/v1/session",
        &[
            ("Cookie", cookie.clone()),
            ("Origin", "https://evil.example".into()),
        ],
        None,
    );
    assert_eq!(forged.status, 403);
    assert_eq!(api.as_user("GET", "/api/v1/me", &cookie).status, 200);
}

#[test]
fn a_malformed_sign_in_is_a_400() {
    let api = Api::from_env();
    let r = api.send(
        "POST",
        "/api/v1/session",
        &[("Origin", api.origin().to_owned())],
        Some("{\"login\": 5}"),
    );
    assert_eq!((r.status, code(&r)), (400, ProblemCode::BadRequest));
    assert!(r.json::<Problem>().message_zh.contains("格式"));
}

const HOUSEHOLD_A: &str = "hh-990101001003001-012"; // resident-a's, in worker-a's grid

#[test]
fn a_household_shows_in_full_to_its_members_and_its_staff_only() {
    let _turn = serial();
    let api = Api::from_env();
    let addr = address("household");
    let path = format!("/api/v1/households/{HOUSEHOLD_A}");
    let own = api.as_user("GET", &path, &api.session("resident-a", &addr));
    assert_eq!(own.status, 200, "{}", own.body);
    assert_eq!(own.cache_control.as_deref(), Some("no-store"));
    let h: Household = own.json();
    assert_eq!(h.address, "东岗村一组12号");
    assert_eq!(h.members[0].name, "张德明");
    assert_eq!(h.members[0].relation, Relation::Head);
    assert_eq!(
        h.members[0].phone.as_deref(),
        Some("13907310012"),
        "full phone for its own member"
    );
    let staff: Household = api
        .as_user("GET", &path, &api.session("worker-a", &addr))
        .json();
    assert_eq!(staff, h);
    // Another household's resident, and a worker of another village: 403 problems.
    for who in ["resident-b", "worker-b"] {
        let r = api.as_user("GET", &path, &api.session(who, &addr));
        assert_eq!((r.status, code(&r)), (403, ProblemCode::Forbidden), "{who}");
        assert!(!r.body.contains("13907310012"));
    }
    let missing = api.as_user(
        "GET",
        "/api/v1/households/hh-nope",
        &api.session("admin", &addr),
    );
    assert_eq!(
        (missing.status, code(&missing)),
        (404, ProblemCode::HouseholdNotFound)
    );
}

#[test]
fn an_activation_signs_one_phone_in_once_and_a_new_one_ends_the_old_phone() {
    let _turn = serial();
    let api = Api::from_env();
    let addr = address("activation");
    let worker = api.session("worker-a", &addr);
    let issue = |cookie: &str| {
        api.as_user(
            "POST",
            &format!("/api/v1/households/{HOUSEHOLD_A}/activations"),
            cookie,
        )
    };
    let r = issue(&worker);
    assert_eq!(r.status, 201, "{}", r.body);
    let first: Activation = r.json();
    assert_eq!(first.code.len(), 10);
    assert!(first.code.bytes().all(|b| b.is_ascii_digit()));
    assert!(
        first.url.starts_with(api.origin()) && first.url.contains("/activate/"),
        "{}",
        first.url
    );
    let hours = (first.expires_at - now_ms()) as f64 / 3_600_000.0;
    assert!((71.9..=72.1).contains(&hours), "expires in {hours} h");

    // The short code, read aloud and typed with a space, signs this phone in for a year.
    let redeem = |code: &str| {
        let body = serde_json::json!({ "code": code }).to_string();
        api.send(
            "POST",
            "/api/v1/activations",
            &[
                ("Origin", api.origin().to_owned()),
                ("CF-Connecting-IP", addr.clone()),
            ],
            Some(&body),
        )
    };
    let spaced = format!(
        "{} {} {}",
        &first.code[..4],
        &first.code[4..8],
        &first.code[8..]
    );
    let phone = redeem(&spaced);
    assert_eq!(phone.status, 200, "{}", phone.body);
    let me: Me = phone.json();
    assert_eq!(me.household.map(|h| h.id).as_deref(), Some(HOUSEHOLD_A));
    assert!(me.roles.iter().any(|g| g.role == AccountRole::Resident));
    assert!(
        phone.set_cookie[0].contains("Max-Age=31536000"),
        "{}",
        phone.set_cookie[0]
    );
    let phone_cookie = session_cookie(&phone).expect("cookie");
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone_cookie).status, 200);

    // Once only.
    let again = redeem(&first.code);
    assert_eq!(
        (again.status, code(&again)),
        (410, ProblemCode::ActivationUsed)
    );

    // The phone is lost: a new activation ends its session; the link form works too.
    let second: Activation = issue(&worker).json();
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone_cookie).status, 401);
    let token = second.url.rsplit('/').next().unwrap_or_default().to_owned();
    let new_phone = redeem(&token);
    assert_eq!(new_phone.status, 200, "{}", new_phone.body);
    // The replaced code no longer exists at all.
    let stale = redeem(&first.code);
    assert_eq!(
        (stale.status, code(&stale)),
        (404, ProblemCode::ActivationNotFound)
    );

    // A worker of another village cannot issue one.
    let other = issue(&api.session("worker-b", &addr));
    assert_eq!((other.status, code(&other)), (403, ProblemCode::Forbidden));
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
