//! Grids: the administrator's area walked from its root, one grid's form and status, its
//! children, and a new grid under it. A grid is deactivated, never deleted; the server
//! refuses while active grids or households remain under it, and says so.

use super::{confirmed, send_now, within, FieldError, FormProblems, Outcome, StatusBadge};
use crate::api::{load, SyncState};
use crate::error::ErrorMessage;
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use wangge_core::admin::{GridAdmin, GridChild, GridEdit};
use wangge_core::grids::{GridCode, GridKind, GridLevel};
use wangge_core::API_PREFIX;

/// The fields of the grid form (the server's 422 names them so); the code only when
/// creating (an edit's code is not on the form, so its problems show above it).
const FIELDS: &[&str] = &["code", "name", "kind", "scope", "households"];
const EDIT_FIELDS: &[&str] = &["name", "kind", "scope", "households"];

fn grid_path(code: &str) -> String {
    format!("/admin/grids/{code}")
}

fn api_path(code: &str) -> String {
    format!("{API_PREFIX}/admin/grids/{code}")
}

fn kind_value(kind: GridKind) -> &'static str {
    match kind {
        GridKind::Basic => "basic",
        GridKind::Dedicated => "dedicated",
    }
}

fn kind_label(s: Settings, kind: GridKind) -> &'static str {
    match kind {
        GridKind::Basic => s.t("基础网格", "Basic grid"),
        GridKind::Dedicated => s.t("专属网格", "Dedicated grid"),
    }
}

/// The edit that leaves `g` as it is but for `active`.
fn unchanged(g: &GridAdmin, active: bool) -> GridEdit {
    GridEdit {
        name: g.name.clone(),
        kind: g.kind,
        scope: g.scope.clone(),
        households: g.households,
        active,
    }
}

/// `/admin/grids`: the roots of the administrator's area, and any grid opened by its code.
#[component]
pub fn GridRoots(roots: Vec<String>) -> impl IntoView {
    let s = Settings::get();
    let navigate = use_navigate();
    let code = RwSignal::new(String::new());
    let bad_code = RwSignal::new(false);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked().trim().to_owned();
        match GridCode::parse(&typed) {
            Ok(c) => {
                bad_code.set(false);
                navigate(&grid_path(c.as_str()), Default::default());
            }
            Err(_) => bad_code.set(true),
        }
    };
    let empty = roots.is_empty();
    view! {
        <h1>{move || s.t("网格管理", "Grids")}</h1>
        <p class="lead">{move || s.t(
            "从您管辖的范围逐级打开网格：修改名称、范围和户数，新增下级网格，或停用不再使用的网格（历史记录保留）。",
            "Open grids level by level from your area: change the name, scope and household count, add grids under one, or deactivate one no longer used (its history is kept).")}</p>
        {empty.then(|| view! {
            <p class="empty">{move || s.t("您的管理员账号没有网格范围。", "Your administrator account has no grid area.")}</p>
        })}
        <ul class="list" data-testid="grid-roots">
            {roots.into_iter().map(|code| view! { <RootRow code/> }).collect_view()}
        </ul>
        <form class="form" data-testid="open-grid" on:submit=open>
            <label class="field">
                <span>{move || s.t("按编码打开网格", "Open a grid by its code")}</span>
                <input name="open-code" inputmode="numeric" autocomplete="off" prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev))/>
            </label>
            <Show when=move || bad_code.get()>
                <p class="field-error" role="alert">{move || s.t("网格编码应为 6、9、12 或 15 位数字。", "A grid code is 6, 9, 12 or 15 digits.")}</p>
            </Show>
            <button class="button secondary" type="submit">{move || s.t("打开", "Open")}</button>
        </form>
    }
}

#[component]
fn RootRow(code: String) -> impl IntoView {
    let s = Settings::get();
    let path = api_path(&code);
    let g = load::<GridAdmin>(move || path.clone());
    let name = move || g.with(|l| l.data.as_ref().map(|g| g.name.clone()));
    let level = move || g.with(|l| l.data.as_ref().map(|g| g.level));
    let loading = move || g.with(|l| l.sync == SyncState::Loading);
    view! {
        <li class="list-item" data-testid="grid-root">
            <A href=grid_path(&code)>
                // Without a name (not loaded, or unreadable) the code below still leads there.
                <strong>{move || name().unwrap_or_else(|| if loading() { s.t("正在加载…", "Loading…") } else { s.t("网格", "Grid") }.to_owned())}</strong>
                <small>{move || level().map(|l| s.t(l.label_zh(), l.label_en()))}</small>
                <small class="code">{code.clone()}</small>
            </A>
        </li>
    }
}

