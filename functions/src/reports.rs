//! 报事: the category tree, filing a report (offline-safe: the phone's UUIDv7 is its id and
//! idempotency key), reading one with its timeline, and acting on it. Every transition is
//! decided by core's state machine from the capacities (`Party`) the actor holds towards
//! this report, and lands only on the version it was decided on.

use crate::error::ApiError;
use crate::http::{body_with_hash, json_etag, json_no_store};
use crate::routes::Actor;
use crate::store::{NewAction, NoticeOf, Notices, ReportLine, ReportQuery, ReportRow, Store};
use wangge_core::accounts::{AccountRole, Scope};
use wangge_core::grids::{GridCode, GridLevel};
use wangge_core::problem::Detail;
use wangge_core::reports::deadline::Day;
use wangge_core::reports::deadline::{urgency, DeadlineClass, Urgency};
use wangge_core::reports::errand::{self, Errand};
use wangge_core::reports::ledger::{ledger_csv, LedgerLine};
use wangge_core::reports::machine::{self, Party, Position, Refusal};
use wangge_core::reports::photo::{strip_jpeg_metadata, PhotoError, MAX_PHOTO_BYTES};
use wangge_core::reports::supervision::{
    pressing, Clock as SupervisionClock, Due, SupervisionLine, SupervisionPage, SupervisionRecord,
};
use wangge_core::reports::{
    cursor_of, excerpt, parse_cursor, private_category, valid_photo_key, works_reports_under,
    ActionKind, ActionRecord, ActionRequest, Category, Level, NewReport, PhotoKey, Report,
    ReportPage, ReportState, ReportSummary, PAGE_SIZE, SIMILAR_DAYS, SIMILAR_MAX,
};
use worker::{Date, Env, Request, Response};

const DAY_MS: i64 = 86_400_000;

fn now() -> i64 {
    Date::now().as_millis() as i64
}

/// `GET /api/v1/report-categories`: the tree, first level then each one's children.
pub async fn categories(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let list: Vec<Category> = Store::new(env)?
        .report_categories()
        .await?
        .into_iter()
        .map(|r| Category {
            code: r.code,
            parent: r.parent,
            name_zh: r.name_zh,
            name_en: r.name_en,
            deadline_class: DeadlineClass::parse(&r.deadline_class)
                .unwrap_or(DeadlineClass::General),
        })
        .collect();
    json_etag(req, &list)
}

/// `GET /report-departments`: the active departments, for the dispatcher's choice.
pub async fn departments(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let list = Store::new(env)?.active_departments().await?;
    json_etag(req, &list)
}

/// The capacities `actor` holds towards report `r`, each with the role that gives it.
fn parties(actor: Option<&Actor>, r: &ReportRow) -> Vec<(Party, AccountRole)> {
    let Some(actor) = actor else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let own_household = r.household_id.is_some() && actor.household == r.household_id;
    let filed_it = r.on_behalf == 0 && r.reporter_id.as_deref() == Some(actor.account_id.as_str());
    if own_household || filed_it {
        out.push((Party::Reporter, AccountRole::Resident));
    }
    for g in &actor.roles {
        let covers =
            matches!(&g.scope, Scope::Grid(root) if r.grid_code.starts_with(root.as_str()));
        let village_up = matches!(&g.scope, Scope::Grid(root)
            if root.len() <= wangge_core::reports::VILLAGE_CODE_LEN);
        let party = match g.role {
            AccountRole::GridWorker | AccountRole::GridLeader if covers => Some(Party::Grid),
            _ => None,
        };
        out.extend(party.map(|p| (p, g.role)));
        let party = match g.role {
            AccountRole::GridLeader | AccountRole::GridInstructor if covers && village_up => {
                Some(Party::Village)
            }
            AccountRole::Dispatcher if covers => Some(Party::Dispatcher),
            AccountRole::DepartmentHandler if matches!(&g.scope, Scope::Department(d) if r.department_id.as_deref() == Some(d.as_str())) => {
                Some(Party::Handler)
            }
            _ => None,
        };
        out.extend(party.map(|p| (p, g.role)));
    }
    out
}

/// New deadlines on `r`; a clock that moved may be recorded again.
fn set_clocks(r: &mut ReportRow, d: &wangge_core::reports::deadline::Deadlines) {
    if r.resolve_by != d.resolve_by {
        r.due_flag = None;
    }
    if r.respond_by != d.respond_by {
        r.respond_flag = None;
    }
    r.respond_by = d.respond_by;
    r.resolve_by = d.resolve_by;
    r.deadline_fallback = u8::from(d.fallback);
}

/// Whether `actor` is grid staff (worker or leader) over grid `grid`.
fn serves_grid(actor: &Actor, grid: &str) -> bool {
    actor.roles.iter().any(|g| {
        matches!(g.role, AccountRole::GridWorker | AccountRole::GridLeader)
            && matches!(&g.scope, Scope::Grid(root) if grid.starts_with(root.as_str()))
    })
}

fn is_staff(ps: &[(Party, AccountRole)]) -> bool {
    ps.iter().any(|(p, _)| *p != Party::Reporter)
}

fn state_of(s: &str) -> Result<ReportState, ApiError> {
    ReportState::parse(s).ok_or_else(|| ApiError::Storage(format!("report state {s}")))
}

fn level_of(s: &str) -> Result<Level, ApiError> {
    Level::parse(s).ok_or_else(|| ApiError::Storage(format!("report level {s}")))
}

/// Where the report stands, as the state machine reads it.
fn position_of(r: &ReportRow) -> Result<Position, ApiError> {
    Ok(Position {
        state: state_of(&r.state)?,
        level: level_of(&r.level)?,
        resolved_at: r.resolved_at,
        errand: r.errand.as_ref().map(|_| r.errand_step.unwrap_or(0)),
    })
}

