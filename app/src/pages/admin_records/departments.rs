//! Departments that handle dispatched reports (水务站, 供电所, 城管中队 …): the list, a new
//! one, and each one's form and state in its row. A department is deactivated, never
//! deleted: handlers' roles and reports refer to it.

use super::{confirmed, segment, send_now, FieldError, FormProblems, Outcome};
use crate::api::{load, send};
use crate::error::{AppError, ErrorMessage};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wangge_core::admin::{Department, DepartmentEdit, DepartmentPage};
use wangge_core::API_PREFIX;

/// The fields of the department form (the server's 422 names them so); the id only
/// when creating.
const FIELDS: &[&str] = &["id", "name", "area"];
const EDIT_FIELDS: &[&str] = &["name", "area"];

fn api_path(id: &str) -> String {
    format!("{API_PREFIX}/admin/departments/{}", segment(id))
}

/// Puts `d` in the list in id order, over any earlier copy.
fn upsert(items: RwSignal<Vec<Department>>, d: Department) {
    items.update(|list| {
        match list.iter_mut().find(|x| x.id == d.id) {
            Some(x) => *x = d,
            None => list.push(d),
        }
        list.sort_by(|a, b| a.id.cmp(&b.id));
    });
}

/// `/admin/departments`
#[component]
pub fn Departments(roots: Vec<String>) -> impl IntoView {
    let s = Settings::get();
    let first = load::<DepartmentPage>(|| format!("{API_PREFIX}/admin/departments"));
    let first_page = Memo::new(move |_| first.with(|f| f.data.clone()));
    let items = RwSignal::new(Vec::<Department>::new());
    let next = RwSignal::new(None::<String>);
    let more_error = RwSignal::new(None::<AppError>);
    let more_pending = RwSignal::new(false);
    Effect::new(move |_| {
        let page = first_page.get();
        more_error.set(None);
        next.set(page.as_ref().and_then(|p| p.next.clone()));
        items.set(page.map(|p| p.items).unwrap_or_default());
    });
    let load_more = move |_| {
        let Some(after) = next.get_untracked() else {
            return;
        };
        if more_pending.get_untracked() {
            return;
        }
        more_pending.set(true);
        more_error.set(None);
        let url = format!("{API_PREFIX}/admin/departments?after={}", segment(&after));
        spawn_local(async move {
            match send::<(), DepartmentPage>("GET", &url, None).await {
                Ok(Some(page)) => {
                    for d in page.items {
                        upsert(items, d);
                    }
                    next.try_set(page.next);
                }
                Ok(None) => {}
                Err(e) => {
                    more_error.try_set(Some(e));
                }
            }
            more_pending.try_set(false);
        });
    };
    // A department serves a county or a township: the administrator's own, to start with.
    let area = roots
        .iter()
        .find(|r| r.len() == 6 || r.len() == 9)
        .cloned()
        .unwrap_or_default();
    let adding = RwSignal::new(false);
    let added = RwSignal::new(None::<String>);
    let on_added = Callback::new(move |d: Department| {
        added.set(Some(d.name.clone()));
        adding.set(false);
        upsert(items, d);
    });
    view! {
        <h1>{move || s.t("部门", "Departments")}</h1>
        <p class="lead">{move || s.t(
            "处置报事的部门，如水务站、供电所、城管中队。部门处置人员的角色要选一个部门。不再使用的部门要停用，不能删除。",
            "Departments that handle reports, such as the water station, power supply office or city management squad. A department handler's role names one. A department no longer used is deactivated, never deleted.")}</p>
        {move || added.get().map(|name| view! {
            <p class="ok-box" role="status" data-testid="department-added">{move || s.t("已新增：", "Added: ")}{name.clone()}</p>
        })}
        <Show when=move || !adding.get()>
            <p class="actions">
                <button class="button" data-testid="add-department" on:click=move |_| { added.set(None); adding.set(true) }>
                    {move || s.t("＋ 新增部门", "+ New department")}
                </button>
            </p>
        </Show>
        <Show when=move || adding.get()>
            <h2>{move || s.t("新增部门", "New department")}</h2>
            <DepartmentForm
                id=String::new()
                creating=true
                edit=DepartmentEdit { name: String::new(), area: area.clone(), active: true }
                items
                testid="department-create-form"
                on_saved=on_added
            />
            <p class="actions">
                <button class="button secondary" on:click=move |_| adding.set(false)>{move || s.t("取消", "Cancel")}</button>
            </p>
        </Show>
        <SyncBadge sync=Signal::derive(move || first.get().sync)/>
        {move || first.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        {move || (first_page.with(Option::is_some) && items.with(Vec::is_empty)).then(|| view! {
            <p class="empty" data-testid="departments-empty">{move || s.t("还没有部门。", "No departments yet.")}</p>
        })}
        <ul class="list" data-testid="departments">
            <For
                each=move || items.get()
                key=|d| (d.id.clone(), d.name.clone(), d.area.clone(), d.active)
                let:d
            >
                <DepartmentRow d items/>
            </For>
        </ul>
        {move || more_error.get().map(|e| view! { <ErrorMessage error=e/> })}
        {move || next.get().is_some().then(|| view! {
            <button class="button secondary" data-testid="departments-more" disabled=move || more_pending.get() on:click=load_more>
                {move || if more_pending.get() { s.t("正在加载…", "Loading…") } else { s.t("加载更多", "Load more") }}
            </button>
        })}
    }
}

#[component]
fn DepartmentRow(d: Department, items: RwSignal<Vec<Department>>) -> impl IntoView {
    let s = Settings::get();
    let editing = RwSignal::new(false);
    let toggle = Outcome::new();
    let active = d.active;
    let current = d.clone();
    let flip = move |_| {
        let want = !current.active;
        if !want
            && !confirmed(
                "停用后，不能再选这个部门派单或给人员这个部门的角色；已有的记录会保留。确定停用吗？",
                "Once deactivated, the department can no longer be chosen for reports or handler roles; existing records are kept. Deactivate it?",
            )
        {
            return;
        }
        if !toggle.start() {
            return;
        }
        let body = DepartmentEdit {
            name: current.name.clone(),
            area: current.area.clone(),
            active: want,
        };
        let path = api_path(&current.id);
        spawn_local(async move {
            let result = send_now::<_, Department>("PUT", &path, Some(&body)).await;
            toggle.finish(&result);
            if let Ok(d) = result {
                upsert(items, d);
            }
        });
    };
    let on_saved = Callback::new(move |d: Department| {
        editing.set(false);
        upsert(items, d);
    });
    let edit = DepartmentEdit {
        name: d.name.clone(),
        area: d.area.clone(),
        active: d.active,
    };
    let id = d.id.clone();
    view! {
        <li class="list-item" data-testid="department-row">
            <p class="row-head">
                <strong>{d.name.clone()}</strong>
                " "
                {(!active).then(|| view! {
                    <span class="tag tag-alert" data-testid="inactive-badge">{move || s.t("已停用", "Deactivated")}</span>
                })}
            </p>
            <p class="muted">
                <span class="code">{d.id.clone()}</span>
                " · "
                {move || s.t("服务范围 ", "Serves ")}
                <span class="code">{d.area.clone()}</span>
            </p>
            <FormProblems outcome=toggle known=&[]/>
            <Show when=move || editing.get()>
                <DepartmentForm
                    id=id.clone()
                    creating=false
                    edit=edit.clone()
                    items
                    testid="department-form"
                    on_saved
                />
            </Show>
            <p class="actions">
                <button class="button secondary small" data-testid="edit-department" on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || if editing.get() { s.t("取消修改", "Cancel") } else { s.t("修改", "Edit") }}
                </button>
                <button
                    class="button secondary small"
                    data-testid=if active { "department-deactivate" } else { "department-activate" }
                    disabled=move || toggle.pending.get()
                    on:click=flip
                >
                    {move || if active { s.t("停用", "Deactivate") } else { s.t("重新启用", "Reactivate") }}
                </button>
            </p>
        </li>
    }
}

