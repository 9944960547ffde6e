//! The in-app inbox: each person's notices (a report reached your queue; your report was
//! resolved — please rate), newest first with the unread count, and marking them read.

use crate::error::ApiError;
use crate::http::{body_with_hash, json_no_store};
use crate::routes::Actor;
use crate::store::Store;
use wangge_core::inbox::{Inbox, MarkRead, Notice, NoticeKind, PAGE_SIZE};
use wangge_core::reports::{cursor_of, parse_cursor};
use worker::{Date, Env, Request, Response};

async fn page(store: &Store, actor: &Actor, cursor: Option<&str>) -> Result<Inbox, ApiError> {
    let before = match cursor {
        Some(c) => {
            Some(parse_cursor(c).ok_or_else(|| ApiError::BadRequest(format!("cursor={c}")))?)
        }
        None => None,
    };
    let mut rows = store
        .notices(&actor.account_id, before, PAGE_SIZE + 1)
        .await?;
    let cursor = if rows.len() > PAGE_SIZE {
        rows.truncate(PAGE_SIZE);
        rows.last().map(|r| cursor_of(r.created_at, &r.id))
    } else {
        None
    };
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(Notice {
                kind: NoticeKind::parse(&r.kind)
                    .ok_or_else(|| ApiError::Storage(format!("notice kind {}", r.kind)))?,
                id: r.id,
                report: r.report_id,
                excerpt: r.excerpt,
                at: r.created_at,
                read: r.read_at.is_some(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(Inbox {
        items,
        unread: store.unread(&actor.account_id).await?,
        cursor,
    })
}

/// `GET /api/v1/inbox[?cursor=]`: this person's notices, newest first.
pub async fn inbox(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let cursor = req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "cursor")
        .map(|(_, v)| v.into_owned());
    let store = Store::new(env)?;
    json_no_store(&page(&store, actor, cursor.as_deref()).await?)
}

/// `POST /api/v1/inbox/read`: marks notices read (only one's own); the first page after.
pub async fn read(mut req: Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let (body, _) = body_with_hash::<MarkRead>(&mut req).await?;
    if body.ids.len() > 500 {
        return Err(ApiError::BadRequest("at most 500 ids at once".into()));
    }
    let store = Store::new(env)?;
    let now = Date::now().as_millis() as i64;
    store
        .mark_read(&actor.account_id, &body.ids, body.all, now)
        .await?;
    json_no_store(&page(&store, actor, None).await?)
}
