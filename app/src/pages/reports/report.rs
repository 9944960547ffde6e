//! `/reports/{id}`: one report — what, where, photos, where it stands, its timeline (staff
//! also read the internal notes) — and a button for each action its reader may take now
//! (`Report::allowed`, decided by the Worker's state machine). Actions go through the
//! outbox on the version shown: if someone acted first, the action is refused (409) and
//! the page says so and shows the newest.

use super::{
    action_label, api_report, categories, category_name, department_name, departments, is_staff,
    me, state_class, state_label, when, CategorySelect, ACTION_KIND, NEW_KIND,
};
use crate::error::{AppError, ErrorMessage};
use crate::outbox::{entries, new_id, Entry, EntryState, Outbox};
use crate::pages::admin_records::{confirmed, FieldError, Outcome};
use crate::pages::photos::{self, photo_url, Photo, PhotoPicker};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wangge_core::reports::errand::{self, Errand};
use wangge_core::reports::{ActionKind, ActionRecord, ActionRequest, NewReport, Report};

/// `/reports/{id}`, the id from the path (the section re-renders this on a new id).
#[component]
pub fn ReportAtPath() -> impl IntoView {
    let id = leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default();
    view! { <ReportPage id/> }
}

#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let tick = super::live();
    let path = api_report(&id);
    let report = crate::api::load::<Report>(move || {
        outbox.synced.track();
        tick.track();
        path.clone()
    });
    let me = me();
    let staff = Memo::new(move |_| me.with(|m| m.data.as_ref().is_some_and(is_staff)));
    // What of this report is still on the phone: the report itself, actions on it.
    let local = RwSignal::new(Vec::<Entry>::new());
    let prefix = api_report(&id);
    let own_id = id.clone();
    Effect::new(move |_| {
        outbox.synced.track();
        outbox.waiting.track();
        let (prefix, own_id) = (prefix.clone(), own_id.clone());
        spawn_local(async move {
            let all = entries().await.unwrap_or_default();
            local.try_set(
                all.into_iter()
                    .filter(|e| {
                        e.id == own_id || (e.kind == ACTION_KIND && e.path.starts_with(&prefix))
                    })
                    .collect(),
            );
        });
    });
    let unsent = move || local.with(|l| l.iter().find(|e| e.kind == NEW_KIND).cloned());
    view! {
        <section class="reports report-page">
            <p><A href="/reports">{move || s.t("返回报事列表", "Back to reports")}</A></p>
            {move || match (report.get().data, unsent()) {
                (Some(r), _) => view! { <Shown r staff/> }.into_any(),
                (None, Some(e)) => view! { <Unsent entry=e/> }.into_any(),
                (None, None) => view! {
                    <SyncBadge sync=Signal::derive(move || report.get().sync)/>
                    {move || report.get().error.map(|e| view! { <ErrorMessage error=e/> })}
                }.into_any(),
            }}
            <LocalActions local/>
        </section>
    }
}

/// A report that has not reached the server yet: what was written, and that it waits.
#[component]
fn Unsent(entry: Entry) -> impl IntoView {
    let s = Settings::get();
    let cats = categories();
    let r = serde_json::from_str::<NewReport>(&entry.body).ok();
    let failed = entry.state == EntryState::Failed;
    let problem = entry.problem.clone();
    view! {
        <h1>{move || s.t("报事（还在手机上）", "Report (still on this phone)")}</h1>
        {if failed {
            view! {
                <p class="tag tag-alert" data-testid="report-sync">{move || s.t("服务器没有接收，请到“同步”页查看原因。", "The server refused it; see the sync page for why.")}</p>
                {problem.map(|p| view! { <p class="field-error">{move || s.lang.get().pick(&p.message_zh, &p.message_en).to_owned()}</p> })}
                <p><A href="/account/sync">{move || s.t("查看同步", "Open sync")}</A></p>
            }.into_any()
        } else {
            view! { <p class="tag" data-testid="report-sync">{move || s.t("待发送：有网络时会自动发送", "Waiting: it is sent by itself once there is a network")}</p> }.into_any()
        }}
        {r.map(|r| {
            let cat = r.category.clone();
            view! {
                <p><strong>{move || cats.with(|c| category_name(s, c.data.as_deref().unwrap_or_default(), &cat))}</strong></p>
                <p class="report-text" data-testid="report-text-shown">{r.text.clone()}</p>
                {(!r.location.address.is_empty()).then(|| view! { <p>{r.location.address.clone()}</p> })}
            }
        })}
    }
}

