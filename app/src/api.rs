//! The one way the SPA reads the API: stale-while-revalidate through the IndexedDB
//! cache. A read shows what was saved at once, then asks the server with the saved
//! ETag; a 304 confirms it, a 200 replaces it, no network keeps it (marked offline)
//! until the network is back, when it asks again.

use crate::cache::{Cache, CachedResponse, HTTP};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use wangge_core::problem::Problem;

/// Where the data on screen came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncState {
    /// Nothing yet, request under way.
    Loading,
    /// Showing the saved copy, request under way.
    Revalidating,
    /// Confirmed by the server just now.
    Fresh,
    /// Showing the saved copy; the server could not be reached.
    Offline,
    /// Showing the saved copy; the server answered with an error or garbage.
    Stale,
    /// Nothing to show; `Loaded::error` says why.
    Failed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub data: Option<T>,
    pub sync: SyncState,
    pub error: Option<AppError>,
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded {
            data: None,
            sync: SyncState::Loading,
            error: None,
        }
    }
}

enum Fetched {
    NotModified,
    Body { etag: Option<String>, text: String },
}

/// GET `path` with `If-None-Match`, bypassing the browser's HTTP cache (ours is IndexedDB).
async fn fetch(path: &str, etag: Option<&str>) -> Result<Fetched, AppError> {
    let mut req = gloo_net::http::Request::get(path)
        .cache(web_sys::RequestCache::NoStore)
        .header("Accept", "application/json");
    if let Some(tag) = etag {
        req = req.header("If-None-Match", tag);
    }
    let resp = req.send().await.map_err(|_| AppError::Offline)?;
    if resp.status() == 304 {
        return Ok(Fetched::NotModified);
    }
    let text = resp.text().await.map_err(|_| AppError::Offline)?;
    if !resp.ok() {
        let problem: Problem = serde_json::from_str(&text)
            .map_err(|_| AppError::Decode(format!("HTTP {}", resp.status())))?;
        return Err(AppError::Problem {
            status: resp.status(),
            problem,
        });
    }
    let etag = resp.headers().get("ETag");
    Ok(Fetched::Body { etag, text })
}

/// The error a non-2xx answer stands for: its JSON problem, with 429's wait.
async fn problem_of(resp: &gloo_net::http::Response) -> AppError {
    let status = resp.status();
    let text = resp.text().await.unwrap_or_default();
    match serde_json::from_str::<Problem>(&text) {
        Ok(_) if status == 429 => AppError::TooManyAttempts {
            wait_secs: resp
                .headers()
                .get("Retry-After")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(900),
        },
        Ok(problem) => AppError::Problem { status, problem },
        Err(_) => AppError::Decode(format!("HTTP {status}")),
    }
}

/// A request that needs the network now (signing in, signing out): never queued, never
/// cached. `Ok(None)` for an answer without a body (204).
pub async fn send<B, T>(method: &str, path: &str, body: Option<&B>) -> Result<Option<T>, AppError>
where
    B: serde::Serialize,
    T: DeserializeOwned,
{
    use gloo_net::http::{Method, RequestBuilder};
    let method = match method {
        "POST" => Method::POST,
        "DELETE" => Method::DELETE,
        "PUT" => Method::PUT,
        _ => Method::GET,
    };
    let builder = RequestBuilder::new(path)
        .method(method)
        .cache(web_sys::RequestCache::NoStore)
        .header("Accept", "application/json");
    let request = match body {
        Some(b) => builder
            .json(b)
            .map_err(|e| AppError::Decode(e.to_string()))?,
        None => builder
            .build()
            .map_err(|e| AppError::Decode(e.to_string()))?,
    };
    let resp = request.send().await.map_err(|_| AppError::Offline)?;
    if resp.ok() && resp.status() == 204 {
        return Ok(None);
    }
    answer(resp).await.map(Some)
}

