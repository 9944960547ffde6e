//! `/account` (lazy): staff sign in with login and password; once signed in, who they are,
//! the roles they hold and where, and signing out on this phone or on every device.
//! Signing in needs the network: it is never queued.

use crate::api::{forget, send};
use crate::error::{ActionError, AppError};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wangge_core::accounts::{Me, RoleGrant, Scope, SetPassword, SignIn};

const ME: &str = "/api/v1/me";
const SESSION: &str = "/api/v1/session";
const SESSIONS: &str = "/api/v1/sessions";

#[component]
pub fn Account() -> impl IntoView {
    let s = Settings::get();
    let me = RwSignal::new(None::<Me>);
    let checked = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    spawn_local(async move {
        match send::<(), Me>("GET", ME, None).await {
            Ok(m) => {
                me.try_set(m);
            }
            // 401: nobody is signed in on this phone.
            Err(e) if e.is_client_error() => {}
            Err(e) => {
                error.try_set(Some(e));
            }
        }
        checked.try_set(true);
    });
    view! {
        <section class="account">
            <h1>{move || if me.with(Option::is_some) { s.t("我的账号", "My account") } else { s.t("工作人员登录", "Staff sign-in") }}</h1>
            <Show when=move || !checked.get()>
                <p class="loading" role="status">{move || s.t("正在查看登录状态…", "Checking who is signed in…")}</p>
            </Show>
            {move || error.get().map(|e| view! {
                <ActionError error=e offline=("登录和退出需要网络，请连上网络后再试。", "Signing in and out needs the network; connect and try again.")/>
            })}
            {move || match me.get() {
                Some(m) => view! { <Profile me=m signed_in=me error/> }.into_any(),
                None if checked.get() => view! { <SignInForm signed_in=me error/> }.into_any(),
                None => ().into_any(),
            }}
        </section>
    }
}

#[component]
fn SignInForm(signed_in: RwSignal<Option<Me>>, error: RwSignal<Option<AppError>>) -> impl IntoView {
    let s = Settings::get();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let body = SignIn {
            login: login.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            match send::<SignIn, Me>("POST", SESSION, Some(&body)).await {
                Ok(m) => {
                    // Whatever an earlier account left saved is not this one's.
                    forget(ME).await;
                    signed_in.try_set(m);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            password.try_set(String::new());
            pending.try_set(false);
        });
    };
    view! {
        <form class="form" data-testid="sign-in" on:submit=submit>
            <p class="lead">{move || s.t("工作人员请用工作账号登录。居民第一次使用不需要密码，请找网格员扫码开通；设置过密码的居民也可以在这里登录。", "Staff sign in with their work account. Residents first get in with an activation code from their grid worker; those who set a password can sign in here too.")}</p>
            <label class="field">
                <span>{move || s.t("账号", "Login")}</span>
                <input name="login" autocomplete="username" required
                    prop:value=move || login.get()
                    on:input=move |ev| login.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>{move || s.t("密码", "Password")}</span>
                <input name="password" type="password" autocomplete="current-password" required
                    prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev))/>
            </label>
            <button class="button" type="submit" disabled=move || pending.get()>
                {move || if pending.get() { s.t("正在登录…", "Signing in…") } else { s.t("登录", "Sign in") }}
            </button>
        </form>
    }
}

fn scope_text(s: Settings, scope: &Scope) -> String {
    match scope {
        Scope::Grid(code) => format!("{}{code}", s.t("网格 ", "grid ")),
        Scope::Department(id) => format!("{}{id}", s.t("部门 ", "department ")),
        Scope::Shop(id) => format!("{}{id}", s.t("积分超市 ", "shop ")),
    }
}

