//! `/reports/supervision` (its own lazy part): 督办 — the open reports near (临期) or past
//! (超期) a deadline in the reader's grids, most pressing first, who holds each, how late it
//! is and the supervision notices sent; and the 台账 download.

use super::{
    categories, category_name, department_name, departments, report_path, state_class, state_label,
    when,
};
use crate::api::send;
use crate::error::{AppError, ErrorMessage};
use crate::outbox::Outbox;
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use wangge_core::reports::supervision::{lateness, Clock, Due, SupervisionLine, SupervisionPage};
use wangge_core::reports::Level;
use wangge_core::API_PREFIX;

/// The page: its two lists as tabs (`?due=due_soon|overdue`), then the ledger.
#[component]
pub fn Supervise() -> impl IntoView {
    let s = Settings::get();
    let query = use_query_map();
    let due = Memo::new(move |_| {
        query
            .with(|q| q.get("due"))
            .and_then(|d| Due::parse(&d))
            .unwrap_or(Due::Overdue)
    });
    let tab = move |d: Due, zh: &'static str, en: &'static str| {
        view! {
            <A href=format!("{}?due={}", super::SUPERVISION, d.as_str()) attr:class="chip-link"
                attr:aria-current=move || (due.get() == d).then_some("page")
                attr:data-testid=format!("tab-{}", d.as_str())>
                {move || s.t(zh, en)}
            </A>
        }
    };
    view! {
        <section class="reports">
            <p class="crumbs"><A href="/reports">{move || s.t("← 报事工作台", "← Report desk")}</A></p>
            <h1>{move || s.t("督办", "Supervision")}</h1>
            <nav class="tabs actions" aria-label=move || s.t("督办分类", "Supervision lists")>
                {tab(Due::Overdue, "超期督办", "Overdue")}
                {tab(Due::DueSoon, "临期提醒", "Due soon")}
            </nav>
            {move || {
                let due = due.get();
                view! { <Supervision due/> }
            }}
            <LedgerExport/>
        </section>
    }
}