/// Sends a JSON body already serialised (an outbox entry) and keeps only whether it went:
/// the outbox needs no answer, and parsing one into a generic value would cost the shell
/// a JSON tree type it otherwise never uses.
pub async fn send_text(method: &str, path: &str, body: &str) -> Result<(), AppError> {
    use gloo_net::http::{Method, RequestBuilder};
    let method = match method {
        "PUT" => Method::PUT,
        "DELETE" => Method::DELETE,
        _ => Method::POST,
    };
    let resp = RequestBuilder::new(path)
        .method(method)
        .cache(web_sys::RequestCache::NoStore)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|e| AppError::Decode(e.to_string()))?
        .send()
        .await
        .map_err(|_| AppError::Offline)?;
    if resp.ok() {
        Ok(())
    } else {
        Err(problem_of(&resp).await)
    }
}

/// POSTs a binary outbox entry (a photo, kept in base64): the id is its idempotency key.
pub async fn send_bytes(
    path: &str,
    content_type: &str,
    base64: &str,
    key: &str,
) -> Result<(), AppError> {
    let binary = window()
        .atob(base64)
        .map_err(|_| AppError::Decode("base64".into()))?;
    // atob gives one char per byte (0–255).
    let bytes: Vec<u8> = binary.chars().map(|c| c as u8).collect();
    let resp = gloo_net::http::RequestBuilder::new(path)
        .method(gloo_net::http::Method::POST)
        .cache(web_sys::RequestCache::NoStore)
        .header("Accept", "application/json")
        .header("Content-Type", content_type)
        .header("Idempotency-Key", key)
        .body(js_sys::Uint8Array::from(bytes.as_slice()))
        .map_err(|e| AppError::Decode(e.to_string()))?
        .send()
        .await
        .map_err(|_| AppError::Offline)?;
    if resp.ok() {
        Ok(())
    } else {
        Err(problem_of(&resp).await)
    }
}

