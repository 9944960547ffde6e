//! Residents (lazy): `/activate/{code}` and `/activate` put a phone in for a household
//! with the link or the short code a grid worker gave (no password, ever), and
//! `/household` shows the household as the server keeps it — saved for offline reading.

use crate::api::{load, send};
use crate::error::{ActionError, AppError, ErrorMessage};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use wangge_core::accounts::{Me, Redeem};
use wangge_core::households::Household;

const ACTIVATIONS: &str = "/api/v1/activations";

/// Redeems `code`; on success goes to the household page.
fn redeem(code: String, pending: RwSignal<bool>, error: RwSignal<Option<AppError>>) {
    let navigate = use_navigate();
    pending.set(true);
    error.set(None);
    spawn_local(async move {
        match send::<Redeem, Me>("POST", ACTIVATIONS, Some(&Redeem { code })).await {
            Ok(_) => {
                // A household saved for an earlier account is not this one's.
                crate::api::forget(&format!("{}/me", wangge_core::API_PREFIX)).await;
                navigate("/household", Default::default());
            }
            Err(e) => {
                error.try_set(Some(e));
            }
        }
        pending.try_set(false);
    });
}

/// `/activate[/{code}]` or `/household`, by the path (one chunk for the resident's pages).
#[component]
pub fn ResidentPages() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    move || {
        if location.pathname.with(|p| p.starts_with("/household")) {
            view! { <HouseholdPage/> }.into_any()
        } else {
            view! { <Activate/> }.into_any()
        }
    }
}

#[component]
pub fn Activate() -> impl IntoView {
    let s = Settings::get();
    let params = use_params_map();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let typed = RwSignal::new(String::new());
    // Opened from the QR link: redeem the link's token at once.
    if let Some(token) = params.with_untracked(|p| p.get("code")) {
        redeem(token, pending, error);
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !pending.get_untracked() {
            redeem(typed.get_untracked(), pending, error);
        }
    };
    view! {
        <section class="activate">
            <h1>{move || s.t("开通网格通", "Activate Wangge")}</h1>
            <Show when=move || pending.get()>
                <p class="loading" role="status">{move || s.t("正在开通…", "Activating…")}</p>
            </Show>
            {move || error.get().map(|e| view! {
                <ActionError error=e offline=("开通需要网络，请连上网络后再试。", "Activation needs the network; connect and try again.")/>
            })}
            <form class="form" data-testid="activate" on:submit=submit>
                <p class="lead">{move || s.t("请输入网格员给您的10位开通码。不需要密码。", "Type the 10-digit code your grid worker gave you. No password needed.")}</p>
                <label class="field">
                    <span>{move || s.t("开通码", "Activation code")}</span>
                    <input name="code" inputmode="numeric" autocomplete="one-time-code" required
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                </label>
                <button class="button" type="submit" disabled=move || pending.get()>
                    {move || s.t("开通", "Activate")}
                </button>
            </form>
        </section>
    }
}

#[component]
pub fn HouseholdPage() -> impl IntoView {
    let s = Settings::get();
    let me = load::<Me>(|| format!("{}/me", wangge_core::API_PREFIX));
    let household_path = move || {
        me.with(|m| {
            m.data
                .as_ref()
                .and_then(|m| m.household.as_ref())
                .map(|h| h.id.clone())
        })
    };
    view! {
        <section class="household">
            <h1>{move || s.t("我家", "My household")}</h1>
            {move || me.get().error.map(|e| {
                let signed_out = e.is_client_error();
                view! {
                    <ErrorMessage error=e/>
                    {signed_out.then(|| view! {
                        <p class="actions">
                            <A href="/activate" attr:class="button">{move || s.t("输入开通码", "Enter an activation code")}</A>
                            <A href="/account" attr:class="button secondary">{move || s.t("工作人员登录", "Staff sign-in")}</A>
                        </p>
                    })}
                }
            })}
            {move || match (me.get().data, household_path()) {
                (Some(m), Some(id)) => view! {
                    <HouseholdCard id/>
                    <details class="password">
                        <summary>{move || s.t("在其他手机登录", "Sign in on another phone")}</summary>
                        <super::account::PasswordForm me=m/>
                    </details>
                    <MyDataPanel/>
                }.into_any(),
                (Some(_), None) => view! {
                    <p class="empty">{move || s.t("这个账号没有关联的家庭户。", "This account belongs to no household.")}</p>
                }.into_any(),
                _ => ().into_any(),
            }}
        </section>
    }
}

