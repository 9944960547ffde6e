//! 办理时限: a report's clocks — set when it is filed, again on a new category or a
//! reopening (`clocks`) — and the scheduled job that records the deadlines it reaches
//! (`run`: due soon, overdue, unanswered; 督办), telling whoever holds each report and
//! their supervisor. Reaching a deadline never changes a report's state; it adds a record.

use crate::error::ApiError;
use crate::http::{json_body, json_no_store};
use crate::routes::Actor;
use crate::store::{ClockRun, Store};
use wangge_core::reports::deadline::{
    deadlines, Calendar, CalendarView, CalendarYearSave, CategoryClassSave, Day, DeadlineClass,
    Deadlines,
};
use worker::{Date, Env, Request, Response};

/// Reports recorded per clock and run (a run every five minutes catches up quickly, and
/// one run stays small).
pub const PER_RUN: usize = 500;

/// The calendar of `from`'s year and the next (a deadline spans weeks at most).
pub async fn calendar_near(store: &Store, from: i64) -> Result<Calendar, ApiError> {
    let year = Day::of_ms(from).ymd().0;
    let rows = store.calendar_years(year, year + 1).await?;
    Ok(Calendar::new(
        rows.into_iter()
            .filter_map(|d| Some((Day::parse(&d.day)?, d.kind))),
    ))
}

/// The deadlines of a report of `category` whose clock starts at `from`.
pub async fn clocks(store: &Store, category: &str, from: i64) -> Result<Deadlines, ApiError> {
    let class = store
        .deadline_class(category)
        .await?
        .and_then(|c| DeadlineClass::parse(&c))
        .unwrap_or(DeadlineClass::General);
    Ok(deadlines(class, from, &calendar_near(store, from).await?))
}

/// The scheduled run at `now` (the event's scheduled time: deterministic in tests).
pub async fn run(env: &Env, now: i64) -> Result<ClockRun, ApiError> {
    Store::new(env)?.record_clocks(now, PER_RUN).await
}

/// `GET /api/v1/calendar?year=`: the listed dates of a year (this one by default) and the
/// next, and whether the next is published yet.
pub async fn calendar(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let year = match req.url()?.query_pairs().find(|(k, _)| k == "year") {
        Some((_, v)) => v
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or_else(|| ApiError::BadRequest(format!("year={v}")))?,
        None => Day::of_ms(Date::now().as_millis() as i64).ymd().0,
    };
    let rows = Store::new(env)?.calendar_years(year, year + 1).await?;
    let published: Vec<i32> = [year, year + 1]
        .into_iter()
        .filter(|y| rows.iter().any(|r| r.day.starts_with(&format!("{y:04}-"))))
        .collect();
    let view = CalendarView {
        year,
        missing: (!published.contains(&(year + 1))).then_some(year + 1),
        published,
        days: rows,
    };
    json_no_store(&view)
}

/// `PUT /api/v1/admin/calendar/{year}` (a county's administrators: the notice is the
/// State Council's, the same for every township): the year's listed dates, all replaced.
/// Deadlines set from now on follow it; those already set stay.
pub async fn save_year(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    year: &str,
) -> Result<Response, ApiError> {
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let year: i32 = year
        .parse()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or_else(|| ApiError::BadRequest(format!("year {year}")))?;
    let body: CalendarYearSave = json_body(&mut req).await?;
    let problems = body.problems(year);
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let store = Store::new(env)?;
    store
        .replace_calendar_year(year, &body.days, Date::now().as_millis() as i64)
        .await?;
    calendar_of(&store, year).await
}

/// `PUT /api/v1/admin/report-categories/{code}` (a county's administrators: the category
/// tree is the county's): a second-level category's deadline class. Reports filed (or
/// recategorised, or reopened) from now on follow it; deadlines already set stay.
pub async fn save_category_class(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    code: &str,
) -> Result<Response, ApiError> {
    if !actor.administers_county() {
        return Err(ApiError::Forbidden);
    }
    let body: CategoryClassSave = json_body(&mut req).await?;
    let store = Store::new(env)?;
    if !store
        .set_deadline_class(code, body.deadline_class.as_str())
        .await?
    {
        return Err(ApiError::CategoryNotFound);
    }
    json_no_store(&body)
}

async fn calendar_of(store: &Store, year: i32) -> Result<Response, ApiError> {
    let days = store.calendar_years(year, year).await?;
    json_no_store(&CalendarYearSave { days })
}