/// What the last edit on a grid's page did, kept above the grid (which is rebuilt from
/// the server's answer).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Notice {
    Saved,
    Added(String),
    Deactivated,
    Reactivated,
}

/// `/admin/grids/{code}`: one grid.
#[component]
pub fn GridPage(code: String, roots: Vec<String>) -> impl IntoView {
    let s = Settings::get();
    let path = api_path(&code);
    let loaded = load::<GridAdmin>(move || path.clone());
    // What the server answered to an edit made here: newer than the load.
    let latest = RwSignal::new(None::<GridAdmin>);
    let grid = Memo::new(move |_| latest.get().or_else(|| loaded.with(|l| l.data.clone())));
    let notice = RwSignal::new(None::<Notice>);
    let parent = GridCode::parse(&code)
        .ok()
        .and_then(|c| c.parent())
        .map(|p| p.as_str().to_owned())
        .filter(|p| within(&roots, p));
    view! {
        <p class="crumbs">
            <A href="/admin/grids">{move || s.t("管辖范围", "My area")}</A>
            {parent.map(|p| view! {
                " › "
                <A href=grid_path(&p) attr:data-testid="grid-parent">{move || s.t("上一级 ", "Up one level ")}{p.clone()}</A>
            })}
        </p>
        <SyncBadge sync=Signal::derive(move || loaded.get().sync)/>
        {move || latest.with(Option::is_none).then(|| loaded.get().error.map(|e| view! { <ErrorMessage error=e/> }))}
        {move || notice.get().map(|n| view! {
            <p class="ok-box" role="status" data-testid="grid-notice">{move || match &n {
                Notice::Saved => s.t("已保存。", "Saved.").to_owned(),
                Notice::Added(c) => format!("{}{c}", s.t("已新增下级 ", "Added ")),
                Notice::Deactivated => s.t("已停用。", "Deactivated.").to_owned(),
                Notice::Reactivated => s.t("已重新启用。", "Reactivated.").to_owned(),
            }}</p>
        })}
        {move || grid.get().map(|g| view! { <GridDetail g latest notice/> })}
    }
}

