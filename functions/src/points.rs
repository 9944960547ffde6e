//! 积分超市: village rule books, awards in public notice and a leader's decision, the
//! household passbook and pass, the shop's goods, redemptions and their reversal.
//! Every write keeps `core::points`' invariants through one D1 batch (`store/points.rs`):
//! the constraints refuse, not a read beforehand.

use crate::error::ApiError;
use crate::http::{body_with_hash, json_etag, json_no_store};
use crate::routes::Actor;
use crate::store::points::{GoodsRow, NewEntry, OrderRow, RuleRow};
use crate::store::{ClientWrite, Store};
use wangge_core::accounts::{AccountRole, Scope};
use wangge_core::points::pass::{sign, PassParts, PASS_TTL_SECS};
use wangge_core::points::{
    mask_household, AwardRecorded, AwardState, Board, BoardLine, Decide, Decided, EntryKind, Goods,
    GoodsSave, HouseholdPass, NewAward, NewObjection, Passbook, PassbookEntry, Period, RankLine,
    Ranking, Redeem, RedeemedItem, Redemption, Reverse, Reversed, Rule, RuleBook, RuleBookSave,
    Shop, ShopDay, ShopHousehold, StarLevel, PAGE_SIZE,
};
use wangge_core::problem::Detail;
use wangge_core::reports::deadline::Day;
use worker::{Date, Env, Request, Response};

fn now() -> i64 {
    Date::now().as_millis() as i64
}

const DAY_MS: i64 = 86_400_000;
/// A village is the first 12 digits of a grid code.
const VILLAGE_LEN: usize = 12;

fn village_of(grid: &str) -> &str {
    grid.get(..VILLAGE_LEN).unwrap_or(grid)
}

fn invalid(field: &str, zh: &str, en: &str) -> ApiError {
    ApiError::Invalid(vec![Detail {
        line: None,
        field: Some(field.to_owned()),
        message_zh: zh.to_owned(),
        message_en: en.to_owned(),
    }])
}

fn check(problems: Vec<Detail>) -> Result<(), ApiError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Invalid(problems))
    }
}

/// Who records awards for this household: a grid worker or leader over its grid.
fn serves(actor: &Actor, grid: &str) -> bool {
    actor.roles.iter().any(|g| {
        matches!(g.role, AccountRole::GridWorker | AccountRole::GridLeader)
            && g.scope.covers_grid(grid)
    })
}

/// Who decides the village's awards and reverses mistaken ones: its leader (网格长 over
/// the whole village or more), or an administrator over it (a village without a leader
/// account).
fn leads(actor: &Actor, village: &str) -> bool {
    actor
        .roles
        .iter()
        .any(|g| g.role == AccountRole::GridLeader && g.scope.covers_grid(village))
        || actor.administers(village)
}

/// Anyone who lives or works in the village: its residents, its staff, its shop's clerk.
fn of_village(actor: &Actor, village: &str, shop: Option<&str>) -> bool {
    actor.roles.iter().any(|g| match &g.scope {
        Scope::Grid(root) => village.starts_with(root.as_str()) || root.starts_with(village),
        Scope::Shop(id) => Some(id.as_str()) == shop,
        Scope::Department(_) => false,
    })
}

fn clerk_of(actor: &Actor, shop: &str) -> bool {
    actor
        .roles
        .iter()
        .any(|g| g.role == AccountRole::ShopClerk && g.scope == Scope::Shop(shop.to_owned()))
}

/// `GET /api/v1/villages/{code}/points`: the rule book, publicly posted.
pub async fn rule_book(req: &Request, env: &Env, village: &str) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    json_etag(req, &read_book(&store, village).await?)
}

async fn read_book(store: &Store, village: &str) -> Result<RuleBook, ApiError> {
    let v = store
        .village(village)
        .await?
        .ok_or(ApiError::GridNotFound)?;
    let rules = store.rules(village).await?;
    Ok(RuleBook {
        village: v.code,
        village_name: v.name,
        notice_days: v.notice_days.unwrap_or(7),
        expire_months: v.expire_months,
        stars: stars_of(v.stars.as_deref()),
        rules: rules.into_iter().map(rule_of).collect(),
        version: v.updated_at.unwrap_or(0),
        shop: v.shop,
    })
}

/// `PUT /api/v1/villages/{code}/points`: the village's leader (or an administrator over it)
/// replaces its rule book and settings.
pub async fn save_rule_book(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    village: &str,
) -> Result<Response, ApiError> {
    if !leads(actor, village) {
        return Err(ApiError::Forbidden);
    }
    let (book, _) = body_with_hash::<RuleBookSave>(&mut req).await?;
    check(book.problems())?;
    let store = Store::new(env)?;
    store
        .village(village)
        .await?
        .ok_or(ApiError::GridNotFound)?;
    let refused = match store.save_rule_book(village, &book, now()).await {
        Ok(()) => None,
        Err(ApiError::StaleVersion) => Some(ApiError::StaleVersion),
        Err(e) => return Err(e),
    };
    let now = read_book(&store, village).await?;
    // A retry of a save that landed (its answer lost on a weak network) finds the book
    // as it sent it: that save's answer, not a refusal.
    if let Some(e) = refused.filter(|_| !book.is_saved_in(&now)) {
        return Err(e);
    }
    json_etag(&req, &now)
}

