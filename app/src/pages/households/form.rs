//! Registering a household and editing one. Both go through the outbox: the worker saves
//! at the door, the phone sends it when it can, and the id made here is the household's.

use super::activation::ActivationPanel;
use super::register::REGISTER_KIND;
use super::register_path;
use crate::api::{forget, send};
use crate::error::{ActionError, AppError, ErrorMessage};
use crate::outbox::{new_id, Entry, Outbox};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wangge_core::households::{
    Household, HouseholdDraft, MemberDraft, MoveOut, MovedOut, Relation, MAX_MEMBERS,
};
use wangge_core::problem::Detail;
use wangge_core::API_PREFIX;

const EDIT_KIND: &str = "household.edit";

/// What the form calls to save a checked draft. (`SendWrapper`: views may keep it in
/// closures that must be `Send`; the SPA is single-threaded.)
type Save =
    SendWrapper<Rc<dyn Fn(HouseholdDraft) -> Pin<Box<dyn Future<Output = Result<(), AppError>>>>>>;

fn saver<Fut>(f: impl Fn(HouseholdDraft) -> Fut + 'static) -> Save
where
    Fut: Future<Output = Result<(), AppError>> + 'static,
{
    SendWrapper::new(Rc::new(move |d| {
        Box::pin(f(d)) as Pin<Box<dyn Future<Output = _>>>
    }))
}

fn blank_member(relation: Relation) -> MemberDraft {
    MemberDraft {
        id: new_id(),
        name: String::new(),
        relation,
        phone: None,
    }
}

/// `/households/new?grid=…`
#[component]
pub fn NewHousehold() -> impl IntoView {
    let s = Settings::get();
    let query = use_query_map();
    let grid = query.with_untracked(|q| q.get("grid")).unwrap_or_default();
    let navigate = use_navigate();
    let outbox = Outbox::get();
    let draft = HouseholdDraft {
        id: new_id(),
        address: String::new(),
        members: vec![blank_member(Relation::Head)],
    };
    let back = register_path(&grid);
    let save = saver(move |d: HouseholdDraft| {
        let grid = grid.clone();
        let navigate = navigate.clone();
        let label = (
            format!("登记 {}", d.address),
            format!("Register {}", d.address),
        );
        let entry = Entry::new(
            d.id.clone(),
            REGISTER_KIND,
            "POST",
            format!("{API_PREFIX}/grids/{grid}/households"),
            &d,
            label,
        );
        async move {
            outbox.enqueue(entry?).await?;
            navigate(&register_path(&grid), Default::default());
            Ok(())
        }
    });
    view! {
        <section class="households">
            <h1>{move || s.t("登记新户", "Register a household")}</h1>
            <p class="lead">{move || s.t("没有网络也能登记：保存后会自动同步。", "Works without a network: it syncs by itself once saved.")}</p>
            <HouseholdForm draft save/>
            <p><A href=back>{move || s.t("返回住户列表", "Back to the register")}</A></p>
        </section>
    }
}

/// `/households/{id}`: one household, its edit form, and its activation.
#[component]
pub fn Detail(id: String) -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let path = format!("{API_PREFIX}/households/{id}");
    let household = outbox.load::<Household>(path.clone());
    let editing = RwSignal::new(false);
    let save = {
        let path = path.clone();
        saver(move |d: HouseholdDraft| {
            let label = (format!("修改 {}", d.address), format!("Edit {}", d.address));
            // A new outbox id per edit: each edit is its own write, sent in order.
            let entry = Entry::new(new_id(), EDIT_KIND, "PUT", path.clone(), &d, label);
            async move {
                outbox.enqueue(entry?).await?;
                editing.set(false);
                Ok(())
            }
        })
    };
    view! {
        <section class="households">
            <SyncBadge sync=Signal::derive(move || household.get().sync)/>
            {move || household.get().error.map(|e| view! { <ErrorMessage error=e/> })}
            {move || household.get().data.map(|h| {
                let grid = h.grid_code.clone();
                let draft = HouseholdDraft {
                    id: h.id.clone(),
                    address: h.address.clone(),
                    members: h.members.iter().map(|m| MemberDraft {
                        id: m.id.clone(),
                        name: m.name.clone(),
                        relation: m.relation,
                        phone: m.phone.clone(),
                    }).collect(),
                };
                let head = h.members.iter().find(|m| m.relation == Relation::Head).map(|m| m.name.clone()).unwrap_or_default();
                let h2 = h.clone();
                view! {
                    <h1>{format!("{head}{}", s.t("家", "'s household"))}</h1>
                    <Show when=move || !editing.get() fallback={
                        let save = save.clone();
                        move || view! {
                        <HouseholdForm draft=draft.clone() save=save.clone()/>
                        <button class="button secondary" on:click=move |_| editing.set(false)>{move || s.t("取消", "Cancel")}</button>
                    }}>
                        <super::HouseholdView h=h2.clone()/>
                        <p class="actions">
                            <button class="button secondary" data-testid="edit-household" on:click=move |_| editing.set(true)>{move || s.t("修改", "Edit")}</button>
                            <A href=format!("/reports/new?household={}", h2.id) attr:class="button secondary" attr:data-testid="report-for-household">{move || s.t("代这户报事", "Report for this household")}</A>
                        </p>
                    </Show>
                    <ActivationPanel household=h.id.clone()/>
                    <MoveOutPanel id=h.id.clone() grid=grid.clone()/>
                    <p><A href=register_path(&grid)>{move || s.t("返回住户列表", "Back to the register")}</A></p>
                }
            })}
        </section>
    }
}

