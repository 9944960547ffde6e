//! Personal data (PIPL): a resident downloads everything stored about their household and
//! may ask for its deletion; an administrator carries deletions out as anonymisation and
//! reads the access log, which records every staff read or change of personal data.

use crate::accounts::Session;
use crate::crypto::{hex, random_bytes};
use crate::error::ApiError;
use crate::http::json_no_store;
use crate::routes::{Actor, Handler};
use crate::store::Store;
use wangge_core::privacy::{AccessAction, AccessPage, AskDeletion, MyData};
use worker::{Date, Env, Request, Response};

const LOG_PAGE: usize = 50;

fn now() -> i64 {
    Date::now().as_millis() as i64
}

/// A time-ordered id: 15-digit milliseconds, then random (the log's keyset order).
fn time_id(now: i64) -> Result<String, ApiError> {
    Ok(format!("{now:015}-{}", hex(&random_bytes(6)?)))
}

/// What a route does with personal data, and to what: `param` is the route's path
/// parameter. `None`: nothing personal (or nothing a staff account touches).
pub fn personal_data(handler: Handler, param: &str) -> Option<(AccessAction, String)> {
    let household = || format!("household:{param}");
    Some(match handler {
        Handler::Household => (AccessAction::Read, household()),
        Handler::EditHousehold | Handler::IssueActivation | Handler::MoveOut => {
            (AccessAction::Change, household())
        }
        Handler::StaffAccounts => (AccessAction::Read, "list:accounts".into()),
        Handler::StaffAccount => (AccessAction::Read, format!("account:{param}")),
        Handler::SaveAccount => (AccessAction::Change, format!("account:{param}")),
        Handler::GridHouseholds => (AccessAction::Read, format!("grid:{param}")),
        Handler::RegisterHousehold => (AccessAction::Change, format!("grid:{param}")),
        Handler::ImportPeople => (AccessAction::Import, "list:people".into()),
        Handler::ImportHouseholds => (AccessAction::Import, "list:households".into()),
        Handler::ExportPeople => (AccessAction::Export, "list:people".into()),
        Handler::ExportHouseholds => (AccessAction::Export, "list:households".into()),
        Handler::SetWorkPhone => (AccessAction::Change, format!("person:{param}")),
        Handler::IssueStaffActivation => (AccessAction::Change, format!("account:{param}")),
        Handler::Anonymise => (AccessAction::Anonymise, format!("deletion:{param}")),
        // A report carries a household's words, place and (anonymous) phone.
        Handler::ReportById => (AccessAction::Read, format!("report:{param}")),
        Handler::Reports | Handler::SimilarReports => (AccessAction::Read, "list:reports".into()),
        Handler::FollowReport => (AccessAction::Read, format!("report:{param}")),
        Handler::ActOnReport => (AccessAction::Change, format!("report:{param}")),
        // A household's points show what it did and bought.
        Handler::Passbook => (AccessAction::Read, household()),
        Handler::ShopHouseholds => (AccessAction::Read, format!("shop:{param}")),
        Handler::AccessLog | Handler::DeletionRequests => {
            (AccessAction::Read, "list:personal-data".into())
        }
        _ => return None,
    })
}

/// Logs a staff account's touch of personal data (a resident reading their own household is
/// not staff work and is not logged).
pub async fn log(
    store: &Store,
    actor: &Actor,
    handler: Handler,
    param: &str,
) -> Result<(), ApiError> {
    if !actor.roles.iter().any(|g| g.role.is_staff()) {
        return Ok(());
    }
    let Some((action, subject)) = personal_data(handler, param) else {
        return Ok(());
    };
    let now = now();
    store
        .log_access(&time_id(now)?, &actor.account_id, action, &subject, now)
        .await
}

/// `GET /api/v1/me/data`: everything stored about this account and its household, as a
/// JSON file.
pub async fn my_data(env: &Env, session: &Session) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let account = crate::accounts::me_of(&store, &session.actor.account_id).await?;
    let (household, activations, access, deletion) = match &session.actor.household {
        Some(id) => (
            store.household(id).await?,
            store.activations_of(id).await?,
            store.access_to(&format!("household:{id}"), 500).await?,
            store.deletion_request_of(id).await?,
        ),
        None => (None, Vec::new(), Vec::new(), None),
    };
    let resp = json_no_store(&MyData {
        exported_at: now(),
        account,
        household,
        activations,
        access,
        deletion,
    })?;
    resp.headers().set(
        "Content-Disposition",
        "attachment; filename=\"wangge-my-data.json\"",
    )?;
    Ok(resp)
}

/// `POST /api/v1/me/deletion-request` with `{confirm: true}`: asks for the household's data
/// to be deleted. Asking again while one is open answers with the open one.
pub async fn request_deletion(
    mut req: Request,
    env: &Env,
    session: &Session,
) -> Result<Response, ApiError> {
    let body: AskDeletion = req
        .json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    if !body.confirm {
        return Err(ApiError::BadRequest("confirm must be true".into()));
    }
    let household = session
        .actor
        .household
        .clone()
        .ok_or(ApiError::HouseholdNotFound)?;
    let store = Store::new(env)?;
    if let Some(open) = store
        .deletion_request_of(&household)
        .await?
        .filter(|r| r.done_at.is_none())
    {
        return json_no_store(&open);
    }
    let now = now();
    store
        .create_deletion_request(&time_id(now)?, &household, &session.actor.account_id, now)
        .await?;
    let made = store
        .deletion_request_of(&household)
        .await?
        .ok_or(ApiError::HouseholdNotFound)?;
    Ok(json_no_store(&made)?.with_status(201))
}

/// `GET /api/v1/admin/deletion-requests`: open requests in this administrator's area.
pub async fn deletion_requests(env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let open: Vec<_> = Store::new(env)?
        .open_deletion_requests()
        .await?
        .into_iter()
        .filter(|(_, grid)| actor.administers(grid))
        .map(|(r, _)| r)
        .collect();
    json_no_store(&open)
}

/// `POST /api/v1/admin/deletion-requests/{id}/anonymise`: carries one out.
pub async fn anonymise(env: &Env, actor: &Actor, id: &str) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let (request, grid) = store
        .deletion_request(id)
        .await?
        .ok_or(ApiError::DeletionRequestNotFound)?;
    if !actor.administers(&grid) {
        return Err(ApiError::Forbidden);
    }
    if request.done_at.is_none() {
        store
            .anonymise(id, &request.household_id, &actor.account_id, now())
            .await?;
    }
    let (done, _) = store
        .deletion_request(id)
        .await?
        .ok_or(ApiError::DeletionRequestNotFound)?;
    json_no_store(&done)
}

/// `GET /api/v1/admin/access-log[?after=<id>]`: newest first, 50 a page.
pub async fn access_log(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    // The log names staff and households county-wide: a county's administrators read it.
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let url = req.url()?;
    let before = url
        .query_pairs()
        .find(|(k, _)| k == "after")
        .map(|(_, v)| v.into_owned())
        // Past every real id (they start with 15 digits).
        .unwrap_or_else(|| "~".into());
    let mut items = Store::new(env)?.access_log(&before, LOG_PAGE + 1).await?;
    let next = if items.len() > LOG_PAGE {
        items.truncate(LOG_PAGE);
        items.last().map(|e| e.id.clone())
    } else {
        None
    };
    json_no_store(&AccessPage { items, next })
}
