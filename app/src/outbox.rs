//! The one outbox: every write made on this phone (a household registered in the field,
//! later reports, awards, errands) is saved here first, keyed by a client-made UUIDv7, and
//! sent by one sync loop — on start, when the network returns, when the page is shown
//! again, and with capped exponential backoff. The server keeps each id as an idempotency
//! key forever, so sending an entry twice (the answer was lost) never doubles it.
//!
//! A 4xx other than 408/429 means the server will never take that entry as it is: it stops
//! (`Failed`) with the server's reason, and the person retries or discards it.

use crate::api::{send_bytes, send_text};
use crate::cache::{Cache, OUTBOX};
use crate::error::AppError;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wangge_core::problem::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryState {
    /// Waiting to be sent (or being sent).
    Waiting,
    /// Refused by the server; waits for the person to retry or discard it.
    Failed,
}

/// A write waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The client's UUIDv7: the record's id and the server's idempotency key.
    pub id: String,
    /// What it is, e.g. `household.register`; pages find their own pending entries by it.
    pub kind: String,
    pub method: String,
    pub path: String,
    /// The JSON body, as it will be sent; for a binary entry, its bytes in base64.
    pub body: String,
    /// A binary entry's type (`image/jpeg`: a photo, sent with the entry's id as its
    /// `Idempotency-Key`); none for JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// What a person calls it ("登记 东岗村一组12号").
    pub label_zh: String,
    pub label_en: String,
    pub state: EntryState,
    pub attempts: u32,
    /// Why the server refused it.
    pub problem: Option<Problem>,
    pub created_at: f64,
}

impl Entry {
    pub fn new<B: Serialize>(
        id: String,
        kind: &str,
        method: &str,
        path: String,
        body: &B,
        label: (String, String),
    ) -> Result<Entry, AppError> {
        Ok(Entry {
            id,
            kind: kind.to_owned(),
            method: method.to_owned(),
            path,
            body: serde_json::to_string(body).map_err(|e| AppError::Decode(e.to_string()))?,
            content_type: None,
            label_zh: label.0,
            label_en: label.1,
            state: EntryState::Waiting,
            attempts: 0,
            problem: None,
            created_at: js_sys::Date::now(),
        })
    }
}

/// What the UI shows of the outbox: counts for the badge, and a tick each time something
/// reached the server (pages showing server data reload on it).
#[derive(Clone, Copy)]
pub struct Outbox {
    pub waiting: RwSignal<usize>,
    pub failed: RwSignal<usize>,
    pub synced: RwSignal<u64>,
    running: RwSignal<bool>,
    /// Bumped to cut a backoff wait short (online again, page shown, new entry).
    wake: RwSignal<u64>,
}

/// Backoff between attempts while the server cannot be reached: 2 s doubling to 5 min.
const FIRST_WAIT_MS: u32 = 2_000;
const MAX_WAIT_MS: u32 = 300_000;

async fn with_cache<R>(
    op: impl AsyncFnOnce(&Cache) -> Result<R, crate::cache::CacheError>,
) -> Result<R, AppError> {
    let cache = Cache::open()
        .await
        .map_err(|e| AppError::Storage(e.to_string()))?;
    let out = op(&cache).await;
    cache.close();
    out.map_err(|e| AppError::Storage(e.to_string()))
}

/// Every entry, oldest first (by when it was queued: the store's key order is the ids',
/// and a report's id is made when its form opens, before the photos it waits for).
pub async fn entries() -> Result<Vec<Entry>, AppError> {
    let mut all = with_cache(async |c: &Cache| c.all::<Entry>(OUTBOX).await).await?;
    // Queued in the same millisecond: a photo before what names it.
    all.sort_by(|a, b| {
        a.created_at
            .total_cmp(&b.created_at)
            .then(b.content_type.is_some().cmp(&a.content_type.is_some()))
    });
    Ok(all)
}

async fn put(entry: &Entry) -> Result<(), AppError> {
    with_cache(async |c: &Cache| c.put(OUTBOX, &entry.id, entry).await).await
}

async fn remove(id: &str) -> Result<(), AppError> {
    with_cache(async |c: &Cache| c.delete(OUTBOX, id).await).await
}

