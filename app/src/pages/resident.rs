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