/// `GET /api/v1/villages/{code}/points/ranking?quarter=`: points earned in a quarter (this
/// one by default), most first, with the stars they give; names masked.
pub async fn ranking(
    req: &Request,
    env: &Env,
    actor: &Actor,
    village: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let v = store
        .village(village)
        .await?
        .ok_or(ApiError::GridNotFound)?;
    if !of_village(actor, &v.code, v.shop.as_deref()) {
        return Err(ApiError::Forbidden);
    }
    let quarter = req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "quarter")
        .map(|(_, q)| q.into_owned())
        .unwrap_or_else(|| wangge_core::points::quarter_of(now()));
    let (from, to) = wangge_core::points::quarter_bounds(&quarter).ok_or_else(|| {
        invalid(
            "quarter",
            "季度格式应为 2026-Q4",
            "quarter must be like 2026-Q4",
        )
    })?;
    let levels = stars_of(v.stars.as_deref());
    let lines = store
        .ranking(&v.code, from, to, PAGE_SIZE)
        .await?
        .into_iter()
        .map(|(head, earned)| RankLine {
            household: mask_household(head.as_deref().unwrap_or("")),
            stars: wangge_core::points::stars_for(&levels, earned),
            earned,
        })
        .collect();
    json_etag(
        req,
        &Ranking {
            village: v.code,
            quarter,
            levels,
            lines,
        },
    )
}

fn stars_of(json: Option<&str>) -> Vec<StarLevel> {
    json.and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
}

fn rule_of(r: RuleRow) -> Rule {
    Rule {
        code: r.code,
        name: r.name,
        category: r.category,
        points: r.points,
        limit: r.period_limit,
        period: r.period.as_deref().and_then(Period::parse),
        evidence: r.evidence == 1,
    }
}

/// `POST /api/v1/points/awards`: a grid worker or leader records a rule for households of
/// their grids, all at once or not at all.
pub async fn record_award(
    mut req: Request,
    env: &Env,
    actor: &Actor,
) -> Result<Response, ApiError> {
    let (new, body_hash) = body_with_hash::<NewAward>(&mut req).await?;
    let store = Store::new(env)?;
    if let Some(answer) = replay_award(&store, &new.id, &body_hash).await? {
        return Ok(answer);
    }
    check(new.problems())?;
    let village = store
        .village(&new.village)
        .await?
        .ok_or(ApiError::GridNotFound)?;
    let rule = store.rule(&village.code, &new.rule).await?.ok_or_else(|| {
        invalid(
            "rule",
            "请选择本村积分细则中的一项",
            "choose a rule of this village",
        )
    })?;
    let found = store.point_households(&new.households).await?;
    if found.len() != new.households.len() {
        return Err(ApiError::HouseholdNotFound);
    }
    if found
        .iter()
        .any(|h| village_of(&h.grid_code) != village.code || !serves(actor, &h.grid_code))
    {
        return Err(ApiError::Forbidden);
    }
    if rule.evidence == 1 && new.photos.is_empty() {
        return Err(invalid(
            "photos",
            "这一项须附照片作为依据",
            "this rule needs a photo as evidence",
        ));
    }
    crate::reports::check_photos(&store, Some(actor), &new.id, &new.photos).await?;
    let at = now();
    // Pending until a leader decides, however short the notice (0 days: at once).
    let notice_until = at + i64::from(village.notice_days.unwrap_or(7)) * DAY_MS;
    let entries: Vec<NewEntry> = new
        .households
        .iter()
        .enumerate()
        .map(|(n, h)| NewEntry {
            id: format!("{}:{n:03}", new.id),
            household: h.clone(),
            village: village.code.clone(),
            kind: "award",
            points: rule.points,
            sd: 0,
            pd: rule.points,
            earned: 0,
            award: Some(new.id.clone()),
            reference: None,
            rule: Some(rule.code.clone()),
            note: new.note.trim().to_owned(),
            seq_was: None,
        })
        .collect();
    // Kept on the award: a void or reversal gives back exactly the use it took.
    let period_key = rule
        .period
        .as_deref()
        .and_then(Period::parse)
        .filter(|_| rule.period_limit.is_some())
        .map(|p| p.key(at));
    let award = crate::store::points::AwardRow {
        id: new.id.clone(),
        body_hash,
        points: rule.points,
        notice_until,
        at,
        period_key,
    };
    let photos = serde_json::to_string(&new.photos)?;
    match store
        .record_award(
            &award,
            &village.code,
            &rule,
            new.note.trim(),
            &photos,
            &actor.account_id,
            &entries,
        )
        .await
    {
        Ok(()) => award_answer(&store, &award).await,
        Err(ApiError::AlreadyExists) => replay_award(&store, &new.id, &award.body_hash)
            .await?
            .ok_or(ApiError::AlreadyExists),
        Err(e @ ApiError::RuleLimitReached) => {
            remember(&store, &new.id, actor, &award.body_hash, &e, at).await;
            Err(e)
        }
        Err(e) => Err(e),
    }
}