/// A department's form: a new one (with its id) or the name and area of one.
#[component]
fn DepartmentForm(
    id: String,
    creating: bool,
    edit: DepartmentEdit,
    items: RwSignal<Vec<Department>>,
    testid: &'static str,
    on_saved: Callback<Department>,
) -> impl IntoView {
    let s = Settings::get();
    let outcome = Outcome::new();
    let id = RwSignal::new(id);
    let name = RwSignal::new(edit.name);
    let area = RwSignal::new(edit.area);
    let active = edit.active;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !outcome.start() {
            return;
        }
        let id = id.get_untracked().trim().to_owned();
        // A PUT creates or changes: a new department must not overwrite one listed here.
        let taken = creating && items.with_untracked(|list| list.iter().any(|d| d.id == id));
        if id.is_empty() || taken {
            let (zh, en) = if taken {
                (
                    format!("编号「{id}」已被使用，请换一个"),
                    format!("the id \"{id}\" is taken; choose another"),
                )
            } else {
                ("请填写部门编号".to_owned(), "enter an id".to_owned())
            };
            outcome.refuse_locally("id", &zh, &en);
            return;
        }
        let body = DepartmentEdit {
            name: name.get_untracked().trim().to_owned(),
            area: area.get_untracked().trim().to_owned(),
            active,
        };
        let path = api_path(&id);
        spawn_local(async move {
            let result = send_now::<_, Department>("PUT", &path, Some(&body)).await;
            outcome.finish(&result);
            if let Ok(d) = result {
                on_saved.run(d);
            }
        });
    };
    view! {
        <form class="form" data-testid=testid on:submit=submit>
            <FormProblems outcome known=if creating { FIELDS } else { EDIT_FIELDS }/>
            {creating.then(|| view! {
                <label class="field">
                    <span>{move || s.t("编号（小写英文字母、数字和 . _ -，如 water；不能改）", "Id (a-z, 0-9, . _ -, e.g. water; cannot be changed)")}</span>
                    <input name="id" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="64"
                        prop:value=move || id.get() on:input=move |ev| id.set(event_target_value(&ev))/>
                </label>
                <FieldError outcome field="id"/>
            })}
            <label class="field">
                <span>{move || s.t("名称", "Name")}</span>
                <input name="name" maxlength="50" autocomplete="off" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <FieldError outcome field="name"/>
            <label class="field">
                <span>{move || s.t("服务范围：县或乡镇编码（6 或 9 位）", "Serves: county or township code (6 or 9 digits)")}</span>
                <input name="area" inputmode="numeric" autocomplete="off" maxlength="9" prop:value=move || area.get()
                    on:input=move |ev| area.set(event_target_value(&ev))/>
            </label>
            <FieldError outcome field="area"/>
            <button class="button" type="submit" data-testid=if creating { "create-department" } else { "save-department" }
                disabled=move || outcome.pending.get()>
                {move || match (outcome.pending.get(), creating) {
                    (true, _) => s.t("正在保存…", "Saving…"),
                    (false, true) => s.t("新增", "Add"),
                    (false, false) => s.t("保存", "Save"),
                }}
            </button>
        </form>
    }
}
