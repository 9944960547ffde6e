//! 公示: the village's board of awards (names masked), where its residents object while an
//! award is in notice and its leader approves (after the notice) or voids; then the
//! quarter's ranking with star households, and the rule book as posted.

use super::{my_village, signed, when, OBJECTION_KIND};
use crate::api::{load, send};
use crate::error::{AppError, ErrorMessage};
use crate::outbox::{new_id, Entry, Outbox};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wangge_core::accounts::Me;
use wangge_core::points::{
    AwardState, Board, BoardLine, Decide, Decided, NewObjection, Ranking, RuleBook,
};
use wangge_core::API_PREFIX;

#[component]
pub fn VillageBoard(me: Me) -> impl IntoView {
    let s = Settings::get();
    let Some(village) = my_village(&me) else {
        return ().into_any();
    };
    let leader = super::leads(&me);
    let resident = me.household.is_some();
    let outbox = Outbox::get();
    let done = RwSignal::new(0u32);
    let board_path = format!("{API_PREFIX}/villages/{village}/points/board");
    let board = load::<Board>(move || {
        outbox.synced.track();
        done.track();
        board_path.clone()
    });
    let picked = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<AppError>);
    let notice = RwSignal::new(None::<&'static str>);
    let decide = move |approve: bool| {
        let entries = picked.get_untracked();
        if entries.is_empty() {
            return;
        }
        let sure = crate::pages::admin_records::confirmed(
            if approve {
                "确认审核通过所选积分？通过后即可兑换。"
            } else {
                "确认作废所选积分？作废后不计入积分。"
            },
            if approve {
                "Approve the chosen awards? They become spendable."
            } else {
                "Void the chosen awards? They will count nowhere."
            },
        );
        if !sure {
            return;
        }
        let body = Decide {
            id: new_id(),
            approve,
            entries,
            note: String::new(),
        };
        spawn_local(async move {
            match send::<Decide, Decided>(
                "POST",
                &format!("{API_PREFIX}/points/decisions"),
                Some(&body),
            )
            .await
            {
                Ok(_) => {
                    picked.set(Vec::new());
                    error.set(None);
                    notice.set(Some(if approve {
                        "已审核通过。"
                    } else {
                        "已作废。"
                    }));
                    done.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let line = move |l: BoardLine| {
        let now = js_sys::Date::now() as i64;
        let pending = l.state == AwardState::Pending;
        let over = l.notice_until <= now;
        let entry = l.entry.clone();
        let entry_pick = l.entry.clone();
        let (state_zh, state_en, class) = match l.state {
            AwardState::Pending if over => {
                ("公示期满，待审核", "Notice over: to decide", "tag tag-warn")
            }
            AwardState::Pending => ("公示中", "In notice", "tag tag-warn"),
            AwardState::Approved => ("已通过", "Approved", "tag tag-ok"),
            AwardState::Voided => ("已作废", "Voided", "tag"),
        };
        view! {
            <li class="list-item board-line" data-testid="board-line" data-entry=l.entry.clone()>
                {(leader && pending).then(|| view! {
                    <input type="checkbox" data-testid="board-pick" aria-label=move || s.t("选择这条", "Choose this")
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let id = entry_pick.clone();
                            picked.update(|p| { p.retain(|x| x != &id); if on { p.push(id); } });
                        }/>
                })}
                <strong>{l.household.clone()}</strong>
                <span>{l.rule.clone()}</span>
                <span class="num">{signed(l.points)}</span>
                <span class=class>{move || s.t(state_zh, state_en)}</span>
                <small>{when(l.at)}{pending.then(|| format!(" · {} {}", s.t("公示至", "notice until"), when(l.notice_until)))}</small>
                {(l.objections > 0).then(|| view! {
                    <small class="tag tag-alert" data-testid="board-objections">{move || s.t("异议 ", "Objections ")}{l.objections}</small>
                })}
                {(resident && pending && !over).then(|| view! { <Object entry=entry.clone()/> })}
            </li>
        }
    };
    view! {
        <h2>{move || s.t("积分公示栏", "Notice board")}</h2>
        <p class="muted">{move || s.t("公示期内，本村居民对积分有意见可以提出异议，村里会核实。", "During the notice, the village's residents may object; the village checks.")}</p>
        <SyncBadge sync=Signal::derive(move || board.get().sync)/>
        {move || board.get().error.map(|e| view! { <ErrorMessage error=e/> })}
        {move || notice.get().map(|n| view! { <p class="ok-box" role="status" data-testid="decided">{n}</p> })}
        {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
        {leader.then(|| view! {
            <p class="actions">
                <button class="button" data-testid="approve" disabled=move || picked.with(Vec::is_empty) on:click=move |_| decide(true)>
                    {move || s.t("审核通过", "Approve")}
                </button>
                <button class="button secondary" data-testid="void" disabled=move || picked.with(Vec::is_empty) on:click=move |_| decide(false)>
                    {move || s.t("作废", "Void")}
                </button>
            </p>
        })}
        {move || board.get().data.map(|b| {
            if b.lines.is_empty() {
                view! { <p class="empty">{move || s.t("还没有公示的积分。", "Nothing on the board yet.")}</p> }.into_any()
            } else {
                view! { <ul class="list">{b.lines.into_iter().map(line).collect_view()}</ul> }.into_any()
            }
        })}
        <RankingView village=village.clone()/>
        <Rules village/>
    }
    .into_any()
}

/// 提异议: a reason, sent through the outbox (offline too).
#[component]
fn Object(entry: String) -> impl IntoView {
    let s = Settings::get();
    let outbox = Outbox::get();
    let sent = RwSignal::new(false);
    let entry = StoredValue::new(entry);
    let ask = move |_| {
        let text = s.t("请写明异议理由：", "Your reason:");
        let Ok(Some(reason)) = window().prompt_with_message(text) else {
            return;
        };
        if reason.trim().is_empty() {
            return;
        }
        let body = NewObjection {
            id: new_id(),
            reason,
        };
        let path = format!(
            "{API_PREFIX}/points/entries/{}/objections",
            entry.get_value()
        );
        spawn_local(async move {
            if let Ok(e) = Entry::new(
                body.id.clone(),
                OBJECTION_KIND,
                "POST",
                path,
                &body,
                ("积分异议".into(), "Objection".into()),
            ) {
                if outbox.enqueue(e).await.is_ok() {
                    sent.set(true);
                }
            }
        });
    };
    move || {
        if sent.get() {
            view! { <small class="tag" data-testid="objected">{move || s.t("已提异议", "Objection sent")}</small> }.into_any()
        } else {
            view! { <button class="link-button" data-testid="object" on:click=ask>{move || s.t("提异议", "Object")}</button> }.into_any()
        }
    }
}

#[component]
fn RankingView(village: String) -> impl IntoView {
    let s = Settings::get();
    let ranking =
        load::<Ranking>(move || format!("{API_PREFIX}/villages/{village}/points/ranking"));
    view! {
        <h2>{move || s.t("本季度积分榜", "This quarter's ranking")}</h2>
        {move || ranking.get().data.map(|r| {
            if r.lines.is_empty() {
                view! { <p class="empty">{move || s.t("本季度还没有人获得积分。", "Nobody has earned points this quarter yet.")}</p> }.into_any()
            } else {
                view! {
                    <p class="muted">{r.quarter.clone()}" · "{move || s.t("星级文明户按本季度所得积分评定", "Star households by points earned this quarter")}</p>
                    <ol class="list ranking" data-testid="ranking">
                        {r.lines.into_iter().take(20).map(|l| view! {
                            <li class="list-item">
                                <strong>{l.household.clone()}</strong>
                                <span class="num">{l.earned}</span>
                                {(l.stars > 0).then(|| view! {
                                    <span class="stars" aria-label=format!("{}★", l.stars)>{"★".repeat(usize::from(l.stars))}</span>
                                })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }
        })}
    }
}

/// The rule book, as posted.
#[component]
fn Rules(village: String) -> impl IntoView {
    let s = Settings::get();
    let book = load::<RuleBook>(move || format!("{API_PREFIX}/villages/{village}/points"));
    view! {
        <details class="rules">
            <summary>{move || s.t("村规民约积分细则", "The village's rules")}</summary>
            {move || book.get().data.map(|b| view! {
                <p class="muted">{move || match s.lang.get() {
                    crate::i18n::Lang::Zh => format!("{}：积分公示 {} 天。", b.village_name, b.notice_days),
                    crate::i18n::Lang::En => format!("{}: awards are on notice for {} days.", b.village_name, b.notice_days),
                }}</p>
                <ul class="list">
                    {b.rules.iter().map(|r| view! {
                        <li class="list-item">
                            <span class="tag">{r.category.clone()}</span>
                            <span>{r.name.clone()}</span>
                            <strong class="num">{signed(r.points)}</strong>
                            {r.limit.zip(r.period).map(|(n, p)| format!("（{}最多 {n} 次）", p.label_zh()))}
                            {r.evidence.then(|| view! { <small>{move || s.t("须附照片", "photo needed")}</small> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </details>
    }
}
