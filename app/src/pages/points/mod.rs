//! 积分超市 (one lazy chunk), `/points[/{tab}]`. Each role starts on its own tab:
//! a resident on 我的积分 (the balances, the passbook to print, goods they can afford) with
//! 兑换码 (the household pass, kept to show offline); grid staff on 记分 (an award for
//! households of their grid, through the outbox); the village's people on 公示 (the board,
//! objections, the leader's approvals, rankings and stars); a shop clerk on 兑换 (scan or
//! find the household, pick goods, one confirmed redemption that needs the network) and
//! 今日 (the day's redemptions, returns, the reconciliation as CSV); the village leader on
//! 细则 too (the rule book, edited here or as a spreadsheet).

mod award;
mod board;
mod mine;
mod rules;
mod shop;

use super::lazy::lazy_part;
use crate::api::{load, Loaded};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wangge_core::accounts::{AccountRole, Me, Scope};
use wangge_core::points::EntryKind;
use wangge_core::API_PREFIX;

/// Outbox kinds of the points section.
const AWARD_KIND: &str = "points.award";
const OBJECTION_KIND: &str = "points.objection";

fn me() -> ReadSignal<Loaded<Me>> {
    load::<Me>(|| format!("{API_PREFIX}/me"))
}

/// The village (12 digits) a grid scope lies in, or covers.
fn village_of(code: &str) -> Option<String> {
    (code.len() >= 12).then(|| code[..12].to_owned())
}

/// The village whose points this account sees: its household's, its grid's, or its shop's.
fn my_village(me: &Me) -> Option<String> {
    me.roles.iter().find_map(|g| match &g.scope {
        Scope::Grid(code) => village_of(code),
        Scope::Shop(id) => id.strip_prefix("shop-").and_then(village_of),
        Scope::Department(_) => None,
    })
}

fn my_shop(me: &Me) -> Option<String> {
    me.roles.iter().find_map(|g| match (&g.role, &g.scope) {
        (AccountRole::ShopClerk, Scope::Shop(id)) => Some(id.clone()),
        _ => None,
    })
}

/// Grid staff who record awards.
fn awards(me: &Me) -> bool {
    me.roles.iter().any(|g| {
        matches!(
            g.role,
            AccountRole::GridWorker | AccountRole::GridLeader | AccountRole::GridInstructor
        )
    })
}

/// A leader over a whole village (or more), as the Worker's check has it: a sub-grid's
/// leader neither decides awards nor keeps the rule book.
fn leads(me: &Me) -> bool {
    me.roles.iter().any(|g| {
        g.role == AccountRole::GridLeader && matches!(&g.scope, Scope::Grid(c) if c.len() <= 12)
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Mine,
    Pass,
    Award,
    Board,
    Rules,
    Shop,
    Today,
    Goods,
}

impl Tab {
    fn path(self) -> &'static str {
        match self {
            Tab::Mine => "/points/mine",
            Tab::Pass => "/points/pass",
            Tab::Award => "/points/award",
            Tab::Board => "/points/board",
            Tab::Rules => "/points/rules",
            Tab::Shop => "/points/shop",
            Tab::Today => "/points/today",
            Tab::Goods => "/points/goods",
        }
    }

    fn parse(s: &str) -> Option<Tab> {
        Some(match s {
            "mine" => Tab::Mine,
            "pass" => Tab::Pass,
            "award" => Tab::Award,
            "board" => Tab::Board,
            "rules" => Tab::Rules,
            "shop" => Tab::Shop,
            "today" => Tab::Today,
            "goods" => Tab::Goods,
            _ => return None,
        })
    }

    fn label(self, s: Settings) -> &'static str {
        match self {
            Tab::Mine => s.t("我的积分", "My points"),
            Tab::Pass => s.t("兑换码", "Pass"),
            Tab::Award => s.t("记分", "Award"),
            Tab::Board => s.t("公示", "Board"),
            Tab::Rules => s.t("细则", "Rules"),
            Tab::Shop => s.t("兑换", "Redeem"),
            Tab::Today => s.t("今日兑换", "Today"),
            Tab::Goods => s.t("商品", "Goods"),
        }
    }
}

/// The tabs an account has, its first being where `/points` opens.
fn tabs_of(me: &Me) -> Vec<Tab> {
    let mut tabs = Vec::new();
    if my_shop(me).is_some() {
        tabs.extend([Tab::Shop, Tab::Today, Tab::Goods]);
    }
    if me.household.is_some() {
        tabs.extend([Tab::Mine, Tab::Pass]);
    }
    if awards(me) {
        tabs.push(Tab::Award);
    }
    if my_village(me).is_some() {
        tabs.push(Tab::Board);
        if leads(me) {
            tabs.push(Tab::Rules);
        }
    }
    tabs
}

// Four chunks, by who uses them (one would be over its budget): the resident's, the
// village's (awards and the board), the leader's rule book (its editor and CSV reader would
// take the village's over budget), the clerk's. As in 报事, the choice is in the shell: a
// split point inside another chunk's view would break the unsplit wasm test build.
lazy_part!(MinePart => points_mine, super::MinePage);
lazy_part!(VillagePart => points_village, super::VillagePage);
lazy_part!(RulesPart => points_rules, super::RulesPage);
lazy_part!(CounterPart => points_counter, super::CounterPage);

/// `/points[/{tab}]`: the part that holds the tab (`/points` itself: the resident's part,
/// which sends other roles on to their first tab).
#[component]
pub fn Points() -> impl IntoView {
    let params = use_params_map();
    move || match params.with(|p| p.get("tab")).as_deref() {
        Some("award" | "board") => view! { <VillagePart/> }.into_any(),
        Some("rules") => view! { <RulesPart/> }.into_any(),
        Some("shop" | "today" | "goods") => view! { <CounterPart/> }.into_any(),
        _ => view! { <MinePart/> }.into_any(),
    }
}

