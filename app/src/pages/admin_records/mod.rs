//! The administrator's one-record screens (lazy, a chunk per section): grids
//! (`/admin/grids`, `/admin/grids/{code}`), staff and their roles (`/admin/people`,
//! `/admin/people/{login}`, `new` for a new account) and departments (`/admin/departments`);
//! the guide's editing screens (`pages::guide::edit`) share the frame and form helpers.
//! Nothing here deletes: history refers to every one of these records, so they are
//! deactivated instead, after a confirmation.
//!
//! Edits are sent at once, never through the outbox: the server must check the area, the
//! parents and the children when the edit is made, so an edit made offline is refused here
//! with a message rather than queued. Reads go through the cache like every other page.

mod departments;
mod grids;
mod people;

use crate::api::{load, send};
use crate::error::{ActionError, AppError, ErrorMessage};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wangge_core::accounts::{AccountRole, Me, Scope};
use wangge_core::problem::Detail;
use wangge_core::API_PREFIX;

/// Which screen a path stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Screen {
    GridRoots,
    Grid(String),
    Staff,
    NewAccount,
    Account(String),
    Departments,
    GuideList,
    GuideItem(String),
    NewGuideItem,
}

fn screen(path: &str, id: Option<String>) -> Screen {
    match (path, id) {
        (p, Some(code)) if p.starts_with("/admin/grids/") => Screen::Grid(code),
        (p, _) if p.starts_with("/admin/grids") => Screen::GridRoots,
        (p, Some(login)) if p.starts_with("/admin/people/") => {
            if login == "new" {
                Screen::NewAccount
            } else {
                Screen::Account(login)
            }
        }
        (p, _) if p.starts_with("/admin/people") => Screen::Staff,
        (p, Some(code)) if p.starts_with("/admin/guide/") => {
            if code == "new" {
                Screen::NewGuideItem
            } else {
                Screen::GuideItem(code)
            }
        }
        (p, _) if p.starts_with("/admin/guide") => Screen::GuideList,
        _ => Screen::Departments,
    }
}

/// `/admin/grids[/{code}]`, `/admin/people[/{login}]`, `/admin/departments`.
/// `/admin/grids[/{code}]` (its own chunk: each section stays within the chunk budget).
#[component]
pub fn AdminGrids() -> impl IntoView {
    frame(|roots, screen| match screen {
        Screen::Grid(code) => view! { <grids::GridPage code roots/> }.into_any(),
        _ => view! { <grids::GridRoots roots/> }.into_any(),
    })
}

/// `/admin/people[/{login}]`.
#[component]
pub fn AdminPeople() -> impl IntoView {
    frame(|roots, screen| match screen {
        Screen::NewAccount => view! { <people::NewAccount roots/> }.into_any(),
        Screen::Account(login) => view! { <people::AccountPage login/> }.into_any(),
        _ => view! { <people::StaffList/> }.into_any(),
    })
}

/// `/admin/departments`.
#[component]
pub fn AdminDepartments() -> impl IntoView {
    frame(|roots, _| view! { <departments::Departments roots/> }.into_any())
}