#[component]
fn GridDetail(
    g: GridAdmin,
    latest: RwSignal<Option<GridAdmin>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let s = Settings::get();
    let active = g.active;
    let level = g.level;
    let kind = g.kind;
    let adding = RwSignal::new(false);
    let toggle = Outcome::new();
    let next_code = g.next_child_code().filter(|_| active);
    let edit = unchanged(&g, g.active);
    let current = g.clone();
    let on_saved = Callback::new(move |saved: GridAdmin| {
        notice.set(Some(Notice::Saved));
        latest.set(Some(saved));
    });
    let on_added = {
        let parent = g.clone();
        Callback::new(move |child: GridAdmin| {
            // The new child joins the list at once; the next load confirms it.
            let mut parent = parent.clone();
            parent.children.retain(|c| c.code != child.code);
            parent.children.push(GridChild {
                code: child.code.clone(),
                name: child.name.clone(),
                active: child.active,
            });
            parent.children.sort_by(|a, b| a.code.cmp(&b.code));
            notice.set(Some(Notice::Added(child.code)));
            latest.set(Some(parent));
        })
    };
    let flip = move |_| {
        let want = !current.active;
        if !want
            && !confirmed(
                "停用后，这个网格不再出现在网格目录和网格卡上，历史记录会保留。还有在用的下级网格或住户时不能停用。确定停用吗？",
                "Once deactivated, the grid leaves the directory and its card; its history is kept. It cannot be deactivated while active grids or households remain under it. Deactivate it?",
            )
        {
            return;
        }
        if !toggle.start() {
            return;
        }
        notice.set(None);
        let body = unchanged(&current, want);
        let path = api_path(&current.code);
        spawn_local(async move {
            let result = send_now::<_, GridAdmin>("PUT", &path, Some(&body)).await;
            toggle.finish(&result);
            if let Ok(g) = result {
                notice.try_set(Some(if want {
                    Notice::Reactivated
                } else {
                    Notice::Deactivated
                }));
                latest.try_set(Some(g));
            }
        });
    };
    let households_href = format!("/households?grid={}", g.code);
    let children = g.children.clone();
    let count = children.len();
    let taken: Vec<String> = children.iter().map(|c| c.code.clone()).collect();
    view! {
        <h1 data-testid="grid-name">{g.name.clone()}</h1>
        <p class="grid-meta">
            <StatusBadge active=active testid="grid-status"/>
            <span class="tag">{move || s.t(level.label_zh(), level.label_en())}</span>
            <span class="tag">{move || kind_label(s, kind)}</span>
            <span class="code">{g.code.clone()}</span>
        </p>
        {(level == GridLevel::Grid).then(|| view! {
            <p class="muted">{move || s.t("网格是最小一级，下面没有更小的网格。", "A base grid is the lowest level; nothing goes under it.")}</p>
            <p class="actions">
                <A href=households_href attr:class="button secondary">{move || s.t("住户登记", "Household register")}</A>
            </p>
        })}
        {(level != GridLevel::Grid).then(|| view! {
            <h2>{move || s.t("下级", "Under this one")}{format!("（{count}）")}</h2>
            {(count == 0).then(|| view! {
                <p class="empty" data-testid="no-children">{move || s.t("还没有下级。", "Nothing under it yet.")}</p>
            })}
            <ul class="list" data-testid="grid-children">
                {children.into_iter().map(|c| view! { <ChildRow c/> }).collect_view()}
            </ul>
            {(!active).then(|| view! {
                <p class="muted">{move || s.t("已停用的网格下不能新增；要新增请先重新启用。", "Nothing can be added under a deactivated grid; reactivate it first.")}</p>
            })}
        })}
        {next_code.map(|next_code| view! {
            <Show when=move || !adding.get()>
                <p class="actions">
                    <button class="button" data-testid="add-child" on:click=move |_| { notice.set(None); adding.set(true) }>
                        {move || s.t("＋ 新增下级", "+ Add one under it")}
                    </button>
                </p>
            </Show>
            <Show when=move || adding.get()>
                <h2>{move || s.t("新增下级", "New one under this")}</h2>
                <GridForm
                    code=next_code.clone()
                    creating=true
                    edit=GridEdit { name: String::new(), kind: GridKind::Basic, scope: String::new(), households: None, active: true }
                    testid="grid-create-form"
                    taken=taken.clone()
                    on_saved=on_added
                />
                <p class="actions">
                    <button class="button secondary" on:click=move |_| adding.set(false)>{move || s.t("取消", "Cancel")}</button>
                </p>
            </Show>
        })}
        <h2>{move || s.t("本级信息", "This one")}</h2>
        <GridForm code=g.code.clone() creating=false edit testid="grid-form" taken=Vec::new() on_saved/>
        <h2>{move || if active { s.t("停用", "Deactivate") } else { s.t("重新启用", "Reactivate") }}</h2>
        <p class="muted">{move || if active {
            s.t("不再使用的网格要停用，不能删除：报事、住户等历史记录还要用到它。", "A grid no longer used is deactivated, never deleted: reports, households and other history refer to it.")
        } else {
            s.t("这个网格已停用，历史记录仍然保留。", "This grid is deactivated; its history is kept.")
        }}</p>
        <FormProblems outcome=toggle known=&[]/>
        <p class="actions">
            <button
                class=if active { "button secondary" } else { "button" }
                data-testid=if active { "grid-deactivate" } else { "grid-activate" }
                disabled=move || toggle.pending.get()
                on:click=flip
            >
                {move || if active { s.t("停用此网格", "Deactivate it") } else { s.t("重新启用", "Reactivate it") }}
            </button>
        </p>
    }
}

#[component]
fn ChildRow(c: GridChild) -> impl IntoView {
    let s = Settings::get();
    view! {
        <li class="list-item" data-testid="grid-child">
            <A href=grid_path(&c.code)>
                <strong>{c.name.clone()}</strong>
                <span>
                    {(!c.active).then(|| view! {
                        <span class="tag tag-alert" data-testid="inactive-badge">{move || s.t("已停用", "Deactivated")}</span>
                    })}
                </span>
                <small class="code">{c.code.clone()}</small>
            </A>
        </li>
    }
}

