//! The clerk's counter. 兑换: the household by its pass (the camera's `BarcodeDetector`
//! where the phone has one; a handheld scanner or typing fills the same field) or by name,
//! then goods and quantities, then one confirmed redemption — which needs the network,
//! and says so. 今日兑换: the day's redemptions, returns, and the reconciliation as CSV.
//! 商品: the shelf the clerk keeps.

use super::{my_shop, when};
use crate::api::{load, send};
use crate::error::{AppError, ErrorMessage};
use crate::pages::photos::{photo_url, Photo, PhotoPicker};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use wangge_core::accounts::Me;
use wangge_core::points::pass::PassParts;
use wangge_core::points::{
    Goods, GoodsSave, Item, Redeem, Redemption, Reverse, Reversed, Shop, ShopDay, ShopHousehold,
};
use wangge_core::reports::deadline::Day;
use wangge_core::API_PREFIX;

/// Who the redemption is for.
#[derive(Clone, PartialEq)]
enum Whose {
    Pass(String),
    Household(ShopHousehold),
}

fn online() -> RwSignal<bool> {
    let on = RwSignal::new(window().navigator().on_line());
    let up = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        on.try_set(true);
    });
    let down = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        on.try_set(false);
    });
    use wasm_bindgen::JsCast;
    let _ = window().add_event_listener_with_callback("online", up.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("offline", down.as_ref().unchecked_ref());
    up.forget();
    down.forget();
    on
}

