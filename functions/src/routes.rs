//! The route table: every API route with its method, handler and access rule. This is
//! the security boundary: authorization is decided here, once, before a handler runs.
//! Pure (no IO), so it is tested natively, and `tests/api/access.tsv` must have rows for
//! every route here (checked below), which the API tests then play against the Worker.

use crate::error::ApiError;
use wangge_core::accounts::{AccountRole, RoleGrant};

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not: the public grid directory (四公开), signing in.
    Public,
    /// Any signed-in account, acting on itself.
    SignedIn,
    /// Staff who serve households (grid worker, leader, instructor, dispatcher, admin)
    /// whose grid scope covers the household in the path.
    StaffOverHousehold,
    /// The household's own members, and the staff of `StaffOverHousehold`.
    HouseholdReader,
    /// The staff of `StaffOverHousehold` whose scope covers the grid code in the path.
    StaffOverGrid,
}

impl Access {
    /// Whether the rule needs the household named in the path (its grid).
    pub fn needs_household(self) -> bool {
        matches!(self, Access::StaffOverHousehold | Access::HouseholdReader)
    }

    /// Whether the rule judges the grid code in the path.
    pub fn needs_grid(self) -> bool {
        self == Access::StaffOverGrid
    }
}

/// Who is acting: the roles a signed-in account holds, and a resident's household.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub account_id: String,
    pub roles: Vec<RoleGrant>,
    pub household: Option<String>,
}

/// What a rule is judged against, found from the path.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Nothing,
    Household { id: &'a str, grid_code: &'a str },
    Grid { code: &'a str },
}

/// Staff roles that register and serve households in their grid subtree.
const HOUSEHOLD_STAFF: [AccountRole; 5] = [
    AccountRole::GridWorker,
    AccountRole::GridLeader,
    AccountRole::GridInstructor,
    AccountRole::Dispatcher,
    AccountRole::Admin,
];

/// What answers a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    GridTree,
    GridCard,
    SignIn,
    SignOut,
    SignOutEverywhere,
    Me,
    Household,
    IssueActivation,
    Redeem,
    GridHouseholds,
    RegisterHousehold,
    EditHousehold,
}

#[derive(Debug)]
pub struct Route {
    /// One method per row; a GET row also answers HEAD.
    pub method: &'static str,
    /// Below `/api/v1`; `{name}` is one path segment.
    pub path: &'static str,
    pub access: Access,
    pub handler: Handler,
}

const fn route(
    method: &'static str,
    path: &'static str,
    access: Access,
    handler: Handler,
) -> Route {
    Route {
        method,
        path,
        access,
        handler,
    }
}

pub const ROUTES: &[Route] = &[
    route("GET", "/grids", Access::Public, Handler::GridTree),
    route("GET", "/grids/{code}", Access::Public, Handler::GridCard),
    route("POST", "/session", Access::Public, Handler::SignIn),
    route("DELETE", "/session", Access::SignedIn, Handler::SignOut),
    route(
        "DELETE",
        "/sessions",
        Access::SignedIn,
        Handler::SignOutEverywhere,
    ),
    route("GET", "/me", Access::SignedIn, Handler::Me),
    route(
        "GET",
        "/households/{id}",
        Access::HouseholdReader,
        Handler::Household,
    ),
    route(
        "POST",
        "/households/{id}/activations",
        Access::StaffOverHousehold,
        Handler::IssueActivation,
    ),
    route("POST", "/activations", Access::Public, Handler::Redeem),
    route(
        "GET",
        "/grids/{code}/households",
        Access::StaffOverGrid,
        Handler::GridHouseholds,
    ),
    route(
        "POST",
        "/grids/{code}/households",
        Access::StaffOverGrid,
        Handler::RegisterHousehold,
    ),
    route(
        "PUT",
        "/households/{id}",
        Access::StaffOverHousehold,
        Handler::EditHousehold,
    ),
];

/// The path's parameters if `path` (below `/api/v1`) fits `pattern`.
fn fit(pattern: &str, path: &str) -> Option<Vec<String>> {
    let want: Vec<&str> = pattern.split('/').collect();
    let got: Vec<&str> = path.split('/').collect();
    if want.len() != got.len() {
        return None;
    }
    let mut params = Vec::new();
    for (w, g) in want.iter().zip(&got) {
        if w.starts_with('{') {
            if g.is_empty() {
                return None;
            }
            params.push((*g).to_owned());
        } else if w != g {
            return None;
        }
    }
    Some(params)
}

