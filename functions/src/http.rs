//! Response helpers: JSON with strong ETags (so clients revalidate cheaply) and
//! JSON problems.

use crate::error::ApiError;
use serde::Serialize;
use wangge_core::problem::Problem;
use worker::{Headers, Request, Response};

const JSON: &str = "application/json; charset=utf-8";

/// A JSON 200 with an ETag over the body, or a bodiless 304 when the client's
/// `If-None-Match` already names it.
pub fn json_etag<T: Serialize>(req: &Request, value: &T) -> Result<Response, ApiError> {
    etag_body(req, serde_json::to_vec(value)?)
}

/// `json_etag` for a body that is JSON text already (a document compiled into the Worker).
pub fn json_text_etag(req: &Request, json: &str) -> Result<Response, ApiError> {
    etag_body(req, json.as_bytes().to_vec())
}

fn etag_body(req: &Request, body: Vec<u8>) -> Result<Response, ApiError> {
    let etag = format!("\"{:016x}\"", fnv1a64(&body));
    let headers = Headers::new();
    headers.set("ETag", &etag)?;
    // Always revalidate: the SPA keeps its own offline copy in IndexedDB.
    headers.set("Cache-Control", "no-cache")?;
    if let Some(inm) = req.headers().get("If-None-Match")? {
        if etag_matches(&inm, &etag) {
            return Ok(Response::empty()?.with_status(304).with_headers(headers));
        }
    }
    headers.set("Content-Type", JSON)?;
    Ok(Response::from_bytes(body)?.with_headers(headers))
}

/// A JSON answer that is never cached (session answers, personal data).
/// A JSON body as `T`, with the hash that makes it an idempotency key: SHA-256 of
/// "METHOD path\n" + the body as sent (the same id sent to another path is another write).
pub async fn body_with_hash<T: serde::de::DeserializeOwned>(
    req: &mut Request,
) -> Result<(T, String), ApiError> {
    let text = req.text().await?;
    let value = serde_json::from_str(&text).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let keyed = format!("{} {}\n{}", req.method(), req.path(), text);
    Ok((value, crate::crypto::sha256_hex(keyed.as_bytes()).await?))
}

/// A JSON body of type `T`, or 400.
pub async fn json_body<T: serde::de::DeserializeOwned>(req: &mut Request) -> Result<T, ApiError> {
    req.json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))
}

pub fn json_no_store<T: Serialize>(value: &T) -> Result<Response, ApiError> {
    let headers = Headers::new();
    headers.set("Content-Type", JSON)?;
    headers.set("Cache-Control", "no-store")?;
    Ok(Response::from_bytes(serde_json::to_vec(value)?)?.with_headers(headers))
}

/// Security headers on every API answer (the SPA's assets get theirs from `public/_headers`).
pub fn secure(mut resp: Response) -> worker::Result<Response> {
    let h = resp.headers_mut();
    h.set(
        "Content-Security-Policy",
        "default-src 'none'; frame-ancestors 'none'",
    )?;
    h.set("X-Content-Type-Options", "nosniff")?;
    h.set("Referrer-Policy", "no-referrer")?;
    h.set("X-Frame-Options", "DENY")?;
    Ok(resp)
}

/// The one mapping from errors to HTTP problems.
pub fn problem(err: &ApiError) -> worker::Result<Response> {
    let code = err.code();
    if code.status() >= 500 {
        worker::console_error!("internal error: {err}");
    }
    let body = serde_json::to_vec(&problem_of(err))?;
    let headers = Headers::new();
    headers.set("Content-Type", JSON)?;
    headers.set("Cache-Control", "no-store")?;
    if let ApiError::MethodNotAllowed { allow } = err {
        headers.set("Allow", allow)?;
    }
    if let ApiError::TooManyAttempts { retry_after_secs } = err {
        headers.set("Retry-After", &retry_after_secs.to_string())?;
    }
    Ok(Response::from_bytes(body)?
        .with_status(code.status())
        .with_headers(headers))
}

/// The problem body of `err`, as JSON text (kept as a write's stored answer).
pub fn problem_body(err: &ApiError) -> String {
    serde_json::to_string(&problem_of(err)).unwrap_or_default()
}

fn problem_of(err: &ApiError) -> Problem {
    let mut problem = Problem::from(err.code());
    match err {
        ApiError::Invalid(details) => problem.errors = details.clone(),
        ApiError::IllegalTransition { state } => problem.state = Some(state.as_str().into()),
        ApiError::VersionConflict { state, version } => {
            problem.state = Some(state.as_str().into());
            problem.version = Some(*version);
        }
        _ => {}
    }
    problem
}

fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match
        .split(',')
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag)
}

/// FNV-1a: tiny, deterministic, plenty for change detection.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etag_lists_and_weak_tags_match() {
        assert!(etag_matches("\"ab\"", "\"ab\""));
        assert!(etag_matches("\"x\", W/\"ab\"", "\"ab\""));
        assert!(etag_matches("*", "\"ab\""));
        assert!(!etag_matches("\"abc\"", "\"ab\""));
    }

    #[test]
    fn fnv_differs_on_one_byte() {
        assert_ne!(fnv1a64(b"138"), fnv1a64(b"139"));
    }
}