async fn replay_award(
    store: &Store,
    id: &str,
    body_hash: &str,
) -> Result<Option<Response>, ApiError> {
    let Some(award) = store.award(id).await? else {
        // Refused before: the same refusal again.
        return crate::households::replay(store, id, body_hash).await;
    };
    if award.body_hash != body_hash {
        return Err(ApiError::IdempotencyConflict);
    }
    let resp = award_answer(store, &award).await?;
    resp.headers().set("Idempotent-Replay", "true")?;
    Ok(Some(resp))
}

async fn award_answer(
    store: &Store,
    award: &crate::store::points::AwardRow,
) -> Result<Response, ApiError> {
    Ok(json_no_store(&AwardRecorded {
        id: award.id.clone(),
        entries: store.award_entry_ids(&award.id).await?,
        points: award.points,
        state: AwardState::Pending,
        notice_until: award.notice_until,
    })?
    .with_status(201))
}

/// `POST /api/v1/points/decisions`: a village leader approves awards whose notice is over,
/// or voids awards (an objection upheld) at any time.
pub async fn decide(mut req: Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let (d, body_hash) = body_with_hash::<Decide>(&mut req).await?;
    let store = Store::new(env)?;
    if let Some(answer) = crate::households::replay(&store, &d.id, &body_hash).await? {
        return Ok(answer);
    }
    check(d.problems())?;
    let found = store.award_entries(&d.entries).await?;
    if found.len() != d.entries.len() {
        return Err(ApiError::EntryNotFound);
    }
    if found.iter().any(|e| !leads(actor, &e.village_code)) {
        return Err(ApiError::Forbidden);
    }
    if found.iter().any(|e| e.decided == 1) {
        return Err(ApiError::AlreadyDecided);
    }
    let at = now();
    if d.approve && found.iter().any(|e| e.notice_until > at) {
        return Err(ApiError::NoticeNotOver);
    }
    let kind = if d.approve { "approve" } else { "void" };
    // In the order asked, so each household's running balance follows it.
    let entries: Vec<NewEntry> = d
        .entries
        .iter()
        .filter_map(|id| found.iter().find(|e| &e.id == id))
        .map(|e| NewEntry {
            id: format!("{}:{}", d.id, e.id),
            household: e.household_id.clone(),
            village: e.village_code.clone(),
            kind,
            points: e.points,
            sd: if d.approve { e.points } else { 0 },
            pd: -e.points,
            earned: if d.approve { e.points.max(0) } else { 0 },
            award: Some(e.award_id.clone()),
            reference: Some(e.id.clone()),
            rule: e.rule_code.clone(),
            note: d.note.trim().to_owned(),
            seq_was: None,
        })
        .collect();
    // A voided award counts nowhere, so it no longer uses up its rule's limit either.
    let released: Vec<(String, String, String)> = if d.approve {
        Vec::new()
    } else {
        found
            .iter()
            .filter_map(|e| {
                let rule = e.rule_code.as_deref()?;
                Some((
                    e.household_id.clone(),
                    format!("{}/{rule}", e.village_code),
                    e.period_key.clone()?,
                ))
            })
            .collect()
    };
    let answer = Decided {
        id: d.id.clone(),
        approve: d.approve,
        entries: d.entries.clone(),
    };
    let response = serde_json::to_string(&answer)?;
    let write = ClientWrite {
        id: &d.id,
        account_id: &actor.account_id,
        body_hash: &body_hash,
        status: 201,
        response: &response,
        at,
    };
    match store
        .post_entries(
            &entries,
            &released,
            &actor.account_id,
            at,
            &write,
            ApiError::AlreadyDecided,
        )
        .await
    {
        Ok(()) => Ok(json_no_store(&answer)?.with_status(201)),
        // Its twin won the race (the id, or the decision index): answer as it was answered.
        Err(e @ (ApiError::AlreadyExists | ApiError::AlreadyDecided)) => {
            match crate::households::replay(&store, &d.id, &body_hash).await? {
                Some(answer) => Ok(answer),
                None => Err(e),
            }
        }
        Err(e @ ApiError::InsufficientPoints) => {
            remember(&store, &d.id, actor, &body_hash, &e, at).await;
            Err(e)
        }
        Err(e) => Err(e),
    }
}

