//! Staff accounts: the list (in login order, more on demand), one account's form with its
//! roles, and a new account. An account is deactivated, never deleted: it can no longer
//! sign in, but its roles and everything it did stay on record.

use super::{confirmed, segment, send_now, FieldError, FormProblems, Outcome, StatusBadge};
use crate::api::{load, send};
use crate::error::{AppError, ErrorMessage};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wangge_core::accounts::{AccountRole, RoleGrant, Scope};
use wangge_core::admin::{AccountEdit, Department, DepartmentPage, StaffAccount, StaffPage};
use wangge_core::API_PREFIX;

/// The fields of the account form (the server's 422 names them so; `roles[` is each row);
/// the login only when creating.
const FIELDS: &[&str] = &["login", "name", "phone", "commitment", "roles", "roles["];
const EDIT_FIELDS: &[&str] = &["name", "phone", "commitment", "roles", "roles["];

/// Departments fetched for the role rows' select, at most this many pages of 100.
const MAX_DEPARTMENT_PAGES: usize = 20;

fn account_path(login: &str) -> String {
    format!("/admin/people/{}", segment(login))
}

fn api_path(login: &str) -> String {
    format!("{API_PREFIX}/admin/accounts/{}", segment(login))
}

fn scope_id(scope: &Scope) -> &str {
    match scope {
        Scope::Grid(id) | Scope::Department(id) | Scope::Shop(id) => id,
    }
}

/// What kind of scope a role takes (department handlers a department, shop clerks a
/// shop, every other staff role a grid subtree).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Grid,
    Department,
    Shop,
}

fn scope_kind(role: AccountRole) -> ScopeKind {
    match role {
        AccountRole::DepartmentHandler => ScopeKind::Department,
        AccountRole::ShopClerk => ScopeKind::Shop,
        _ => ScopeKind::Grid,
    }
}

fn grant(role: AccountRole, scope: &str) -> RoleGrant {
    let id = scope.trim().to_owned();
    let scope = match scope_kind(role) {
        ScopeKind::Grid => Scope::Grid(id),
        ScopeKind::Department => Scope::Department(id),
        ScopeKind::Shop => Scope::Shop(id),
    };
    RoleGrant { role, scope }
}

/// `网格员 990101001003001、部门处置人员 部门 water`
fn roles_summary(s: Settings, roles: &[RoleGrant]) -> String {
    roles
        .iter()
        .map(|g| {
            let place = match &g.scope {
                Scope::Grid(code) => code.clone(),
                Scope::Department(id) => format!("{}{id}", s.t("部门 ", "department ")),
                Scope::Shop(id) => format!("{}{id}", s.t("超市 ", "shop ")),
            };
            format!("{} {place}", s.t(g.role.label_zh(), g.role.label_en()))
        })
        .collect::<Vec<_>>()
        .join(s.t("、", ", "))
}

