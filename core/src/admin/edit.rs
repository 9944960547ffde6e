//! One record at a time: the administrator's screens for a grid, a staff account and a
//! department. The cells follow the same rules as the import's (one rule, one place), and
//! the Worker writes an edit through the same statements as an import of one row.
//! Nothing is deleted: history refers to all three, so they are deactivated instead.

use super::{
    parse_grid_code, parse_phone, parse_slug, parse_text, scope_fits, show, GridRow, PersonRow,
    Problem,
};
use crate::accounts::{AccountRole, RoleGrant, Scope};
use crate::grids::{GridKind, GridLevel};
use crate::problem::Detail;
use serde::{Deserialize, Serialize};

/// Longest free text on a grid (its 范围 description) or a staff member's 服务承诺.
pub const MAX_NOTE: usize = 500;
/// Staff accounts per page of the administrator's list.
pub const STAFF_PAGE_SIZE: usize = 50;
/// Departments per page.
pub const DEPARTMENT_PAGE_SIZE: usize = 100;

/// `PUT /api/v1/admin/grids/{code}`: create or change one grid (its parent follows from the
/// code and must exist and be active).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridEdit {
    pub name: String,
    pub kind: GridKind,
    /// 范围: the streets, groups or buildings it covers, in words.
    #[serde(default)]
    pub scope: String,
    /// 户数 as last counted, if known.
    #[serde(default)]
    pub households: Option<u32>,
    /// False deactivates it: it leaves the public directory; refused while it still has
    /// active grids or households under it.
    pub active: bool,
}

/// `GET /api/v1/admin/grids/{code}`: a grid as its administrator sees it, deactivated
/// ones included, with its children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridAdmin {
    pub code: String,
    pub name: String,
    pub level: GridLevel,
    pub kind: GridKind,
    pub scope: String,
    pub households: Option<u32>,
    pub active: bool,
    /// In code order; at most 999 (three digits of code per level).
    pub children: Vec<GridChild>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridChild {
    pub code: String,
    pub name: String,
    pub active: bool,
}

impl GridAdmin {
    /// The first free child code (for "add a grid under this one"), if any is left.
    pub fn next_child_code(&self) -> Option<String> {
        if self.level == GridLevel::Grid {
            return None;
        }
        let used: Vec<u32> = self
            .children
            .iter()
            .filter_map(|c| c.code.get(self.code.len()..)?.parse().ok())
            .collect();
        (1..=999u32)
            .find(|n| !used.contains(n))
            .map(|n| format!("{}{n:03}", self.code))
    }
}

/// `PUT /api/v1/admin/accounts/{login}`: create or change one staff account and its roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountEdit {
    pub name: String,
    /// Work phone; empty for none (then the person is on no grid card).
    #[serde(default)]
    pub phone: String,
    pub roles: Vec<RoleGrant>,
    /// 服务承诺 shown on the grid card.
    #[serde(default)]
    pub commitment: String,
    /// False deactivates it: it can no longer sign in, its sessions end and it leaves the
    /// grid cards; its roles are kept for history.
    pub active: bool,
}

/// A staff account as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffAccount {
    pub login: String,
    pub name: String,
    /// Full: only administrators whose area covers the account read this list.
    pub phone: Option<String>,
    /// The person on grid cards, for the work-phone consent.
    pub person_id: Option<String>,
    pub phone_public: bool,
    pub roles: Vec<RoleGrant>,
    pub commitment: String,
    pub active: bool,
    pub has_password: bool,
}

impl StaffAccount {
    /// The edit that leaves this account as it is (the form's starting point).
    pub fn edit(&self) -> AccountEdit {
        AccountEdit {
            name: self.name.clone(),
            phone: self.phone.clone().unwrap_or_default(),
            roles: self.roles.clone(),
            commitment: self.commitment.clone(),
            active: self.active,
        }
    }
}

/// `GET /api/v1/admin/accounts[?after=<login>]`: staff accounts in login order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffPage {
    pub items: Vec<StaffAccount>,
    /// The `after` of the next page, if there may be one.
    pub next: Option<String>,
}

/// A department that handles dispatched reports (水务站, 供电所, 城管中队 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Department {
    /// Lower-case id, as in a handler's scope `部门:<id>`.
    pub id: String,
    pub name: String,
    /// The county or township it serves: administrators of that area manage it.
    pub area: String,
    pub active: bool,
}

/// `PUT /api/v1/admin/departments/{id}`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DepartmentEdit {
    pub name: String,
    pub area: String,
    pub active: bool,
}