#[component]
fn Shown(r: Report, staff: Memo<bool>) -> impl IntoView {
    let s = Settings::get();
    let cats = categories();
    let deps = departments();
    let cat = r.category.clone();
    let dep = r.department.clone();
    let state = r.state;
    let loc = r.location.clone();
    let map = loc
        .lat
        .zip(loc.long)
        .map(|(lat, long)| format!("{lat:.5}, {long:.5}"));
    view! {
        <h1>{move || cats.with(|c| category_name(s, c.data.as_deref().unwrap_or_default(), &cat))}</h1>
        <p class="actions">
            <span class=state_class(state) data-testid="report-state">{move || state_label(s, state)}</span>
            {dep.map(|d| view! { <span class="tag">{move || deps.with(|x| department_name(x.data.as_deref().unwrap_or_default(), &d))}</span> })}
            {r.on_behalf.then(|| view! { <span class="tag">{move || s.t("网格员代报", "Filed by the grid worker")}</span> })}
            {r.merged_into.clone().map(|m| view! { <A href=super::report_path(&m)>{move || s.t("已合并到另一件报事", "Merged into another report")}</A> })}
        </p>
        <p class="report-text" data-testid="report-text-shown">{r.text.clone()}</p>
        {r.errand.clone().map(|e| view! { <ErrandProgress e/> })}
        {(!loc.address.is_empty()).then(|| view! { <p>{move || s.t("地点：", "Where: ")}{loc.address.clone()}</p> })}
        {map.map(|m| view! { <p class="muted">{move || s.t("定位：", "Position: ")}{m.clone()}</p> })}
        {r.contact.clone().map(|c| view! { <p>{move || s.t("联系电话：", "Phone: ")}<a href=format!("tel:{c}")>{c.clone()}</a></p> })}
        <Photos keys=r.photos.clone()/>
        <p class="muted">{move || s.t("提交于 ", "Filed ")}{when(r.created_at)}</p>
        <Deadline r=r.clone()/>
        {r.rating.map(|n| view! { <p data-testid="report-rating">{move || s.t("评价：", "Rating: ")}{"★".repeat(n.into())}</p> })}
        <Actions r=r.clone() staff/>
        <h2>{move || s.t("办理过程", "Timeline")}</h2>
        <ol class="timeline" data-testid="timeline">
            {r.timeline.iter().rev().cloned().map(|a| view! { <Step a/> }).collect_view()}
        </ol>
    }
}

