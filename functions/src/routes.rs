//! The route table: every API route with its method, handler and access rule. This is
//! the security boundary: authorization is decided here, once, before a handler runs.
//! Pure (no IO), so it is tested natively, and `tests/api/access.tsv` must have rows for
//! every route here (checked below), which the API tests then play against the Worker.

use crate::error::ApiError;

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not: the public grid directory (四公开), signing in.
    Public,
    /// Any signed-in account, acting on itself.
    SignedIn,
}

/// What answers a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    GridTree,
    GridCard,
    SignIn,
    SignOut,
    SignOutEverywhere,
    Me,
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

/// The access decision: `signed_in` says whether the request carries a live session.
pub fn authorize(access: Access, signed_in: bool) -> Result<(), ApiError> {
    match access {
        Access::Public => Ok(()),
        Access::SignedIn if signed_in => Ok(()),
        Access::SignedIn => Err(ApiError::NotSignedIn),
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

    #[test]
    fn access_rules() {
        assert!(authorize(Access::Public, false).is_ok());
        assert!(matches!(
            authorize(Access::SignedIn, false),
            Err(ApiError::NotSignedIn)
        ));
        assert!(authorize(Access::SignedIn, true).is_ok());
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

    /// Everyone the access matrix plays: anonymous and each demo staff login.
    const WHO: &[&str] = &[
        "anon",
        "admin",
        "dispatcher",
        "leader",
        "worker-a",
        "worker-b",
        "handler",
        "clerk",
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
