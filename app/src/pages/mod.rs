//! The shell (top bar, navigation, settings) and one module per route.

mod account;
mod admin;
mod admin_records;
pub mod grids;
mod guide;
mod home;
mod households;
mod lazy;
mod photos;
mod points;
mod reports;
mod resident;
mod sync;

lazy::lazy_route!(
    /// `/account` (staff sign-in, then who is signed in) and `/account/sync` (what this phone still
    /// has to send): the phone's own pages, one chunk.
    AccountRoute => account_page, super::OwnPages
);
lazy::lazy_route!(
    /// `/activate[/{code}]` (a resident's phone gets in without a password) and
    /// `/household` (the resident's own household): the resident's pages, one chunk.
    ResidentRoute => household_page, super::resident::ResidentPages
);
lazy::lazy_route!(
    /// `/households` and `/households/{id}`: a grid's register for its staff.
    HouseholdsRoute => households_page, super::households::Households
);
lazy::lazy_route!(
    /// `/admin`: spreadsheets in and out, for administrators.
    AdminRoute => admin_page, super::admin::Admin
);
lazy::lazy_route!(
    /// `/admin/grids[/{code}]`: the grid tree, one grid at a time, for administrators.
    AdminGridsRoute => admin_grids_page, super::admin_records::AdminGrids
);
lazy::lazy_route!(
    /// `/admin/people[/{login}]`: staff and their roles, one at a time.
    AdminPeopleRoute => admin_people_page, super::admin_records::AdminPeople
);
lazy::lazy_route!(
    /// `/admin/departments`: the departments that take dispatched reports.
    AdminDepartmentsRoute => admin_departments_page, super::admin_records::AdminDepartments
);
lazy::lazy_route!(
    /// `/guide[/{code}]`: the service guide, searchable offline, and one item for elderly
    /// readers (one chunk: the two share the catalogue).
    GuideRoute => guide_page, super::guide::Guide
);
lazy::lazy_route!(
    /// `/admin/guide[/{code}|/new]`: administrators' list of guide items (withdrawn ones
    /// too) and one item as one form, with every version kept and restorable.
    AdminGuideRoute => admin_guide_page, super::guide::AdminGuide
);

use crate::api::SyncState;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, Lazy};