/// `POST /api/v1/points/entries/{id}/objections`: a resident of the village objects to an
/// award while it is in public notice.
pub async fn object(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    entry: &str,
) -> Result<Response, ApiError> {
    let (o, _) = body_with_hash::<NewObjection>(&mut req).await?;
    check(o.problems())?;
    let store = Store::new(env)?;
    // A retry gets the first answer even once the award is decided; the id used for
    // another objection is a conflict.
    let filed_as = |filed: crate::store::points::Objection| {
        let same = filed.entry_id == entry
            && filed.account_id == actor.account_id
            && filed.reason == o.reason.trim();
        if same {
            Ok(Response::empty()?.with_status(204))
        } else {
            Err(ApiError::IdempotencyConflict)
        }
    };
    if let Some(filed) = store.objection(&o.id).await? {
        return filed_as(filed);
    }
    let found = store.award_entries(&[entry.to_owned()]).await?;
    let e = found.first().ok_or(ApiError::EntryNotFound)?;
    let village = store.village(&e.village_code).await?;
    if !of_village(
        actor,
        &e.village_code,
        village.and_then(|v| v.shop).as_deref(),
    ) {
        return Err(ApiError::Forbidden);
    }
    let at = now();
    if e.decided == 1 || e.notice_until <= at {
        return Err(ApiError::AlreadyDecided);
    }
    match store
        .add_objection(&o.id, entry, &actor.account_id, o.reason.trim(), at)
        .await
    {
        Ok(()) => Ok(Response::empty()?.with_status(204)),
        // A twin sent at the same moment landed first: answer as a retry would be.
        Err(ApiError::AlreadyExists) => match store.objection(&o.id).await? {
            Some(filed) => filed_as(filed),
            None => Err(ApiError::AlreadyExists),
        },
        Err(e) => Err(e),
    }
}

/// `GET /api/v1/villages/{code}/points/board?cursor=`: the public notice board, names
/// masked, for those who live or work in the village.
pub async fn board(
    req: &Request,
    env: &Env,
    actor: &Actor,
    village: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let v = store
        .village(village)
        .await?
        .ok_or(ApiError::GridNotFound)?;
    if !of_village(actor, &v.code, v.shop.as_deref()) {
        return Err(ApiError::Forbidden);
    }
    let url = req.url()?;
    let cursor = url
        .query_pairs()
        .find(|(k, _)| k == "cursor")
        .map(|(_, v)| v.into_owned());
    let before = match &cursor {
        Some(c) => {
            let (at, id) = c
                .split_once('~')
                .and_then(|(a, i)| Some((a.parse::<i64>().ok()?, i)))
                .ok_or_else(|| ApiError::BadRequest("cursor".into()))?;
            Some((at, id))
        }
        None => None,
    };
    let rows = store.board(&v.code, before, PAGE_SIZE + 1).await?;
    let more = rows.len() > PAGE_SIZE;
    let lines: Vec<BoardLine> = rows
        .into_iter()
        .take(PAGE_SIZE)
        .map(|r| BoardLine {
            household: mask_household(r.head.as_deref().unwrap_or("")),
            rule: r.rule_name.unwrap_or_default(),
            points: r.points,
            note: r.note,
            at: r.at,
            notice_until: r.notice_until,
            state: match r.decision.as_deref() {
                Some("approve") => AwardState::Approved,
                Some("void") => AwardState::Voided,
                _ => AwardState::Pending,
            },
            objections: r.objections,
            entry: r.id,
        })
        .collect();
    let cursor = more
        .then(|| lines.last().map(|l| format!("{}~{}", l.at, l.entry)))
        .flatten();
    json_etag(
        req,
        &Board {
            village: v.code,
            lines,
            cursor,
        },
    )
}

fn kind_of(s: &str) -> EntryKind {
    match s {
        "redeem" => EntryKind::Redeem,
        "reverse" => EntryKind::Reverse,
        "expire" => EntryKind::Expire,
        "approve" => EntryKind::Approve,
        "void" => EntryKind::Void,
        _ => EntryKind::Award,
    }
}

/// `GET /api/v1/households/{id}/passbook?cursor=`: the balances (one row) and a page of
/// entries, newest first, each with the balances after it.
pub async fn passbook(req: &Request, env: &Env, household: &str) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let url = req.url()?;
    let before = match url.query_pairs().find(|(k, _)| k == "cursor") {
        Some((_, c)) => Some(
            c.parse::<u64>()
                .map_err(|_| ApiError::BadRequest("cursor".into()))?,
        ),
        None => None,
    };
    let balance = store.balance(household).await?;
    let rows = store.passbook(household, before, PAGE_SIZE + 1).await?;
    let more = rows.len() > PAGE_SIZE;
    let entries: Vec<PassbookEntry> = rows
        .into_iter()
        .take(PAGE_SIZE)
        .map(|r| PassbookEntry {
            id: r.id,
            seq: r.seq,
            at: r.at,
            kind: kind_of(&r.kind),
            points: r.points,
            spendable_delta: r.spendable_delta,
            pending_delta: r.pending_delta,
            spendable_after: r.spendable_after,
            pending_after: r.pending_after,
            rule: r.rule_name,
            note: r.note,
            by: r.by_name,
            reference: r.ref_id,
        })
        .collect();
    let cursor = more
        .then(|| entries.last().map(|e| e.seq.to_string()))
        .flatten();
    json_etag(
        req,
        &Passbook {
            household: household.to_owned(),
            spendable: balance.spendable,
            pending: balance.pending,
            entries,
            cursor,
        },
    )
}

fn key_bytes(hex: &str) -> Result<Vec<u8>, ApiError> {
    crate::crypto::unhex(hex).ok_or_else(|| ApiError::Storage("pass key".into()))
}

