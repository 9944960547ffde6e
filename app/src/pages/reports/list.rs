//! `/reports`: each role's list, from one scoped API list (`GET /reports` gives every
//! reader only what they are involved in). A resident sees their reports, the ones still
//! on the phone first; the grid its queue; a department its queue; the dispatcher a board
//! with filters and bulk dispatch. Tabs and filters live in the query string.

use super::{
    api_report, categories, category_name, department_name, departments, has_role, is_staff, me,
    report_path, state_class, state_label, when, ACTION_KIND, NEW_KIND,
};
use crate::api::send;
use crate::error::{AppError, ErrorMessage};
use crate::outbox::{entries, new_id, Entry, EntryState, Outbox};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use wangge_core::accounts::Scope;
use wangge_core::accounts::{AccountRole, Me};
use wangge_core::reports::{
    machine, works_reports_under, ActionKind, ActionRequest, NewReport, ReportPage, ReportSummary,
};
use wangge_core::API_PREFIX;

/// A tab: a name and the states it lists (empty: all).
struct Tab {
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    states: &'static str,
}

const ALL: Tab = tab("all", "全部", "All", "");

const fn tab(key: &'static str, zh: &'static str, en: &'static str, states: &'static str) -> Tab {
    Tab {
        key,
        zh,
        en,
        states,
    }
}

fn tabs(me: &Me) -> Vec<Tab> {
    if has_role(me, AccountRole::Dispatcher) {
        vec![
            tab(
                "todo",
                "待派单",
                "To dispatch",
                "escalated,returned,reopened",
            ),
            tab(
                "dispatched",
                "已派单",
                "Dispatched",
                "dispatched,in_progress",
            ),
            tab(
                "resolved",
                "已办结",
                "Resolved",
                "resolved,handled_on_spot,confirmed,closed",
            ),
            ALL,
        ]
    } else if has_role(me, AccountRole::DepartmentHandler) {
        vec![
            tab("new", "待接单", "To take on", "dispatched"),
            tab("doing", "处理中", "In progress", "in_progress,reopened"),
            ALL,
        ]
    } else if is_staff(me) {
        vec![
            tab("new", "新报事", "New", "pending,submitted"),
            tab(
                "mine",
                "在办",
                "In hand",
                "accepted,escalated,reopened,returned",
            ),
            tab(
                "answer",
                "待居民确认",
                "Awaiting the resident",
                "handled_on_spot,resolved",
            ),
            ALL,
        ]
    } else {
        vec![ALL]
    }
}

#[component]
pub fn ReportLists() -> impl IntoView {
    let s = Settings::get();
    let me = me();
    view! {
        <section class="reports">
            {move || me.get().error.map(|e| view! {
                // Not signed in: one can still report; the lists need an account.
                <h1>{move || s.t("报事", "Reports")}</h1>
                <ErrorMessage error=e/>
                <p class="actions">
                    <A href="/reports/new" attr:class="button" attr:data-testid="new-report">{move || s.t("我要报事", "Report a problem")}</A>
                    <A href="/account" attr:class="button secondary">{move || s.t("登录", "Sign in")}</A>
                </p>
            })}
            {move || me.get().data.map(|m| view! { <Lists me=m/> })}
        </section>
    }
}

