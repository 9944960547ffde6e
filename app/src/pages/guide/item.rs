//! `/guide/{code}`: one item, written for elderly readers — large type, what to bring as
//! a checklist remembered on this phone, a one-tap call, read-aloud, and a print view on
//! A4 (style.css). The item comes from the catalogue on the phone (so it opens offline),
//! or from the server if the phone does not have it.

use super::catalogue::{fetch_item, Catalogue};
use super::days_text;
use super::speech::ReadAloud;
use crate::api::SyncState;
use crate::error::{AppError, ErrorMessage};
use crate::i18n::Lang;
use crate::outbox::{new_id, Entry, Outbox};
use crate::pages::reports::REPORT_NEW_KIND;
use crate::settings::Settings;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeSet;
use wangge_core::accounts::Me;
use wangge_core::guide::{GuideItem, Material, MaterialForm};
use wangge_core::reports::errand::{self, ErrandRequest};
use wangge_core::reports::{Location, NewReport};
use wangge_core::API_PREFIX;

/// Where the ticks of an item's checklist are kept: the names of the materials ticked
/// (names, not positions, so an edit of the item keeps the ticks that still apply).
fn checked_key(code: &str) -> String {
    format!("wangge.guide.checked.{code}")
}

fn load_checked(code: &str) -> BTreeSet<String> {
    LocalStorage::get::<Vec<String>>(checked_key(code))
        .map(|names| names.into_iter().collect())
        .unwrap_or_default()
}

/// 原件 / 复印件 N 份 / 原件和复印件 N 份.
fn form_text(lang: Lang, m: &Material) -> String {
    let form = lang.pick(
        match m.form {
            MaterialForm::Original => "原件",
            MaterialForm::Copy => "复印件",
            MaterialForm::Both => "原件和复印件",
        },
        match m.form {
            MaterialForm::Original => "original",
            MaterialForm::Copy => "copy",
            MaterialForm::Both => "original and copy",
        },
    );
    match (m.copies, lang) {
        (0, _) => form.to_owned(),
        (n, Lang::Zh) => format!("{form} · {n} 份"),
        (n, Lang::En) => format!("{form} · {n}"),
    }
}

/// What 朗读 reads: the name, the conditions, the materials, the place and the hours.
fn speech_parts(item: &GuideItem) -> Vec<String> {
    let mut parts = vec![item.name.clone()];
    if !item.conditions.trim().is_empty() {
        parts.push(format!("办理条件：{}", item.conditions));
    }
    if !item.materials.is_empty() {
        let list: Vec<String> = item
            .materials
            .iter()
            .enumerate()
            .map(|(i, m)| format!("第{}项，{}，{}", i + 1, m.name, form_text(Lang::Zh, m)))
            .collect();
        parts.push(format!(
            "需要带的材料，共{}项：{}。",
            item.materials.len(),
            list.join("；")
        ));
    }
    if !item.place.trim().is_empty() {
        parts.push(format!("办理地点：{}", item.place));
    }
    if !item.hours.trim().is_empty() {
        parts.push(format!("办公时间：{}", item.hours));
    }
    parts
}

/// Only web links open from an item (never `javascript:` or the like).
fn web_link(url: &str) -> Option<String> {
    let url = url.trim();
    (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_owned())
}

