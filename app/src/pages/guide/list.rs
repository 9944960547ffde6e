//! `/guide`: the search box, the results as large cards, and browsing by life event and by
//! department. What is asked lives in the URL (`?q=`, `?event=`, `?dept=`), so back and
//! forward, and a reload, return to it.

use super::catalogue::{Catalogue, Snapshot};
use super::{days_text, event_label, event_of, event_slug, item_path};
use crate::api::SyncState;
use crate::error::{AppError, ErrorMessage};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::sync::Arc;
use wangge_core::guide::{GuideItem, LifeEvent};

/// Cards shown at first, and added by each 显示更多.
const PAGE: usize = 50;

type Shared = Signal<Option<Arc<Snapshot>>>;

#[component]
pub fn GuideList() -> impl IntoView {
    let s = Settings::get();
    let cat = Catalogue::open();
    let snapshot: Shared = {
        let c = cat.snapshot.clone();
        Signal::derive(move || c.get())
    };
    let sync = {
        let c = cat.sync.clone();
        Signal::derive(move || c.get())
    };
    let error = {
        let c = cat.error.clone();
        Signal::derive(move || c.get())
    };
    let query = use_query_map();
    let url_text = Memo::new(move |_| query.with(|q| q.get("q").unwrap_or_default()));
    let event = Memo::new(move |_| query.with(|q| q.get("event")).and_then(|e| event_of(&e)));
    let department = Memo::new(move |_| query.with(|q| q.get("dept")));

    // What is in the box; the URL follows it (replacing, so back skips the keystrokes),
    // and it follows the URL on back and forward. The box is written only when the URL
    // says something else, never while someone is typing (an IME would lose its word).
    let text = RwSignal::new(url_text.get_untracked());
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        let wanted = url_text.get();
        if text.get_untracked() != wanted {
            if let Some(el) = input.get_untracked() {
                el.set_value(&wanted);
            }
            text.set(wanted);
        }
    });
    let navigate = use_navigate();
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        let to = if typed.trim().is_empty() {
            "/guide".to_owned()
        } else {
            format!("/guide?q={}", js_sys::encode_uri_component(&typed))
        };
        navigate(
            &to,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };

    // Searched on every keystroke: the index was built once, when the catalogue loaded.
    let hits = Memo::new(move |_| {
        let q = text.get();
        if q.trim().is_empty() {
            return None;
        }
        snapshot.with(|s| s.as_ref().map(|s| (s.search(&q), q.clone())))
    });

    let body = move || {
        let Some(snap) = snapshot.get() else {
            return match (sync.get(), error.get()) {
                (SyncState::Failed, Some(AppError::Offline)) => view! {
                    <div class="error-box" role="alert" data-testid="guide-unavailable">
                        <p>{move || s.t(
                            "网络不通，办事指南还没有保存到这台手机上。请连上网络后打开一次，以后没有网络也能查。",
                            "You are offline and the guide is not saved on this phone yet. Open it once online; after that it works without a network.",
                        )}</p>
                    </div>
                }
                .into_any(),
                (SyncState::Failed, Some(e)) => view! { <ErrorMessage error=e/> }.into_any(),
                _ => view! {
                    <p class="loading" role="status">{move || s.t("正在加载办事指南…", "Loading the guide…")}</p>
                }
                .into_any(),
            };
        };
        if snap.len() == 0 {
            return view! {
                <p class="empty">{move || s.t("还没有发布办事事项。", "No service has been published yet.")}</p>
            }
            .into_any();
        }
        if let Some((found, text)) = hits.get() {
            return view! { <SearchResults snap found text/> }.into_any();
        }
        if let Some(e) = event.get() {
            let found = snap.in_event(e);
            return view! {
                <Listing snap found heading=Signal::derive(move || event_label(s, e).to_owned())/>
            }
            .into_any();
        }
        if let Some(d) = department.get() {
            let found = snap.in_department(&d);
            return view! { <Listing snap found heading=Signal::stored(d)/> }.into_any();
        }
        view! { <Browse snap/> }.into_any()
    };

    view! {
        <section class="guide">
            <h1>{move || s.t("办事指南", "Service guide")}</h1>
            <div class="guide-search">
                <label for="guide-q" class="guide-search-label">
                    {move || s.t("搜索办事事项", "Search for a service")}
                </label>
                <input
                    id="guide-q"
                    node_ref=input
                    type="search"
                    inputmode="search"
                    enterkeyhint="search"
                    autocomplete="off"
                    data-testid="guide-search"
                    placeholder=move || s.t("例如：养老保险、ylbx、身份证", "e.g. 养老保险, ylbx, 身份证")
                    value=text.get_untracked()
                    on:input=on_input
                />
            </div>
            <SyncBadge sync/>
            {move || snapshot.with(|snap| snap.as_ref().filter(|s| s.len() > 0).map(|snap| {
                let n = snap.len();
                view! {
                    <p class="guide-count" data-testid="guide-count">
                        {move || match s.lang.get() {
                            crate::i18n::Lang::Zh => format!("共 {n} 项事项，没有网络也能查"),
                            crate::i18n::Lang::En => format!("{n} services, searchable offline"),
                        }}
                    </p>
                }
            }))}
            {body}
        </section>
    }
}

