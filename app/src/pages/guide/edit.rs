//! Administrators keep the guide (a county's administrators; two lazy chunks, the list
//! and the editor):
//! `/admin/guide` lists every item, withdrawn ones too; `/admin/guide/{code}` edits one
//! item, withdraws it or brings it back, and lists its versions, any of which can be
//! restored; `/admin/guide/new` adds one. Every save is a new version on the server, so
//! nothing here loses a word.
//!
//! Saves go straight to the server, never through the outbox: the server checks the
//! version the edit started from, and an edit made offline could not be checked.

use crate::api::{load, send, SyncState};
use crate::error::{AppError, ErrorMessage};
use crate::pages::admin_records::{
    confirmed, frame, segment, send_now, FieldError, FormProblems, Outcome, Screen,
};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use wangge_core::guide::{
    Audience, Faq, GuideEntry, GuideEntryPage, GuideItem, GuideSave, GuideVersion, Keys, LifeEvent,
    Material, MaterialForm, Step,
};
use wangge_core::problem::ProblemCode;
use wangge_core::API_PREFIX;

/// The form's fields as the server names them (`materials[` stands for every row).
const FIELDS: &[&str] = &[
    "code",
    "name",
    "aliases",
    "aliases[",
    "department",
    "events",
    "audience",
    "conditions",
    "materials",
    "materials[",
    "steps",
    "steps[",
    "promised_days",
    "legal_days",
    "fees",
    "place",
    "hours",
    "phone",
    "online",
    "visits",
    "legal_basis",
    "faq",
];

/// `/admin/guide` (the list), `/admin/guide/{code}` and `/admin/guide/new` (one item as one
/// form): one chunk, so the section costs the shell one route.
#[component]
pub fn AdminGuide() -> impl IntoView {
    frame(|roots, screen| match screen {
        _ if !county(&roots) => view! { <CountyOnly/> }.into_any(),
        Screen::GuideItem(code) => view! { <ItemEditor code/> }.into_any(),
        Screen::NewGuideItem => view! { <NewItem/> }.into_any(),
        _ => view! { <EntryList/> }.into_any(),
    })
}

/// The catalogue is the county's: a township's administrators read it like residents.
fn county(roots: &[String]) -> bool {
    roots.iter().any(|r| r.len() == 6)
}

#[component]
fn CountyOnly() -> impl IntoView {
    let s = Settings::get();
    view! {
        <h1>{move || s.t("办事指南", "Service guide")}</h1>
        <p class="empty" data-testid="guide-county-only">{move || s.t(
            "办事指南由县级管理员统一维护。发现事项有误，请联系县里的管理员。",
            "The service guide is kept by the county's administrators. If an item is wrong, tell them.")}</p>
        <p class="actions"><A href="/guide" attr:class="button secondary">{move || s.t("查看办事指南", "Open the guide")}</A></p>
    }
}

fn editor_path(code: &str) -> String {
    format!("/admin/guide/{}", segment(code))
}

fn api_path(code: &str) -> String {
    format!("{API_PREFIX}/guide/{}", segment(code))
}

fn versions_path(code: &str) -> String {
    format!("{API_PREFIX}/guide/{}/versions", segment(code))
}

