//! 办事指南: the public catalogue (delta sync for phones, one item) and administrators'
//! edits with their history. Search keys are computed here whenever an item is saved, so
//! the SPA carries no pinyin table.

use crate::error::ApiError;
use crate::http::{json_etag, json_no_store};
use crate::routes::Actor;
use crate::store::{GuideRow, Store};
use wangge_core::guide::{keys, pinyin_table, GuideDelta, GuideItem, GuideSave, GuideVersion};
use worker::{Date, Env, Request, Response};

/// Changes per delta page: the whole demo catalogue fits in one.
const PAGE: usize = 500;
/// Versions listed for one item.
const VERSIONS: usize = 50;

fn now() -> i64 {
    Date::now().as_millis() as i64
}

fn item_of(row: &GuideRow) -> Result<GuideItem, ApiError> {
    serde_json::from_str(&row.body)
        .map_err(|e| ApiError::Storage(format!("guide item {}: {e}", row.code)))
}

/// `GET /api/v1/guide[?since=<cursor>]`: the items changed since the cursor, the codes
/// withdrawn since, and the next cursor. No cursor: everything.
pub async fn delta(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let since = match req.url()?.query_pairs().find(|(k, _)| k == "since") {
        None => 0,
        Some((_, v)) if v.is_empty() => 0,
        Some((_, v)) => v
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(|| ApiError::BadRequest(format!("since={v} is not a cursor")))?,
    };
    let rows = Store::new(env)?.guide_changes(since, PAGE).await?;
    let more = rows.len() == PAGE;
    let cursor = rows.last().map_or(since, |r| r.seq).to_string();
    let mut items = Vec::new();
    let mut withdrawn = Vec::new();
    for r in &rows {
        if r.withdrawn == 1 {
            withdrawn.push(r.code.clone());
        } else {
            items.push(item_of(r)?);
        }
    }
    json_etag(
        req,
        &GuideDelta {
            items,
            withdrawn,
            cursor,
            more,
        },
    )
}

/// `GET /api/v1/guide/{code}`: one item residents can see.
pub async fn item(req: &Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let row = Store::new(env)?
        .guide_item(code)
        .await?
        .filter(|r| r.withdrawn == 0)
        .ok_or(ApiError::GuideItemNotFound)?;
    json_etag(req, &item_of(&row)?)
}

/// `PUT /api/v1/guide/{code}`: create or edit an item (or withdraw it, or bring it back).
/// The body names the version it started from; if the item has moved on, 409 and nothing
/// changes. The search keys are computed here.
pub async fn save(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    code: &str,
) -> Result<Response, ApiError> {
    // The catalogue is the county's.
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let body: GuideSave = req
        .json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let mut item = body.item;
    if item.code != code {
        return Err(ApiError::BadRequest(
            "code in body differs from path".into(),
        ));
    }
    let problems = item.problems();
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let store = Store::new(env)?;
    let current = store.guide_item(code).await?.map_or(0, |r| r.version);
    if current != item.version {
        return Err(ApiError::StaleVersion);
    }
    let now = now();
    item.version += 1;
    item.updated_at = now;
    item.keys = keys(&item, pinyin_table);
    match store
        .save_guide_item(&item, body.withdrawn, Some(&actor.account_id), now)
        .await
    {
        // Someone saved from the same version a moment earlier.
        Err(ApiError::AlreadyExists) => Err(ApiError::StaleVersion),
        Err(e) => Err(e),
        Ok(()) => json_no_store(&item),
    }
}

/// `GET /api/v1/guide/{code}/versions`: every saved version, newest first.
pub async fn versions(env: &Env, code: &str) -> Result<Response, ApiError> {
    let rows = Store::new(env)?.guide_versions(code, VERSIONS).await?;
    if rows.is_empty() {
        return Err(ApiError::GuideItemNotFound);
    }
    let list = rows
        .into_iter()
        .map(|r| {
            Ok(GuideVersion {
                version: r.version,
                withdrawn: r.withdrawn == 1,
                saved_at: r.saved_at,
                saved_by: r.saved_by,
                item: serde_json::from_str(&r.body)
                    .map_err(|e| ApiError::Storage(format!("guide version: {e}")))?,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    json_no_store(&list)
}
