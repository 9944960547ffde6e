//! `/g/{code}`: one grid's card — who serves it, their commitments (四公开), its place in
//! the tree, and the QR code that opens this very page. Prints as an A4 wall poster.

use super::{kind_tag, level_label, role_label};
use crate::api::load;
use crate::error::ErrorMessage;
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wangge_core::grids::{card_path, GridCard};

super::super::lazy::lazy_part!(
    /// The card's QR code: the encoder is a chunk of its own (a scan lands on the card, and
    /// its text must not wait for the QR maths), drawn a moment after the card.
    QrPart => grid_qr, super::Qr
);

/// The QR code of the card at this path (`/g/{code}`).
#[component]
fn Qr() -> impl IntoView {
    let code = use_params_map()
        .with_untracked(|p| p.get("code"))
        .unwrap_or_default();
    let url = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        card_path(&code)
    );
    let qr = wangge_core::qr::svg(&url).unwrap_or_default();
    view! { <div class="qr-svg" inner_html=qr></div> }
}

#[component]
pub fn Card() -> impl IntoView {
    let s = Settings::get();
    let params = use_params_map();
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    let card = load::<GridCard>(move || format!("{}/grids/{}", wangge_core::API_PREFIX, code()));

    view! {
        <section class="card-page">
            <SyncBadge sync=Signal::derive(move || card.get().sync)/>
            {move || card.get().error.map(|e| {
                let not_found = e.is_client_error();
                view! {
                    <ErrorMessage error=e/>
                    {not_found.then(|| view! {
                        <A href="/grids" attr:class="button">{move || s.t("去网格目录找一找", "Browse the directory")}</A>
                    })}
                }
            })}
            {move || card.get().data.map(|c| view! { <CardBody card=c/> })}
        </section>
    }
}

#[component]
fn CardBody(card: GridCard) -> impl IntoView {
    let s = Settings::get();
    let url = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        card_path(&card.grid.code)
    );
    let grid = card.grid.clone();
    let level = grid.level;
    let kind = grid.kind;
    let households = card.households;
    let people = card.people.clone();
    let children = card.children.clone();
    let has_children = !children.is_empty();
    let no_people = people.is_empty();

    view! {
        <nav class="crumbs no-print" aria-label=move || s.t("上级", "Parents")>
            {card.chain.into_iter().map(|n| view! {
                <A href=card_path(&n.code)>{n.name}</A>
                <span aria-hidden="true">" › "</span>
            }).collect_view()}
        </nav>
        <article class="grid-card" data-testid="grid-card">
            <p class="poster-only poster-slogan">"扫码找格 · 扫码找人"</p>
            <h1 data-testid="grid-name">{grid.name.clone()}</h1>
            <p class="grid-meta">
                <span class="tag">{move || level_label(s, level)}</span>
                {move || kind_tag(s, kind).map(|t| view! { <span class="tag tag-accent">{t}</span> })}
                <span class="code">{grid.code.clone()}</span>
            </p>
            {(!grid.scope.is_empty()).then(|| view! {
                <p class="scope">
                    <strong>{move || s.t("服务范围：", "Covers: ")}</strong>
                    {grid.scope.clone()}
                    {households.map(|h| view! { <span>{move || format!("{}{h}{}", s.t("（约", " (about "), s.t("户）", " households)"))}</span> })}
                </p>
            })}

            <h2>{move || s.t("网格服务人员", "Who serves this grid")}</h2>
            {no_people.then(|| view! {
                <p class="empty">{move || s.t("这个层级没有单独公示的人员，请查看下级网格。", "No one is posted at this level; see the grids below.")}</p>
            })}
            <ul class="people" data-testid="people">
                {people.into_iter().map(|p| {
                    let role = p.role;
                    view! {
                        <li class="person">
                            <p class="person-head">
                                <span class="role">{move || role_label(s, role)}</span>
                                <span class="person-name">{p.name}</span>
                            </p>
                            <p class="phone" data-testid="phone">
                                <span aria-hidden="true">"☎ "</span>{p.phone.clone()}
                                // A work phone shown with its owner's consent: one tap to call.
                                {p.phone_public.then(|| view! {
                                    <a class="button call no-print" data-testid="call" href=format!("tel:{}", p.phone)>
                                        {move || s.t("拨打", "Call")}
                                    </a>
                                })}
                            </p>
                            {(!p.commitment.is_empty()).then(|| view! {
                                <p class="commitment">
                                    <strong>{move || s.t("服务承诺：", "Commitment: ")}</strong>{p.commitment}
                                </p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>

            <figure class="qr" data-testid="qr">
                <QrPart/>
                <figcaption>
                    {move || s.t("扫一扫，打开本网格名片", "Scan to open this grid's card")}
                    <br/>
                    <span class="qr-url">{url.clone()}</span>
                </figcaption>
            </figure>
            <p class="no-print">
                <button class="button" data-testid="print" on:click=move |_| { let _ = window().print(); }>
                    {move || s.t("打印上墙海报（A4）", "Print A4 wall poster")}
                </button>
            </p>
        </article>

        {has_children.then(|| view! {
            <section class="children no-print">
                <h2>{move || s.t("下级网格", "Grids below")}</h2>
                <ul class="tree">
                    {children.into_iter().map(|c| {
                        let level = c.level;
                        view! {
                            <li class="tree-row">
                                <A href=card_path(&c.code) attr:class="tree-link">
                                    <span class="tree-name">{c.name}</span>
                                    <span class="tree-meta">{move || level_label(s, level)}</span>
                                    <span class="tree-scope">{c.scope}</span>
                                </A>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