/// A grid's form: editing one (its code fixed) or creating one under the grid shown (its
/// code proposed, and editable within this parent).
#[component]
fn GridForm(
    code: String,
    creating: bool,
    edit: GridEdit,
    testid: &'static str,
    /// Codes already used under the parent (deactivated grids keep theirs).
    taken: Vec<String>,
    on_saved: Callback<GridAdmin>,
) -> impl IntoView {
    let s = Settings::get();
    let outcome = Outcome::new();
    // The parent of a new grid is the grid on screen: its code less the last three digits.
    let parent = code
        .get(..code.len().saturating_sub(3))
        .unwrap_or_default()
        .to_owned();
    let code = RwSignal::new(code);
    let name = RwSignal::new(edit.name);
    let kind = RwSignal::new(edit.kind);
    let scope = RwSignal::new(edit.scope);
    let households = RwSignal::new(edit.households.map(|n| n.to_string()).unwrap_or_default());
    let active = edit.active;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !outcome.start() {
            return;
        }
        let typed = code.get_untracked().trim().to_owned();
        let fits = GridCode::parse(&typed).is_ok()
            && typed.len() == parent.len() + 3
            && typed.starts_with(parent.as_str());
        if creating && !fits {
            outcome.refuse_locally(
                "code",
                &format!("下级编码应为本级编码 {parent} 后面再加 3 位数字"),
                &format!("the code of a grid under this one is {parent} followed by 3 digits"),
            );
            return;
        }
        // A PUT creates or changes: a new grid must not overwrite one already there.
        if creating && taken.contains(&typed) {
            outcome.refuse_locally(
                "code",
                &format!("编码 {typed} 已有网格（停用的也保留编码），请换一个"),
                &format!("{typed} is taken (deactivated grids keep their codes); choose another"),
            );
            return;
        }
        let count = households.get_untracked();
        let count = count.trim();
        let households = if count.is_empty() {
            None
        } else if let Ok(n) = count.parse::<u32>() {
            Some(n)
        } else {
            outcome.refuse_locally(
                "households",
                "户数应为不小于 0 的整数，不知道可以不填",
                "the household count is a whole number (0 or more), or left empty",
            );
            return;
        };
        let body = GridEdit {
            name: name.get_untracked().trim().to_owned(),
            kind: kind.get_untracked(),
            scope: scope.get_untracked().trim().to_owned(),
            households,
            active,
        };
        let path = api_path(&typed);
        spawn_local(async move {
            let result = send_now::<_, GridAdmin>("PUT", &path, Some(&body)).await;
            outcome.finish(&result);
            if let Ok(g) = result {
                on_saved.run(g);
            }
        });
    };
    view! {
        <form class="form" data-testid=testid on:submit=submit>
            <FormProblems outcome known=if creating { FIELDS } else { EDIT_FIELDS }/>
            {creating.then(|| view! {
                <label class="field">
                    <span>{move || s.t("编码（上级编码后加 3 位数字）", "Code (the parent's code + 3 digits)")}</span>
                    <input name="code" inputmode="numeric" autocomplete="off" maxlength="15"
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                </label>
                <FieldError outcome field="code"/>
            })}
            <label class="field">
                <span>{move || s.t("名称", "Name")}</span>
                <input name="name" maxlength="100" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <FieldError outcome field="name"/>
            <label class="field">
                <span>{move || s.t("类型", "Kind")}</span>
                <select name="kind" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    kind.set(if v == kind_value(GridKind::Dedicated) { GridKind::Dedicated } else { GridKind::Basic });
                }>
                    {[GridKind::Basic, GridKind::Dedicated].into_iter().map(|k| view! {
                        <option value=kind_value(k) selected=move || kind.get() == k>{move || kind_label(s, k)}</option>
                    }).collect_view()}
                </select>
            </label>
            <FieldError outcome field="kind"/>
            <label class="field">
                <span>{move || s.t("范围（如：一组、二组，东街 1–30 号）", "Scope (e.g. groups 1–2, East St 1–30)")}</span>
                <textarea name="scope" rows="2" maxlength="500" prop:value=move || scope.get()
                    on:input=move |ev| scope.set(event_target_value(&ev))></textarea>
            </label>
            <FieldError outcome field="scope"/>
            <label class="field">
                <span>{move || s.t("户数（可不填）", "Households (optional)")}</span>
                <input name="households" type="number" inputmode="numeric" min="0" step="1"
                    prop:value=move || households.get()
                    on:input=move |ev| households.set(event_target_value(&ev))/>
            </label>
            <FieldError outcome field="households"/>
            <button class="button" type="submit" data-testid=if creating { "create-grid" } else { "save-grid" }
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
