//! The guide's catalogue on this phone: every item in IndexedDB (store `guide`, keyed by
//! code) with the delta cursor beside them (key `~cursor`, which sorts after every item
//! code: codes are `[a-z0-9-]`). A delta page's items, withdrawals and cursor are written
//! in one transaction, so the saved cursor never runs ahead of the saved items.
//!
//! Opening the guide shows the saved catalogue at once, then asks the server for what
//! changed since the cursor (page after page while it says `more`). The catalogue and its
//! search index live for the whole visit (list → item → list reads no storage again), and
//! one sync at a time runs, at most once a minute after a successful one.

use crate::api::{self, SyncState};
use crate::cache::{Cache, CacheError, GUIDE};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;
use wangge_core::guide::search::Index;
use wangge_core::guide::{GuideDelta, GuideItem, LifeEvent};
use wangge_core::API_PREFIX;

/// Where the delta cursor is kept in the `guide` store.
const CURSOR_KEY: &str = "~cursor";
/// Every item code sorts before this key.
const ITEMS_END: &str = "~";
/// A successful sync is good for this long within one visit.
const RESYNC_MS: f64 = 60_000.0;
/// Delta pages in one sync at most (500 changes each): a server that keeps saying `more`
/// cannot keep the phone busy for ever.
const MAX_PAGES: usize = 100;

/// The catalogue as loaded, with what browsing and searching need, built once per change.
pub struct Snapshot {
    /// In code order (related items sit together: `sb-ylbx-…`).
    items: Vec<GuideItem>,
    by_code: BTreeMap<String, usize>,
    index: Index,
    events: [usize; LifeEvent::ALL.len()],
    /// Departments with their item counts, most items first.
    departments: Vec<(String, usize)>,
}

impl Snapshot {
    fn new(mut items: Vec<GuideItem>) -> Snapshot {
        items.sort_by(|a, b| a.code.cmp(&b.code));
        let by_code = items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.code.clone(), i))
            .collect();
        let index = Index::new(&items);
        let mut events = [0; LifeEvent::ALL.len()];
        let mut departments = BTreeMap::<&str, usize>::new();
        for item in &items {
            for (n, e) in events.iter_mut().zip(LifeEvent::ALL) {
                if item.events.contains(&e) {
                    *n += 1;
                }
            }
            *departments.entry(item.department.as_str()).or_default() += 1;
        }
        let mut departments: Vec<(String, usize)> = departments
            .into_iter()
            .map(|(d, n)| (d.to_owned(), n))
            .collect();
        departments.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Snapshot {
            items,
            by_code,
            index,
            events,
            departments,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn at(&self, position: usize) -> Option<&GuideItem> {
        self.items.get(position)
    }

    pub fn get(&self, code: &str) -> Option<&GuideItem> {
        self.by_code.get(code).and_then(|i| self.items.get(*i))
    }

    /// Positions of the items matching `query`, best first.
    pub fn search(&self, query: &str) -> Vec<usize> {
        self.index
            .search(query)
            .iter()
            .filter_map(|hit| self.by_code.get(&hit.code).copied())
            .collect()
    }

    /// Positions of the items filed under `event`.
    pub fn in_event(&self, event: LifeEvent) -> Vec<usize> {
        self.positions(|it| it.events.contains(&event))
    }

    /// Positions of the items of `department`.
    pub fn in_department(&self, department: &str) -> Vec<usize> {
        self.positions(|it| it.department == department)
    }

    fn positions(&self, keep: impl Fn(&GuideItem) -> bool) -> Vec<usize> {
        (0..self.items.len())
            .filter(|i| keep(&self.items[*i]))
            .collect()
    }

    pub fn event_count(&self, event: LifeEvent) -> usize {
        LifeEvent::ALL
            .iter()
            .position(|e| *e == event)
            .map_or(0, |i| self.events[i])
    }

    pub fn departments(&self) -> &[(String, usize)] {
        &self.departments
    }
}

/// The catalogue shared by the guide's pages (cheap to clone: signals are reference
/// counted and outlive the page that opened them).
#[derive(Clone)]
pub struct Catalogue {
    /// `None` until something was read from storage or the server.
    pub snapshot: ArcRwSignal<Option<Arc<Snapshot>>>,
    pub sync: ArcRwSignal<SyncState>,
    /// Why there is nothing to show (only while `snapshot` is `None`).
    pub error: ArcRwSignal<Option<AppError>>,
}

#[derive(Default)]
struct State {
    /// Storage was read once this visit.
    loaded: bool,
    running: bool,
    /// When the last sync succeeded (ms since the epoch).
    synced_at: Option<f64>,
    /// The cursor the catalogue in memory is at.
    cursor: Option<String>,
}

thread_local! {
    static SHARED: Catalogue = Catalogue {
        snapshot: ArcRwSignal::new(None),
        sync: ArcRwSignal::new(SyncState::Loading),
        error: ArcRwSignal::new(None),
    };
    static STATE: RefCell<State> = RefCell::new(State::default());
}

impl Catalogue {
    /// The catalogue, syncing it first if it is due (at the first opening, after a failed
    /// sync, or a minute after the last good one).
    pub fn open() -> Catalogue {
        let cat = SHARED.with(Clone::clone);
        let due = STATE.with(|s| {
            let mut s = s.borrow_mut();
            let due = !s.running
                && s.synced_at
                    .is_none_or(|t| js_sys::Date::now() - t > RESYNC_MS);
            s.running |= due;
            due
        });
        if due {
            // Said at once, so a page never takes the last sync's word for this one.
            let has = cat.snapshot.with_untracked(Option::is_some);
            cat.sync.set(if has {
                SyncState::Revalidating
            } else {
                SyncState::Loading
            });
            spawn_local(run(cat.clone()));
        }
        cat
    }
}