#[component]
pub fn GuideItemPage(code: String) -> impl IntoView {
    let s = Settings::get();
    let cat = Catalogue::open();
    let cached = {
        let snapshot = cat.snapshot.clone();
        let code = code.clone();
        Memo::new(move |_| {
            snapshot.with(|snap| snap.as_ref().and_then(|snap| snap.get(&code).cloned()))
        })
    };
    // Not on the phone once the catalogue has settled: ask the server for this one item.
    let fetched = RwSignal::new(None::<Result<GuideItem, AppError>>);
    let asked = StoredValue::new(false);
    let sync = cat.sync.clone();
    Effect::new(move |_| {
        let settling = matches!(sync.get(), SyncState::Loading | SyncState::Revalidating);
        if settling || cached.with(Option::is_some) || asked.get_value() {
            return;
        }
        asked.set_value(true);
        let code = code.clone();
        spawn_local(async move {
            let result = fetch_item(&code).await;
            let _ = fetched.try_set(Some(result));
        });
    });
    let back = move || {
        view! {
            <p class="actions">
                <a href="/guide" class="button">{move || s.t("回到办事指南", "Back to the guide")}</a>
            </p>
        }
    };
    move || {
        if let Some(item) = cached.get() {
            return view! { <ItemView item/> }.into_any();
        }
        match fetched.get() {
            Some(Ok(item)) => view! { <ItemView item/> }.into_any(),
            Some(Err(AppError::Offline)) => view! {
                <section class="guide-item" data-testid="guide-item-offline">
                    <h1>{move || s.t("暂时打不开这个事项", "This service cannot be opened now")}</h1>
                    <div class="error-box" role="alert">
                        <p>{move || s.t(
                            "网络不通，这个事项还没有保存到这台手机上。请连上网络后再打开一次。",
                            "You are offline and this service is not saved on this phone yet. Connect and open it again.",
                        )}</p>
                    </div>
                    {back()}
                </section>
            }
            .into_any(),
            // 404 (or a code the server cannot even read): no such item for residents.
            Some(Err(AppError::Problem { status: 400..=499, .. })) => view! {
                <section class="guide-item" data-testid="guide-not-found">
                    <h1>{move || s.t("没有找到这个办事事项", "Service not found")}</h1>
                    <p>{move || s.t(
                        "这个事项不存在，或者已经停止办理。请回到办事指南搜索或按类别查找。",
                        "This service does not exist or is no longer offered. Search or browse the guide instead.",
                    )}</p>
                    {back()}
                </section>
            }
            .into_any(),
            Some(Err(e)) => view! {
                <section class="guide-item">
                    <h1>{move || s.t("暂时打不开这个事项", "This service cannot be opened now")}</h1>
                    <ErrorMessage error=e/>
                    {back()}
                </section>
            }
            .into_any(),
            None => view! {
                <p class="loading" role="status">{move || s.t("正在打开…", "Opening…")}</p>
            }
            .into_any(),
        }
    }
}