#[component]
fn Profile(
    me: Me,
    signed_in: RwSignal<Option<Me>>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let s = Settings::get();
    let pending = RwSignal::new(false);
    // Copy, so the sign-out closure below stays Copy.
    let household = StoredValue::new(
        me.household
            .as_ref()
            .map(|h| format!("/api/v1/households/{}", h.id)),
    );
    let sign_out = move |path: &'static str| {
        pending.set(true);
        error.set(None);
        let household = household.get_value();
        spawn_local(async move {
            match send::<(), ()>("DELETE", path, None).await {
                Ok(_) => {
                    // Nothing personal stays saved on this phone.
                    forget(ME).await;
                    if let Some(h) = household {
                        forget(&h).await;
                    }
                    signed_in.try_set(None);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            pending.try_set(false);
        });
    };
    let everywhere = move |_| {
        let sure = window()
            .confirm_with_message(s.t(
                "要在所有手机和电脑上退出这个账号吗？每台设备都要重新登录。",
                "Sign this account out on every phone and computer? Each will need to sign in again.",
            ))
            .unwrap_or(false);
        if sure {
            sign_out(SESSIONS);
        }
    };
    let roles = me.roles.clone();
    let serves = me.roles.iter().any(|g| g.role.serves_households());
    let resident = me.household.is_some();
    let admin = me
        .roles
        .iter()
        .any(|g| g.role == wangge_core::accounts::AccountRole::Admin);
    view! {
        <div class="profile" data-testid="profile">
            <p class="person-name" data-testid="me-name">{me.name.clone()}</p>
            <p class="muted">{move || s.t("账号：", "Login: ")}{me.login.clone()}</p>
            <ul class="roles">
                {roles.into_iter().map(|RoleGrant { role, scope }| view! {
                    <li>
                        <span class="tag">{move || s.t(role.label_zh(), role.label_en())}</span>
                        " "
                        <span>{move || scope_text(s, &scope)}</span>
                    </li>
                }).collect_view()}
            </ul>
            <nav class="actions" aria-label=move || s.t("我的工作", "My work")>
                {serves.then(|| view! {
                    <A href="/households" attr:class="button" attr:data-testid="to-households">{move || s.t("住户登记", "Household register")}</A>
                })}
                {admin.then(|| view! {
                    <A href="/admin" attr:class="button" attr:data-testid="to-admin">{move || s.t("管理：导入导出", "Administration")}</A>
                })}
                {resident.then(|| view! {
                    <A href="/household" attr:class="button">{move || s.t("我家", "My household")}</A>
                })}
            </nav>
            <details class="password">
                <summary>{move || s.t("修改密码", "Change password")}</summary>
                <PasswordForm me=me.clone()/>
            </details>
            <p class="actions">
                <button class="button" data-testid="sign-out" disabled=move || pending.get() on:click=move |_| sign_out(SESSION)>
                    {move || s.t("退出登录", "Sign out")}
                </button>
                <button class="button secondary" data-testid="sign-out-everywhere" disabled=move || pending.get() on:click=everywhere>
                    {move || s.t("在所有设备上退出", "Sign out everywhere")}
                </button>
            </p>
        </div>
    }
}

/// Set or change one's password — and, for a resident, a login of their choosing — to
/// sign in on another phone. Shared by `/account` (staff) and `/household` (residents).
#[component]
pub fn PasswordForm(me: Me) -> impl IntoView {
    let s = Settings::get();
    let resident_default = me.login.starts_with("res-");
    let login = RwSignal::new(if resident_default {
        String::new()
    } else {
        me.login.clone()
    });
    let current = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<AppError>);
    let mismatch = RwSignal::new(false);
    let has_password = me.has_password;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if password.get_untracked() != again.get_untracked() {
            mismatch.set(true);
            return;
        }
        mismatch.set(false);
        pending.set(true);
        error.set(None);
        saved.set(None);
        let body = SetPassword {
            login: Some(login.get_untracked().trim().to_owned()).filter(|l| !l.is_empty()),
            current: has_password.then(|| current.get_untracked()),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            match send::<SetPassword, Me>("PUT", "/api/v1/me/password", Some(&body)).await {
                Ok(m) => {
                    saved.try_set(m.map(|m| m.login));
                    password.try_set(String::new());
                    again.try_set(String::new());
                    current.try_set(String::new());
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            pending.try_set(false);
        });
    };
    view! {
        <form class="form" data-testid="password-form" on:submit=submit>
            <h2>{move || if has_password { s.t("修改密码", "Change password") } else { s.t("设置密码，在其他手机登录", "Set a password to sign in on another phone") }}</h2>
            {move || saved.get().map(|l| view! {
                <p class="ok-box" role="status" data-testid="password-saved">
                    {move || format!("{}{l}{}", s.t("已保存。在其他手机上可用登录名「", "Saved. On another phone sign in as \""), s.t("」和新密码登录；其他手机已退出登录。", "\" with the new password; other phones were signed out."))}
                </p>
            })}
            {move || error.get().map(|e| {
                let details = match &e {
                    AppError::Problem { problem, .. } => problem.errors.clone(),
                    _ => Vec::new(),
                };
                view! {
                    <ActionError error=e offline=("设置密码需要网络，请连上网络后再试。", "Setting a password needs the network; connect and try again.")/>
                    <ul class="error-list">{details.into_iter().map(|d| view! {
                        <li>{move || s.lang.get().pick(&d.message_zh, &d.message_en).to_owned()}</li>
                    }).collect_view()}</ul>
                }
            })}
            <label class="field">
                <span>{move || s.t("登录名（小写字母、数字，也可用手机号）", "Login (lower-case letters, digits, or a phone number)")}</span>
                <input name="new-login" autocomplete="username" prop:value=move || login.get()
                    on:input=move |ev| login.set(event_target_value(&ev))/>
            </label>
            {has_password.then(|| view! {
                <label class="field">
                    <span>{move || s.t("当前密码", "Current password")}</span>
                    <input name="current-password" type="password" autocomplete="current-password" prop:value=move || current.get()
                        on:input=move |ev| current.set(event_target_value(&ev))/>
                </label>
            })}
            <label class="field">
                <span>{move || s.t("新密码（至少 8 个字符）", "New password (8 characters or more)")}</span>
                <input name="new-password" type="password" autocomplete="new-password" prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>{move || s.t("再输入一次新密码", "New password again")}</span>
                <input name="new-password-again" type="password" autocomplete="new-password" prop:value=move || again.get()
                    on:input=move |ev| again.set(event_target_value(&ev))/>
            </label>
            <Show when=move || mismatch.get()>
                <p class="error-box" role="alert">{move || s.t("两次输入的新密码不一样。", "The two new passwords differ.")}</p>
            </Show>
            <button class="button" type="submit" data-testid="save-password" disabled=move || pending.get()>
                {move || s.t("保存密码", "Save password")}
            </button>
        </form>
    }
}