/// A random UUIDv7 for a record made on this phone.
pub fn new_id() -> String {
    let mut random = [0u8; 10];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut random).ok())
        .is_some();
    if !filled {
        // No WebCrypto (very old WebView): Math.random is enough for a unique key.
        for b in &mut random {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    wangge_core::households::uuid_v7(js_sys::Date::now() as u64, random)
}

impl Outbox {
    /// Creates the outbox, starts its sync loop and its triggers. Called once, by the shell.
    pub fn provide() {
        let outbox = Outbox {
            waiting: RwSignal::new(0),
            failed: RwSignal::new(0),
            synced: RwSignal::new(0),
            running: RwSignal::new(false),
            wake: RwSignal::new(0),
        };
        provide_context(outbox);
        let kick = move || outbox.wake.update(|w| *w += 1);
        // The network came back, or the person came back to the page: try now.
        let on_online = leptos::ev::online;
        window_event_listener(on_online, move |_| kick());
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                kick();
            }
        });
        outbox.run();
    }

    pub fn get() -> Outbox {
        expect_context::<Outbox>()
    }

    /// `api::load` of `path`, read again whenever the outbox delivered something (so a
    /// page shows its own writes once the server has them).
    pub fn load<T>(self, path: String) -> ReadSignal<crate::api::Loaded<T>>
    where
        T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
    {
        crate::api::load(move || {
            self.synced.track();
            path.clone()
        })
    }

    /// Saves `entry` and sends it as soon as it can.
    pub async fn enqueue(self, entry: Entry) -> Result<(), AppError> {
        put(&entry).await?;
        self.refresh_counts().await;
        self.wake.update(|w| *w += 1);
        self.run();
        Ok(())
    }

    /// Sends a refused entry again (after the person fixed what was wrong elsewhere).
    pub async fn retry(self, mut entry: Entry) -> Result<(), AppError> {
        entry.state = EntryState::Waiting;
        entry.problem = None;
        self.enqueue(entry).await
    }

    /// Drops an entry for good (the person confirmed). A dropped photo leaves the entries
    /// that name it, which then go without it (a refused photo never holds its report).
    pub async fn discard(self, id: &str) -> Result<(), AppError> {
        let all = entries().await?;
        if let Some(photo) = all.iter().find(|e| e.id == id && e.content_type.is_some()) {
            let key = wangge_core::reports::photo_key(&photo.id);
            for mut e in all.into_iter().filter(|e| names_photo(e, &key)) {
                if let Some(body) = without_photo(&e.body, &key) {
                    e.body = body;
                    e.state = EntryState::Waiting;
                    e.problem = None;
                    put(&e).await?;
                }
            }
            self.wake.update(|w| *w += 1);
        }
        remove(id).await?;
        self.refresh_counts().await;
        self.synced.update(|n| *n += 1);
        Ok(())
    }

    async fn refresh_counts(self) {
        if let Ok(all) = entries().await {
            let failed = all.iter().filter(|e| e.state == EntryState::Failed).count();
            self.failed.try_set(failed);
            self.waiting.try_set(all.len() - failed);
        }
    }

    /// Starts the sync loop unless it is running: it sends waiting entries oldest first
    /// and sleeps (backoff, cut short by `wake`) while the server cannot be reached.
    fn run(self) {
        if self.running.get_untracked() {
            return;
        }
        self.running.set(true);
        spawn_local(async move {
            let mut wait = FIRST_WAIT_MS;
            loop {
                self.refresh_counts().await;
                match self.send_all().await {
                    // Everything waiting went (or was refused): sleep until woken.
                    Ok(()) => {
                        wait = FIRST_WAIT_MS;
                        let seen = self.wake.get_untracked();
                        while self.wake.get_untracked() == seen {
                            TimeoutFuture::new(1_000).await;
                        }
                    }
                    // Offline, or the server is struggling: back off, unless woken.
                    Err(()) => {
                        let seen = self.wake.get_untracked();
                        let mut slept = 0;
                        while slept < wait && self.wake.get_untracked() == seen {
                            TimeoutFuture::new(500).await;
                            slept += 500;
                        }
                        wait = (wait * 2).min(MAX_WAIT_MS);
                    }
                }
            }
        });
    }

    /// Sends every waiting entry in order. `Err` when the server cannot take any now.
    async fn send_all(self) -> Result<(), ()> {
        let Ok(all) = entries().await else {
            return Ok(());
        };
        // Photos the server refused: what names one waits (the person keeps or drops it).
        let mut refused: Vec<String> = all
            .iter()
            .filter(|e| e.content_type.is_some() && e.state == EntryState::Failed)
            .map(|e| wangge_core::reports::photo_key(&e.id))
            .collect();
        for mut entry in all.into_iter().filter(|e| e.state == EntryState::Waiting) {
            if refused.iter().any(|k| names_photo(&entry, k)) {
                continue;
            }
            entry.attempts += 1;
            let sent = match &entry.content_type {
                Some(kind) => send_bytes(&entry.path, kind, &entry.body, &entry.id).await,
                None => send_text(&entry.method, &entry.path, &entry.body).await,
            };
            match sent {
                Ok(()) => {
                    // Gone from the outbox only once the server has it.
                    let _ = remove(&entry.id).await;
                    self.synced.update(|n| *n += 1);
                }
                Err(AppError::Problem { status, problem })
                    if (400..500).contains(&status) && status != 408 =>
                {
                    if entry.content_type.is_some() {
                        refused.push(wangge_core::reports::photo_key(&entry.id));
                    }
                    entry.state = EntryState::Failed;
                    entry.problem = Some(problem);
                    let _ = put(&entry).await;
                    self.synced.update(|n| *n += 1);
                }
                // Offline, 408, 429, 5xx, garbage from a captive portal: later.
                Err(_) => {
                    let _ = put(&entry).await;
                    return Err(());
                }
            }
            self.refresh_counts().await;
        }
        Ok(())
    }
}

/// Whether `e` (a JSON entry) lists the photo `key` (a key is 34 characters of its own,
/// found nowhere else in a body).
fn names_photo(e: &Entry, key: &str) -> bool {
    e.content_type.is_none() && e.body.contains(&format!("\"{key}\""))
}

/// `body` with `key` taken out of its `photos` list; `None` if it is not there. Plain text
/// work on serde_json's compact output: a JSON value type would grow the shell.
fn without_photo(body: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\"");
    [format!("{quoted},"), format!(",{quoted}"), quoted]
        .into_iter()
        .find(|p| body.contains(p.as_str()))
        .map(|p| body.replacen(&p, "", 1))
}
