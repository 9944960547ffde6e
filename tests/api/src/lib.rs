//! Helpers for the API tests: they run against a real Worker on wrangler's local
//! workerd + D1, started by `cargo xtask test`, which passes its URL in WANGGE_BASE_URL.

use serde::de::DeserializeOwned;
use ureq::Agent;

pub struct Api {
    base: String,
    agent: Agent,
}

pub struct Reply {
    pub status: u16,
    pub etag: Option<String>,
    pub content_type: Option<String>,
    pub allow: Option<String>,
    pub body: String,
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
        let url = format!("{}{}", self.base, path);
        let mut req = ureq::http::Request::builder().method(method).uri(&url);
        if let Some(tag) = if_none_match {
            req = req.header("If-None-Match", tag);
        }
        let req = req.body(()).expect("valid request");
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
        let status = resp.status().as_u16();
        let body = resp.body_mut().read_to_string().unwrap_or_default();
        Reply {
            status,
            etag,
            content_type,
            allow,
            body,
        }
    }

    pub fn get(&self, path: &str) -> Reply {
        self.request("GET", path, None)
    }
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
