//! Helpers for the API tests: they run against a real Worker on wrangler's local
//! workerd + D1, started by `cargo xtask test`, which passes its URL in WANGGE_BASE_URL.

use serde::de::DeserializeOwned;
use std::sync::RwLock;
use ureq::Agent;

/// `d1()` runs a second process on the Worker's SQLite file: while it writes, the Worker's
/// own writes fail with SQLITE_BUSY (locally only; D1 itself serialises). The tests of one
/// binary run in parallel, so requests share this lock and `d1()` takes it alone.
static DB_LOCK: RwLock<()> = RwLock::new(());

pub struct Api {
    base: String,
    agent: Agent,
}

pub struct Reply {
    pub status: u16,
    pub etag: Option<String>,
    pub content_type: Option<String>,
    pub allow: Option<String>,
    pub retry_after: Option<String>,
    pub cache_control: Option<String>,
    pub set_cookie: Vec<String>,
    /// Every header, as (name, value).
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The body as sent (a photo is not text).
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("bad JSON ({e}) in: {}", self.body))
    }
}

impl Api {
    pub fn from_env() -> Api {
        let base = std::env::var("WANGGE_BASE_URL").expect(
            "WANGGE_BASE_URL is not set: run the API tests with `cargo xtask test`, \
             which starts the Worker on local workerd + D1",
        );
        // 4xx/5xx are answers to check, not transport errors.
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        Api { base, agent }
    }

    pub fn request(&self, method: &str, path: &str, if_none_match: Option<&str>) -> Reply {
        let headers: Vec<(&str, String)> = if_none_match
            .map(|t| ("If-None-Match", t.to_owned()))
            .into_iter()
            .collect();
        self.send(method, path, &headers, None)
    }

    /// The Worker's own origin, as our pages send it on writes.
    pub fn origin(&self) -> &str {
        &self.base
    }