/// `GET /api/v1/households/{id}/pass`: a fresh signed pass, for the household's own
/// members only (staff over it read its passbook, but do not shop for it).
pub async fn pass(env: &Env, actor: &Actor, household: &str) -> Result<Response, ApiError> {
    if actor.household.as_deref() != Some(household) {
        return Err(ApiError::Forbidden);
    }
    let store = Store::new(env)?;
    let key = key_bytes(&store.pass_key().await?)?;
    let expires = now() / 1000 + PASS_TTL_SECS;
    let nonce = crate::crypto::hex(&crate::crypto::random_bytes(8)?);
    let p = sign::issue(&key, household, expires, &nonce);
    json_no_store(&HouseholdPass {
        household: household.to_owned(),
        text: p.text(),
        expires_at: expires * 1000,
    })
}

fn goods_of(g: GoodsRow) -> Goods {
    Goods {
        id: g.id,
        name: g.name,
        unit: g.unit,
        photo: g.photo,
        price: g.price,
        stock: g.stock,
        active: g.active == 1,
    }
}

/// `GET /api/v1/shops/{id}/goods`: the shelf (withdrawn goods for its clerk only).
pub async fn shop(req: &Request, env: &Env, actor: &Actor, id: &str) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let s = store.shop(id).await?.ok_or(ApiError::ShopNotFound)?;
    let clerk = clerk_of(actor, &s.id);
    let goods = store
        .goods(&s.id)
        .await?
        .into_iter()
        .filter(|g| clerk || g.active == 1)
        .map(goods_of)
        .collect();
    json_etag(
        req,
        &Shop {
            id: s.id,
            village: s.village_code,
            name: s.name,
            goods,
        },
    )
}

/// `PUT /api/v1/shops/{id}/goods`: the clerk adds or edits one good.
pub async fn save_goods(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    shop: &str,
) -> Result<Response, ApiError> {
    if !clerk_of(actor, shop) {
        return Err(ApiError::Forbidden);
    }
    let (g, _) = body_with_hash::<GoodsSave>(&mut req).await?;
    check(g.problems())?;
    let store = Store::new(env)?;
    store.shop(shop).await?.ok_or(ApiError::ShopNotFound)?;
    if let Some(existing) = store
        .goods_by_ids(std::slice::from_ref(&g.id))
        .await?
        .first()
    {
        if existing.shop_id != shop {
            return Err(ApiError::Forbidden);
        }
    }
    if let Some(photo) = &g.photo {
        let unchanged = store
            .goods_by_ids(std::slice::from_ref(&g.id))
            .await?
            .first()
            .is_some_and(|e| e.photo.as_deref() == Some(photo.as_str()));
        if !unchanged {
            crate::reports::check_photos(&store, Some(actor), &g.id, std::slice::from_ref(photo))
                .await?;
        }
    }
    let row = GoodsRow {
        id: g.id.clone(),
        shop_id: shop.to_owned(),
        name: g.name.trim().to_owned(),
        unit: g.unit.trim().to_owned(),
        photo: g.photo.clone(),
        price: g.price,
        stock: g.stock,
        active: u8::from(g.active),
    };
    if !store.save_goods(shop, &row, g.was_stock, now()).await? {
        return Err(ApiError::GoodsChanged);
    }
    json_no_store(&goods_of(row))
}