/// `GET /api/v1/admin/departments[?after=<id>]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DepartmentPage {
    pub items: Vec<Department>,
    pub next: Option<String>,
}

/// Collects a form's problems, each under the field it belongs to.
#[derive(Default)]
struct Problems(Vec<Detail>);

impl Problems {
    fn take<T>(&mut self, field: &str, r: Result<T, Problem>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(p) => {
                self.push(field, p);
                None
            }
        }
    }

    fn push(&mut self, field: &str, (zh, en): Problem) {
        self.0.push(Detail {
            line: None,
            field: Some(field.to_owned()),
            message_zh: zh,
            message_en: en,
        });
    }
}

/// Optional free text: no control characters, at most `max` characters.
fn parse_note(v: &str, max: usize) -> Result<String, Problem> {
    if v.is_empty() {
        Ok(String::new())
    } else {
        parse_text(v, max)
    }
}

/// The grid row an edit of grid `code` stands for, or every problem with it.
pub fn grid_row(code: &str, e: &GridEdit) -> Result<GridRow, Vec<Detail>> {
    let mut p = Problems::default();
    let code = p.take("code", parse_grid_code(code));
    let name = p.take("name", parse_text(e.name.trim(), 100));
    let scope = p.take("scope", parse_note(e.scope.trim(), MAX_NOTE));
    match (code, name, scope) {
        (Some(code), Some(name), Some(scope)) if p.0.is_empty() => Ok(GridRow {
            line: 0,
            code,
            name,
            kind: e.kind,
            scope,
            households: e.households,
        }),
        _ => Err(p.0),
    }
}

/// The person row an edit of account `login` stands for, or every problem with it.
pub fn person_row(login: &str, e: &AccountEdit) -> Result<PersonRow, Vec<Detail>> {
    let mut p = Problems::default();
    let login = p.take("login", parse_slug(login, 2, 64));
    let name = p.take("name", parse_text(e.name.trim(), 50));
    let phone = p.take("phone", parse_phone(&e.phone));
    let commitment = p.take("commitment", parse_note(e.commitment.trim(), MAX_NOTE));
    if e.roles.is_empty() {
        p.push(
            "roles",
            ("至少要有一个角色".into(), "give at least one role".into()),
        );
    }
    let mut grants: Vec<(usize, RoleGrant)> = Vec::new();
    for (i, g) in e.roles.iter().enumerate() {
        let field = format!("roles[{i}]");
        if g.role == AccountRole::Resident {
            p.push(
                &field,
                (
                    "居民账号由网格员登记住户后开通，不在这里建".into(),
                    "resident accounts come from registering a household, not from here".into(),
                ),
            );
            continue;
        }
        let scope = match &g.scope {
            Scope::Grid(code) => parse_grid_code(code).map(|c| Scope::Grid(c.as_str().to_owned())),
            Scope::Department(id) => parse_slug(id, 1, 64).map(Scope::Department),
            Scope::Shop(id) => parse_slug(id, 1, 64).map(Scope::Shop),
        };
        let Some(scope) = p.take(&field, scope) else {
            continue;
        };
        if p.take(&field, scope_fits(g.role, &scope)).is_none() {
            continue;
        }
        let grant = RoleGrant {
            role: g.role,
            scope,
        };
        if grants.iter().any(|(_, have)| *have == grant) {
            p.push(
                &field,
                (
                    format!(
                        "重复：已有{}「{}」",
                        grant.role.label_zh(),
                        show(scope_id(&grant.scope))
                    ),
                    format!(
                        "repeated: {} over \"{}\" is already there",
                        grant.role.label_en(),
                        show(scope_id(&grant.scope))
                    ),
                ),
            );
            continue;
        }
        grants.push((i, grant));
    }
    match (login, name, phone, commitment) {
        (Some(login), Some(name), Some(phone), Some(commitment)) if p.0.is_empty() => {
            Ok(PersonRow {
                line: 0,
                login,
                name,
                phone,
                grants,
                commitment,
            })
        }
        _ => Err(p.0),
    }
}

fn scope_id(s: &Scope) -> &str {
    match s {
        Scope::Grid(id) | Scope::Department(id) | Scope::Shop(id) => id,
    }
}

