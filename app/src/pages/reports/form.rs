//! `/reports/new[?household=…]`: filing a report. Everything typed is kept on the phone
//! as a draft while it is written (closing the page loses nothing); sending puts the
//! photos and the report in the outbox, so it works with no network and goes once.

use super::{categories, is_staff, me, report_path, CategorySelect, NEW_KIND};
use crate::api::{load, send};
use crate::cache::{Cache, DRAFTS};
use crate::error::AppError;
use crate::outbox::{new_id, Entry, Outbox};
use crate::pages::admin_records::{FieldError, Outcome};
use crate::pages::photos::{self, Photo, PhotoPicker};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use serde::{Deserialize, Serialize};
use wangge_core::accounts::{Me, Scope};
use wangge_core::grids::{GridLevel, GridNode, GridTree};
use wangge_core::reports::{Location, NewReport, Report, ReportSummary, MAX_TEXT};
use wangge_core::API_PREFIX;
use wasm_bindgen::JsCast;

/// One draft per form: a resident's or patrol report (`report`), and one per household a
/// worker files for (`report:<household>`), so opening one form never touches another's.
fn draft_key(household: Option<&str>) -> String {
    match household {
        Some(h) => format!("report:{h}"),
        None => "report".to_owned(),
    }
}

/// What the form holds, saved as it changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Draft {
    id: String,
    category: String,
    text: String,
    address: String,
    lat: Option<f64>,
    long: Option<f64>,
    grid: String,
    contact: String,
    photos: Vec<Photo>,
    household: Option<String>,
}

async fn saved_draft(key: &str) -> Option<Draft> {
    let cache = Cache::open().await.ok()?;
    let d = cache.get::<Draft>(DRAFTS, key).await.ok().flatten();
    cache.close();
    d
}

async fn save_draft(key: &str, d: &Draft) {
    if let Ok(cache) = Cache::open().await {
        let _ = if *d == Draft::default() {
            cache.delete(DRAFTS, key).await
        } else {
            cache.put(DRAFTS, key, d).await
        };
        cache.close();
    }
}

/// The base grids a report can be filed for: a staff member's own; anyone else's choice
/// of every base grid.
fn grid_choices(me: Option<&Me>, tree: &GridTree) -> Vec<GridNode> {
    let staff = me.filter(|m| is_staff(m));
    tree.nodes
        .iter()
        .filter(|n| n.level == GridLevel::Grid)
        .filter(|n| {
            staff.is_none_or(|m| {
                m.roles
                    .iter()
                    .any(|g| matches!(g.scope, Scope::Grid(_)) && g.scope.covers_grid(&n.code))
            })
        })
        .cloned()
        .collect()
}

