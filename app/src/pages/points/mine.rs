//! The resident's tabs: 我的积分 (balances, the passbook with its running balance, ready to
//! print, and what the village shop has that they can afford) and 兑换码 (the household
//! pass as a QR code, kept on the phone to show offline until it runs out).

use super::{day, kind_label, my_village, signed};
use crate::api::{load, send};
use crate::error::{AppError, ErrorMessage};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wangge_core::accounts::Me;
use wangge_core::points::{HouseholdPass, Passbook, PassbookEntry, RuleBook, Shop};
use wangge_core::API_PREFIX;

fn passbook_path(household: &str) -> String {
    format!("{API_PREFIX}/households/{household}/passbook")
}

#[component]
pub fn MyPoints(me: Me) -> impl IntoView {
    let s = Settings::get();
    let Some(household) = me.household.map(|h| h.id) else {
        return ().into_any();
    };
    let outbox = crate::outbox::Outbox::get();
    let path = passbook_path(&household);
    let book = load::<Passbook>(move || {
        outbox.synced.track();
        path.clone()
    });
    // Older pages, fetched on demand (the first is the saved one).
    let older = RwSignal::new(Vec::<PassbookEntry>::new());
    let cursor = RwSignal::new(None::<String>);
    let more_error = RwSignal::new(None::<AppError>);
    Effect::new(move |_| {
        let c = book.with(|b| b.data.as_ref().and_then(|p| p.cursor.clone()));
        older.set(Vec::new());
        cursor.set(c);
    });
    let household_more = StoredValue::new(household.clone());
    let load_more = move |_| {
        let Some(c) = cursor.get_untracked() else {
            return;
        };
        let path = format!(
            "{}?cursor={c}",
            household_more.with_value(|h| passbook_path(h))
        );
        spawn_local(async move {
            match send::<(), Passbook>("GET", &path, None).await {
                Ok(Some(p)) => {
                    older.update(|o| o.extend(p.entries));
                    cursor.set(p.cursor);
                    more_error.set(None);
                }
                Ok(None) => {}
                Err(e) => more_error.set(Some(e)),
            }
        });
    };
    let spendable = move || book.with(|b| b.data.as_ref().map(|p| p.spendable));
    view! {
        <SyncBadge sync=Signal::derive(move || book.get().sync)/>
        {move || book.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        {move || book.get().data.map(|p| view! {
            <div class="points-balance">
                <p>
                    <span>{move || s.t("可用积分", "Spendable")}</span>
                    <strong data-testid="points-spendable">{p.spendable}</strong>
                </p>
                <p>
                    <span>{move || s.t("公示中", "In public notice")}</span>
                    <strong data-testid="points-pending">{p.pending}</strong>
                </p>
            </div>
        })}
        <h2>{move || s.t("积分存折", "Passbook")}</h2>
        <p class="actions no-print">
            <button class="button secondary" data-testid="print-passbook" on:click=move |_| { let _ = window().print(); }>
                {move || s.t("打印存折", "Print the passbook")}
            </button>
        </p>
        {move || book.get().data.map(|p| {
            if p.entries.is_empty() {
                view! { <p class="empty" data-testid="passbook-empty">{move || s.t("还没有积分记录。", "No entries yet.")}</p> }.into_any()
            } else {
                view! {
                    <table class="passbook" data-testid="passbook">
                        <thead><tr>
                            <th>{move || s.t("日期", "Date")}</th>
                            <th>{move || s.t("事项", "What")}</th>
                            <th>{move || s.t("经办", "By")}</th>
                            <th>{move || s.t("变动", "Change")}</th>
                            <th>{move || s.t("余额", "Balance")}</th>
                        </tr></thead>
                        <tbody>
                            {p.entries.into_iter().map(|e| view! { <Line e/> }).collect_view()}
                            {move || older.get().into_iter().map(|e| view! { <Line e/> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        })}
        {move || cursor.get().map(|_| view! {
            <p class="actions no-print">
                <button class="button secondary" data-testid="passbook-more" on:click=load_more>
                    {move || s.t("更早的记录", "Older entries")}
                </button>
            </p>
        })}
        {move || more_error.get().map(|e| view! { <ErrorMessage error=e/> })}
        <Affordable spendable=Signal::derive(spendable)/>
    }
    .into_any()
}

#[component]
fn Line(e: PassbookEntry) -> impl IntoView {
    let s = Settings::get();
    let what = e.rule.clone().unwrap_or_default();
    let change = if e.pending_delta != 0 && e.spendable_delta == 0 {
        format!("{}（{}）", signed(e.pending_delta), s.t("公示", "notice"))
    } else {
        signed(e.spendable_delta)
    };
    view! {
        <tr data-testid="passbook-line" data-kind=format!("{:?}", e.kind)>
            <td>{day(e.at)}</td>
            <td>{move || kind_label(s, e.kind)}" "{what.clone()}{(!e.note.is_empty()).then(|| format!(" · {}", e.note))}</td>
            <td>{e.by.clone().unwrap_or_default()}</td>
            <td class="num">{change}</td>
            <td class="num" data-testid="passbook-balance">{e.spendable_after}</td>
        </tr>
    }
}

/// Goods of the village's shop the household can afford now.
#[component]
fn Affordable(spendable: Signal<Option<i64>>) -> impl IntoView {
    let me = super::me();
    move || {
        me.with(|m| m.data.as_ref().and_then(my_village))
            .map(|village| view! { <VillageShop village spendable/> })
    }
}

#[component]
fn VillageShop(village: String, spendable: Signal<Option<i64>>) -> impl IntoView {
    let rules = load::<RuleBook>(move || format!("{API_PREFIX}/villages/{village}/points"));
    move || {
        let shop = rules.with(|r| r.data.as_ref().and_then(|b| b.shop.clone()));
        shop.map(|shop| view! { <ShopShelf shop spendable/> })
    }
}

#[component]
fn ShopShelf(shop: String, spendable: Signal<Option<i64>>) -> impl IntoView {
    let s = Settings::get();
    let goods = load::<Shop>(move || format!("{API_PREFIX}/shops/{shop}/goods"));
    view! {
        <h2>{move || s.t("能兑换的商品", "What you can redeem")}</h2>
        {move || goods.get().data.map(|shop| {
            let have = spendable.get().unwrap_or(0);
            let can: Vec<_> = shop.goods.into_iter().filter(|g| g.active && g.stock > 0 && g.price <= have).collect();
            if can.is_empty() {
                view! { <p class="empty">{move || s.t("积分还不够兑换商品，继续加油！", "Not enough points for anything yet.")}</p> }.into_any()
            } else {
                view! {
                    <p class="muted">{shop.name.clone()}</p>
                    <ul class="list" data-testid="affordable">
                        {can.into_iter().map(|g| view! {
                            <li class="list-item goods-line">
                                {g.photo.clone().map(|k| view! { <img class="goods-photo" src=crate::pages::photos::photo_url(&k) alt=""/> })}
                                <strong>{g.name.clone()}</strong>
                                <span class="tag">{format!("{} ", g.price)}{move || s.t("积分", "points")}"/"{g.unit.clone()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        })}
    }
}

/// 兑换码: the household pass. Fetched fresh whenever online (each is good for one
/// redemption); the saved one is shown offline until it runs out.
#[component]
pub fn Pass(me: Me) -> impl IntoView {
    let s = Settings::get();
    let Some(household) = me.household.map(|h| h.id) else {
        return ().into_any();
    };
    let again = RwSignal::new(0u32);
    let pass = load::<HouseholdPass>(move || {
        again.track();
        format!("{API_PREFIX}/households/{household}/pass")
    });
    let now = js_sys::Date::now() as i64;
    view! {
        <p class="lead">{move || s.t(
            "在村积分超市兑换时，请把这个码给店员扫一下。每个码只能用一次，用过后联网刷新即可。",
            "Show this code to the shop clerk when you redeem. Each code works once; refresh it online after use.",
        )}</p>
        <SyncBadge sync=Signal::derive(move || pass.get().sync)/>
        {move || pass.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        {move || pass.get().data.map(|p| {
            let expired = p.expires_at <= now;
            let qr = wangge_core::qr::svg(&p.text).unwrap_or_default();
            view! {
                <figure class="pass" data-testid="pass" data-pass=p.text.clone() class:expired=expired>
                    <div class="qr" inner_html=qr></div>
                    <figcaption>
                        {if expired {
                            view! { <strong class="tag tag-alert" data-testid="pass-expired">{move || s.t("已过期，请联网后刷新", "Expired: refresh online")}</strong> }.into_any()
                        } else {
                            view! { <span>{move || s.t("有效至 ", "Valid until ")}{super::when(p.expires_at)}</span> }.into_any()
                        }}
                    </figcaption>
                </figure>
            }
        })}
        <p class="actions">
            <button class="button secondary" data-testid="pass-refresh" on:click=move |_| again.update(|n| *n += 1)>
                {move || s.t("刷新兑换码", "Refresh the pass")}
            </button>
        </p>
    }
    .into_any()
}