/// The department an edit of department `id` stands for, or every problem with it.
pub fn department(id: &str, e: &DepartmentEdit) -> Result<Department, Vec<Detail>> {
    let mut p = Problems::default();
    let id = p.take("id", parse_slug(id, 1, 64));
    let name = p.take("name", parse_text(e.name.trim(), 50));
    let area = p.take(
        "area",
        parse_grid_code(e.area.trim()).and_then(|c| match c.level() {
            GridLevel::County | GridLevel::Township => Ok(c),
            _ => Err((
                format!("{} 不是县或乡镇的编码（应为 6 或 9 位）", show(c.as_str())),
                format!(
                    "{} is not a county or township code (6 or 9 digits)",
                    show(c.as_str())
                ),
            )),
        }),
    );
    match (id, name, area) {
        (Some(id), Some(name), Some(area)) if p.0.is_empty() => Ok(Department {
            id,
            name,
            area: area.as_str().to_owned(),
            active: e.active,
        }),
        _ => Err(p.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid_edit() -> GridEdit {
        GridEdit {
            name: "东岗村第三网格".into(),
            kind: GridKind::Basic,
            scope: "三组、四组".into(),
            households: Some(120),
            active: true,
        }
    }

    fn fields(errors: &[Detail]) -> Vec<&str> {
        errors.iter().filter_map(|d| d.field.as_deref()).collect()
    }

    #[test]
    fn a_good_grid_edit_is_an_import_row() {
        let row = grid_row("990101001003003", &grid_edit()).unwrap();
        assert_eq!(row.code.as_str(), "990101001003003");
        assert_eq!(row.parent().unwrap().as_str(), "990101001003");
        assert_eq!(row.households, Some(120));
    }

    #[test]
    fn every_grid_problem_at_once() {
        let mut e = grid_edit();
        e.name = "  ".into();
        e.scope = "a\nb".into();
        let errors = grid_row("99010100100300", &e).unwrap_err();
        assert_eq!(fields(&errors), ["code", "name", "scope"]);
        assert!(errors
            .iter()
            .all(|d| !d.message_zh.is_empty() && !d.message_en.is_empty()));
    }

    fn account_edit() -> AccountEdit {
        AccountEdit {
            name: "陈小燕".into(),
            phone: "139 0731 0099".into(),
            roles: vec![RoleGrant {
                role: AccountRole::GridWorker,
                scope: Scope::Grid("990101001003002".into()),
            }],
            commitment: "随叫随到".into(),
            active: true,
        }
    }

    #[test]
    fn a_good_account_edit_is_an_import_row() {
        let row = person_row("worker-c", &account_edit()).unwrap();
        assert_eq!(row.phone.as_deref(), Some("13907310099"));
        assert_eq!(row.grants.len(), 1);
        assert_eq!(row.commitment, "随叫随到");
    }

    #[test]
    fn account_problems_name_their_fields() {
        let mut e = account_edit();
        e.phone = "1.39E+10".into();
        e.roles.push(RoleGrant {
            role: AccountRole::DepartmentHandler,
            scope: Scope::Grid("990101".into()),
        });
        e.roles.push(RoleGrant {
            role: AccountRole::Resident,
            scope: Scope::Grid("990101001003001".into()),
        });
        e.roles.push(e.roles[0].clone());
        e.roles.push(RoleGrant {
            role: AccountRole::GridLeader,
            scope: Scope::Grid("12345".into()),
        });
        let errors = person_row("Worker C", &e).unwrap_err();
        assert_eq!(
            fields(&errors),
            ["login", "phone", "roles[1]", "roles[2]", "roles[3]", "roles[4]"]
        );
        let none = AccountEdit {
            roles: vec![],
            ..account_edit()
        };
        assert_eq!(
            fields(&person_row("worker-c", &none).unwrap_err()),
            ["roles"]
        );
    }

    #[test]
    fn departments_serve_a_county_or_township() {
        let e = DepartmentEdit {
            name: "柳塘镇水务站".into(),
            area: "990101001".into(),
            active: true,
        };
        assert_eq!(department("water", &e).unwrap().area, "990101001");
        let village = DepartmentEdit {
            area: "990101001003".into(),
            ..e.clone()
        };
        assert_eq!(
            fields(&department("Water", &village).unwrap_err()),
            ["id", "area"]
        );
    }

    #[test]
    fn next_child_code_fills_the_first_gap() {
        let mut g = GridAdmin {
            code: "990101001003".into(),
            name: "东岗村".into(),
            level: GridLevel::Village,
            kind: GridKind::Basic,
            scope: String::new(),
            households: None,
            active: true,
            children: ["001", "002", "004"]
                .iter()
                .map(|s| GridChild {
                    code: format!("990101001003{s}"),
                    name: String::new(),
                    active: true,
                })
                .collect(),
        };
        assert_eq!(g.next_child_code().as_deref(), Some("990101001003003"));
        g.level = GridLevel::Grid;
        assert_eq!(g.next_child_code(), None);
    }
}