/// `/admin/people`: every staff account in the administrator's area.
#[component]
pub fn StaffList() -> impl IntoView {
    let s = Settings::get();
    let first = load::<StaffPage>(|| format!("{API_PREFIX}/admin/accounts"));
    let first_page = Memo::new(move |_| first.with(|f| f.data.clone()));
    let more = RwSignal::new(Vec::<StaffAccount>::new());
    let next = RwSignal::new(None::<String>);
    let more_error = RwSignal::new(None::<AppError>);
    let more_pending = RwSignal::new(false);
    Effect::new(move |_| {
        let page = first_page.get();
        more.set(Vec::new());
        more_error.set(None);
        next.set(page.and_then(|p| p.next));
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
        let url = format!("{API_PREFIX}/admin/accounts?after={}", segment(&after));
        spawn_local(async move {
            match send::<(), StaffPage>("GET", &url, None).await {
                Ok(Some(page)) => {
                    more.try_update(|m| m.extend(page.items));
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
    let filter = RwSignal::new(String::new());
    let shown = move || {
        let q = filter.get();
        let q = q.trim().to_ascii_lowercase();
        let all = first_page.get().map(|p| p.items).unwrap_or_default();
        all.into_iter()
            .chain(more.get())
            .filter(|a| q.is_empty() || a.name.contains(q.as_str()) || a.login.contains(q.as_str()))
            .collect::<Vec<_>>()
    };
    view! {
        <h1>{move || s.t("工作人员", "Staff")}</h1>
        <p class="lead">{move || s.t(
            "网格员、网格长、调度员、部门处置人员等的账号和角色。不再工作的人员要停用，不能删除。",
            "Accounts and roles of grid workers, leaders, dispatchers, department handlers and others. Someone who leaves is deactivated, never deleted.")}</p>
        <p class="actions">
            <A href="/admin/people/new" attr:class="button" attr:data-testid="new-staff">{move || s.t("＋ 新增工作人员", "+ New staff account")}</A>
        </p>
        <SyncBadge sync=Signal::derive(move || first.get().sync)/>
        {move || first.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        <label class="field">
            <span>{move || s.t("查找（姓名或登录名，在已加载的人员中）", "Find (name or login, among those loaded)")}</span>
            <input type="search" data-testid="staff-filter" prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))/>
        </label>
        {move || first_page.get().map(|p| {
            let none = p.items.is_empty();
            view! {
                {none.then(|| view! {
                    <p class="empty" data-testid="staff-empty">{move || s.t("还没有工作人员账号。", "No staff accounts yet.")}</p>
                })}
                {move || {
                    let rows = shown();
                    let nothing = rows.is_empty() && !none;
                    view! {
                        {nothing.then(|| view! {
                            <p class="empty">{move || s.t("已加载的人员中没有符合的；可以加载更多再找。", "No match among those loaded; load more and look again.")}</p>
                        })}
                        <ul class="list" data-testid="staff">
                            {rows.into_iter().map(|a| view! { <StaffRow a/> }).collect_view()}
                        </ul>
                    }
                }}
            }
        })}
        {move || more_error.get().map(|e| view! { <ErrorMessage error=e/> })}
        {move || next.get().is_some().then(|| view! {
            <button class="button secondary" data-testid="staff-more" disabled=move || more_pending.get() on:click=load_more>
                {move || if more_pending.get() { s.t("正在加载…", "Loading…") } else { s.t("加载更多", "Load more") }}
            </button>
        })}
    }
}

#[component]
fn StaffRow(a: StaffAccount) -> impl IntoView {
    let s = Settings::get();
    let roles = a.roles.clone();
    let active = a.active;
    let has_password = a.has_password;
    view! {
        <li class="list-item" data-testid="staff-row">
            <A href=account_path(&a.login)>
                <strong>{a.name.clone()}</strong>
                <span>
                    {(!active).then(|| view! {
                        <span class="tag tag-alert" data-testid="inactive-badge">{move || s.t("已停用", "Deactivated")}</span>
                    })}
                    {(active && !has_password).then(|| view! {
                        <span class="tag">{move || s.t("未开通", "No password")}</span>
                    })}
                </span>
                <small class="code">{a.login.clone()}</small>
                <small class="roles-summary">{move || roles_summary(s, &roles)}</small>
            </A>
        </li>
    }
}

/// `/admin/people/new`
#[component]
pub fn NewAccount(roots: Vec<String>) -> impl IntoView {
    let s = Settings::get();
    let navigate = use_navigate();
    let edit = AccountEdit {
        name: String::new(),
        phone: String::new(),
        roles: vec![grant(AccountRole::GridWorker, "")],
        commitment: String::new(),
        active: true,
    };
    let on_saved = Callback::new(move |a: StaffAccount| {
        let to = format!("{}?created=1", account_path(&a.login));
        navigate(
            &to,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    let hint = roots.first().cloned().unwrap_or_default();
    view! {
        <p class="crumbs"><A href="/admin/people">{move || s.t("工作人员", "Staff")}</A></p>
        <h1>{move || s.t("新增工作人员", "New staff account")}</h1>
        <p class="lead">{move || s.t(
            "保存后，在“导入导出”页为此人生成开通码，本人扫码登录后自己设置密码。",
            "After saving, issue a one-time code for them on the Import / export page; they sign in with it and set their own password.")}</p>
        <AccountForm login=String::new() creating=true edit hint on_saved/>
    }
}

/// `/admin/people/{login}`
#[component]
pub fn AccountPage(login: String) -> impl IntoView {
    let s = Settings::get();
    let path = api_path(&login);
    let loaded = load::<StaffAccount>(move || path.clone());
    // What the server answered to an edit made here: newer than the load.
    let latest = RwSignal::new(None::<StaffAccount>);
    let account = Memo::new(move |_| latest.get().or_else(|| loaded.with(|l| l.data.clone())));
    let created = use_query_map().with_untracked(|q| q.get("created").is_some());
    let notice = RwSignal::new(created.then_some(Notice::Created));
    view! {
        <p class="crumbs"><A href="/admin/people">{move || s.t("工作人员", "Staff")}</A></p>
        <SyncBadge sync=Signal::derive(move || loaded.get().sync)/>
        {move || latest.with(Option::is_none).then(|| loaded.get().error.map(|e| view! { <ErrorMessage error=e/> }))}
        {move || notice.get().map(|n| view! {
            <p class="ok-box" role="status" data-testid="account-notice">{move || match n {
                Notice::Created => s.t("已新增。", "Added."),
                Notice::Saved => s.t("已保存。", "Saved."),
                Notice::Deactivated => s.t("已停用：此人不能再登录，已登录的设备已退出。", "Deactivated: they can no longer sign in, and were signed out everywhere."),
                Notice::Reactivated => s.t("已重新启用。", "Reactivated."),
            }}</p>
        })}
        {move || account.get().map(|a| view! { <AccountDetail a latest notice/> })}
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notice {
    Created,
    Saved,
    Deactivated,
    Reactivated,
}

#[component]
fn AccountDetail(
    a: StaffAccount,
    latest: RwSignal<Option<StaffAccount>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let s = Settings::get();
    let toggle = Outcome::new();
    let active = a.active;
    let has_password = a.has_password;
    let phone_public = a.phone_public;
    let current = a.clone();
    let on_saved = Callback::new(move |saved: StaffAccount| {
        notice.set(Some(Notice::Saved));
        latest.set(Some(saved));
    });
    let flip = move |_| {
        let want = !current.active;
        if !want
            && !confirmed(
                "停用后，此人不能再登录，已登录的设备会退出，也不再出现在网格卡上；角色和经办记录都会保留。确定停用吗？",
                "Once deactivated, they can no longer sign in, are signed out everywhere and leave the grid cards; their roles and records are kept. Deactivate the account?",
            )
        {
            return;
        }
        if !toggle.start() {
            return;
        }
        notice.set(None);
        // The account as saved, only its state changed: unsaved edits in the form stay there.
        let mut body = current.edit();
        body.active = want;
        let path = api_path(&current.login);
        spawn_local(async move {
            let result = send_now::<_, StaffAccount>("PUT", &path, Some(&body)).await;
            toggle.finish(&result);
            if let Ok(a) = result {
                notice.try_set(Some(if want {
                    Notice::Reactivated
                } else {
                    Notice::Deactivated
                }));
                latest.try_set(Some(a));
            }
        });
    };
    view! {
        <h1 data-testid="account-name">{a.name.clone()}</h1>
        <p class="grid-meta">
            <StatusBadge active=active testid="account-status"/>
            {(!has_password).then(|| view! { <span class="tag">{move || s.t("未开通", "No password yet")}</span> })}
            {phone_public.then(|| view! { <span class="tag tag-ok">{move || s.t("工作电话已公开", "Work phone public")}</span> })}
            <span class="code">{a.login.clone()}</span>
        </p>
        <p class="muted">
            {move || s.t("生成开通码（首次登录或忘记密码）、公开工作电话：", "One-time sign-in codes (first sign-in or a lost password) and public work phones: ")}
            <A href="/admin">{move || s.t("到“导入导出”页", "on the Import / export page")}</A>
        </p>
        <AccountForm login=a.login.clone() creating=false edit=a.edit() hint=String::new() on_saved/>
        <h2>{move || if active { s.t("停用", "Deactivate") } else { s.t("重新启用", "Reactivate") }}</h2>
        <p class="muted">{move || if active {
            s.t("人员离岗要停用账号，不能删除：报事、住户登记等记录里还有此人。", "Someone who leaves is deactivated, never deleted: reports, registrations and other records name them.")
        } else {
            s.t("这个账号已停用，不能登录；记录仍然保留。", "This account is deactivated and cannot sign in; its records are kept.")
        }}</p>
        <FormProblems outcome=toggle known=&[]/>
        <p class="actions">
            <button
                class=if active { "button secondary" } else { "button" }
                data-testid=if active { "account-deactivate" } else { "account-activate" }
                disabled=move || toggle.pending.get()
                on:click=flip
            >
                {move || if active { s.t("停用此账号", "Deactivate the account") } else { s.t("重新启用", "Reactivate it") }}
            </button>
        </p>
    }
}

/// One row of the roles editor: a role and where it holds it (as typed).
#[derive(Debug, Clone, PartialEq, Eq)]
struct RoleRow {
    key: u32,
    role: AccountRole,
    scope: String,
}

/// Every department the administrator may give a handler, all pages; `None` if they
/// could not be read (the row then takes the id as text).
async fn all_departments() -> Option<Vec<Department>> {
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..MAX_DEPARTMENT_PAGES {
        let url = match &after {
            Some(a) => format!("{API_PREFIX}/admin/departments?after={}", segment(a)),
            None => format!("{API_PREFIX}/admin/departments"),
        };
        let page = send::<(), DepartmentPage>("GET", &url, None)
            .await
            .ok()
            .flatten()?;
        all.extend(page.items);
        after = page.next;
        if after.is_none() {
            break;
        }
    }
    Some(all)
}

/// An account's form: name, work phone, 服务承诺 and roles; with a login field when creating.
#[component]
fn AccountForm(
    login: String,
    creating: bool,
    edit: AccountEdit,
    /// A grid code to suggest in a role's scope (the administrator's own area).
    hint: String,
    on_saved: Callback<StaffAccount>,
) -> impl IntoView {
    let s = Settings::get();
    let outcome = Outcome::new();
    let login = RwSignal::new(login);
    let name = RwSignal::new(edit.name);
    let phone = RwSignal::new(edit.phone);
    let commitment = RwSignal::new(edit.commitment);
    let active = edit.active;
    let next_key = StoredValue::new(0u32);
    let new_key = move || {
        next_key
            .try_update_value(|k| {
                *k += 1;
                *k
            })
            .unwrap_or_default()
    };
    let rows = RwSignal::new(
        edit.roles
            .iter()
            .map(|g| RoleRow {
                key: new_key(),
                role: g.role,
                scope: scope_id(&g.scope).to_owned(),
            })
            .collect::<Vec<_>>(),
    );
    let departments = RwSignal::new(None::<Vec<Department>>);
    spawn_local(async move {
        let found = all_departments().await;
        departments.try_set(found);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !outcome.start() {
            return;
        }
        let login = login.get_untracked().trim().to_owned();
        if creating && (login.is_empty() || login == "new") {
            let (zh, en) = if login.is_empty() {
                ("请填写登录名", "enter a login")
            } else {
                ("「new」不能用作登录名", "\"new\" cannot be a login")
            };
            outcome.refuse_locally("login", zh, en);
            return;
        }
        let body = AccountEdit {
            name: name.get_untracked().trim().to_owned(),
            phone: phone.get_untracked().trim().to_owned(),
            roles: rows.with_untracked(|rs| rs.iter().map(|r| grant(r.role, &r.scope)).collect()),
            commitment: commitment.get_untracked().trim().to_owned(),
            active,
        };
        let path = api_path(&login);
        spawn_local(async move {
            // A PUT creates or changes: a new account must not overwrite someone's.
            if creating {
                match send::<(), StaffAccount>("GET", &path, None).await {
                    Ok(Some(_)) => {
                        outcome.refuse_locally(
                            "login",
                            &format!("登录名「{login}」已被使用，请换一个"),
                            &format!("the login \"{login}\" is taken; choose another"),
                        );
                        return;
                    }
                    Err(AppError::Offline) => {
                        outcome.finish::<()>(&Err(AppError::Offline));
                        return;
                    }
                    // Not found (or not readable): the PUT gets the server's own answer.
                    Ok(None) | Err(_) => {}
                }
            }
            let result = send_now::<_, StaffAccount>("PUT", &path, Some(&body)).await;
            outcome.finish(&result);
            if let Ok(a) = result {
                on_saved.run(a);
            }
        });
    };
    let add_row = move |_| {
        let key = new_key();
        rows.update(|rs| {
            rs.push(RoleRow {
                key,
                role: AccountRole::GridWorker,
                scope: String::new(),
            })
        });
    };
    view! {
        <form class="form" data-testid=if creating { "account-create-form" } else { "account-form" } on:submit=submit>
            <FormProblems outcome known=if creating { FIELDS } else { EDIT_FIELDS }/>
            {creating.then(|| view! {
                <label class="field">
                    <span>{move || s.t("登录名（小写英文字母、数字和 . _ -，不能改）", "Login (a-z, 0-9, . _ -; cannot be changed)")}</span>
                    <input name="login" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="64"
                        prop:value=move || login.get() on:input=move |ev| login.set(event_target_value(&ev))/>
                </label>
                <FieldError outcome field="login"/>
            })}
            <label class="field">
                <span>{move || s.t("姓名", "Name")}</span>
                <input name="name" maxlength="50" autocomplete="off" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <FieldError outcome field="name"/>
            <label class="field">
                <span>{move || s.t("工作电话（可不填）", "Work phone (optional)")}</span>
                <input name="phone" type="tel" inputmode="tel" maxlength="24" autocomplete="off" prop:value=move || phone.get()
                    on:input=move |ev| phone.set(event_target_value(&ev))/>
            </label>
            <FieldError outcome field="phone"/>
            <label class="field">
                <span>{move || s.t("服务承诺（显示在网格卡上，可不填）", "Service pledge (shown on the grid card; optional)")}</span>
                <textarea name="commitment" rows="2" maxlength="500" prop:value=move || commitment.get()
                    on:input=move |ev| commitment.set(event_target_value(&ev))></textarea>
            </label>
            <FieldError outcome field="commitment"/>
            <fieldset class="members" data-testid="roles">
                <legend>{move || s.t("角色和范围", "Roles and where")}</legend>
                <FieldError outcome field="roles"/>
                <For each=move || rows.get() key=|r| r.key let:r>
                    <RoleRowView key=r.key rows departments outcome hint=hint.clone()/>
                </For>
                <button type="button" class="button secondary" data-testid="add-role" on:click=add_row>
                    {move || s.t("＋ 添加角色", "+ Add a role")}
                </button>
            </fieldset>
            <button class="button" type="submit" data-testid=if creating { "create-account" } else { "save-account" }
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

#[component]
fn RoleRowView(
    key: u32,
    rows: RwSignal<Vec<RoleRow>>,
    departments: RwSignal<Option<Vec<Department>>>,
    outcome: Outcome,
    hint: String,
) -> impl IntoView {
    let s = Settings::get();
    let row = move || rows.with(|rs| rs.iter().find(|r| r.key == key).cloned());
    let index = move || rows.with(|rs| rs.iter().position(|r| r.key == key));
    let role = Memo::new(move |_| row().map_or(AccountRole::GridWorker, |r| r.role));
    let kind = Memo::new(move |_| scope_kind(role.get()));
    let scope = move || row().map(|r| r.scope).unwrap_or_default();
    let set_scope = move |v: String| {
        rows.update(|rs| {
            if let Some(r) = rs.iter_mut().find(|r| r.key == key) {
                r.scope = v;
            }
        });
    };
    let set_role = move |v: String| {
        let Some(new) = AccountRole::parse(&v) else {
            return;
        };
        rows.update(|rs| {
            if let Some(r) = rs.iter_mut().find(|r| r.key == key) {
                // A grid code is no department id: another kind of scope starts empty.
                if scope_kind(r.role) != scope_kind(new) {
                    r.scope.clear();
                }
                r.role = new;
            }
        });
    };
    let remove = move |_| {
        // The server's problems name rows by position, which this changes.
        outcome.details.set(Vec::new());
        rows.update(|rs| rs.retain(|r| r.key != key));
    };
    let scope_input = move || {
        match kind.get() {
        ScopeKind::Grid => {
            let placeholder = if hint.is_empty() {
                "990101001003001".to_owned()
            } else {
                format!("{hint}…")
            };
            view! {
                <label class="field">
                    <span>{move || s.t("网格编码（负责这一级及以下）", "Grid code (this grid and everything under it)")}</span>
                    <input name="scope" inputmode="numeric" autocomplete="off" maxlength="15" placeholder=placeholder
                        prop:value=scope on:input=move |ev| set_scope(event_target_value(&ev))/>
                </label>
            }
            .into_any()
        }
        ScopeKind::Department => match departments.get() {
            Some(list) if !list.is_empty() => {
                // Read once: the select itself changes it, and must not be rebuilt for that.
                let chosen = untrack(scope);
                view! {
                    <label class="field">
                        <span>{move || s.t("部门", "Department")}</span>
                        <select name="scope" on:change=move |ev| set_scope(event_target_value(&ev))>
                            <option value="" selected=chosen.is_empty()>{move || s.t("请选择部门", "Choose a department")}</option>
                            {list.into_iter()
                                .filter(|d| d.active || d.id == chosen)
                                .map(|d| {
                                    let selected = d.id == chosen;
                                    let label = if d.active { format!("{}（{}）", d.name, d.id) } else { format!("{}（{}，已停用）", d.name, d.id) };
                                    view! { <option value=d.id.clone() selected=selected>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    </label>
                }
                .into_any()
            }
            _ => view! {
                <label class="field">
                    <span>{move || s.t("部门编号（如 water；部门在“部门”页新增）", "Department id (e.g. water; add departments on the Departments page)")}</span>
                    <input name="scope" autocomplete="off" autocapitalize="none" maxlength="64"
                        prop:value=scope on:input=move |ev| set_scope(event_target_value(&ev))/>
                </label>
            }
            .into_any(),
        },
        ScopeKind::Shop => view! {
            <label class="field">
                <span>{move || s.t("积分超市编号（如 dg-shop）", "Points shop id (e.g. dg-shop)")}</span>
                <input name="scope" autocomplete="off" autocapitalize="none" maxlength="64"
                    prop:value=scope on:input=move |ev| set_scope(event_target_value(&ev))/>
            </label>
        }
        .into_any(),
    }
    };
    view! {
        <div class="member" data-testid="role-row">
            <label class="field">
                <span>{move || s.t("角色", "Role")}</span>
                <select name="role" on:change=move |ev| set_role(event_target_value(&ev))>
                    {AccountRole::ALL.into_iter().filter(|r| r.is_staff()).map(|r| view! {
                        <option value=r.as_str() selected=move || role.get() == r>{move || s.t(r.label_zh(), r.label_en())}</option>
                    }).collect_view()}
                </select>
            </label>
            {scope_input}
            {move || index().map(|i| view! { <FieldError outcome field=format!("roles[{i}]")/> })}
            <button type="button" class="button secondary small" on:click=remove>{move || s.t("删除此角色", "Remove role")}</button>
        </div>
    }
}