/// The errand a report carries, with its progress.
fn errand_of(r: &ReportRow) -> Result<Option<Errand>, ApiError> {
    let Some(json) = &r.errand else {
        return Ok(None);
    };
    let mut e: Errand =
        serde_json::from_str(json).map_err(|e| ApiError::Storage(format!("report errand: {e}")))?;
    e.step = r.errand_step.unwrap_or(0);
    Ok(Some(e))
}

fn json_list(s: &str) -> Result<Vec<String>, ApiError> {
    serde_json::from_str(s).map_err(|e| ApiError::Storage(format!("report list: {e}")))
}

/// The report as `ps` may see it: staff read the internal notes and the contact phone,
/// residents the public timeline.
async fn view(
    store: &Store,
    r: &ReportRow,
    ps: &[(Party, AccountRole)],
    at: i64,
) -> Result<Report, ApiError> {
    let staff = is_staff(ps);
    let mut timeline = Vec::new();
    for a in store.report_actions(&r.id, r.version).await? {
        let role = a.role.as_deref().and_then(AccountRole::parse);
        let by = match (role, a.by_name) {
            (Some(AccountRole::Resident) | None, _)
                if a.action == "submit" && r.reporter_id.is_none() =>
            {
                "匿名".to_owned()
            }
            (Some(AccountRole::Resident), _) => "居民".to_owned(),
            (_, Some(name)) => name,
            (_, None) => "系统".to_owned(),
        };
        timeline.push(ActionRecord {
            version: a.version,
            action: ActionKind::parse(&a.action)
                .ok_or_else(|| ApiError::Storage(format!("action {}", a.action)))?,
            by,
            role,
            at: a.at,
            from: state_of(&a.from_state)?,
            to: state_of(&a.to_state)?,
            public_text: a.public_text,
            internal_text: staff.then_some(a.internal_text),
            photos: json_list(&a.photos)?,
            department: a.department_id,
            category: a.category,
            rating: a.rating,
        });
    }
    let position = position_of(r)?;
    let party_list: Vec<Party> = ps.iter().map(|(p, _)| *p).collect();
    Ok(Report {
        id: r.id.clone(),
        category: r.category.clone(),
        text: r.text.clone(),
        grid: r.grid_code.clone(),
        location: serde_json::from_str(&r.location)
            .map_err(|e| ApiError::Storage(format!("report location: {e}")))?,
        photos: json_list(&r.photos)?,
        state: position.state,
        level: position.level,
        department: r.department_id.clone(),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
        resolved_at: r.resolved_at,
        rating: r.rating,
        anonymous: r.reporter_id.is_none(),
        on_behalf: r.on_behalf == 1,
        merged_into: r.merged_into.clone(),
        contact: if staff { r.contact.clone() } else { None },
        respond_by: r.respond_by,
        resolve_by: r.resolve_by,
        deadline_fallback: r.deadline_fallback == 1,
        due: due_now(r, position.state, at),
        errand: errand_of(r)?,
        timeline,
        allowed: machine::allowed(position, &party_list, at),
    })
}

/// How the report stands against its clocks at `at` (none once its work is done): the
/// resolve clock, or while nobody has responded, whichever is more pressing.
fn due_now(r: &ReportRow, state: ReportState, at: i64) -> Option<Urgency> {
    if !machine::CLOCKED.contains(&state) {
        return None;
    }
    let resolve = r.resolve_by.map(|by| urgency(by, by - r.created_at, at));
    let respond = r
        .respond_by
        .filter(|_| r.responded_at.is_none())
        .map(|by| urgency(by, by - r.created_at, at));
    resolve.into_iter().chain(respond).max_by_key(|u| match u {
        Urgency::OnTime => 0,
        Urgency::DueSoon => 1,
        Urgency::Overdue => 2,
    })
}

fn invalid(field: &str, zh: &str, en: &str) -> ApiError {
    ApiError::Invalid(vec![Detail {
        line: None,
        field: Some(field.to_owned()),
        message_zh: zh.to_owned(),
        message_en: en.to_owned(),
    }])
}

/// The answer to a report already filed under this id: the report (201) if the body is
/// the same, 409 if not; `None` if the id is new.
async fn replay_report(
    store: &Store,
    actor: Option<&Actor>,
    id: &str,
    body_hash: &str,
) -> Result<Option<Response>, ApiError> {
    let Some(row) = store.report(id).await? else {
        return Ok(None);
    };
    if row.body_hash != body_hash {
        return Err(ApiError::IdempotencyConflict);
    }
    let ps = parties(actor, &row);
    let report = view(store, &row, &ps, now()).await?;
    let resp = json_no_store(&report)?.with_status(201);
    resp.headers().set("Idempotent-Replay", "true")?;
    Ok(Some(resp))
}

/// `POST /api/v1/reports`: files a report — a resident for their household, a grid worker
/// for a household (代报) or from patrol, or anyone without signing in with a phone to call
/// back (then it waits for the grid worker). Sent again with the same id and body, it
/// answers as the first time; with another body, 409.
/// Reports filed without an account from one address per 15 minutes (the sign-in
/// throttle's window).
const MAX_ANONYMOUS_PER_ADDRESS: usize = 5;