/// `/admin/guide`: every item in code order, a filter over what is loaded, more on demand.
#[component]
fn EntryList() -> impl IntoView {
    let s = Settings::get();
    let first = load::<GuideEntryPage>(|| format!("{API_PREFIX}/admin/guide"));
    let items = RwSignal::new(Vec::<GuideEntry>::new());
    let next = RwSignal::new(None::<String>);
    let more_pending = RwSignal::new(false);
    let more_error = RwSignal::new(None::<AppError>);
    // The first page as last applied: the server confirming the saved copy must not drop
    // pages loaded since.
    let applied = StoredValue::new(None::<GuideEntryPage>);
    Effect::new(move |_| {
        let page = first.with(|f| f.data.clone());
        if page.is_none() || applied.with_value(|a| *a == page) {
            return;
        }
        applied.set_value(page.clone());
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
        let url = format!("{API_PREFIX}/admin/guide?after={}", segment(&after));
        spawn_local(async move {
            match send::<(), GuideEntryPage>("GET", &url, None).await {
                Ok(Some(page)) => {
                    items.update(|list| list.extend(page.items));
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
    let shown = Memo::new(move |_| {
        let f = filter.get().trim().to_lowercase();
        items.with(|list| {
            list.iter()
                .filter(|e| {
                    f.is_empty()
                        || e.code.contains(&f)
                        || e.name.contains(&f)
                        || e.department.contains(&f)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let withdrawn = Memo::new(move |_| items.with(|l| l.iter().filter(|e| e.withdrawn).count()));
    view! {
        <h1>{move || s.t("办事指南", "Service guide")}</h1>
        <p class="lead">{move || s.t(
            "每次保存都会留下一个版本，可以查看和恢复。撤回的事项居民看不到，但会保留在这里，可以重新上线。批量修改请用“导入导出”里的表格。",
            "Every save keeps a version you can look at and restore. A withdrawn item is hidden from residents but stays here and can be brought back. For many changes at once, use the spreadsheet under Import / export.")}</p>
        <p class="actions">
            <A href="/admin/guide/new" attr:class="button" attr:data-testid="add-guide-item">{move || s.t("＋ 新增事项", "+ New item")}</A>
        </p>
        <label class="field">
            <span>{move || s.t("在已载入的事项里查找（编号、名称、部门）", "Find among loaded items (code, name, department)")}</span>
            <input type="search" data-testid="guide-admin-filter" prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))/>
        </label>
        <SyncBadge sync=Signal::derive(move || first.get().sync)/>
        {move || first.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        <p class="muted" data-testid="guide-admin-count">{move || {
            let (n, w) = (items.with(Vec::len), withdrawn.get());
            match s.lang.get() {
                crate::i18n::Lang::Zh => format!("已载入 {n} 项，其中撤回 {w} 项"),
                crate::i18n::Lang::En => format!("{n} items loaded, {w} withdrawn"),
            }
        }}</p>
        {move || (first.with(|f| f.data.is_some()) && shown.with(Vec::is_empty)).then(|| view! {
            <p class="empty" data-testid="guide-admin-empty">{move || s.t("没有符合的事项。", "No item matches.")}</p>
        })}
        <ul class="list" data-testid="guide-entries">
            <For each=move || shown.get() key=|e| (e.code.clone(), e.version) let:e>
                <li class="list-item" data-testid="guide-entry">
                    <p class="row-head">
                        <A href=editor_path(&e.code)><strong>{e.name.clone()}</strong></A>
                        " "
                        {e.withdrawn.then(|| view! {
                            <span class="tag tag-alert" data-testid="withdrawn-badge">{move || s.t("已撤回", "Withdrawn")}</span>
                        })}
                    </p>
                    <p class="muted">
                        <span class="code">{e.code.clone()}</span>
                        " · "{e.department.clone()}" · "
                        {move || version_text(s, e.version)}
                    </p>
                </li>
            </For>
        </ul>
        {move || more_error.get().map(|e| view! { <ErrorMessage error=e/> })}
        {move || next.get().is_some().then(|| view! {
            <button class="button secondary" data-testid="guide-entries-more" disabled=move || more_pending.get() on:click=load_more>
                {move || if more_pending.get() { s.t("正在加载…", "Loading…") } else { s.t("加载更多", "Load more") }}
            </button>
        })}
    }
}

fn version_text(s: Settings, v: u32) -> String {
    match s.lang.get() {
        crate::i18n::Lang::Zh => format!("第 {v} 版"),
        crate::i18n::Lang::En => format!("version {v}"),
    }
}

/// A new item's form starts from this.
fn blank() -> GuideItem {
    GuideItem {
        code: String::new(),
        name: String::new(),
        aliases: Vec::new(),
        department: String::new(),
        events: Vec::new(),
        audience: vec![Audience::Person],
        conditions: String::new(),
        materials: Vec::new(),
        steps: vec![blank_step()],
        promised_days: None,
        legal_days: None,
        fees: String::new(),
        place: String::new(),
        hours: String::new(),
        phone: String::new(),
        online: String::new(),
        visits: 1,
        legal_basis: String::new(),
        faq: Vec::new(),
        errand: false,
        updated_at: 0,
        version: 0,
        keys: Keys::default(),
    }
}

fn blank_material() -> Material {
    Material {
        name: String::new(),
        form: MaterialForm::Original,
        copies: 1,
        notes: String::new(),
        collectable: false,
    }
}

fn blank_step() -> Step {
    Step {
        name: String::new(),
        detail: String::new(),
        days: None,
    }
}

fn blank_faq() -> Faq {
    Faq {
        q: String::new(),
        a: String::new(),
    }
}

/// The item as it will be saved: spaces around every line dropped, empty aliases gone.
fn tidy(mut item: GuideItem) -> GuideItem {
    fn t(s: &mut String) {
        let trimmed = s.trim();
        if trimmed.len() != s.len() {
            *s = trimmed.to_owned();
        }
    }
    for s in [
        &mut item.code,
        &mut item.name,
        &mut item.department,
        &mut item.conditions,
        &mut item.fees,
        &mut item.place,
        &mut item.hours,
        &mut item.phone,
        &mut item.online,
        &mut item.legal_basis,
    ] {
        t(s);
    }
    item.aliases.iter_mut().for_each(t);
    item.aliases.retain(|a| !a.is_empty());
    for m in &mut item.materials {
        t(&mut m.name);
        t(&mut m.notes);
    }
    for st in &mut item.steps {
        t(&mut st.name);
        t(&mut st.detail);
    }
    for f in &mut item.faq {
        t(&mut f.q);
        t(&mut f.a);
    }
    item
}

/// `/admin/guide/new`
#[component]
fn NewItem() -> impl IntoView {
    let s = Settings::get();
    let draft = RwSignal::new(blank());
    let navigate = use_navigate();
    let on_saved = Callback::new(move |item: GuideItem| {
        navigate(&editor_path(&item.code), Default::default());
    });
    view! {
        <p class="crumbs"><A href="/admin/guide">{move || s.t("办事指南", "Service guide")}</A></p>
        <h1>{move || s.t("新增事项", "New item")}</h1>
        <ItemForm draft creating=true withdrawn=Signal::stored(false) on_saved on_stale=Callback::new(|_| {})/>
    }
}

/// `/admin/guide/{code}`: the form over the newest version, the withdraw switch, and the
/// versions.
#[component]
fn ItemEditor(code: String) -> impl IntoView {
    let s = Settings::get();
    // Bumped to read the versions again (after a save): the same cached read, re-run.
    let tick = RwSignal::new(0u32);
    let loaded = load::<Vec<GuideVersion>>(move || {
        tick.track();
        versions_path(&code)
    });
    let versions = RwSignal::new(None::<Vec<GuideVersion>>);
    let draft = RwSignal::new(blank());
    // The newest saved version: what the form started from.
    let base = Memo::new(move |_| versions.with(|v| v.as_ref().and_then(|v| v.first().cloned())));
    let dirty = Memo::new(move |_| {
        base.with(|b| {
            b.as_ref()
                .is_some_and(|b| draft.with(|d| tidy(d.clone()) != b.item))
        })
    });
    // Until the server's answer: the form takes the newest version even over an edit.
    let force = StoredValue::new(false);
    // A newer copy replaces the form only while the form holds no edit of its own (or
    // when asked to).
    Effect::new(move |_| {
        let (list, fresh) = loaded.with(|l| (l.data.clone(), l.sync == SyncState::Fresh));
        let Some(list) = list else {
            return;
        };
        // A forced reset waits for the server's copy: the saved copy comes first and is older.
        if (force.get_value() && fresh) || !dirty.get_untracked() {
            if let Some(newest) = list.first() {
                draft.set(newest.item.clone());
            }
        }
        if fresh {
            force.set_value(false);
        }
        versions.set(Some(list));
    });
    let refresh = move |reset: bool| {
        force.set_value(reset);
        tick.update(|t| *t += 1);
    };
    let withdrawn = Signal::derive(move || base.with(|b| b.as_ref().is_some_and(|b| b.withdrawn)));
    let saved_note = RwSignal::new(None::<Note>);
    let on_saved = Callback::new(move |item: GuideItem| {
        // The form already holds what was saved; the list of versions catches up.
        draft.set(item);
        saved_note.set(Some(Note::ok(
            "已保存为新版本。",
            "Saved as a new version.",
        )));
        refresh(false);
    });
    let on_stale = Callback::new(move |_: ()| {
        saved_note.set(None);
        refresh(true);
    });
    let on_changed = Callback::new(move |note: Note| {
        saved_note.set(Some(note));
        refresh(true);
    });
    let missing = Memo::new(move |_| {
        loaded.with(|l| {
            l.error
                .as_ref()
                .is_some_and(|e| matches!(e, AppError::Problem { status: 404, .. }))
        })
    });
    view! {
        <p class="crumbs"><A href="/admin/guide">{move || s.t("办事指南", "Service guide")}</A></p>
        <SyncBadge sync=Signal::derive(move || loaded.get().sync)/>
        {move || missing.get().then(|| view! {
            <p class="empty" data-testid="guide-item-missing">{move || s.t("没有这个事项。", "There is no such item.")}</p>
        })}
        {move || loaded.get().error.filter(|_| !missing.get()).map(|e| view! { <ErrorMessage error=e/> })}
        {move || base.get().map(|b| view! {
            <h1>{b.item.name.clone()}</h1>
            <p class="muted" data-testid="guide-edit-status">
                <span class="code">{b.item.code.clone()}</span>
                " · "{move || version_text(s, b.version)}
                " · "{crate::i18n::beijing_time(b.saved_at)}
                {b.saved_by.clone().map(|by| view! { " · "{by} })}
                " "
                {b.withdrawn.then(|| view! {
                    <span class="tag tag-alert" data-testid="withdrawn-badge">{move || s.t("已撤回：居民看不到", "Withdrawn: hidden from residents")}</span>
                })}
            </p>
        })}
        {move || saved_note.get().map(|n| view! {
            <p class=if n.ok { "ok-box" } else { "error-box" } role="status" data-testid="guide-saved">{move || s.t(n.zh, n.en)}</p>
        })}
        <Show when=move || base.with(Option::is_some)>
            <ItemForm draft creating=false withdrawn on_saved on_stale/>
            <Withdraw base dirty on_changed/>
            <Versions versions base dirty on_changed/>
        </Show>
    }
}

/// Withdraw the item (residents no longer see it) or bring it back: a new version either way.
#[component]
fn Withdraw(
    base: Memo<Option<GuideVersion>>,
    dirty: Memo<bool>,
    on_changed: Callback<Note>,
) -> impl IntoView {
    let s = Settings::get();
    let outcome = Outcome::new();
    let flip = move |_| {
        let Some(b) = base.get_untracked() else {
            return;
        };
        let lose = if dirty.get_untracked() {
            "表单里还没保存的修改会丢失。"
        } else {
            ""
        };
        let lose_en = if dirty.get_untracked() {
            " Unsaved changes in the form will be lost."
        } else {
            ""
        };
        let ok = if b.withdrawn {
            confirmed(
                &format!("重新上线后，居民又能查到这个事项。{lose}确定吗？"),
                &format!("Residents will find this item again.{lose_en} Go ahead?"),
            )
        } else {
            confirmed(
                &format!("撤回后，居民查不到这个事项，已保存在手机上的也会在下次同步时消失；历史版本会保留，可以随时重新上线。{lose}确定撤回吗？"),
                &format!("Residents will no longer find this item; phones drop it at their next sync. Its history is kept and it can be brought back.{lose_en} Withdraw it?"),
            )
        };
        if !ok || !outcome.start() {
            return;
        }
        let want = !b.withdrawn;
        let body = GuideSave {
            item: b.item.clone(),
            withdrawn: want,
        };
        let path = api_path(&b.item.code);
        spawn_local(async move {
            let result = send_now::<_, GuideItem>("PUT", &path, Some(&body)).await;
            let done = if want {
                Note::ok(
                    "已撤回：居民查不到这个事项了。",
                    "Withdrawn: residents no longer see it.",
                )
            } else {
                Note::ok("已重新上线。", "Back in the guide.")
            };
            settle(result, outcome, on_changed, done);
        });
    };
    view! {
        <section class="move-out">
            <h2>{move || s.t("撤回或重新上线", "Withdraw or bring back")}</h2>
            <FormProblems outcome known=&[]/>
            <button class="button secondary" data-testid="guide-withdraw" disabled=move || outcome.pending.get() on:click=flip>
                {move || if base.with(|b| b.as_ref().is_some_and(|b| b.withdrawn)) {
                    s.t("重新上线", "Bring back")
                } else {
                    s.t("撤回这个事项", "Withdraw this item")
                }}
            </button>
        </section>
    }
}

/// What the last save, restore or withdrawal came to, above the form.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Note {
    zh: &'static str,
    en: &'static str,
    ok: bool,
}

impl Note {
    fn ok(zh: &'static str, en: &'static str) -> Note {
        Note { zh, en, ok: true }
    }
}

/// Ends a restore or a withdrawal: done, refused (shown by `outcome`), or too late because
/// someone saved first — then the newest version is loaded and the person asked to look.
fn settle(
    result: Result<GuideItem, AppError>,
    outcome: Outcome,
    on_changed: Callback<Note>,
    done: Note,
) {
    let stale = matches!(&result, Err(AppError::Problem { problem, .. }) if problem.code == ProblemCode::StaleVersion);
    if stale {
        outcome.pending.try_set(false);
        on_changed.run(Note {
            zh: "别人刚刚改过这个事项，这次没有保存。已载入最新版本，请看过后再操作一次。",
            en: "Someone changed this item a moment ago, so nothing was saved. The newest version is loaded; look and try again.",
            ok: false,
        });
        return;
    }
    outcome.finish(&result);
    if result.is_ok() {
        on_changed.run(done);
    }
}

/// The label of a field `GuideItem::changed_fields` names.
fn field_label(s: Settings, field: &str) -> &'static str {
    match field {
        "code" => s.t("编号", "code"),
        "name" => s.t("名称", "name"),
        "aliases" => s.t("别名", "aliases"),
        "department" => s.t("办理部门", "department"),
        "events" => s.t("人生事件", "life events"),
        "audience" => s.t("服务对象", "who it is for"),
        "conditions" => s.t("申请条件", "conditions"),
        "materials" => s.t("材料", "materials"),
        "steps" => s.t("办理流程", "steps"),
        "promised_days" => s.t("承诺时限", "promised time"),
        "legal_days" => s.t("法定时限", "legal time"),
        "fees" => s.t("收费", "fees"),
        "place" => s.t("办理地点", "place"),
        "hours" => s.t("办公时间", "hours"),
        "phone" => s.t("电话", "phone"),
        "online" => s.t("网上办理", "online link"),
        "visits" => s.t("到现场次数", "visits"),
        "legal_basis" => s.t("法律依据", "legal basis"),
        "faq" => s.t("常见问题", "FAQ"),
        "errand" => s.t("可代办", "errand"),
        _ => s.t("其他", "other"),
    }
}

/// Every saved version, newest first; any older one can be restored (as a new version).
#[component]
fn Versions(
    versions: RwSignal<Option<Vec<GuideVersion>>>,
    base: Memo<Option<GuideVersion>>,
    dirty: Memo<bool>,
    on_changed: Callback<Note>,
) -> impl IntoView {
    let s = Settings::get();
    let outcome = Outcome::new();
    let restore = move |v: GuideVersion| {
        let Some(b) = base.get_untracked() else {
            return;
        };
        let (lose, lose_en) = if dirty.get_untracked() {
            (
                "表单里还没保存的修改会丢失。",
                " Unsaved changes in the form will be lost.",
            )
        } else {
            ("", "")
        };
        if !confirmed(
            &format!(
                "把第 {} 版的内容保存为新的第 {} 版？{lose}现在的内容也会留在历史里。",
                v.version,
                b.version + 1
            ),
            &format!(
                "Save version {} as the new version {}? The current text stays in the history.{lose_en}",
                v.version,
                b.version + 1
            ),
        ) || !outcome.start()
        {
            return;
        }
        let mut item = v.item;
        item.version = b.version;
        let body = GuideSave {
            item,
            withdrawn: b.withdrawn,
        };
        let path = api_path(&b.item.code);
        spawn_local(async move {
            let result = send_now::<_, GuideItem>("PUT", &path, Some(&body)).await;
            settle(
                result,
                outcome,
                on_changed,
                Note::ok("已恢复为新版本。", "Restored as a new version."),
            );
        });
    };
    view! {
        <section class="guide-versions">
            <h2>{move || s.t("历史版本", "Versions")}</h2>
            <FormProblems outcome known=&[]/>
            <ol class="list" data-testid="guide-versions">
                {move || {
                    let current = base.get();
                    versions.get().unwrap_or_default().into_iter().enumerate().map(|(i, v)| {
                        let changed: Vec<&'static str> = current
                            .as_ref()
                            .map(|c| c.item.changed_fields(&v.item))
                            .unwrap_or_default();
                        let same = changed.is_empty();
                        let is_current = i == 0;
                        let name = v.item.name.clone();
                        let for_restore = v.clone();
                        view! {
                            <li class="list-item" data-testid="guide-version">
                                <p class="row-head">
                                    <strong>{version_text(s, v.version)}</strong>
                                    " · "{crate::i18n::beijing_time(v.saved_at)}
                                    {v.saved_by.clone().map(|by| view! { " · "{by} })}
                                    " "
                                    {v.withdrawn.then(|| view! {
                                        <span class="tag tag-alert">{move || s.t("撤回", "withdrawn")}</span>
                                    })}
                                    {is_current.then(|| view! {
                                        <span class="tag tag-ok">{move || s.t("当前", "current")}</span>
                                    })}
                                </p>
                                <p class="muted">{name}</p>
                                {(!is_current).then(|| view! {
                                    <p class="muted" data-testid="version-changes">{move || if same {
                                        s.t("内容与当前版本相同", "Same text as the current version").to_owned()
                                    } else {
                                        let list: Vec<&str> = changed.iter().map(|f| field_label(s, f)).collect();
                                        format!("{}{}", s.t("与当前版本不同：", "Differs from the current version in: "),
                                            list.join(s.t("、", ", ")))
                                    }}</p>
                                    {(!same).then(|| view! {
                                        <button class="button secondary" data-testid="restore-version"
                                            disabled=move || outcome.pending.get()
                                            on:click=move |_| restore(for_restore.clone())>
                                            {move || s.t("恢复这一版", "Restore this version")}
                                        </button>
                                    })}
                                })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
        </section>
    }
}

/// The whole item as a form. Saving sends the version the form started from; if someone
/// saved meanwhile the server refuses (409) and the form says so.
#[component]
fn ItemForm(
    draft: RwSignal<GuideItem>,
    creating: bool,
    #[prop(into)] withdrawn: Signal<bool>,
    on_saved: Callback<GuideItem>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let s = Settings::get();
    let outcome = Outcome::new();
    let stale = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !outcome.start() {
            return;
        }
        stale.set(false);
        let item = tidy(draft.get_untracked());
        // The server's own rules, checked here first so a long form shows every problem
        // at once, also offline.
        let local = item.problems();
        if !local.is_empty() {
            outcome.details.set(local);
            outcome.pending.set(false);
            return;
        }
        let code = item.code.clone();
        let body = GuideSave {
            item,
            withdrawn: withdrawn.get_untracked(),
        };
        spawn_local(async move {
            let result = send_now::<_, GuideItem>("PUT", &api_path(&code), Some(&body)).await;
            match &result {
                Err(AppError::Problem { problem, .. })
                    if problem.code == ProblemCode::StaleVersion && creating =>
                {
                    outcome.refuse_locally(
                        "code",
                        &format!("编号 {code} 已有事项（撤回的也保留编号），请换一个"),
                        &format!(
                            "{code} is taken (withdrawn items keep their codes); choose another"
                        ),
                    );
                    return;
                }
                Err(AppError::Problem { problem, .. })
                    if problem.code == ProblemCode::StaleVersion =>
                {
                    stale.try_set(true);
                    outcome.pending.try_set(false);
                    return;
                }
                _ => {}
            }
            outcome.finish(&result);
            if let Ok(item) = result {
                on_saved.run(item);
            }
        });
    };
    let problems = move || outcome.details.with(Vec::len);
    view! {
        <form class="form guide-form" data-testid="guide-form" on:submit=submit novalidate>
            <FormProblems outcome known=FIELDS/>
            {creating.then(|| view! {
                <TextField draft outcome field="code" label=("编号（小写字母、数字和 -，保存后不能改）", "Code (a-z, 0-9 and -; fixed once saved)")
                    get=|d| d.code.clone() set=|d, v| d.code = v max=40/>
            })}
            <TextField draft outcome field="name" label=("事项名称", "Name") get=|d| d.name.clone() set=|d, v| d.name = v max=100/>
            <Rows draft outcome field="aliases" label=("别名（群众常说的叫法）", "Aliases (what people call it)")
                add=("＋ 别名", "+ Alias") count=|d| d.aliases.len() push=|d| d.aliases.push(String::new())
                remove=|d, i| { d.aliases.remove(i); } swap=|d, i| d.aliases.swap(i - 1, i)
                row=|draft, i| view! {
                    <RowText draft label=("别名", "Alias") max=30
                        i get=|d, i| d.aliases.get(i).cloned() set=|d, i, v| if let Some(a) = d.aliases.get_mut(i) { *a = v }/>
                }.into_any()/>
            <TextField draft outcome field="department" label=("办理部门", "Department") get=|d| d.department.clone() set=|d, v| d.department = v max=50/>
            <fieldset class="field choices">
                <legend>{move || s.t("人生事件（可多选）", "Life events (any)")}</legend>
                {LifeEvent::ALL.into_iter().map(|e| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || draft.with(|d| d.events.contains(&e))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                draft.update(|d| {
                                    d.events.retain(|x| *x != e);
                                    if on {
                                        d.events.push(e);
                                        d.events.sort_by_key(|x| LifeEvent::ALL.iter().position(|y| y == x));
                                    }
                                });
                            }/>
                        <span>{move || s.t(e.label_zh(), e.label_en())}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <FieldError outcome field="events"/>
            <fieldset class="field choices">
                <legend>{move || s.t("服务对象", "Who it is for")}</legend>
                {[(Audience::Person, "个人", "People"), (Audience::Business, "企业", "Businesses")].into_iter().map(|(a, zh, en)| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || draft.with(|d| d.audience.contains(&a))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                draft.update(|d| {
                                    d.audience.retain(|x| *x != a);
                                    if on {
                                        d.audience.push(a);
                                        d.audience.sort_by_key(|x| *x == Audience::Business);
                                    }
                                });
                            }/>
                        <span>{move || s.t(zh, en)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <FieldError outcome field="audience"/>
            <TextField draft outcome field="conditions" label=("申请条件", "Conditions") rows=3
                get=|d| d.conditions.clone() set=|d, v| d.conditions = v max=2000/>
            <Rows draft outcome field="materials" label=("申请材料", "Materials")
                add=("＋ 材料", "+ Material") count=|d| d.materials.len() push=|d| d.materials.push(blank_material())
                remove=|d, i| { d.materials.remove(i); } swap=|d, i| d.materials.swap(i - 1, i)
                row=|draft, i| view! { <MaterialRow draft i/> }.into_any()/>
            <Rows draft outcome field="steps" label=("办理流程", "Steps")
                add=("＋ 步骤", "+ Step") count=|d| d.steps.len() push=|d| d.steps.push(blank_step())
                remove=|d, i| { d.steps.remove(i); } swap=|d, i| d.steps.swap(i - 1, i)
                row=|draft, i| view! { <StepRow draft i/> }.into_any()/>
            <NumberField draft outcome field="promised_days" label=("承诺时限（工作日，0 为即办，不清楚可不填）", "Promised time (working days; 0 on the spot; may be empty)")
                get=|d| d.promised_days set=|d, v| d.promised_days = v/>
            <NumberField draft outcome field="legal_days" label=("法定时限（工作日，可不填）", "Legal time (working days; may be empty)")
                get=|d| d.legal_days set=|d, v| d.legal_days = v/>
            <TextField draft outcome field="place" label=("办理地点", "Place") get=|d| d.place.clone() set=|d, v| d.place = v max=200/>
            <TextField draft outcome field="hours" label=("办公时间", "Opening hours") get=|d| d.hours.clone() set=|d, v| d.hours = v max=200/>
            <TextField draft outcome field="phone" label=("咨询电话", "Phone") kind="tel" get=|d| d.phone.clone() set=|d, v| d.phone = v max=24/>
            <TextField draft outcome field="fees" label=("收费（不收费写“不收费”）", "Fees") get=|d| d.fees.clone() set=|d, v| d.fees = v max=200/>
            <TextField draft outcome field="online" label=("网上办理地址（可不填）", "Online link (may be empty)") kind="url"
                get=|d| d.online.clone() set=|d, v| d.online = v max=300/>
            <NumberField draft outcome field="visits" label=("到现场次数（0 到 5）", "Visits in person (0 to 5)")
                get=|d| Some(u16::from(d.visits)) set=|d, v| d.visits = v.map_or(0, |n| u8::try_from(n).unwrap_or(u8::MAX))/>
            <TextField draft outcome field="legal_basis" label=("法律依据", "Legal basis") rows=3
                get=|d| d.legal_basis.clone() set=|d, v| d.legal_basis = v max=2000/>
            <Rows draft outcome field="faq" label=("常见问题", "FAQ")
                add=("＋ 问题", "+ Question") count=|d| d.faq.len() push=|d| d.faq.push(blank_faq())
                remove=|d, i| { d.faq.remove(i); } swap=|d, i| d.faq.swap(i - 1, i)
                row=|draft, i| view! {
                    <RowText draft label=("问题", "Question") max=200
                        i get=|d, i| d.faq.get(i).map(|f| f.q.clone()) set=|d, i, v| if let Some(f) = d.faq.get_mut(i) { f.q = v }/>
                    <RowText draft label=("回答", "Answer") max=2000 rows=3
                        i get=|d, i| d.faq.get(i).map(|f| f.a.clone()) set=|d, i, v| if let Some(f) = d.faq.get_mut(i) { f.a = v }/>
                }.into_any()/>
            <label class="check">
                <input type="checkbox" name="errand" prop:checked=move || draft.with(|d| d.errand)
                    on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.errand = on) }/>
                <span>{move || s.t("网格员可以代办（可代办）", "A grid worker can run it as an errand")}</span>
            </label>
            {move || (problems() > 0).then(|| view! {
                <p class="error-box" role="alert" data-testid="guide-form-problems">{move || match s.lang.get() {
                    crate::i18n::Lang::Zh => format!("有 {} 处需要修改，已在各项下面标出。", problems()),
                    crate::i18n::Lang::En => format!("{} problems to fix, each marked under its field.", problems()),
                }}</p>
            })}
            {move || stale.get().then(|| view! {
                <div class="error-box" role="alert" data-testid="guide-stale">
                    <p>{move || s.t(
                        "保存前，别人已经改过这个事项（有了更新的版本），所以这次没有保存。请载入最新版本后再改。",
                        "Someone saved a newer version of this item first, so this edit was not saved. Load the newest version and edit again.")}</p>
                    <button type="button" class="button secondary" data-testid="guide-load-newest"
                        on:click=move |_| { stale.set(false); on_stale.run(()) }>
                        {move || s.t("载入最新版本（这次的修改会丢失）", "Load the newest version (this edit is dropped)")}
                    </button>
                </div>
            })}
            <button class="button" type="submit" data-testid="guide-save" disabled=move || outcome.pending.get()>
                {move || if outcome.pending.get() { s.t("正在保存…", "Saving…") } else if creating { s.t("保存新事项", "Save the new item") } else { s.t("保存为新版本", "Save as a new version") }}
            </button>
        </form>
    }
}

/// One line or paragraph of the item.
#[component]
fn TextField(
    draft: RwSignal<GuideItem>,
    outcome: Outcome,
    field: &'static str,
    label: (&'static str, &'static str),
    get: fn(&GuideItem) -> String,
    set: fn(&mut GuideItem, String),
    max: u32,
    /// A paragraph of this many rows; 0 for one line.
    #[prop(optional)]
    rows: u8,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let s = Settings::get();
    let value = move || draft.with(get);
    let input = move |ev| {
        let v = event_target_value(&ev);
        draft.update(|d| set(d, v));
    };
    view! {
        <label class="field">
            <span>{move || s.t(label.0, label.1)}</span>
            {if rows > 0 {
                view! { <textarea name=field rows=rows maxlength=max prop:value=value on:input=input></textarea> }.into_any()
            } else {
                view! { <input name=field type=kind maxlength=max autocomplete="off" prop:value=value on:input=input/> }.into_any()
            }}
        </label>
        <FieldError outcome field/>
    }
}

/// A number of days (empty: not stated).
#[component]
fn NumberField(
    draft: RwSignal<GuideItem>,
    outcome: Outcome,
    field: &'static str,
    label: (&'static str, &'static str),
    get: fn(&GuideItem) -> Option<u16>,
    set: fn(&mut GuideItem, Option<u16>),
) -> impl IntoView {
    let s = Settings::get();
    view! {
        <label class="field">
            <span>{move || s.t(label.0, label.1)}</span>
            <input name=field type="number" inputmode="numeric" min="0" step="1"
                prop:value=move || draft.with(get).map(|n| n.to_string()).unwrap_or_default()
                on:input=move |ev| {
                    let v = number(&event_target_value(&ev));
                    draft.update(|d| set(d, v));
                }/>
        </label>
        <FieldError outcome field/>
    }
}

/// A typed whole number, capped (the server's rules say how far); empty or not a number:
/// none.
fn number(typed: &str) -> Option<u16> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .map(|n| u16::try_from(n).unwrap_or(u16::MAX))
}

/// A list of the item (aliases, materials, steps, FAQ): each row with move-up and remove,
/// then an add button; each row's problems under it.
#[component]
fn Rows(
    draft: RwSignal<GuideItem>,
    outcome: Outcome,
    field: &'static str,
    label: (&'static str, &'static str),
    add: (&'static str, &'static str),
    count: fn(&GuideItem) -> usize,
    push: fn(&mut GuideItem),
    remove: fn(&mut GuideItem, usize),
    /// Swaps row `i` with the one above.
    swap: fn(&mut GuideItem, usize),
    row: fn(RwSignal<GuideItem>, usize) -> AnyView,
) -> impl IntoView {
    let s = Settings::get();
    let len = Memo::new(move |_| draft.with(count));
    view! {
        <fieldset class="field rows" data-testid=format!("rows-{field}")>
            <legend>{move || s.t(label.0, label.1)}</legend>
            <For each=move || 0..len.get() key=|i| *i let:i>
                <div class="edit-row" data-testid=format!("row-{field}")>
                    {row(draft, i)}
                    <p class="actions">
                        {(i > 0).then(|| view! {
                            <button type="button" class="button secondary small" on:click=move |_| draft.update(|d| swap(d, i))>
                                {move || s.t("上移", "Move up")}
                            </button>
                        })}
                        <button type="button" class="button secondary small" data-testid=format!("remove-{field}")
                            on:click=move |_| draft.update(|d| remove(d, i))>
                            {move || s.t("删除这一条", "Remove")}
                        </button>
                    </p>
                    <FieldError outcome field=format!("{field}[{i}]")/>
                </div>
            </For>
            <button type="button" class="button secondary" data-testid=format!("add-{field}")
                on:click=move |_| draft.update(push)>{move || s.t(add.0, add.1)}</button>
        </fieldset>
        <FieldError outcome field/>
    }
}

/// One text box of row `i`; `get` is `None` once the row is gone. (Plain function
/// pointers: one copy of this code for every list, which keeps the chunk small.)
#[component]
fn RowText(
    draft: RwSignal<GuideItem>,
    i: usize,
    label: (&'static str, &'static str),
    get: fn(&GuideItem, usize) -> Option<String>,
    set: fn(&mut GuideItem, usize, String),
    max: u32,
    #[prop(optional)] rows: u8,
) -> impl IntoView {
    let s = Settings::get();
    let value = move || draft.with(|d| get(d, i)).unwrap_or_default();
    let input = move |ev| {
        let v = event_target_value(&ev);
        draft.update(|d| set(d, i, v));
    };
    view! {
        <label class="field">
            <span>{move || s.t(label.0, label.1)}</span>
            {if rows > 0 {
                view! { <textarea rows=rows maxlength=max prop:value=value on:input=input></textarea> }.into_any()
            } else {
                view! { <input maxlength=max autocomplete="off" prop:value=value on:input=input/> }.into_any()
            }}
        </label>
    }
}

#[component]
fn MaterialRow(draft: RwSignal<GuideItem>, i: usize) -> impl IntoView {
    let s = Settings::get();
    let form = move || draft.with(|d| d.materials.get(i).map(|m| m.form));
    view! {
        <RowText draft label=("材料名称", "Material") max=60
            i get=|d, i| d.materials.get(i).map(|m| m.name.clone())
            set=|d, i, v| if let Some(m) = d.materials.get_mut(i) { m.name = v }/>
        <label class="field">
            <span>{move || s.t("原件还是复印件", "Original or copy")}</span>
            <select prop:value=move || match form() {
                Some(MaterialForm::Copy) => "copy",
                Some(MaterialForm::Both) => "both",
                _ => "original",
            } on:change=move |ev| {
                let f = match event_target_value(&ev).as_str() {
                    "copy" => MaterialForm::Copy,
                    "both" => MaterialForm::Both,
                    _ => MaterialForm::Original,
                };
                draft.update(|d| if let Some(m) = d.materials.get_mut(i) { m.form = f });
            }>
                {[(MaterialForm::Original, "original", "原件", "Original"), (MaterialForm::Copy, "copy", "复印件", "Copy"),
                  (MaterialForm::Both, "both", "原件和复印件", "Original and copy")].into_iter().map(|(f, v, zh, en)| view! {
                    <option value=v selected=move || form() == Some(f)>{move || s.t(zh, en)}</option>
                }).collect_view()}
            </select>
        </label>
        <label class="field">
            <span>{move || s.t("份数", "Copies")}</span>
            <input type="number" inputmode="numeric" min="1" max="20" step="1"
                prop:value=move || draft.with(|d| d.materials.get(i).map(|m| m.copies.to_string()).unwrap_or_default())
                on:input=move |ev| {
                    let n = number(&event_target_value(&ev)).map_or(1, |n| u8::try_from(n).unwrap_or(u8::MAX));
                    draft.update(|d| if let Some(m) = d.materials.get_mut(i) { m.copies = n });
                }/>
        </label>
        <RowText draft label=("备注（可不填）", "Notes (optional)") max=200
            i get=|d, i| d.materials.get(i).map(|m| m.notes.clone())
            set=|d, i, v| if let Some(m) = d.materials.get_mut(i) { m.notes = v }/>
        <label class="check">
            <input type="checkbox" prop:checked=move || draft.with(|d| d.materials.get(i).is_some_and(|m| m.collectable))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    draft.update(|d| if let Some(m) = d.materials.get_mut(i) { m.collectable = on });
                }/>
            <span>{move || s.t("网格员可以上门代收", "A grid worker can collect it")}</span>
        </label>
    }
}

#[component]
fn StepRow(draft: RwSignal<GuideItem>, i: usize) -> impl IntoView {
    let s = Settings::get();
    view! {
        <RowText draft label=("步骤名称（如：受理、审核、办结）", "Step (e.g. accept, review, done)") max=30
            i get=|d, i| d.steps.get(i).map(|st| st.name.clone())
            set=|d, i, v| if let Some(st) = d.steps.get_mut(i) { st.name = v }/>
        <RowText draft label=("说明", "Detail") max=500 rows=2
            i get=|d, i| d.steps.get(i).map(|st| st.detail.clone())
            set=|d, i, v| if let Some(st) = d.steps.get_mut(i) { st.detail = v }/>
        <label class="field">
            <span>{move || s.t("这一步的时限（工作日，可不填）", "Time for this step (working days; may be empty)")}</span>
            <input type="number" inputmode="numeric" min="0" step="1"
                prop:value=move || draft.with(|d| d.steps.get(i).and_then(|st| st.days).map(|n| n.to_string()).unwrap_or_default())
                on:input=move |ev| {
                    let n = number(&event_target_value(&ev));
                    draft.update(|d| if let Some(st) = d.steps.get_mut(i) { st.days = n });
                }/>
        </label>
    }
}