    /// Any request: extra headers, an optional JSON body.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: Option<&str>,
    ) -> Reply {
        let mut headers = headers.to_vec();
        if body.is_some() {
            headers.push(("Content-Type", "application/json".to_owned()));
        }
        self.send_bytes(method, path, &headers, body.map(|b| b.as_bytes().to_vec()))
    }

    /// Any request with any body (headers name its type).
    pub fn send_bytes(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: Option<Vec<u8>>,
    ) -> Reply {
        let url = format!("{}{}", self.base, path);
        let mut req = ureq::http::Request::builder().method(method).uri(&url);
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        let req = req.body(body.unwrap_or_default()).expect("valid request");
        let _shared = DB_LOCK.read().unwrap_or_else(|e| e.into_inner());
        let mut resp = self
            .agent
            .run(req)
            .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let (etag, content_type, allow) = (header("etag"), header("content-type"), header("allow"));
        let (retry_after, cache_control) = (header("retry-after"), header("cache-control"));
        let set_cookie = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let headers = resp
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
            .collect();
        let status = resp.status().as_u16();
        let bytes = resp.body_mut().read_to_vec().unwrap_or_default();
        let body = String::from_utf8(bytes.clone()).unwrap_or_default();
        Reply {
            bytes,
            headers,
            status,
            etag,
            content_type,
            allow,
            retry_after,
            cache_control,
            set_cookie,
            body,
        }
    }

    /// `POST /api/v1/session` from our own origin, as a client at `address` (wrangler
    /// passes `CF-Connecting-IP` through locally; tests use distinct addresses so their
    /// failures never throttle each other).
    pub fn sign_in(&self, login: &str, password: &str, address: &str) -> Reply {
        let body = serde_json::json!({ "login": login, "password": password }).to_string();
        self.send(
            "POST",
            "/api/v1/session",
            &[
                ("Origin", self.base.clone()),
                ("CF-Connecting-IP", address.to_owned()),
            ],
            Some(&body),
        )
    }

    /// Signs in and returns the `Cookie` header value for the new session.
    pub fn session(&self, login: &str, address: &str) -> String {
        let r = self.sign_in(login, DEMO_PASSWORD, address);
        assert_eq!(r.status, 200, "sign in as {login}: {}", r.body);
        session_cookie(&r).unwrap_or_else(|| panic!("no session cookie for {login}"))
    }

    /// A request carrying a session cookie (and our Origin, as our pages send it).
    pub fn as_user(&self, method: &str, path: &str, cookie: &str) -> Reply {
        self.send(
            method,
            path,
            &[("Cookie", cookie.to_owned()), ("Origin", self.base.clone())],
            None,
        )
    }

    /// `as_user` with a JSON body.
    pub fn as_user_json(&self, method: &str, path: &str, cookie: &str, body: &str) -> Reply {
        self.send(
            method,
            path,
            &[("Cookie", cookie.to_owned()), ("Origin", self.base.clone())],
            Some(body),
        )
    }

    /// Redeems an activation code as a phone at `address`; the new session's cookie.
    pub fn redeem(&self, code: &str, address: &str) -> String {
        let r = self.send(
            "POST",
            "/api/v1/activations",
            &[
                ("Origin", self.base.clone()),
                ("CF-Connecting-IP", address.to_owned()),
            ],
            Some(&format!(r#"{{"code":"{code}"}}"#)),
        );
        assert_eq!(r.status, 200, "redeem: {}", r.body);
        session_cookie(&r).expect("session cookie")
    }

    pub fn get(&self, path: &str) -> Reply {
        self.request("GET", path, None)
    }

    /// `POST /api/v1/reports` from `address`, signed in as `cookie` or not.
    pub fn file_report(
        &self,
        cookie: Option<&str>,
        address: &str,
        body: &serde_json::Value,
    ) -> Reply {
        let mut headers = vec![
            ("Origin", self.base.clone()),
            ("CF-Connecting-IP", address.to_owned()),
        ];
        if let Some(c) = cookie {
            headers.push(("Cookie", c.to_owned()));
        }
        self.send("POST", "/api/v1/reports", &headers, Some(&body.to_string()))
    }

    /// Takes `action` on `report` as `cookie`, decided on the version it shows; `extra`
    /// (a JSON object) adds the action's fields.
    pub fn act(
        &self,
        cookie: &str,
        report: &wangge_core::reports::Report,
        action: wangge_core::reports::ActionKind,
        extra: serde_json::Value,
    ) -> Reply {
        let mut body =
            serde_json::json!({ "id": new_id(), "action": action, "version": report.version });
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        self.as_user_json(
            "POST",
            &format!("/api/v1/reports/{}/actions", report.id),
            cookie,
            &body.to_string(),
        )
    }
}

/// Rows of SQL run on the local D1 the Worker serves, through wrangler (to age a record
/// the way time would: an activation past its 72 hours, a session near its end).
/// Needs `WANGGE_PERSIST_DIR` and `WANGGE_FUNCTIONS_DIR`, which `cargo xtask test` sets.
pub fn d1(sql: &str) -> Vec<serde_json::Value> {
    let var = |k: &str| {
        std::env::var(k).unwrap_or_else(|_| panic!("{k} is not set: run under `cargo xtask test`"))
    };
    let functions = std::path::PathBuf::from(var("WANGGE_FUNCTIONS_DIR"));
    let wrangler = functions.join("../node_modules/.bin/wrangler");
    let _alone = DB_LOCK.write().unwrap_or_else(|e| e.into_inner());
    let out = std::process::Command::new(wrangler)
        .args(["d1", "execute", "DB", "--local", "--json", "--persist-to"])
        .arg(var("WANGGE_PERSIST_DIR"))
        .args(["--command", sql])
        .current_dir(&functions)
        .env("CI", "true")
        .output()
        .expect("run wrangler");
    assert!(
        out.status.success(),
        "d1 {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("wrangler --json");
    v[0]["results"].as_array().cloned().unwrap_or_default()
}

/// The demo accounts' password (demo seed only).
pub const DEMO_PASSWORD: &str = "wangge-demo";

/// `name=value` of the session cookie a reply sets (empty value: removed).
pub fn session_cookie(r: &Reply) -> Option<String> {
    r.set_cookie
        .iter()
        .find(|c| c.starts_with("wangge_session="))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}

/// Every phone number in the demo seed, unmasked, read from the seed file itself.
pub fn seeded_phones() -> Vec<String> {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../functions/seed/demo.sql"
    ))
    .expect("seed file");
    seed.lines()
        .filter(|l| l.starts_with("INSERT INTO people"))
        .filter_map(|l| l.split("VALUES (").nth(1))
        .filter_map(|v| v.split(", ").nth(2))
        .map(|p| p.trim_matches('\'').to_owned())
        .collect()
}

/// A fresh UUIDv7, as a phone makes one for a record it creates.
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970");
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut random = [0u8; 10];
    random[..8].copy_from_slice(
        &(u64::from(now.subsec_nanos()) ^ (n << 32) ^ u64::from(std::process::id())).to_be_bytes(),
    );
    random[8..].copy_from_slice(&(n as u16).to_be_bytes());
    wangge_core::households::uuid_v7(now.as_millis() as u64, random)
}

/// A new household in worker-a's grid whose resident phone has just got in through an
/// activation: (household id, the phone's cookie).
pub fn fresh_resident(api: &Api, address: &str) -> (String, String) {
    let worker = api.session("worker-a", address);
    let id = new_id();
    let body = serde_json::json!({
        "id": id,
        "address": "东岗村四组 8 号",
        "members": [{"id": new_id(), "name": "周桂香", "relation": "head", "phone": "13907319908"}]
    });
    let r = api.as_user_json(
        "POST",
        "/api/v1/grids/990101001003001/households",
        &worker,
        &body.to_string(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let issued: wangge_core::accounts::Activation = api
        .as_user(
            "POST",
            &format!("/api/v1/households/{id}/activations"),
            &worker,
        )
        .json();
    let r = api.send(
        "POST",
        "/api/v1/activations",
        &[
            ("Origin", api.origin().to_owned()),
            ("CF-Connecting-IP", address.to_owned()),
        ],
        Some(&serde_json::json!({ "code": issued.code }).to_string()),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    (id, session_cookie(&r).expect("resident cookie"))
}