pub async fn create(
    mut req: Request,
    env: &Env,
    actor: Option<&Actor>,
) -> Result<Response, ApiError> {
    let (new, body_hash) = body_with_hash::<NewReport>(&mut req).await?;
    let store = Store::new(env)?;
    if let Some(answer) = replay_report(&store, actor, &new.id, &body_hash).await? {
        return Ok(answer);
    }
    let problems = new.problems();
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    // An errand is run for a household, whose member asks for it signed in.
    if new.errand.is_some() && actor.is_none() {
        return Err(ApiError::NotSignedIn);
    }
    // Filing without an account is open to anyone, so it is counted per address (a retry
    // of the same report was answered above and does not count).
    if actor.is_none() {
        let key = format!("anon-report:{}", crate::accounts::client_address(&req));
        crate::accounts::Attempt::begin(&store, &[(key, MAX_ANONYMOUS_PER_ADDRESS)], now()).await?;
    }
    // Whose report it is, and where it belongs. A named household is for grid staff over
    // that household's grid only (代报), and a refusal says nothing about whether it exists.
    let household_id = match (&new.household, actor) {
        (Some(h), Some(_)) => Some(h.clone()),
        (Some(_), None) => return Err(ApiError::Forbidden),
        (None, Some(a)) => a.household.clone(),
        (None, None) => None,
    };
    let household_grid = match &household_id {
        Some(h) => {
            let grid = store.household(h).await?.map(|x| x.grid_code);
            if new.household.is_some()
                && !grid
                    .as_deref()
                    .is_some_and(|g| actor.is_some_and(|a| serves_grid(a, g)))
            {
                return Err(ApiError::Forbidden);
            }
            Some(grid.ok_or(ApiError::HouseholdNotFound)?)
        }
        None => None,
    };
    // Staff filing for a household choose among their own grids only.
    if let (Some(_), Some(g), Some(a)) = (&new.household, &new.grid, actor) {
        if !serves_grid(a, g) {
            return Err(ApiError::Forbidden);
        }
    }
    let grid = match (&new.grid, household_grid) {
        (Some(g), _) => g.clone(),
        (None, Some(g)) => g,
        (None, None) => {
            return Err(invalid(
                "grid",
                "请选择问题所在的网格",
                "choose the grid where the problem is",
            ))
        }
    };
    let code = GridCode::parse(&grid).map_err(|_| ApiError::GridCodeMalformed)?;
    if code.level() != GridLevel::Grid || !store.grid_exists(code.as_str()).await? {
        return Err(invalid(
            "grid",
            "请选择一个在用的基础网格",
            "choose an active base grid",
        ));
    }
    if !store.fileable_category(&new.category).await? {
        return Err(invalid("category", "请选择问题类别", "choose a category"));
    }
    check_photos(&store, actor, &new.id, &new.photos).await?;
    let errand = match &new.errand {
        Some(asked) => Some(errand_for(&store, asked, household_id.is_some()).await?),
        None => None,
    };
    let filed_at = now();
    let clock = crate::deadline::clocks(&store, &new.category, filed_at).await?;
    let draft = ReportRow {
        id: new.id.clone(),
        body_hash,
        category: new.category.clone(),
        text: new.text.trim().to_owned(),
        grid_code: grid.clone(),
        location: serde_json::to_string(&new.location)?,
        photos: serde_json::to_string(&new.photos)?,
        state: String::new(),
        level: Level::Grid.as_str().to_owned(),
        department_id: None,
        version: 1,
        created_at: filed_at,
        updated_at: filed_at,
        resolved_at: None,
        rating: None,
        reporter_id: actor.map(|a| a.account_id.clone()),
        household_id: household_id.clone(),
        contact: None,
        on_behalf: 0,
        merged_into: None,
        respond_by: clock.respond_by,
        resolve_by: clock.resolve_by,
        deadline_fallback: u8::from(clock.fallback),
        responded_at: None,
        due_flag: None,
        respond_flag: None,
        errand_step: errand.as_ref().map(|_| 0),
        errand: errand.map(|e| serde_json::to_string(&e)).transpose()?,
        via: None,
    };
    let staff_here = parties(actor, &draft)
        .into_iter()
        .find(|(p, _)| *p == Party::Grid);
    let (state, role, on_behalf, contact) = match (actor, &new.household, staff_here) {
        // No account: a phone to call back, and the grid worker's acceptance first.
        (None, _, _) => {
            let Some(contact) = new.contact.clone() else {
                return Err(invalid(
                    "contact",
                    "不登录报事时，请留一个能打通的电话",
                    "without signing in, leave a phone number to call back",
                ));
            };
            (ReportState::Pending, None, 0, Some(contact))
        }
        // The grid's own staff: the grid has it already (代报 for a household, or patrol).
        // Either way the staff member is not its reporter (no rating one's own work).
        (Some(_), _, Some((_, role))) => (ReportState::Accepted, Some(role), 1, None),
        // Only a household's own members file for it.
        (Some(_), Some(_), None) => return Err(ApiError::Forbidden),
        (Some(a), None, None) if a.household.is_some() => {
            (ReportState::Submitted, Some(AccountRole::Resident), 0, None)
        }
        // Staff away from their grid file as anyone would: the grid takes it in.
        (Some(_), None, None) => (ReportState::Submitted, None, 0, None),
    };
    let row = ReportRow {
        state: state.as_str().to_owned(),
        on_behalf,
        contact,
        // Filed by the grid's own staff: the grid has responded already.
        responded_at: (on_behalf == 1).then_some(filed_at),
        ..draft
    };
    let first = NewAction {
        report_id: &row.id,
        version: 1,
        id: &row.id,
        body_hash: &row.body_hash,
        action: ActionKind::Submit.as_str(),
        account_id: actor.map(|a| a.account_id.as_str()),
        role: role.map(AccountRole::as_str),
        at: row.created_at,
        from_state: state.as_str(),
        to_state: state.as_str(),
        public_text: match (on_behalf, &row.household_id) {
            (1, Some(_)) => "网格员代报",
            (1, None) => "网格员巡查上报",
            _ => "",
        },
        internal_text: "",
        photos: &row.photos,
        department_id: None,
        category: Some(&row.category),
        rating: None,
    };
    let notices = notices_of(&row, &first, actor.map(|a| a.account_id.as_str()));
    match store.file_report(&row, &first, &notices).await {
        Ok(()) => {
            let ps = parties(actor, &row);
            let report = view(&store, &row, &ps, now()).await?;
            Ok(json_no_store(&report)?.with_status(201))
        }
        // Its twin won the race: answer as the twin was answered.
        Err(ApiError::AlreadyExists) => replay_report(&store, actor, &new.id, &row.body_hash)
            .await?
            .ok_or(ApiError::AlreadyExists),
        Err(e) => Err(e),
    }
}

