//! The Wangge API: a Cloudflare Worker serving `/api/v1/*` from D1.
//! Everything else (the SPA) is served by the assets binding before this code runs.

mod accounts;
mod admin;
mod crypto;
mod deadline;
mod error;
mod grids;
mod guide;
mod households;
mod http;
mod inbox;
mod open311;
#[cfg(test)]
mod openapi;
mod points;
mod privacy;
mod reports;
mod routes;
mod store;

use error::ApiError;
use routes::Handler;
use worker::{event, Context, Env, Request, Response, ScheduleContext, ScheduledEvent};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    // Open311 GeoReport v2 has answers and errors of its own.
    let (mut resp, rows_read) = if req.path().starts_with(open311::PREFIX) {
        let (resp, rows_read) = store::rows_read(open311::serve(req, &env)).await;
        (resp.or_else(open311::refusal)?, rows_read)
    } else {
        let (resp, rows_read) = store::rows_read(route(req, &env)).await;
        (resp.or_else(|e| http::problem(&e))?, rows_read)
    };
    // What the request read from D1 (`cargo xtask bench` holds lists to their budget).
    // Local runs only (`WANGGE_ROWS_READ`): a count could tell whether something exists.
    if env
        .var("WANGGE_ROWS_READ")
        .is_ok_and(|v| v.to_string() == "1")
    {
        resp.headers_mut()
            .set("X-Rows-Read", &rows_read.to_string())?;
    }
    http::secure(resp)
}

/// The scheduled jobs (`[triggers]` in wrangler.toml), "now" being the event's scheduled
/// time. Nobody sees a job's answer: it logs its own outcome and failures.
#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let now = event.schedule() as i64;
    match deadline::run(&env, now).await {
        Ok(run) => worker::console_log!(
            "deadlines at {now}: {} due soon, {} overdue, {} unanswered, {} notices; \
             {} statements, {} rows read",
            run.due_soon,
            run.overdue,
            run.unanswered,
            run.notices,
            run.statements,
            run.rows_read
        ),
        Err(e) => worker::console_error!("deadlines at {now}: {e}"),
    }
    match points::expire(&env, now).await {
        Ok(n) => worker::console_log!("points expiry at {now}: {n} entries"),
        Err(e) => worker::console_error!("points expiry at {now}: {e}"),
    }
}

/// Writes must come from our own pages: the `Origin` a browser sends must be ours.
fn check_origin(req: &Request, url: &worker::Url) -> Result<(), ApiError> {
    let ours = url.origin().ascii_serialization();
    match req.headers().get("Origin")? {
        Some(origin) if origin == ours => Ok(()),
        _ => Err(ApiError::ForeignOrigin),
    }
}