/// 迁出: the household left. It is deactivated, never deleted (history refers to it), and
/// its residents' phones are signed out. Needs the network now: the server must do it at
/// once, not whenever an outbox entry gets through.
#[component]
fn MoveOutPanel(id: String, grid: String) -> impl IntoView {
    let s = Settings::get();
    let navigate = use_navigate();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let path = format!("{API_PREFIX}/households/{id}/move-out");
    let cached = format!("{API_PREFIX}/households/{id}");
    let move_out = move |_| {
        if pending.get_untracked() {
            return;
        }
        let sure = window()
            .confirm_with_message(s.t(
                "确定这一户已经迁出吗？迁出后本户从住户列表中注销，家庭成员手机上的登录会退出；历史记录保留。",
                "Has this household moved out? It leaves the register and its members' phones are signed out; its history is kept.",
            ))
            .unwrap_or(false);
        if !sure {
            return;
        }
        error.set(None);
        if !window().navigator().on_line() {
            error.set(Some(AppError::Offline));
            return;
        }
        pending.set(true);
        let (path, cached) = (path.clone(), cached.clone());
        let (navigate, back) = (navigate.clone(), register_path(&grid));
        spawn_local(async move {
            // The body says the worker confirmed: the server will not take it unasked.
            let body = MoveOut { confirm: true };
            match send::<_, MovedOut>("POST", &path, Some(&body)).await {
                Ok(_) => {
                    // The household is gone from the register: no saved copy of it stays.
                    forget(&cached).await;
                    navigate(&back, Default::default());
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            pending.try_set(false);
        });
    };
    view! {
        <section class="move-out" data-testid="move-out-panel">
            <h2>{move || s.t("迁出", "Moved out")}</h2>
            {move || error.get().map(|e| view! {
                <ActionError error=e offline=("迁出需要网络，请连上网络后再试。", "Moving a household out needs the network; connect and try again.")/>
            })}
            <button class="button secondary" data-testid="move-out" disabled=move || pending.get() on:click=move_out>
                {move || if pending.get() { s.t("正在迁出…", "Moving out…") } else { s.t("迁出（注销本户）", "Moved out (close this household)") }}
            </button>
        </section>
    }
}

/// The form for a household: address and members. It checks with the server's own rules
/// (`HouseholdDraft::problems`) before saving, so a phone offline learns at once.
#[component]
fn HouseholdForm(draft: HouseholdDraft, save: Save) -> impl IntoView {
    let s = Settings::get();
    let draft = RwSignal::new(draft);
    let problems = RwSignal::new(Vec::<Detail>::new());
    let error = RwSignal::new(None::<AppError>);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let d = draft.get_untracked().normalized();
        let found = d.problems();
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        problems.set(Vec::new());
        pending.set(true);
        let fut = save(d);
        spawn_local(async move {
            if let Err(e) = fut.await {
                error.try_set(Some(e));
            }
            pending.try_set(false);
        });
    };
    let set_member = move |id: String, f: Box<dyn Fn(&mut MemberDraft)>| {
        draft.update(|d| {
            if let Some(m) = d.members.iter_mut().find(|m| m.id == id) {
                f(m);
            }
        });
    };
    view! {
        <form class="form" data-testid="household-form" on:submit=submit>
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <div class="error-box" role="alert" data-testid="form-problems">
                    <ul>
                        {problems.get().into_iter().map(|p| view! {
                            <li>{move || s.lang.get().pick(&p.message_zh, &p.message_en).to_owned()}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            <label class="field">
                <span>{move || s.t("住址", "Address")}</span>
                <input name="address" maxlength="200" placeholder=move || s.t("如：东岗村一组12号", "e.g. No. 12, Group 1, Donggang")
                    prop:value=move || draft.with(|d| d.address.clone())
                    on:input=move |ev| draft.update(|d| d.address = event_target_value(&ev))/>
            </label>
            <fieldset class="members">
                <legend>{move || s.t("家庭成员", "Members")}</legend>
                <For each=move || draft.get().members key=|m| m.id.clone() let:m>
                    {
                        let id = m.id.clone();
                        let (i1, i2, i3, i4) = (id.clone(), id.clone(), id.clone(), id.clone());
                        view! {
                            <div class="member" data-testid="member">
                                <label class="field">
                                    <span>{move || s.t("姓名", "Name")}</span>
                                    <input name="name" maxlength="50" prop:value=m.name.clone()
                                        on:input=move |ev| { let v = event_target_value(&ev); set_member(i1.clone(), Box::new(move |m| m.name = v.clone())) }/>
                                </label>
                                <label class="field">
                                    <span>{move || s.t("与户主关系", "Relation to head")}</span>
                                    <select name="relation" on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        if let Some(r) = Relation::parse(&v) {
                                            set_member(i2.clone(), Box::new(move |m| m.relation = r));
                                        }
                                    }>
                                        {Relation::ALL.into_iter().map(|r| view! {
                                            <option value=r.as_str() selected=r == m.relation>{move || s.t(r.label_zh(), r.label_en())}</option>
                                        }).collect_view()}
                                    </select>
                                </label>
                                <label class="field">
                                    <span>{move || s.t("电话（可不填）", "Phone (optional)")}</span>
                                    <input name="phone" type="tel" inputmode="tel" maxlength="24" prop:value=m.phone.clone().unwrap_or_default()
                                        on:input=move |ev| { let v = event_target_value(&ev); set_member(i3.clone(), Box::new(move |m| m.phone = Some(v.clone()))) }/>
                                </label>
                                <button type="button" class="button secondary small" on:click=move |_| draft.update(|d| d.members.retain(|x| x.id != i4))>
                                    {move || s.t("删除此成员", "Remove member")}
                                </button>
                            </div>
                        }
                    }
                </For>
                <button type="button" class="button secondary" data-testid="add-member"
                    disabled=move || draft.with(|d| d.members.len() >= MAX_MEMBERS)
                    on:click=move |_| draft.update(|d| {
                        let relation = if d.members.is_empty() { Relation::Head } else { Relation::Other };
                        d.members.push(blank_member(relation));
                    })>
                    {move || s.t("＋ 添加成员", "+ Add a member")}
                </button>
            </fieldset>
            <button class="button" type="submit" data-testid="save-household" disabled=move || pending.get()>
                {move || s.t("保存", "Save")}
            </button>
        </form>
    }
}
