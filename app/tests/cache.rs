//! The IndexedDB cache layer in a real browser (headless Chromium via
//! wasm-bindgen-test-runner and chromedriver; `cargo xtask test` runs it).
#![cfg(target_arch = "wasm32")]

use wangge_app::cache::{Cache, CachedResponse, DB_VERSION, DRAFTS, GUIDE, HTTP, OUTBOX, POINTS};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(name: &str) -> String {
    format!("{name}-{}", js_sys::Math::random())
}

fn entry(body: &str) -> CachedResponse {
    CachedResponse {
        etag: Some("\"abc\"".into()),
        body: body.into(),
        stored_at: 1.0,
    }
}

#[wasm_bindgen_test]
async fn put_then_get_round_trips_and_overwrites() {
    let cache = Cache::open_named(&unique("t-put"), DB_VERSION)
        .await
        .unwrap();
    let missing: Option<CachedResponse> = cache.get(HTTP, "/api/v1/grids").await.unwrap();
    assert_eq!(missing, None);

    cache
        .put(HTTP, "/api/v1/grids", &entry("{\"nodes\":[]}"))
        .await
        .unwrap();
    let got: Option<CachedResponse> = cache.get(HTTP, "/api/v1/grids").await.unwrap();
    assert_eq!(got, Some(entry("{\"nodes\":[]}")));

    cache
        .put(HTTP, "/api/v1/grids", &entry("v2"))
        .await
        .unwrap();
    let got: Option<CachedResponse> = cache.get(HTTP, "/api/v1/grids").await.unwrap();
    assert_eq!(got.unwrap().body, "v2");

    cache.delete(HTTP, "/api/v1/grids").await.unwrap();
    let gone: Option<CachedResponse> = cache.get(HTTP, "/api/v1/grids").await.unwrap();
    assert_eq!(gone, None);
}

#[wasm_bindgen_test]
async fn data_survives_a_reopen() {
    let name = unique("t-reopen");
    let cache = Cache::open_named(&name, DB_VERSION).await.unwrap();
    cache.put(HTTP, "/k", &entry("kept")).await.unwrap();
    cache.close();
    let cache = Cache::open_named(&name, DB_VERSION).await.unwrap();
    let got: Option<CachedResponse> = cache.get(HTTP, "/k").await.unwrap();
    assert_eq!(got.unwrap().body, "kept");
}

#[wasm_bindgen_test]
async fn upgrading_from_v1_keeps_data_and_adds_stores() {
    let name = unique("t-upgrade");
    let v1 = Cache::open_named(&name, 1).await.unwrap();
    assert_eq!(v1.version(), 1);
    assert_eq!(v1.store_names(), vec![HTTP.to_owned()]);
    v1.put(HTTP, "/api/v1/grids/990101", &entry("old"))
        .await
        .unwrap();
    v1.close();

    let v2 = Cache::open_named(&name, DB_VERSION).await.unwrap();
    assert_eq!(v2.version(), DB_VERSION);
    let mut stores = v2.store_names();
    stores.sort();
    let mut want = vec![DRAFTS, GUIDE, HTTP, OUTBOX, POINTS];
    want.sort();
    assert_eq!(stores, want);
    let got: Option<CachedResponse> = v2.get(HTTP, "/api/v1/grids/990101").await.unwrap();
    assert_eq!(got.unwrap().body, "old");
    // The new stores are usable.
    v2.put(
        OUTBOX,
        "0190f5c2-0000-7000-8000-000000000001",
        &entry("queued"),
    )
    .await
    .unwrap();
}

#[wasm_bindgen_test]
async fn unknown_versions_are_refused() {
    assert!(Cache::open_named(&unique("t-bad"), 0).await.is_err());
    assert!(Cache::open_named(&unique("t-bad"), DB_VERSION + 1)
        .await
        .is_err());
}