/// Resolves the route (404 / 405), checks the origin of writes, resolves the session and
/// applies the route's access rule — all before any handler runs.
async fn route(req: Request, env: &Env) -> Result<Response, ApiError> {
    let url = req.url()?;
    // "/api/v1/…" only: "/api/v1grids" must not match.
    let rest = url
        .path()
        .strip_prefix(wangge_core::API_PREFIX)
        .filter(|r| r.starts_with('/'))
        .ok_or(ApiError::RouteNotFound)?
        .to_owned();
    let method = req.method().to_string();
    let (route, params) = routes::resolve(&method, &rest)?;
    if routes::is_write(&method) {
        check_origin(&req, &url)?;
    }
    let store = store::Store::new(env)?;
    let session = accounts::session(&req, &store).await?;
    let actor = session.as_ref().map(|s| &s.actor);
    let param = |i: usize| params.get(i).map(String::as_str).unwrap_or_default();
    // The rule's target, found from the path; anonymous callers learn nothing about it.
    let household_grid = if route.access.needs_household() && actor.is_some() {
        // Only staff who keep registers learn that an id does not exist; anyone else gets
        // the 403 they get for a household that is not theirs (ids are guessable).
        let keeps_registers =
            actor.is_some_and(|a| a.roles.iter().any(|g| g.role.serves_households()));
        Some(
            store
                .household_grid(param(0))
                .await?
                .ok_or(if keeps_registers {
                    ApiError::HouseholdNotFound
                } else {
                    ApiError::Forbidden
                })?,
        )
    } else {
        None
    };
    let target = match &household_grid {
        Some(grid_code) => routes::Target::Household {
            id: param(0),
            grid_code,
        },
        None if route.access.needs_grid() => routes::Target::Grid { code: param(0) },
        None => routes::Target::Nothing,
    };
    routes::authorize(route.access, actor, target)?;
    let refreshed = session
        .as_ref()
        .and_then(|s| s.refreshed_cookie.clone())
        .filter(|_| !matches!(route.handler, Handler::SignOut | Handler::SignOutEverywhere));
    // Every staff read or change of personal data goes into the access log (PIPL), before
    // the handler: if the log cannot be written, nothing is done.
    if let Some(actor) = actor {
        privacy::log(&store, actor, route.handler, param(0)).await?;
    }
    let mut resp = handle(route.handler, &session, req, env, param(0)).await?;
    if let Some(cookie) = refreshed {
        resp.headers_mut().append("Set-Cookie", &cookie)?;
        resp.headers_mut()
            .append("Set-Cookie", &accounts::refreshed_hint())?;
    }
    Ok(resp)
}

/// This API's OpenAPI 3.1 document, generated from the route table and the `core` types
/// by a native test (`openapi.rs`), which keeps this checked-in copy up to date.
const OPENAPI: &str = include_str!("../openapi.json");