#[component]
pub fn Counter(me: Me) -> impl IntoView {
    let s = Settings::get();
    let Some(shop) = my_shop(&me) else {
        return ().into_any();
    };
    let online = online();
    let goods = load::<Shop>({
        let shop = shop.clone();
        move || format!("{API_PREFIX}/shops/{shop}/goods")
    });
    let whose = RwSignal::new(None::<Whose>);
    let qty = RwSignal::new(BTreeMap::<String, i64>::new());
    let error = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(None::<Redemption>);
    let sending = RwSignal::new(false);
    // One id per attempt: a retry after a lost answer is the same redemption.
    let attempt = RwSignal::new(crate::outbox::new_id());
    let total = move || {
        goods.with(|g| {
            g.data.as_ref().map_or(0, |shop| {
                qty.with(|q| {
                    shop.goods
                        .iter()
                        .map(|g| q.get(&g.id).copied().unwrap_or(0) * g.price)
                        .sum::<i64>()
                })
            })
        })
    };
    let shop_redeem = shop.clone();
    let confirm = move |_| {
        let Some(who) = whose.get_untracked() else {
            return;
        };
        let items: Vec<Item> = qty
            .get_untracked()
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(goods, qty)| Item { goods, qty })
            .collect();
        if items.is_empty() || sending.get_untracked() {
            return;
        }
        let t = total();
        let sure = crate::pages::admin_records::confirmed(
            &format!("确认兑换？共扣 {t} 积分。"),
            &format!("Redeem for {t} points?"),
        );
        if !sure {
            return;
        }
        let (household, pass) = match who {
            Whose::Pass(p) => (None, Some(p)),
            Whose::Household(h) => (Some(h.id), None),
        };
        let body = Redeem {
            id: attempt.get_untracked(),
            household,
            pass,
            items,
        };
        let path = format!("{API_PREFIX}/shops/{shop_redeem}/redemptions");
        sending.set(true);
        spawn_local(async move {
            match send::<Redeem, Redemption>("POST", &path, Some(&body)).await {
                Ok(r) => {
                    done.set(r);
                    error.set(None);
                    whose.set(None);
                    qty.set(BTreeMap::new());
                    attempt.set(crate::outbox::new_id());
                }
                Err(e) => {
                    // Refused: nothing happened; the next try is a new redemption. Lost on
                    // the way: the same id again, so it cannot happen twice.
                    if e.is_client_error() {
                        attempt.set(crate::outbox::new_id());
                    }
                    error.set(Some(e));
                }
            }
            sending.set(false);
        });
    };
    view! {
        {move || (!online.get()).then(|| view! {
            <p class="error-box" role="alert" data-testid="shop-offline">{move || s.t(
                "现在没有网络。兑换要实时扣积分，必须联网才能进行，请连上网络后再兑换。",
                "You are offline. Redeeming spends points on the server, so it needs the network: connect and try again.",
            )}</p>
        })}
        {move || done.get().map(|r| view! {
            <p class="ok-box" role="status" data-testid="redeemed">
                {move || s.t("兑换成功：", "Redeemed: ")}{r.household_name.clone()}" "
                {move || s.t("扣 ", "spent ")}{r.total}{move || s.t(" 积分，剩余 ", " points, left ")}{r.spendable_after}
            </p>
        })}
        <h2>{move || s.t("1. 哪一户", "1. Which household")}</h2>
        {move || match whose.get() {
            Some(w) => {
                let label = match &w {
                    Whose::Pass(p) => PassParts::parse(p).map(|x| format!("{} {}", s.t("兑换码，有效至", "Pass, valid until"), when(x.expires * 1000))).unwrap_or_default(),
                    Whose::Household(h) => format!("{} · {} · {} {}", h.name, h.address, s.t("可用积分", "spendable"), h.spendable),
                };
                view! {
                    <p class="chosen" data-testid="shop-whose">{label}" "
                        <button class="link-button" on:click=move |_| whose.set(None)>{move || s.t("换一户", "Change")}</button>
                    </p>
                }.into_any()
            }
            None => view! { <Identify shop=shop.clone() whose/> }.into_any(),
        }}
        <h2>{move || s.t("2. 选商品", "2. Goods")}</h2>
        <SyncBadge sync=Signal::derive(move || goods.get().sync)/>
        {move || goods.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        {move || goods.get().data.map(|shop| view! {
            <ul class="list goods">
                {shop.goods.into_iter().filter(|g| g.active).map(|g| {
                    let (id, id_minus, id_show) = (g.id.clone(), g.id.clone(), g.id.clone());
                    let stock = g.stock;
                    view! {
                        <li class="list-item goods-line" data-testid="goods-line" data-goods=g.id.clone()>
                            {g.photo.clone().map(|k| view! { <img class="goods-photo" src=photo_url(&k) alt=""/> })}
                            <strong>{g.name.clone()}</strong>
                            <span>{format!("{} ", g.price)}{move || s.t("积分/", "pts/")}{g.unit.clone()}</span>
                            <small>{move || s.t("库存 ", "stock ")}{stock}</small>
                            <span class="stepper">
                                <button type="button" class="chip" aria-label=move || s.t("减一", "One less")
                                    on:click=move |_| qty.update(|q| { let n = q.entry(id_minus.clone()).or_default(); *n = (*n - 1).max(0); })>"−"</button>
                                <span class="num" data-testid="goods-qty">{move || qty.with(|q| q.get(&id_show).copied().unwrap_or(0))}</span>
                                <button type="button" class="chip" data-testid="goods-plus" aria-label=move || s.t("加一", "One more")
                                    on:click=move |_| qty.update(|q| { let n = q.entry(id.clone()).or_default(); *n = (*n + 1).min(stock); })>"+"</button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <p class="lead">{move || s.t("合计：", "Total: ")}<strong data-testid="shop-total">{total}</strong>{move || s.t(" 积分", " points")}</p>
        {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
        <p class="actions">
            <button class="button" data-testid="shop-confirm"
                disabled=move || !online.get() || sending.get() || whose.with(Option::is_none) || total() == 0
                on:click=confirm>
                {move || s.t("确认兑换", "Redeem")}
            </button>
        </p>
    }
    .into_any()
}

/// The household: scan or type its pass, or find it by name.
#[component]
fn Identify(shop: String, whose: RwSignal<Option<Whose>>) -> impl IntoView {
    let s = Settings::get();
    let typed = RwSignal::new(String::new());
    let bad = RwSignal::new(false);
    let take = move |text: String| {
        if PassParts::parse(&text).is_some() {
            bad.set(false);
            whose.set(Some(Whose::Pass(text.trim().to_owned())));
        } else {
            bad.set(true);
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        take(typed.get_untracked());
    };
    view! {
        <form class="form" on:submit=submit>
            <label class="field">
                {move || s.t("兑换码（扫码枪扫描或粘贴）", "Pass (scanner or paste)")}
                <input type="text" autocomplete="off" data-testid="pass-input" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
            </label>
            {move || bad.get().then(|| view! {
                <p class="error-box" role="alert">{move || s.t("这不是兑换码，请重新扫描，或按姓名查找。", "That is not a pass: scan again, or find by name.")}</p>
            })}
            <p class="actions">
                <button class="button" type="submit" data-testid="pass-use">{move || s.t("使用兑换码", "Use the pass")}</button>
                <Camera take/>
            </p>
        </form>
        <FindByName shop whose/>
    }
}

/// 用摄像头扫码, only where the browser has `BarcodeDetector` (Chrome on Android does).
#[component]
fn Camera(take: impl Fn(String) + Copy + 'static) -> impl IntoView {
    let s = Settings::get();
    let has = js_sys::Reflect::has(&window(), &"BarcodeDetector".into()).unwrap_or(false);
    let scanning = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let start = move |_| {
        scanning.set(true);
        spawn_local(async move {
            if let Some(text) = scan(video).await {
                take(text);
            }
            scanning.set(false);
        });
    };
    has.then(|| view! {
        <button type="button" class="button secondary" data-testid="pass-camera" on:click=start>
            {move || s.t("用摄像头扫码", "Scan with the camera")}
        </button>
        <video node_ref=video class="scanner" class:hidden=move || !scanning.get() playsinline=true muted=true></video>
    })
}

/// Opens the back camera into `video` and reads QR codes until one is found (30 s at most).
/// Through `Reflect`: the camera and `BarcodeDetector` are not in our web-sys features.
async fn scan(video: NodeRef<leptos::html::Video>) -> Option<String> {
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).ok();
    let call = |o: &JsValue, k: &str, arg: &JsValue| -> Option<JsValue> {
        get(o, k)?.dyn_into::<Function>().ok()?.call1(o, arg).ok()
    };
    let el: JsValue = video.get_untracked()?.into();
    let want = Object::new();
    let facing = Object::new();
    let _ = Reflect::set(&facing, &"facingMode".into(), &"environment".into());
    let _ = Reflect::set(&want, &"video".into(), &facing);
    let devices = get(&window().navigator(), "mediaDevices")?;
    let asked = call(&devices, "getUserMedia", &want)?;
    let stream = JsFuture::from(Promise::from(asked)).await.ok()?;
    let _ = Reflect::set(&el, &"srcObject".into(), &stream);
    let _ = call(&el, "play", &JsValue::UNDEFINED);
    let ctor: Function = get(&window(), "BarcodeDetector")?.dyn_into().ok()?;
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"formats".into(), &Array::of1(&"qr_code".into()));
    let detector = Reflect::construct(&ctor, &Array::of1(&opts)).ok()?;
    let mut found = None;
    for _ in 0..100 {
        gloo_timers::future::TimeoutFuture::new(300).await;
        let Some(promise) = call(&detector, "detect", &el) else {
            break;
        };
        let Ok(codes) = JsFuture::from(Promise::from(promise)).await else {
            continue;
        };
        if let Some(text) = get(&Array::from(&codes).get(0), "rawValue").and_then(|v| v.as_string())
        {
            found = Some(text);
            break;
        }
    }
    if let Some(tracks) = call(&stream, "getTracks", &JsValue::UNDEFINED) {
        for t in Array::from(&tracks).iter() {
            let _ = call(&t, "stop", &JsValue::UNDEFINED);
        }
    }
    let _ = Reflect::set(&el, &"srcObject".into(), &JsValue::NULL);
    found
}

/// 按姓名查找: a member's name in the shop's village.
#[component]
fn FindByName(shop: String, whose: RwSignal<Option<Whose>>) -> impl IntoView {
    let s = Settings::get();
    let q = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Vec<ShopHousehold>>);
    let error = RwSignal::new(None::<AppError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let path = format!(
            "{API_PREFIX}/shops/{shop}/households?q={}",
            js_sys::encode_uri_component(q.get_untracked().trim())
        );
        spawn_local(async move {
            match send::<(), Vec<ShopHousehold>>("GET", &path, None).await {
                Ok(list) => {
                    found.set(list);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="form" on:submit=submit>
            <label class="field">
                {move || s.t("或按姓名查找本村农户", "Or find a household by name")}
                <input type="search" data-testid="shop-search" prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev))/>
            </label>
            <p class="actions"><button class="button secondary" type="submit" data-testid="shop-search-go">{move || s.t("查找", "Find")}</button></p>
        </form>
        {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
        {move || found.get().map(|list| if list.is_empty() {
            view! { <p class="empty">{move || s.t("没有找到，换个字试试。", "Nobody found; try another name.")}</p> }.into_any()
        } else {
            view! {
                <ul class="list">
                    {list.into_iter().map(|h| {
                        let pick = h.clone();
                        view! {
                            <li class="list-item">
                                <button class="link-button" data-testid="shop-household" on:click=move |_| whose.set(Some(Whose::Household(pick.clone())))>
                                    {h.name.clone()}" · "{h.address.clone()}" · "{s.t("可用 ", "spendable ")}{h.spendable}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// 今日兑换: a day's redemptions (a return puts goods and points back), the returns that
/// day, and the reconciliation, on screen and as CSV; today unless the clerk picks a day.
#[component]
pub fn Today(me: Me) -> impl IntoView {
    let s = Settings::get();
    let Some(shop) = my_shop(&me) else {
        return ().into_any();
    };
    let again = RwSignal::new(0u32);
    // Empty: today (the server's Beijing day); otherwise a day the clerk picked.
    let date = RwSignal::new(String::new());
    let today = Day::of_ms(js_sys::Date::now() as i64).iso();
    let path = format!("{API_PREFIX}/shops/{shop}/day");
    let day = load::<ShopDay>(move || {
        again.track();
        match date.get() {
            d if d.is_empty() => path.clone(),
            d => format!("{path}?date={d}"),
        }
    });
    let error = RwSignal::new(None::<AppError>);
    let give_back = move |id: String| {
        let sure = crate::pages::admin_records::confirmed(
            "确认退货？商品放回货架，积分退回这一户。",
            "Take the goods back? They return to the shelf and the points to the household.",
        );
        if !sure {
            return;
        }
        let body = Reverse {
            id: crate::outbox::new_id(),
            note: String::new(),
        };
        spawn_local(async move {
            match send::<Reverse, Reversed>(
                "POST",
                &format!("{API_PREFIX}/redemptions/{id}/reverse"),
                Some(&body),
            )
            .await
            {
                Ok(_) => {
                    error.set(None);
                    again.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <SyncBadge sync=Signal::derive(move || day.get().sync)/>
        {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
        {move || day.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        <label class="field">
            <span>{move || s.t("日期", "Date")}</span>
            <input type="date" data-testid="day-date" max=today
                prop:value=move || match date.get() {
                    d if d.is_empty() => day.with(|l| l.data.as_ref().map(|x| x.date.clone()).unwrap_or_default()),
                    d => d,
                }
                on:change=move |ev| {
                    // A phone without a date picker takes typed text: only a real day goes
                    // into the address.
                    let d = event_target_value(&ev);
                    if d.is_empty() || Day::parse(&d).is_some() {
                        date.set(d);
                    }
                }/>
        </label>
        {move || day.get().data.map(|d| {
            let csv = format!("{API_PREFIX}/shops/{}/day.csv?date={}", d.shop, d.date);
            let returns = (!d.returns.is_empty()).then(|| view! {
                <h2>{move || s.t("退货", "Returns")}</h2>
                <ul class="list" data-testid="returns">
                    {d.returns.into_iter().map(|r| {
                        let items = r.items.iter().map(|i| format!("{}×{}", i.name, i.qty)).collect::<Vec<_>>().join("、");
                        let back = r.returned_at.unwrap_or(r.at);
                        view! {
                            <li class="list-item" data-testid="return-line">
                                <strong>{r.household_name.clone()}</strong>
                                <span>{items}</span>
                                <span class="num">{format!("+{}", r.total)}</span>
                                <small>{move || s.t("兑换于 ", "redeemed ")}{when(r.at)}" · "{move || s.t("退回于 ", "returned ")}{when(back)}</small>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            });
            view! {
                <h2>{d.date.clone()}" "{move || s.t("兑换记录", "redemptions")}</h2>
                {if d.redemptions.is_empty() {
                    view! { <p class="empty" data-testid="today-empty">{move || s.t("这一天没有兑换。", "No redemptions on this day.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="list" data-testid="today">
                            {d.redemptions.into_iter().map(|r| {
                                let id = r.id.clone();
                                let items = r.items.iter().map(|i| format!("{}×{}", i.name, i.qty)).collect::<Vec<_>>().join("、");
                                view! {
                                    <li class="list-item" data-testid="today-line">
                                        <strong>{r.household_name.clone()}</strong>
                                        <span>{items}</span>
                                        <span class="num">{format!("-{}", r.total)}</span>
                                        <small>{when(r.at)}</small>
                                        {if r.reversed {
                                            view! { <span class="tag">{move || s.t("已退货", "Returned")}</span> }.into_any()
                                        } else {
                                            view! { <button class="link-button" data-testid="give-back" on:click=move |_| give_back(id.clone())>{move || s.t("退货", "Return")}</button> }.into_any()
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {returns}
                <h2>{move || s.t("对账", "Reconciliation")}</h2>
                <p class="muted">{move || s.t(
                    "出库数 = 当天兑换减去当天退回（退货记在退回的那一天，以前的对账表不会变）。",
                    "Out = redeemed this day less returned this day (a return counts on the day it came back, so earlier sheets never change).",
                )}</p>
                <table class="passbook" data-testid="reconciliation">
                    <thead><tr>
                        <th>{move || s.t("商品", "Goods")}</th>
                        <th>{move || s.t("出库", "Out")}</th>
                        <th>{move || s.t("收入积分", "Points in")}</th>
                    </tr></thead>
                    <tbody>
                        {d.lines.into_iter().map(|l| view! {
                            <tr><td>{l.name}</td><td class="num">{l.qty}</td><td class="num">{l.points}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="actions">
                    <a class="button secondary" href=csv download="" data-testid="reconciliation-csv">{move || s.t("导出对账表（CSV）", "Download (CSV)")}</a>
                </p>
            }
        })}
    }
    .into_any()
}

/// 商品: the clerk's shelf — every good (withdrawn ones too), each editable, and a new one.
#[component]
pub fn Shelf(me: Me) -> impl IntoView {
    let s = Settings::get();
    let Some(shop) = my_shop(&me) else {
        return ().into_any();
    };
    let again = RwSignal::new(0u32);
    let path = format!("{API_PREFIX}/shops/{shop}/goods");
    let goods = load::<Shop>(move || {
        again.track();
        path.clone()
    });
    let shop = StoredValue::new(shop);
    view! {
        <SyncBadge sync=Signal::derive(move || goods.get().sync)/>
        {move || goods.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        <details class="goods-edit" data-testid="goods-new">
            <summary>{move || s.t("新增商品", "Add goods")}</summary>
            <GoodsForm shop=shop.get_value() goods=None again/>
        </details>
        {move || goods.get().data.map(|g| view! {
            <ul class="list">
                {g.goods.into_iter().map(|g| view! {
                    <li class="list-item">
                        <details class="goods-edit" data-testid="goods-edit" data-goods=g.id.clone()>
                            <summary>
                                {g.photo.clone().map(|k| view! { <img class="goods-photo" src=photo_url(&k) alt=""/> })}
                                <strong>{g.name.clone()}</strong>" "
                                <span>{format!("{} ", g.price)}{move || s.t("积分/", "pts/")}{g.unit.clone()}</span>" "
                                <small>{move || s.t("库存 ", "stock ")}{g.stock}</small>
                                {(!g.active).then(|| view! { <span class="tag">{move || s.t("已下架", "Withdrawn")}</span> })}
                            </summary>
                            <GoodsForm shop=shop.get_value() goods=Some(g.clone()) again/>
                        </details>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

/// One good's form: name, unit, points, stock, on the shelf or not, a photo. Saved online
/// (the clerk's shelf is the server's); a new photo is uploaded first.
#[component]
fn GoodsForm(shop: String, goods: Option<Goods>, again: RwSignal<u32>) -> impl IntoView {
    let s = Settings::get();
    let g = goods.clone();
    let id = StoredValue::new(g.as_ref().map_or_else(
        || format!("g-{}", crate::outbox::new_id()),
        |g| g.id.clone(),
    ));
    let name = RwSignal::new(g.as_ref().map(|g| g.name.clone()).unwrap_or_default());
    let unit = RwSignal::new(
        g.as_ref()
            .map_or_else(|| "件".to_owned(), |g| g.unit.clone()),
    );
    let price = RwSignal::new(g.as_ref().map_or_else(String::new, |g| g.price.to_string()));
    let stock = RwSignal::new(g.as_ref().map_or_else(String::new, |g| g.stock.to_string()));
    let active = RwSignal::new(g.as_ref().is_none_or(|g| g.active));
    let was_stock = g.as_ref().map(|g| g.stock);
    let old_photo = g.and_then(|g| g.photo);
    let photos = RwSignal::new(Vec::<Photo>::new());
    let error = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    let shop = StoredValue::new(shop);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_photo = photos.get_untracked().into_iter().next();
        let body = GoodsSave {
            id: id.get_value(),
            name: name.get_untracked(),
            unit: unit.get_untracked(),
            photo: new_photo
                .as_ref()
                .map(Photo::key)
                .or_else(|| old_photo.clone()),
            price: price.get_untracked().trim().parse().unwrap_or(0),
            stock: stock.get_untracked().trim().parse().unwrap_or(-1),
            active: active.get_untracked(),
            was_stock,
        };
        let path = format!("{API_PREFIX}/shops/{}/goods", shop.get_value());
        spawn_local(async move {
            if let Some(p) = &new_photo {
                if let Err(e) = crate::api::send_bytes(
                    &format!("{API_PREFIX}/photos"),
                    "image/jpeg",
                    &p.data,
                    &p.id,
                )
                .await
                {
                    error.set(Some(e));
                    return;
                }
            }
            match send::<GoodsSave, Goods>("PUT", &path, Some(&body)).await {
                Ok(_) => {
                    error.set(None);
                    saved.set(true);
                    photos.set(Vec::new());
                    again.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let field = move |zh: &'static str,
                      en: &'static str,
                      value: RwSignal<String>,
                      kind: &'static str,
                      testid: &'static str| {
        view! {
            <label class="field">
                {move || s.t(zh, en)}
                <input type=kind inputmode=if kind == "number" { "numeric" } else { "text" } data-testid=testid
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <form class="form" on:submit=submit>
            {field("名称", "Name", name, "text", "goods-name")}
            {field("单位", "Unit", unit, "text", "goods-unit")}
            {field("兑换积分", "Points", price, "number", "goods-price")}
            {field("库存", "Stock", stock, "number", "goods-stock")}
            <label class="field checkbox">
                <input type="checkbox" data-testid="goods-active" prop:checked=move || active.get()
                    on:change=move |ev| active.set(event_target_checked(&ev))/>
                {move || s.t("上架", "On the shelf")}
            </label>
            <PhotoPicker photos max=1/>
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            {move || saved.get().then(|| view! { <p class="ok-box" role="status" data-testid="goods-saved">{move || s.t("已保存。", "Saved.")}</p> })}
            <p class="actions"><button class="button" type="submit" data-testid="goods-save">{move || s.t("保存", "Save")}</button></p>
        </form>
    }
}