/// 临期 / 督办: open reports near or past a deadline, most pressing first — who holds
/// each, how late it is, and the supervision records it has had.
#[component]
fn Supervision(due: Due) -> impl IntoView {
    let s = Settings::get();
    let cats = categories();
    let deps = departments();
    let outbox = Outbox::get();
    let page = crate::api::load::<SupervisionPage>(move || {
        outbox.synced.track();
        format!("{API_PREFIX}/reports/supervision?due={}", due.as_str())
    });
    let line = move |l: SupervisionLine, now: i64| {
        let r = l.report;
        let cat = r.category.clone();
        let holder = r.department.clone();
        let level = r.level;
        let (late_zh, late_en) = lateness(l.deadline, now);
        let respond = l.clock == Clock::Respond;
        let n = l.records.len();
        let last = l.records.last().map(|x| when(x.at));
        view! {
            <li class="list-item report-line" data-testid="supervision-line">
                <A href=report_path(&r.id)>
                    <strong>{move || cats.with(|c| category_name(s, c.data.as_deref().unwrap_or_default(), &cat))}</strong>
                    <span class=state_class(r.state)>{move || state_label(s, r.state)}</span>
                    <span>{r.excerpt.clone()}</span>
                    <small class="tag tag-warn" data-testid="supervision-late">
                        {move || if respond { s.t("响应", "Response ") } else { "" }}
                        {move || s.lang.get().pick(&late_zh, &late_en).to_owned()}
                    </small>
                    <small data-testid="supervision-holder">
                        {move || s.t("承办：", "Held by: ")}
                        {move || match &holder {
                            Some(d) => deps.with(|x| department_name(x.data.as_deref().unwrap_or_default(), d)),
                            None => match level {
                                Level::Grid => s.t("网格", "the grid").to_owned(),
                                Level::Village => s.t("村（社区）", "the village").to_owned(),
                                Level::Township => s.t("乡镇派单", "the dispatcher").to_owned(),
                            },
                        }}
                    </small>
                    <small data-testid="supervision-records">
                        {move || match s.lang.get() {
                            crate::i18n::Lang::Zh => format!("督办提醒 {n} 次"),
                            crate::i18n::Lang::En => format!("{n} supervision notice(s)"),
                        }}
                        {last.clone().map(|t| format!(" · {t}"))}
                    </small>
                </A>
            </li>
        }
    };
    view! {
        <SyncBadge sync=Signal::derive(move || page.get().sync)/>
        {move || page.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        {move || page.get().data.map(|p| {
            if p.items.is_empty() {
                view! {
                    <p class="empty" data-testid="supervision-empty">{move || match due {
                        Due::Overdue => s.t("没有超时的报事。", "Nothing is overdue."),
                        Due::DueSoon => s.t("没有临近时限的报事。", "Nothing is due soon."),
                    }}</p>
                }.into_any()
            } else {
                let now = p.now;
                let items = RwSignal::new(p.items);
                let cursor = RwSignal::new(p.cursor);
                let loading = RwSignal::new(false);
                let error = RwSignal::new(None::<AppError>);
                // The next 50, further from their deadlines.
                let more = move |_| {
                    let Some(c) = cursor.get_untracked() else {
                        return;
                    };
                    loading.set(true);
                    let url = format!(
                        "{API_PREFIX}/reports/supervision?due={}&cursor={}",
                        due.as_str(),
                        js_sys::encode_uri_component(&c)
                    );
                    spawn_local(async move {
                        match send::<(), SupervisionPage>("GET", &url, None).await {
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
                    <ul class="list" data-testid="supervision-list">
                        {move || items.get().into_iter().map(|l| line(l, now)).collect_view()}
                    </ul>
                    {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
                    <Show when=move || cursor.with(Option::is_some)>
                        <p class="actions"><button class="button secondary" on:click=more disabled=move || loading.get() data-testid="supervision-more">{move || s.t("加载更多", "Load more")}</button></p>
                    </Show>
                }.into_any()
            }
        })}
    }
}

/// 台账: the CSV of a grid subtree's reports filed in a date range (a download the browser
/// saves; Excel opens it).
#[component]
fn LedgerExport() -> impl IntoView {
    let s = Settings::get();
    let grid = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let href = move || {
        let mut q = Vec::new();
        for (k, v) in [("grid", grid.get()), ("from", from.get()), ("to", to.get())] {
            if !v.trim().is_empty() {
                q.push(format!("{k}={}", js_sys::encode_uri_component(v.trim())));
            }
        }
        format!("{API_PREFIX}/reports/ledger.csv?{}", q.join("&"))
    };
    view! {
        <details class="filters" data-testid="ledger-export">
            <summary>{move || s.t("导出台账（Excel）", "Export the ledger (Excel)")}</summary>
            <div class="rows">
                <p class="muted">{move || s.t(
                    "按已解决、待解决、难解决分组。不填网格导出您负责的全部网格；不填日期导出本月。",
                    "Grouped resolved / pending / hard. No grid: every grid you work; no dates: this month.",
                )}</p>
                <label class="field">{move || s.t("网格编码（含下级）", "Grid code (with what is under it)")}
                    <input inputmode="numeric" data-testid="ledger-grid" prop:value=move || grid.get() on:input=move |ev| grid.set(event_target_value(&ev))/>
                </label>
                <label class="field">{move || s.t("从（日期）", "From (date)")}
                    <input type="date" data-testid="ledger-from" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                </label>
                <label class="field">{move || s.t("到（日期）", "To (date)")}
                    <input type="date" data-testid="ledger-to" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                </label>
                <p class="actions">
                    <a class="button small" href=href download data-testid="ledger-download">{move || s.t("下载台账", "Download")}</a>
                </p>
            </div>
        </details>
    }
}