async fn run(cat: Catalogue) {
    if !STATE.with(|s| s.borrow().loaded) {
        let (items, cursor) = read_saved().await;
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.loaded = true;
            s.cursor = cursor;
        });
        // A cursor with no items is a catalogue that is empty (everything withdrawn), not
        // one never loaded.
        if !items.is_empty() || STATE.with(|s| s.borrow().cursor.is_some()) {
            cat.snapshot.set(Some(Arc::new(Snapshot::new(items))));
            cat.sync.set(SyncState::Revalidating);
        }
    }
    let result = sync(&cat).await;
    let has = cat.snapshot.with_untracked(Option::is_some);
    match result {
        Ok(()) => {
            cat.error.set(None);
            cat.sync.set(SyncState::Fresh);
            STATE.with(|s| s.borrow_mut().synced_at = Some(js_sys::Date::now()));
        }
        Err(e) if has => cat.sync.set(if e == AppError::Offline {
            SyncState::Offline
        } else {
            SyncState::Stale
        }),
        Err(e) => {
            cat.error.set(Some(e));
            cat.sync.set(SyncState::Failed);
        }
    }
    STATE.with(|s| s.borrow_mut().running = false);
}

/// The saved items and cursor; nothing if storage fails or holds something unreadable
/// (then the next sync downloads everything and replaces it).
async fn read_saved() -> (Vec<GuideItem>, Option<String>) {
    let Ok(cache) = Cache::open().await else {
        return (Vec::new(), None);
    };
    let items = cache.all_before::<GuideItem>(GUIDE, ITEMS_END).await;
    let cursor = cache.get::<String>(GUIDE, CURSOR_KEY).await;
    cache.close();
    match (items, cursor) {
        (Ok(items), Ok(Some(cursor))) => (items, Some(cursor)),
        _ => (Vec::new(), None),
    }
}

/// Asks for every change since the cursor, saving each page as it comes, and shows the
/// result once at the end (one index build however many pages).
async fn sync(cat: &Catalogue) -> Result<(), AppError> {
    let mut cursor = STATE.with(|s| s.borrow().cursor.clone());
    // The working copy, made at the first change.
    let mut items: Option<BTreeMap<String, GuideItem>> = None;
    let mut outcome = Ok(());
    for _ in 0..MAX_PAGES {
        let path = match &cursor {
            Some(c) => format!(
                "{API_PREFIX}/guide?since={}",
                js_sys::encode_uri_component(c)
            ),
            None => format!("{API_PREFIX}/guide"),
        };
        let delta = match api::send::<(), GuideDelta>("GET", &path, None).await {
            Ok(Some(delta)) => delta,
            Ok(None) => {
                outcome = Err(AppError::Decode("empty guide delta".into()));
                break;
            }
            // The server does not know this cursor (a restored database): start afresh.
            Err(AppError::Problem { status: 400, .. }) if cursor.is_some() => {
                cursor = None;
                continue;
            }
            Err(e) => {
                outcome = Err(e);
                break;
            }
        };
        let full = cursor.is_none();
        if full || !delta.items.is_empty() || !delta.withdrawn.is_empty() {
            let map = items.get_or_insert_with(|| current(cat));
            if full {
                map.clear();
            }
            for code in &delta.withdrawn {
                map.remove(code);
            }
            for item in &delta.items {
                map.insert(item.code.clone(), item.clone());
            }
        }
        let advanced = cursor.as_deref() != Some(delta.cursor.as_str());
        if full || advanced {
            save(&delta, full).await;
        }
        cursor = Some(delta.cursor);
        STATE.with(|s| s.borrow_mut().cursor = cursor.clone());
        if !delta.more || !advanced {
            break;
        }
    }
    if let Some(map) = items {
        let snapshot = Snapshot::new(map.into_values().collect());
        cat.snapshot.set(Some(Arc::new(snapshot)));
    }
    outcome
}

fn current(cat: &Catalogue) -> BTreeMap<String, GuideItem> {
    cat.snapshot.with_untracked(|s| {
        s.as_ref()
            .map(|s| {
                s.items
                    .iter()
                    .map(|it| (it.code.clone(), it.clone()))
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Saves one delta page: its items, withdrawals and cursor in one transaction (a full
/// download first empties the store). A failure is only logged: the catalogue stays in
/// memory for this visit, and storage keeps its previous, consistent state.
async fn save(delta: &GuideDelta, full: bool) {
    let result: Result<(), CacheError> = async {
        let cache = Cache::open().await?;
        let written = async {
            let mut batch = cache.batch(GUIDE)?;
            if full {
                batch.clear()?;
            }
            for code in &delta.withdrawn {
                batch.delete(code)?;
            }
            for item in &delta.items {
                batch.put(&item.code, item)?;
            }
            batch.put(CURSOR_KEY, &delta.cursor)?;
            batch.commit().await
        }
        .await;
        cache.close();
        written
    }
    .await;
    if let Err(e) = result {
        web_sys::console::warn_1(&format!("guide not saved on this phone: {e}").into());
    }
}

/// One item from the server (an item not in the catalogue on this phone).
pub async fn fetch_item(code: &str) -> Result<GuideItem, AppError> {
    let path = format!("{API_PREFIX}/guide/{}", js_sys::encode_uri_component(code));
    api::send::<(), GuideItem>("GET", &path, None)
        .await?
        .ok_or_else(|| AppError::Decode("empty guide item".into()))
}