/// The unread count of the signed-in person's inbox (`None`: signed out or offline). Read
/// by hand from `{"unread":n,…}`: the shell asks on every page, and a typed read would
/// cost it a deserializer of its own.
pub async fn unread() -> Option<u32> {
    let resp = gloo_net::http::Request::get("/api/v1/inbox")
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .ok()?;
    if !resp.ok() {
        return None;
    }
    let text = resp.text().await.ok()?;
    let after = text.split("\"unread\":").nth(1)?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// A response read as `T`, or as the error its problem stands for.
pub async fn answer<T: DeserializeOwned>(resp: gloo_net::http::Response) -> Result<T, AppError> {
    if !resp.ok() {
        return Err(problem_of(&resp).await);
    }
    let text = resp.text().await.map_err(|_| AppError::Offline)?;
    serde_json::from_str(&text).map_err(|e| AppError::Decode(e.to_string()))
}

/// Drops the saved copy of `path` (after signing out, a household must not stay readable).
pub async fn forget(path: &str) {
    with_cache(async |c: &Cache| c.delete(HTTP, path).await).await;
}

/// A reactive, offline-first read of `path`, re-run whenever `path` changes.
pub fn load<T>(path: impl Fn() -> String + 'static) -> ReadSignal<Loaded<T>>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    let (state, set_state) = signal(Loaded::<T>::default());
    // Each run gets a generation; an answer counts only while its run is the latest
    // (A→B→A must not let the first A's late answer win) and the page still exists.
    let generation = StoredValue::new(0u64);
    let again = RwSignal::new(0u32);
    let quiet = StoredValue::new(false);
    Effect::new(move |_| {
        again.track();
        let path = path();
        let mine = generation
            .try_update_value(|g| {
                *g += 1;
                *g
            })
            .unwrap_or_default();
        // Asked again on reconnecting: what is shown stays meanwhile; a new path starts blank.
        if !quiet.try_update_value(std::mem::take).unwrap_or_default() {
            set_state.set(Loaded::default());
        }
        spawn_local(async move {
            let still_current = move || generation.try_get_value() == Some(mine);
            revalidate(&path, set_state, still_current).await;
        });
    });
    ask_again_when_online(
        again,
        quiet,
        Box::new(move || {
            state
                .try_with_untracked(|s| {
                    s.sync == SyncState::Offline || s.error == Some(AppError::Offline)
                })
                .unwrap_or_default()
        }),
    );
    state
}

/// Back online, a page showing its saved copy (or nothing, for want of one) asks the
/// server again by itself. Not generic: the shell carries one copy for every `load`.
fn ask_again_when_online(
    again: RwSignal<u32>,
    quiet: StoredValue<bool>,
    cut_off: Box<dyn Fn() -> bool>,
) {
    let online = window_event_listener(leptos::ev::online, move |_| {
        if cut_off() {
            quiet.set_value(true);
            again.update(|n| *n += 1);
        }
    });
    on_cleanup(move || online.remove());
}

/// Runs `op` on a connection opened just for it: a connection held across a network
/// request would block a newer tab's schema upgrade. `None` when storage is unavailable.
async fn with_cache<R>(op: impl AsyncFnOnce(&Cache) -> R) -> Option<R> {
    let cache = Cache::open().await.ok()?;
    let out = op(&cache).await;
    cache.close();
    Some(out)
}

async fn revalidate<T>(
    path: &str,
    set_state: WriteSignal<Loaded<T>>,
    still_current: impl Fn() -> bool,
) where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    let saved: Option<CachedResponse> = with_cache(async |c: &Cache| c.get(HTTP, path).await)
        .await
        .and_then(|r| r.ok().flatten());
    let saved_data = saved
        .as_ref()
        .and_then(|s| serde_json::from_str::<T>(&s.body).ok());
    let has_saved = saved_data.is_some();
    if has_saved && still_current() {
        set_state.set(Loaded {
            data: saved_data,
            sync: SyncState::Revalidating,
            error: None,
        });
    }
    let etag = saved
        .as_ref()
        .filter(|_| has_saved)
        .and_then(|s| s.etag.clone());
    let result = fetch(path, etag.as_deref()).await;
    // A "gone" answer (404, 401, 403, 410) drops the saved copy even if nobody is
    // looking any more: a signed-out phone must not keep someone's household.
    if matches!(&result, Err(e) if e.is_gone()) {
        forget(path).await;
    }
    if !still_current() {
        return;
    }
    // Keep showing the saved copy through transient trouble; without one, say why.
    let keep_or_fail = |error: AppError| {
        if has_saved {
            let sync = if error == AppError::Offline {
                SyncState::Offline
            } else {
                SyncState::Stale
            };
            set_state.update(|s| s.sync = sync);
        } else {
            set_state.set(Loaded {
                data: None,
                sync: SyncState::Failed,
                error: Some(error),
            });
        }
    };
    match result {
        Ok(Fetched::NotModified) if has_saved => set_state.update(|s| s.sync = SyncState::Fresh),
        // We sent no validator, so a 304 is a confused proxy, not the server.
        Ok(Fetched::NotModified) => keep_or_fail(AppError::Decode("unexpected 304".into())),
        Ok(Fetched::Body { etag, text }) => match serde_json::from_str::<T>(&text) {
            Ok(data) => {
                set_state.set(Loaded {
                    data: Some(data),
                    sync: SyncState::Fresh,
                    error: None,
                });
                let entry = CachedResponse {
                    etag,
                    body: text,
                    stored_at: js_sys::Date::now(),
                };
                with_cache(async |c: &Cache| c.put(HTTP, path, &entry).await).await;
            }
            // A captive portal or a proxy's HTML page: not the server's word.
            Err(e) => keep_or_fail(AppError::Decode(e.to_string())),
        },
        // The server says this thing is gone: drop the saved copy too.
        Err(error) if error.is_gone() => {
            set_state.set(Loaded {
                data: None,
                sync: SyncState::Failed,
                error: Some(error),
            });
        }
        Err(error) => keep_or_fail(error),
    }
}