#[component]
fn Lists(me: Me) -> impl IntoView {
    let s = Settings::get();
    let query = use_query_map();
    let tabs = tabs(&me);
    let staff = is_staff(&me);
    let dispatcher = has_role(&me, AccountRole::Dispatcher);
    // The supervision view and the ledger: for those who work reports by grid (not an
    // instructor over one base grid only).
    let supervises = me
        .roles
        .iter()
        .any(|g| matches!(&g.scope, Scope::Grid(root) if works_reports_under(g.role, root)));
    let first_tab = tabs[0].key;
    let tab = Memo::new(move |_| {
        query
            .with(|q| q.get("tab"))
            .unwrap_or_else(|| first_tab.to_owned())
    });
    let filter =
        move |k: &'static str| Memo::new(move |_| query.with(|q| q.get(k)).unwrap_or_default());
    let (category, grid, department, from, to) = (
        filter("category"),
        filter("grid"),
        filter("department"),
        filter("from"),
        filter("to"),
    );
    let states: Vec<(&'static str, &'static str)> =
        tabs.iter().map(|t| (t.key, t.states)).collect();
    let path = Memo::new(move |_| {
        let wanted = tab.get();
        let st = states
            .iter()
            .find(|(k, _)| *k == wanted)
            .map_or("", |(_, v)| *v);
        let mut q = vec![];
        for (k, v) in [
            ("status", st.to_owned()),
            ("category", category.get()),
            ("grid", grid.get()),
            ("department", department.get()),
        ] {
            if !v.is_empty() {
                q.push(format!("{k}={}", js_sys::encode_uri_component(&v)));
            }
        }
        // Dates are typed as days; the API takes milliseconds.
        for (k, v, end) in [("from", from.get(), false), ("to", to.get(), true)] {
            let ms = js_sys::Date::parse(&format!("{v}T00:00:00"));
            if !v.is_empty() && ms.is_finite() {
                q.push(format!(
                    "{k}={}",
                    ms as i64 + if end { 86_400_000 } else { 0 }
                ));
            }
        }
        format!("{API_PREFIX}/reports?{}", q.join("&"))
    });
    let names: Vec<(&'static str, &'static str, &'static str)> =
        tabs.iter().map(|t| (t.key, t.zh, t.en)).collect();
    let tab_links = move || {
        names
            .iter()
            .map(|&(key, zh, en)| {
                view! {
                    <A href=format!("/reports?tab={key}") attr:class="chip-link" attr:aria-current=move || (tab.get() == key).then_some("page") attr:data-testid=format!("tab-{key}")>
                        {move || s.t(zh, en)}
                    </A>
                }
            })
            .collect_view()
    };
    view! {
        <h1>{move || if staff { s.t("报事工作台", "Report desk") } else { s.t("我的报事", "My reports") }}</h1>
        <p class="actions">
            <A href="/reports/new" attr:class="button" attr:data-testid="new-report">{move || if staff { s.t("巡查上报", "File a report") } else { s.t("我要报事", "Report a problem") }}</A>
            <A href=super::INBOX attr:class="button secondary">{move || s.t("消息", "Inbox")}</A>
            {supervises.then(|| view! {
                <A href=super::SUPERVISION attr:class="button secondary" attr:data-testid="to-supervision">{move || s.t("督办和台账", "Supervision and ledger")}</A>
            })}
        </p>
        <Pending/>
        <Show when=move || staff>
            <nav class="tabs actions" aria-label=move || s.t("报事分类", "Report lists")>{tab_links()}</nav>
        </Show>
        <Listed path staff dispatcher/>
    }
}

/// A list with its filters (staff), from `GET /reports` at `path`.
#[component]
fn Listed(path: Memo<String>, staff: bool, dispatcher: bool) -> impl IntoView {
    let outbox = Outbox::get();
    // A resident's own list follows their reports live; staff lists keep what they loaded
    // and picked (a reload would drop it) until they act or switch tabs.
    let tick = (!staff).then(super::live);
    let page = crate::api::load::<ReportPage>(move || {
        outbox.synced.track();
        if let Some(t) = tick {
            t.track();
        }
        path.get()
    });
    let selected = RwSignal::new(Vec::<(String, u32)>::new());
    view! {
        <Show when=move || staff>
            <Filters dispatcher/>
        </Show>
        <SyncBadge sync=Signal::derive(move || page.get().sync)/>
        {move || page.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        <Show when=move || dispatcher>
            <BulkDispatch selected/>
        </Show>
        {move || page.get().data.map(|p| view! { <Lines first=p path=path.get() dispatcher selected/> })}
    }
}

/// The filters a staff member narrows a list with (the dispatcher's board: all of them).
#[component]
fn Filters(dispatcher: bool) -> impl IntoView {
    let s = Settings::get();
    let cats = categories();
    let deps = departments();
    let query = use_query_map();
    let navigate = use_navigate();
    let get = move |k: &str| query.with_untracked(|q| q.get(k)).unwrap_or_default();
    let (category, grid, department, from, to) = (
        RwSignal::new(get("category")),
        RwSignal::new(get("grid")),
        RwSignal::new(get("department")),
        RwSignal::new(get("from")),
        RwSignal::new(get("to")),
    );
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tab = get("tab");
        let mut q: Vec<String> = (!tab.is_empty())
            .then(|| format!("tab={tab}"))
            .into_iter()
            .collect();
        for (k, v) in [
            ("category", category),
            ("grid", grid),
            ("department", department),
            ("from", from),
            ("to", to),
        ] {
            let v = v.get_untracked();
            if !v.trim().is_empty() {
                q.push(format!("{k}={}", js_sys::encode_uri_component(v.trim())));
            }
        }
        navigate(&format!("/reports?{}", q.join("&")), Default::default());
    };
    view! {
        <details class="filters" open=dispatcher>
            <summary>{move || s.t("筛选", "Filter")}</summary>
            <form on:submit=apply class="rows">
                {move || cats.get().data.map(|list| view! {
                    <super::CategorySelect cats=list value=category label=Signal::derive(move || s.t("类别", "Category")) testid="filter-category"/>
                })}
                <label class="field">{move || s.t("网格编码（含下级）", "Grid code (with what is under it)")}
                    <input inputmode="numeric" data-testid="filter-grid" prop:value=move || grid.get() on:input=move |ev| grid.set(event_target_value(&ev))/>
                </label>
                <Show when=move || dispatcher>
                    <label class="field">{move || s.t("部门", "Department")}
                        <select data-testid="filter-department" prop:value=move || department.get() on:change=move |ev| department.set(event_target_value(&ev))>
                            <option value="">{move || s.t("全部部门", "Every department")}</option>
                            {move || deps.get().data.unwrap_or_default().into_iter().map(|d| {
                                let selected = department.get_untracked() == d.id;
                                view! { <option value=d.id.clone() selected=selected>{d.name.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
                <label class="field">{move || s.t("从（日期）", "From (date)")}
                    <input type="date" data-testid="filter-from" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                </label>
                <label class="field">{move || s.t("到（日期）", "To (date)")}
                    <input type="date" data-testid="filter-to" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                </label>
                <p class="actions"><button type="submit" class="button small" data-testid="filter-apply">{move || s.t("筛选", "Apply")}</button></p>
            </form>
        </details>
    }
}

/// The first page and any further ones the person asked for.
#[component]
fn Lines(
    first: ReportPage,
    path: String,
    dispatcher: bool,
    selected: RwSignal<Vec<(String, u32)>>,
) -> impl IntoView {
    let s = Settings::get();
    let cats = categories();
    let deps = departments();
    let items = RwSignal::new(first.items);
    let cursor = RwSignal::new(first.cursor);
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let path = StoredValue::new(path);
    let more = move |_| {
        let Some(c) = cursor.get_untracked() else {
            return;
        };
        loading.set(true);
        let url = format!(
            "{}&cursor={}",
            path.get_value(),
            js_sys::encode_uri_component(&c)
        );
        spawn_local(async move {
            match send::<(), ReportPage>("GET", &url, None).await {
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
    // Only what the state machine lets the dispatcher send on (waiting at the township,
    // returned, reopened there).
    let dispatchable = |r: &ReportSummary| {
        let at = machine::Position {
            state: r.state,
            level: r.level,
            resolved_at: None,
            errand: None,
        };
        machine::next(at, ActionKind::Dispatch, &[machine::Party::Dispatcher], 0).is_ok()
    };
    view! {
        <Show when=move || items.with(Vec::is_empty)>
            <p class="empty" data-testid="reports-empty">{move || s.t("这里还没有报事。", "No reports here yet.")}</p>
        </Show>
        <ul class="list" data-testid="report-list">
            <For each=move || items.get() key=|r| (r.id.clone(), r.version) let:r>
                {
                    let check = (dispatcher && dispatchable(&r)).then(|| {
                        let (id, version) = (r.id.clone(), r.version);
                        let id2 = id.clone();
                        view! {
                            <input type="checkbox" class="pick" data-testid="report-pick"
                                aria-label=move || s.t("选中，批量派单", "Select for bulk dispatch")
                                prop:checked=move || selected.with(|v| v.iter().any(|(x, _)| *x == id2))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id.clone();
                                    selected.update(|v| {
                                        v.retain(|(x, _)| *x != id);
                                        if on { v.push((id, version)); }
                                    });
                                }/>
                        }
                    });
                    let cat = r.category.clone();
                    let dep = r.department.clone();
                    view! {
                        <li class="list-item report-line" data-testid="report-line">
                            {check}
                            <A href=report_path(&r.id)>
                                <strong>{move || cats.with(|c| category_name(s, c.data.as_deref().unwrap_or_default(), &cat))}</strong>
                                <span class=state_class(r.state) data-testid="report-state">{move || state_label(s, r.state)}</span>
                                <span>{r.excerpt.clone()}</span>
                                <small>{when(r.created_at)}</small>
                                {dep.map(|d| view! { <small>{move || deps.with(|x| department_name(x.data.as_deref().unwrap_or_default(), &d))}</small> })}
                                {r.on_behalf.then(|| view! { <small>{move || s.t("代报", "Filed for a household")}</small> })}
                                {r.anonymous.then(|| view! { <small>{move || s.t("未登录报事", "Filed without an account")}</small> })}
                            </A>
                        </li>
                    }
                }
            </For>
        </ul>
        {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
        <Show when=move || cursor.with(Option::is_some)>
            <p class="actions"><button class="button secondary" on:click=more disabled=move || loading.get() data-testid="reports-more">{move || s.t("加载更多", "Load more")}</button></p>
        </Show>
    }
}

/// The dispatcher's bulk dispatch: every selected report to one department, each its own
/// action through the outbox (on the version the board showed: a report someone else
/// moved meanwhile is refused, not overwritten).
#[component]
fn BulkDispatch(selected: RwSignal<Vec<(String, u32)>>) -> impl IntoView {
    let s = Settings::get();
    let deps = departments();
    let department = RwSignal::new(String::new());
    let outbox = Outbox::get();
    let error = RwSignal::new(None::<AppError>);
    let send_all = move |_| {
        let dep = department.get_untracked();
        let picked = selected.get_untracked();
        if dep.is_empty() || picked.is_empty() {
            return;
        }
        let name =
            deps.with_untracked(|d| department_name(d.data.as_deref().unwrap_or_default(), &dep));
        let sure = super::super::admin_records::confirmed(
            &format!("把选中的 {} 件报事派给{name}？", picked.len()),
            &format!("Dispatch the {} selected reports to {name}?", picked.len()),
        );
        if !sure {
            return;
        }
        spawn_local(async move {
            for (id, version) in picked {
                let body = ActionRequest {
                    id: new_id(),
                    action: ActionKind::Dispatch,
                    version,
                    text: String::new(),
                    internal_text: String::new(),
                    department: Some(dep.clone()),
                    category: None,
                    rating: None,
                    into: None,
                    photos: Vec::new(),
                };
                let entry = Entry::new(
                    body.id.clone(),
                    ACTION_KIND,
                    "POST",
                    format!("{}/actions", api_report(&id)),
                    &body,
                    (format!("派单 {name}"), format!("Dispatch to {name}")),
                );
                if let Err(e) = async { outbox.enqueue(entry?).await }.await {
                    error.try_set(Some(e));
                    return;
                }
            }
            selected.try_set(Vec::new());
        });
    };
    view! {
        <Show when=move || !selected.with(Vec::is_empty)>
            <div class="bulk" data-testid="bulk-dispatch">
                <span>{move || format!("{} {}", s.t("已选", "Selected"), selected.with(Vec::len))}</span>
                <select data-testid="bulk-department" prop:value=move || department.get() on:change=move |ev| department.set(event_target_value(&ev))>
                    <option value="">{move || s.t("派往部门", "To department")}</option>
                    {move || deps.get().data.unwrap_or_default().into_iter().map(|d| view! { <option value=d.id.clone()>{d.name.clone()}</option> }).collect_view()}
                </select>
                <button class="button small" data-testid="bulk-send" disabled=move || department.with(String::is_empty) on:click=send_all>{move || s.t("批量派单", "Dispatch")}</button>
            </div>
        </Show>
        {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
    }
}

/// Reports still on this phone (not yet sent, or refused): they show first, with their
/// sync state, so nothing written is ever out of sight.
#[component]
fn Pending() -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let pending = RwSignal::new(Vec::<Entry>::new());
    Effect::new(move |_| {
        outbox.synced.track();
        outbox.waiting.track();
        spawn_local(async move {
            let all = entries().await.unwrap_or_default();
            pending.try_set(all.into_iter().filter(|e| e.kind == NEW_KIND).collect());
        });
    });
    view! {
        <Show when=move || !pending.with(Vec::is_empty)>
            <h2>{move || s.t("还在手机上的报事", "Reports still on this phone")}</h2>
            <ul class="list">
                {move || pending.get().into_iter().map(|e| {
                    let text = serde_json::from_str::<NewReport>(&e.body).map(|r| r.text).unwrap_or_default();
                    let failed = e.state == EntryState::Failed;
                    view! {
                        <li class="list-item pending" data-testid="pending-report">
                            <A href=report_path(&e.id)>{wangge_core::reports::excerpt(&text, 30)}</A>
                            {if failed {
                                view! { <span class="tag tag-alert">{move || s.t("未能提交", "Refused")}</span> }.into_any()
                            } else {
                                view! { <span class="tag" data-testid="pending-state">{move || s.t("待发送", "Waiting to send")}</span> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