#[component]
fn MinePage() -> impl IntoView {
    view! {
        <Frame render=|tab, me| match tab {
            Tab::Pass => view! { <mine::Pass me/> }.into_any(),
            _ => view! { <mine::MyPoints me/> }.into_any(),
        }/>
    }
}

#[component]
fn VillagePage() -> impl IntoView {
    view! {
        <Frame render=|tab, me| match tab {
            Tab::Award => view! { <award::AwardForm me/> }.into_any(),
            _ => view! { <board::VillageBoard me/> }.into_any(),
        }/>
    }
}

#[component]
fn RulesPage() -> impl IntoView {
    view! {
        <Frame render=|tab, me| match tab {
            Tab::Rules => view! { <rules::RuleEditor me/> }.into_any(),
            // An old link followed by someone who does not keep the book.
            _ => view! { <p class="empty" data-testid="rules-not-yours">{move || Settings::get().t(
                "只有村里的网格长可以修改积分细则。细则全文在“公示”里可以看到。",
                "Only the village's grid leader edits the rules; everyone can read them under Board.",
            )}</p> }.into_any(),
        }/>
    }
}

#[component]
fn CounterPage() -> impl IntoView {
    view! {
        <Frame render=|tab, me| match tab {
            Tab::Today => view! { <shop::Today me/> }.into_any(),
            Tab::Goods => view! { <shop::Shelf me/> }.into_any(),
            _ => view! { <shop::Counter me/> }.into_any(),
        }/>
    }
}

/// The section's heading and the account's tabs around the tab's own view; signed out, the
/// way in. `/points` opens on the account's first tab.
#[component]
fn Frame(render: fn(Tab, Me) -> AnyView) -> impl IntoView {
    let s = Settings::get();
    let me = me();
    let params = use_params_map();
    let navigate = leptos_router::hooks::use_navigate();
    view! {
        <section class="points">
            {move || {
                let loaded = me.get();
                match loaded.data {
                    Some(m) if !m.login.is_empty() => {
                        let tabs = tabs_of(&m);
                        let asked = params.with(|p| p.get("tab")).as_deref().and_then(Tab::parse);
                        let tab = asked.filter(|t| tabs.contains(t)).or(tabs.first().copied());
                        if asked.is_none() {
                            if let Some(t) = tab.filter(|t| !matches!(t, Tab::Mine | Tab::Pass)) {
                                // After this render, not inside it.
                                let navigate = navigate.clone();
                                request_animation_frame(move || {
                                    let options = leptos_router::NavigateOptions { replace: true, ..Default::default() };
                                    navigate(t.path(), options);
                                });
                            }
                        }
                        let links = tabs.iter().map(|&t| view! {
                            <A href=t.path() attr:class="chip-link"
                                attr:aria-current=move || (Some(t) == tab).then_some("page")
                                attr:data-testid=format!("points-tab-{}", &t.path()[8..])>
                                {move || t.label(s)}
                            </A>
                        }).collect_view();
                        view! {
                            <h1>{move || s.t("积分超市", "Points supermarket")}</h1>
                            <nav class="tabs actions no-print" aria-label=move || s.t("积分分类", "Points sections")>{links}</nav>
                            {match tab {
                                Some(t) => render(t, m),
                                None => view! {
                                    <p class="empty">{move || s.t("这个账号没有积分超市的内容。", "Nothing of the points supermarket for this account.")}</p>
                                }.into_any(),
                            }}
                        }.into_any()
                    }
                    _ if loaded.sync == crate::api::SyncState::Loading => view! {
                        <p class="loading" role="status">{move || s.t("正在加载…", "Loading…")}</p>
                    }.into_any(),
                    _ => view! {
                        <h1>{move || s.t("积分超市", "Points supermarket")}</h1>
                        <p class="lead">{move || s.t(
                            "按村规民约攒积分，到村里的积分超市兑换日用品。请先登录：居民用网格员给的开通码，工作人员用账号密码。",
                            "Earn points under your village's rules and redeem them at the village shop. Sign in first: residents with the code from their grid worker, staff with their password.",
                        )}</p>
                        <p class="actions">
                            <A href="/activate" attr:class="button">{move || s.t("输入开通码", "Enter an activation code")}</A>
                            <A href="/account" attr:class="button secondary">{move || s.t("工作人员登录", "Staff sign-in")}</A>
                        </p>
                    }.into_any(),
                }
            }}
        </section>
    }
}

/// What an entry was, in words.
fn kind_label(s: Settings, kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Award => s.t("记分（公示）", "Award (notice)"),
        EntryKind::Approve => s.t("审核通过", "Approved"),
        EntryKind::Void => s.t("作废", "Voided"),
        EntryKind::Redeem => s.t("兑换商品", "Redeemed"),
        EntryKind::Reverse => s.t("冲正", "Reversed"),
        EntryKind::Expire => s.t("积分过期", "Expired"),
    }
}

/// `+5` / `-3` / `0`.
fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// `2026-11-22` in the phone's time zone.
fn day(ms: i64) -> String {
    let d = js_sys::Date::new(&(ms as f64).into());
    format!(
        "{}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// `2026-11-22 14:05`.
fn when(ms: i64) -> String {
    let d = js_sys::Date::new(&(ms as f64).into());
    format!("{} {:02}:{:02}", day(ms), d.get_hours(), d.get_minutes())
}