/// The errand `asked` for a household: the guide item must be published and one a grid
/// worker can run; the errand keeps it as it is now.
async fn errand_for(
    store: &Store,
    asked: &errand::ErrandRequest,
    for_household: bool,
) -> Result<Errand, ApiError> {
    if !for_household {
        return Err(invalid(
            "errand",
            "代办要以一户的名义提出",
            "an errand is asked for a household",
        ));
    }
    let item = match store.guide_item(&asked.guide).await? {
        Some(row) if row.withdrawn == 0 => {
            let item: wangge_core::guide::GuideItem = serde_json::from_str(&row.body)
                .map_err(|e| ApiError::Storage(format!("guide item: {e}")))?;
            Some(item).filter(|i| i.errand)
        }
        _ => None,
    };
    let item = item.ok_or_else(|| {
        invalid(
            "errand",
            "这个事项不能代办，请看办事指南自己办理",
            "this item cannot be run as an errand; see the guide to do it yourself",
        )
    })?;
    Ok(Errand::of(&item, &asked.ready))
}

/// Who hears of `a`, which left the report as `r` (core decides; the store finds them).
pub(crate) fn notices_of<'a>(
    r: &'a ReportRow,
    a: &'a NewAction<'a>,
    actor: Option<&'a str>,
) -> Notices<'a> {
    let state = ReportState::parse(&r.state).unwrap_or(ReportState::Submitted);
    let level = Level::parse(&r.level).unwrap_or(Level::Grid);
    let action = ActionKind::parse(a.action).unwrap_or(ActionKind::Note);
    Notices {
        of: NoticeOf {
            action_id: a.id,
            actor,
            report_id: &r.id,
            grid: &r.grid_code,
            department: r.department_id.as_deref(),
            household: r.household_id.as_deref(),
            reporter: r.reporter_id.as_deref().filter(|_| r.on_behalf == 0),
            excerpt: &r.text,
            at: a.at,
        },
        to: wangge_core::inbox::audiences(action, state, level),
    }
}

/// `GET /api/v1/reports/{id}`: the report with its timeline, for whoever is involved in it.
pub async fn get(env: &Env, actor: &Actor, id: &str) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let row = store.report(id).await?.ok_or(ApiError::ReportNotFound)?;
    let ps = parties(Some(actor), &row);
    // A follower reads what a resident reads, and may do nothing.
    if ps.is_empty() && !store.follows(id, &actor.account_id).await? {
        return Err(ApiError::Forbidden);
    }
    json_no_store(&view(&store, &row, &ps, now()).await?)
}

