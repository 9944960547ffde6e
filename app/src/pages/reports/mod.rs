//! 报事, the reporting loop (one lazy chunk): `/reports/new` files a report (offline too,
//! photos included, the draft kept on the phone), `/reports` is each role's list (my
//! reports; the grid's queue; the dispatcher's board with bulk dispatch; a department's
//! queue), `/reports/{id}` one report with its timeline and the actions its reader may
//! take, `/reports/inbox` the notices. Every write goes through the outbox with an id made here.

mod form;
mod inbox;
mod list;
mod report;
mod supervision;

use super::lazy::lazy_part;
use crate::api::{load, Loaded};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wangge_core::accounts::{AccountRole, Me};
use wangge_core::admin::Department;
use wangge_core::reports::{ActionKind, Category, ReportState};
use wangge_core::API_PREFIX;

// Three chunks (together they are too big for one; every split point also costs the
// shell, so no more than needed): the lists and the form, one report with the inbox, and
// supervision. The choice below is in the shell: a split point inside another chunk's
// exported view would leave the unsplit test build importing the splitter's placeholder.
lazy_part!(DeskPart => report_desk, super::Desk);
lazy_part!(CasePart => report_case, super::Case);
// 督办 and the ledger: staff only, and big enough to take the desk over its budget.
lazy_part!(SupervisionPart => report_supervision, super::supervision::Supervise);

/// `/reports`, `/reports/new`, `/reports/supervision`, `/reports/inbox` and
/// `/reports/{id}`.
#[component]
pub fn Reports() -> impl IntoView {
    let params = use_params_map();
    move || match params.with(|p| p.get("id")).as_deref() {
        None | Some("new") => view! { <DeskPart/> }.into_any(),
        Some("supervision") => view! { <SupervisionPart/> }.into_any(),
        Some(_) => view! { <CasePart/> }.into_any(),
    }
}

/// `/reports` or `/reports/new`.
#[component]
fn Desk() -> impl IntoView {
    let params = use_params_map();
    move || match params.with(|p| p.get("id")) {
        Some(_) => view! { <form::NewReportPage/> }.into_any(),
        None => view! { <list::ReportLists/> }.into_any(),
    }
}

/// `/reports/inbox` or `/reports/{id}`.
#[component]
fn Case() -> impl IntoView {
    let params = use_params_map();
    move || match params.with(|p| p.get("id")).as_deref() {
        Some("inbox") => view! { <inbox::InboxPage/> }.into_any(),
        _ => view! { <report::ReportAtPath/> }.into_any(),
    }
}

/// Where the inbox lives (under 报事: every notice is about a report).
pub const INBOX: &str = "/reports/inbox";
/// Where 督办 and the ledger live.
pub const SUPERVISION: &str = "/reports/supervision";

/// How often an open report (or a resident's list) is read again while shown: its status
/// is live without push (revalidation: an unchanged report is a 304 of no bytes).
const LIVE_MS: u32 = 60_000;

/// A tick that moves every `LIVE_MS` while the page is shown and online; a page's loader
/// tracks it. The loop ends with the page (its signal is gone).
fn live() -> RwSignal<u32> {
    let tick = RwSignal::new(0u32);
    leptos::task::spawn_local(async move {
        loop {
            gloo_timers::future::TimeoutFuture::new(LIVE_MS).await;
            if tick.try_get_untracked().is_none() {
                break;
            }
            let shown = document().visibility_state() == web_sys::VisibilityState::Visible;
            if shown && window().navigator().on_line() {
                tick.try_update(|t| *t += 1);
            }
        }
    });
    tick
}

/// Outbox kinds: a new report, an action on one, a photo for either.
const NEW_KIND: &str = REPORT_NEW_KIND;
/// The outbox kind of a new report (an errand from the guide is one too).
pub const REPORT_NEW_KIND: &str = "report.new";
const ACTION_KIND: &str = "report.action";

fn report_path(id: &str) -> String {
    format!("/reports/{id}")
}

fn api_report(id: &str) -> String {
    format!("{API_PREFIX}/reports/{id}")
}

/// Who is signed in (`None` data with a 401: nobody).
fn me() -> ReadSignal<Loaded<Me>> {
    load::<Me>(|| format!("{API_PREFIX}/me"))
}

fn categories() -> ReadSignal<Loaded<Vec<Category>>> {
    load::<Vec<Category>>(|| format!("{API_PREFIX}/report-categories"))
}

fn departments() -> ReadSignal<Loaded<Vec<Department>>> {
    load::<Vec<Department>>(|| format!("{API_PREFIX}/report-departments"))
}

/// Whether the account works reports as staff (not only as a resident).
fn is_staff(me: &Me) -> bool {
    me.roles.iter().any(|g| {
        matches!(
            g.role,
            AccountRole::GridWorker
                | AccountRole::GridLeader
                | AccountRole::GridInstructor
                | AccountRole::Dispatcher
                | AccountRole::DepartmentHandler
        )
    })
}

