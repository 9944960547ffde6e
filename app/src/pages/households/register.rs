//! A base grid's household register: the households the server has, the ones still in
//! this phone's outbox, a filter, and more pages on demand.

use super::register_path;
use crate::api::{load, send};
use crate::error::{AppError, ErrorMessage};
use crate::outbox::{entries, Entry, EntryState, Outbox};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use wangge_core::accounts::{Me, Scope};
use wangge_core::grids::{GridLevel, GridNode, GridTree};
use wangge_core::households::{HouseholdPage, HouseholdSummary};
use wangge_core::API_PREFIX;

pub const REGISTER_KIND: &str = "household.register";

/// The base grids `me` may keep a register for, in code order.
pub fn my_grids(me: &Me, tree: &GridTree) -> Vec<GridNode> {
    tree.nodes
        .iter()
        .filter(|n| n.level == GridLevel::Grid)
        .filter(|n| {
            me.roles.iter().any(|g| {
                g.role.serves_households()
                    && matches!(&g.scope, Scope::Grid(_))
                    && g.scope.covers_grid(&n.code)
            })
        })
        .cloned()
        .collect()
}

#[component]
pub fn Register() -> impl IntoView {
    let s = Settings::get();
    let me = load::<Me>(|| format!("{API_PREFIX}/me"));
    let tree = load::<GridTree>(|| format!("{API_PREFIX}/grids"));
    let query = use_query_map();
    let grids = Memo::new(move |_| match (me.get().data, tree.get().data) {
        (Some(me), Some(tree)) => my_grids(&me, &tree),
        _ => Vec::new(),
    });
    let grid = Memo::new(move |_| {
        let wanted = query.with(|q| q.get("grid"));
        grids.with(|gs| {
            wanted
                .filter(|w| gs.iter().any(|g| &g.code == w))
                .or_else(|| gs.first().map(|g| g.code.clone()))
        })
    });
    let navigate = use_navigate();
    view! {
        <section class="households">
            <h1>{move || s.t("住户登记", "Household register")}</h1>
            {move || me.get().error.map(|e| view! {
                <ErrorMessage error=e/>
                <p class="actions"><A href="/account" attr:class="button">{move || s.t("去登录", "Sign in")}</A></p>
            })}
            {move || {
                let loaded = me.get().data.is_some() && tree.get().data.is_some();
                (loaded && grids.with(Vec::is_empty)).then(|| view! {
                    <p class="empty">{move || s.t("您的账号不负责任何网格的住户。", "Your account serves no grid's households.")}</p>
                })
            }}
            <Show when=move || { grids.with(|g| g.len() > 1) }>
                <label class="field">
                    <span>{move || s.t("网格", "Grid")}</span>
                    <select data-testid="grid-picker" on:change={
                        let navigate = navigate.clone();
                        move |ev| navigate(&register_path(&event_target_value(&ev)), Default::default())
                    }>
                        {move || grids.get().into_iter().map(|g| {
                            let selected = grid.get().as_deref() == Some(g.code.as_str());
                            view! { <option value=g.code.clone() selected=selected>{g.name}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            {move || grid.get().map(|code| view! { <GridRegister code/> })}
        </section>
    }
}

#[component]
fn GridRegister(code: String) -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let path = format!("{API_PREFIX}/grids/{code}/households");
    let first = outbox.load::<HouseholdPage>(path.clone());
    let more = RwSignal::new(Vec::<HouseholdSummary>::new());
    let next = RwSignal::new(None::<String>);
    let more_error = RwSignal::new(None::<AppError>);
    Effect::new(move |_| {
        more.set(Vec::new());
        more_error.set(None);
        next.set(first.with(|f| f.data.as_ref().and_then(|p| p.next.clone())));
    });
    let pending = RwSignal::new(Vec::<Entry>::new());
    {
        let path = path.clone();
        Effect::new(move |_| {
            outbox.synced.track();
            outbox.waiting.track();
            let path = path.clone();
            spawn_local(async move {
                let mine: Vec<Entry> = entries()
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|e| e.kind == REGISTER_KIND && e.path == path)
                    .collect();
                pending.try_set(mine);
            });
        });
    }
    let filter = RwSignal::new(String::new());
    let load_more = move |_| {
        let Some(after) = next.get_untracked() else {
            return;
        };
        let url = format!("{path}?after={after}");
        spawn_local(async move {
            match send::<(), HouseholdPage>("GET", &url, None).await {
                Ok(Some(page)) => {
                    more.update(|m| m.extend(page.items));
                    next.set(page.next);
                }
                Ok(None) => {}
                Err(e) => more_error.set(Some(e)),
            }
        });
    };
    let matches = move |h: &HouseholdSummary| {
        let q = filter.get();
        let q = q.trim();
        q.is_empty() || h.address.contains(q) || h.head.as_deref().is_some_and(|n| n.contains(q))
    };
    let new_href = format!("/households/new?grid={code}");
    view! {
        <p class="actions">
            <A href=new_href attr:class="button" attr:data-testid="register-new">{move || s.t("＋ 登记新户", "+ Register a household")}</A>
        </p>
        <SyncBadge sync=Signal::derive(move || first.get().sync)/>
        {move || first.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        <Show when=move || !pending.with(Vec::is_empty)>
            <h2>{move || s.t("待同步", "Waiting to sync")}</h2>
            <ul class="list" data-testid="pending">
                {move || pending.get().into_iter().map(|e| {
                    let failed = e.state == EntryState::Failed;
                    view! {
                        <li class="list-item pending">
                            <span>{move || s.lang.get().pick(&e.label_zh, &e.label_en).to_owned()}</span>
                            <span class=if failed { "tag tag-alert" } else { "tag" }>
                                {move || if failed { s.t("未能保存", "Refused") } else { s.t("待同步", "Waiting") }}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="lead"><A href="/account/sync">{move || s.t("查看同步详情", "See sync details")}</A></p>
        </Show>
        <label class="field">
            <span>{move || s.t("查找（地址或户主）", "Find (address or head)")}</span>
            <input type="search" data-testid="household-filter" prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))/>
        </label>
        {move || first.get().data.map(|page| {
            let empty = page.items.is_empty();
            view! {
                {empty.then(|| view! {
                    <p class="empty">{move || s.t("这个网格还没有登记住户。", "No household is registered in this grid yet.")}</p>
                })}
                <ul class="list" data-testid="households">
                    {move || page.items.iter().chain(more.get().iter()).filter(|h| matches(h)).cloned().map(|h| view! { <Row h/> }).collect_view()}
                </ul>
            }
        })}
        {move || more_error.get().map(|e| view! { <ErrorMessage error=e/> })}
        {move || next.get().is_some().then(|| view! {
            <button class="button secondary" on:click=load_more.clone()>{move || s.t("加载更多", "Load more")}</button>
        })}
    }
}

#[component]
fn Row(h: HouseholdSummary) -> impl IntoView {
    let s = Settings::get();
    let href = format!("/households/{}", h.id);
    let members = h.members;
    let activated = h.activated;
    view! {
        <li class="list-item">
            <A href=href>
                <strong>{h.head.unwrap_or_default()}</strong>
                <span>{h.address}</span>
                <small>{move || format!("{}{members}{}", s.t("", ""), s.t(" 人", if members == 1 { " member" } else { " members" }))}</small>
                <span class=if activated { "tag tag-ok" } else { "tag" }>
                    {move || if activated { s.t("已开通", "Activated") } else { s.t("未开通", "Not activated") }}
                </span>
            </A>
        </li>
    }
}