/// `POST /api/v1/reports/{id}/actions`: one transition or note, decided on `version`.
/// The same action id again answers with the report as it is (a retry); a stale version
/// is 409 `version_conflict`; a move the state machine refuses is 409
/// `illegal_transition` with the current state, or 403 if it is never this person's.
pub async fn act(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    id: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let row = store.report(id).await?.ok_or(ApiError::ReportNotFound)?;
    // Whether this is the actor's report at all comes before anything they sent; but one's
    // own action again (its answer was lost) is answered even if it took the report out
    // of one's hands (a return).
    let mine = !parties(Some(actor), &row).is_empty();
    let (a, body_hash) = match body_with_hash::<ActionRequest>(&mut req).await {
        Ok(x) => x,
        Err(e) if mine => return Err(e),
        Err(_) => return Err(ApiError::Forbidden),
    };
    let recorded = store.recorded_action(&a.id).await?;
    let own_retry = recorded
        .as_ref()
        .is_some_and(|d| d.account_id.as_deref() == Some(actor.account_id.as_str()));
    if !mine && !own_retry {
        return Err(ApiError::Forbidden);
    }
    let replay = |row: ReportRow| {
        let store = &store;
        async move {
            let ps = parties(Some(actor), &row);
            let resp = json_no_store(&view(store, &row, &ps, now()).await?)?;
            resp.headers().set("Idempotent-Replay", "true")?;
            Ok::<Response, ApiError>(resp)
        }
    };
    if let Some(done) = recorded {
        if done.report_id != id || done.body_hash != body_hash {
            return Err(ApiError::IdempotencyConflict);
        }
        return replay(row).await;
    }
    let problems = a.problems();
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let ps = parties(Some(actor), &row);
    let from = position_of(&row)?;
    // Decided before the scheduled job recorded a deadline (a system record raises the
    // version, changing nothing anyone decides on): still on time.
    let system_since =
        a.version < row.version && store.only_system_records_since(&row.id, a.version).await?;
    if a.version != row.version && !system_since {
        return Err(ApiError::VersionConflict {
            state: from.state,
            version: row.version,
        });
    }
    let at = now();
    let party_list: Vec<Party> = ps.iter().map(|(p, _)| *p).collect();
    let to = machine::next(from, a.action, &party_list, at).map_err(|r| match r {
        Refusal::NotYours => ApiError::Forbidden,
        Refusal::Illegal => ApiError::IllegalTransition { state: from.state },
    })?;
    let by = machine::acting(from, a.action, &party_list, at);
    let role = ps
        .iter()
        .find(|(p, _)| Some(*p) == by)
        .map(|(_, role)| *role);
    let mut next = ReportRow {
        state: to.state.as_str().to_owned(),
        level: to.level.as_str().to_owned(),
        version: row.version + 1,
        updated_at: at,
        resolved_at: to.resolved_at,
        errand_step: to.errand,
        ..row.clone()
    };
    // The first step by staff answers the respond clock.
    if row.responded_at.is_none()
        && by.is_some_and(|p| !matches!(p, Party::Reporter | Party::System))
    {
        next.responded_at = Some(at);
    }
    match a.action {
        ActionKind::Dispatch => {
            let dept = a.department.clone().unwrap_or_default();
            if !store.department_serves(&dept, &row.grid_code).await? {
                return Err(invalid(
                    "department",
                    "请选择一个服务本地、在用的部门",
                    "choose an active department that serves this place",
                ));
            }
            next.department_id = Some(dept);
        }
        ActionKind::Confirm => next.rating = a.rating,
        // Back with the dispatcher: the department no longer holds it (the record keeps
        // which department sent it back).
        ActionKind::Return => next.department_id = None,
        // A new answer is awaited; the old rating no longer stands; the clocks start again.
        ActionKind::Reopen => {
            next.rating = None;
            let clock = crate::deadline::clocks(&store, &row.category, at).await?;
            set_clocks(&mut next, &clock);
            next.responded_at = None;
        }
        ActionKind::Merge => {
            let into = a.into.clone().unwrap_or_default();
            let target = store.report(&into).await?;
            let usable = target.is_some_and(|t| {
                t.merged_into.is_none()
                    && ReportState::parse(&t.state).is_some_and(|s| !s.is_final())
                    && !parties(Some(actor), &t).is_empty()
            });
            if into == row.id || !usable {
                return Err(invalid(
                    "into",
                    "请选择另一条未合并的报事",
                    "choose another report, not itself merged",
                ));
            }
            next.merged_into = Some(into);
        }
        ActionKind::Recategorize => {
            let category = a.category.clone().unwrap_or_default();
            // An errand comes from the guide only.
            if category == errand::CATEGORY || !store.fileable_category(&category).await? {
                return Err(invalid("category", "请选择问题类别", "choose a category"));
            }
            next.category = category;
            // Another class of matter, other deadlines (still from when it was filed).
            let clock = crate::deadline::clocks(&store, &next.category, row.created_at).await?;
            set_clocks(&mut next, &clock);
            // Back with the dispatcher: the new category may need another department.
            if to.state == ReportState::Escalated {
                next.department_id = None;
            }
        }
        _ => {}
    }
    // Photos come with what shows the problem or its fixing, not with every note.
    let with_photos = matches!(
        a.action,
        ActionKind::AddPhotos | ActionKind::HandleOnSpot | ActionKind::Resolve
    );
    if !a.photos.is_empty() && !with_photos {
        return Err(invalid(
            "photos",
            "这一步不能附照片，请用“补充照片”",
            "photos go with add-photos, handling or resolving",
        ));
    }
    if !a.photos.is_empty() {
        let mut photos = json_list(&row.photos)?;
        photos.extend(a.photos.iter().cloned());
        if photos.len() > 2 * wangge_core::reports::MAX_PHOTOS {
            return Err(invalid(
                "photos",
                "这条报事的照片已经够多了",
                "this report has enough photos",
            ));
        }
        next.photos = serde_json::to_string(&photos)?;
    }
    check_photos(&store, Some(actor), &row.id, &a.photos).await?;
    let photos = serde_json::to_string(&a.photos)?;
    let record = NewAction {
        report_id: &row.id,
        version: next.version,
        id: &a.id,
        body_hash: &body_hash,
        action: a.action.as_str(),
        account_id: Some(&actor.account_id),
        role: role.map(AccountRole::as_str),
        at,
        from_state: &row.state,
        to_state: &next.state,
        public_text: a.text.trim(),
        // Residents have no internal notes.
        internal_text: if is_staff(&ps) {
            a.internal_text.trim()
        } else {
            ""
        },
        photos: &photos,
        department_id: match a.action {
            ActionKind::Dispatch => next.department_id.as_deref(),
            ActionKind::Return => row.department_id.as_deref(),
            _ => None,
        },
        category: (a.action == ActionKind::Recategorize).then_some(next.category.as_str()),
        rating: a.rating.filter(|_| a.action == ActionKind::Confirm),
    };
    let notices = notices_of(&next, &record, Some(&actor.account_id));
    match store.act(&next, &record, &notices).await {
        Ok(()) => {
            let ps = parties(Some(actor), &next);
            json_no_store(&view(&store, &next, &ps, at).await?)
        }
        Err(ApiError::AlreadyExists) => match store.recorded_action(&a.id).await? {
            // This very action, sent twice at once: the twin landed.
            Some(done) if done.body_hash == body_hash => {
                let row = store.report(id).await?.ok_or(ApiError::ReportNotFound)?;
                replay(row).await
            }
            // Another action landed on this version first.
            _ => {
                let now_row = store.report(id).await?.ok_or(ApiError::ReportNotFound)?;
                Err(ApiError::VersionConflict {
                    state: state_of(&now_row.state)?,
                    version: now_row.version,
                })
            }
        },
        Err(e) => Err(e),
    }
}

/// A query parameter, if given and not empty.
fn query_param(url: &worker::Url, k: &str) -> Option<String> {
    url.query_pairs()
        .find(|(key, _)| key == k)
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}

