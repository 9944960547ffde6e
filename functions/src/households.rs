//! Households: a grid's register, registering a household (offline-safe: the client's
//! UUIDv7 is the idempotency key), editing it, and reading one.

use crate::error::ApiError;
use crate::http::json_no_store;
use crate::routes::Actor;
use crate::store::{ClientWrite, Store};
use wangge_core::grids::{GridCode, GridLevel};
use wangge_core::households::{HouseholdDraft, HouseholdPage, PAGE_SIZE};
use worker::{Date, Env, Request, Response};

fn now() -> i64 {
    Date::now().as_millis() as i64
}

/// A draft trimmed and checked: every broken rule at once (422), or the draft to save.
fn checked(draft: HouseholdDraft) -> Result<HouseholdDraft, ApiError> {
    let draft = draft.normalized();
    let problems = draft.problems();
    if problems.is_empty() {
        Ok(draft)
    } else {
        Err(ApiError::Invalid(problems))
    }
}

/// The original answer to a write already made with this id, or 409 if the id came with
/// another body; `None` if the id is new.
pub(crate) async fn replay(
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
    let resp = Response::from_bytes(done.response.into_bytes())?.with_status(done.status);
    resp.headers()
        .set("Content-Type", "application/json; charset=utf-8")?;
    resp.headers().set("Cache-Control", "no-store")?;
    resp.headers().set("Idempotent-Replay", "true")?;
    Ok(Some(resp))
}

fn grid_level_code(raw: &str) -> Result<GridCode, ApiError> {
    let code = GridCode::parse(raw).map_err(|_| ApiError::GridCodeMalformed)?;
    if code.level() != GridLevel::Grid {
        return Err(ApiError::GridCodeMalformed);
    }
    Ok(code)
}

/// `GET /api/v1/grids/{code}/households[?after=<id>]`: the register of one base grid.
pub async fn register(req: &Request, env: &Env, raw_code: &str) -> Result<Response, ApiError> {
    let code = grid_level_code(raw_code)?;
    let url = req.url()?;
    let after = url
        .query_pairs()
        .find(|(k, _)| k == "after")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let store = Store::new(env)?;
    let mut items = store
        .grid_households(code.as_str(), &after, PAGE_SIZE + 1)
        .await?;
    let next = if items.len() > PAGE_SIZE {
        items.truncate(PAGE_SIZE);
        items.last().map(|h| h.id.clone())
    } else {
        None
    };
    json_no_store(&HouseholdPage { items, next })
}

/// `POST /api/v1/grids/{code}/households`: registers a household. Sent again with the
/// same id and body (a phone retrying after a lost answer), it answers as the first time.
pub async fn create(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    raw_code: &str,
) -> Result<Response, ApiError> {
    let code = grid_level_code(raw_code)?;
    let (draft, body_hash) = crate::http::body_with_hash::<HouseholdDraft>(&mut req).await?;
    let store = Store::new(env)?;
    if let Some(original) = replay(&store, &draft.id, &body_hash).await? {
        return Ok(original);
    }
    let draft = checked(draft)?;
    if !store.grid_exists(code.as_str()).await? {
        return Err(ApiError::GridNotFound);
    }
    let household = wangge_core::households::Household {
        id: draft.id.clone(),
        grid_code: code.as_str().to_owned(),
        address: draft.address.clone(),
        members: draft
            .members
            .iter()
            .map(|m| wangge_core::households::Member {
                id: m.id.clone(),
                name: m.name.clone(),
                relation: m.relation,
                phone: m.phone.clone(),
            })
            .collect(),
    };
    let response = serde_json::to_string(&household)?;
    let write = ClientWrite {
        id: &draft.id,
        account_id: &actor.account_id,
        body_hash: &body_hash,
        status: 201,
        response: &response,
        at: now(),
    };
    match store
        .register_household(code.as_str(), &draft, &actor.account_id, &write)
        .await
    {
        Ok(()) => Ok(json_no_store(&household)?.with_status(201)),
        // A twin of this very write won the race: answer as it was answered.
        Err(ApiError::AlreadyExists) => match replay(&store, &draft.id, &body_hash).await? {
            Some(original) => Ok(original),
            None => Err(ApiError::AlreadyExists),
        },
        Err(e) => Err(e),
    }
}

/// `PUT /api/v1/households/{id}`: the household's address and members as they are now
/// (members left out are deactivated). Idempotent by nature: the same body twice leaves
/// the same household.
pub async fn update(mut req: Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let (draft, _) = crate::http::body_with_hash::<HouseholdDraft>(&mut req).await?;
    if draft.id != id {
        return Err(ApiError::BadRequest("id in body differs from path".into()));
    }
    let draft = checked(draft)?;
    let store = Store::new(env)?;
    let ids: Vec<&str> = draft.members.iter().map(|m| m.id.as_str()).collect();
    if store.members_elsewhere(id, &ids).await? > 0 {
        return Err(ApiError::AlreadyExists);
    }
    store.update_household(&draft, now()).await?;
    household(env, id).await
}

/// `POST /api/v1/households/{id}/move-out`: 迁出. The household leaves the register
/// (deactivated, never deleted: history refers to it); its residents' phones are signed
/// out. A second call finds no active household: 404.
pub async fn move_out(mut req: Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let ask: wangge_core::households::MoveOut = req
        .json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    if !ask.confirm {
        return Err(ApiError::Invalid(vec![wangge_core::problem::Detail {
            line: None,
            field: Some("confirm".into()),
            message_zh: "迁出前请先确认。".into(),
            message_en: "Confirm the move-out first.".into(),
        }]));
    }
    Store::new(env)?.move_out(id, now()).await?;
    json_no_store(&wangge_core::households::MovedOut { id: id.to_owned() })
}

/// `GET /api/v1/households/{id}` (the route table let only its members and staff over it
/// through): full phones and address.
pub async fn household(env: &Env, id: &str) -> Result<Response, ApiError> {
    let household = Store::new(env)?
        .household(id)
        .await?
        .ok_or(ApiError::HouseholdNotFound)?;
    json_no_store(&household)
}
