//! 办事指南, the service guide (lazy, one chunk for the list and the item, which share the
//! catalogue; the administrators' screens are another): `/guide` finds an item — search as you
//! type (Chinese, pinyin, initials; the core's search over the catalogue on this phone),
//! or browse by life event and by department — and `/guide/{code}` shows one item for
//! elderly readers: large type, a materials checklist remembered on the phone, a one-tap
//! call, read-aloud and an A4 print view. Everything works offline once the guide was
//! opened online (`catalogue`).

mod catalogue;
mod edit;
mod item;
mod list;
mod speech;

pub use edit::AdminGuide;

use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wangge_core::guide::LifeEvent;

/// `/guide` (search and browse) and `/guide/{code}` (one item).
#[component]
pub fn Guide() -> impl IntoView {
    let params = use_params_map();
    move || match params.with(|p| p.get("code")) {
        Some(code) => view! { <item::GuideItemPage code/> }.into_any(),
        None => view! { <list::GuideList/> }.into_any(),
    }
}

pub fn item_path(code: &str) -> String {
    format!("/guide/{}", js_sys::encode_uri_component(code))
}

/// The URL word of a life event (`/guide?event=elderly`).
fn event_slug(event: LifeEvent) -> &'static str {
    match event {
        LifeEvent::Birth => "birth",
        LifeEvent::School => "school",
        LifeEvent::Work => "work",
        LifeEvent::Marriage => "marriage",
        LifeEvent::Hukou => "hukou",
        LifeEvent::Insurance => "insurance",
        LifeEvent::Elderly => "elderly",
        LifeEvent::Disability => "disability",
        LifeEvent::Assistance => "assistance",
        LifeEvent::Farming => "farming",
        LifeEvent::Housing => "housing",
        LifeEvent::Funeral => "funeral",
    }
}

fn event_of(slug: &str) -> Option<LifeEvent> {
    LifeEvent::ALL.into_iter().find(|e| event_slug(*e) == slug)
}

fn event_label(s: Settings, event: LifeEvent) -> &'static str {
    s.t(event.label_zh(), event.label_en())
}

/// A time limit in working days: 0 is 即办 (done on the spot).
fn days_text(s: Settings, days: u16) -> String {
    match (days, s.lang.get()) {
        (0, _) => s.t("即办", "on the spot").to_owned(),
        (n, crate::i18n::Lang::Zh) => format!("{n} 个工作日"),
        (1, crate::i18n::Lang::En) => "1 working day".to_owned(),
        (n, crate::i18n::Lang::En) => format!("{n} working days"),
    }
}