/// `GET /api/v1/reports?status=&grid=&category=&department=&from=&to=&cursor=`: newest
/// first, only what the reader is involved in: a resident their household's, staff their
/// grids', a handler their department's. `status` may list several states (comma).
pub async fn list(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let url = req.url()?;
    let param = |k: &str| query_param(&url, k);
    let bad = |what: &str| ApiError::BadRequest(format!("{what} is not one this list knows"));
    let mut q = ReportQuery {
        limit: PAGE_SIZE + 1,
        ..ReportQuery::default()
    };
    for g in &actor.roles {
        match (&g.role, &g.scope) {
            (role, Scope::Grid(root)) if works_reports_under(*role, root) => {
                q.roots.push(root.clone())
            }
            (AccountRole::DepartmentHandler, Scope::Department(d)) => q.departments.push(d.clone()),
            _ => {}
        }
    }
    q.household = actor.household.clone();
    // What one filed for oneself carries one's household, if one has one.
    if actor.household.is_none() {
        q.reporter = Some(actor.account_id.clone());
    }
    if let Some(s) = param("status") {
        for state in s.split(',') {
            ReportState::parse(state).ok_or_else(|| bad("status"))?;
            q.states.push(state.to_owned());
        }
    }
    if let Some(g) = param("grid") {
        q.grid = Some(
            GridCode::parse(&g)
                .map_err(|_| ApiError::GridCodeMalformed)?
                .as_str()
                .to_owned(),
        );
    }
    // Overdue and due-soon reports are listed by `GET /reports/supervision`.
    if param("overdue").is_some() {
        return Err(ApiError::BadRequest(
            "overdue reports are listed at /reports/supervision?due=overdue".into(),
        ));
    }
    q.category = param("category");
    q.department = param("department");
    let time = |k: &str| -> Result<Option<i64>, ApiError> {
        param(k)
            .map(|v| v.parse::<i64>().map_err(|_| bad(k)))
            .transpose()
    };
    q.from = time("from")?;
    q.to = time("to")?;
    if let Some(c) = param("cursor") {
        q.after = Some(parse_cursor(&c).ok_or_else(|| bad("cursor"))?);
    }
    let mut lines = Store::new(env)?.reports(&q).await?;
    let cursor = if lines.len() > PAGE_SIZE {
        lines.truncate(PAGE_SIZE);
        lines.last().map(|l| cursor_of(l.created_at, &l.id))
    } else {
        None
    };
    let items = lines
        .into_iter()
        .map(summary_of)
        .collect::<Result<Vec<_>, ApiError>>()?;
    json_no_store(&ReportPage { items, cursor })
}

fn summary_of(l: ReportLine) -> Result<ReportSummary, ApiError> {
    Ok(ReportSummary {
        excerpt: excerpt(&l.text, 80),
        state: state_of(&l.state)?,
        level: level_of(&l.level)?,
        anonymous: l.reporter_id.is_none(),
        on_behalf: l.on_behalf == 1,
        id: l.id,
        category: l.category,
        grid: l.grid_code,
        department: l.department_id,
        version: l.version,
        created_at: l.created_at,
        updated_at: l.updated_at,
    })
}

/// The grid subtrees whose reports the actor works (grid staff, instructors from the
/// village up, dispatchers); none is 403.
fn worked_roots(actor: &Actor) -> Result<Vec<String>, ApiError> {
    let roots: Vec<String> = actor
        .roles
        .iter()
        .filter_map(|g| match &g.scope {
            Scope::Grid(root) if works_reports_under(g.role, root) => Some(root.clone()),
            _ => None,
        })
        .collect();
    if roots.is_empty() {
        return Err(ApiError::Forbidden);
    }
    Ok(roots)
}

/// `GET /api/v1/reports/supervision?due=overdue|due_soon&cursor=`: 督办 — the open
/// reports past (or near) a deadline in the grid subtrees the reader works, most pressing
/// first, each with its supervision records. For those who hold or oversee reports by
/// grid (grid staff, instructors, dispatchers); a department's handlers read theirs in
/// their queue and inbox.
pub async fn supervision(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let url = req.url()?;
    let param = |k: &str| query_param(&url, k);
    let due = match param("due") {
        None => Due::Overdue,
        Some(d) => Due::parse(&d)
            .ok_or_else(|| ApiError::BadRequest("due is due_soon or overdue".into()))?,
    };
    let roots = worked_roots(actor)?;
    let after = match param("cursor") {
        Some(c) => Some(parse_cursor(&c).ok_or_else(|| ApiError::BadRequest("cursor".into()))?),
        None => None,
    };
    let store = Store::new(env)?;
    let mut lines = store
        .flagged_reports(&roots, due, after.as_ref(), PAGE_SIZE + 1)
        .await?;
    let cursor = (lines.len() > PAGE_SIZE).then(|| {
        lines.truncate(PAGE_SIZE);
        lines
            .last()
            .map(|l| cursor_of(l.due_key, &l.line.id))
            .unwrap_or_default()
    });
    let ids: Vec<&str> = lines.iter().map(|l| l.line.id.as_str()).collect();
    let records = store.supervision_records(&ids).await?;
    let mut items = Vec::with_capacity(lines.len());
    for l in lines {
        let unanswered = l.respond_flag.is_some() && l.responded_at.is_none();
        let (clock, deadline) = pressing(l.respond_by, l.resolve_by, unanswered)
            .unwrap_or((SupervisionClock::Resolve, l.due_key));
        let mine = records
            .iter()
            .filter(|r| r.report_id == l.line.id)
            .filter_map(|r| {
                Some(SupervisionRecord {
                    action: ActionKind::parse(&r.action)?,
                    at: r.at,
                })
            })
            .collect();
        items.push(SupervisionLine {
            report: summary_of(l.line)?,
            clock,
            deadline,
            records: mine,
        });
    }
    json_no_store(&SupervisionPage {
        items,
        cursor,
        now: now(),
    })
}