/// What every section shares: the section links, the sign-in and administrator checks,
/// the offline note; `body` draws the section's screen.
pub(crate) fn frame(body: fn(Vec<String>, Screen) -> AnyView) -> impl IntoView {
    let s = Settings::get();
    let me = load::<Me>(|| format!("{API_PREFIX}/me"));
    let roots = Memo::new(move |_| me.with(|m| m.data.as_ref().map(admin_roots)));
    let is_admin = Memo::new(move |_| {
        me.with(|m| {
            m.data
                .as_ref()
                .is_some_and(|m| m.roles.iter().any(|g| g.role == AccountRole::Admin))
        })
    });
    let params = use_params_map();
    let location = use_location();
    let current = Memo::new(move |_| {
        let id = params.with(|p| p.get("code").or_else(|| p.get("login")));
        screen(&location.pathname.get(), id)
    });
    view! {
        <section class="admin records">
            <nav class="actions subnav" aria-label=move || s.t("管理", "Administration")>
                <A href="/admin" attr:class="chip-link" exact=true>{move || s.t("导入导出", "Import / export")}</A>
                <A href="/admin/grids" attr:class="chip-link">{move || s.t("网格", "Grids")}</A>
                <A href="/admin/people" attr:class="chip-link">{move || s.t("工作人员", "Staff")}</A>
                <A href="/admin/departments" attr:class="chip-link">{move || s.t("部门", "Departments")}</A>
                <A href="/admin/guide" attr:class="chip-link">{move || s.t("办事指南", "Service guide")}</A>
            </nav>
            {move || me.get().error.map(|e| view! {
                <ErrorMessage error=e/>
                <p class="actions"><A href="/account" attr:class="button">{move || s.t("去登录", "Sign in")}</A></p>
            })}
            {move || (me.with(|m| m.data.is_some()) && !is_admin.get()).then(|| view! {
                <p class="empty">{move || s.t("只有管理员可以使用这一页。", "Only administrators can use this page.")}</p>
            })}
            <Show when=move || is_admin.get()>
                <OfflineNote/>
                {move || body(roots.get().unwrap_or_default(), current.get())}
            </Show>
        </section>
    }
}

/// The roots of the grid subtrees `me` administers.
fn admin_roots(me: &Me) -> Vec<String> {
    me.roles
        .iter()
        .filter(|g| g.role == AccountRole::Admin)
        .filter_map(|g| match &g.scope {
            Scope::Grid(root) => Some(root.clone()),
            Scope::Department(_) | Scope::Shop(_) => None,
        })
        .collect()
}

/// Whether grid `code` lies within the administrator's area.
fn within(roots: &[String], code: &str) -> bool {
    roots.iter().any(|r| code.starts_with(r.as_str()))
}

/// A path segment as typed (a new login or department id may hold anything until the
/// server has checked it).
pub(crate) fn segment(raw: &str) -> String {
    String::from(js_sys::encode_uri_component(raw))
}

/// Asks before deactivating, with the browser's own dialog (large, modal, read aloud by
/// screen readers). `false` if the person cancels or the dialog cannot open.
pub(crate) fn confirmed(zh: &str, en: &str) -> bool {
    let s = Settings::get();
    let text = s.lang.get_untracked().pick(zh, en).to_owned();
    window().confirm_with_message(&text).unwrap_or(false)
}

/// Sends an edit now. Offline it is refused here at once: an administrator's edit is
/// checked by the server when made, so it is never queued.
pub(crate) async fn send_now<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: Option<&B>,
) -> Result<T, AppError> {
    if !window().navigator().on_line() {
        return Err(AppError::Offline);
    }
    send::<B, T>(method, path, body)
        .await?
        .ok_or_else(|| AppError::Decode("empty answer".into()))
}

/// The last attempt to save a form: under way, or refused (with the server's per-field
/// problems of a 422, shown beside their fields). What a success shows is the page's.
#[derive(Clone, Copy)]
pub(crate) struct Outcome {
    pub(crate) pending: RwSignal<bool>,
    pub(crate) error: RwSignal<Option<AppError>>,
    pub(crate) details: RwSignal<Vec<Detail>>,
}

impl Outcome {
    pub(crate) fn new() -> Self {
        Outcome {
            pending: RwSignal::new(false),
            error: RwSignal::new(None),
            details: RwSignal::new(Vec::new()),
        }
    }

    /// Starts an attempt; `false` if one is already under way.
    pub(crate) fn start(self) -> bool {
        if self.pending.get_untracked() {
            return false;
        }
        self.pending.set(true);
        self.error.set(None);
        self.details.set(Vec::new());
        true
    }