/// `POST /api/v1/shops/{id}/redemptions`: one batch — the order, its lines at the prices
/// shown, the stock, the ledger entry; refused whole with 积分不足 or 库存不足.
pub async fn redeem(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    shop: &str,
) -> Result<Response, ApiError> {
    if !clerk_of(actor, shop) {
        return Err(ApiError::Forbidden);
    }
    let (r, body_hash) = body_with_hash::<Redeem>(&mut req).await?;
    let store = Store::new(env)?;
    if let Some(answer) = replay_redemption(&store, &r.id, &body_hash).await? {
        return Ok(answer);
    }
    if let Some(answer) = crate::households::replay(&store, &r.id, &body_hash).await? {
        return Ok(answer);
    }
    check(r.problems())?;
    let s = store.shop(shop).await?.ok_or(ApiError::ShopNotFound)?;
    let at = now();
    // Whose: a pass (signed, unexpired; its single use is the batch's constraint) or a
    // household the clerk picked by name.
    let (household, nonce) = match (&r.pass, &r.household) {
        (Some(text), _) => {
            let p = PassParts::parse(text).ok_or(ApiError::PassInvalid)?;
            let key = key_bytes(&store.pass_key().await?)?;
            if !sign::valid(&key, &p, at / 1000) {
                return Err(ApiError::PassInvalid);
            }
            (p.household, Some(p.nonce))
        }
        (None, Some(h)) => (h.clone(), None),
        (None, None) => return Err(invalid("household", "请选择一户", "choose a household")),
    };
    let h = store
        .point_households(std::slice::from_ref(&household))
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::HouseholdNotFound)?;
    if village_of(&h.grid_code) != s.village_code {
        return Err(ApiError::HouseholdNotFound);
    }
    let ids: Vec<String> = r.items.iter().map(|i| i.goods.clone()).collect();
    let goods = store.goods_by_ids(&ids).await?;
    let mut lines = Vec::new();
    for i in &r.items {
        let g = goods
            .iter()
            .find(|g| g.id == i.goods && g.shop_id == s.id && g.active == 1)
            .ok_or(ApiError::GoodsNotFound)?;
        lines.push((g.id.clone(), i.qty, g.price));
    }
    let total: i64 = lines.iter().map(|(_, q, p)| q * p).sum();
    let order = OrderRow {
        id: r.id.clone(),
        body_hash: body_hash.clone(),
        shop_id: s.id.clone(),
        household_id: h.id.clone(),
        head: h.name.clone(),
        total,
        at,
        spendable_after: 0,
        returned_at: None,
    };
    let entry = NewEntry {
        id: r.id.clone(),
        household: h.id.clone(),
        village: s.village_code.clone(),
        kind: "redeem",
        points: -total,
        sd: -total,
        pd: 0,
        earned: 0,
        award: None,
        reference: Some(r.id.clone()),
        rule: None,
        note: String::new(),
        seq_was: None,
    };
    match store
        .redeem(&order, nonce.as_deref(), &actor.account_id, &lines, &entry)
        .await
    {
        Ok(()) => {
            let done = store
                .order(&r.id)
                .await?
                .ok_or(ApiError::RedemptionNotFound)?;
            Ok(json_no_store(&redemption_of(&store, done).await?)?.with_status(201))
        }
        // Its twin won the race (the id, or the pass it used): answer as it was answered.
        Err(e @ (ApiError::AlreadyExists | ApiError::PassInvalid)) => {
            match replay_redemption(&store, &r.id, &body_hash).await? {
                Some(answer) => Ok(answer),
                None => Err(e),
            }
        }
        // The same id sent again gets the same refusal.
        Err(e @ (ApiError::InsufficientPoints | ApiError::InsufficientStock)) => {
            remember(&store, &r.id, actor, &body_hash, &e, at).await;
            Err(e)
        }
        Err(e) => Err(e),
    }
}

/// Keeps a refusal's answer under the write's id, so its retry gets it again.
async fn remember(store: &Store, id: &str, actor: &Actor, body_hash: &str, e: &ApiError, at: i64) {
    let problem = crate::http::problem_body(e);
    store
        .remember_refusal(&ClientWrite {
            id,
            account_id: &actor.account_id,
            body_hash,
            status: e.code().status(),
            response: &problem,
            at,
        })
        .await;
}

async fn redemption_of(store: &Store, o: OrderRow) -> Result<Redemption, ApiError> {
    let items = store.order_items(std::slice::from_ref(&o.id)).await?;
    Ok(redemption(o, &items))
}

/// An order and its lines (`items` may hold other orders' too) as the wire shows it.
fn redemption(o: OrderRow, items: &[crate::store::points::OrderItemRow]) -> Redemption {
    Redemption {
        items: items
            .iter()
            .filter(|i| i.order_id == o.id)
            .map(|i| RedeemedItem {
                goods: i.goods_id.clone(),
                name: i.name.clone(),
                qty: i.qty,
                price: i.price,
            })
            .collect(),
        id: o.id,
        shop: o.shop_id,
        household: o.household_id,
        household_name: o.head.unwrap_or_default(),
        total: o.total,
        spendable_after: o.spendable_after,
        at: o.at,
        reversed: o.returned_at.is_some(),
        returned_at: o.returned_at,
    }
}

async fn replay_redemption(
    store: &Store,
    id: &str,
    body_hash: &str,
) -> Result<Option<Response>, ApiError> {
    let Some(o) = store.order(id).await? else {
        return Ok(None);
    };
    if o.body_hash != body_hash {
        return Err(ApiError::IdempotencyConflict);
    }
    let resp = json_no_store(&redemption_of(store, o).await?)?.with_status(201);
    resp.headers().set("Idempotent-Replay", "true")?;
    Ok(Some(resp))
}

/// `POST /api/v1/redemptions/{id}/reverse`: goods returned — the points back by a
/// compensating entry, the goods back on the shelf; once.
pub async fn reverse_redemption(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    order: &str,
) -> Result<Response, ApiError> {
    let (rv, body_hash) = body_with_hash::<Reverse>(&mut req).await?;
    let store = Store::new(env)?;
    let o = store
        .order(order)
        .await?
        .ok_or(ApiError::RedemptionNotFound)?;
    if !clerk_of(actor, &o.shop_id) {
        return Err(ApiError::Forbidden);
    }
    if let Some(answer) = replay_reversal(&store, &rv.id, &body_hash).await? {
        return Ok(answer);
    }
    check(rv.problems())?;
    if o.returned_at.is_some() {
        return Err(ApiError::AlreadyReversed);
    }
    let village = store
        .shop(&o.shop_id)
        .await?
        .ok_or(ApiError::ShopNotFound)?
        .village_code;
    let entry = NewEntry {
        id: rv.id.clone(),
        household: o.household_id.clone(),
        village,
        kind: "reverse",
        points: o.total,
        sd: o.total,
        pd: 0,
        earned: 0,
        award: None,
        reference: Some(o.id.clone()),
        rule: None,
        note: rv.note.trim().to_owned(),
        seq_was: None,
    };
    reversal(&store, actor, entry, &[], &body_hash, true).await
}

