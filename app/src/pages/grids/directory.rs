//! `/grids` (找网格): the tree, filtered as you type. Villages fold so a county with
//! hundreds of grids stays readable; typing unfolds whatever matches.

use super::{kind_tag, level_label};
use crate::api::{load, SyncState};
use crate::error::ErrorMessage;
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;
use wangge_core::grids::{card_path, GridLevel, GridNode, GridTree};

#[component]
pub fn Directory() -> impl IntoView {
    let s = Settings::get();
    let tree = load::<GridTree>(|| format!("{}/grids", wangge_core::API_PREFIX));
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(BTreeSet::<String>::new());

    let rows = move || {
        let state = tree.get();
        let Some(t) = state.data else {
            return Vec::new();
        };
        let q = query.get();
        let visible = t.filter(&q);
        let searching = !q.trim().is_empty();
        let opened = open.get();
        t.nodes
            .into_iter()
            .filter(|n| visible.contains(&n.code))
            .filter(|n| {
                // Without a search, a grid shows only under an unfolded village.
                searching
                    || n.level != GridLevel::Grid
                    || n.parent.as_ref().is_some_and(|p| opened.contains(p))
            })
            .collect::<Vec<_>>()
    };

    view! {
        <section class="directory">
            <h1>{move || s.t("找网格", "Find your grid")}</h1>
            <label class="search">
                <span class="visually-hidden">{move || s.t("搜索", "Search")}</span>
                <input
                    type="search"
                    data-testid="grid-filter"
                    placeholder=move || s.t("输入村名、网格名、街道或门牌号", "Village, grid, street or house number")
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <SyncBadge sync=Signal::derive(move || tree.get().sync)/>
            {move || tree.get().error.map(|e| view! { <ErrorMessage error=e/> })}
            <Show when=move || {
                let st = tree.get();
                st.data.is_some() && rows().is_empty()
            }>
                <p class="empty" data-testid="no-match">
                    {move || s.t("没有找到匹配的网格，换个词试试，比如村名或路名。", "No grid matches; try a village or street name.")}
                </p>
            </Show>
            <Show when=move || tree.get().sync == SyncState::Loading && tree.get().data.is_none()>
                <p class="loading">{move || s.t("正在加载网格目录…", "Loading the directory…")}</p>
            </Show>
            <ul class="tree" data-testid="grid-tree">
                <For each=rows key=|n| n.code.clone() let:node>
                    <TreeRow node=node open=open searching=Signal::derive(move || !query.get().trim().is_empty())/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn TreeRow(
    node: GridNode,
    open: RwSignal<BTreeSet<String>>,
    searching: Signal<bool>,
) -> impl IntoView {
    let s = Settings::get();
    let depth = match node.level {
        GridLevel::County => 0,
        GridLevel::Township => 1,
        GridLevel::Village => 2,
        GridLevel::Grid => 3,
    };
    let foldable = node.level == GridLevel::Village;
    let code = node.code.clone();
    let is_open = {
        let code = code.clone();
        move || searching.get() || open.with(|o| o.contains(&code))
    };
    let toggle = {
        let code = code.clone();
        move |_| {
            open.update(|o| {
                if !o.remove(&code) {
                    o.insert(code.clone());
                }
            })
        }
    };
    let level = node.level;
    let kind = node.kind;
    view! {
        <li class=format!("tree-row depth-{depth}") data-code=code.clone()>
            <A href=card_path(&code) attr:class="tree-link">
                <span class="tree-name">{node.name.clone()}</span>
                <span class="tree-meta">
                    {move || level_label(s, level)}
                    {move || kind_tag(s, kind).map(|t| view! { <span class="tag">{t}</span> })}
                </span>
                <span class="tree-scope">{node.scope.clone()}</span>
            </A>
            {foldable.then(|| {
                let is_open2 = is_open.clone();
                view! {
                    <button
                        class="fold"
                        aria-expanded=move || is_open().to_string()
                        on:click=toggle
                    >
                        {move || if is_open2() { s.t("收起", "Fold") } else { s.t("展开网格", "Show grids") }}
                    </button>
                }
            })}
        </li>
    }
}