/// `/account` or `/account/sync`, by the path: one route and one chunk (each top-level route
/// costs the shell its share of the router's match code).
#[component]
fn OwnPages() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    move || {
        if location.pathname.with(|p| p.starts_with("/account/sync")) {
            view! { <sync::SyncPage/> }.into_any()
        } else {
            view! { <account::Account/> }.into_any()
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    Settings::provide();
    crate::outbox::Outbox::provide();
    // A thin bar while a section's chunk loads (the old page stays until the new one is ready).
    let routing = RwSignal::new(false);
    view! {
        <Router set_is_routing=routing.write_only()>
            <div class="routing-bar" class:active=move || routing.get() aria-hidden="true"></div>
            <TopBar/>
            <main class="page">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=home::Home/>
                    <Route path=path!("/grids") view={Lazy::<grids::DirectoryRoute>::new()}/>
                    <Route path=path!("/g/:code") view=grids::Card/>
                    <Route path=path!("/account/:tab?") view={Lazy::<AccountRoute>::new()}/>
                    // One entry per section (an optional last segment, not two routes): past
                    // 16 entries the router's match code doubles in the shell.
                    <Route path=path!("/activate/:code?") view={Lazy::<ResidentRoute>::new()}/>
                    <Route path=path!("/household") view={Lazy::<ResidentRoute>::new()}/>
                    <Route path=path!("/households/:id?") view={Lazy::<HouseholdsRoute>::new()}/>
                    <Route path=path!("/guide/:code?") view={Lazy::<GuideRoute>::new()}/>
                    <Route path=path!("/admin") view={Lazy::<AdminRoute>::new()}/>
                    <Route path=path!("/admin/grids/:code?") view={Lazy::<AdminGridsRoute>::new()}/>
                    <Route path=path!("/admin/people/:login?") view={Lazy::<AdminPeopleRoute>::new()}/>
                    <Route path=path!("/admin/departments") view={Lazy::<AdminDepartmentsRoute>::new()}/>
                    <Route path=path!("/admin/guide/:code?") view={Lazy::<AdminGuideRoute>::new()}/>
                    <Route path=path!("/reports/:id?") view=reports::Reports/>
                    <Route path=path!("/points/:tab?") view=points::Points/>
                </Routes>
            </main>
            <BottomNav/>
        </Router>
    }
}

#[component]
fn TopBar() -> impl IntoView {
    let s = Settings::get();
    let next_lang = move || match s.lang.get() {
        crate::i18n::Lang::Zh => crate::i18n::Lang::En,
        crate::i18n::Lang::En => crate::i18n::Lang::Zh,
    };
    view! {
        <header class="topbar no-print">
            <A href="/" attr:class="brand">{move || s.t("网格通", "Wangge")}</A>
            <div class="topbar-actions">
                <OutboxChip/>
                <A href="/account" attr:class="chip" attr:data-testid="account-link">
                    {move || s.t("账号", "Account")}
                </A>
                // The visible text starts the accessible name (WCAG 2.5.3 label in name).
                <button
                    class="chip"
                    data-testid="lang-toggle"
                    on:click=move |_| s.lang.set(next_lang())
                >
                    {move || s.t("EN", "中文")}
                    <span class="visually-hidden">{move || s.t("（切换到英文）", " (switch to Chinese)")}</span>
                </button>
                <button
                    class="chip"
                    data-testid="elderly-toggle"
                    aria-pressed=move || s.elderly.get().to_string()
                    on:click=move |_| s.elderly.update(|e| *e = !*e)
                >
                    {move || s.t("长辈模式", "Large text")}
                </button>
            </div>
        </header>
    }
}

/// The three missions plus the directory.
#[component]
fn BottomNav() -> impl IntoView {
    let s = Settings::get();
    view! {
        <nav class="bottomnav no-print" aria-label=move || s.t("主导航", "Main navigation")>
            <A href="/" attr:class="nav-item" exact=true>
                <span class="nav-icon" aria-hidden="true">"⌂"</span>
                <span>{move || s.t("首页", "Home")}</span>
            </A>
            <A href="/grids" attr:class="nav-item">
                <span class="nav-icon" aria-hidden="true">"▦"</span>
                <span>{move || s.t("找网格", "Grids")}</span>
            </A>
            <A href="/reports" attr:class="nav-item">
                <span class="nav-icon" aria-hidden="true">"✎"</span>
                <span>{move || s.t("报事", "Report")}</span>
                <UnreadBadge/>
            </A>
            <A href="/points" attr:class="nav-item">
                <span class="nav-icon" aria-hidden="true">"★"</span>
                <span>{move || s.t("积分超市", "Points")}</span>
            </A>
            <A href="/guide" attr:class="nav-item">
                <span class="nav-icon" aria-hidden="true">"☰"</span>
                <span>{move || s.t("办事指南", "Guide")}</span>
            </A>
        </nav>
    }
}

/// The unread notices (assigned to you, resolved — please rate) beside 报事; nothing when
/// signed out or offline. Asked again on every page change and whenever the outbox sent
/// something.
#[component]
fn UnreadBadge() -> impl IntoView {
    let s = Settings::get();
    let outbox = crate::outbox::Outbox::get();
    let location = leptos_router::hooks::use_location();
    let unread = RwSignal::new(0u32);
    Effect::new(move |_| {
        location.pathname.track();
        outbox.synced.track();
        // Nobody signed in (the server's readable hint cookie): nothing to ask.
        let cookie = js_sys::Reflect::get(&document(), &"cookie".into())
            .ok()
            .and_then(|c| c.as_string())
            .unwrap_or_default();
        if !cookie.contains("wangge_signed_in=1") {
            unread.set(0);
            return;
        }
        leptos::task::spawn_local(async move {
            unread.try_set(crate::api::unread().await.unwrap_or(0));
        });
    });
    move || {
        let n = unread.get();
        (n > 0).then(|| {
            view! {
                <span class="badge" data-testid="unread-count">
                    {n}<span class="visually-hidden">{move || s.t("条未读消息", " unread")}</span>
                </span>
            }
        })
    }
}

/// The sync badge: how many writes this phone still has to send (or had refused).
#[component]
fn OutboxChip() -> impl IntoView {
    let s = Settings::get();
    let outbox = crate::outbox::Outbox::get();
    move || {
        let (waiting, failed) = (outbox.waiting.get(), outbox.failed.get());
        (waiting + failed > 0).then(|| {
            let class = if failed > 0 {
                "chip chip-alert"
            } else {
                "chip"
            };
            view! {
                <A href="/account/sync" attr:class=class attr:data-testid="outbox-chip">
                    {move || if failed > 0 {
                        format!("{}{failed}", s.t("未保存 ", "Refused "))
                    } else {
                        format!("{}{waiting}", s.t("待同步 ", "To sync "))
                    }}
                </A>
            }
        })
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let s = Settings::get();
    view! {
        <section class="empty">
            <h1>{move || s.t("页面不存在", "Page not found")}</h1>
            <p>{move || s.t("这个地址没有内容，可能是链接写错了。", "Nothing lives at this address; the link may be wrong.")}</p>
            <A href="/" attr:class="button">{move || s.t("回到首页", "Back to home")}</A>
        </section>
    }
}

/// Static class names: `to_lowercase` would bring Unicode case tables into the shell.
fn sync_class(sync: SyncState) -> &'static str {
    match sync {
        SyncState::Loading => "sync sync-loading",
        SyncState::Revalidating => "sync sync-revalidating",
        SyncState::Fresh => "sync sync-fresh",
        SyncState::Offline => "sync sync-offline",
        SyncState::Stale => "sync sync-stale",
        SyncState::Failed => "sync sync-failed",
    }
}

/// Tells where the data on screen came from: loading, updating, saved copy while offline.
#[component]
pub fn SyncBadge(#[prop(into)] sync: Signal<SyncState>) -> impl IntoView {
    let s = Settings::get();
    view! {
        <p class=move || sync_class(sync.get()) role="status" data-testid="sync">
            {move || match sync.get() {
                SyncState::Loading => s.t("正在加载…", "Loading…"),
                SyncState::Revalidating => s.t("正在更新…", "Updating…"),
                SyncState::Fresh => s.t("已是最新", "Up to date"),
                SyncState::Offline => s.t("离线中，显示的是上次保存的内容", "Offline: showing the saved copy"),
                SyncState::Stale => s.t("暂时无法更新，显示的是上次保存的内容", "Could not update: showing the saved copy"),
                SyncState::Failed => s.t("未能加载", "Could not load"),
            }}
        </p>
    }
}
