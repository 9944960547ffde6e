//! Security headers on every kind of answer: the SPA's page, a wasm file, an API answer
//! and an API problem.

use wangge_api_tests::Api;

fn headers_of(api: &Api, path: &str) -> (u16, Vec<(String, String)>, String) {
    let r = api.send("GET", path, &[], None);
    (r.status, r.headers, r.body)
}

fn check(path: &str, status: u16, headers: &[(String, String)]) {
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("{path} ({status}) lacks {name}: {headers:?}"))
    };
    let csp = get("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    assert!(
        !csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"),
        "{path}: {csp}"
    );
    assert_eq!(get("x-content-type-options"), "nosniff", "{path}");
    assert_eq!(get("referrer-policy"), "no-referrer", "{path}");
}

#[test]
fn every_kind_of_answer_carries_the_security_headers() {
    let api = Api::from_env();
    let (status, headers, html) = headers_of(&api, "/");
    assert_eq!(status, 200);
    check("/", status, &headers);
    let csp = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-security-policy"))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    // Scripts: only our own files and wasm compilation; no inline script in the page.
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(
        !html.contains("<script>") && !html.contains("<script type=\"module\">"),
        "inline script in index.html"
    );

    // The main wasm module, found where index.html preloads it.
    let wasm = html
        .split('"')
        .find(|s| s.starts_with("/app/") && s.ends_with("_bg.wasm"))
        .expect("index.html preloads the main module")
        .to_owned();
    let (status, headers, _) = headers_of(&api, &wasm);
    assert_eq!(status, 200, "{wasm}");
    check(&wasm, status, &headers);

    for path in ["/api/v1/grids", "/api/v1/no-such-route", "/api/v1/me"] {
        let (status, headers, _) = headers_of(&api, path);
        check(path, status, &headers);
    }
}