#[component]
fn SearchResults(snap: Arc<Snapshot>, found: Vec<usize>, text: String) -> impl IntoView {
    let s = Settings::get();
    if found.is_empty() {
        return view! {
            <div class="guide-none" data-testid="guide-no-results">
                <h2>{move || s.t("没有找到", "Nothing found")}</h2>
                <p>
                    {move || match s.lang.get() {
                        crate::i18n::Lang::Zh => format!("没有找到和“{text}”有关的事项。换个说法试试，或者按人生大事找："),
                        crate::i18n::Lang::En => format!("No service matches “{text}”. Try other words, or browse by life event:"),
                    }}
                </p>
                <EventChips snap/>
            </div>
        }
        .into_any();
    }
    let n = found.len();
    view! {
        <h2 class="guide-heading" data-testid="guide-found">
            {move || match s.lang.get() {
                crate::i18n::Lang::Zh => format!("找到 {n} 项"),
                crate::i18n::Lang::En => format!("{n} found"),
            }}
        </h2>
        <Cards snap found/>
    }
    .into_any()
}

/// One life event's or one department's items.
#[component]
fn Listing(snap: Arc<Snapshot>, found: Vec<usize>, heading: Signal<String>) -> impl IntoView {
    let s = Settings::get();
    let n = found.len();
    view! {
        <p class="crumbs"><a href="/guide">{move || s.t("← 全部分类", "← All categories")}</a></p>
        <h2 class="guide-heading">
            {move || heading.get()}
            <span class="guide-heading-count">
                {move || match s.lang.get() {
                    crate::i18n::Lang::Zh => format!("（{n} 项）"),
                    crate::i18n::Lang::En => format!(" ({n})"),
                }}
            </span>
        </h2>
        {(n == 0).then(|| view! {
            <p class="empty">{move || s.t("这一类暂时没有事项。", "Nothing here yet.")}</p>
        })}
        <Cards snap found/>
    }
}

/// Items as large cards, the first `PAGE` at once, more on request.
#[component]
fn Cards(snap: Arc<Snapshot>, found: Vec<usize>) -> impl IntoView {
    let s = Settings::get();
    let shown = RwSignal::new(PAGE);
    let total = found.len();
    let cards = move || {
        found
            .iter()
            .take(shown.get())
            .filter_map(|i| snap.at(*i))
            .map(|item| view! { <Card item=item.clone()/> })
            .collect_view()
    };
    view! {
        <ul class="guide-cards" data-testid="guide-results">{cards}</ul>
        <Show when=move || { shown.get() < total }>
            <p class="actions">
                <button
                    class="button secondary"
                    data-testid="guide-more"
                    on:click=move |_| shown.update(|n| *n += PAGE)
                >
                    {move || match s.lang.get() {
                        crate::i18n::Lang::Zh => format!("显示更多（还有 {} 项）", total - shown.get()),
                        crate::i18n::Lang::En => format!("Show more ({} left)", total - shown.get()),
                    }}
                </button>
            </p>
        </Show>
    }
}

#[component]
fn Card(item: GuideItem) -> impl IntoView {
    let s = Settings::get();
    let promised = item.promised_days;
    view! {
        <li>
            <A href=item_path(&item.code) attr:class="guide-card" attr:data-testid="guide-card">
                <span class="guide-card-name">{item.name}</span>
                <span class="guide-card-meta">{item.department}</span>
                {promised.map(|d| view! {
                    <span class="guide-card-meta">
                        {move || s.t("承诺时限：", "Promised: ")}{move || days_text(s, d)}
                    </span>
                })}
            </A>
        </li>
    }
}

/// Browsing: the life events, then the departments.
#[component]
fn Browse(snap: Arc<Snapshot>) -> impl IntoView {
    let s = Settings::get();
    let departments = snap.departments().to_vec();
    view! {
        <section class="guide-browse" aria-labelledby="guide-by-event">
            <h2 id="guide-by-event">{move || s.t("按人生大事找", "Browse by life event")}</h2>
            <EventChips snap/>
        </section>
        <section class="guide-browse" aria-labelledby="guide-by-department">
            <h2 id="guide-by-department">{move || s.t("按办理部门找", "Browse by department")}</h2>
            <ul class="guide-departments" data-testid="guide-departments">
                {departments.into_iter().map(|(name, n)| {
                    let href = format!("/guide?dept={}", js_sys::encode_uri_component(&name));
                    view! {
                        <li>
                            <A href=href attr:class="guide-department">
                                <span>{name}</span>
                                <span class="guide-count-badge">
                                    {move || match s.lang.get() {
                                        crate::i18n::Lang::Zh => format!("{n} 项"),
                                        crate::i18n::Lang::En => n.to_string(),
                                    }}
                                </span>
                            </A>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The twelve life events with how many items each has.
#[component]
fn EventChips(snap: Arc<Snapshot>) -> impl IntoView {
    let s = Settings::get();
    view! {
        <ul class="event-chips" data-testid="guide-events">
            {LifeEvent::ALL.into_iter().map(|e| {
                let n = snap.event_count(e);
                view! {
                    <li>
                        <A href=format!("/guide?event={}", event_slug(e)) attr:class="event-chip">
                            <span>{move || event_label(s, e)}</span>
                            <span class="guide-count-badge">
                                {move || match s.lang.get() {
                                    crate::i18n::Lang::Zh => format!("{n} 项"),
                                    crate::i18n::Lang::En => n.to_string(),
                                }}
                            </span>
                        </A>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
