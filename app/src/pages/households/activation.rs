//! Putting a resident's phone in: the worker issues a one-time activation and the phone
//! scans the QR code (or the resident types the 10-digit code read aloud). Needs the
//! network: a code made offline could not be checked by the server.

use crate::api::send;
use crate::error::{ActionError, AppError};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wangge_core::accounts::{Activation, ACTIVATION_HOURS};
use wangge_core::API_PREFIX;

/// `1234567890` → `1234 5678 90`, easier to read aloud.
fn grouped(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn ActivationPanel(household: String) -> impl IntoView {
    let s = Settings::get();
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let issued = RwSignal::new(None::<Activation>);
    let path = format!("{API_PREFIX}/households/{household}/activations");
    let issue = move |_| {
        confirming.set(false);
        pending.set(true);
        error.set(None);
        let path = path.clone();
        spawn_local(async move {
            match send::<(), Activation>("POST", &path, None).await {
                Ok(Some(a)) => {
                    issued.try_set(Some(a));
                }
                Ok(None) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            pending.try_set(false);
        });
    };
    view! {
        <section class="activation" data-testid="activation">
            <h2>{move || s.t("居民手机开通", "Resident's phone")}</h2>
            <p class="lead no-print">{move || s.t(
                "居民用手机扫二维码，或输入10位开通码，就能登录，不需要设密码。",
                "The resident scans the QR code or types the 10-digit code to get in; no password needed.")}</p>
            {move || error.get().map(|e| view! {
                <ActionError error=e offline=("生成开通码需要网络，请连上网络后再试。", "Issuing a code needs the network; connect and try again.")/>
            })}
            <Show when=move || !confirming.get() && issued.with(Option::is_none)>
                <button class="button" data-testid="issue-activation" disabled=move || pending.get()
                    on:click=move |_| confirming.set(true)>
                    {move || s.t("生成开通码", "Issue an activation code")}
                </button>
            </Show>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-activation">
                    <p id="confirm-activation">{move || s.t(
                        "生成新的开通码后，之前的开通码作废，已开通的手机会退出登录。确定生成吗？",
                        "A new code cancels the old one and signs out a phone already in. Issue it?")}</p>
                    <p class="actions">
                        <button class="button" data-testid="confirm-activation" on:click=issue.clone()>{move || s.t("确定生成", "Issue it")}</button>
                        <button class="button secondary" on:click=move |_| confirming.set(false)>{move || s.t("取消", "Cancel")}</button>
                    </p>
                </div>
            </Show>
            {move || issued.get().map(|a| {
                let qr = wangge_core::qr::svg(&a.url).unwrap_or_default();
                let code = grouped(&a.code);
                let until = crate::i18n::beijing_time(a.expires_at);
                view! {
                    <div class="activation-slip" data-testid="activation-slip">
                        <div class="qr" inner_html=qr aria-label=move || s.t("开通二维码", "Activation QR code") role="img"></div>
                        <p class="big-code" data-testid="activation-code">{code}</p>
                        <p>{move || format!("{}{until}{}", s.t("有效期至 ", "Valid until "), s.t("（北京时间）", " (Beijing time)"))}</p>
                        <p class="lead">{move || format!("{}{ACTIVATION_HOURS}{}", s.t("只能用一次，", "Works once, for "), s.t(" 小时内有效。", " hours."))}</p>
                        <a class="visually-hidden" data-testid="activation-url" href=a.url.clone()>{a.url.clone()}</a>
                        <p class="actions no-print">
                            <button class="button secondary" on:click=move |_| { let _ = window().print(); }>{move || s.t("打印", "Print")}</button>
                            <button class="button secondary" on:click=move |_| confirming.set(true)>{move || s.t("重新生成", "Issue another")}</button>
                        </p>
                    </div>
                }
            })}
        </section>
    }
}
