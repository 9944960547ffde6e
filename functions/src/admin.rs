//! Administration: loading a real township's grids, people and households from
//! spreadsheets (CSV as Excel writes it), all or nothing, and exporting the same lists.
//! Parsing and row rules are pure (`core::admin`); this file adds what needs the database
//! (does a parent grid exist? is the row inside the administrator's scope?) and writes.

use crate::error::ApiError;
use crate::routes::Actor;
use crate::store::Store;
use wangge_core::accounts::{Scope, WorkPhone, WorkPhoneConsent};
use wangge_core::admin::{
    capped, check_grid_parents, check_household_grids, check_person_scopes, grids_csv,
    households_csv, people_csv, read_grids, read_households, read_people, ImportDone, RowError,
};
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
async fn file_text(req: &mut Request) -> Result<String, ApiError> {
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
    errors.extend(check_person_scopes(&rows, |c| known.contains(c)));
    for r in &rows {
        for (line, grant) in &r.grants {
            if let Scope::Grid(code) = &grant.scope {
                if !actor.administers(code) {
                    errors.push(outside(*line, "范围", code));
                }
            }
        }
    }
    // An account that already serves somewhere outside this administrator's area is not
    // theirs to re-role (an import replaces every role of a listed login).
    let logins: Vec<&str> = rows.iter().map(|r| r.login.as_str()).collect();
    for (login, code) in store.grid_roles_of_logins(&logins).await? {
        if !actor.administers(&code) {
            if let Some(r) = rows.iter().find(|r| r.login == login) {
                errors.push(RowError {
                    line: r.line,
                    column: Some("登录名".into()),
                    message_zh: format!(
                        "{login} 在您管理范围以外（{code}）有职务，不能由您导入修改"
                    ),
                    message_en: format!("{login} holds a role outside your area ({code})"),
                });
            }
        }
    }
    // A login that is a resident's account must not become staff by import.
    for r in &rows {
        if store.is_resident_login(&r.login).await? {
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
    for (id, grid, active) in store.households_state(&ids).await? {
        let Some(r) = rows.iter().find(|r| r.id == id) else {
            continue;
        };
        if !actor.administers(&grid) {
            errors.push(outside(r.line, "户编号", &id));
        } else if !active {
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
fn csv(name: &str, body: String) -> Result<Response, ApiError> {
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
    let rows = Store::new(env)?.export_people().await?;
    let mine: Vec<_> = rows
        .into_iter()
        .filter(|r| {
            r.grants.iter().any(|(_, g)| match &g.scope {
                Scope::Grid(code) => actor.administers(code),
                // Departments and shops are township-wide: any administrator sees them.
                _ => true,
            })
        })
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
    let body: WorkPhoneConsent = req
        .json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let store = Store::new(env)?;
    let grids = store.person_grids(person_id).await?;
    if grids.is_empty() {
        return Err(ApiError::PersonNotFound);
    }
    if !grids.iter().any(|g| actor.administers(g)) {
        return Err(ApiError::Forbidden);
    }
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
