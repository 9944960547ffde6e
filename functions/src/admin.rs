//! Administration: loading a real township's grids, people and households from
//! spreadsheets (CSV as Excel writes it), all or nothing, and exporting the same lists;
//! and the screens that change one grid, staff account or department at a time.
//! Parsing and row rules are pure (`core::admin`); this file adds what needs the database
//! (does a parent grid exist? is the row inside the administrator's scope?) and writes.

use crate::error::ApiError;
use crate::http::json_body;
use crate::routes::Actor;
use crate::store::Store;
use wangge_core::accounts::{RoleGrant, Scope, WorkPhone, WorkPhoneConsent};
use wangge_core::admin::{
    capped, check_grid_parents, check_household_grids, check_person_scopes, department, grid_row,
    grids_csv, households_csv, people_csv, person_row, read_grids, read_households, read_people,
    AccountEdit, DepartmentEdit, DepartmentPage, GridEdit, ImportDone, RowError, StaffAccount,
    StaffPage, DEPARTMENT_PAGE_SIZE, STAFF_PAGE_SIZE,
};
use wangge_core::grids::GridCode;
use wangge_core::problem::Detail;
use worker::{Date, Env, Request, Response};

/// A file larger than this is refused before parsing (5,000 rows fit well within it).
const MAX_BYTES: usize = 2 * 1024 * 1024;

fn now() -> i64 {
    Date::now().as_millis() as i64
}

fn outside(line: usize, column: &str, code: &str) -> RowError {
    RowError {
        line,
        column: Some(column.to_owned()),
        message_zh: format!("{code} 不在您管理的范围内"),
        message_en: format!("{code} is outside the area you administer"),
    }
}

/// The 422 for a refused file: every bad row, in line order.
fn rejected(errors: Vec<RowError>) -> ApiError {
    ApiError::Invalid(capped(errors).into_iter().map(Detail::from).collect())
}

/// Nothing is written unless every row passed.
fn refuse(errors: Vec<RowError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(rejected(errors))
    }
}

/// The uploaded file as text: UTF-8 with or without a BOM (the parser drops it).
pub async fn file_text(req: &mut Request) -> Result<String, ApiError> {
    let bytes = req.bytes().await?;
    if bytes.len() > MAX_BYTES {
        return Err(ApiError::Invalid(vec![Detail {
            line: None,
            field: None,
            message_zh: "文件太大（最多 2 MB），请分成几个文件导入。".into(),
            message_en: "The file is too large (2 MB at most); split it.".into(),
        }]));
    }
    String::from_utf8(bytes).map_err(|_| {
        ApiError::Invalid(vec![Detail {
            line: None,
            field: None,
            message_zh: "文件不是 UTF-8 编码。请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”。"
                .into(),
            message_en:
                "The file is not UTF-8. In Excel use Save As → CSV UTF-8 (comma delimited).".into(),
        }])
    })
}

fn done(rows: usize) -> Result<Response, ApiError> {
    crate::http::json_no_store(&ImportDone { rows: rows as u32 })
}

/// `POST /api/v1/admin/grids.csv`: creates or updates every grid in the file.
pub async fn import_grids(
    mut req: Request,
    env: &Env,
    actor: &Actor,
) -> Result<Response, ApiError> {
    let text = file_text(&mut req).await?;
    let (rows, mut errors) = read_grids(&text);
    let store = Store::new(env)?;
    let known = store.grid_codes().await?;
    errors.extend(check_grid_parents(&rows, |c| known.contains(c)));
    errors.extend(
        rows.iter()
            .filter(|r| !actor.administers(r.code.as_str()))
            .map(|r| outside(r.line, "编码", r.code.as_str())),
    );
    refuse(errors)?;
    store.import_grids(&rows, now()).await?;
    done(rows.len())
}