#[component]
fn ItemView(item: GuideItem) -> impl IntoView {
    let s = Settings::get();
    let parts = speech_parts(&item);
    let GuideItem {
        code,
        name,
        aliases,
        department,
        conditions,
        materials,
        steps,
        promised_days,
        legal_days,
        fees,
        place,
        hours,
        phone,
        online,
        visits,
        legal_basis,
        faq,
        updated_at,
        errand,
        ..
    } = item;
    let errand_name = name.clone();

    // The checklist: ticks kept on this phone, only for materials the item still lists.
    let checked = RwSignal::new(load_checked(&code));
    let key = StoredValue::new(checked_key(&code));
    let names = StoredValue::new(materials.iter().map(|m| m.name.clone()).collect::<Vec<_>>());
    let total = materials.len();
    let set_checked = move |name: String, on: bool| {
        checked.update(|c| {
            if on {
                c.insert(name);
            } else {
                c.remove(&name);
            }
        });
        let keep: Vec<String> = names.with_value(|ns| {
            checked.with_untracked(|c| ns.iter().filter(|n| c.contains(*n)).cloned().collect())
        });
        key.with_value(|k| {
            // A full or forbidden storage only means the ticks are not remembered.
            if keep.is_empty() {
                LocalStorage::delete(k);
            } else {
                let _ = LocalStorage::set(k, keep);
            }
        });
    };
    let ready = move || {
        names.with_value(|ns| checked.with(|c| ns.iter().filter(|n| c.contains(*n)).count()))
    };

    let phone_href = format!(
        "tel:{}",
        phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect::<String>()
    );
    let online = web_link(&online);
    let updated = crate::i18n::beijing_time(updated_at);

    view! {
        <article class="guide-item" data-testid="guide-item">
            <p class="crumbs no-print">
                <a href="/guide">{move || s.t("← 办事指南", "← Service guide")}</a>
            </p>
            <p class="print-only guide-print-head">"网格通 · 办事指南"</p>
            <h1 data-testid="guide-item-name">{name}</h1>
            {(!aliases.is_empty()).then(|| {
                let list = aliases.join("、");
                view! {
                    <p class="guide-aliases">{move || s.t("也叫：", "Also called: ")}{list}</p>
                }
            })}
            <p class="guide-department">
                <span class="guide-label">{move || s.t("办理部门：", "Department: ")}</span>
                {department}
            </p>
            <p class="actions guide-tools no-print">
                <ReadAloud parts/>
                <button
                    class="button secondary"
                    data-testid="guide-print"
                    on:click=|_| {
                        let _ = window().print();
                    }
                >
                    {move || s.t("打印", "Print")}
                </button>
            </p>

            {(!conditions.trim().is_empty()).then(|| view! {
                <section class="guide-section">
                    <h2>{move || s.t("办理条件", "Who can apply")}</h2>
                    <p class="guide-text">{conditions}</p>
                </section>
            })}

            <section class="guide-section guide-materials">
                <h2>{move || s.t("所需材料", "What to bring")}</h2>
                {if total == 0 {
                    view! {
                        <p>{move || s.t("不需要带材料。", "Nothing to bring.")}</p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="guide-hint no-print" aria-live="polite" data-testid="materials-ready">
                            {move || match s.lang.get() {
                                Lang::Zh => format!("备好一样就勾一样：已备好 {} / {total} 项", ready()),
                                Lang::En => format!("Tick each one when it is ready: {} of {total} ready", ready()),
                            }}
                        </p>
                        <ul class="materials" data-testid="materials">
                            {materials.into_iter().map(|m| {
                                let tracked = m.name.clone();
                                let ticked = m.name.clone();
                                let described = m.clone();
                                let form = move || form_text(s.lang.get(), &described);
                                let Material { name, notes, .. } = m;
                                view! {
                                    <li class="material" data-testid="material">
                                        <label>
                                            <input
                                                type="checkbox"
                                                prop:checked=move || checked.with(|c| c.contains(&tracked))
                                                on:change=move |ev| set_checked(ticked.clone(), event_target_checked(&ev))
                                            />
                                            <span class="material-text">
                                                <span class="material-name">{name}</span>
                                                <span class="material-form">{form}</span>
                                                {(!notes.trim().is_empty()).then(|| view! {
                                                    <span class="material-notes">{notes}</span>
                                                })}
                                            </span>
                                        </label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>

            {errand.then(|| view! {
                <AskErrand code=code.clone() name=errand_name checked/>
            })}

            {(!steps.is_empty()).then(|| view! {
                <section class="guide-section">
                    <h2>{move || s.t("办理流程", "Steps")}</h2>
                    <ol class="guide-steps">
                        {steps.into_iter().map(|st| view! {
                            <li>
                                <p class="guide-step-name">
                                    <strong>{st.name}</strong>
                                    {st.days.map(|d| view! {
                                        <span class="guide-days">{move || days_text(s, d)}</span>
                                    })}
                                </p>
                                {(!st.detail.trim().is_empty()).then(|| view! { <p>{st.detail}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            })}

            {(promised_days.is_some() || legal_days.is_some()).then(|| view! {
                <section class="guide-section">
                    <h2>{move || s.t("办理时限", "Time limits")}</h2>
                    {promised_days.map(|d| view! {
                        <p data-testid="guide-promised">
                            <span class="guide-label">{move || s.t("承诺时限：", "Promised: ")}</span>
                            {move || days_text(s, d)}
                        </p>
                    })}
                    {legal_days.map(|d| view! {
                        <p>
                            <span class="guide-label">{move || s.t("法定时限：", "By law: ")}</span>
                            {move || days_text(s, d)}
                        </p>
                    })}
                </section>
            })}

            {(!fees.trim().is_empty()).then(|| view! {
                <section class="guide-section">
                    <h2>{move || s.t("收费标准", "Fees")}</h2>
                    <p>{fees}</p>
                </section>
            })}

            <section class="guide-section">
                <h2>{move || s.t("办理地点", "Where to go")}</h2>
                <p>{place}</p>
            </section>

            {(!hours.trim().is_empty()).then(|| view! {
                <section class="guide-section">
                    <h2>{move || s.t("办公时间", "Opening hours")}</h2>
                    <p>{hours}</p>
                </section>
            })}

            <section class="guide-section">
                <h2>{move || s.t("到现场次数", "Visits in person")}</h2>
                <p>
                    {move || match (visits, s.lang.get()) {
                        (0, Lang::Zh) => "不用到现场".to_owned(),
                        (0, Lang::En) => "None: it can be done without going in".to_owned(),
                        (n, Lang::Zh) => format!("最多跑 {n} 次"),
                        (1, Lang::En) => "At most once".to_owned(),
                        (n, Lang::En) => format!("At most {n} times"),
                    }}
                </p>
            </section>

            {(!phone.trim().is_empty()).then(|| view! {
                <section class="guide-section">
                    <h2>{move || s.t("咨询电话", "Phone")}</h2>
                    <p class="guide-phone-line">
                        <a class="button guide-call" href=phone_href data-testid="guide-call">
                            <span aria-hidden="true">"☎ "</span>
                            {move || s.t("拨打 ", "Call ")}
                            <span class="phone">{phone.clone()}</span>
                        </a>
                        <span class="print-only phone">{phone.clone()}</span>
                    </p>
                </section>
            })}

            {online.map(|url| view! {
                <section class="guide-section">
                    <h2>{move || s.t("网上办理", "Online")}</h2>
                    <p>
                        <a class="guide-online" href=url.clone() target="_blank" rel="noopener noreferrer">{url.clone()}</a>
                    </p>
                </section>
            })}

            {(!legal_basis.trim().is_empty()).then(|| view! {
                <section class="guide-section">
                    <h2>{move || s.t("法律依据", "Legal basis")}</h2>
                    <p class="guide-text">{legal_basis}</p>
                </section>
            })}

            {(!faq.is_empty()).then(|| view! {
                <section class="guide-section">
                    <h2>{move || s.t("常见问题", "Questions")}</h2>
                    {faq.into_iter().map(|f| view! {
                        <details class="guide-faq">
                            <summary>{f.q}</summary>
                            <p>{f.a}</p>
                        </details>
                    }).collect_view()}
                </section>
            })}

            <p class="muted guide-updated">{move || s.t("更新于 ", "Updated ")}{updated}</p>
        </article>
    }
}

/// 请网格员代办: a signed-in resident asks their grid worker to run this item's errand,
/// after the browser's own dialog asks once more. It goes through the outbox like any
/// report (offline too, exactly once) and opens the errand's page; the materials ticked
/// here go with it as ready.
#[component]
fn AskErrand(code: String, name: String, checked: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let s = Settings::get();
    let me = crate::api::load::<Me>(|| format!("{API_PREFIX}/me"));
    let household = move || me.with(|m| m.data.as_ref().is_some_and(|m| m.household.is_some()));
    let sending = RwSignal::new(false);
    let failed = RwSignal::new(None::<AppError>);
    let navigate = StoredValue::new_local(use_navigate());
    let outbox = Outbox::get();
    let (code, name) = (StoredValue::new(code), StoredValue::new(name));
    let ask = move |_| {
        let sure = crate::pages::admin_records::confirmed(
            "请网格员代办？网格员会和您联系，上门收材料、去窗口递交、取回结果送到家。",
            "Ask your grid worker? They will contact you, collect the materials, hand them in and bring the result home.",
        );
        if !sure || sending.get_untracked() {
            return;
        }
        sending.set(true);
        let id = new_id();
        let report = NewReport {
            id: id.clone(),
            category: errand::CATEGORY.to_owned(),
            text: format!("请网格员代办：{}", name.get_value()),
            grid: None,
            location: Location::default(),
            photos: Vec::new(),
            household: None,
            contact: None,
            errand: Some(ErrandRequest {
                guide: code.get_value(),
                ready: checked.with_untracked(|c| c.iter().cloned().collect()),
            }),
        };
        spawn_local(async move {
            let entry = Entry::new(
                id.clone(),
                REPORT_NEW_KIND,
                "POST",
                format!("{API_PREFIX}/reports"),
                &report,
                (
                    format!("代办 {}", name.get_value()),
                    format!("Errand {}", name.get_value()),
                ),
            );
            let result = match entry {
                Ok(entry) => outbox.enqueue(entry).await,
                Err(e) => Err(e),
            };
            sending.try_set(false);
            match result {
                Ok(()) => navigate.with_value(|n| n(&format!("/reports/{id}"), Default::default())),
                Err(e) => {
                    failed.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="guide-section guide-errand no-print" data-testid="guide-errand">
            <h2>{move || s.t("请网格员代办", "Ask your grid worker")}</h2>
            {move || if household() {
                view! {
                    <p class="actions">
                        <button class="button" data-testid="errand-ask" disabled=move || sending.get() on:click=ask>
                            {move || s.t("请网格员代办", "Ask your grid worker")}
                        </button>
                    </p>
                }.into_any()
            } else {
                view! {
                    <p class="guide-hint">
                        {move || s.t("户内成员登录后，可以请网格员帮您收材料、递交、取回结果。", "Signed in, a household member can ask the grid worker to collect, hand in and bring back.")}
                    </p>
                }.into_any()
            }}
            {move || failed.get().map(|e| view! { <ErrorMessage error=e/> })}
        </section>
    }
}
