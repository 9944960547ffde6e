//! 记分: a grid worker or leader applies one rule of the village's book to households of
//! one of their grids — one, or many at once (a monthly inspection) — with a note. It goes
//! through the outbox (offline too) under an id made here, and waits out the public notice.

use super::{my_village, signed, AWARD_KIND};
use crate::api::load;
use crate::error::{AppError, ErrorMessage};
use crate::outbox::{new_id, Entry, Outbox};
use crate::pages::photos::{Photo, PhotoPicker};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use wangge_core::accounts::{Me, Scope};
use wangge_core::grids::{GridCard, GridLevel};
use wangge_core::households::{HouseholdPage, HouseholdSummary};
use wangge_core::points::{NewAward, RuleBook};
use wangge_core::API_PREFIX;

/// The base grids an account may choose from: its own, or those of the village it leads.
fn base_grids(me: &Me) -> (Vec<String>, Option<String>) {
    let mut grids = Vec::new();
    let mut village = None;
    for g in &me.roles {
        if let Scope::Grid(code) = &g.scope {
            match code.len() {
                15 => grids.push(code.clone()),
                12 => village = Some(code.clone()),
                _ => {}
            }
        }
    }
    (grids, village)
}

#[component]
pub fn AwardForm(me: Me) -> impl IntoView {
    let s = Settings::get();
    let Some(village) = my_village(&me) else {
        return ().into_any();
    };
    let (own, led) = base_grids(&me);
    let grid = RwSignal::new(own.first().cloned().unwrap_or_default());
    let rule = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let photos = RwSignal::new(Vec::<Photo>::new());
    let no_photo = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(None::<String>);
    let outbox = Outbox::get();
    let village_rules = village.clone();
    let book = load::<RuleBook>(move || format!("{API_PREFIX}/villages/{village_rules}/points"));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let households: Vec<String> = chosen.get_untracked().into_iter().collect();
        let Some(r) = book.with_untracked(|b| {
            b.data.as_ref().and_then(|b| {
                b.rules
                    .iter()
                    .find(|x| x.code == rule.get_untracked())
                    .cloned()
            })
        }) else {
            return;
        };
        if households.is_empty() {
            return;
        }
        let taken = photos.get_untracked();
        no_photo.set(r.evidence && taken.is_empty());
        if no_photo.get_untracked() {
            return;
        }
        let award = NewAward {
            id: new_id(),
            village: village.clone(),
            rule: r.code.clone(),
            households,
            note: note.get_untracked(),
            photos: taken.iter().map(Photo::key).collect(),
        };
        let n = award.households.len();
        let label = (
            format!("记分 {} {}户", r.name, n),
            format!("Award {} × {n}", r.code),
        );
        spawn_local(async move {
            // The evidence first: the award names it.
            if let Err(e) = crate::pages::photos::enqueue(outbox, &taken).await {
                error.set(Some(e));
                return;
            }
            let entry = Entry::new(
                award.id.clone(),
                AWARD_KIND,
                "POST",
                format!("{API_PREFIX}/points/awards"),
                &award,
                label,
            );
            match entry {
                Ok(e) => match outbox.enqueue(e).await {
                    Ok(()) => {
                        done.set(Some(format!("{} {} {}", r.name, signed(r.points), n)));
                        chosen.set(BTreeSet::new());
                        photos.set(Vec::new());
                        note.set(String::new());
                        error.set(None);
                    }
                    Err(e) => error.set(Some(e)),
                },
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="form" data-testid="award-form" on:submit=submit>
            <p class="lead">{move || s.t(
                "选一条村规民约细则，勾选农户，一次记分。记分先公示，村里审核通过后才能兑换。没有网络也能记，联网后自动上传。",
                "Choose a rule and the households, and record it once. Awards go on public notice and count after the village approves them. Works offline; it syncs itself.",
            )}</p>
            {move || done.get().map(|d| view! {
                <p class="ok-box" role="status" data-testid="award-done">{move || s.t("已记分（公示中）：", "Recorded (on notice): ")}{d.clone()}{move || s.t(" 户", " households")}</p>
            })}
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            <SyncBadge sync=Signal::derive(move || book.get().sync)/>
            <label class="field">
                {move || s.t("积分细则", "Rule")}
                <select data-testid="award-rule" prop:value=move || rule.get() on:change=move |ev| rule.set(event_target_value(&ev))>
                    <option value="">{move || s.t("请选择", "Choose")}</option>
                    {move || book.get().data.map(|b| b.rules.into_iter().map(|r| {
                        let needs_photo = r.evidence;
                        view! {
                            <option value=r.code.clone()>
                                {format!("{} {} {}", r.category, r.name, signed(r.points))}
                                {needs_photo.then(|| s.t("（须附照片）", " (photo needed)"))}
                            </option>
                        }
                    }).collect_view())}
                </select>
            </label>
            <PhotoPicker photos/>
            {move || no_photo.get().then(|| view! {
                <p class="error-box" role="alert" data-testid="award-no-photo">{move || s.t("这一项须附照片作为依据，请先拍照。", "This rule needs a photo as evidence.")}</p>
            })}
            {led.map(|v| view! { <GridPicker village=v grid/> })}
            <label class="field">
                {move || s.t("说明", "Note")}
                <input type="text" maxlength="500" data-testid="award-note" prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))/>
            </label>
            {move || {
                let g = grid.get();
                (!g.is_empty()).then(|| view! { <Households grid=g chosen/> })
            }}
            <p class="actions">
                <button class="button" type="submit" data-testid="award-submit"
                    disabled=move || chosen.with(BTreeSet::is_empty) || rule.with(String::is_empty)>
                    {move || s.t("记分", "Record")}
                </button>
            </p>
        </form>
    }
    .into_any()
}