/// Most reports one ledger holds (a township files a few thousand a year; one request's
/// CPU is the limit): a wider range is refused with a word to narrow it, not cut short.
const LEDGER_MAX: usize = 5_000;
/// Reports read per query while writing a ledger.
const LEDGER_PAGE: usize = 1_000;

/// `GET /api/v1/reports/ledger.csv?grid=&from=YYYY-MM-DD&to=YYYY-MM-DD`: 台账 — the reports
/// of a grid subtree the reader works (default: all of theirs) filed from `from` to `to`
/// (Beijing dates, both included; default: this month so far), as CSV for Excel, grouped
/// 已解决 / 待解决 / 难解决.
pub async fn ledger(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let url = req.url()?;
    let param = |k: &str| query_param(&url, k);
    let roots = worked_roots(actor)?;
    let subtrees: Vec<String> = match param("grid") {
        Some(g) => {
            let code = GridCode::parse(&g).map_err(|_| ApiError::GridCodeMalformed)?;
            if !roots.iter().any(|r| code.as_str().starts_with(r.as_str())) {
                return Err(ApiError::Forbidden);
            }
            vec![code.as_str().to_owned()]
        }
        None => crate::store::outermost(&roots)
            .into_iter()
            .map(str::to_owned)
            .collect(),
    };
    let today = Day::of_ms(now());
    let day = |k: &str, default: Day| -> Result<Day, ApiError> {
        match param(k) {
            Some(v) => Day::parse(&v).ok_or_else(|| {
                invalid(k, "日期格式应为 2026-01-31", "a date is written 2026-01-31")
            }),
            None => Ok(default),
        }
    };
    let (y, m, _) = today.ymd();
    let first = Day::from_ymd(y, m, 1).unwrap_or(today);
    let (from, to) = (day("from", first)?, day("to", today)?);
    if to.0 < from.0 {
        return Err(invalid(
            "to",
            "结束日期早于开始日期",
            "the end is before the start",
        ));
    }
    let (from_ms, to_ms) = (from.end_ms() - DAY_MS, to.end_ms());
    let store = Store::new(env)?;
    let mut lines = Vec::new();
    for root in &subtrees {
        let mut after: Option<(i64, String)> = None;
        loop {
            let rows = store
                .ledger_rows(root, from_ms, to_ms, after.as_ref(), LEDGER_PAGE)
                .await?;
            let full = rows.len() == LEDGER_PAGE;
            after = rows.last().map(|r| (r.created_at, r.id.clone()));
            for r in rows {
                lines.push(LedgerLine {
                    state: state_of(&r.state)?,
                    id: r.id,
                    created_at: r.created_at,
                    grid_name: r.grid_name.unwrap_or_default(),
                    grid: r.grid_code,
                    category: r.category_name.unwrap_or_default(),
                    text: r.text,
                    department: r.department_name.unwrap_or_default(),
                    resolve_by: r.resolve_by,
                    resolved_at: r.resolved_at,
                    rating: r.rating,
                    late: r.late == 1,
                });
            }
            if lines.len() > LEDGER_MAX {
                return Err(invalid(
                    "from",
                    "这段时间的报事太多（超过 5000 件），请缩短日期范围或选下级网格",
                    "more than 5,000 reports: shorten the dates or choose a smaller grid",
                ));
            }
            if !full {
                break;
            }
        }
    }
    let name = format!("taizhang-{}-{}.csv", from.iso(), to.iso());
    crate::admin::csv(&name, ledger_csv(lines))
}

/// `GET /api/v1/reports/similar?category=&grid=`: before filing, the open reports of the
/// same category in the same base grid from the last 14 days (a resident's grid is their
/// household's unless named), so a duplicate can be followed instead.
pub async fn similar(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let url = req.url()?;
    let param = |k: &str| query_param(&url, k);
    let category =
        param("category").ok_or_else(|| ApiError::BadRequest("category is required".into()))?;
    let store = Store::new(env)?;
    let home = match &actor.household {
        Some(h) => store.household(h).await?.map(|x| x.grid_code),
        None => None,
    };
    let grid = param("grid")
        .or_else(|| home.clone())
        .ok_or_else(|| ApiError::BadRequest("grid is required".into()))?;
    let code = GridCode::parse(&grid).map_err(|_| ApiError::GridCodeMalformed)?;
    // Only one's own grid (a resident's household's, or one the actor serves as staff):
    // other grids' reports are not theirs to read, not even as excerpts.
    let staff = actor.roles.iter().any(|g| {
        matches!(&g.scope, Scope::Grid(root)
            if works_reports_under(g.role, root) && code.as_str().starts_with(root.as_str()))
    });
    if home.as_deref() != Some(code.as_str()) && !staff {
        return Err(ApiError::Forbidden);
    }
    // A neighbour's dispute or family matter is not shown to the grid.
    if !staff && private_category(&category) {
        return json_no_store(&Vec::<ReportSummary>::new());
    }
    let since = now() - SIMILAR_DAYS * 86_400_000;
    let lines = store
        .similar_reports(code.as_str(), &category, since, SIMILAR_MAX)
        .await?;
    let items = lines
        .into_iter()
        .map(summary_of)
        .collect::<Result<Vec<_>, ApiError>>()?;
    json_no_store(&items)
}

/// `POST /api/v1/reports/{id}/follow`: a resident of the report's grid follows an open
/// report instead of filing its duplicate; they may read it and are told when it is done.
/// Following again changes nothing.
pub async fn follow(env: &Env, actor: &Actor, id: &str) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let row = store.report(id).await?.ok_or(ApiError::ReportNotFound)?;
    let ps = parties(Some(actor), &row);
    if ps.is_empty() {
        let neighbour = match &actor.household {
            Some(h) => store
                .household(h)
                .await?
                .is_some_and(|x| x.grid_code == row.grid_code),
            None => false,
        };
        if !neighbour || private_category(&row.category) {
            return Err(ApiError::Forbidden);
        }
        let state = state_of(&row.state)?;
        if state.is_final() {
            return Err(ApiError::IllegalTransition { state });
        }
        store.follow(id, &actor.account_id, now()).await?;
    }
    json_no_store(&view(&store, &row, &ps, now()).await?)
}