/// The route for `method` and `path` (below `/api/v1`, e.g. `/grids/990101`) with its
/// parameters; an unknown path is a 404, a known path with another method a 405.
pub fn resolve(method: &str, path: &str) -> Result<(&'static Route, Vec<String>), ApiError> {
    let path = match path.strip_suffix('/') {
        Some(p) if !p.is_empty() => p,
        _ => path,
    };
    let mut allowed: Vec<&str> = Vec::new();
    for r in ROUTES {
        let Some(params) = fit(r.path, path) else {
            continue;
        };
        if r.method == method || (r.method == "GET" && method == "HEAD") {
            return Ok((r, params));
        }
        allowed.push(r.method);
        if r.method == "GET" {
            allowed.push("HEAD");
        }
    }
    if allowed.is_empty() {
        Err(ApiError::RouteNotFound)
    } else {
        Err(ApiError::MethodNotAllowed {
            allow: allowed.join(", "),
        })
    }
}

/// The access decision, from the route's rule, who is acting (none: anonymous) and what
/// the path names. Anonymous callers of a non-public route get 401 before anything about
/// the target is revealed.
pub fn authorize(access: Access, actor: Option<&Actor>, target: Target) -> Result<(), ApiError> {
    if access == Access::Public {
        return Ok(());
    }
    let actor = actor.ok_or(ApiError::NotSignedIn)?;
    let staff_over = |grid_code: &str| {
        actor
            .roles
            .iter()
            .any(|g| HOUSEHOLD_STAFF.contains(&g.role) && g.scope.covers_grid(grid_code))
    };
    let allowed = match (access, target) {
        (Access::Public | Access::SignedIn, _) => true,
        (Access::StaffOverHousehold, Target::Household { grid_code, .. }) => staff_over(grid_code),
        (Access::HouseholdReader, Target::Household { id, grid_code }) => {
            actor.household.as_deref() == Some(id) || staff_over(grid_code)
        }
        (Access::StaffOverGrid, Target::Grid { code }) => staff_over(code),
        // A rule without the target it judges: refuse rather than guess.
        (Access::StaffOverHousehold | Access::HouseholdReader, _) => false,
        (Access::StaffOverGrid, _) => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Writes are every method but GET and HEAD: they must come from our own pages.
pub fn is_write(method: &str) -> bool {
    !matches!(method, "GET" | "HEAD")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn resolves_params_404_and_405() {
        let (r, p) = resolve("GET", "/grids/990101").unwrap();
        assert_eq!(
            (r.handler, p),
            (Handler::GridCard, vec!["990101".to_owned()])
        );
        assert_eq!(
            resolve("HEAD", "/grids/").unwrap().0.handler,
            Handler::GridTree
        );
        assert_eq!(
            resolve("POST", "/session").unwrap().0.handler,
            Handler::SignIn
        );
        assert_eq!(
            resolve("DELETE", "/session").unwrap().0.handler,
            Handler::SignOut
        );
        assert!(matches!(
            resolve("GET", "/nope"),
            Err(ApiError::RouteNotFound)
        ));
        assert!(matches!(
            resolve("GET", "/grids/1/2"),
            Err(ApiError::RouteNotFound)
        ));
        match resolve("PUT", "/session") {
            Err(ApiError::MethodNotAllowed { allow }) => assert_eq!(allow, "POST, DELETE"),
            other => panic!("{other:?}"),
        }
        match resolve("POST", "/grids") {
            Err(ApiError::MethodNotAllowed { allow }) => assert_eq!(allow, "GET, HEAD"),
            other => panic!("{other:?}"),
        }
    }

    fn actor(grants: &[(AccountRole, &str)], household: Option<&str>) -> Actor {
        Actor {
            account_id: "a".into(),
            roles: grants
                .iter()
                .map(|(role, code)| RoleGrant {
                    role: *role,
                    scope: wangge_core::accounts::Scope::Grid((*code).into()),
                })
                .collect(),
            household: household.map(str::to_owned),
        }
    }

    #[test]
    fn access_rules() {
        let hh = Target::Household {
            id: "hh-1",
            grid_code: "990101001003001",
        };
        assert!(authorize(Access::Public, None, Target::Nothing).is_ok());
        for access in [
            Access::SignedIn,
            Access::StaffOverHousehold,
            Access::HouseholdReader,
        ] {
            assert!(matches!(
                authorize(access, None, hh),
                Err(ApiError::NotSignedIn)
            ));
        }
        let worker_a = actor(&[(AccountRole::GridWorker, "990101001003001")], None);
        let worker_b = actor(&[(AccountRole::GridWorker, "990101001004001")], None);
        let leader = actor(&[(AccountRole::GridLeader, "990101001003")], None);
        let clerk = actor(&[(AccountRole::ShopClerk, "990101001003")], None);
        let own = actor(&[(AccountRole::Resident, "990101001003001")], Some("hh-1"));
        let neighbour = actor(&[(AccountRole::Resident, "990101001003001")], Some("hh-2"));
        assert!(authorize(Access::SignedIn, Some(&clerk), Target::Nothing).is_ok());
        for (who, staff, reader) in [
            (&worker_a, true, true),
            (&leader, true, true),
            (&worker_b, false, false),
            (&clerk, false, false),
            (&own, false, true),
            (&neighbour, false, false),
        ] {
            assert_eq!(
                authorize(Access::StaffOverHousehold, Some(who), hh).is_ok(),
                staff,
                "{who:?}"
            );
            assert_eq!(
                authorize(Access::HouseholdReader, Some(who), hh).is_ok(),
                reader,
                "{who:?}"
            );
        }
        assert!(authorize(Access::HouseholdReader, Some(&own), Target::Nothing).is_err());
        let grid = Target::Grid {
            code: "990101001003001",
        };
        for (who, allowed) in [
            (&worker_a, true),
            (&leader, true),
            (&worker_b, false),
            (&clerk, false),
            (&own, false),
        ] {
            assert_eq!(
                authorize(Access::StaffOverGrid, Some(who), grid).is_ok(),
                allowed,
                "{who:?}"
            );
        }
        assert!(authorize(Access::StaffOverGrid, Some(&worker_a), hh).is_err());
        assert!(matches!(
            authorize(Access::StaffOverGrid, None, grid),
            Err(ApiError::NotSignedIn)
        ));
    }

    #[test]
    fn no_two_rows_claim_the_same_route() {
        let mut seen = BTreeSet::new();
        for r in ROUTES {
            assert!(
                seen.insert((r.method, r.path)),
                "{} {} twice",
                r.method,
                r.path
            );
        }
    }

    /// Everyone the access matrix plays: anonymous and each demo login.
    const WHO: &[&str] = &[
        "anon",
        "admin",
        "dispatcher",
        "leader",
        "worker-a",
        "worker-b",
        "handler",
        "clerk",
        "resident-a",
        "resident-b",
    ];

    /// Every route in the table has a row for everyone in `tests/api/access.tsv`, and
    /// every row there names a route that exists with a rule.
    #[test]
    fn access_matrix_covers_every_route_and_everyone() {
        let tsv = include_str!("../../tests/api/access.tsv");
        let mut covered = BTreeSet::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                cols.len() >= 4,
                "access.tsv:{}: want method, path, who, status",
                n + 1
            );
            let (route, _) = resolve(cols[0], cols[1])
                .unwrap_or_else(|e| panic!("access.tsv:{}: {} {}: {e}", n + 1, cols[0], cols[1]));
            assert!(
                WHO.contains(&cols[2]),
                "access.tsv:{}: who {}",
                n + 1,
                cols[2]
            );
            assert!(
                cols[3].parse::<u16>().is_ok(),
                "access.tsv:{}: status",
                n + 1
            );
            covered.insert((route.method, route.path, cols[2]));
        }
        for r in ROUTES {
            for who in WHO {
                assert!(
                    covered.contains(&(r.method, r.path, *who)),
                    "tests/api/access.tsv has no row for {} {} as {who}",
                    r.method,
                    r.path
                );
            }
        }
    }
}