/// A leader chooses one of the village's base grids.
#[component]
fn GridPicker(village: String, grid: RwSignal<String>) -> impl IntoView {
    let s = Settings::get();
    let card = load::<GridCard>(move || format!("{API_PREFIX}/grids/{village}"));
    view! {
        <label class="field">
            {move || s.t("网格", "Grid")}
            <select data-testid="award-grid" prop:value=move || grid.get() on:change=move |ev| grid.set(event_target_value(&ev))>
                <option value="">{move || s.t("请选择", "Choose")}</option>
                {move || card.get().data.map(|c| c.children.into_iter()
                    .filter(|g| g.level == GridLevel::Grid)
                    .map(|g| view! { <option value=g.code.clone()>{g.name.clone()}</option> })
                    .collect_view())}
            </select>
        </label>
    }
}

/// The grid's households to tick: the register's first page (saved for offline), then
/// the rest fetched page by page, narrowed by a name or address typed.
#[component]
fn Households(grid: String, chosen: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let s = Settings::get();
    let first_path = format!("{API_PREFIX}/grids/{grid}/households");
    let page = load::<HouseholdPage>(move || first_path.clone());
    let rest = RwSignal::new(Vec::<HouseholdSummary>::new());
    let filter = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(mut next) = page.with(|p| p.data.as_ref().map(|p| p.next.clone())) else {
            return;
        };
        let grid = grid.clone();
        rest.set(Vec::new());
        spawn_local(async move {
            // A grid holds a few hundred households: a handful of pages.
            for _ in 0..20 {
                let Some(after) = next.take() else { break };
                let path = format!("{API_PREFIX}/grids/{grid}/households?after={after}");
                match crate::api::send::<(), HouseholdPage>("GET", &path, None).await {
                    Ok(Some(p)) => {
                        rest.try_update(|r| r.extend(p.items));
                        next = p.next;
                    }
                    _ => break,
                }
            }
        });
    });
    let shown = move || {
        let f = filter.get();
        let mut all = page.with(|p| p.data.as_ref().map(|p| p.items.clone()).unwrap_or_default());
        all.extend(rest.get());
        all.retain(|h| {
            f.is_empty()
                || h.address.contains(&f)
                || h.head.as_deref().is_some_and(|n| n.contains(&f))
        });
        all
    };
    view! {
        <fieldset class="field households-pick">
            <legend>{move || s.t("农户", "Households")}</legend>
            {move || page.get().error.map(|e| view! { <ErrorMessage error=e/> })}
            <input type="search" data-testid="award-filter" placeholder=move || s.t("按户主姓名或门牌筛选", "Filter by name or address")
                prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev))/>
            <p class="actions">
                <button type="button" class="link-button" data-testid="award-all"
                    on:click=move |_| chosen.set(shown().into_iter().map(|h| h.id).collect())>
                    {move || s.t("全选（筛选出的）", "All shown")}
                </button>
                <button type="button" class="link-button" on:click=move |_| chosen.set(BTreeSet::new())>
                    {move || s.t("清空", "None")}
                </button>
                <span>{move || s.t("已选 ", "Chosen: ")}{move || chosen.with(BTreeSet::len)}</span>
            </p>
            <ul class="list">
                {move || shown().into_iter().map(|h| {
                    let id = h.id.clone();
                    let id_check = h.id.clone();
                    view! {
                        <li class="list-item">
                            <label>
                                <input type="checkbox" data-testid="award-household" data-household=h.id.clone()
                                    prop:checked=move || chosen.with(|c| c.contains(&id_check))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = id.clone();
                                        chosen.update(|c| { if on { c.insert(id); } else { c.remove(&id); } });
                                    }/>
                                {h.head.clone().unwrap_or_default()}" · "{h.address.clone()}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}