#[component]
pub fn NewReportPage() -> impl IntoView {
    let s = Settings::get();
    let me = me();
    let cats = categories();
    let tree = load::<GridTree>(|| format!("{API_PREFIX}/grids"));
    let query = use_query_map();
    let household = query.with_untracked(|q| q.get("household"));

    let category = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let coords = RwSignal::new(None::<(f64, f64)>);
    let grid = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let photos = RwSignal::new(Vec::<Photo>::new());
    let id = RwSignal::new(new_id());
    let restored = RwSignal::new(false);
    let ready = RwSignal::new(false);

    // Pick up where the person left off (the same draft id: sending it twice is one report).
    let key = StoredValue::new(draft_key(household.as_deref()));
    spawn_local(async move {
        if let Some(d) = saved_draft(&key.get_value()).await {
            {
                id.try_set(d.id);
                category.try_set(d.category);
                text.try_set(d.text);
                address.try_set(d.address);
                coords.try_set(d.lat.zip(d.long));
                grid.try_set(d.grid);
                contact.try_set(d.contact);
                photos.try_set(d.photos);
                restored.try_set(true);
            }
        }
        ready.try_set(true);
    });
    let household2 = household.clone();
    let draft = move || Draft {
        id: id.get(),
        category: category.get(),
        text: text.get(),
        address: address.get(),
        lat: coords.get().map(|c| c.0),
        long: coords.get().map(|c| c.1),
        grid: grid.get(),
        contact: contact.get(),
        photos: photos.get(),
        household: household2.clone(),
    };
    let draft = StoredValue::new_local(draft);
    Effect::new(move |_| {
        let d = draft.with_value(|f| f());
        if !ready.get() {
            return;
        }
        let empty = d.category.is_empty()
            && d.text.is_empty()
            && d.address.is_empty()
            && d.photos.is_empty()
            && d.contact.is_empty();
        let d = if empty { Draft::default() } else { d };
        spawn_local(async move { save_draft(&key.get_value(), &d).await });
    });

    let signed_in = move || me.with(|m| m.data.is_some());
    let staff = move || me.with(|m| m.data.as_ref().is_some_and(is_staff));
    let resident = move || me.with(|m| m.data.as_ref().is_some_and(|m| m.household.is_some()));
    let checked = move || me.with(|m| m.data.is_some() || m.error.is_some());
    let on_behalf = household.is_some();

    let outcome = Outcome::new();
    let outbox = Outbox::get();
    let navigate = use_navigate();
    let locating = RwSignal::new(false);
    let locate = move |_| {
        let Ok(geo) = window().navigator().geolocation() else {
            outcome.refuse_locally(
                "location",
                "这部手机不能定位，请填写地址。",
                "This phone cannot tell its position; type the address.",
            );
            return;
        };
        locating.set(true);
        let ok = wasm_bindgen::closure::Closure::once_into_js(move |pos: wasm_bindgen::JsValue| {
            let get = |o: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
            let c = get(&pos, "coords");
            let lat = c
                .as_ref()
                .and_then(|c| get(c, "latitude"))
                .and_then(|v| v.as_f64());
            let long = c
                .as_ref()
                .and_then(|c| get(c, "longitude"))
                .and_then(|v| v.as_f64());
            coords.try_set(lat.zip(long));
            locating.try_set(false);
        });
        let failed =
            wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
                locating.try_set(false);
                outcome.refuse_locally(
                    "location",
                    "没能定位（可能没有授权），请填写地址。",
                    "Could not get the position (permission?); type the address.",
                );
            });
        let _ = geo.get_current_position_with_error_callback(
            ok.unchecked_ref(),
            Some(failed.unchecked_ref()),
        );
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !outcome.start() {
            return;
        }
        let d = draft.with_value(|f| f());
        let signed = signed_in();
        let report = NewReport {
            id: d.id.clone(),
            category: d.category.clone(),
            text: d.text.trim().to_owned(),
            grid: (!d.grid.is_empty()).then(|| d.grid.clone()),
            location: Location {
                lat: d.lat,
                long: d.long,
                address: d.address.trim().to_owned(),
            },
            photos: d.photos.iter().map(Photo::key).collect(),
            household: d.household.clone(),
            contact: (!signed).then(|| d.contact.trim().to_owned()),
            errand: None,
        };
        let mut problems = report.problems();
        if report.grid.is_none() && !resident() && report.household.is_none() {
            problems.push(wangge_core::problem::Detail {
                line: None,
                field: Some("grid".into()),
                message_zh: "请选择所在网格".into(),
                message_en: "choose the grid".into(),
            });
        }
        if !problems.is_empty() {
            outcome.details.set(problems);
            outcome.pending.set(false);
            return;
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            let label = wangge_core::reports::excerpt(&report.text, 12);
            let result: Result<(), AppError> = async {
                photos::enqueue(outbox, &d.photos).await?;
                let entry = Entry::new(
                    report.id.clone(),
                    NEW_KIND,
                    "POST",
                    format!("{API_PREFIX}/reports"),
                    &report,
                    (format!("报事 {label}"), format!("Report {label}")),
                )?;
                outbox.enqueue(entry).await?;
                save_draft(&key.get_value(), &Draft::default()).await;
                Ok(())
            }
            .await;
            outcome.finish(&result);
            if result.is_ok() {
                navigate(&report_path(&report.id), Default::default());
            }
        });
    };

    view! {
        <section class="reports report-form">
            <h1>{move || if on_behalf { s.t("代居民报事", "Report for a household") } else { s.t("我要报事", "Report a problem") }}</h1>
            <p class="lead">{move || s.t("没有网络也能报：提交后保存在手机上，有网时自动发送。", "Works offline: it is kept on the phone and sent by itself once there is a network.")}</p>
            <Show when=move || restored.get()>
                <p class="sync" role="status" data-testid="draft-restored">{move || s.t("已恢复您上次没写完的内容。", "Your unfinished report was restored.")}</p>
            </Show>
            <Show when=move || checked() && !signed_in()>
                <p class="notice" data-testid="anonymous-note">
                    {move || s.t("您还没有登录：可以不登录直接报事，请留下电话，网格员核实后受理。登录后还能上传照片、查看进度。", "You are not signed in: you can still report — leave a phone number and the grid worker checks it first. Sign in to add photos and follow progress.")}
                    " "<A href="/account">{move || s.t("去登录", "Sign in")}</A>
                </p>
            </Show>
            <form on:submit=submit novalidate>
                {move || cats.get().data.map(|list| view! {
                    <CategorySelect cats=list value=category label=Signal::derive(move || s.t("问题类别", "Category")) testid="report-category"/>
                })}
                <FieldError outcome field="category"/>
                <label class="field">
                    {move || s.t("是什么问题", "What is the problem")}
                    <textarea
                        data-testid="report-text"
                        rows="5"
                        maxlength=MAX_TEXT.to_string()
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        placeholder=move || s.t("例如：村口下水道堵了，污水漫到路上。", "E.g. the drain at the village entrance is blocked and overflowing.")
                    ></textarea>
                    <small class="muted">{move || format!("{} / {MAX_TEXT}", text.with(|t| t.chars().count()))}</small>
                </label>
                <FieldError outcome field="text"/>
                <Show when=signed_in>
                    <PhotoPicker photos/>
                </Show>
                <FieldError outcome field="photos"/>
                <label class="field">
                    {move || s.t("地点", "Where")}
                    <input
                        data-testid="report-address"
                        prop:value=move || address.get()
                        on:input=move |ev| address.set(event_target_value(&ev))
                        placeholder=move || s.t("例如：东岗村一组村口", "E.g. the entrance of Donggang group 1")
                    />
                </label>
                <p class="actions">
                    <button type="button" class="button small secondary" on:click=locate disabled=move || locating.get() data-testid="report-locate">
                        {move || if locating.get() { s.t("正在定位…", "Locating…") } else { s.t("使用手机定位", "Use my position") }}
                    </button>
                    {move || coords.get().map(|(lat, long)| view! {
                        <span class="muted" data-testid="report-coords">{format!("{lat:.5}, {long:.5}")}</span>
                        <button type="button" class="button small secondary" on:click=move |_| coords.set(None)>{move || s.t("不用定位", "Remove position")}</button>
                    })}
                </p>
                <FieldError outcome field="location"/>
                <Show when=move || !on_behalf>
                    {move || tree.get().data.map(|t| {
                        let choices = me.with(|m| grid_choices(m.data.as_ref(), &t));
                        view! {
                            <label class="field">
                                {move || s.t("所在网格", "Grid")}
                                <select data-testid="report-grid" prop:value=move || grid.get() on:change=move |ev| grid.set(event_target_value(&ev))>
                                    <option value="">{move || if resident() { s.t("我家所在的网格", "My household's grid") } else { s.t("请选择", "Choose") }}</option>
                                    {choices.into_iter().map(|g| {
                                        let selected = grid.get_untracked() == g.code;
                                        view! { <option value=g.code.clone() selected=selected>{format!("{} {}", g.name, g.scope)}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                        }
                    })}
                </Show>
                <FieldError outcome field="grid"/>
                <Show when=move || checked() && !signed_in()>
                    <label class="field">
                        {move || s.t("联系电话", "Phone to call back")}
                        <input type="tel" inputmode="tel" data-testid="report-contact" prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev))/>
                    </label>
                </Show>
                <FieldError outcome field="contact"/>
                // Following is for the reporter's own grid (their household's).
                <Show when=move || resident() && !on_behalf && grid.with(String::is_empty)>
                    <Similar category grid/>
                </Show>
                {move || outcome.error.get().map(|e| view! { <crate::error::ErrorMessage error=e/> })}
                <p class="actions">
                    <button type="submit" class="button" data-testid="report-submit" disabled=move || outcome.pending.get()>
                        {move || s.t("提交", "Send")}
                    </button>
                    <A href="/reports" attr:class="button secondary">{move || if staff() { s.t("返回列表", "Back to the list") } else { s.t("我的报事", "My reports") }}</A>
                </p>
            </form>
        </section>
    }
}

/// Open reports like this one (same category and grid, last 14 days): the person can
/// follow one instead of filing a duplicate. Online only; offline it simply says nothing.
#[component]
fn Similar(category: RwSignal<String>, grid: RwSignal<String>) -> impl IntoView {
    let s = Settings::get();
    let found = RwSignal::new(Vec::<ReportSummary>::new());
    let error = RwSignal::new(None::<AppError>);
    let navigate = use_navigate();
    Effect::new(move |_| {
        let (c, g) = (category.get(), grid.get());
        found.set(Vec::new());
        if c.is_empty() || !window().navigator().on_line() {
            return;
        }
        let mut path = format!(
            "{API_PREFIX}/reports/similar?category={}",
            js_sys::encode_uri_component(&c)
        );
        if !g.is_empty() {
            path.push_str(&format!("&grid={g}"));
        }
        spawn_local(async move {
            if let Ok(Some(list)) = send::<(), Vec<ReportSummary>>("GET", &path, None).await {
                // Only if the person has not changed the form meanwhile.
                if category.get_untracked() == c && grid.get_untracked() == g {
                    found.try_set(list);
                }
            }
        });
    });
    let navigate = StoredValue::new_local(navigate);
    let follow = move |id: String| {
        let navigate = navigate.get_value();
        spawn_local(async move {
            let path = format!("{}/follow", super::api_report(&id));
            match send::<(), Report>("POST", &path, None).await {
                Ok(_) => navigate(&report_path(&id), Default::default()),
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <Show when=move || !found.with(Vec::is_empty)>
            <section class="notice" data-testid="similar-reports">
                <h2>{move || s.t("附近已经有人报过类似的事", "Something like this was already reported nearby")}</h2>
                <p>{move || s.t("如果是同一件事，可以关注它，办好了会通知您，不用重复报。", "If it is the same thing, follow it: you are told when it is done, no need to report it again.")}</p>
                <ul class="list">
                    {move || found.get().into_iter().map(|r| {
                        let id = r.id.clone();
                        view! {
                            <li class="list-item">
                                <p>{r.excerpt.clone()}</p>
                                <p class="muted">{super::when(r.created_at)}" · "{move || super::state_label(s, r.state)}</p>
                                <button type="button" class="button small secondary" data-testid="follow-similar" on:click=move |_| follow(id.clone())>
                                    {move || s.t("是同一件事，关注它", "Same thing: follow it")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || error.get().map(|e| view! { <crate::error::ErrorMessage error=e/> })}
            </section>
        </Show>
    }
}
