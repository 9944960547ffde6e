//! The Wangge API: a Cloudflare Worker serving `/api/v1/*` from D1.
//! Everything else (the SPA) is served by the assets binding before this code runs.

mod error;
mod grids;
mod http;
mod store;

use error::ApiError;
use worker::{event, Context, Env, Method, Request, Response};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    match route(&req, &env).await {
        Ok(resp) => Ok(resp),
        Err(err) => http::problem(&err),
    }
}

/// The route table. Each arm names the methods it accepts so a wrong method is a 405,
/// not a 404.
async fn route(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let url = req.url()?;
    // "/api/v1/…" only: "/api/v1grids" must not match.
    let rest = url
        .path()
        .strip_prefix(wangge_core::API_PREFIX)
        .and_then(|r| r.strip_prefix('/'))
        .ok_or(ApiError::RouteNotFound)?;
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    let read_only = |m: &Method| matches!(m, Method::Get | Method::Head);
    match segments.as_slice() {
        ["grids"] if read_only(&req.method()) => grids::tree(req, env).await,
        ["grids", code] if read_only(&req.method()) => grids::card(req, env, code).await,
        ["grids"] | ["grids", _] => Err(ApiError::MethodNotAllowed { allow: "GET, HEAD" }),
        _ => Err(ApiError::RouteNotFound),
    }
}