    /// Ends the attempt with a problem found before sending (a number that is not one, a
    /// code already taken): shown like the server's.
    pub(crate) fn refuse_locally(self, field: &str, zh: &str, en: &str) {
        self.details.try_set(vec![Detail {
            line: None,
            field: Some(field.to_owned()),
            message_zh: zh.to_owned(),
            message_en: en.to_owned(),
        }]);
        self.pending.try_set(false);
    }

    pub(crate) fn finish<T>(self, result: &Result<T, AppError>) {
        if let Err(e) = result {
            if let AppError::Problem { problem, .. } = e {
                self.details.try_set(problem.errors.clone());
            }
            self.error.try_set(Some(e.clone()));
        }
        self.pending.try_set(false);
    }
}

/// The refusal of a save, above the form: the server's message (or that saving needs the
/// network) and any problem whose field is not on the form. `known` lists the form's
/// fields; one ending in `[` stands for every indexed field (`roles[` → `roles[2]`).
#[component]
pub(crate) fn FormProblems(outcome: Outcome, known: &'static [&'static str]) -> impl IntoView {
    let s = Settings::get();
    let on_form = move |f: &str| {
        known
            .iter()
            .any(|k| f == *k || (k.ends_with('[') && f.starts_with(k)))
    };
    view! {
        {move || outcome.error.get().map(|e| view! {
            <ActionError error=e offline=(
                "保存需要网络：管理员的修改要由服务器当场核对。请连上网络后再试。",
                "Saving needs the network: the server checks an administrator's edit as it is made. Connect and try again.",
            )/>
        })}
        {move || {
            let others: Vec<Detail> = outcome.details.get().into_iter()
                .filter(|d| !d.field.as_deref().is_some_and(on_form))
                .collect();
            (!others.is_empty()).then(|| view! {
                <ul class="error-list" data-testid="form-problems">
                    {others.into_iter().map(|d| view! {
                        <li>{move || s.lang.get().pick(&d.message_zh, &d.message_en).to_owned()}</li>
                    }).collect_view()}
                </ul>
            })
        }}
    }
}

/// The server's problems with one field, right under it.
#[component]
pub(crate) fn FieldError(outcome: Outcome, #[prop(into)] field: String) -> impl IntoView {
    let s = Settings::get();
    let testid = format!("field-error-{field}");
    move || {
        let mine: Vec<Detail> = outcome.details.with(|ds| {
            ds.iter()
                .filter(|d| d.field.as_deref() == Some(field.as_str()))
                .cloned()
                .collect()
        });
        (!mine.is_empty()).then(|| {
            view! {
                <p class="field-error" role="alert" data-testid=testid.clone()>
                    {mine.into_iter().map(|d| view! {
                        <span>{move || s.lang.get().pick(&d.message_zh, &d.message_en).to_owned()}</span>
                    }).collect_view()}
                </p>
            }
        })
    }
}

/// Says up front that edits need the network while the phone has none.
#[component]
fn OfflineNote() -> impl IntoView {
    let s = Settings::get();
    let online = RwSignal::new(window().navigator().on_line());
    let up = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let down = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        up.remove();
        down.remove();
    });
    view! {
        <Show when=move || !online.get()>
            <p class="error-box" role="status" data-testid="needs-network">{move || s.t(
                "现在没有网络：可以查看上次保存的内容，但新增、修改和停用都要连上网络后才能做。",
                "You are offline: saved copies can be read, but adding, changing and deactivating need the network.")}</p>
        </Show>
    }
}

/// A record's state: in use, or deactivated (kept for history).
#[component]
pub(crate) fn StatusBadge(
    #[prop(into)] active: Signal<bool>,
    testid: &'static str,
) -> impl IntoView {
    let s = Settings::get();
    view! {
        <span class=move || if active.get() { "tag tag-ok" } else { "tag tag-alert" } data-testid=testid>
            {move || if active.get() { s.t("在用", "Active") } else { s.t("已停用", "Deactivated") }}
        </span>
    }
}