/// 代办: the guide item, the four steps with those done ticked, and the materials (which
/// the resident had ready, which the worker can collect at home).
#[component]
fn ErrandProgress(e: Errand) -> impl IntoView {
    let s = Settings::get();
    let done = e.step;
    view! {
        <section class="errand" data-testid="errand">
            <p>
                {move || s.t("代办事项：", "Errand: ")}
                <A href=format!("/guide/{}", e.guide)>{e.name.clone()}</A>
                {(!e.department.is_empty()).then(|| view! { <span class="muted">" · "{e.department.clone()}</span> })}
            </p>
            <ol class="errand-steps" data-testid="errand-steps">
                {(1..=4u8).map(|k| {
                    let class = if k <= done { "errand-step done" } else { "errand-step" };
                    view! {
                        <li class=class data-testid="errand-step" data-done=(k <= done).to_string()>
                            <span aria-hidden="true">{if k <= done { "✓ " } else { "○ " }}</span>
                            {move || s.lang.get().pick(errand::step_label_zh(k), errand::step_label_en(k)).to_owned()}
                            <span class="visually-hidden">{move || if k <= done { s.t("（已完成）", " (done)") } else { s.t("（未完成）", " (not yet)") }}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(!e.materials.is_empty()).then(|| view! {
                <details class="errand-materials">
                    <summary>{move || s.t("所需材料", "Materials")}</summary>
                    <ul>
                        {e.materials.iter().map(|m| {
                            let (ready, collectable) = (m.ready, m.collectable);
                            view! {
                                <li>
                                    {m.name.clone()}
                                    {ready.then(|| view! { <span class="tag">{move || s.t("居民已备好", "ready")}</span> })}
                                    {collectable.then(|| view! { <span class="tag">{move || s.t("可上门收取", "can be collected")}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </section>
    }
}

#[component]
fn Photos(keys: Vec<String>) -> impl IntoView {
    let s = Settings::get();
    (!keys.is_empty()).then(|| view! {
        <ul class="thumbs">
            {keys.into_iter().map(|k| view! {
                <li><a href=photo_url(&k) target="_blank"><img src=photo_url(&k) loading="lazy" alt=move || s.t("照片", "Photo") data-testid="report-photo"/></a></li>
            }).collect_view()}
        </ul>
    })
}

#[component]
fn Step(a: ActionRecord) -> impl IntoView {
    let s = Settings::get();
    let deps = departments();
    let cats = categories();
    let (action, to) = (a.action, a.to);
    let changed = a.from != a.to;
    view! {
        <li class="step" data-testid="timeline-step" data-action=action.as_str()>
            <p class="row-head">
                <strong>{move || super::action_label(s, action)}</strong>
                {changed.then(|| view! { " → " <span class=state_class(to)>{move || state_label(s, to)}</span> })}
            </p>
            <p class="muted">{when(a.at)}" · "{a.by.clone()}</p>
            {a.department.clone().map(|d| view! { <p>{move || s.t("部门：", "Department: ")}{move || deps.with(|x| department_name(x.data.as_deref().unwrap_or_default(), &d))}</p> })}
            {a.category.clone().map(|c| view! { <p>{move || s.t("类别：", "Category: ")}{move || cats.with(|x| category_name(s, x.data.as_deref().unwrap_or_default(), &c))}</p> })}
            {a.rating.map(|n| view! { <p>{"★".repeat(n.into())}</p> })}
            {(!a.public_text.is_empty()).then(|| view! { <p data-testid="step-text">{a.public_text.clone()}</p> })}
            {a.internal_text.clone().filter(|t| !t.is_empty()).map(|t| view! { <p class="internal">{move || s.t("内部备注：", "Internal: ")}{t.clone()}</p> })}
            <Photos keys=a.photos.clone()/>
        </li>
    }
}

/// Actions on this report still on the phone (waiting, or refused with the reason).
#[component]
fn LocalActions(local: RwSignal<Vec<Entry>>) -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    move || {
        let actions: Vec<Entry> = local
            .get()
            .into_iter()
            .filter(|e| e.kind == ACTION_KIND)
            .collect();
        (!actions.is_empty()).then(|| view! {
            <ul class="list">
                {actions.into_iter().map(|e| {
                    let failed = e.state == EntryState::Failed;
                    let problem = e.problem.clone();
                    let id = e.id.clone();
                    let label = s.lang.get_untracked().pick(&e.label_zh, &e.label_en).to_owned();
                    view! {
                        <li class="list-item pending" data-testid="pending-action">
                            <span>{label}</span>
                            {if failed {
                                view! {
                                    <span class="field-error" data-testid="action-refused">
                                        {problem.map(|p| s.lang.get_untracked().pick(&p.message_zh, &p.message_en).to_owned())}
                                    </span>
                                    <button class="button small secondary" on:click=move |_| {
                                        let id = id.clone();
                                        spawn_local(async move { let _ = outbox.discard(&id).await; });
                                    }>{move || s.t("知道了", "Dismiss")}</button>
                                }.into_any()
                            } else {
                                view! { <span class="tag">{move || s.t("待发送", "Waiting to send")}</span> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })
    }
}

/// Which fields an action's form asks for.
struct Needs {
    text: Option<(&'static str, &'static str)>,
    photos: bool,
    department: bool,
    category: bool,
    rating: bool,
    into: bool,
    /// Asked again before it goes (it cannot be taken back).
    confirm: bool,
}

fn needs(action: ActionKind) -> Needs {
    let mut n = Needs {
        text: None,
        photos: false,
        department: false,
        category: false,
        rating: false,
        into: false,
        confirm: false,
    };
    match action {
        ActionKind::HandleOnSpot | ActionKind::Resolve => {
            n.text = Some((
                "处理结果（居民能看到）",
                "What was done (the resident reads it)",
            ));
            n.photos = true;
        }
        ActionKind::Return | ActionKind::Reopen => n.text = Some(("原因", "Reason")),
        ActionKind::Reject => {
            n.text = Some(("不予受理的原因", "Why it is not in scope"));
            n.confirm = true;
        }
        ActionKind::Dispatch => n.department = true,
        ActionKind::Recategorize => n.category = true,
        ActionKind::Confirm => {
            n.rating = true;
            n.text = Some(("评价（可不写）", "Comment (optional)"));
        }
        ActionKind::Merge => {
            n.into = true;
            n.confirm = true;
        }
        ActionKind::Note => {
            n.text = Some((
                "备注（居民能看到；只给工作人员看的写在内部备注）",
                "Note (the resident reads it; put staff-only words in the internal note)",
            ))
        }
        ActionKind::AddPhotos => n.photos = true,
        ActionKind::Close => n.confirm = true,
        _ => n.text = Some(("说明（可不写）", "Note (optional)")),
    }
    n
}

#[component]
fn Actions(r: Report, staff: Memo<bool>) -> impl IntoView {
    let s = Settings::get();
    let open = RwSignal::new(None::<ActionKind>);
    let allowed: Vec<ActionKind> = r
        .allowed
        .iter()
        .copied()
        .filter(|a| *a != ActionKind::Submit)
        .collect();
    let buttons = allowed
        .iter()
        .map(|&a| {
            let class = if matches!(a, ActionKind::Note | ActionKind::AddPhotos | ActionKind::Recategorize | ActionKind::Reject | ActionKind::Merge | ActionKind::Close) {
                "button secondary"
            } else {
                "button"
            };
            view! {
                <button class=class data-testid=format!("action-{}", a.as_str()) aria-pressed=move || (open.get() == Some(a)).to_string() on:click=move |_| open.set(Some(a))>
                    {move || action_label(s, a)}
                </button>
            }
        })
        .collect_view();
    view! {
        <Show when=move || !allowed.is_empty()>
            <div class="actions report-actions">{buttons.clone()}</div>
        </Show>
        {move || open.get().map(|a| view! { <ActionForm r=r.clone() action=a staff open/> })}
    }
}

#[component]
fn ActionForm(
    r: Report,
    action: ActionKind,
    staff: Memo<bool>,
    open: RwSignal<Option<ActionKind>>,
) -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let n = needs(action);
    let text = RwSignal::new(String::new());
    let internal = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let rating = RwSignal::new(0u8);
    let into = RwSignal::new(String::new());
    let photos = RwSignal::new(Vec::<Photo>::new());
    let outcome = Outcome::new();
    let deps = departments();
    let cats = categories();
    let grid = r.grid.clone();
    let (id, version) = (r.id.clone(), r.version);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = ActionRequest {
            id: new_id(),
            action,
            version,
            text: text.get_untracked().trim().to_owned(),
            internal_text: internal.get_untracked().trim().to_owned(),
            department: n_some(department.get_untracked()),
            category: n_some(category.get_untracked()),
            rating: (rating.get_untracked() > 0).then(|| rating.get_untracked()),
            into: n_some(into.get_untracked().trim().to_owned()),
            photos: photos.with_untracked(|p| p.iter().map(Photo::key).collect()),
        };
        let problems = body.problems();
        if !problems.is_empty() {
            outcome.details.set(problems);
            return;
        }
        if needs(action).confirm
            && !confirmed(
                &format!("确定要“{}”吗？此操作不能撤回。", action_label(s, action)),
                &format!(
                    "{}: this cannot be undone. Go ahead?",
                    action_label(s, action)
                ),
            )
        {
            return;
        }
        if !outcome.start() {
            return;
        }
        let path = format!("{}/actions", api_report(&id));
        let label = action_label(s, action);
        let taken = photos.get_untracked();
        spawn_local(async move {
            let result: Result<(), AppError> = async {
                photos::enqueue(outbox, &taken).await?;
                let entry = Entry::new(
                    body.id.clone(),
                    ACTION_KIND,
                    "POST",
                    path,
                    &body,
                    (label.to_owned(), label.to_owned()),
                )?;
                outbox.enqueue(entry).await
            }
            .await;
            outcome.finish(&result);
            if result.is_ok() {
                open.try_set(None);
            }
        });
    };
    let text_label = n.text;
    view! {
        <form class="action-form rows" on:submit=submit novalidate data-testid="action-form">
            <h2>{move || action_label(s, action)}</h2>
            {n.department.then(|| view! {
                <label class="field">{move || s.t("派往部门", "To department")}
                    <select data-testid="action-department" prop:value=move || department.get() on:change=move |ev| department.set(event_target_value(&ev))>
                        <option value="">{move || s.t("请选择", "Choose")}</option>
                        {move || deps.get().data.unwrap_or_default().into_iter()
                            .filter(|d| grid.starts_with(&d.area))
                            .map(|d| view! { <option value=d.id.clone()>{d.name.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <FieldError outcome field="department"/>
            })}
            {n.category.then(|| view! {
                {move || cats.get().data.map(|list| view! {
                    <CategorySelect cats=list value=category label=Signal::derive(move || s.t("新的类别", "New category")) testid="action-category"/>
                })}
                <FieldError outcome field="category"/>
            })}
            {n.rating.then(|| view! {
                <fieldset class="stars" data-testid="action-rating">
                    <legend>{move || s.t("满意程度（1 到 5 星）", "How satisfied (1 to 5 stars)")}</legend>
                    {(1..=5u8).map(|k| view! {
                        <button type="button" class="star" aria-pressed=move || (rating.get() >= k).to_string()
                            aria-label=move || format!("{k} {}", s.t("星", "stars")) data-testid=format!("star-{k}")
                            on:click=move |_| rating.set(k)>"★"</button>
                    }).collect_view()}
                </fieldset>
                <FieldError outcome field="rating"/>
            })}
            {n.into.then(|| view! {
                <label class="field">{move || s.t("重复的是哪件报事（编号）", "The report it duplicates (its id)")}
                    <input data-testid="action-into" prop:value=move || into.get() on:input=move |ev| into.set(event_target_value(&ev))/>
                </label>
                <FieldError outcome field="into"/>
            })}
            {text_label.map(|(zh, en)| view! {
                <label class="field">{move || s.t(zh, en)}
                    <textarea rows="3" data-testid="action-text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </label>
                <FieldError outcome field="text"/>
            })}
            <Show when=move || staff.get()>
                <label class="field">{move || s.t("内部备注（居民看不到，可不写）", "Internal note (residents never see it; optional)")}
                    <textarea rows="2" data-testid="action-internal" prop:value=move || internal.get() on:input=move |ev| internal.set(event_target_value(&ev))></textarea>
                </label>
            </Show>
            {n.photos.then(|| view! { <PhotoPicker photos/> <FieldError outcome field="photos"/> })}
            {move || outcome.error.get().map(|e| view! { <ErrorMessage error=e/> })}
            <p class="actions">
                <button type="submit" class="button" data-testid="action-submit" disabled=move || outcome.pending.get()>{move || s.t("确定", "Confirm")}</button>
                <button type="button" class="button secondary" on:click=move |_| open.set(None)>{move || s.t("取消", "Cancel")}</button>
            </p>
        </form>
    }
}

fn n_some(v: String) -> Option<String> {
    (!v.is_empty()).then_some(v)
}

/// The report's clock: respond and resolve by when, how it stands, and whether the
/// calendar had the year (else plain weekends were counted).
#[component]
fn Deadline(r: Report) -> impl IntoView {
    use wangge_core::reports::deadline::Urgency;
    let s = Settings::get();
    let due = r.due.map(|u| match u {
        Urgency::OnTime => ("tag", ("未超时", "On time")),
        Urgency::DueSoon => ("tag tag-warn", ("临近时限", "Due soon")),
        Urgency::Overdue => ("tag tag-alert", ("已超时", "Overdue")),
    });
    (r.respond_by.is_some() || r.resolve_by.is_some()).then(|| {
        view! {
            <p class="deadline" data-testid="report-deadline">
                {r.respond_by.map(|t| view! { <span>{move || s.t("响应时限 ", "Respond by ")}{when(t)}</span>" " })}
                {r.resolve_by.map(|t| view! { <span>{move || s.t("办结时限 ", "Resolve by ")}{when(t)}</span>" " })}
                {due.map(|(class, (zh, en))| view! { <span class=class data-testid="report-due">{move || s.t(zh, en)}</span> })}
                {r.deadline_fallback.then(|| view! {
                    <span class="muted">{move || s.t("（节假日安排尚未公布，按双休日计算）", "(holidays not published yet: weekends only)")}</span>
                })}
            </p>
        }
    })
}
