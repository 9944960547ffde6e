//! 办事指南: the public catalogue (delta sync for phones, one item) and administrators'
//! edits with their history. Search keys are computed here whenever an item is saved, so
//! the SPA carries no pinyin table.

use crate::error::ApiError;
use crate::http::{json_etag, json_no_store};
use crate::routes::Actor;
use crate::store::{GuideRow, Store};
use wangge_core::guide::{
    keys, pinyin_table, GuideDelta, GuideEntry, GuideEntryPage, GuideItem, GuideSave, GuideVersion,
};
use worker::{Date, Env, Request, Response};

/// Changes per delta page: the whole demo catalogue fits in one.
const PAGE: usize = 500;
/// Lines per page of the administrators' list.
const ENTRY_PAGE: usize = 200;
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
    let store = Store::new(env)?;
    let rows = store.guide_changes(since, PAGE).await?;
    // A cursor from beyond the newest change comes from another database (restored or
    // re-seeded): 400 tells the phone to load everything afresh.
    if rows.is_empty() && since > 0 && since > store.guide_last_seq().await? {
        return Err(ApiError::BadRequest(format!(
            "since={since} is ahead of this catalogue"
        )));
    }
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

/// `GET /api/v1/guide/{code}/versions`: every saved version, newest first (a county's
/// administrators: withdrawn texts and savers' names are theirs to see).
pub async fn versions(env: &Env, actor: &Actor, code: &str) -> Result<Response, ApiError> {
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
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

/// `GET /api/v1/admin/guide[?after=<code>]`: the administrators' list of items in code
/// order, withdrawn ones included (so they can be brought back).
pub async fn entries(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let after = req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "after")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let rows = Store::new(env)?.guide_entries(&after, ENTRY_PAGE).await?;
    let next = (rows.len() == ENTRY_PAGE)
        .then(|| rows.last().map(|r| r.code.clone()))
        .flatten();
    let items = rows
        .into_iter()
        .map(|r| GuideEntry {
            code: r.code,
            name: r.name,
            department: r.department,
            version: r.version,
            withdrawn: r.withdrawn == 1,
            updated_at: r.updated_at,
        })
        .collect();
    json_no_store(&GuideEntryPage { items, next })
}

/// Items in one import (the demo catalogue has 124; a county's, a few hundred).
const MAX_IMPORT: usize = 1_500;

/// `GET /api/v1/admin/guide.json`: every item residents see, re-importable as is.
pub async fn export_json(env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let items = Store::new(env)?
        .guide_all()
        .await?
        .iter()
        .map(item_of)
        .collect::<Result<Vec<_>, _>>()?;
    let resp = json_no_store(&items)?;
    resp.headers().set(
        "Content-Disposition",
        "attachment; filename=\"wangge-guide.json\"",
    )?;
    Ok(resp)
}

/// `POST /api/v1/admin/guide.json`: a list of items, each saved as the next version of
/// its code (or as a new item); an item that would not change is left alone. All or
/// nothing: any bad item and nothing is saved, every problem listed (`line`: the item's
/// place in the list, from 1).
pub async fn import_json(mut req: Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let items: Vec<GuideItem> = req
        .json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    if items.len() > MAX_IMPORT {
        return Err(ApiError::Invalid(vec![wangge_core::problem::Detail {
            line: None,
            field: None,
            message_zh: format!("一次最多导入 {MAX_IMPORT} 项，请分批导入。"),
            message_en: format!("At most {MAX_IMPORT} items per import; split the file."),
        }]));
    }
    let numbered = items
        .into_iter()
        .enumerate()
        .map(|(i, it)| (i + 1, it))
        .collect();
    let saved = import_items(env, actor, numbered, Vec::new()).await?;
    json_no_store(&wangge_core::admin::ImportDone { rows: saved })
}

/// Saves imported items (each with its line, or place in the list), all or nothing:
/// `problems` found earlier, the save rules and repeated codes refuse the whole import.
/// An item that would not change is left alone; how many were saved.
async fn import_items(
    env: &Env,
    actor: &Actor,
    items: Vec<(usize, GuideItem)>,
    mut problems: Vec<wangge_core::problem::Detail>,
) -> Result<u32, ApiError> {
    let mut seen = std::collections::HashSet::new();
    for (line, item) in &items {
        for mut d in item.problems() {
            d.line = Some(*line);
            d.message_zh = format!("{}：{}", item.code, d.message_zh);
            d.message_en = format!("{}: {}", item.code, d.message_en);
            problems.push(d);
        }
        if !seen.insert(item.code.as_str()) {
            problems.push(wangge_core::problem::Detail {
                line: Some(*line),
                field: Some("code".into()),
                message_zh: format!("编号 {} 在文件里出现了不止一次", item.code),
                message_en: format!("code {} appears more than once", item.code),
            });
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|d| d.line);
        problems.truncate(wangge_core::admin::MAX_ERRORS);
        return Err(ApiError::Invalid(problems));
    }
    let store = Store::new(env)?;
    let codes: Vec<&str> = items.iter().map(|(_, i)| i.code.as_str()).collect();
    let stored: std::collections::HashMap<String, GuideRow> = store
        .guide_rows(&codes)
        .await?
        .into_iter()
        .map(|r| (r.code.clone(), r))
        .collect();
    let now = now();
    let mut changed = Vec::new();
    for (_, mut item) in items {
        item.keys = keys(&item, pinyin_table);
        let old = stored.get(&item.code);
        if let Some(row) = old {
            let mut same = item_of(row)?;
            same.updated_at = item.updated_at;
            same.version = item.version;
            if same == item {
                continue;
            }
        }
        item.version = old.map_or(0, |r| r.version) + 1;
        item.updated_at = now;
        // A withdrawn item stays withdrawn: an old file must not bring it back to
        // residents (that is done in the app, on purpose).
        let withdrawn = old.is_some_and(|r| r.withdrawn == 1);
        changed.push((item, withdrawn));
    }
    if !changed.is_empty() {
        match store.import_guide(&changed, &actor.account_id, now).await {
            // Someone saved one of these items meanwhile: nothing was written.
            Err(ApiError::AlreadyExists) => return Err(ApiError::StaleVersion),
            r => r?,
        }
    }
    Ok(changed.len() as u32)
}

/// `GET /api/v1/admin/guide.csv`: the guide as a spreadsheet (Excel opens it: BOM).
pub async fn export_csv(env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let items = Store::new(env)?
        .guide_all()
        .await?
        .iter()
        .map(item_of)
        .collect::<Result<Vec<_>, _>>()?;
    crate::admin::csv("wangge-guide.csv", wangge_core::admin::guide_csv(&items))
}

/// `POST /api/v1/admin/guide.csv`: the same list back, all or nothing, every bad row with
/// its line.
pub async fn import_csv(mut req: Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let text = crate::admin::file_text(&mut req).await?;
    let (items, errors) = wangge_core::admin::read_guide(&text);
    let problems = wangge_core::admin::capped(errors)
        .into_iter()
        .map(wangge_core::problem::Detail::from)
        .collect();
    let saved = import_items(env, actor, items, problems).await?;
    json_no_store(&wangge_core::admin::ImportDone { rows: saved })
}