#[component]
fn HouseholdCard(id: String) -> impl IntoView {
    let household =
        load::<Household>(move || format!("{}/households/{id}", wangge_core::API_PREFIX));
    view! {
        <SyncBadge sync=Signal::derive(move || household.get().sync)/>
        {move || household.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        {move || household.get().data.map(|h| view! { <super::households::HouseholdView h/> })}
    }
}

/// What the household may take away, and its request to be deleted (PIPL).
#[component]
fn MyDataPanel() -> impl IntoView {
    let s = Settings::get();
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let asked = RwSignal::new(None::<wangge_core::privacy::DeletionRequest>);
    let error = RwSignal::new(None::<AppError>);
    let ask = move |_| {
        confirming.set(false);
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let body = wangge_core::privacy::AskDeletion { confirm: true };
            match send::<_, wangge_core::privacy::DeletionRequest>(
                "POST",
                "/api/v1/me/deletion-request",
                Some(&body),
            )
            .await
            {
                Ok(r) => {
                    asked.try_set(r);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            pending.try_set(false);
        });
    };
    view! {
        <details class="password" data-testid="my-data">
            <summary>{move || s.t("我的个人信息", "My personal data")}</summary>
            <p class="lead">{move || s.t(
                "您可以下载本系统保存的您家的全部信息（含哪些工作人员查看或修改过），也可以申请删除。",
                "Download everything stored about your household (including which staff read or changed it), or ask for it to be deleted.")}</p>
            <p class="actions">
                <a class="button secondary" href="/api/v1/me/data" download="wangge-my-data.json" data-testid="download-my-data">
                    {move || s.t("下载我家的数据（JSON）", "Download our data (JSON)")}
                </a>
            </p>
            {move || error.get().map(|e| view! {
                <ActionError error=e offline=("申请删除需要网络，请连上网络后再试。", "Asking for deletion needs the network; connect and try again.")/>
            })}
            {move || asked.get().map(|r| view! {
                <p class="ok-box" role="status" data-testid="deletion-asked">
                    {move || if r.done_at.is_some() { s.t("您家的信息已删除（匿名化）。", "Your household's data was deleted (anonymised).") } else { s.t("已提交删除申请，管理员处理后，您家的姓名、地址和电话将被清除。", "Deletion requested. Once an administrator carries it out, names, address and phones are erased.") }}
                </p>
            })}
            <Show when=move || asked.with(Option::is_none) && !confirming.get()>
                <button class="button secondary" data-testid="ask-deletion" disabled=move || pending.get() on:click=move |_| confirming.set(true)>
                    {move || s.t("申请删除我家的信息", "Ask to delete our data")}
                </button>
            </Show>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-deletion">
                    <p id="confirm-deletion">{move || s.t(
                        "删除后，您家的姓名、地址、电话都会被清除，这部手机也会退出登录，无法恢复。确定申请吗？",
                        "Once deleted, names, address and phones are erased and this phone is signed out, for good. Ask for it?")}</p>
                    <p class="actions">
                        <button class="button" data-testid="confirm-deletion" on:click=ask>{move || s.t("确定申请删除", "Yes, ask for deletion")}</button>
                        <button class="button secondary" on:click=move |_| confirming.set(false)>{move || s.t("取消", "Cancel")}</button>
                    </p>
                </div>
            </Show>
        </details>
    }
}