/// `POST /api/v1/photos` (signed in): a JPEG (≤ 2 MB), stripped of metadata and kept in
/// R2. Its key comes from the phone's UUIDv7 in `Idempotency-Key` (`p-` and the UUID's 32
/// hex digits), so a report written offline can name its photos before they are sent,
/// and a retry stores nothing twice. 201 `{key}`.
pub async fn upload_photo(
    mut req: Request,
    env: &Env,
    actor: &Actor,
) -> Result<Response, ApiError> {
    let id = req.headers().get("Idempotency-Key")?.unwrap_or_default();
    let key = wangge_core::reports::photo_key(&id);
    if !valid_photo_key(&key) {
        return Err(ApiError::BadRequest(
            "Idempotency-Key must be the photo's UUID".into(),
        ));
    }
    let declared: usize = req
        .headers()
        .get("Content-Length")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if declared > MAX_PHOTO_BYTES {
        return Err(photo_refused(PhotoError::TooBig));
    }
    let bytes = req.bytes().await?;
    let clean = strip_jpeg_metadata(&bytes).map_err(photo_refused)?;
    let hash = crate::crypto::sha256_hex(&clean).await?;
    let store = Store::new(env)?;
    if let Some(p) = store.photo(&key).await? {
        // The same photo again (a retry): as the first time. Another under its key: 409.
        if p.uploaded_by == actor.account_id && p.sha256 == hash {
            return photo_answer(&key);
        }
        return Err(ApiError::IdempotencyConflict);
    }
    let bucket = env.bucket("PHOTOS")?;
    bucket
        .put(&key, clean.clone())
        .http_metadata(worker::HttpMetadata {
            content_type: Some("image/jpeg".into()),
            ..Default::default()
        })
        .execute()
        .await?;
    match store
        .record_photo(&key, &actor.account_id, &hash, clean.len(), now())
        .await
    {
        Ok(()) => photo_answer(&key),
        // Its twin, sent at the same moment, recorded it first.
        Err(ApiError::AlreadyExists) => match store.photo(&key).await? {
            Some(p) if p.uploaded_by == actor.account_id && p.sha256 == hash => photo_answer(&key),
            _ => Err(ApiError::IdempotencyConflict),
        },
        Err(e) => Err(e),
    }
}

fn photo_answer(key: &str) -> Result<Response, ApiError> {
    Ok(json_no_store(&PhotoKey {
        key: key.to_owned(),
    })?
    .with_status(201))
}

fn photo_refused(e: PhotoError) -> ApiError {
    match e {
        PhotoError::TooBig => invalid(
            "photo",
            "照片太大（最多 2 MB）",
            "the photo is too big (at most 2 MB)",
        ),
        PhotoError::NotJpeg => invalid(
            "photo",
            "只能上传 JPEG 照片",
            "only JPEG photos are accepted",
        ),
    }
}

/// `GET /api/v1/photos/{key}`: for whoever may read its report (or its uploader, before it
/// is attached). Immutable: cached for good, revalidated by ETag.
pub async fn photo(
    req: &Request,
    env: &Env,
    actor: &Actor,
    key: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let p = store.photo(key).await?.ok_or(ApiError::PhotoNotFound)?;
    let allowed = match &p.report_id {
        Some(report) => {
            let row = store.report(report).await?.ok_or(ApiError::PhotoNotFound)?;
            !parties(Some(actor), &row).is_empty()
                || store.follows(report, &actor.account_id).await?
        }
        // Goods on a shop's shelf are for everyone to see.
        None => p.uploaded_by == actor.account_id || store.goods_photo(key).await?,
    };
    if !allowed {
        return Err(ApiError::Forbidden);
    }
    let etag = format!("\"{}\"", p.sha256);
    let headers = worker::Headers::new();
    headers.set("ETag", &etag)?;
    headers.set("Cache-Control", "private, max-age=31536000, immutable")?;
    let matches = req
        .headers()
        .get("If-None-Match")?
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    if matches {
        return Ok(Response::empty()?.with_status(304).with_headers(headers));
    }
    let object = env
        .bucket("PHOTOS")?
        .get(key)
        .execute()
        .await?
        .ok_or(ApiError::PhotoNotFound)?;
    let body = object
        .body()
        .ok_or(ApiError::PhotoNotFound)?
        .bytes()
        .await?;
    headers.set("Content-Type", "image/jpeg")?;
    Ok(Response::from_bytes(body)?.with_headers(headers))
}

/// Photos a report or an action names must be the actor's own uploads, not yet shown on
/// another report.
pub(crate) async fn check_photos(
    store: &Store,
    actor: Option<&Actor>,
    report: &str,
    keys: &[String],
) -> Result<(), ApiError> {
    if keys.is_empty() {
        return Ok(());
    }
    let Some(actor) = actor else {
        return Err(invalid(
            "photos",
            "不登录时不能附照片",
            "photos need signing in",
        ));
    };
    let found = store.photos(keys).await?;
    let fine = keys.iter().all(|k| {
        found.iter().any(|p| {
            &p.key == k
                && p.uploaded_by == actor.account_id
                && p.report_id.as_deref().is_none_or(|r| r == report)
        })
    });
    if fine {
        Ok(())
    } else {
        Err(invalid(
            "photos",
            "有照片还没有上传成功，请稍后再试",
            "a photo has not been uploaded yet; try again shortly",
        ))
    }
}