/// Calls the route's handler (authorization already decided).
async fn handle(
    handler: Handler,
    session: &Option<accounts::Session>,
    req: Request,
    env: &Env,
    param: &str,
) -> Result<Response, ApiError> {
    match (handler, session) {
        (Handler::GridTree, _) => grids::tree(&req, env).await,
        (Handler::GridCard, _) => grids::card(&req, env, param).await,
        (Handler::SignIn, _) => accounts::sign_in(req, env).await,
        (Handler::SignOut, s) => accounts::sign_out(s.as_ref(), env).await,
        (Handler::SignOutEverywhere, Some(s)) => accounts::sign_out_everywhere(s, env).await,
        (Handler::Me, Some(s)) => accounts::whoami(s, env).await,
        (Handler::SetPassword, Some(s)) => accounts::set_password(req, env, s).await,
        (Handler::Household, Some(_)) => households::household(env, param).await,
        (Handler::GridHouseholds, Some(_)) => households::register(&req, env, param).await,
        (Handler::RegisterHousehold, Some(s)) => {
            households::create(req, env, &s.actor, param).await
        }
        (Handler::EditHousehold, Some(_)) => households::update(req, env, param).await,
        (Handler::ImportGrids, Some(s)) => admin::import_grids(req, env, &s.actor).await,
        (Handler::ImportPeople, Some(s)) => admin::import_people(req, env, &s.actor).await,
        (Handler::ImportHouseholds, Some(s)) => admin::import_households(req, env, &s.actor).await,
        (Handler::ExportGrids, Some(s)) => admin::export_grids(env, &s.actor).await,
        (Handler::ExportPeople, Some(s)) => admin::export_people(env, &s.actor).await,
        (Handler::ExportHouseholds, Some(s)) => admin::export_households(env, &s.actor).await,
        (Handler::IssueStaffActivation, Some(s)) => {
            accounts::issue_staff_activation(&req, env, &s.actor, param).await
        }
        (Handler::MyData, Some(s)) => privacy::my_data(env, s).await,
        (Handler::RequestDeletion, Some(s)) => privacy::request_deletion(req, env, s).await,
        (Handler::DeletionRequests, Some(s)) => privacy::deletion_requests(env, &s.actor).await,
        (Handler::Anonymise, Some(s)) => privacy::anonymise(env, &s.actor, param).await,
        (Handler::AccessLog, Some(s)) => privacy::access_log(&req, env, &s.actor).await,
        (Handler::SetWorkPhone, Some(s)) => admin::set_work_phone(req, env, &s.actor, param).await,
        (Handler::AdminGrid, Some(s)) => admin::grid(env, &s.actor, param).await,
        (Handler::SaveGrid, Some(s)) => admin::save_grid(req, env, &s.actor, param).await,
        (Handler::StaffAccounts, Some(s)) => admin::accounts(&req, env, &s.actor).await,
        (Handler::StaffAccount, Some(s)) => admin::account(env, &s.actor, param).await,
        (Handler::SaveAccount, Some(s)) => admin::save_account(req, env, &s.actor, param).await,
        (Handler::Departments, Some(s)) => admin::departments(&req, env, &s.actor).await,
        (Handler::SaveDepartment, Some(s)) => {
            admin::save_department(req, env, &s.actor, param).await
        }
        (Handler::GuideDelta, _) => guide::delta(&req, env).await,
        (Handler::GuideItem, _) => guide::item(&req, env, param).await,
        (Handler::SaveGuideItem, Some(s)) => guide::save(req, env, &s.actor, param).await,
        (Handler::GuideVersions, Some(s)) => guide::versions(env, &s.actor, param).await,
        (Handler::ReportCategories, _) => reports::categories(&req, env).await,
        (Handler::ReportDepartments, _) => reports::departments(&req, env).await,
        (Handler::FileReport, s) => reports::create(req, env, s.as_ref().map(|s| &s.actor)).await,
        (Handler::Reports, Some(s)) => reports::list(&req, env, &s.actor).await,
        (Handler::Inbox, Some(s)) => inbox::inbox(&req, env, &s.actor).await,
        (Handler::MarkRead, Some(s)) => inbox::read(req, env, &s.actor).await,
        (Handler::UploadPhoto, Some(s)) => reports::upload_photo(req, env, &s.actor).await,
        (Handler::Photo, Some(s)) => reports::photo(&req, env, &s.actor, param).await,
        (Handler::ReportById, Some(s)) => reports::get(env, &s.actor, param).await,
        (Handler::SimilarReports, Some(s)) => reports::similar(&req, env, &s.actor).await,
        (Handler::Supervision, Some(s)) => reports::supervision(&req, env, &s.actor).await,
        (Handler::ReportLedger, Some(s)) => reports::ledger(&req, env, &s.actor).await,
        (Handler::FollowReport, Some(s)) => reports::follow(env, &s.actor, param).await,
        (Handler::ActOnReport, Some(s)) => reports::act(req, env, &s.actor, param).await,
        (Handler::GuideEntries, Some(s)) => guide::entries(&req, env, &s.actor).await,
        (Handler::ExportGuide, Some(s)) => guide::export_json(env, &s.actor).await,
        (Handler::ImportGuide, Some(s)) => guide::import_json(req, env, &s.actor).await,
        (Handler::ExportGuideCsv, Some(s)) => guide::export_csv(env, &s.actor).await,
        (Handler::ImportGuideCsv, Some(s)) => guide::import_csv(req, env, &s.actor).await,
        (Handler::MoveOut, Some(_)) => households::move_out(req, env, param).await,
        (Handler::IssueActivation, Some(s)) => {
            accounts::issue_activation(&req, env, &s.actor, param).await
        }
        (Handler::Redeem, _) => accounts::redeem(req, env).await,
        (Handler::Calendar, _) => deadline::calendar(&req, env).await,
        (Handler::SaveCalendarYear, Some(s)) => {
            deadline::save_year(req, env, &s.actor, param).await
        }
        (Handler::SaveCategoryClass, Some(s)) => {
            deadline::save_category_class(req, env, &s.actor, param).await
        }
        (Handler::OpenApi, _) => http::json_text_etag(&req, OPENAPI),
        (Handler::RuleBook, Some(_)) => points::rule_book(&req, env, param).await,
        (Handler::SaveRuleBook, Some(s)) => points::save_rule_book(req, env, &s.actor, param).await,
        (Handler::PointsRanking, Some(s)) => points::ranking(&req, env, &s.actor, param).await,
        (Handler::PointsBoard, Some(s)) => points::board(&req, env, &s.actor, param).await,
        (Handler::RecordAward, Some(s)) => points::record_award(req, env, &s.actor).await,
        (Handler::DecideAwards, Some(s)) => points::decide(req, env, &s.actor).await,
        (Handler::ObjectToAward, Some(s)) => points::object(req, env, &s.actor, param).await,
        (Handler::ReverseEntry, Some(s)) => points::reverse_entry(req, env, &s.actor, param).await,
        (Handler::Passbook, Some(_)) => points::passbook(&req, env, param).await,
        (Handler::HouseholdPass, Some(s)) => points::pass(env, &s.actor, param).await,
        (Handler::ShopGoods, Some(s)) => points::shop(&req, env, &s.actor, param).await,
        (Handler::SaveGoods, Some(s)) => points::save_goods(req, env, &s.actor, param).await,
        (Handler::RedeemPoints, Some(s)) => points::redeem(req, env, &s.actor, param).await,
        (Handler::ShopHouseholds, Some(s)) => {
            points::shop_households(&req, env, &s.actor, param).await
        }
        (Handler::ShopDay, Some(s)) => points::shop_day(&req, env, &s.actor, param).await,
        (Handler::ShopDayCsv, Some(s)) => points::shop_day_csv(&req, env, &s.actor, param).await,
        (Handler::ReverseRedemption, Some(s)) => {
            points::reverse_redemption(req, env, &s.actor, param).await
        }
        // `authorize` let a signed-in-only route through without a session: impossible.
        (
            Handler::SignOutEverywhere
            | Handler::Me
            | Handler::SetPassword
            | Handler::Household
            | Handler::IssueActivation
            | Handler::GridHouseholds
            | Handler::RegisterHousehold
            | Handler::EditHousehold
            | Handler::ImportGrids
            | Handler::ImportPeople
            | Handler::ImportHouseholds
            | Handler::ExportGrids
            | Handler::ExportPeople
            | Handler::ExportHouseholds
            | Handler::SetWorkPhone
            | Handler::MyData
            | Handler::IssueStaffActivation
            | Handler::RequestDeletion
            | Handler::DeletionRequests
            | Handler::Anonymise
            | Handler::AccessLog
            | Handler::AdminGrid
            | Handler::SaveGrid
            | Handler::SaveCalendarYear
            | Handler::SaveCategoryClass
            | Handler::StaffAccounts
            | Handler::StaffAccount
            | Handler::SaveAccount
            | Handler::Departments
            | Handler::SaveDepartment
            | Handler::MoveOut
            | Handler::SaveGuideItem
            | Handler::GuideVersions
            | Handler::GuideEntries
            | Handler::ReportById
            | Handler::SimilarReports
            | Handler::Supervision
            | Handler::ReportLedger
            | Handler::FollowReport
            | Handler::Reports
            | Handler::UploadPhoto
            | Handler::Inbox
            | Handler::MarkRead
            | Handler::Photo
            | Handler::ActOnReport
            | Handler::ExportGuide
            | Handler::ImportGuide
            | Handler::ExportGuideCsv
            | Handler::ImportGuideCsv
            | Handler::RuleBook
            | Handler::SaveRuleBook
            | Handler::PointsRanking
            | Handler::PointsBoard
            | Handler::RecordAward
            | Handler::DecideAwards
            | Handler::ObjectToAward
            | Handler::ReverseEntry
            | Handler::Passbook
            | Handler::HouseholdPass
            | Handler::ShopGoods
            | Handler::SaveGoods
            | Handler::RedeemPoints
            | Handler::ShopHouseholds
            | Handler::ShopDay
            | Handler::ShopDayCsv
            | Handler::ReverseRedemption,
            None,
        ) => Err(ApiError::NotSignedIn),
    }
}
