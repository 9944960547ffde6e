//! `/account/sync` (lazy): every write this phone still holds — waiting for the network, or
//! refused by the server with its reason — with retry, and discard after confirmation.

use crate::error::ErrorMessage;
use crate::outbox::{entries, Entry, EntryState, Outbox};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SyncPage() -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let list = RwSignal::new(None::<Vec<Entry>>);
    let error = RwSignal::new(None::<crate::error::AppError>);
    Effect::new(move |_| {
        outbox.synced.track();
        outbox.waiting.track();
        outbox.failed.track();
        spawn_local(async move {
            match entries().await {
                Ok(all) => {
                    list.try_set(Some(all));
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    });
    view! {
        <section class="sync-page">
            <h1>{move || s.t("同步", "Sync")}</h1>
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            {move || list.get().map(|all| {
                if all.is_empty() {
                    return view! {
                        <p class="empty" data-testid="sync-empty">{move || s.t("所有内容都已同步到服务器。", "Everything has reached the server.")}</p>
                    }.into_any();
                }
                view! {
                    <ul class="list" data-testid="sync-list">
                        {all.into_iter().map(|e| view! { <EntryRow e/> }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}

#[component]
fn EntryRow(e: Entry) -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let failed = e.state == EntryState::Failed;
    let confirming = RwSignal::new(false);
    let (label_zh, label_en) = (e.label_zh.clone(), e.label_en.clone());
    let problem = e.problem.clone();
    let (for_retry, id) = (e.clone(), e.id.clone());
    view! {
        <li class="list-item" data-testid="sync-entry">
            <strong>{move || s.lang.get().pick(&label_zh, &label_en).to_owned()}</strong>
            <span class=if failed { "tag tag-alert" } else { "tag" }>
                {move || if failed { s.t("服务器未接受", "Refused by the server") } else { s.t("等待网络", "Waiting for the network") }}
            </span>
            {(failed && e.content_type.is_some()).then(|| view! {
                <p class="muted">{move || s.t(
                    "照片无法重新拍摄上传时，可以放弃这张照片：用到它的报事会不带它发送。",
                    "If the photo cannot be fixed, discard it: what uses it is sent without it.",
                )}</p>
            })}
            {problem.map(|p| view! {
                <p class="error-box" role="alert">{move || s.lang.get().pick(&p.message_zh, &p.message_en).to_owned()}</p>
                {(!p.errors.is_empty()).then(|| view! {
                    <ul>{p.errors.iter().map(|d| {
                        let d = d.clone();
                        view! { <li>{move || s.lang.get().pick(&d.message_zh, &d.message_en).to_owned()}</li> }
                    }).collect_view()}</ul>
                })}
            })}
            <p class="actions">
                {failed.then(|| {
                    let entry = for_retry.clone();
                    view! {
                        <button class="button secondary" on:click=move |_| {
                            let entry = entry.clone();
                            spawn_local(async move { let _ = outbox.retry(entry).await; });
                        }>{move || s.t("重试", "Retry")}</button>
                    }
                })}
                <Show when=move || !confirming.get()>
                    <button class="button secondary" data-testid="discard" on:click=move |_| confirming.set(true)>{move || s.t("放弃", "Discard")}</button>
                </Show>
                <Show when=move || confirming.get()>
                    {
                        let id = id.clone();
                        view! {
                            <span role="alert">{move || s.t("放弃后这条内容不会再提交，确定吗？", "Discarded, it will never be sent. Sure?")}</span>
                            <button class="button" data-testid="confirm-discard" on:click=move |_| {
                                let id = id.clone();
                                spawn_local(async move { let _ = outbox.discard(&id).await; });
                            }>{move || s.t("确定放弃", "Discard it")}</button>
                            <button class="button secondary" on:click=move |_| confirming.set(false)>{move || s.t("取消", "Cancel")}</button>
                        }
                    }
                </Show>
            </p>
        </li>
    }
}