/// `POST /api/v1/points/entries/{id}/reverse`: a village leader takes back an approved
/// award given by mistake (never below zero), once.
pub async fn reverse_entry(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    entry: &str,
) -> Result<Response, ApiError> {
    let (rv, body_hash) = body_with_hash::<Reverse>(&mut req).await?;
    let store = Store::new(env)?;
    let e = store.entry(entry).await?.ok_or(ApiError::EntryNotFound)?;
    if !leads(actor, &e.village_code) {
        return Err(ApiError::Forbidden);
    }
    if let Some(answer) = replay_reversal(&store, &rv.id, &body_hash).await? {
        return Ok(answer);
    }
    check(rv.problems())?;
    // What spent points: an approval (or an award approved at once). Its reversal takes
    // them back.
    let counts = e.kind == "approve" && e.spendable_delta != 0;
    if !counts || store.reversed(&e.id).await? {
        return Err(ApiError::AlreadyReversed);
    }
    let new = NewEntry {
        id: rv.id.clone(),
        household: e.household_id.clone(),
        village: e.village_code.clone(),
        kind: "reverse",
        points: -e.spendable_delta,
        sd: -e.spendable_delta,
        pd: 0,
        earned: -e.spendable_delta.max(0),
        award: None,
        reference: Some(e.id.clone()),
        // Named, so rankings and expiry take the reversed points back out.
        rule: e.rule_code.clone(),
        note: rv.note.trim().to_owned(),
        seq_was: None,
    };
    // A mistaken award taken back no longer uses up its rule's limit, as with a void. The
    // approval refers to the award's entry, `{award id}:{n}`.
    let award = e.ref_id.as_deref().and_then(|r| r.rsplit_once(':'));
    let released = match (award, e.rule_code.as_deref()) {
        (Some((award, _)), Some(rule)) => store
            .award(award)
            .await?
            .and_then(|a| a.period_key)
            .map(|key| {
                (
                    e.household_id.clone(),
                    format!("{}/{rule}", e.village_code),
                    key,
                )
            })
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    reversal(&store, actor, new, &released, &body_hash, false).await
}

/// A reversal already made under `id`: rebuilt from its entry (the balance after it is
/// known only once written).
async fn replay_reversal(
    store: &Store,
    id: &str,
    body_hash: &str,
) -> Result<Option<Response>, ApiError> {
    let Some(done) = store.client_write(id).await? else {
        return Ok(None);
    };
    if done.body_hash != body_hash {
        return Err(ApiError::IdempotencyConflict);
    }
    let e = store.entry(id).await?.ok_or(ApiError::EntryNotFound)?;
    let resp = json_no_store(&reversed_of(&e))?.with_status(201);
    resp.headers().set("Idempotent-Replay", "true")?;
    Ok(Some(resp))
}

fn reversed_of(e: &crate::store::points::EntryRow) -> Reversed {
    Reversed {
        id: e.id.clone(),
        reverses: e.ref_id.clone().unwrap_or_default(),
        household: e.household_id.clone(),
        points: e.spendable_delta,
        spendable_after: e.spendable_after,
    }
}

/// A compensating entry: for an order (`goods_back`: the goods return to the shelf), or
/// for an approved award, giving back the limit use `released` names.
async fn reversal(
    store: &Store,
    actor: &Actor,
    entry: NewEntry,
    released: &[(String, String, String)],
    body_hash: &str,
    goods_back: bool,
) -> Result<Response, ApiError> {
    let at = now();
    let reverses = entry.reference.clone().unwrap_or_default();
    // The answer is rebuilt from the entry (`replay_reversal`); the write keeps the key.
    let write = ClientWrite {
        id: &entry.id,
        account_id: &actor.account_id,
        body_hash,
        status: 201,
        response: "",
        at,
    };
    let result = if goods_back {
        store
            .reverse_order(&reverses, &entry, &actor.account_id, at, &write)
            .await
    } else {
        store
            .post_entries(
                std::slice::from_ref(&entry),
                released,
                &actor.account_id,
                at,
                &write,
                ApiError::AlreadyReversed,
            )
            .await
    };
    match result {
        Ok(()) => {
            let done = store
                .entry(&entry.id)
                .await?
                .ok_or(ApiError::EntryNotFound)?;
            Ok(json_no_store(&reversed_of(&done))?.with_status(201))
        }
        // Its twin won the race, or the id names another write.
        // Its twin won the race (the id, or the reversal index): answer as it was answered.
        Err(e @ (ApiError::AlreadyExists | ApiError::AlreadyReversed)) => {
            match replay_reversal(store, &entry.id, body_hash).await? {
                Some(answer) => Ok(answer),
                None => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

fn shop_for_clerk(actor: &Actor, shop: &str) -> Result<(), ApiError> {
    if clerk_of(actor, shop) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// `GET /api/v1/shops/{id}/households?q=`: the clerk finds a household of the village by a
/// member's name.
pub async fn shop_households(
    req: &Request,
    env: &Env,
    actor: &Actor,
    shop: &str,
) -> Result<Response, ApiError> {
    shop_for_clerk(actor, shop)?;
    let store = Store::new(env)?;
    let s = store.shop(shop).await?.ok_or(ApiError::ShopNotFound)?;
    let url = req.url()?;
    let q = url
        .query_pairs()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default();
    if q.is_empty() || q.chars().count() > 20 {
        return Err(invalid(
            "q",
            "请输入户主或家庭成员的姓名",
            "type a member's name",
        ));
    }
    let found: Vec<ShopHousehold> = store
        .village_households(&s.village_code, &q)
        .await?
        .into_iter()
        .map(|(h, spendable)| ShopHousehold {
            id: h.id,
            name: h.name.unwrap_or_default(),
            address: h.address,
            spendable,
        })
        .collect();
    json_no_store(&found)
}

/// A day's redemptions at a shop, with the reconciliation.
async fn day_of(req: &Request, env: &Env, actor: &Actor, shop: &str) -> Result<ShopDay, ApiError> {
    shop_for_clerk(actor, shop)?;
    let store = Store::new(env)?;
    let s = store.shop(shop).await?.ok_or(ApiError::ShopNotFound)?;
    let url = req.url()?;
    let day = match url.query_pairs().find(|(k, _)| k == "date") {
        Some((_, d)) => Day::parse(&d)
            .ok_or_else(|| invalid("date", "日期格式应为 2026-11-23", "date must be YYYY-MM-DD"))?,
        None => Day::of_ms(now()),
    };
    let to = day.end_ms();
    let orders = store.orders(&s.id, to - DAY_MS, to).await?;
    let returned = store
        .returns(&s.id, &s.village_code, to - DAY_MS, to)
        .await?;
    let mut ids: Vec<String> = orders.iter().map(|o| o.id.clone()).collect();
    ids.extend(returned.iter().map(|o| o.id.clone()));
    ids.sort();
    ids.dedup();
    let items = store.order_items(&ids).await?;
    let redemptions: Vec<Redemption> = orders.into_iter().map(|o| redemption(o, &items)).collect();
    let returns: Vec<Redemption> = returned
        .into_iter()
        .map(|o| redemption(o, &items))
        .collect();
    let lines = wangge_core::points::reconcile(&redemptions, &returns);
    Ok(ShopDay {
        shop: s.id,
        date: day.iso(),
        redemptions,
        returns,
        lines,
    })
}

/// `GET /api/v1/shops/{id}/day?date=`: the clerk's redemptions of a day (today by default).
pub async fn shop_day(
    req: &Request,
    env: &Env,
    actor: &Actor,
    shop: &str,
) -> Result<Response, ApiError> {
    let day = day_of(req, env, actor, shop).await?;
    json_no_store(&day)
}

/// `GET /api/v1/shops/{id}/day.csv?date=`: the daily reconciliation for Excel.
pub async fn shop_day_csv(
    req: &Request,
    env: &Env,
    actor: &Actor,
    shop: &str,
) -> Result<Response, ApiError> {
    let day = day_of(req, env, actor, shop).await?;
    let csv = wangge_core::points::reconciliation_csv(&day);
    let resp = Response::from_bytes(csv.into_bytes())?;
    resp.headers()
        .set("Content-Type", "text/csv; charset=utf-8")?;
    resp.headers().set("Cache-Control", "no-store")?;
    resp.headers().set(
        "Content-Disposition",
        &format!(
            "attachment; filename=\"reconciliation-{}-{}.csv\"",
            day.shop, day.date
        ),
    )?;
    Ok(resp)
}

/// Households whose expiry one scheduled run looks at: a county's 50,000 in a few hours.
const EXPIRY_PER_RUN: usize = 500;

/// The scheduled job's expiry: for households not yet looked at today, in villages whose
/// points expire, an explicit entry writes off what is left of points older than the
/// village's limit. Returns how many entries it wrote.
pub async fn expire(env: &Env, now: i64) -> Result<usize, ApiError> {
    let store = Store::new(env)?;
    let day = Day::of_ms(now).iso();
    let rows = store.expiry_candidates(&day, now, EXPIRY_PER_RUN).await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let entries: Vec<NewEntry> = rows
        .iter()
        .filter_map(|r| {
            let amount = wangge_core::points::expiring(r.spendable, r.earned_since?);
            (amount > 0).then(|| NewEntry {
                id: format!("expire:{}:{day}", r.household_id),
                household: r.household_id.clone(),
                village: r.village_code.clone(),
                kind: "expire",
                points: -amount,
                sd: -amount,
                pd: 0,
                earned: 0,
                award: None,
                reference: None,
                rule: None,
                note: String::new(),
                seq_was: Some(r.seq),
            })
        })
        .collect();
    let looked_at: Vec<String> = rows.into_iter().map(|r| r.household_id).collect();
    store.expire_points(&entries, &looked_at, &day, now).await?;
    Ok(entries.len())
}