/// `POST /api/v1/admin/people.csv`: staff accounts, their roles, and their places on the
/// grid cards. Roles of a listed login are replaced by the file's.
pub async fn import_people(
    mut req: Request,
    env: &Env,
    actor: &Actor,
) -> Result<Response, ApiError> {
    let text = file_text(&mut req).await?;
    let (rows, mut errors) = read_people(&text);
    let store = Store::new(env)?;
    let known = store.grid_codes().await?;
    let grants: Vec<&RoleGrant> = rows
        .iter()
        .flat_map(|r| &r.grants)
        .map(|(_, g)| g)
        .collect();
    let ids: Vec<&str> = grants
        .iter()
        .filter_map(|g| match &g.scope {
            Scope::Department(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let departments = store.departments(&ids).await?;
    errors.extend(check_person_scopes(
        &rows,
        |c| known.contains(c),
        |id| departments.iter().any(|d| d.id == id && d.active),
    ));
    let areas: std::collections::HashMap<String, String> =
        departments.into_iter().map(|d| (d.id, d.area)).collect();
    for r in &rows {
        for (line, grant) in &r.grants {
            let place = match &grant.scope {
                Scope::Grid(code) => code,
                Scope::Department(id) if areas.contains_key(id) => id,
                _ => continue,
            };
            if !administers_grant(actor, grant, &areas) {
                errors.push(outside(*line, "范围", place));
            }
        }
    }
    // An account that already holds any role outside this administrator's area is not
    // theirs to re-role (an import replaces every role of a listed login).
    let logins: Vec<&str> = rows.iter().map(|r| r.login.as_str()).collect();
    let held = store.roles_of_logins(&logins).await?;
    let held_grants: Vec<&RoleGrant> = held.iter().map(|(_, g)| g).collect();
    let held_areas = department_areas(&store, &held_grants).await?;
    for (login, grant) in &held {
        if !administers_grant(actor, grant, &held_areas) {
            if let Some(r) = rows.iter().find(|r| &r.login == login) {
                errors.push(RowError {
                    line: r.line,
                    column: Some("登录名".into()),
                    message_zh: format!("{login} 在您管理范围以外有职务，不能由您导入修改"),
                    message_en: format!("{login} holds a role outside your area"),
                });
            }
        }
    }
    // A login that is a resident's account must not become staff by import.
    let residents = store.resident_logins(&logins).await?;
    for r in &rows {
        if residents.contains(&r.login) {
            errors.push(RowError {
                line: r.line,
                column: Some("登录名".into()),
                message_zh: format!("{} 是居民账号，不能作为工作人员导入", r.login),
                message_en: format!("{} is a resident's account", r.login),
            });
        }
    }
    refuse(errors)?;
    store.import_people(&rows, now()).await?;
    done(rows.len())
}

/// `POST /api/v1/admin/households.csv`: households and their members; a listed household's
/// members are replaced by the file's (the old ones deactivated, never deleted).
pub async fn import_households(
    mut req: Request,
    env: &Env,
    actor: &Actor,
) -> Result<Response, ApiError> {
    let text = file_text(&mut req).await?;
    let (rows, mut errors) = read_households(&text);
    let store = Store::new(env)?;
    let known = store.grid_codes().await?;
    errors.extend(check_household_grids(&rows, |c| known.contains(c)));
    // An existing household must be in this administrator's area (an import must not move
    // another township's household into theirs), and an anonymised one stays deleted.
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    for (id, grid, anonymised) in store.households_state(&ids).await? {
        let Some(r) = rows.iter().find(|r| r.id == id) else {
            continue;
        };
        if !actor.administers(&grid) {
            errors.push(outside(r.line, "户编号", &id));
        } else if anonymised {
            errors.push(RowError {
                line: r.line,
                column: Some("户编号".into()),
                message_zh: format!("户 {id} 已注销（信息已删除），不能再导入"),
                message_en: format!(
                    "household {id} was deleted (anonymised); it cannot be imported"
                ),
            });
        }
    }
    errors.extend(
        rows.iter()
            .filter(|r| !actor.administers(r.grid_code.as_str()))
            .map(|r| outside(r.line, "网格编码", r.grid_code.as_str())),
    );
    refuse(errors)?;
    store
        .import_households(&rows, &actor.account_id, now())
        .await?;
    done(rows.len())
}

/// A CSV download that opens in Excel (the writer puts the BOM first).
pub fn csv(name: &str, body: String) -> Result<Response, ApiError> {
    let resp = Response::from_bytes(body.into_bytes())?;
    let h = resp.headers();
    h.set("Content-Type", "text/csv; charset=utf-8")?;
    h.set(
        "Content-Disposition",
        &format!("attachment; filename=\"{name}\""),
    )?;
    h.set("Cache-Control", "no-store")?;
    Ok(resp)
}

/// `GET /api/v1/admin/grids.csv`: the grids this administrator holds.
pub async fn export_grids(env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let rows = Store::new(env)?.export_grids().await?;
    let mine: Vec<_> = rows
        .into_iter()
        .filter(|r| actor.administers(r.code.as_str()))
        .collect();
    csv("wangge-grids.csv", grids_csv(&mine))
}

/// `GET /api/v1/admin/people.csv`
pub async fn export_people(env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let rows = store.export_people().await?;
    let grants: Vec<&RoleGrant> = rows
        .iter()
        .flat_map(|r| &r.grants)
        .map(|(_, g)| g)
        .collect();
    let areas = department_areas(&store, &grants).await?;
    // Only accounts wholly inside this administrator's area (as on the accounts screen).
    let mine: Vec<_> = rows
        .iter()
        .filter(|r| {
            r.grants
                .iter()
                .all(|(_, g)| administers_grant(actor, g, &areas))
        })
        .cloned()
        .collect();
    csv("wangge-people.csv", people_csv(&mine))
}

/// `GET /api/v1/admin/households.csv`
pub async fn export_households(env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let rows = Store::new(env)?.export_households().await?;
    let mine: Vec<_> = rows
        .into_iter()
        .filter(|r| actor.administers(r.grid_code.as_str()))
        .collect();
    csv("wangge-households.csv", households_csv(&mine))
}

/// `PUT /api/v1/admin/people/{id}/work-phone`: show a staff member's work phone in full on
/// cards and posters (四公开) with their consent recorded, or mask it again. Only for people
/// posted on a grid inside this administrator's area.
pub async fn set_work_phone(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    person_id: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let grids = store.person_grids(person_id).await?;
    if grids.is_empty() {
        return Err(ApiError::PersonNotFound);
    }
    // Posted in two townships: only an administrator over both decides.
    if !grids.iter().all(|g| actor.administers(g)) {
        return Err(ApiError::Forbidden);
    }
    let body: WorkPhoneConsent = json_body(&mut req).await?;
    let now = now();
    if !store
        .set_phone_public(person_id, body.public, &actor.account_id, now)
        .await?
    {
        return Err(ApiError::PersonNotFound);
    }
    crate::http::json_no_store(&WorkPhone {
        id: person_id.to_owned(),
        public: body.public,
        recorded_by: actor.account_id.clone(),
        recorded_at: now,
    })
}

// ---------------------------------------------------------------------------------------
// One record at a time: the administrator's screens for grids, staff and departments.
// ---------------------------------------------------------------------------------------

fn field_problem(field: &str, zh: String, en: String) -> Detail {
    Detail {
        line: None,
        field: Some(field.to_owned()),
        message_zh: zh,
        message_en: en,
    }
}

/// `after=` of a keyset page, if given.
fn after_param(req: &Request) -> Result<String, ApiError> {
    Ok(req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "after")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default())
}

/// `GET /api/v1/admin/grids/{code}`: one grid of this administrator's area, deactivated or
/// not, with its children.
pub async fn grid(env: &Env, actor: &Actor, code: &str) -> Result<Response, ApiError> {
    let code = GridCode::parse(code).map_err(|_| ApiError::GridCodeMalformed)?;
    if !actor.administers(code.as_str()) {
        return Err(ApiError::Forbidden);
    }
    let grid = Store::new(env)?
        .admin_grid(code.as_str())
        .await?
        .ok_or(ApiError::GridNotFound)?;
    crate::http::json_no_store(&grid)
}

/// `PUT /api/v1/admin/grids/{code}`: creates or changes one grid. Its parent must exist
/// (and be active, for an active grid); a grid is deactivated only once nothing active
/// hangs on it, so the public tree never has holes.
pub async fn save_grid(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    code: &str,
) -> Result<Response, ApiError> {
    // Whose it is before what is sent: outside the area, the answer is 403 either way.
    if !actor.administers(code) {
        return Err(ApiError::Forbidden);
    }
    let edit: GridEdit = json_body(&mut req).await?;
    let row = grid_row(code, &edit).map_err(ApiError::Invalid)?;
    let store = Store::new(env)?;
    if let Some(parent) = row.parent() {
        let ok = match store.admin_grid(parent.as_str()).await? {
            Some(p) => p.active || !edit.active,
            None => false,
        };
        if !ok {
            return Err(ApiError::Invalid(vec![field_problem(
                "code",
                format!("上级 {parent} 不存在或已停用：请先建好或启用上级"),
                format!("parent {parent} does not exist or is deactivated"),
            )]));
        }
    }
    if !edit.active {
        let (grids, households) = store.grid_in_use(row.code.as_str()).await?;
        if grids > 0 || households > 0 {
            return Err(ApiError::Invalid(vec![field_problem(
                "active",
                format!(
                    "还有 {grids} 个下级网格、{households} 户住户在用：请先停用下级网格、迁出住户"
                ),
                format!(
                    "{grids} active grids and {households} households are still under it: deactivate or move them first"
                ),
            )]));
        }
    }
    store.save_grid(&row, edit.active, now()).await?;
    let saved = store
        .admin_grid(row.code.as_str())
        .await?
        .ok_or(ApiError::GridNotFound)?;
    crate::http::json_no_store(&saved)
}

/// Whether this administrator may grant (or take away) `grant`: grid roles inside their
/// area, department roles of departments serving it (`areas`: department id → area).
/// Shops are not records yet (points, issue 10): only a county's administrators.
pub fn administers_grant(
    actor: &Actor,
    grant: &RoleGrant,
    areas: &std::collections::HashMap<String, String>,
) -> bool {
    match &grant.scope {
        Scope::Grid(code) => actor.administers(code),
        Scope::Department(id) => areas.get(id).is_some_and(|a| actor.administers(a)),
        Scope::Shop(_) => actor.administers_county(),
    }
}

/// Department id → area, for the departments these grants name.
pub async fn department_areas(
    store: &Store,
    grants: &[&RoleGrant],
) -> Result<std::collections::HashMap<String, String>, ApiError> {
    let ids: Vec<&str> = grants
        .iter()
        .filter_map(|g| match &g.scope {
            Scope::Department(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    Ok(store
        .departments(&ids)
        .await?
        .into_iter()
        .map(|d| (d.id, d.area))
        .collect())
}

/// `GET /api/v1/admin/accounts[?after=<login>]`: staff accounts this administrator
/// manages (every role inside their area), deactivated ones included.
pub async fn accounts(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let after = after_param(req)?;
    let store = Store::new(env)?;
    let (page, full) = store.staff_page(&after, STAFF_PAGE_SIZE).await?;
    let next = full.then(|| page.last().map(|a| a.login.clone())).flatten();
    let grants: Vec<&RoleGrant> = page.iter().flat_map(|a| &a.roles).collect();
    let areas = department_areas(&store, &grants).await?;
    let items = page
        .into_iter()
        .filter(|a| manages(actor, a, &areas))
        .collect();
    crate::http::json_no_store(&StaffPage { items, next })
}

/// An account is this administrator's if it holds roles and every one lies in their area.
fn manages(
    actor: &Actor,
    a: &StaffAccount,
    areas: &std::collections::HashMap<String, String>,
) -> bool {
    !a.roles.is_empty() && a.roles.iter().all(|g| administers_grant(actor, g, areas))
}

/// `GET /api/v1/admin/accounts/{login}`
pub async fn account(env: &Env, actor: &Actor, login: &str) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let account = store
        .staff_account(login)
        .await?
        .ok_or(ApiError::AccountNotFound)?;
    let grants: Vec<&RoleGrant> = account.roles.iter().collect();
    let areas = department_areas(&store, &grants).await?;
    if !manages(actor, &account, &areas) {
        return Err(ApiError::Forbidden);
    }
    crate::http::json_no_store(&account)
}

/// `PUT /api/v1/admin/accounts/{login}`: creates or changes one staff account, its roles
/// and its place on grid cards, or deactivates it (it can no longer sign in; its
/// sessions end). Only for accounts whose roles, old and new, all lie in this
/// administrator's area.
pub async fn save_account(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    login: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let old = store.staff_account(login).await?;
    let old_grants: Vec<&RoleGrant> = old.iter().flat_map(|a| &a.roles).collect();
    let old_areas = department_areas(&store, &old_grants).await?;
    if !old_grants
        .iter()
        .all(|g| administers_grant(actor, g, &old_areas))
    {
        return Err(ApiError::Forbidden);
    }
    let edit: AccountEdit = json_body(&mut req).await?;
    let row = person_row(login, &edit).map_err(ApiError::Invalid)?;
    if !store.resident_logins(&[login]).await?.is_empty() {
        return Err(ApiError::Invalid(vec![field_problem(
            "login",
            format!("{login} 是居民账号，不能作为工作人员"),
            format!("{login} is a resident's account"),
        )]));
    }
    let new_grants: Vec<&RoleGrant> = row.grants.iter().map(|(_, g)| g).collect();
    let areas = department_areas(&store, &new_grants).await?;
    let known = store.grid_codes().await?;
    let departments = store
        .departments(&areas.keys().map(String::as_str).collect::<Vec<_>>())
        .await?;
    let mut problems = Vec::new();
    for (i, grant) in &row.grants {
        let field = format!("roles[{i}]");
        // A deactivated account may keep roles over places deactivated since (history).
        let missing = match &grant.scope {
            _ if !edit.active && old_grants.contains(&grant) => None,
            Scope::Grid(code) if !known.contains(code) => Some((
                format!("网格 {code} 不存在或已停用"),
                format!("grid {code} does not exist or is deactivated"),
            )),
            Scope::Department(id) if !departments.iter().any(|d| &d.id == id && d.active) => {
                Some((
                    format!("部门 {id} 不存在或已停用"),
                    format!("department {id} does not exist or is deactivated"),
                ))
            }
            _ if !administers_grant(actor, grant, &areas) => Some((
                "不在您管理的范围内".to_owned(),
                "outside the area you administer".to_owned(),
            )),
            _ => None,
        };
        if let Some((zh, en)) = missing {
            problems.push(field_problem(&field, zh, en));
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    store.save_account(&row, edit.active, now()).await?;
    let saved = store
        .staff_account(login)
        .await?
        .ok_or(ApiError::AccountNotFound)?;
    crate::http::json_no_store(&saved)
}

/// `GET /api/v1/admin/departments[?after=<id>]`: the departments serving this
/// administrator's area, deactivated ones included.
pub async fn departments(req: &Request, env: &Env, actor: &Actor) -> Result<Response, ApiError> {
    let after = after_param(req)?;
    let (page, full) = Store::new(env)?
        .departments_page(&after, DEPARTMENT_PAGE_SIZE)
        .await?;
    let next = full.then(|| page.last().map(|d| d.id.clone())).flatten();
    let items = page
        .into_iter()
        .filter(|d| actor.administers(&d.area))
        .collect();
    crate::http::json_no_store(&DepartmentPage { items, next })
}

/// `PUT /api/v1/admin/departments/{id}`: creates or changes one department, or
/// deactivates it (it is then offered for no new dispatch and no new handler).
pub async fn save_department(
    mut req: Request,
    env: &Env,
    actor: &Actor,
    id: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    if let Some(old) = store.departments(&[id]).await?.pop() {
        if !actor.administers(&old.area) {
            return Err(ApiError::Forbidden);
        }
    }
    let edit: DepartmentEdit = json_body(&mut req).await?;
    let d = department(id, &edit).map_err(ApiError::Invalid)?;
    if !actor.administers(&d.area) || !store.grid_exists(&d.area).await? {
        return Err(ApiError::Invalid(vec![field_problem(
            "area",
            format!("{} 不存在，或不在您管理的范围内", d.area),
            format!("{} does not exist or is outside your area", d.area),
        )]));
    }
    store.save_department(&d, now()).await?;
    crate::http::json_no_store(&d)
}
