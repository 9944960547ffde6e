//! The OpenAPI document the Worker serves: it is the checked-in `functions/openapi.json`
//! (generated from the route table and the core types by `functions/src/openapi.rs`), and
//! its routes are exactly the ones the access matrix plays.

use serde_json::Value;
use std::collections::BTreeSet;
use wangge_api_tests::Api;

const CHECKED_IN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../functions/openapi.json"
));

/// (METHOD, path template) of every operation in a document.
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            if METHODS.contains(&method.as_str()) {
                out.insert((method.to_ascii_uppercase(), path.clone()));
            }
        }
    }
    out
}

/// Whether a concrete path (`/grids/990101`) fits a template (`/grids/{code}`).
fn fits(template: &str, path: &str) -> bool {
    let (want, got): (Vec<&str>, Vec<&str>) =
        (template.split('/').collect(), path.split('/').collect());
    want.len() == got.len()
        && want
            .iter()
            .zip(&got)
            .all(|(w, g)| (w.starts_with('{') && !g.is_empty()) || w == g)
}

#[test]
fn the_served_document_is_the_checked_in_one() {
    let api = Api::from_env();
    let r = api.get("/api/v1/openapi.json");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.content_type
            .as_deref()
            .unwrap_or_default()
            .starts_with("application/json"),
        "{:?}",
        r.content_type
    );
    let served: Value = r.json();
    assert!(
        served["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "openapi: {}",
        served["openapi"]
    );
    let file: Value = serde_json::from_str(CHECKED_IN).expect("functions/openapi.json");
    assert_eq!(operations(&served), operations(&file));
    assert_eq!(served, file, "the Worker serves another document");

    // Revalidation, as for every ETag'd read.
    let etag = r.etag.expect("ETag");
    assert_eq!(
        api.request("GET", "/api/v1/openapi.json", Some(&etag))
            .status,
        304
    );
}

#[test]
fn the_document_lists_the_routes_of_the_access_matrix() {
    let doc: Value = serde_json::from_str(CHECKED_IN).expect("functions/openapi.json");
    let documented = operations(&doc);
    let mut played = BTreeSet::new();
    for (n, line) in include_str!("../access.tsv").lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (method, path) = (cols[0], cols[1]);
        let route = documented
            .iter()
            .find(|(m, template)| m == method && fits(template, path))
            .unwrap_or_else(|| {
                panic!(
                    "access.tsv:{}: {method} {path} is not in the document",
                    n + 1
                )
            });
        played.insert(route.clone());
    }
    assert_eq!(played, documented);
}
