//! `/reports/inbox`: the notices about reports (assigned to you, returned, resolved — please
//! rate, closed), newest first, unread ones marked. Opening one marks it read.

use super::{report_path, when};
use crate::api::send;
use crate::error::{AppError, ErrorMessage};
use crate::outbox::Outbox;
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use wangge_core::inbox::{Inbox, MarkRead, NoticeKind};
use wangge_core::API_PREFIX;

fn kind_label(s: Settings, k: NoticeKind) -> &'static str {
    match k {
        NoticeKind::Assigned => s.t("有报事交给您处理", "A report is now yours"),
        NoticeKind::Returned => s.t("报事被退回", "A report was returned"),
        NoticeKind::Resolved => s.t(
            "您的报事已办结，请评价",
            "Your report was resolved — please rate it",
        ),
        NoticeKind::Closed => s.t("报事已结束", "A report was closed"),
        NoticeKind::Followed => s.t("您关注的报事有了结果", "A report you follow has an outcome"),
        NoticeKind::DueSoon => s.t("报事临近办理时限", "A report is near its deadline"),
        NoticeKind::Overdue => s.t("报事已超时（督办）", "A report is overdue (supervision)"),
    }
}

/// Marks notices read (needs the network; offline it simply stays unread).
async fn mark(body: MarkRead) -> Result<(), AppError> {
    send::<MarkRead, Inbox>("POST", &format!("{API_PREFIX}/inbox/read"), Some(&body))
        .await
        .map(|_| ())
}

#[component]
pub fn InboxPage() -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let tick = RwSignal::new(0u32);
    let inbox = crate::api::load::<Inbox>(move || {
        tick.track();
        outbox.synced.track();
        format!("{API_PREFIX}/inbox")
    });
    let navigate = use_navigate();
    let error = RwSignal::new(None::<AppError>);
    let all_read = move |_| {
        spawn_local(async move {
            match mark(MarkRead {
                ids: Vec::new(),
                all: true,
            })
            .await
            {
                Ok(()) => tick.update(|t| *t += 1),
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="reports inbox">
            <h1>{move || s.t("消息", "Inbox")}</h1>
            <SyncBadge sync=Signal::derive(move || inbox.get().sync)/>
            {move || inbox.get().error.map(|e| view! {
                <ErrorMessage error=e/>
                <p class="actions"><A href="/account" attr:class="button">{move || s.t("去登录", "Sign in")}</A></p>
            })}
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            {move || inbox.get().data.map(|ib| {
                let navigate = navigate.clone();
                view! {
                    <p class="actions">
                        <span data-testid="inbox-unread">{format!("{} {}", s.t("未读", "Unread"), ib.unread)}</span>
                        {(ib.unread > 0).then(|| view! {
                            <button class="button small secondary" on:click=all_read data-testid="inbox-all-read">{move || s.t("全部标为已读", "Mark all read")}</button>
                        })}
                    </p>
                    {ib.items.is_empty().then(|| view! {
                        <p class="empty" data-testid="inbox-empty">{move || s.t("还没有消息。报事有了进展，会在这里告诉您。", "No notices yet. News about reports appears here.")}</p>
                    })}
                    <Notices first=ib navigate=navigate/>
                }
            })}
        </section>
    }
}

/// The notices, newest first, and older pages on request (keyset, like every list).
#[component]
fn Notices<N>(first: Inbox, navigate: N) -> impl IntoView
where
    N: Fn(&str, leptos_router::NavigateOptions) + Clone + Send + Sync + 'static,
{
    let s = Settings::get();
    let items = RwSignal::new(first.items);
    let cursor = RwSignal::new(first.cursor);
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let more = move |_| {
        let Some(c) = cursor.get_untracked() else {
            return;
        };
        loading.set(true);
        let url = format!(
            "{API_PREFIX}/inbox?cursor={}",
            js_sys::encode_uri_component(&c)
        );
        spawn_local(async move {
            match send::<(), Inbox>("GET", &url, None).await {
                Ok(Some(p)) => {
                    items.try_update(|i| i.extend(p.items));
                    cursor.try_set(p.cursor);
                }
                Ok(None) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            loading.try_set(false);
        });
    };
    view! {
        <ul class="list">
            <For each=move || items.get() key=|n| n.id.clone() let:n>
                {
                    let (id, report, read) = (n.id.clone(), n.report.clone(), n.read);
                    let navigate = navigate.clone();
                    let open = move |_| {
                        let (id, report) = (id.clone(), report.clone());
                        let navigate = navigate.clone();
                        spawn_local(async move {
                            if !read {
                                let _ = mark(MarkRead { ids: vec![id], all: false }).await;
                            }
                            navigate(&report_path(&report), Default::default());
                        });
                    };
                    view! {
                        <li class="list-item" class:unread=!read data-testid="notice">
                            <button class="notice" on:click=open>
                                <strong>{move || kind_label(s, n.kind)}</strong>
                                <span>{n.excerpt.clone()}</span>
                                <small>{when(n.at)}</small>
                            </button>
                        </li>
                    }
                }
            </For>
        </ul>
        {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
        <Show when=move || cursor.with(Option::is_some)>
            <p class="actions"><button class="button secondary" on:click=more disabled=move || loading.get() data-testid="inbox-more">{move || s.t("加载更多", "Load more")}</button></p>
        </Show>
    }
}