fn has_role(me: &Me, role: AccountRole) -> bool {
    me.roles.iter().any(|g| g.role == role)
}

fn state_label(s: Settings, state: ReportState) -> &'static str {
    s.t(state.label_zh(), state.label_en())
}

/// The tag colour of a state: waiting on staff, done, or ended otherwise.
fn state_class(state: ReportState) -> &'static str {
    match state {
        ReportState::Confirmed | ReportState::Closed => "tag tag-ok",
        ReportState::Resolved | ReportState::HandledOnSpot => "tag tag-accent",
        ReportState::Returned | ReportState::Reopened | ReportState::Pending => "tag tag-alert",
        _ => "tag",
    }
}

fn action_label(s: Settings, action: ActionKind) -> &'static str {
    match action {
        ActionKind::Submit => s.t("提交报事", "Filed"),
        ActionKind::Accept => s.t("受理", "Accept"),
        ActionKind::HandleOnSpot => s.t("自办自结", "Handled on the spot"),
        ActionKind::Escalate => s.t("上报", "Escalate"),
        ActionKind::Dispatch => s.t("派单", "Dispatch"),
        ActionKind::DepartmentAccept => s.t("接单", "Take on"),
        ActionKind::Return => s.t("退回", "Return"),
        ActionKind::Resolve => s.t("办结", "Resolve"),
        ActionKind::Confirm => s.t("确认并评价", "Confirm and rate"),
        ActionKind::Reopen => s.t("没有解决，重新处理", "Not fixed: reopen"),
        ActionKind::Close => s.t("关闭", "Close"),
        ActionKind::Merge => s.t("合并为重复", "Merge as duplicate"),
        ActionKind::Reject => s.t("不予受理", "Reject"),
        ActionKind::Recategorize => s.t("更改类别", "Change category"),
        ActionKind::Note => s.t("备注", "Note"),
        ActionKind::AddPhotos => s.t("补充照片", "Add photos"),
        ActionKind::DueSoon => s.t("临近办理时限", "Deadline near"),
        ActionKind::Overdue => s.t("已超时，督办", "Overdue: supervision"),
        ActionKind::Collect => s.t("材料已收齐", "Materials collected"),
        ActionKind::SubmitToOffice => s.t("已递交窗口", "Submitted to the office"),
        ActionKind::ReceiveResult => s.t("结果已取回", "Result received"),
        ActionKind::Deliver => s.t("已送达居民", "Delivered"),
    }
}

/// A category's name in the reader's language (its code if the list is not loaded).
fn category_name(s: Settings, cats: &[Category], code: &str) -> String {
    cats.iter().find(|c| c.code == code).map_or_else(
        || code.to_owned(),
        |c| s.lang.get().pick(&c.name_zh, &c.name_en).to_owned(),
    )
}

fn department_name(deps: &[Department], id: &str) -> String {
    deps.iter()
        .find(|d| d.id == id)
        .map_or_else(|| id.to_owned(), |d| d.name.clone())
}

/// `2026-11-22 14:05` in the phone's time zone.
fn when(ms: i64) -> String {
    let d = js_sys::Date::new(&(ms as f64).into());
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The category `<select>`: second-level categories grouped under their first level.
#[component]
fn CategorySelect(
    cats: Vec<Category>,
    value: RwSignal<String>,
    #[prop(into)] label: Signal<&'static str>,
    testid: &'static str,
) -> impl IntoView {
    let s = Settings::get();
    let groups: Vec<(Category, Vec<Category>)> = cats
        .iter()
        .filter(|c| c.parent.is_none())
        .map(|top| {
            // An errand is asked for from the guide, never chosen here.
            let children: Vec<Category> = cats
                .iter()
                .filter(|c| c.parent.as_deref() == Some(top.code.as_str()))
                .filter(|c| c.code != wangge_core::reports::errand::CATEGORY)
                .cloned()
                .collect();
            (top.clone(), children)
        })
        .filter(|(_, children)| !children.is_empty())
        .collect();
    view! {
        <label class="field">
            {move || label.get()}
            <select
                data-testid=testid
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">{move || s.t("请选择", "Choose")}</option>
                {groups.into_iter().map(|(top, children)| {
                    let (zh, en) = (top.name_zh.clone(), top.name_en.clone());
                    view! {
                        <optgroup label=move || s.lang.get().pick(&zh, &en).to_owned()>
                            {children.into_iter().map(|c| {
                                let selected = value.get_untracked() == c.code;
                                let (zh, en) = (c.name_zh.clone(), c.name_en.clone());
                                view! {
                                    <option value=c.code.clone() selected=selected>
                                        {move || s.lang.get().pick(&zh, &en).to_owned()}
                                    </option>
                                }
                            }).collect_view()}
                        </optgroup>
                    }
                }).collect_view()}
            </select>
        </label>
    }
}
